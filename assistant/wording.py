"""Wording: draft text -> one verdict per sentence (supported, conflict, outdated, unsupported).

Each sentence is split into typed claims: every figure (a value with its unit and what it
measures), date or period, change of direction, named body or role, and place. A sentence is
supported only when one passage the documents hold (a sentence, or a table row read with its
caption) makes every claim, about the same thing; a claim the passage states differently is a
conflict naming both values; a claim no passage makes leaves the sentence unsupported. A false
"supported" is the harmful verdict, so when unsure the judge says unsupported.

The judging is pure: it takes a `lookup` that returns the retrieved passages for a draft
sentence with their alignment scores (the pipeline builds it on hybrid retrieval and the
evidence scorer). The claims and the passages' figures are read in `claims.py`; every English
pattern is in `language.py`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant import editions
from assistant import language as lang
from assistant.cite import split_sentences
from assistant.claims import (
    Claim,
    DocFigure,
    GlossaryRules,
    Reading,
    WordingPolicy,
    attached_date,
    bodies,
    claims,
    clause_of,
    overlap,
    plain_name,
    read_passage,
)

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
    fit = {id(f): overlap(claim.about, f.about) for f in same_unit}
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
    if q.unit == "%" and (part := _share_of_counts(q, doc, tol)):
        return "found", *part
    if best is not None and best_fit > 0:
        return "conflict", best.q.text.strip(), best
    other = [f for f in doc.figures if abs(f.q.value - q.value) < 1e-9 and f.q.unit != q.unit]
    if other and overlap(claim.about, other[0].about) > 0:
        return "conflict", other[0].q.text.strip(), other[0]
    return "missing", "", None


def _share_of_counts(
    q: lang.Quantity, doc: Reading, tol: tuple[float, float]
) -> tuple[str, DocFigure] | None:
    """A share the passage gives as two counts of one sentence: "one in six" for "11 of 64".

    Returns ("11 of 64", the whole's figure) when the part over the whole is the draft's share
    within its precision or stated tolerance.
    """
    counts = [f for f in doc.figures if f.q.unit == "" and f.q.value > 0]
    for whole in counts:
        for part in counts:
            if part.unit_index != whole.unit_index or part.q.value >= whole.q.value:
                continue
            share = 100 * part.q.value / whole.q.value
            if lang.same_value(q, dataclasses.replace(q, value=share, approx=""), *tol):
                return f"{part.q.text.strip()} of {whole.q.text.strip()}", whole
    return None


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
        rival = max(prose, key=lambda f: overlap(claim.measure, f.measure), default=None)
        if rival and overlap(claim.measure, rival.measure) > overlap(claim.measure, m.measure):
            return rival
        return None
    rival = max(others, key=lambda f: overlap(claim.about, f.about))
    fit, best_fit = overlap(claim.about, m.about), overlap(claim.about, rival.about)
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
    bases = [v for v, _, i in doc.bases if i == anchor] if not full else []
    if any(hit(v) for v in [*(v for v, _ in here), *bases]):
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
    doc: Reading,
    anchors: list[int],
    found: list[DocFigure],
    sentence: str,
    subject: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """The change the passage states where the draft's claims sit: from figures, then words.

    With no figure to anchor it, a change is read only from a sentence that names all of
    `subject` (what the draft says changed), so "domestic abuse-related violence fell" is not
    backed by "violence fell". Returns (direction, what shows it): "1,620 (2023/24) to 1,710
    (2024/25)" from a table.
    """
    for f in found:
        if shown := _figure_direction(doc, f):
            return shown
        before = doc.units[f.unit_index][max(0, f.q.start - 30) : f.q.start] if f.row < 0 else ""
        if said := lang.change(before):  # "rose by 4.7% ..., and then fell by 2.7%"
            word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(before)
            return said, word.group(0) if word else said
    words = lang.terms(sentence)
    ranked = sorted(range(len(doc.units)), key=lambda i: -overlap(words, lang.terms(doc.units[i])))
    for i in [*anchors, *ranked[:2]]:
        text = doc.units[i]
        if subject and not found and overlap(subject, lang.terms(text)) < len(subject):
            continue
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
    scores = [overlap(words, lang.terms(u)) for u in doc.units]
    return max(range(len(scores)), key=lambda i: scores[i]) if scores else -1


def check_passage(
    sentence: str,
    said: list[Claim],
    aligned: Aligned,
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> list[ClaimCheck]:
    """Check every claim of a sentence against one passage (figures first: they anchor it)."""
    heading = f"{aligned.source.get('title', '')}\t{aligned.source.get('section', '')}"
    doc = read_passage(aligned.passage, heading, rules.common, policy.context_words)
    strong = aligned.score >= policy.supported
    out: dict[int, ClaimCheck] = {}
    found: list[DocFigure] = []
    wrong_period: dict[Any, str] = {}
    deadlines: dict[int, tuple[str, str]] = {}  # a date claim's start -> its check
    for i, c in enumerate(said):
        if c.kind == "number":
            dated = any(x.kind == "date" for x in said)
            status, value, fig = check_figure(c, doc, policy, strong, dated)
            if status == "conflict-date":
                wrong_period[c.period] = value
                status, value = "found", ""
            if status == "found" and fig is not None:
                found.append(fig)
                deadlines.update(_deadline(sentence, c, doc, fig))
            out[i] = ClaimCheck(c.kind, c.text, c.start, c.end, status, value)
    anchors = list(dict.fromkeys(f.unit_index for f in found)) or [_anchor_unit(doc, sentence)]
    for i, c in enumerate(said):
        if c.kind == "date":
            status, value = (
                ("conflict", wrong_period[c.value])
                if c.value in wrong_period
                else deadlines.get(c.start) or check_date(c, doc, anchors[0])
            )
        elif c.kind == "direction":
            subject = _subject(sentence, c, rules.common)
            shown, value = doc_direction(doc, anchors, found, sentence, subject)
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


def _deadline(sentence: str, c: Claim, doc: Reading, fig: DocFigure) -> dict[int, tuple[str, str]]:
    """The date the draft gives a figure for, checked against the date the passage gives it.

    "a 10% cut by March 2026" where the passage says "a 10% reduction by March 2027" (even if
    March 2026 is in the same sentence, for another figure) is a date conflict.
    """
    mine = attached_date(sentence, c.end)
    unit = doc.units[fig.unit_index] if fig.row < 0 else ""
    theirs = attached_date(unit, fig.q.end) if unit else None
    if not mine or not theirs:
        return {}
    said, given = (
        lang.full_dates(sentence[mine[0] : mine[1]]),
        lang.full_dates(unit[theirs[0] : theirs[1]]),
    )
    if not said or not given:
        return {}
    (a, _, _, _), (b, text, _, _) = said[0], given[0]
    same = a[:2] == b[:2] and a[2] in (0, b[2])
    return {mine[0]: ("found", "") if same else ("conflict", text)}


def _subject(sentence: str, c: Claim, common: frozenset[str]) -> frozenset[str]:
    """What a change is said of: the content words of its clause, but for the background."""
    left, right = clause_of(sentence, c.start, c.end)
    words = lang.terms(lang.mask_editions(sentence[left:right]))
    return frozenset(
        w
        for w in map(lang.base_word, words)
        if w not in common and not lang.change(f"{w} by") and not re.search(r"\d", w)
    )


def _check_relation(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Who does it: the passage's "chaired by ..." where the draft's sentence sits."""
    verb, who = c.value
    units = [anchor] + [i for i in range(len(doc.units)) if i != anchor]
    for i in units:
        for m in lang.RELATION.finditer(doc.units[i] if i >= 0 else ""):
            if m.group(1).lower() != verb:
                continue
            theirs = plain_name(m.group(2))
            if theirs.startswith(who) or who.startswith(theirs):
                return "found", ""
            return "conflict", m.group(2).strip()
    return "missing", ""


def _names_in(text: str, rules: GlossaryRules) -> list[tuple[str, str]]:
    return [("body", n) for n, _ in bodies(text)] + [("place", p) for p, _ in rules.places_in(text)]


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
    if c.kind == "place" and (bound := _place_of_body(c, unit, sentence, rules)):
        return bound
    if _names(c, unit, rules) or (
        c.kind == "body" and _names(c, doc.text.split("\n")[0].replace("\t", " "), rules)
    ):
        return "found", ""
    if c.kind == "body" and not rules.known(c.text) and not _short_forms(c, rules):
        return "missing", "named nowhere in the documents"
    drafted = {plain_name(n) for _, n in _names_in(sentence, rules)}
    others = [n for k, n in _names_in(unit, rules) if k == c.kind and plain_name(n) not in drafted]
    if others:
        return "conflict", others[0]
    return ("found", "") if _names(c, doc.text, rules) else ("missing", "")


def _place_of_body(
    c: Claim, unit: str, sentence: str, rules: GlossaryRules
) -> tuple[str, str] | None:
    """A place the draft gives a body, checked among the places the passage gives that body.

    "Eastshire Council covers Eastport and Northcliff" against "Eastshire Council, covering
    Eastport and Westhaven, and Westshire Council, covering Northcliff": the places after
    Eastshire Council, up to the next body, are Eastport and Westhaven, so Northcliff is a
    conflict. None when the passage names fewer than two bodies or not the draft's.
    """
    theirs = bodies(unit)
    mine = {plain_name(n) for n, _ in bodies(sentence)}
    if len(theirs) < 2 or not mine:
        return None
    starts = sorted(s for _, s in theirs)
    for name, start in theirs:
        if plain_name(name) not in mine:
            continue
        end = start + len(name)
        stop = min((s for s in starts if s >= end), default=len(unit))
        own = [p for p, _ in rules.places_in(unit[end:stop])]
        if not own:
            return None
        if c.text in own:
            return "found", ""
        drafted = {p for p, _ in rules.places_in(sentence)}
        return "conflict", next((p for p in own if p not in drafted), own[0])
    return None


def _short_forms(c: Claim, rules: GlossaryRules) -> set[str]:
    name = plain_name(c.text)
    return {k for k, v in rules.acronyms.items() if plain_name(v) == name}


def _names(c: Claim, text: str, rules: GlossaryRules) -> bool:
    """True when a text names the claim's body or place (or the glossary's short form)."""
    low = text.lower()
    return plain_name(c.text) in low or any(
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
    column = max(columns, key=lambda col: (overlap(lang.terms(col), asked), -columns.index(col)))
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
        old = [
            (a, check_passage(sentence, said, a, rules, policy))
            for a in everything
            if a.status == "superseded" and a.score >= full[0][0].score
        ]
        if found := editions.stale(said, full[0][0].score, checked, old):
            return _stale(v, *full[0], *found)
        return _supported(v, *full[0], rules)
    return _conflict_or_unsupported(v, checked, everything, rules, policy)


def _stale(
    v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck], old: Any, newer: Any
) -> SentenceVerdict:
    """Outdated: a replaced edition's figure given as today's (see editions.stale)."""
    _cite(v, aligned, checks)
    v.verdict, v.element = "outdated", "superseded"
    v.draft_value, v.document_value = newer.text, newer.document_value
    v.corrected = corrected(v.sentence, [newer])
    v.reasons.append(
        f'"{newer.text}" is the figure of a superseded document ({old.source.get("title")}); '
        f'the current documents say "{newer.document_value}"'
    )
    return v


def _anchored(said: list[Claim]) -> bool:
    """True when the claims pin the passage down: a figure or a date, not only names."""
    return any(c.kind in ("number", "date") for c in said)


def _supported(
    v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck], rules: GlossaryRules
) -> SentenceVerdict:
    _cite(v, aligned, checks)
    if title := _edition_spoken_of(v.sentence, aligned, rules):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(f"this describes {title}, which has been superseded")
        return v
    v.verdict = "supported"
    v.reasons.append(
        f"every claim ({len(checks)}) is in one passage" if checks else "matches the documents"
    )
    return v


def _edition_spoken_of(sentence: str, aligned: Aligned, rules: GlossaryRules) -> str:
    """The superseded document the matching passage sentence speaks of ("" if none).

    A current document that says "Its headline target was 5%" after naming the 2024 strategy
    backs a draft about the 2024 strategy, not a draft that presents 5% as today's target.
    """
    old = rules.superseded_titles
    titles = {t: t for t in [*rules.titles, *old]}
    # the draft speaks of the old edition when its words fit that title alone
    named = lang.named_documents(sentence, titles, most=1, years=True)
    text = lang.drop_compared_editions(aligned.text)
    spelled = (t for t in old if t.lower() in text.lower() and t not in named)
    if title := next(spelled, ""):
        return title
    units = split_sentences(aligned.passage)
    at = next((i for i, u in enumerate(units) if aligned.text.strip() in u), -1)
    before = units[at - 1] if at > 0 else ""
    return lang.quoted_edition(text, before, titles, old, named)


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
        if editions.values_found(check_passage(sentence, said, a, rules, policy)):
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
