"""Wording: draft text -> one verdict per sentence (supported, conflict, outdated, unsupported).

Each sentence is split into typed claims: every figure (a value with its unit and what it
measures), date or period, change of direction, named body or role, and place. A sentence is
supported only when one passage the documents hold (a sentence, or a table row read with its
caption) makes every claim, about the same thing; a claim the passage states differently is a
conflict naming both values; a claim no passage makes leaves the sentence unsupported. A false
"supported" is the harmful verdict, so when unsure the judge says unsupported.

The judging is pure: it takes a `lookup` that returns the retrieved passages for a draft
sentence with their alignment scores (the pipeline builds it on hybrid retrieval and the
evidence scorer). Every English pattern is in `language.py`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant import language as lang
from assistant.cite import split_sentences
from assistant.evidence import parse_row

VERDICTS = ("supported", "conflict", "outdated", "unsupported")
ORDER = ("date", "number", "direction", "body", "place")  # which conflict is named first


@dataclass(frozen=True)
class Aligned:
    """A retrieved passage aligned with a draft sentence: its best sentence and score."""

    text: str
    passage: str
    score: float
    source: dict[str, Any]
    status: str = "current"


@dataclass(frozen=True)
class WordingPolicy:
    """The judge's thresholds (alignment on the evidence scorer's scale) and tolerances."""

    supported: float = 0.60  # a claimless sentence must align this well to be supported
    related: float = 0.45  # below this, nothing in the documents is about the sentence
    approx_tolerance: float = 0.05  # "nearly 2,300" matches 2,185-2,300 (5%, on its side)
    over_tolerance: float = 0.10  # "more than a third" matches 33.3%-36.7% (a lower bound)
    context_words: int = 5  # content words either side of a figure say what it measures
    passages: int = 6  # passages (best aligned first) a sentence is checked against


Thresholds = WordingPolicy  # the name the first version used


@dataclass(frozen=True)
class Claim:
    """One thing a draft sentence states."""

    kind: str  # number | date | direction | body | place
    text: str  # as the draft writes it
    start: int
    end: int
    value: Any = None  # lang.Quantity, (y, m, d), (first, last), "up"/"down", a name
    about: frozenset[str] = frozenset()  # what a figure measures (content words near it)
    period: tuple[int, int] | None = None  # the period a figure is given for
    old: bool = False  # the earlier value of a change ("from 641")
    measure: frozenset[str] = frozenset()  # the words just after a figure ("24.3% of X")


@dataclass
class ClaimCheck:
    """What the documents say about one claim: found, conflict (with their value) or missing."""

    kind: str
    text: str
    start: int
    end: int
    status: str  # found | conflict | missing
    document_value: str = ""


@dataclass
class SentenceVerdict:
    """The judgement of one draft sentence."""

    sentence: str
    verdict: str
    reasons: list[str] = field(default_factory=list)
    element: str = ""
    draft_value: str = ""
    document_value: str = ""
    quote: str = ""
    source: dict[str, Any] | None = None
    suggestions: list[str] = field(default_factory=list)
    claims: list[ClaimCheck] = field(default_factory=list)
    corrected: str = ""  # the sentence with the documents' values in place of the draft's


def split_draft(text: str) -> list[str]:
    """Split a draft into sentences; strip HTML; break unpunctuated text on lines or ~40 words."""
    if re.search(r"<[a-zA-Z][^>]*>", text):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")
        for block in soup.find_all(["p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4"]):
            block.append("\n")  # block elements end lines; inline ones (b, a, span) do not
        text = soup.get_text("")
    out: list[str] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        for sentence in split_sentences(line):
            words = sentence.split()
            out += [" ".join(words[i : i + 40]) for i in range(0, len(words), 40)] or []
    return [s for s in out if re.search(r"[A-Za-z]{2}", s)]


def numbers(text: str) -> list[str]:
    """The figures of a text as written (years and dates are not figures)."""
    return [q.text.strip() for q in lang.quantities(text)]


class GlossaryRules:
    """Renamed bodies, house-style terms, places and known names from the glossary and corpus."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Compile the glossary's patterns; `corpus_text` (lower case) is every indexed passage."""
        self.renamed = [
            (re.compile(r"(?<![\w,])" + re.escape(p) + r"s?(?![\w])", re.I), b)
            for b in data.get("renamed_bodies", [])
            for p in b.get("patterns", [])
        ]
        self.style = [
            (p, t["use"]) for t in data.get("preferred_terms", []) for p in t.get("avoid", [])
        ]
        self.places = sorted(data.get("places", []), key=len, reverse=True)
        self.superseded_titles: list[str] = list(data.get("superseded_titles", []))
        self.acronyms = {a["term"]: a["expansion"] for a in data.get("acronyms", [])}
        self.corpus_text: str = data.get("corpus_text", "")
        self.common: frozenset[str] = frozenset(data.get("background_words", ()))

    def outdated(self, sentence: str) -> tuple[str, dict[str, Any]] | None:
        """Return (matched text, glossary entry) for the first abolished or renamed body."""
        for pattern, body in self.renamed:
            if match := pattern.search(sentence):
                return match.group(0), body
        return None

    def suggestions(self, sentence: str) -> list[str]:
        """House-style suggestions (exact case, or capitalised at the start of a sentence)."""
        out = []
        for avoid, use in self.style:
            variants = {avoid, avoid[:1].upper() + avoid[1:]}
            if any(re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", sentence) for v in variants):
                out.append(f'house style: write "{use}" instead of "{avoid}"')
        return out

    def places_in(self, text: str) -> list[tuple[str, int]]:
        """Place names in a text with where they start (longest names first, no overlaps)."""
        found, rest = [], text
        for place in self.places:
            for m in re.finditer(r"\b" + re.escape(place) + r"\b", rest):
                found.append((place, m.start()))
            rest = re.sub(r"\b" + re.escape(place) + r"\b", lambda m: " " * len(m.group(0)), rest)
        return sorted(found, key=lambda p: p[1])

    def known(self, name: str) -> bool:
        """True when the documents use a name anywhere (True when no corpus text was given)."""
        return not self.corpus_text or _plain(name) in self.corpus_text


def _plain(name: str) -> str:
    return re.sub(r"^the ", "", name.lower().replace("'s", "")).strip()


# --- Claims -----------------------------------------------------------------------------------


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous break to the next one."""
    breaks = [(m.start(), m.end()) for m in lang.CLAIM_BREAK.finditer(text)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(text))
    return left, right


def _about(text: str, start: int, end: int, n: int, common: frozenset[str]) -> frozenset[str]:
    """The content words near a figure in its clause: what it measures."""
    left, right = _clause(text, start, end)
    before = re.findall(r"[A-Za-z][\w'-]+", text[left:start])[-n:]
    after = re.findall(r"[A-Za-z][\w'-]+", text[end:right])[:n]
    words = map(lang.base_word, lang.terms(" ".join(before + after)))
    return frozenset(w for w in words if w not in common and not lang.change(f"{w} by"))


_ATTACH = re.compile(r"\b(?:in|during|for|by|at|to|of|until)\s+(?:the\s+)?$", re.I)


def _measure(text: str, end: int, common: frozenset[str]) -> frozenset[str]:
    """The content words right after a figure, in its clause: "24.3% of its serious violence"."""
    right = _clause(text, end, end)[1]
    words = lang.terms(" ".join(re.findall(r"[A-Za-z][\w'-]+", text[end:right])[:6]))
    return frozenset(w for w in map(lang.base_word, words) if w not in common)


def _attached_period(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The period a figure is given for: "in 2023/24" in its clause ("on 2022/23" compares).

    A period past another figure belongs to that one ("from 1,620 to 1,710 in 2024/25").
    """
    left, right = _clause(text, start, end)
    spans = [p for p in lang.period_spans(text) if left <= p[2] and p[3] <= right]
    spans += [p for p in lang.period_spans(text) if p[2] >= right][:1]  # "..., in 2023/24"
    others = [q.start for q in lang.quantities(text) if q.start != start]
    for period, _, s, _ in sorted(spans, key=lambda p: abs(p[2] - start)):
        between = any(min(s, start) < o < max(s, start) for o in others)
        if _ATTACH.search(text[max(0, s - 20) : s]) and not between:
            return period
    return None


def _is_old(text: str, start: int) -> bool:
    """True for the earlier value of a change: "up from 38%", "down from 641"."""
    return bool(re.search(r"\bfrom\s+$", text[max(0, start - 8) : start], re.I))


def claims(sentence: str, rules: GlossaryRules, policy: WordingPolicy) -> list[Claim]:
    """Split a draft sentence into its typed claims, in the order they appear."""
    out = []
    for q in lang.quantities(sentence):
        about = _about(sentence, q.start, q.end, policy.context_words, rules.common)
        period = _attached_period(sentence, q.start, q.end)
        old, measure = _is_old(sentence, q.start), _measure(sentence, q.end, rules.common)
        out.append(Claim("number", q.text.strip(), q.start, q.end, q, about, period, old, measure))
    for value, text, s, e in lang.full_dates(sentence):
        out.append(Claim("date", text, s, e, value))
    for value, text, s, e in lang.period_spans(sentence):
        out.append(Claim("date", text, s, e, value))
    for way, pattern in (("up", lang.CHANGE_UP), ("down", lang.CHANGE_DOWN)):
        out += [
            Claim("direction", m.group(0), m.start(), m.end(), way)
            for m in pattern.finditer(sentence)
        ]
    for m in lang.RELATION.finditer(sentence):
        value = (m.group(1).lower(), _plain(m.group(2)))
        out.append(Claim("relation", m.group(2).strip(), m.start(2), m.end(2), value))
    bodies = _bodies(sentence)
    out += [Claim("body", name, s, s + len(name), name) for name, s in bodies]
    inside = [(s, s + len(n)) for n, s in bodies]
    for place, s in rules.places_in(sentence):
        if not any(a <= s < b for a, b in inside):
            out.append(Claim("place", place, s, s + len(place), place))
    return sorted(out, key=lambda c: c.start)


def _bodies(text: str) -> list[tuple[str, int]]:
    """Named bodies and roles, longest first, without overlaps."""
    found: list[tuple[str, int]] = []
    for pattern in (lang.ROLE, lang.BODY_NAME):
        for m in pattern.finditer(text):
            name = re.sub(r"^(?:The|In|At|By|For|From|And|With) ", "", m.group(0))
            s = m.end() - len(name)
            if not any(a <= s < a + len(n) or s <= a < s + len(name) for n, a in found):
                found.append((name, s))
    return found


# --- Passages, read once ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocFigure:
    """A figure in a passage, with what it measures and the period it is given for."""

    q: lang.Quantity
    about: frozenset[str]
    period: tuple[int, int] | None
    unit_index: int
    row: int = -1  # the table row it sits in (-1 in prose)
    column: str = ""
    label: str = ""
    old: bool = False  # the earlier value of a change ("up from 38%")
    measure: frozenset[str] = frozenset()  # the words just after it (a cell: its row label)


@dataclass(frozen=True)
class Reading:
    """A passage read for checking: its sentences and table cells, figures, dates, names."""

    units: tuple[str, ...]  # sentences, and each table cell read with its caption and row label
    figures: tuple[DocFigure, ...]
    dates: tuple[tuple[tuple[int, int, int], str, int], ...]  # value, text, unit index
    periods: tuple[tuple[tuple[int, int], str, int], ...]
    text: str  # the whole passage with its heading, lower case


@functools.lru_cache(maxsize=4096)
def read_passage(passage: str, heading: str, common: frozenset[str], n: int) -> Reading:
    """Read a passage's sentences and table cells (a cell with its caption and row label)."""
    units: list[str] = []
    figures: list[DocFigure] = []
    caption = ""
    for row, sentence in enumerate(split_sentences(passage)):
        if " | " not in sentence:
            caption = sentence if len(sentence) < 200 else ""
            figures += _prose_figures(sentence, len(units), n, common)
            units.append(sentence)
            continue
        label, cells = parse_row(sentence)
        for cell in cells:
            figures += _cell_figures(caption, label, cell, len(units), row, common)
            units.append(f"{caption} {label} | {cell.column}: {cell.value}".strip())
    dates = [(v, t, i) for i, u in enumerate(units) for v, t, _, _ in lang.full_dates(u)]
    periods = [(v, t, i) for i, u in enumerate(units) for v, t, _, _ in lang.period_spans(u)]
    periods += [(v, t, -1) for v, t, _, _ in lang.period_spans(heading)]
    text = f"{heading}\n{passage}".lower()
    return Reading(tuple(units), tuple(figures), tuple(dates), tuple(periods), text)


def _prose_figures(sentence: str, i: int, n: int, common: frozenset[str]) -> list[DocFigure]:
    return [
        DocFigure(
            q,
            _about(sentence, q.start, q.end, n, common),
            _attached_period(sentence, q.start, q.end),
            i,
            old=_is_old(sentence, q.start),
            measure=_measure(sentence, q.end, common),
        )
        for q in lang.quantities(sentence)
    ]


def _cell_figures(
    caption: str, label: str, cell: Any, i: int, row: int, common: frozenset[str]
) -> list[DocFigure]:
    about = frozenset(lang.terms(f"{caption} {label} {cell.column}") - common)
    head = lang.periods(cell.column) or lang.periods(label)
    out = []
    for q in lang.quantities(cell.value):
        when = max(head) if head else _attached_period(cell.value, q.start, q.end)
        old = _is_old(cell.value, q.start)
        measure = frozenset(lang.terms(label) - common)
        out.append(DocFigure(q, about, when, i, row, cell.column, label, old, measure))
    return out


def _overlap(a: Iterable[str], b: Iterable[str]) -> int:
    b = list(b)
    return sum(1 for w in a if any(lang.same_word(w, x) for x in b))


# --- Checking claims against one passage ---------------------------------------------------------


def check_figure(
    claim: Claim, doc: Reading, policy: WordingPolicy, strong: bool = False, dated: bool = True
) -> tuple[str, str, DocFigure | None]:
    """(status, document value, the document's figure) for a figure claim in one passage.

    Found when the passage states the value (within the draft's precision or its stated
    tolerance) about the same thing; with no shared words, only in a strongly aligned passage.
    A conflict when the passage gives another value about the same thing, the same value about
    something else while another figure is about this (swapped), or the value only as the
    earlier one of a change ("up from 38%").
    """
    q = claim.value
    same_unit = [f for f in doc.figures if lang.same_unit(q, f.q)]
    fit = {id(f): _overlap(claim.about, f.about) for f in same_unit}
    scored = sorted(same_unit, key=lambda f: -fit[id(f)])
    tol = (policy.approx_tolerance, policy.over_tolerance)
    matches = [f for f in scored if lang.same_value(q, f.q, *tol)]
    best = scored[0] if scored else None
    best_fit = fit[id(best)] if best else 0
    for m in matches:
        if rival := _swapped(claim, m, scored):
            if not lang.same_value(q, rival.q, *tol):
                return "conflict", rival.q.text.strip(), rival  # measures something else here
        if not (fit[id(m)] or strong or not claim.about):
            continue
        if m.old and not claim.old:
            newer = [f for f in same_unit if f.unit_index == m.unit_index and not f.old]
            return ("conflict", newer[0].q.text.strip(), m) if newer else ("missing", "", None)
        if claim.period and m.period and not lang.periods_meet({claim.period}, {m.period}):
            return "conflict-date", lang.period_label(m.period), m
        if not dated and not claim.old and (latest := _later(doc, m)):  # since replaced
            return "conflict", f"{latest.q.text.strip()} ({lang.period_label(latest.period)})", m
        return "found", m.q.text.strip(), m
    if best is not None and best_fit > 0:
        return "conflict", best.q.text.strip(), best
    other = [f for f in doc.figures if abs(f.q.value - q.value) < 1e-9 and f.q.unit != q.unit]
    if other and _overlap(claim.about, other[0].about) > 0:
        return "conflict", other[0].q.text.strip(), other[0]
    return "missing", "", None


def _swapped(claim: Claim, m: DocFigure, figures: list[DocFigure]) -> DocFigure | None:
    """The figure that measures what the draft says, when the draft's value measures another.

    "23.1% of serious violence" where the passage gives 23.1% of antisocial behaviour and
    24.3% of serious violence: returns the 24.3%.
    """
    others = [f for f in figures if f is not m]
    if not others:
        return None
    if m.row < 0 and claim.measure and m.measure:
        prose = [f for f in others if f.row < 0 and f.measure]
        rival = max(prose, key=lambda f: _overlap(claim.measure, f.measure), default=None)
        if rival and _overlap(claim.measure, rival.measure) > _overlap(claim.measure, m.measure):
            return rival
        return None
    rival = max(others, key=lambda f: _overlap(claim.about, f.about))
    fit, best_fit = _overlap(claim.about, m.about), _overlap(claim.about, rival.about)
    return rival if best_fit >= 2 and fit == 0 and m.about else None


def check_date(claim: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """A date or period: found, a conflict, or missing.

    Found in the sentence (or cell) the draft matches, else a conflict with the one that
    sentence gives; failing that, found anywhere in the passage or its heading.
    """
    full = len(claim.value) == 3
    items = doc.dates if full else doc.periods

    def hit(v: tuple[int, ...]) -> bool:
        if full:
            return v[0] == claim.value[0] and v[1] == claim.value[1] and claim.value[2] in (0, v[2])
        return lang.periods_meet({claim.value}, {v})

    here = [(v, t) for v, t, i in items if i == anchor]
    if any(hit(v) for v, _ in here):
        return "found", ""
    if here:
        return "conflict", here[0][1]
    return ("found", "") if any(hit(v) for v, _, _ in items) else ("missing", "")


def _series(doc: Reading, f: DocFigure) -> list[DocFigure]:
    """The figures of a table that give the same measure as `f` for other periods."""
    return [
        g
        for g in doc.figures
        if g.row >= 0
        and g.period is not None
        and g.q.unit == f.q.unit
        and ((g.row == f.row and g.column != f.column) or (g.row != f.row and g.column == f.column))
    ]


def _later(doc: Reading, f: DocFigure) -> DocFigure | None:
    """The latest figure of the same series given for a later period than `f`, if any."""
    if f.row < 0 or f.period is None:
        return None
    later = [g for g in _series(doc, f) if g.period and g.period > f.period]
    return max(later, key=lambda g: g.period or (0, 0)) if later else None


def doc_direction(
    doc: Reading, anchors: list[int], found: list[DocFigure], sentence: str
) -> tuple[str, str]:
    """The change the passage states where the draft's claims sit: from figures, then words.

    Returns (direction, what shows it): "1,620 (2023/24) to 1,710 (2024/25)" from a table.
    """
    for f in found:
        if shown := _figure_direction(doc, f):
            return shown
        before = doc.units[f.unit_index][max(0, f.q.start - 30) : f.q.start] if f.row < 0 else ""
        if said := lang.change(before):  # "rose by 4.7% ..., and then fell by 2.7%"
            word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(before)
            return said, word.group(0) if word else said
    words = lang.terms(sentence)
    ranked = sorted(range(len(doc.units)), key=lambda i: -_overlap(words, lang.terms(doc.units[i])))
    for i in [*anchors, *ranked[:2]]:
        text = doc.units[i]
        m = lang.FROM_TO.search(text)
        values = [lang.quantities(g) for g in m.groups()] if m else []
        if m and all(values) and values[0][0].value != values[1][0].value:
            return ("up" if values[1][0].value > values[0][0].value else "down"), m.group(0)
        if said := lang.change(text):
            word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(text)
            return said, word.group(0) if word else said
        if i in anchors and lang.CHANGE_UP.search(text) and lang.CHANGE_DOWN.search(text):
            return "", ""  # both ways where the draft's claims sit: unsure
    return "", ""


def _figure_direction(doc: Reading, f: DocFigure) -> tuple[str, str] | None:
    """A change a table shows for a figure: the same row's (or column's) earlier period."""
    if f.row < 0 or f.period is None or f.old:
        return None
    earlier = [g for g in _series(doc, f) if g.period and g.period < f.period]
    if not earlier:
        return None
    g = max(earlier, key=lambda g: g.period or (0, 0))
    if g.q.value == f.q.value:
        return None
    shown = (
        f"{g.q.text.strip()} ({lang.period_label(g.period)}) to "
        f"{f.q.text.strip()} ({lang.period_label(f.period)})"
    )
    return ("up" if f.q.value > g.q.value else "down"), shown


def _anchor_unit(doc: Reading, sentence: str) -> int:
    """The passage unit that shares most content words with the draft sentence."""
    words = lang.terms(sentence)
    scores = [_overlap(words, lang.terms(u)) for u in doc.units]
    return max(range(len(scores)), key=lambda i: scores[i]) if scores else -1


def check_passage(
    sentence: str,
    said: list[Claim],
    aligned: Aligned,
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> list[ClaimCheck]:
    """Check every claim of a sentence against one passage (figures first: they anchor it)."""
    heading = f"{aligned.source.get('title', '')} {aligned.source.get('section', '')}"
    doc = read_passage(aligned.passage, heading, rules.common, policy.context_words)
    strong = aligned.score >= policy.supported
    out: dict[int, ClaimCheck] = {}
    found: list[DocFigure] = []
    wrong_period: dict[Any, str] = {}
    for i, c in enumerate(said):
        if c.kind == "number":
            dated = any(x.kind == "date" for x in said)
            status, value, fig = check_figure(c, doc, policy, strong, dated)
            if status == "conflict-date":
                wrong_period[c.period] = value
                status, value = "found", ""
            if status == "found" and fig is not None:
                found.append(fig)
            out[i] = ClaimCheck(c.kind, c.text, c.start, c.end, status, value)
    anchors = list(dict.fromkeys(f.unit_index for f in found)) or [_anchor_unit(doc, sentence)]
    for i, c in enumerate(said):
        if c.kind == "date":
            status, value = (
                ("conflict", wrong_period[c.value])
                if c.value in wrong_period
                else check_date(c, doc, anchors[0])
            )
        elif c.kind == "direction":
            shown, value = doc_direction(doc, anchors, found, sentence)
            status = "missing" if not shown else "found" if shown == c.value else "conflict"
        elif c.kind in ("body", "place"):
            status, value = _check_name(c, doc, anchors[0], sentence, rules)
        elif c.kind == "relation":
            status, value = _check_relation(c, doc, anchors[0])
        else:
            continue
        out[i] = ClaimCheck(
            c.kind if c.kind != "relation" else "body",
            c.text,
            c.start,
            c.end,
            status,
            value if status != "found" else "",
        )
    return [out[i] for i in sorted(out)]


def _check_relation(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Who does it: the passage's "chaired by ..." where the draft's sentence sits."""
    verb, who = c.value
    units = [anchor] + [i for i in range(len(doc.units)) if i != anchor]
    for i in units:
        for m in lang.RELATION.finditer(doc.units[i] if i >= 0 else ""):
            if m.group(1).lower() != verb:
                continue
            theirs = _plain(m.group(2))
            if theirs.startswith(who) or who.startswith(theirs):
                return "found", ""
            return "conflict", m.group(2).strip()
    return "missing", ""


def _names_in(text: str, rules: GlossaryRules) -> list[tuple[str, str]]:
    return [("body", n) for n, _ in _bodies(text)] + [
        ("place", p) for p, _ in rules.places_in(text)
    ]


def _check_name(
    c: Claim, doc: Reading, anchor: int, sentence: str, rules: GlossaryRules
) -> tuple[str, str]:
    """A body, role or place: named where the passage says what the draft says, or a conflict.

    Found when the sentence of the passage the draft matches names it (or it is named elsewhere
    in the passage and that sentence names no other); a conflict when that sentence, or a
    superlative ("the highest rate"), names another.
    """
    mine = _superlative_place(sentence, rules) if c.kind == "place" else None
    if mine and mine[1] == c.text and (top := _extreme_place(doc, mine[0], sentence, rules)):
        return ("found", "") if top == c.text else ("conflict", top)
    for unit in doc.units:
        theirs = _superlative_place(unit, rules) if mine else None
        if theirs and mine and theirs[0] == mine[0] and theirs[1] != mine[1] == c.text:
            return "conflict", theirs[1]
    unit = doc.units[anchor] if 0 <= anchor < len(doc.units) else ""
    if _names(c, unit, rules) or (c.kind == "body" and _names(c, doc.text.split("\n")[0], rules)):
        return "found", ""
    if c.kind == "body" and not rules.known(c.text) and not _short_forms(c, rules):
        return "missing", "named nowhere in the documents"
    drafted = {_plain(n) for _, n in _names_in(sentence, rules)}
    others = [n for k, n in _names_in(unit, rules) if k == c.kind and _plain(n) not in drafted]
    if others:
        return "conflict", others[0]
    return ("found", "") if _names(c, doc.text, rules) else ("missing", "")


def _short_forms(c: Claim, rules: GlossaryRules) -> set[str]:
    name = _plain(c.text)
    return {k for k, v in rules.acronyms.items() if _plain(v) == name}


def _names(c: Claim, text: str, rules: GlossaryRules) -> bool:
    """True when a text names the claim's body or place (or the glossary's short form)."""
    low = text.lower()
    return _plain(c.text) in low or any(
        re.search(rf"\b{re.escape(s)}\b", text, re.I) for s in _short_forms(c, rules)
    )


def _extreme_place(doc: Reading, word: str, sentence: str, rules: GlossaryRules) -> str:
    """The place a table shows with the largest (or smallest) value of what the draft names."""
    if word not in lang.MOST | lang.LEAST:
        return ""
    rows = [f for f in doc.figures if f.row >= 0 and rules.places_in(f.label)]
    columns = list(dict.fromkeys(f.column for f in rows))
    if not columns:
        return ""
    asked = lang.terms(sentence)
    column = max(columns, key=lambda col: (_overlap(lang.terms(col), asked), -columns.index(col)))
    group = [f for f in rows if f.column == column]
    if len(group) < 3:
        return ""
    pick = max if word in lang.MOST else min
    return rules.places_in(pick(group, key=lambda f: f.q.value).label)[0][0]


def _superlative_place(text: str, rules: GlossaryRules) -> tuple[str, str] | None:
    """(superlative, the place named just before it), e.g. ("highest", "Carlisle")."""
    match = lang.SUPERLATIVE.search(text)
    if not match:
        return None
    named = [(s, p) for p, s in rules.places_in(text[: match.start()])]
    return (match.group(1).lower(), max(named)[1]) if named else None


# --- The verdict --------------------------------------------------------------------------------


def _outdated(v: SentenceVerdict, matched: str, entry: dict[str, Any]) -> SentenceVerdict:
    v.verdict, v.element, v.draft_value = "outdated", str(entry["old"]), matched
    v.document_value = str(entry["successor"])
    v.corrected = v.sentence.replace(matched, re.split(r" \(| - ", v.document_value)[0], 1)
    v.reasons.append(
        f"{matched} no longer exists: replaced by {entry['successor']} "
        f"from {entry.get('changed', 'an earlier date')}"
    )
    return v


def _cite(v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck]) -> SentenceVerdict:
    v.quote, v.source, v.claims = aligned.text, aligned.source, checks
    return v


def judge(
    sentence: str,
    current: list[Aligned],
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy | None = None,
) -> SentenceVerdict:
    """Judge one draft sentence against the passages retrieved for it (best aligned first)."""
    policy = policy or WordingPolicy()
    v = SentenceVerdict(sentence, "unsupported", suggestions=rules.suggestions(sentence))
    if old := rules.outdated(sentence):
        return _outdated(v, *old)
    related = [a for a in current[: policy.passages] if a.score >= policy.related]
    if not related:
        v.reasons.append("nothing in the documents backs this")
        return v
    said = claims(sentence, rules, policy)
    checked = [(a, check_passage(sentence, said, a, rules, policy)) for a in related]
    claim = lang.OVERCLAIM.search(sentence)
    if claim and not any(claim.group(0).lower() in a.passage.lower() for a in related[:2]):
        v.reasons.append(f'overclaim: the documents do not say "{claim.group(0)}"')
        return _cite(v, *checked[0])
    full = [(a, c) for a, c in checked if all(x.status == "found" for x in c)]
    if full and (said and _anchored(said) or full[0][0].score >= policy.supported):
        return _supported(v, *full[0], rules)
    return _conflict_or_unsupported(v, checked, everything, rules, policy)


def _anchored(said: list[Claim]) -> bool:
    """True when the claims pin the passage down: a figure or a date, not only names."""
    return any(c.kind in ("number", "date") for c in said)


def _supported(
    v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck], rules: GlossaryRules
) -> SentenceVerdict:
    _cite(v, aligned, checks)
    if title := next((t for t in rules.superseded_titles if t.lower() in aligned.text.lower()), ""):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(f"this describes {title}, which has been superseded")
        return v
    v.verdict = "supported"
    v.reasons.append(
        f"every claim ({len(checks)}) is in one passage" if checks else "matches the documents"
    )
    return v


def _conflict_or_unsupported(
    v: SentenceVerdict,
    checked: list[tuple[Aligned, list[ClaimCheck]]],
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> SentenceVerdict:
    """A conflict where a passage on the same thing states a claim otherwise, else unsupported."""

    def weight(item: tuple[Aligned, list[ClaimCheck]]) -> tuple[int, float]:
        return sum(x.status != "missing" for x in item[1]), item[0].score

    clashing = [
        (a, c)
        for a, c in checked
        if any(x.status == "conflict" for x in c)
        and (any(x.status == "found" for x in c) or a is checked[0][0])
    ]
    if not clashing:
        _cite(v, *checked[0])
        missing = [x for x in checked[0][1] if x.status != "found"]
        v.reasons.append(
            "not found in the documents: " + "; ".join(_missing_text(x) for x in missing)
            if missing
            else "only loosely related passages found"
        )
        return v
    aligned, checks = max(clashing, key=weight)
    _cite(v, aligned, checks)
    first = min(
        (x for x in checks if x.status == "conflict"), key=lambda x: (ORDER.index(x.kind), x.start)
    )
    v.element, v.draft_value, v.document_value = first.kind, first.text, first.document_value
    v.corrected = corrected(v.sentence, checks)
    if old := _superseded(v.sentence, first, everything, rules, policy):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(
            f'"{first.text}" comes from a superseded document ({old.source.get("title")}); '
            f'the current one says "{first.document_value}"'
        )
        return v
    v.verdict = "conflict"
    v.reasons += [
        f'{x.kind} differs: draft says "{x.text}", documents say "{x.document_value}"'
        for x in checks
        if x.status == "conflict"
    ]
    return v


def _missing_text(x: ClaimCheck) -> str:
    return f"{x.text} ({x.document_value})" if x.document_value else x.text


def _superseded(
    sentence: str,
    conflict: ClaimCheck,
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> Aligned | None:
    """The superseded passage that makes every claim of the sentence, if any (an old statement)."""
    said = claims(sentence, rules, policy)
    if conflict.kind not in ("number", "date"):
        return None
    for a in (x for x in everything if x.status == "superseded" and x.score >= policy.related):
        found = check_passage(sentence, said, a, rules, policy)
        if found and all(x.status == "found" for x in found):
            return a
    return None


def corrected(sentence: str, checks: list[ClaimCheck]) -> str:
    """The sentence with each conflicting claim replaced by the documents' value."""
    out = sentence
    for x in sorted(checks, key=lambda x: -x.start):
        if x.status != "conflict" or not x.document_value:
            continue
        value = x.document_value
        if x.kind == "direction":  # say the documents' direction as a verb
            value = "fell" if lang.change(f"{x.text} by") == "up" else "rose"
        out = out[: x.start] + value + out[x.end :]
    return out


def check(
    text: str,
    lookup: Callable[[str], tuple[list[Aligned], list[Aligned]]],
    rules: GlossaryRules,
    policy: WordingPolicy | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[SentenceVerdict]:
    """Judge every sentence of a draft."""
    verdicts = []
    for sentence in split_draft(text):
        current, everything = lookup(sentence)
        verdicts.append(judge(sentence, current, everything, rules, policy))
        if progress:
            progress(1)
    return verdicts


def summary(verdicts: list[SentenceVerdict]) -> dict[str, Any]:
    """Counts per verdict and the JSON list."""
    counts = {v: sum(1 for x in verdicts if x.verdict == v) for v in VERDICTS}
    return {
        "summary": {
            **counts,
            "sentences": len(verdicts),
            "all_supported": counts["supported"] == len(verdicts) > 0,
        },
        "sentences": [asdict(v) for v in verdicts],
    }


def background_words(texts: list[str], share: float = 0.4) -> frozenset[str]:
    """Content words used in more than `share` of the passages: the corpus's background."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(lang.terms(text))
    return frozenset(w for w, n in counts.items() if n > share * max(len(texts), 1))
