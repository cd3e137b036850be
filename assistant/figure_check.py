"""Figure check: a draft's figure against the figures of one passage, compared as values (pure).

A figure is found where the passage gives its value (within the draft's precision or stated
tolerance) about the same thing, and a conflict where it gives another value for it, gives the
value for something else (swapped), or gives it only as the earlier value of a change. Also the
table series a figure belongs to (its other periods), used by the date and direction checks.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from assistant import language as lang
from assistant.claims import (
    Claim,
    DocFigure,
    Reading,
    WordingPolicy,
    clause_of,
    frame,
    overlap,
    row_units,
    shared_frame,
)
from assistant.counted_check import counted_phrase


def check_figure(
    claim: Claim,
    doc: Reading,
    policy: WordingPolicy,
    strong: bool = False,
    dated: bool = True,
    placed: Callable[[DocFigure], bool] = lambda f: False,
    others: Sequence[Claim] = (),
    near: Callable[[DocFigure], bool] = lambda f: False,
    apart: Callable[[DocFigure], bool] = lambda f: False,
) -> tuple[str, str, DocFigure | None]:
    """(status, document value, the document's figure) for a figure claim in one passage.

    Found when the passage states the value (within the draft's precision or its stated
    tolerance) about the same thing; with no shared words, only in a strongly aligned passage.
    A conflict when the passage gives another value about the same thing, the same value about
    something else while another figure is about this (swapped), or the value only as the
    earlier one of a change ("up from 38%"). A value the passage gives for the place the draft
    gives it (`placed`) is never swapped for one about another place, nor for a figure the
    draft itself gives for that thing (`others`: the whole of "11 of the 64 referrals").
    A value whose passage figure counts what the draft's counts in words the embedding model
    puts next to each other (`near`: "212 fatalities", 212 deaths) is about the same thing.
    "conflict-newer" when the draft gives no date and the passage's table gives the same
    measure for a later period.
    A figure that counts something else (`apart`: counted_check.counts_apart, "nine months"
    against 500 incidents, "18 hotspots" against 780 incidents) is never the value the
    passage gives instead: the draft's figure is then missing here, not a conflict. Nor is
    the draft's own value, where that counts another measure ("5,900 patrols" against 5,900
    patrol hours): that is a conflict naming what the passage's figure counts, where the two
    are about the same thing (shared words, or a strongly aligned passage).
    """
    q = claim.value
    same_unit = [f for f in doc.figures if lang.same_unit(q, f.q)]
    fit = {id(f): overlap(claim.about, f.about) for f in same_unit}
    scored = sorted(same_unit, key=lambda f: -fit[id(f)])
    tol = (policy.approx_tolerance, policy.over_tolerance)
    matches = [f for f in scored if lang.same_value(q, f.q, *tol) and bounds_agree(q, f.q)]
    if counted := [f for f in matches if _counts_other(claim, f)]:  # "four strands", not priorities
        matches = [f for f in matches if f not in counted]
        scored = [f for f in scored if f not in counted]
    # the value counting a length of time where the draft counts things, or the other way
    # round ("5,900 patrols" for 5,900 patrol hours): the same value of another measure
    unlike = [f for f in matches if apart(f)]
    matches = [f for f in matches if not apart(f)]
    # the closest reading first: a current value before an earlier one ("from 4,312"), then
    # the one about the same thing, then the nearest value ("just over 4,100" is 4,105)
    matches.sort(key=lambda f: (f.old != claim.old, -fit[id(f)], abs(f.q.value - q.value)))
    # the value the passage gives instead: never a small count of something else ("two CSPs"
    # is no other value for "six priorities")
    best = next((f for f in scored if not _counts_other(claim, f) and not apart(f)), None)
    best_fit = fit[id(best)] if best else 0
    for m in matches:
        rival = _swapped(claim, m, [f for f in scored if f is m or not apart(f)])
        whole = rival is not None and _said_too(claim, rival, others)
        if rival and not (placed(m) and not placed(rival)) and not whole:
            if not lang.same_value(q, rival.q, *tol):
                return "conflict", rival.q.text.strip(), rival  # measures something else here
        # "11 of the 64 referrals were adopted": the one part beside the whole the draft gives
        part = whole and rival is not None and _sole_part(m, rival, doc)
        if not (fit[id(m)] or strong or not claim.about or part or near(m)):
            continue
        if m.old and not claim.old:
            newer = [f for f in same_unit if f.unit_index == m.unit_index and not f.old]
            return ("conflict", newer[0].q.text.strip(), m) if newer else ("missing", "", None)
        if claim.old and (was := _earlier_period(claim, m, same_unit)):
            return "conflict-date", was, m
        if claim.period and m.period and not lang.periods_meet({claim.period}, {m.period}):
            return "conflict-date", lang.period_label(m.period), m
        if not dated and not claim.old and (latest := later(doc, m)):  # since replaced
            return (
                "conflict-newer",
                f"{latest.q.text.strip()} ({lang.period_label(latest.period)})",
                m,
            )
        return "found", m.q.text.strip(), m
    if unlike and (fit[id(unlike[0])] or strong):
        return "conflict", counted_phrase(doc, unlike[0]), unlike[0]
    if q.unit == "%" and (part := _share_of_counts(q, doc, tol)):
        return "found", *part
    if best is not None and best_fit > 0:
        return "conflict", best.q.text.strip(), best
    other = [
        f
        for f in doc.figures
        if abs(f.q.value - q.value) < 1e-9 and f.q.unit != q.unit and not apart(f)
    ]
    if other and overlap(claim.about, other[0].about) > 0:
        said, unit = other[0].q.text.strip(), other[0].q.unit
        return "conflict", said if unit in said or unit == "%" else f"{said} {unit}", other[0]
    return "missing", "", None


def _change_pairs(text: str) -> list[tuple[lang.Quantity, lang.Quantity]]:
    """The two values of each "from X to Y" change a text states, with their offsets in it."""
    out = []
    for m in lang.FROM_TO.finditer(text):
        a, b = lang.quantities(m.group(1)), lang.quantities(m.group(2))
        if a and b:
            out.append(
                (
                    dataclasses.replace(a[0], start=a[0].start + m.start(1)),
                    dataclasses.replace(b[0], start=b[0].start + m.start(2)),
                )
            )
    return out


def mixed_changes(sentence: str, doc: Reading, policy: WordingPolicy) -> dict[int, str]:
    """Draft figures that join the values of two different changes -> the passage's value.

    "rose from 38% to 31%" where the passage's change from 38% goes to 41% (and its 31% ends
    another change): the two values of one change must come from one change of the passage.
    Returns the start of the draft value that differs, with the value the passage gives.
    """
    tol = (policy.approx_tolerance, policy.over_tolerance)

    def same(q: lang.Quantity, r: lang.Quantity) -> bool:
        return lang.same_unit(q, r) and lang.same_value(q, r, *tol)

    words = lang.terms(sentence)
    units = sorted(doc.units, key=lambda u: -overlap(words, lang.terms(u)))  # the closest first
    theirs = [p for unit in units for p in _change_pairs(unit)]
    out: dict[int, str] = {}
    for a, b in _change_pairs(sentence):
        if any(same(a, x) and same(b, y) for x, y in theirs):
            continue
        for x, y in theirs:
            if same(a, x) and lang.same_unit(b, y):
                out[b.start] = y.text.strip()
                break
            if same(b, y) and lang.same_unit(a, x):
                out[a.start] = x.text.strip()
                break
    return out


def _sole_part(m: DocFigure, whole: DocFigure, doc: Reading) -> bool:
    """True when a passage sentence gives the whole and this one figure of it, and no other.

    "64 referrals, of which 11 were adopted" backs "Eleven of the 64 were taken on"; where the
    sentence gives two parts ("9 were passed on and 12 were false alarms") the words must say
    which part the draft means.
    """
    unit = [f for f in doc.figures if f.unit_index == m.unit_index and f.row < 0]
    return m.unit_index == whole.unit_index and {id(f) for f in unit} == {id(m), id(whole)}


def _said_too(claim: Claim, rival: DocFigure, others: Sequence[Claim]) -> bool:
    """True when the draft gives the rival's value itself, for what the rival measures.

    "11 of the 64 referrals were adopted" against "64 referrals, of which 11 were adopted":
    the 64 is the draft's own whole, so its 11 was not swapped with it. A real swap gives the
    rival's value for something else ("23.1% of X and 24.3% of Y" where 24.3% is X's).
    """
    mine = overlap(claim.measure, rival.measure)
    return any(
        abs(d.value.value - rival.q.value) < 1e-9
        and lang.same_unit(d.value, rival.q)
        and overlap(d.measure, rival.measure) >= max(1, mine)
        for d in others
    )


def bounds_agree(draft: lang.Quantity, doc: lang.Quantity) -> bool:
    """False when a bound the draft puts on a figure excludes the passage's value.

    "More than 8%" is not 7.9%, however the draft rounds, and "fewer than 2,500" is not "over
    2,500": a bound says which side of its figure the value lies, so the rounding slack of
    `language.same_value` applies on that side only. A common fraction in words keeps its own
    reach ("more than half").
    """
    if draft.coarse or draft.approx not in ("over", "under"):
        return True
    if doc.approx in ("over", "under") and doc.approx != draft.approx:
        return doc.value != draft.value  # the same figure bounded from the other side
    below = doc.value < draft.value - 1e-9
    above = doc.value > draft.value + 1e-9
    return not (below if draft.approx == "over" else above)


def _earlier_period(claim: Claim, m: DocFigure, figures: list[DocFigure]) -> str:
    """The period before the change's, when the draft dates its earlier value with the later one.

    "Fell from 238 in 2023/24 to 212" where the passage says "212 in 2023/24, down from 238":
    the 238 is the year before's figure, so 2023/24 is the wrong period for it ("" when fine).
    """
    if not m.old or m.period is not None or claim.period is None:
        return ""
    newer = [
        f
        for f in figures
        if (f.unit_index == m.unit_index or f.row == m.row >= 0) and not f.old and f.period
    ]
    if not newer or not lang.periods_meet({claim.period}, {newer[0].period}):
        return ""
    first, last = newer[0].period or (0, 0)
    return lang.period_label((first - 1, last - 1))


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

    Not the two values of a change, nor two counts given for different periods.

    Returns ("11 of 64", the whole's figure) when the part over the whole is the draft's share
    within its precision or stated tolerance.
    """
    counts = [f for f in doc.figures if f.q.unit == "" and f.q.value > 0]
    for whole in counts:
        for part in counts:
            if part.unit_index != whole.unit_index or part.q.value >= whole.q.value:
                continue
            if part.old or whole.old or (part.period and whole.period != part.period):
                continue  # "rose from 48 in 2022 to 67 in 2023": a change, not a part of a whole
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


