"""Wording check: a draft figure is compared only with a passage figure that counts the same thing.

A length of time ("nine months", "three weeks") is no other value of a count of incidents, and
a count of one noun ("12 piers") no other value of a count of another (ferry delays). Before,
such a figure was reported as a conflict with whichever passage figure shared a word with its
clause. Every text here is invented (a harbour town, its ferries and piers), not from the eval
sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules, read_passage
from assistant.counted_check import counts_apart, doc_counting, draft_counting
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour ferry eastport westhaven pier scheme tide watch",
    }
)

PASSAGE = (
    "Ferry delays at the 12 piers fell by 40%, from 150 to 90, and missed sailings fell by "
    "25%, from 80 to 60. Some 2,400 extra crossings ran in the first six months of Tide Watch."
)


def _judge(draft: str, *docs):
    return judge_with(RULES, draft, *docs)


def _figure(passage: str, text: str):
    reading = read_passage(passage, "", frozenset(), 5)
    return reading, next(f for f in reading.figures if f.q.text.strip() == text)


def test_a_time_span_is_read_from_the_noun_after_a_figure() -> None:
    assert lang.time_span("Months") == "month"
    assert lang.time_span("piers") == ""
    sentence = "In its first nine months the scheme served 12 piers and 40 boats."
    nine, twelve, forty = lang.quantities(sentence)
    assert draft_counting(sentence, nine) == ("month", frozenset())
    assert draft_counting(sentence, twelve) == ("", frozenset({"piers"}))
    fell = "The ferry delays fell to 90."
    assert draft_counting(fell, lang.quantities(fell)[0]) == ("", frozenset({"ferry", "delays"}))
    bare = "By the end it was 90."
    assert draft_counting(bare, lang.quantities(bare)[0]) == ("", frozenset())


def test_a_change_in_percent_measures_its_clause_subject() -> None:
    fell = "Missed sailings fell by a fifth, from 80 to 64."
    assert draft_counting(fell, lang.quantities(fell)[0]) == ("", frozenset({"sailings"}))
    share = "Some 20% of sailings were late."
    assert draft_counting(share, lang.quantities(share)[0]) == ("", frozenset())
    draft = "Missed sailings at the piers fell by around a quarter, from 80 to 60."
    v = _judge(draft, _doc(PASSAGE))
    assert v.verdict == "supported", v.reasons


def test_a_change_value_counts_its_clause_subject() -> None:
    reading, fig = _figure(PASSAGE, "150")
    assert "delays" in doc_counting(reading, fig)[1]
    reading, fig = _figure(PASSAGE, "60")
    assert doc_counting(reading, fig)[1] == {"sailings"}  # "missed" is a verb's form
    reading, fig = _figure(PASSAGE, "six")
    assert doc_counting(reading, fig) == ("month", frozenset())


def test_a_table_cell_counts_its_row_label_head() -> None:
    table = "Missed sailings at the 12 piers | 2023: 80; 2024: 60"
    reading, fig = _figure(table, "60")
    assert doc_counting(reading, fig)[1] == {"sailings"}
    reading, fig = _figure(table, "12")
    assert doc_counting(reading, fig)[1] == {"piers"}


def test_counts_apart() -> None:
    months, weeks = ("month", frozenset()), ("week", frozenset())
    delays, piers = ("", frozenset({"delays"})), ("", frozenset({"piers"}))
    nothing = ("", frozenset())
    assert counts_apart(months, delays) and counts_apart(delays, months)
    assert counts_apart(months, weeks) and not counts_apart(months, months)
    assert not counts_apart(months, nothing) and not counts_apart(nothing, weeks)
    assert not counts_apart(piers, delays)  # two counts: their fit decides


def test_a_duration_is_no_conflict_with_a_count() -> None:
    v = _judge("Ferry delays at the piers fell by 40% in the first six months.", _doc(PASSAGE))
    assert v.verdict != "conflict" or v.draft_value != "six", v.reasons
    ok = _judge("Some 2,400 extra crossings ran in Tide Watch's first six months.", _doc(PASSAGE))
    assert ok.verdict == "supported", ok.reasons


def test_a_wrong_value_of_the_same_count_stays_a_conflict() -> None:
    v = _judge("Ferry delays at the 12 piers fell from 150 to 95.", _doc(PASSAGE))
    assert v.verdict == "conflict" and v.draft_value == "95", v.reasons
    w = _judge("Some 2,400 extra crossings ran in the first eight months.", _doc(PASSAGE))
    assert w.verdict == "conflict" and w.draft_value == "eight", w.reasons


def test_the_year_before_a_change_measured_from_a_base_is_that_base() -> None:
    passage = (
        "Pier thefts: 310 thefts, down 12.5% on 2022/23, following a 20.0% fall the year before."
    )
    reading, fig = _figure(passage, "20.0%")
    assert fig.period == (2022, 2023)
    draft = "Pier thefts fell to 310 in 2023/24, after a 20.0% fall the year before."
    reading, fig = _figure(draft, "20.0%")
    assert fig.period == (2022, 2023)


TABLE = (
    "Tide Watch results\n"
    "Ferry delays at the 12 piers | Before: July 2023 to March 2024: 150; "
    "Tide Watch: July 2024 to March 2025: 90; Change: down 40.0%\n"
    "Crossings added by the Harbour Fund | Before: July 2023 to March 2024: not applicable; "
    "Tide Watch: July 2024 to March 2025: 2,400; Change: not applicable"
)
# the words the corpus writes in lower case: a capitalised label opening on one is a noun
NAMED = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour ferry eastport westhaven pier scheme tide watch",
        "lower_words": ["ferry", "crossings", "delays"],
    }
)


def test_a_duration_is_no_other_value_of_a_table_count() -> None:
    """Before: 'number differs: draft says "nine", documents say "12"' (then "2,400")."""
    for draft in (
        "Ferry delays down by more than a third in Tide Watch's first nine months.",
        "Ferry delays fell by 40% in the first nine months of Tide Watch.",
    ):
        v = judge_with(NAMED, draft, _doc(TABLE, 0.66))
        # "July 2024 to March 2025" lasts nine months (see test_language's months_long), so
        # the duration is found; it is never taken for another value of the table
        assert v.draft_value != "nine", v.reasons
        assert all(x.status == "found" for x in v.claims if x.text == "nine"), v.reasons


TRIAL = _doc(
    "Quay thefts | Before: May 2023 to October 2023: 40; Trial: May 2024 to October 2024: 28; "
    "Change: down 30%",
    0.8,
)


def test_a_stretch_of_months_is_the_span_the_passage_gives() -> None:
    draft = "In the first six months of the trial, quay thefts fell by 30%, from 40 to 28."
    rules = GlossaryRules({"corpus_text": "quay thefts trial"})
    assert judge_with(rules, draft, TRIAL).verdict == "supported"
    for wrong in ("first four months", "second six months", "first about six months"):
        v = judge_with(rules, draft.replace("first six months", wrong), TRIAL)
        assert v.verdict != "supported", wrong
