"""Passage check: every claim of a draft sentence against one retrieved passage (pure).

Figures are compared as values (within the draft's precision or stated tolerance), dates where
the passage gives the figure or sentence the draft matches, direction from the passage's figures
before its words, and names in name_check.py. wording.py turns the checks into a verdict.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant import language as lang
from assistant.claims import (
    Claim,
    DocFigure,
    GlossaryRules,
    Reading,
    WordingPolicy,
    attached_date,
    clause_of,
    overlap,
    read_passage,
)
from assistant.compare_check import (
    ELEMENT,
    check_comparison,
    check_document,
    check_frequency,
    check_month,
    check_role,
    check_superlative,
)
from assistant.name_check import (
    check_name,
    check_relation,
    figure_place,
    place_of_figure,
    same_place,
)


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


def check_figure(
    claim: Claim,
    doc: Reading,
    policy: WordingPolicy,
    strong: bool = False,
    dated: bool = True,
    placed: Callable[[DocFigure], bool] = lambda f: False,
) -> tuple[str, str, DocFigure | None]:
    """(status, document value, the document's figure) for a figure claim in one passage.

    Found when the passage states the value (within the draft's precision or its stated
    tolerance) about the same thing; with no shared words, only in a strongly aligned passage.
    A conflict when the passage gives another value about the same thing, the same value about
    something else while another figure is about this (swapped), or the value only as the
    earlier one of a change ("up from 38%"). A value the passage gives for the place the draft
    gives it (`placed`) is never swapped for one about another place.
    """
    q = claim.value
    same_unit = [f for f in doc.figures if lang.same_unit(q, f.q)]
    fit = {id(f): overlap(claim.about, f.about) for f in same_unit}
    scored = sorted(same_unit, key=lambda f: -fit[id(f)])
    tol = (policy.approx_tolerance, policy.over_tolerance)
    matches = [f for f in scored if lang.same_value(q, f.q, *tol)]
    if counted := [f for f in matches if _counts_other(claim, f)]:  # "four strands", not priorities
        matches = [f for f in matches if f not in counted]
        scored = [f for f in scored if f not in counted]
    # the closest reading first: a current value before an earlier one ("from 4,312"), then
    # the one about the same thing, then the nearest value ("just over 4,100" is 4,105)
    matches.sort(key=lambda f: (f.old != claim.old, -fit[id(f)], abs(f.q.value - q.value)))
    # the value the passage gives instead: never a small count of something else ("two CSPs"
    # is no other value for "six priorities")
    best = next((f for f in scored if not _counts_other(claim, f)), None)
    best_fit = fit[id(best)] if best else 0
    for m in matches:
        if (rival := _swapped(claim, m, scored)) and not (placed(m) and not placed(rival)):
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
        said, unit = other[0].q.text.strip(), other[0].q.unit
        return "conflict", said if unit in said or unit == "%" else f"{said} {unit}", other[0]
    return "missing", "", None


def _counts_other(claim: Claim, f: DocFigure) -> bool:
    """True when a small count in prose counts something else: "four strands", not priorities.

    Small counts (priorities, strands, pathways) are common values, so what they count decides.
    """
    if f.row >= 0 or claim.value.unit != "" or f.q.unit != "" or claim.old or f.q.value > 20:
        return False
    mine, theirs = _counted(claim.measure), _counted(f.measure)
    return bool(mine and theirs) and not overlap(mine, theirs)


def _counted(measure: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in measure if not re.search(r"\d", w))


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


def check_date(claim: Claim, doc: Reading, anchor: int, sentence: str = "") -> tuple[str, str]:
    """A date or period: found, a conflict, or missing.

    Found in the sentence (or cell) the draft matches, else a conflict with the one that
    sentence gives; failing that, found anywhere in the passage or its heading. Where that
    sentence gives several dates, the one in the clause most like the draft's decides
    ("created in 2012, with Peter McCall serving as Commissioner from 2016").
    """
    full = len(claim.value) == 3
    items = doc.dates if full else doc.periods

    def hit(v: tuple[int, ...]) -> bool:
        if full:
            return v[0] == claim.value[0] and v[1] == claim.value[1] and claim.value[2] in (0, v[2])
        return lang.periods_meet({claim.value}, {v})

    here = [(v, t) for v, t, i in items if i == anchor]
    bases = [v for v, _, i in doc.bases if i == anchor] if not full else []
    several = len({v for v, _ in here} | set(bases)) > 1
    if sentence and several and (own := _date_of_clause(claim, doc, anchor, sentence, full)):
        return ("found", "") if hit(own[0]) else ("conflict", own[1])
    if any(hit(v) for v in [*(v for v, _ in here), *bases]):
        return "found", ""
    if here:
        return "conflict", here[0][1]
    return ("found", "") if any(hit(v) for v, _, _ in items) else ("missing", "")


def _date_of_clause(
    claim: Claim, doc: Reading, anchor: int, sentence: str, full: bool
) -> tuple[tuple[int, ...], str] | None:
    """The date of the passage sentence whose clause shares most words with the draft date's.

    None when no clause shares a word, or two clauses with different dates share as many, or
    the draft's clause gives another date or a figure (whose period is checked with it).
    """
    left, right = clause_of(sentence, claim.start, claim.end)
    dates = lang.full_dates(sentence) + lang.period_spans(lang.mask_editions(sentence))
    if any(left <= s < right and s != claim.start for _, _, s, _ in dates):
        return None  # the draft's clause gives two dates: its words say nothing of which
    if any(left <= q.start < right for q in lang.quantities(sentence)):
        return None  # a figure's own period is checked with the figure
    mine = _content(sentence[left:right])
    unit = lang.mask_editions(doc.units[anchor])
    spans = lang.full_dates(unit) if full else lang.period_spans(unit)
    scored = []
    for value, text, s, e in spans:
        a, b = clause_of(unit, s, e)
        scored.append((overlap(mine, _content(unit[a:b])), value, text))
    best = max((n for n, _, _ in scored), default=0)
    top = {(v, t) for n, v, t in scored if n == best}
    if best == 0 or len({v for v, _ in top}) > 1:
        return None
    return next(iter(top))


def _content(text: str) -> set[str]:
    """The content words of a text, without its dates and figures."""
    return {w for w in lang.terms(text) if not re.search(r"\d", w) and w.lower() not in _MONTHS}


_MONTHS = frozenset(m.lower() for m in lang.MONTHS.split("|"))


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
    misplaced: dict[str, str] = {}  # a place the draft gives a figure -> the passage's place
    for i, c in enumerate(said):
        if c.kind == "number":
            dated = any(x.kind == "date" for x in said)
            mine = figure_place(sentence, c.start, c.end, rules)

            def placed(f: DocFigure, mine: str = mine) -> bool:
                return bool(mine) and same_place(mine, place_of_figure(doc, f, rules))

            status, value, fig = check_figure(c, doc, policy, strong, dated, placed)
            if status == "conflict-date":
                wrong_period[c.period] = value
                status, value = "found", ""
            if status == "found" and fig is not None and (row := _other_row(sentence, c, doc, fig)):
                status, value, fig = "conflict", row.q.text.strip(), None
            if status == "found" and fig is not None:
                found.append(fig)
                deadlines.update(_deadline(sentence, c, doc, fig))
                misplaced.update(_misplaced(sentence, c, doc, fig, rules))
            out[i] = ClaimCheck(c.kind, c.text, c.start, c.end, status, value)
    anchors = list(dict.fromkeys(f.unit_index for f in found)) or [_anchor_unit(doc, sentence)]
    for i, c in enumerate(said):
        if c.kind == "date" and _base_met(sentence, c, found, doc):
            status, value = "found", ""
        elif c.kind == "date":
            status, value = (
                ("conflict", wrong_period[c.value])
                if c.value in wrong_period
                else deadlines.get(c.start) or check_date(c, doc, anchors[0], sentence)
            )
        elif c.kind == "direction":
            subject = _subject(sentence, c, rules.common)
            shown, value = doc_direction(doc, anchors, found, sentence, subject)
            status = "missing" if not shown else "found" if shown == c.value else "conflict"
        elif c.kind == "place" and c.text in misplaced:
            status, value = "conflict", misplaced[c.text]
        elif c.kind in ("body", "place"):
            status, value = check_name(c, doc, anchors[0], sentence, rules)
        elif c.kind == "relation":
            status, value = check_relation(c, doc, anchors[0], sentence)
        elif c.kind == "comparison":
            status, value = check_comparison(c, doc, anchors, found, sentence)
        elif c.kind == "month":
            status, value = check_month(c, doc)
        elif c.kind == "role":
            status, value = check_role(c, doc, anchors[0], sentence)
        elif c.kind == "frequency":
            status, value = check_frequency(c, doc, anchors[0], sentence)
        elif c.kind == "superlative":
            status, value = check_superlative(c, doc, sentence)
        elif c.kind == "document":
            status, value = check_document(c, aligned, doc, anchors[0]), ""
        elif c.kind == "contact":
            status, value = ("found" if c.value in doc.text else "missing"), ""
        else:
            continue
        out[i] = ClaimCheck(
            ELEMENT.get(c.kind, c.kind) if c.kind != "relation" else "body",
            c.text,
            c.start,
            c.end,
            status,
            value if status != "found" else "",
        )
    return [out[i] for i in sorted(out)]


def _base_met(sentence: str, c: Claim, found: list[DocFigure], doc: Reading) -> bool:
    """True for the period a change is measured from when a figure found is for the next one.

    "10.4% fewer than in 2022/23" is backed by a fall of 10.4% given for 2023/24 (or in a
    sentence about 2023/24).
    """
    if len(c.value) != 2 or not lang.is_base_period(lang.mask_editions(sentence), c.start):
        return False
    after = (c.value[0] + 1, c.value[1] + 1)
    units = {f.unit_index for f in found}
    return any(f.period == after for f in found) or any(
        v == after and i in units for v, _, i in doc.periods
    )


def _other_row(sentence: str, c: Claim, doc: Reading, fig: DocFigure) -> DocFigure | None:
    """The figure of another row of the same column whose label fits the draft's words better.

    "94% feel safe after dark" where 94% is the table's "Feel safe during the day" and the
    "Feel safe after dark" row gives 69%: the draft's value belongs to another row (a changed
    qualifier), so the figure of the row it describes is returned. None when the matched row
    fits at least as well.
    """
    if fig.row < 0:
        return None
    left, right = clause_of(sentence, c.start, c.end)
    words = {w for w in lang.terms(sentence[left:right]) if not re.search(r"\d", w)} | c.about
    own = overlap(words, lang.terms(fig.label))
    rows = [
        f
        for f in doc.figures
        if f.row >= 0 and f.row != fig.row and f.column == fig.column and f.q.unit == fig.q.unit
    ]
    best = max(rows, key=lambda f: overlap(words, lang.terms(f.label)), default=None)
    return best if best and overlap(words, lang.terms(best.label)) > own else None


def _misplaced(
    sentence: str, c: Claim, doc: Reading, fig: DocFigure, rules: GlossaryRules
) -> dict[str, str]:
    """The place the draft gives a figure, when the passage gives that figure another place.

    "About 273,000 people live in Westmorland and Furness" where the passage says "273,000
    people live in Cumberland and about 227,000 in Westmorland and Furness": the figure is
    found, but for Cumberland, so the place is a conflict (a figure's scope, not just its value).
    """
    mine = figure_place(sentence, c.start, c.end, rules)
    theirs = place_of_figure(doc, fig, rules) if mine else ""
    return {mine: theirs} if theirs and not same_place(mine, theirs) else {}


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