def series(doc: Reading, f: DocFigure) -> list[DocFigure]:
    """The figures of a table that give the same measure as `f` for other periods."""
    return [
        g
        for g in doc.figures
        if g.row >= 0
        and g.period is not None
        and g.q.unit == f.q.unit
        and ((g.row == f.row and g.column != f.column) or (g.row != f.row and g.column == f.column))
    ]


def later(doc: Reading, f: DocFigure) -> DocFigure | None:
    """The latest figure of the same series given for a later period than `f`, if any."""
    if f.row < 0 or f.period is None:
        return None
    later = [g for g in series(doc, f) if g.period and g.period > f.period]
    return max(later, key=lambda g: g.period or (0, 0)) if later else None


def other_row(sentence: str, c: Claim, doc: Reading, fig: DocFigure) -> DocFigure | None:
    """The figure of another row of the same column whose label fits the draft's words better.

    "94% feel safe after dark" where 94% is the table's "Feel safe during the day" and the
    "Feel safe after dark" row gives 69%: the draft's value belongs to another row (a changed
    qualifier), so the figure of the row it describes is returned. None when the matched row
    fits at least as well. For a prose figure, the figure the passage writes in the draft's
    own words around it (`framed_rival`).
    """
    if fig.row < 0:
        return framed_rival(sentence, c, doc, fig)
    left, right = clause_of(sentence, c.start, c.end)
    words = {w for w in lang.terms(sentence[left:right]) if not re.search(r"\d", w)} | c.about
    own = overlap(words, _row_words(doc, fig))
    rows = [
        f
        for f in doc.figures
        if f.row >= 0 and f.row != fig.row and f.column == fig.column and f.q.unit == fig.q.unit
    ]
    best = max(rows, key=lambda f: overlap(words, _row_words(doc, f)), default=None)
    if best and overlap(words, _row_words(doc, best)) > own:
        return best
    return framed_rival(sentence, c, doc, fig)


