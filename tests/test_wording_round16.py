"""Wording round 16 (issue #13): planted body swaps the mutation audit still called supported.

Every text here is invented (a harbour town and its ferries), not from the eval sets or the corpus.
"""

from __future__ import annotations

from assistant.claims import GlossaryRules
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport"],
        "corpus_text": (
            "eastport ferry partnership harbour safety board pier watch group "
            "ferry delays sailings timetable"
        ),
    }
)

CLOSE = doc(
    "The Eastport Ferry Partnership publishes the harbour's sailings timetable each spring.", 0.8
)
# a weaker passage (a members list) that names the other body
MEMBERS = doc("Members: Eastport Ferry Partnership; Harbour Safety Board; Pier Watch Group.", 0.6)


def test_a_closer_passage_naming_another_body_outranks_a_members_list() -> None:
    faithful = judge_with(
        RULES,
        "The Eastport Ferry Partnership publishes the harbour's sailings timetable each spring.",
        CLOSE,
        MEMBERS,
    )
    assert faithful.verdict == "supported", faithful.reasons
    swapped = judge_with(
        RULES,
        "The Harbour Safety Board publishes the harbour's sailings timetable each spring.",
        CLOSE,
        MEMBERS,
    )
    assert swapped.verdict != "supported", swapped.reasons


def test_a_body_named_by_the_closest_passage_and_a_weaker_one_is_still_supported() -> None:
    weaker = doc("The Eastport Ferry Partnership meets four times a year.", 0.6)
    v = judge_with(
        RULES,
        "The Eastport Ferry Partnership publishes the harbour's sailings timetable each spring.",
        weaker,
        CLOSE,
    )
    assert v.verdict == "supported", v.reasons
