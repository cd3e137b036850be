"""Passage check: every claim of a draft sentence against one retrieved passage (pure).

Figures are checked in figure_check.py (as values), dates in date_check.py, the direction of a
change in direction_check.py, names, places and relations in name_check.py, comparisons, roles
and frequencies in compare_check.py. This module reads the passage once, runs the checks in
order (figures first: they anchor the passage sentence the rest is checked in) and returns one
ClaimCheck per claim; wording.py turns the checks into a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant import language as lang
from assistant.agent_check import check_agent, check_doer
from assistant.body_counts import check_count
from assistant.claims import (
    Claim,
    DocFigure,
    GlossaryRules,
    Reading,
    WordingPolicy,
    overlap,
    read_passage,
    row_units,
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
from assistant.counted_check import (
    Counting,
    check_counted,
    check_month_name,
    check_ordinal,
    count_words,
    counted_nouns,
    counts_apart,
    doc_counting,
    draft_counting,
)
from assistant.date_check import base_met, check_date, earlier_met, figure_deadline
from assistant.direction_check import change_subject, doc_direction, moved_to, own_figures
from assistant.figure_check import check_figure, gap_found, mixed_changes, other_row
from assistant.holder_check import check_holder
from assistant.name_check import (
    check_name,
    check_relation,
    figure_place,
    misplaced_figure,
    place_of_figure,
    same_place,
)
from assistant.place_scope import check_within
from assistant.proper_names import check_other_name, check_proper


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
    newer: bool = False  # a conflict with the value the passage gives for a later period


def _anchor_unit(doc: Reading, sentence: str) -> int:
    """The passage unit that shares most content words with the draft sentence."""
    words = lang.terms(sentence)
    scores = [overlap(words, lang.terms(u)) for u in doc.units]
    return max(range(len(scores)), key=lambda i: scores[i]) if scores else -1


def _figure_of_period(
    c: Claim, said: list[Claim], found_for: dict[int, DocFigure]
) -> DocFigure | None:
    """The passage's figure for a draft figure this period is given for ("46% in 2024/25")."""
    for n in said:
        if n.kind == "number" and n.period == c.value and n.start in found_for:
            return found_for[n.start]
    return None


def _given_for(c: Claim, sentence: str, wrong_for: dict[int, tuple[Any, str]]) -> str:
    """The period the passage gives the figure right before this date, where it is another.

    "from 4,312 in 2022/23 to 4,105 in 2022/23": the second 2022/23 dates the 4,105, which the
    passage gives for 2023/24, even though the passage gives 2022/23 to the 4,312.
    """
    for end, (period, value) in wrong_for.items():
        if (
            period == c.value
            and 0 <= c.start - end <= 12
            and lang.DATED_FIGURE.search(sentence[: c.start])
        ):
            return value
    return ""


def _period_of_change(
    c: Claim, doc: Reading, said: list[Claim], found_for: dict[int, DocFigure]
) -> str:
    """The period a table's change is for, when the draft dates it with another ("" if fine).

    "Boat theft | 2023/24: 410; 2024/25: 376; Change: down 8.2%": the change is to the row's
    latest period, so "fell by 8.2% in 2023/24" gives the change its base period.
    """
    own = _figure_of_period(c, said, found_for)
    if own is None or own.row < 0 or own.period is not None or len(c.value) != 2:
        return ""
    cell = doc.units[own.unit_index].partition(" | ")[2].partition(": ")[2]
    if not lang.change(cell):
        return ""
    given = {v for v, _, i in doc.periods if i in row_units(doc, own.unit_index)}
    if len(given) < 2 or lang.periods_meet({c.value}, {max(given)}):
        return ""
    return lang.period_label(max(given))


def _row_of_its_change(
    c: Claim, fig: DocFigure, others: list[Claim], found_for: dict[int, DocFigure]
) -> bool:
    """True when the draft's earlier value sits in the row its change's newer value was found in.

    "41% of serious violence, up from 38% a year earlier": the 38% belongs to the row of the
    41%, whatever other row its own words would fit better.
    """
    return (
        c.old
        and fig.row >= 0
        and any(
            not o.old and o.start in found_for and found_for[o.start].row == fig.row for o in others
        )
    )


# Claims read from single words (a counted noun, a bare month, an ordinal): a passage that
# repeats the word is no more about the draft's figures and dates, so only their conflicts
# take the element's kind (a check found under it would let a weaker passage outrank).
_WORD_CLAIMS = ("counted", "monthname", "ordinal", "holder", "within")


