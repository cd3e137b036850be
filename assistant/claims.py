"""Claims: draft sentence -> typed claims; passage -> its figures (pure).

What the wording check compares: each figure of a draft with its unit, what it measures and its
period, each date, direction of change, body, place and "chaired by" relation; and each figure
of a passage, from its sentences and its table cells (with the caption and row label). The
judging itself is in wording.py.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from assistant import language as lang
from assistant.cite import split_sentences
from assistant.evidence import parse_row
from assistant.figure_scope import far_rate, opening_period


@dataclass(frozen=True)
class WordingPolicy:
    """The judge's thresholds (alignment on the evidence scorer's scale) and tolerances."""

    supported: float = 0.60  # a claimless sentence must align this well to be supported
    related: float = 0.45  # below this, nothing in the documents is about the sentence
    approx_tolerance: float = 0.05  # "nearly 2,300" matches 2,185-2,300 (5%, on its side)
    over_tolerance: float = 0.10  # "more than a third" matches 33.3%-36.7% (a lower bound)
    context_words: int = 5  # content words either side of a figure say what it measures
    passages: int = 6  # passages (best aligned first) a sentence is checked against
    outrank_margin: float = 0.05  # a clash this much better aligned than the backing vetoes it
    restated_ceiling: float = 0.85  # a current passage aligned this well keeps a draft current


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
        self.titles: list[str] = list(data.get("titles", [])) or self.superseded_titles
        self.acronyms = {a["term"]: a["expansion"] for a in data.get("acronyms", [])}
        self.corpus_text: str = data.get("corpus_text", "")
        self.common: frozenset[str] = frozenset(data.get("background_words", ()))
        # who speaks in each document (its title, lower case): "the Commissioner's consultation"
        self.publishers = {str(t).lower(): str(p) for t, p in data.get("publishers", {}).items()}
        # the words the corpus writes in lower case: "Across" opening a sentence is no name
        self.lower_words: frozenset[str] = frozenset(data.get("lower_words", ()))
        # whether the embedding model puts a word next to one of others (near_words.NearWord);
        # without a model, no two different words are near
        self.near: Callable[[str, list[str]], bool] = data.get("near") or _never_near

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
        return not self.corpus_text or plain_name(name) in self.corpus_text


def _never_near(word: str, others: list[str]) -> bool:
    return False


def plain_name(name: str) -> str:
    """A body's name as compared: lower case, without "the" or a possessive."""
    return re.sub(r"^the ", "", name.lower().replace("'s", "")).strip()


# --- Claims -----------------------------------------------------------------------------------


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous break to the next one."""
    breaks = [(m.start(), m.end()) for m in lang.CLAIM_BREAK.finditer(text)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(text))
    return left, right


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span (see `_clause`)."""
    return _clause(text, start, end)


def subject_start(text: str, start: int, end: int) -> int:
    """Where the clause that says what a figure measures starts.

    Its own clause, or for a clause that only gives a change's values (", from 780 to 500",
    ", down 10.4% on 2022/23") the clause before.
    """
    left = _clause(text, start, end)[0]
    if (
        _CHANGE_VALUES.match(text[left:start])
        or lang.COMPARED_VALUE.match(text[left:start])
        or (left and (m := _CHANGE_LEAD.match(text, left)) and m.end() == start)
    ):
        return _clause(text, max(0, left - 2), max(0, left - 2))[0]
    return left


def _about(text: str, start: int, end: int, n: int, common: frozenset[str]) -> frozenset[str]:
    """The content words near a figure in its clause: what it measures."""
    left, right = _clause(text, start, end)
    reach = n
    if _CHANGE_VALUES.match(text[left:start]) or lang.COMPARED_VALUE.match(text[left:start]):
        # ", from 2,800 to 3,420" or ", compared with 641": what it measures is said before
        left, reach = _clause(text, max(0, left - 2), max(0, left - 2))[0], 2 * n
    elif _CHANGE_VALUE.search(text[left:start]):  # "offences in the hotspots dropped from 745"
        reach = 2 * n
    elif left and (m := _CHANGE_LEAD.match(text, left)) and m.end() == start:
        # ", down 10.4% on 2022/23": a clause that is only the change measures the clause before
        left, reach = _clause(text, max(0, left - 2), max(0, left - 2))[0], 2 * n
    before = re.findall(r"[A-Za-z][\w'-]+", text[left:start])[-reach:]
    after = re.findall(r"[A-Za-z][\w'-]+", text[end:right])[:n]
    words = map(lang.base_word, lang.terms(" ".join(before + after)))
    return frozenset(
        w
        for w in words
        if w not in common and not lang.change(f"{w} by") and w not in lang.NUMBER_WORDS
    )