def framed_rival(
    sentence: str, c: Claim, doc: Reading, fig: DocFigure, policy: WordingPolicy | None = None
) -> DocFigure | None:
    """The passage figure written in the draft figure's own words, when it is another value.

    "the England rate of 86.9" where the passage's "the England rate of 33.6" and its 86.9 is
    the crime rate in another clause; "with 49 young people in treatment" where the passage
    has "with 310 young people in treatment" and its 49 counts deaths: the draft keeps the
    passage's words around a figure and changes the figure. Two content words of the frame
    must be shared (not one verb: "fell to"), the rival must share more of them than the
    matched figure (a table cell shares none), and be about the draft's words at least as much.
    The rival is a prose figure of another sentence: one sentence giving two figures in one
    frame ("41,000 people live in Eastport and 23,000 in Westhaven") binds each by its place.
    """
    if c.old or not 0 <= fig.unit_index < len(doc.units):
        return None
    policy = policy or WordingPolicy()
    tol = (policy.approx_tolerance, policy.over_tolerance)
    mine = frame(sentence, c.start, c.end)
    rest = sentence[: c.start] + " " + sentence[c.end :]
    others = {t.strip(".,") for t in re.findall(r"\d[\d,./]*", rest)}
    matched = frame(doc.units[fig.unit_index], fig.q.start, fig.q.end)
    own = shared_frame(mine, matched) if fig.row < 0 else 0
    best, best_shared = None, max(own + 1, 2)
    for f in doc.figures:
        if f.unit_index == fig.unit_index or f.row >= 0 or f.old:
            continue
        if not lang.same_unit(c.value, f.q):
            continue
        if lang.same_value(c.value, f.q, *tol) or overlap(c.about, f.about) < overlap(
            c.about, fig.about
        ):
            continue
        shared = shared_frame(mine, frame(doc.units[f.unit_index], f.q.start, f.q.end))
        if shared >= best_shared and not _dated_by(others, doc.units[fig.unit_index], doc, f):
            best, best_shared = f, shared + 1
    return best