def _lasts(sentence: str, c: Claim, passage: str) -> bool:
    """True when a count of months is the length of a span of months the passage gives.

    "The first nine months of the operation" where the passage gives "July 2024 to March
    2025": the draft writes the span as its length. An approximate count ("about six
    months") or another length is not this span.
    """
    after = re.match(r"\s*([A-Za-z]+)", sentence[c.end :])
    q = c.value
    return (
        after is not None
        and lang.time_span(after.group(1)) == "month"
        and not q.approx
        and q.unit == ""
        and q.value in lang.months_long(passage)
    )


def _first_span(sentence: str, c: Claim, said: list[Claim], passage: str) -> bool:
    """True when "the first N months" is a span of N months the passage gives (see `_lasts`).

    The passage gives the stretch itself ("July 2024 to March 2025"), not its place among
    others; only "first" is read so: a passage that names another ordinal was a conflict.
    """
    count = next((x for x in said if x.kind == "number" and x.start > c.end), None)
    return (
        c.value == "first"
        and count is not None
        and not sentence[c.end : count.start].strip()
        and _lasts(sentence, count, passage)
    )


def _element(kind: str, status: str) -> str:
    """The kind a claim's check reports: the element a conflict names (see ELEMENT)."""
    if kind == "relation":
        return "body"
    if kind in _WORD_CLAIMS and status != "conflict":
        return kind
    return ELEMENT.get(kind, kind)


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
    found_for: dict[int, DocFigure] = {}  # a figure claim's start -> the passage's figure
    wrong_period: dict[Any, str] = {}
    wrong_for: dict[int, tuple[Any, str]] = {}  # a figure's end -> its period, the passage's
    deadlines: dict[int, tuple[str, str]] = {}  # a date claim's start -> its check
    misplaced: dict[str, str] = {}  # a place the draft gives a figure -> the passage's place
    for i, c in enumerate(said):
        if c.kind == "number":
            dated = any(x.kind == "date" for x in said)
            mine = figure_place(sentence, c.start, c.end, rules)

            def placed(f: DocFigure, mine: str = mine) -> bool:
                return bool(mine) and same_place(mine, place_of_figure(doc, f, rules))

            others = [x for x in said if x.kind == "number" and x is not c]
            nouns = counted_nouns(sentence, c.end)

            def near(f: DocFigure, nouns: list[str] = nouns) -> bool:
                theirs = count_words(doc, f)
                return any(rules.near(w, theirs) for w in nouns)

            counts = draft_counting(sentence, c.value, rules.lower_words)

            def apart(f: DocFigure, counts: Counting = counts) -> bool:
                theirs = doc_counting(doc, f, rules.lower_words)
                return counts_apart(counts, theirs)

            status, value, fig = check_figure(
                c, doc, policy, strong, dated, placed, others, near, apart
            )
            if status != "found" and _lasts(sentence, c, aligned.passage):
                status, value, fig = "found", "", None  # "nine months": July to March
            if status != "found" and (counted := check_count(sentence, c.start, rules.corpus_text)):
                (status, value), fig = counted, None  # "the two CSPs": a count the corpus gives
            newer = status == "conflict-newer"
            status = "conflict" if newer else status
            if status == "conflict-date" and not any(
                x.kind == "date" and x.value == c.period for x in said
            ):  # a period no date of the draft says ("641 the year after"): the figure's own
                status, value = "conflict", f"{c.text} for {value}"
            if status == "conflict-date":
                wrong_period[c.period] = value
                wrong_for[c.end] = (c.period, value)
                status, value = "found", ""
            if (
                status == "found"
                and fig is not None
                and not _row_of_its_change(c, fig, others, found_for)
                and (row := other_row(sentence, c, doc, fig))
            ):
                status, value, fig = "conflict", row.q.text.strip(), None
            if status == "found" and fig is not None:
                found.append(fig)
                found_for[c.start] = fig
                deadlines.update(figure_deadline(sentence, c, doc, fig))
                # "four of the 18 hotspots are in Eastport": the place is the part's
                part = next(
                    (o for o in others if lang.PART_OF_WHOLE.fullmatch(sentence[o.end : c.start])),
                    None,
                )
                if part is None:
                    misplaced.update(misplaced_figure(sentence, c, doc, fig, rules))
                elif part.start in found_for:
                    misplaced.update(
                        misplaced_figure(sentence, c, doc, found_for[part.start], rules)
                    )
            out[i] = ClaimCheck(c.kind, c.text, c.start, c.end, status, value, newer)
    gaps: list[int] = []  # where a count found as the gap of two figures ends
    for i, c in enumerate(said):  # "eight more than the year before": 27 less 19
        if (
            c.kind == "number"
            and out[i].status != "found"
            and gap_found(sentence, c, doc, found, policy)
        ):
            out[i].status, out[i].document_value = "found", ""
            gaps.append(c.end)
    for start, value in mixed_changes(sentence, doc, policy).items():
        i = next((i for i, c in enumerate(said) if c.kind == "number" and c.start == start), -1)
        if i >= 0 and out[i].status == "found":
            out[i].status, out[i].document_value = "conflict", value
    anchors = list(dict.fromkeys(f.unit_index for f in found)) or [_anchor_unit(doc, sentence)]
    for i, c in enumerate(said):
        if c.kind == "date" and (given := _given_for(c, sentence, wrong_for)):
            status, value = "conflict", given  # "to 4,105 in 2022/23" where it is 2023/24's
        elif c.kind == "date" and base_met(sentence, c, found, doc):
            status, value = "found", ""
        elif c.kind == "date" and (later := _period_of_change(c, doc, said, found_for)):
            status, value = "conflict", later
        elif c.kind == "date" and earlier_met(c, doc, _figure_of_period(c, said, found_for)):
            status, value = "found", ""
        elif c.kind == "date":
            own = _figure_of_period(c, said, found_for)
            unit = own.unit_index if own else anchors[0]
            status, value = (
                ("conflict", wrong_period[c.value])
                if c.value in wrong_period
                else deadlines.get(c.start) or check_date(c, doc, unit, sentence, own is not None)
            )
        elif c.kind == "direction":
            subject = change_subject(sentence, c, rules.common)
            own = own_figures(sentence, c, said, found_for, found)
            shown, value = doc_direction(doc, anchors, own, sentence, subject)
            status = "missing" if not shown else "found" if shown == c.value else "conflict"
            if not shown and moved_to(sentence, c, said, found_for) == c.value:
                status = "found"  # "94% by day, but after dark that drops to 69%"
            if not shown and any(0 < c.start - end <= 2 for end in gaps):
                status = "found"  # "eight more than": the gap found runs the draft's way
        elif c.kind == "place" and c.text in misplaced:
            status, value = "conflict", misplaced[c.text]
        elif c.kind in ("body", "place"):
            status, value = check_name(c, doc, anchors[0], sentence, rules)
        elif c.kind == "relation":
            status, value = check_relation(c, doc, anchors[0], sentence, rules.acronyms)
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
        elif c.kind == "agent":
            status, value = check_agent(c, doc, anchors[0], rules.acronyms)
        elif c.kind == "doer":
            status, value = check_doer(c, doc, anchors[0])
        elif c.kind == "name":
            status, value = check_proper(c, doc, anchors, rules, found), ""
        elif c.kind == "proper":
            status, value = check_other_name(c, doc, rules), ""
        elif c.kind == "counted":
            fig = found_for.get(c.value[1])
            status, value = check_counted(c, doc, rules.acronyms, sentence, fig, rules.near)
        elif c.kind == "monthname":
            status, value = check_month_name(c, doc, anchors[0])
        elif c.kind == "within":
            status, value = check_within(c, doc, rules)
        elif c.kind == "holder":
            status, value = check_holder(c, doc)
        elif c.kind == "ordinal":
            status, value = check_ordinal(c, doc, anchors[0])
            if status == "missing" and _first_span(sentence, c, said, aligned.passage):
                status = "found"
        elif c.kind == "edition":  # "the 2024 strategy": an edition the documents name
            named = "\n".join([rules.corpus_text, *rules.titles, *rules.superseded_titles])
            status = "found" if lang.edition_said(c.value, named.lower()) else "missing"
            value = ""
        elif c.kind == "contact":
            status, value = ("found" if c.value in doc.text else "missing"), ""
        else:
            continue
        out[i] = ClaimCheck(
            _element(c.kind, status),
            c.text,
            c.start,
            c.end,
            status,
            value if status != "found" else "",
        )
    return [out[i] for i in sorted(out)]
