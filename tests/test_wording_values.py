"""Wording check, how comms wording states values: shares in words, round bounds, old values.

Every text here is invented (a harbour town, its ferries and boards), not from the eval sets.
"""

from __future__ import annotations

import pytest

from assistant import language as lang
from assistant.claims import GlossaryRules, WordingPolicy, claims, names_an_aim
from assistant.wording import Aligned
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with
from tests.wording_helpers import one_quantity as _q

RULES = GlossaryRules(
    {"places": ["Eastport", "Westhaven"], "corpus_text": "harbour ferry eastport westhaven"}
)


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


# --- a share in words: "six in ten" ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [("six in ten crossings", 60.0), ("3 in 10 crossings", 30.0), ("two in five crossings", 40.0)],
)
def test_a_share_in_words_is_a_percentage(text: str, value: float) -> None:
    q = _q(text)
    assert (q.value, q.unit) == (value, "%")


def test_a_count_before_in_and_a_place_or_year_is_no_share() -> None:
    assert [(q.value, q.unit) for q in lang.quantities("five in Eastport")] == [(5.0, "")]
    assert [(q.value, q.unit) for q in lang.quantities("six in 2026 were")] == [(6.0, "")]


def test_six_in_ten_is_backed_by_two_counts_of_one_sentence() -> None:
    doc = _doc(
        "The harbour logged 4,200 ferry delays in 2026, of which 2,540 were weather-related."
    )
    v = _judge("Around six in ten ferry delays logged in 2026 were weather-related.", doc)
    assert v.verdict == "supported"
    w = _judge("Around eight in ten ferry delays logged in 2026 were weather-related.", doc)
    assert w.verdict != "supported"


# --- a lower bound on a round figure ------------------------------------------------------------


def test_a_lower_bound_on_a_round_figure_reaches_the_next_round_figure() -> None:
    tol = (0.05, 0.10)
    assert lang.same_value(_q("over 2,000 replies"), _q("2,300 replies"), *tol)
    assert not lang.same_value(_q("over 2,000 replies"), _q("3,100 replies"), *tol)
    assert not lang.same_value(_q("over 3,000 replies"), _q("2,300 replies"), *tol)
    assert not lang.same_value(_q("nearly 2,000 replies"), _q("2,300 replies"), *tol)
    assert lang.round_step(_q("2,000 replies")) == 1000
    assert lang.round_step(_q("100 replies")) == 50  # at most half the figure
    assert lang.round_step(_q("£2m")) == 0  # money keeps its own precision


# --- the earlier value of a change, and a value compared with another group --------------------


def test_than_the_marks_the_earlier_value_of_a_change() -> None:
    doc = _doc("Ferry thefts in Eastport fell to 410 in 2026, down from 452 in 2025.")
    v = _judge("Eastport had 410 ferry thefts in 2026, fewer than the 452 of the year before.", doc)
    assert v.verdict == "supported"


def test_a_value_compared_with_another_place_is_no_earlier_value() -> None:
    doc = _doc(
        "In 2026 the harbour recorded 3,900 thefts, a rate of 41.2 per 1,000 residents, "
        "compared with 55.7 per 1,000 for Westhaven."
    )
    v = _judge(
        "The harbour recorded 3,900 thefts in 2026, a rate of 41.2 per 1,000 residents and well "
        "below Westhaven's 55.7.",
        doc,
    )
    assert v.verdict == "supported"
    said = claims("thefts fell, compared with 55.7 per 1,000 for Westhaven", RULES, WordingPolicy())
    assert not [c for c in said if c.kind == "number"][0].old
    said = claims("thefts fell, compared with 55.7 in 2025", RULES, WordingPolicy())
    assert [c for c in said if c.kind == "number"][0].old


# --- words that are no claim of their own ------------------------------------------------------


def test_most_of_is_a_share_not_a_superlative() -> None:
    assert not lang.SUPERLATIVE.search("17 ferry crews, most of them based in Eastport")
    assert lang.SUPERLATIVE.search("Eastport has the most ferry crews")


def test_every_is_backed_by_each() -> None:
    assert lang.says_as_much("Every", "Each ferry crew will file a safety plan by May 2026.")
    assert lang.says_as_much("all", "Both ferry crews filed a plan.")
    assert not lang.says_as_much("every", "Some ferry crews filed a plan.")
    assert not lang.says_as_much("always", "Each crew files a plan.")
    doc = _doc("Each ferry crew will file a short safety plan by the end of May 2026.")
    assert _judge(
        "Every ferry crew must file a short safety plan by the end of May 2026.", doc
    ).verdict == ("supported")


@pytest.mark.parametrize(
    "text, aim",
    [
        ("Every reducing reoffending pathway lead met", True),
        ("Reducing reoffending is a priority", True),
        ("the board works on reducing ferry thefts", True),
        ("Ferry thefts are reducing across the harbour", False),
        ("Reducing by 5% is the aim", False),
        ("the increasing number of thefts", False),
        ("with rising demand for berths", False),
    ],
)
def test_a_change_word_naming_an_aim_is_no_direction(text: str, aim: bool) -> None:
    m = lang.CHANGE_DOWN.search(text) or lang.CHANGE_UP.search(text)
    assert m and names_an_aim(text, m.start(), m.end()) is aim
    said = claims(text, RULES, WordingPolicy())
    assert any(c.kind == "direction" for c in said) is not aim
