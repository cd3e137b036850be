"""Date check: a draft's date or period against one passage (pure).

Dates are found in the sentence (or table cell) of the passage the draft matches, else anywhere
in it; the period a change is measured from, and the date a figure is given for ("by March
2027"), are checked with the figure they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant import language as lang
from assistant.claims import (
    Claim,
    DocFigure,
    Reading,
    attached_date,
    clause_of,
    frame,
    overlap,
    row_units,
    shared_frame,
)


def _framed_date(
    claim: Claim, doc: Reading, near: set[int], sentence: str, items: Any
) -> tuple[Any, str] | None:
    """The date the passage sentence gives in the draft date's own words, if one.

    "The survey was repeated in spring 2023" against "The survey was repeated in spring 2024,
    using 2022/23 data": the words before the draft's year are the passage's before 2024 (two
    content words of them), so 2024 is the date the draft's is compared with, whatever other
    period the sentence also gives. (value, text) of that date, or None.
    """
    mine = frame(sentence, claim.start, claim.end)
    best, most = None, 1
    for v, t, i in items:
        if i not in near or not 0 <= i < len(doc.units):
            continue
        unit = doc.units[i]
        for m in re.finditer(re.escape(t), unit):
            shared = shared_frame(mine, frame(unit, m.start(), m.end()))
            if shared > most:
                best, most = (v, t), shared
            elif shared == most and best and best[0] != v:
                best = None  # two dates in the same words: the frame does not decide
    return best


def check_date(
    claim: Claim, doc: Reading, anchor: int, sentence: str = "", bound: bool = False
) -> tuple[str, str]:
    """A date or period: found, a conflict, or missing.

    Found in the sentence (or cell) the draft matches, else a conflict with the one that
    sentence gives; failing that, found anywhere in the passage or its heading (a period the
    passage gives as a starting point, "from 2016", only for a draft that does so too). Where that
    sentence gives several dates, the one in the clause most like the draft's decides
    ("created in 2012, with Peter McCall serving as Commissioner from 2016"). A table cell's
    row is where the draft sits too (its "Timescale" cell dates its "Lead" cell). A span of
    years ("2026 to 2028") is met only by the same span, not by a longer one holding it. A
    period `bound` to a figure the passage gives is looked for only beside that figure (its
    sentence or row, the one before, the heading), never in another sentence of the passage.
    """
    if len(claim.value) == 4:
        return check_span(claim, doc, anchor)
    full = len(claim.value) == 3
    items = doc.dates if full else doc.periods
    if full and sentence and lang.starts_at(sentence, claim.start):
        items = _outside_spans(items, doc)

    def hit(v: tuple[int, ...]) -> bool:
        if full:
            return v[0] == claim.value[0] and v[1] == claim.value[1] and claim.value[2] in (0, v[2])
        if claim.value[1] - claim.value[0] >= 2:  # a span of years: the same span
            return tuple(v) == tuple(claim.value)
        return lang.periods_meet({claim.value}, {v})

    near = row_units(doc, anchor)
    here = [(v, t) for v, t, i in items if i in near]
    bases = [v for v, _, i in doc.bases if i in near] if not full else []
    several = len({v for v, _ in here} | set(bases)) > 1
    if bases and sentence and lang.is_change_base(sentence, claim.start):
        # the period a draft's change is measured from ("down 4.8% on 2022/23") is the one the
        # passage measures that change from, not the period its figure is given for
        if any(hit(v) for v in bases):
            return "found", ""
        return "conflict", next(t for v, t, i in doc.bases if i in near)
    if sentence and (framed := _framed_date(claim, doc, near, sentence, items)):
        return ("found", "") if hit(framed[0]) else ("conflict", framed[1])
    if sentence and several and (own := _date_of_clause(claim, doc, anchor, sentence, full)):
        return ("found", "") if hit(own[0]) else ("conflict", own[1])
    if any(hit(v) for v in [*(v for v, _ in here), *bases]):
        return "found", ""
    if here:
        return "conflict", _period_of_figure(sentence, claim, doc.units[anchor]) or here[0][1]
    if bases and sentence and lang.is_base_period(sentence, claim.start):
        # "actions from 2025" where the sentence the draft matches says "from 2024"
        return "conflict", next(t for v, t, i in doc.bases if i in near)
    if bound:
        beside = near | {anchor - 1, -1}
        if any(hit(v) for v, _, i in items if i in beside):
            return "found", ""
        # a sentence on the figure's subject dates it ("ran from June to August 2024")
        same = _same_subject(doc, anchor, sentence)
        years = [] if full else [((v[0], v[0]), str(v[0]), i) for v, _, i in doc.dates]
        given = {v for v, _, i in [*items, *years] if i in same}
        return ("found", "") if len(given) == 1 and hit(next(iter(given))) else ("missing", "")
    if not full and lang.COMPARED_BASE.search(sentence[max(0, claim.start - 40) : claim.start]):
        # a base ("compared with 2023/24 levels") is one the passage measures from, or one
        # beside the draft's claims, not a year inside another sentence's span ("Plan 2024-2028")
        bases = [v for v, _, _ in doc.bases]
        beside = [v for v, _, i in items if i in near | {-1}]
        return ("found", "") if any(hit(v) for v in [*bases, *beside]) else ("missing", "")
    # a period the draft also gives as a starting point ("serving from 2016", "from 2016")
    starts = _starts_said_alike(claim, doc, sentence) if not full and sentence else []
    if full and sentence:
        items = [
            (v, t, i) for v, t, i in items if i in near or _said_alike(claim, doc, i, sentence, t)
        ]
    if any(hit(v) for v, _, _ in [*items, *starts]):
        return "found", ""
    if other := _other_start(claim, doc, sentence, full, hit):
        return other
    # a year the passage gives only as a date's ("ran from June to August 2024")
    dated = not full and any(hit((v[0], v[0])) for v, _, _ in doc.dates)
    return ("found", "") if dated else ("missing", "")


def _same_subject(doc: Reading, anchor: int, sentence: str) -> set[int]:
    """The prose sentences of the passage whose subject the figure's own sentence is about.

    "The consultation ran from June to August 2024. ... In total the consultation received
    2,300 responses": a figure whose sentence gives no period takes the period of a sentence
    that opens on its subject, a common word (not a name) the draft uses too. A sentence
    opening on something else ("In 2022, as chair, he brought partners together") does not.
    """

    def prose(i: int) -> bool:
        return i >= len(doc.rows) or doc.rows[i] < 0

    if not sentence or not 0 <= anchor < len(doc.units) or not prose(anchor):
        return set()
    shared = lang.terms(doc.units[anchor]) & lang.terms(sentence)
    out = set()
    for i, unit in enumerate(doc.units):
        words = re.findall(r"[A-Za-z][\w'-]*|\d\S*", unit)
        opening = next((w for w in words if lang.terms(w)), "")
        if i != anchor and prose(i) and opening.islower() and lang.terms(opening) <= shared:
            out.add(i)
    return out


def _outside_spans(items: Any, doc: Reading) -> list[Any]:
    """The passage's dates without the ends of spans ("July 2023 to March 2024").

    A span's months bound a period of counting (a baseline, a year of figures), not the time
    the thing a draft says "began in July 2023" started.
    """
    ends = {
        (i, y, m)
        for i, unit in enumerate(doc.units)
        for v, *_ in lang.month_spans(unit)
        for y, m in (v[:2], v[2:])
    }
    return [(v, t, i) for v, t, i in items if (i, v[0], v[1]) not in ends]


def _other_start(
    claim: Claim, doc: Reading, sentence: str, full: bool, hit: Callable[[Any], bool]
) -> tuple[str, str] | None:
    """A conflict with the start the passage gives for what the draft says started then.

    "Harbour patrols, which got under way in May 2023" against a passage one of whose
    sentences, on the same patrols, says they "began in May 2024": the start is a date the
    passage states otherwise, even outside the sentence the draft's other claims match.
    """
    if not sentence or not lang.starts_at(sentence, claim.start):
        return None
    words = lang.terms(sentence[: claim.start] + sentence[claim.end :])
    for unit in doc.units:
        if overlap(words, lang.terms(unit)) < 2:
            continue
        spans = lang.full_dates(unit) if full else lang.period_spans(unit)
        for v, text, start, _ in spans:
            if lang.starts_at(unit, start) and not hit(v):
                return "conflict", text
    return None


def _starts_said_alike(
    claim: Claim, doc: Reading, sentence: str
) -> list[tuple[tuple[int, int], str, int]]:
    """The passage's starting periods said of what the draft's clause says starts then.

    "Peter McCall served as Commissioner from 2016" is backed by "with Peter McCall serving as
    Commissioner from 2016", not by "since it was created in 2012" (no word of the draft's
    clause stands before it).
    """
    if not lang.is_base_period(sentence, claim.start):
        return []
    left = clause_of(sentence, claim.start, claim.end)[0]
    words = lang.terms(re.sub(r"\d", " ", sentence[left : claim.start]))
    out = []
    for v, text, i in doc.bases:
        unit = doc.units[i] if 0 <= i < len(doc.units) else ""
        at = unit.find(text)
        if at >= 0 and overlap(words, lang.terms(unit[max(0, at - 60) : at])):
            out.append((v, text, i))
    return out


def check_span(claim: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """A span from one month to another ("April 2025 to March 2028") as one period.

    Found where one passage sentence gives both its months, or the passage gives the same
    years as a period ("2025-2028", in a sentence or its heading); a conflict where the
    sentence the draft matches (or the heading) gives another month span or period of years;
    a span's years that merely fall inside a longer period are not found (they are no match
    for "2025-2028" when the draft says March 2027), and where the passage also gives the
    years' months ("1 April 2025 to 31 March 2028"), other months are a conflict.
    """
    y1, m1, y2, m2 = claim.value
    for i in {i for _, _, i in doc.dates}:
        given = {v[:2] for v, _, j in doc.dates if j == i}
        if (y1, m1) in given and (y2, m2) in given:
            return "found", ""
    spans = [(v, t) for u in doc.units for v, t, _, _ in lang.month_spans(u)]
    if other := next((t for v, t in spans if (v[0], v[2]) == (y1, y2) and v != claim.value), ""):
        return "conflict", other  # the passage gives the same years with other months
    unit = doc.units[anchor] if 0 <= anchor < len(doc.units) else ""
    theirs = lang.month_spans(unit)
    if theirs and all((v[0], v[2]) != (y1, y2) for v, _, _, _ in theirs):
        return "conflict", theirs[0][1]  # the sentence the draft matches gives another span
    if any(v == (y1, y2) for v, _, _ in doc.periods):
        return "found", ""
    if theirs:
        return "conflict", theirs[0][1]
    if spread := [t for v, t, i in doc.periods if i in (anchor, -1) and v[0] < v[1]]:
        return "conflict", spread[0]
    return "missing", ""


def _span_end(text: str, start: int) -> bool:
    """True when the date at `start` ends a span ("from March to May 2024", "runs to 2028")."""
    return bool(lang.SPAN_END.search(text[:start]))


def _said_alike(claim: Claim, doc: Reading, unit: int, sentence: str, text: str) -> bool:
    """True when a date elsewhere in the passage can meet the draft's: the end of a span by an end.

    "The review, which ran from March to May 2024, ..." ends a span in May 2024; "When I was
    elected on 2 May 2024" elsewhere in the passage gives a day, not the end of anything, so it
    does not meet it. A date the draft gives on its own is met as before.
    """
    if not _span_end(sentence, claim.start) or not 0 <= unit < len(doc.units):
        return True
    here = doc.units[unit]
    return any(_span_end(here, m.start()) for m in re.finditer(re.escape(text), here))


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


def _period_of_figure(sentence: str, claim: Claim, unit: str) -> str:
    """The period the passage gives the figure the draft dates ("455 in 2022/23"), or "".

    A conflict then names what the passage says of that figure ("455 in 2023/24"), not the
    first period of its sentence.
    """
    dated = lang.DATED_FIGURE.search(sentence[: claim.start])
    if not dated:
        return ""
    figure = re.match(r"[\d,.]*\d%?", dated.group(0))
    if figure is None:
        return ""
    unit = lang.mask_editions(unit)
    for _, text, start, _ in lang.period_spans(unit):
        before = lang.DATED_FIGURE.search(unit[:start])
        if before and before.group(0).startswith(figure.group(0)):
            return text
    return ""


def _content(text: str) -> set[str]:
    """The content words of a text, without its dates and figures."""
    return {w for w in lang.terms(text) if not re.search(r"\d", w) and w.lower() not in _MONTHS}


_MONTHS = frozenset(m.lower() for m in lang.MONTHS.split("|"))


def base_met(sentence: str, c: Claim, found: list[DocFigure], doc: Reading) -> bool:
    """True for the period a change is measured from when a figure found is for the next one.

    "10.4% fewer than in 2022/23" is backed by a fall of 10.4% given for 2023/24 (or in a
    sentence about 2023/24).
    """
    if len(c.value) != 2 or not lang.is_base_period(lang.mask_editions(sentence), c.start):
        return False
    if lang.DATED_FIGURE.search(sentence[: c.start]):  # "compared with 455 in 2022/23"
        return False  # the period of the draft's own figure, checked as that figure's
    after = (c.value[0] + 1, c.value[1] + 1)
    units = {f.unit_index for f in found}
    return any(f.period == after for f in found) or any(
        v == after and i in units for v, _, i in doc.periods
    )


def earlier_met(c: Claim, doc: Reading, fig: DocFigure | None) -> bool:
    """True for the period before a change's, given to its earlier value ("from 238 in 2025/26").

    The passage gives the change's period to its later value only ("212 in 2026/27, down from
    238"), so the period before it is the earlier value's.
    """
    if fig is None or not fig.old or len(c.value) != 2:
        return False
    return any(
        f.period == (c.value[0] + 1, c.value[1] + 1)
        for f in doc.figures
        if (f.unit_index == fig.unit_index or f.row == fig.row >= 0) and not f.old
    )


def figure_deadline(
    sentence: str, c: Claim, doc: Reading, fig: DocFigure
) -> dict[int, tuple[str, str]]:
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