def _dated_by(others: set[str], matched: str, doc: Reading, rival: DocFigure) -> bool:
    """True when another figure or year of the draft is in the matched figure's sentence only.

    "cut offences by 5% by March 2026" matched in "a 5% reduction by March 2026" keeps that
    sentence, though another's words ("offences in Eastport by 10% by March 2027") frame it.
    """
    theirs = doc.units[rival.unit_index]
    return any(t in matched and t not in theirs for t in others)


def _row_words(doc: Reading, f: DocFigure) -> set[str]:
    """What a table row says it measures: its label and its cells without figures.

    "Reduce drug-related crime | Local measure: Drug offences recorded by the police" measures
    recorded drug offences, though its label alone does not say so.
    """
    cells = [
        u.partition(" | ")[2]
        for i, u in enumerate(doc.units)
        if doc.rows[i] == f.row and not lang.quantities(u.partition(" | ")[2])
    ]
    return {w for w in lang.terms(" ".join([f.label, *cells])) if not re.search(r"\d", w)}


# A count given as the size of a change: "eight more than the year before", "fell by 420".
_GAP_AFTER = re.compile(r"^\s+(more|higher|greater|fewer|less|lower)\s+than\b", re.I)
_GAP_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:by\s+)?$")


def _gap_way(sentence: str, claim: Claim) -> str:
    """The way a draft count changes when it is the size of a change: "up", "down" or ""."""
    if m := _GAP_AFTER.match(sentence[claim.end :]):
        return "up" if m.group(1).lower() in ("more", "higher", "greater") else "down"
    m = _GAP_BEFORE.search(sentence[max(0, claim.start - 25) : claim.start])
    return lang.change(f"{m.group(1)} by") if m else ""


def gap_found(
    sentence: str, claim: Claim, doc: Reading, found: Sequence[DocFigure], policy: WordingPolicy
) -> bool:
    """True when a draft count is the gap between a figure found for the draft and one beside it.

    "27 ferry crossings, eight more than the year before" is backed by "27 crossings, up from
    19": the 27 is found for the draft's own figure, the 19 stands in its sentence (or table
    row), and 27 less 19 is the draft's eight, the gap running the way the draft says. Counts
    only: a gap between percentages is left to the figures' own checks.
    """
    q = claim.value
    way = _gap_way(sentence, claim) if q.unit == "" and not claim.old else ""
    if not way:
        return False
    tol = (policy.approx_tolerance, policy.over_tolerance)
    for mine in (f for f in found if not f.old and f.q.unit == ""):
        for other in doc.figures:
            if (
                other is mine
                or other.q.unit != ""
                or other.unit_index not in row_units(doc, mine.unit_index)
            ):
                continue
            gap = mine.q.value - other.q.value if way == "up" else other.q.value - mine.q.value
            if gap > 0 and lang.same_value(q, dataclasses.replace(other.q, value=gap), *tol):
                return True
    return False