# A clause that gives only the values of a change: ", from 2,800 to 3,420 offences".
_CHANGE_VALUES = re.compile(
    r"^[,;\s]*(?:(?:up|down|rising|falling)\s+)?(?:from\s+£?[\d,.]+%?\s+)?(?:from|to)\s+$", re.I
)


# A value of a change after its verb in one clause: "dropped from 745 to", "rose to".
_CHANGE_VALUE = re.compile(
    rf"(?:{lang.CHANGE_UP.pattern}|{lang.CHANGE_DOWN.pattern})\s+(?:by\s+[\d.]+%?\s+)?"
    r"(?:from\s+£?[\d,.]+%?\s+)?(?:from|to)\s+$",
    re.I,
)


# A clause opening on a change's verb right before its value: ", down 10.4%", "; up by 6".
_CHANGE_LEAD = re.compile(
    rf"[,;\s]*(?:and\s+)?(?:{lang.CHANGE_UP.pattern}|{lang.CHANGE_DOWN.pattern})\s+(?:by\s+)?"
    r"(?=£?\d)",
    re.I,
)


_ATTACH = re.compile(r"\b(?:in|during|for|by|at|to|of|until)\s+(?:the\s+)?$", re.I)


# A figure that is the whole of a part given before it: "273,000 of Cumbria's roughly 500,000".
_WHOLE = re.compile(
    r"\d[\d,.]*%?\s+of\s+(?:(?:the|its|their|all)\s+|[A-Z][\w-]*'s\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|more than|just over|just under)\s+)?$",
    re.I,
)


# A part given before its whole: "11 of the 64 referrals", "three out of some 40 panels".
_PART_OF = re.compile(
    r"^\s+(?:out\s+)?of\s+(?:(?:the|its|their|all|these|those)\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|more than|just over|just under)\s+)?"
    r"(?:£?\d|(?:" + "|".join(lang.NUMBER_WORDS) + r")\b)",
    re.I,
)


def _measure(text: str, end: int, common: frozenset[str], start: int = -1) -> frozenset[str]:
    """The content words right after a figure, in its clause: "24.3% of its serious violence".

    The whole of a part ("273,000 of Cumbria's roughly 500,000 residents live in Cumberland")
    measures only its noun: what follows is said of the part. A part given before its whole
    ("11 of the 64 referrals were adopted") measures nothing the words after it name: those
    are the whole's, and the part is what the rest of the sentence says of it.
    """
    if _PART_OF.match(text[end:]):
        return frozenset()  # "11 of the 64 referrals were adopted": what 11 counts comes later
    right = _clause(text, end, end)[1]
    whole = start >= 0 and _WHOLE.search(text[max(0, start - 60) : start])
    words = lang.terms(
        " ".join(re.findall(r"[A-Za-z][\w'-]+", text[end:right])[: 1 if whole else 6])
    )
    return frozenset(w for w in map(lang.base_word, words) if w not in common)


