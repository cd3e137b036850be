"""Wording check, sentences with two changes: each change is read from its own part.

"Ferry thefts fell while boat crime rose" makes two direction claims; each is checked against
the part of the passage sentence that names what changed, and against the figures of its own
clause, never against the other change. Every text here is invented (a harbour town), not from
the eval sets.
"""

from __future__ import annotations

import pytest

from assistant.claims import GlossaryRules
from assistant.direction_check import change_segments
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules({"places": ["Eastport", "Westhaven"], "corpus_text": "ferry boat crime"})
BOTH = doc(
    "Ferry thefts fell from 90 in 2022 to 70 in 2023, while boat crime rose from 40 to 55.", 0.8
)
APART = doc("Ferry thefts fell by 22% in 2023. Boat crime, by contrast, went up by 37%.", 0.8)


def _verdict(draft: str, passage=BOTH) -> str:  # noqa: ANN001 - an Aligned
    return judge_with(RULES, draft, passage).verdict


def test_a_passage_sentence_is_cut_into_one_part_per_change() -> None:
    assert change_segments(BOTH.text) == [
        "Ferry thefts fell from 90 in 2022 to 70 in 2023,",
        " while boat crime rose from 40 to 55.",
    ]
    assert change_segments("Ferry thefts fell by 22%.") == ["Ferry thefts fell by 22%."]


@pytest.mark.parametrize(
    "draft",
    [
        "Boat crime rose.",
        "Ferry thefts fell while boat crime rose.",
        "Boat crime rose while ferry thefts fell.",
        "Ferry thefts fell to 70 while boat crime rose to 55.",
    ],
)
def test_each_change_backed_by_its_own_part_is_supported(draft: str) -> None:
    assert _verdict(draft) == "supported"


@pytest.mark.parametrize(
    "draft",
    [
        "Boat crime fell.",  # the passage sentence's first change is the other way
        "Ferry thefts fell, while boat crime also fell.",
        "Ferry thefts rose while boat crime fell.",
        "Ferry thefts fell to 70 while boat crime fell to 55.",
    ],
)
def test_a_change_stated_the_other_way_in_its_own_part_is_a_conflict(draft: str) -> None:
    v = judge_with(RULES, draft, BOTH)
    assert (v.verdict, v.element) == ("conflict", "direction")


def test_two_changes_in_two_passage_sentences_are_read_apart() -> None:
    assert _verdict("Ferry thefts dropped by 22% but boat crime increased by 37%.", APART) == (
        "supported"
    )
    v = judge_with(RULES, "Ferry thefts dropped by 22% and boat crime decreased by 37%.", APART)
    assert (v.verdict, v.element) == ("conflict", "direction")


def test_parts_naming_the_subject_equally_well_but_differing_leave_it_unsure() -> None:
    # "thefts" names both parts alike: the change is not placed, so never supported
    passage = doc("Ferry thefts fell by 22%, while boat thefts rose by 37%.", 0.8)
    assert _verdict("Thefts rose.", passage) == "unsupported"
    assert _verdict("Thefts fell.", passage) == "unsupported"


AGAIN = doc(
    "Ferry thefts: 410 thefts in 2024, down 9% on 2023, following a 12% fall the year before.",
    0.8,
)


def test_a_change_is_read_from_the_values_its_next_clause_gives() -> None:
    # "fell ..." has no figure of its own: ", down 9% to 410" gives the values of its change
    draft = (
        "Ferry thefts fell again in 2024, down 9% to 410 thefts after a 12% fall the year before."
    )
    assert _verdict(draft, AGAIN) == "supported"
    wrong = draft.replace("fell again", "rose again")
    v = judge_with(RULES, wrong, AGAIN)
    assert (v.verdict, v.element) == ("conflict", "direction")


DAY_AND_NIGHT = doc(
    "Table 4: Quay survey. Feel safe on the quay | By day: 91%; After dark: 62%",
    0.8,
)


def test_a_change_to_a_figure_moves_the_way_the_drafts_found_figures_do() -> None:
    # no change over time in the passage: the drop is from the draft's 91% to its 62%
    draft = "91% feel safe on the quay by day, but after dark that drops to 62%."
    assert _verdict(draft, DAY_AND_NIGHT) == "supported"
    assert _verdict(draft.replace("drops", "rises"), DAY_AND_NIGHT) != "supported"
    assert _verdict(draft.replace("91%", "81%"), DAY_AND_NIGHT) != "supported"