def _attached_period(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The period a figure is given for: "in 2023/24" in its clause ("on 2022/23" compares).

    A period past another figure belongs to that one ("from 1,620 to 1,710 in 2024/25").
    """
    left, right = _clause(text, start, end)
    found = lang.period_spans(lang.mask_editions(text))
    spans = [p for p in found if left <= p[2] and p[3] <= right]
    spans += [p for p in found if p[2] >= right][:1]  # "..., in 2023/24"
    others = [q.start for q in lang.quantities(text) if q.start != start]
    for period, _, s, _ in sorted(spans, key=lambda p: abs(p[2] - start)):
        between = any(min(s, start) < o < max(s, start) for o in others)
        base = lang.is_base_period(text, s)  # "10.4% fewer than in 2022/23": compared with
        if _ATTACH.search(text[max(0, s - 20) : s]) and not between and not base:
            return period
    # "584 in 2023/24, compared with 641 the year before": 641 is for the year before 2023/24
    # "down 10.4% on 2022/23, following a 23.6% fall the year before": the change measured
    # from 2022/23 is 2023/24's, so the year before it is 2022/23 itself
    earlier = [
        (p[0] + 1, p[1] + 1) if lang.is_change_base(text, s) else p
        for p, _, s, _ in found
        if s < start
    ][-1:]
    if shifted := lang.shifted_periods(text[end : min(right, end + 25)], earlier):
        return next(iter(shifted))
    return opening_period(text, start, found, _is_old(text, start, end))


def attached_date(text: str, end: int, reach: int = 60) -> tuple[int, int] | None:
    """The span of the full date a figure is given for: "a 10% cut by March 2027".

    The first date after the figure (ending at `end`) in its clause, within `reach` characters,
    with no other figure between them; None when there is none.
    """
    right = min(_clause(text, end, end)[1], end + reach)
    nxt = min((q.start for q in lang.quantities(text) if q.start >= end), default=len(text))
    for _, _, s, e in lang.full_dates(text):
        if end <= s < min(right, nxt):
            return s, e
    return None


def _is_old(text: str, start: int, end: int = -1) -> bool:
    """True for the earlier value of a change: "up from 38%", "compared with 38% a year ago".

    Also "fewer than the 641 of the year before"; but a value compared with another place or
    group ("compared with 86.9 per 1,000 for England") is no earlier value.
    """
    before = text[max(0, start - 16) : start]
    if re.search(r"\bthan the\s+$", before, re.I):
        return True
    if not re.search(r"\b(?:from|compared (?:with|to))\s+$", before, re.I):
        return False
    return end < 0 or not _OTHER_GROUP.match(text[end:])


# What follows a compared value that names another place or group: "for England", "in Wales".
_OTHER_GROUP = re.compile(
    rf"^(?:\s+per\s+[\d,]+(?:\s+\w+)?)?\s+(?:for|in|across)\s+(?:the\s+)?(?!{lang.MONTHS})[A-Z]"
)


# What stands before a change word that names an aim, not a change: "every reducing
# reoffending pathway", "work on reducing violence", "Reducing reoffending is a priority".
_AIM_BEFORE = re.compile(
    r"(?:^|\b(?:every|each|on|for|to|at|of|in|by)\s+)$",
    re.I,
)


def names_an_aim(text: str, start: int, end: int) -> bool:
    """True for a change word that names an aim or a thing, not a change that happened.

    An "-ing" word with an object ("reducing reoffending") after "every", "each", a preposition
    or the sentence's start: "Every reducing reoffending pathway lead ...", "work on reducing
    violence". "Crime is reducing", "reducing by 5%", "a rising number" and "with rising
    demand" state a change.
    """
    if not text[start:end].lower().endswith("ing"):
        return False
    state = r"(?:by|to|from|in|over|since|number|numbers|level|levels|rate|rates|share|trend)\b"
    if not re.match(rf"\s+(?!{state})[A-Za-z]", text[end:], re.I):
        return False
    if _LIST_OPENS.search(text[:start]) and re.search(r"(?:,|\band)\s+$", text[:start]):
        return True  # an item of a list of aims: "among them ASB, reducing reoffending and ..."
    return bool(_AIM_BEFORE.search(text[max(0, start - 12) : start]))


# What opens a list of things a sentence names: "including", "such as", "among them", a colon.
_LIST_OPENS = re.compile(r"\b(?:including|such as|among them|among which|namely)\b|:", re.I)


def claims(sentence: str, rules: GlossaryRules, policy: WordingPolicy) -> list[Claim]:
    """Split a draft sentence into its typed claims, in the order they appear."""
    out = []
    for q in (far_rate(q, sentence) for q in lang.quantities(sentence)):
        about = _about(sentence, q.start, q.end, policy.context_words, rules.common)
        period = _attached_period(sentence, q.start, q.end)
        old, measure = (
            _is_old(sentence, q.start, q.end),
            _measure(sentence, q.end, rules.common, q.start),
        )
        out.append(Claim("number", q.text.strip(), q.start, q.end, q, about, period, old, measure))
    spans = lang.month_spans(sentence)  # "April 2025 to March 2028": one period, not two dates
    out += [Claim("date", text, s, e, value) for value, text, s, e in spans]
    for value, text, s, e in lang.full_dates(sentence):
        if not any(a <= s < b for _, _, a, b in spans):
            out.append(Claim("date", text, s, e, value))
    for value, text, s, e in lang.period_spans(lang.mask_editions(sentence)):
        out.append(Claim("date", text, s, e, value))
    for way, pattern in (("up", lang.CHANGE_UP), ("down", lang.CHANGE_DOWN)):
        out += [
            Claim("direction", m.group(0), m.start(), m.end(), way)
            for m in pattern.finditer(sentence)
            if not names_an_aim(sentence, m.start(), m.end())
        ]
    out += [
        Claim("direction", m.group(1), m.start(), m.end(), m.group(1))
        for m in lang.HEADLINE_CHANGE.finditer(sentence)
    ]
    out += [Claim("direction", w, s, e, way) for way, w, s, e in lang.share_changes(sentence)]
    for m in lang.RELATION.finditer(sentence):
        value = (m.group(1).lower(), plain_name(m.group(2)))
        out.append(Claim("relation", m.group(2).strip(), m.start(2), m.end(2), value))
    named = bodies(sentence)
    out += [Claim("body", name, s, s + len(name), name) for name, s in named]
    inside = [(s, s + len(n)) for n, s in named]
    for place, s in rules.places_in(sentence):
        if not any(a <= s < b for a, b in inside):
            out.append(Claim("place", place, s, s + len(place), place))
    return sorted(out, key=lambda c: c.start)


# The rest of a document's title after a body's name: "[Police], Fire and Crime Plan".
_TITLE_REST = re.compile(
    r"^,?\s(?:(?:and|of|for|&)\s)?(?:[A-Z][\w'-]*,?\s(?:(?:and|of|for|&)\s)?)*"
    r"(?:Strategy|Plan|Agreement|Assessment|Report|Briefing|Overview|Refresh)\b"
)


def bodies(text: str) -> list[tuple[str, int]]:
    """Named bodies and roles, longest first, without overlaps (a document's title is none)."""
    found: list[tuple[str, int]] = []
    for pattern in (lang.ROLE, lang.BODY_NAME):
        for m in pattern.finditer(text):
            if _TITLE_REST.match(text[m.end() :]) and pattern is lang.BODY_NAME:
                continue
            # ", the" and "and the" end a name: "the OPFCC's Head of ..., the Operational
            # Group" and "Recovery Steps Cumbria and the Probation Service" are two
            name = re.split(r",? and the |, the ", m.group(0), flags=re.I)[-1]
            name = re.sub(r"^(?:The|In|At|By|For|From|And|With) ", "", name)
            s = m.end() - len(name)
            for part, at in _joined(name, s, pattern is lang.BODY_NAME):
                if not any(a <= at < a + len(n) or at <= a < at + len(part) for n, a in found):
                    found.append((part, at))
    return found


def _joined(name: str, start: int, split: bool) -> list[tuple[str, int]]:
    """A run of names cut where "and" joins two bodies (lang.BODY_JOIN), with their starts."""
    if not split:
        return [(name, start)]
    out, at = [], 0
    for m in lang.BODY_JOIN.finditer(name):
        out.append((name[at : m.start(1)], start + at))
        at = m.end()
    return [*out, (name[at:], start + at)]


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
    bases: tuple[tuple[tuple[int, int], str, int], ...] = ()  # periods a change is measured from
    rows: tuple[int, ...] = ()  # per unit, the table row it is a cell of (-1 in prose)


@functools.lru_cache(maxsize=4096)
def read_passage(passage: str, heading: str, common: frozenset[str], n: int) -> Reading:
    """Read a passage's sentences and table cells (a cell with its caption and row label)."""
    units: list[str] = []
    rows: list[int] = []
    figures: list[DocFigure] = []
    caption = ""
    for row, sentence in enumerate(split_sentences(passage)):
        if " | " not in sentence:
            caption = sentence if len(sentence) < 200 else ""
            figures += _prose_figures(sentence, len(units), n, common)
            units.append(sentence)
            rows.append(-1)
            continue
        label, cells = parse_row(sentence)
        mixed = any(lang.rate_unit(c.column) for c in cells)  # a row with rate and count columns
        # a cell without figures says what the row measures ("Measure: crime per 1,000 residents")
        words = " ".join(c.value for c in cells if not lang.quantities(c.value))
        figures += _label_figures(caption, label, len(units), row, common)
        for cell in cells:
            head = cell.column if mixed else f"{cell.column} {label} {caption} {words}"
            rate = lang.rate_unit(head)
            figures += _cell_figures(caption, label, cell, len(units), row, common, rate)
            units.append(f"{caption} {label} | {cell.column}: {cell.value}".strip())
            rows.append(row)
    dates = [(v, t, i) for i, u in enumerate(units) for v, t, _, _ in lang.full_dates(u)]
    periods, bases = [], []
    for i, unit in enumerate(units):
        masked = lang.mask_editions(unit)
        for v, t, s, _ in lang.period_spans(masked):
            (bases if lang.is_base_period(masked, s) else periods).append((v, t, i))
    section = heading.split("\t")[-1]  # a title's year names the edition, not a period
    periods += [(v, t, -1) for v, t, _, _ in lang.period_spans(section)]
    text = f"{heading}\n{passage}".lower()
    return Reading(
        tuple(units), tuple(figures), tuple(dates), tuple(periods), text, tuple(bases), tuple(rows)
    )


def row_units(doc: Reading, unit: int) -> set[int]:
    """The unit and, where it is a table cell, the other cells of its row: one row binds them."""
    row = doc.rows[unit] if 0 <= unit < len(doc.rows) else -1
    return {unit} if row < 0 else {i for i, r in enumerate(doc.rows) if r == row}


def _prose_figures(sentence: str, i: int, n: int, common: frozenset[str]) -> list[DocFigure]:
    return [
        DocFigure(
            q,
            _about(sentence, q.start, q.end, n, common),
            _attached_period(sentence, q.start, q.end),
            i,
            old=_is_old(sentence, q.start, q.end),
            measure=_measure(sentence, q.end, common),
        )
        for q in lang.quantities(sentence)
    ]


def _label_figures(
    caption: str, label: str, i: int, row: int, common: frozenset[str]
) -> list[DocFigure]:
    """The figures a row label states: the 18 of "Serious violence offences in the 18 hotspots".

    They belong to the row (no period, no column), so they count what the label counts.
    """
    about = frozenset(lang.terms(f"{caption} {label}") - common)
    masked = lang.mask_editions(label)
    return [
        DocFigure(q, about, None, i, row, "", label, measure=_measure(masked, q.end, common))
        for q in lang.quantities(masked)
    ]


def _cell_figures(
    caption: str, label: str, cell: Any, i: int, row: int, common: frozenset[str], rate: str = ""
) -> list[DocFigure]:
    """The figures of a table cell; a bare number under a "per 1,000" heading is that rate."""
    about = frozenset(lang.terms(f"{caption} {label} {cell.column}") - common)
    column, row_label = lang.mask_editions(cell.column), lang.mask_editions(label)
    spans = lang.period_spans(column)
    if spans and all(lang.is_base_period(column, s) for _, _, s, _ in spans):
        column = ""  # "Change since 2022/23": the change is given for a later period
    head = lang.periods(column) or lang.periods(row_label)
    out = []
    for q in lang.quantities(cell.value):
        if rate and q.unit in ("", "rate"):
            q = dataclasses.replace(q, unit=rate)
        when = max(head) if head else _attached_period(cell.value, q.start, q.end)
        old = _is_old(cell.value, q.start, q.end)
        measure = frozenset(lang.terms(label) - common)
        out.append(DocFigure(q, about, when, i, row, cell.column, label, old, measure))
    return out


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")


def frame(text: str, start: int, end: int, reach: int = 3) -> tuple[list[str], list[str]]:
    """The words either side of a figure up to `reach`, stopping at another figure.

    "with 310 young people in treatment" -> (["with"], ["young", "people", "in"]). A name's
    possessive is no word of its frame ("the Harbour Board's report" -> ["report"]).
    """
    left = [w.lower() for w in _TOKEN.findall(text[:start])]
    right = [w.lower() for w in _TOKEN.findall(re.sub(r"^['\u2019]s\b", "", text[end:]))]
    if any(w[0].isdigit() for w in left):
        left = left[max(i for i, w in enumerate(left) if w[0].isdigit()) + 1 :]
    if any(w[0].isdigit() for w in right):
        right = right[: min(i for i, w in enumerate(right) if w[0].isdigit())]
    return left[-reach:], right[:reach]


def shared_frame(mine: tuple[list[str], list[str]], theirs: tuple[list[str], list[str]]) -> int:
    """Content words of the words two figures (or names) share just before and just after.

    Both sides must agree (a shared word, or both at the sentence's edge): the words a figure
    counts ("serious violence offences") are shared by every figure of that noun, so they alone
    are no frame; "with 310 young people in" and "the England rate of 33.6." are. 0 otherwise.
    """
    (ml, mr), (tl, tr) = mine, theirs
    n = 0
    while n < min(len(ml), len(tl)) and ml[-1 - n] == tl[-1 - n]:
        n += 1
    k = 0
    while k < min(len(mr), len(tr)) and mr[k] == tr[k]:
        k += 1
    if not (n or not ml and not tl) or not (k or not mr and not tr):
        return 0
    return len(lang.terms(" ".join(ml[len(ml) - n :]))) + len(lang.terms(" ".join(mr[:k])))


def overlap(a: Iterable[str], b: Iterable[str]) -> int:
    """How many words of `a` have a form among `b`."""
    b = list(b)
    return sum(1 for w in a if any(lang.same_word(w, x) for x in b))


def background_words(texts: list[str], share: float = 0.4) -> frozenset[str]:
    """Content words used in more than `share` of the passages: the corpus's background."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(lang.terms(text))
    return frozenset(w for w, n in counts.items() if n > share * max(len(texts), 1))
