"""Wording check, round 8: ranks in titles and figures given in brackets after their place.

Every text here is invented (a harbour county), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven and Northcliff"],
        "corpus_text": "harbourshire coastguard harbour safety board; the chief constable",
    }
)


def test_a_title_is_not_named_by_a_lower_rank_that_ends_with_it() -> None:
    text = "the board is chaired by the deputy chief constable of harbourshire constabulary"
    assert not lang.names_post("chief constable", text)
    assert lang.names_post("deputy chief constable", text)
    assert lang.names_post("harbourshire constabulary", text)
    assert lang.names_post("chief constable", "the chief constable chairs it")


def test_a_draft_that_drops_the_rank_of_a_chair_is_a_body_conflict() -> None:
    passage = doc(
        "The Harbour Safety Board is chaired by the Assistant Chief Constable of Harbourshire "
        "Constabulary and meets every quarter.",
        0.85,
    )
    wrong = "Harbourshire Constabulary's Chief Constable chairs the Harbour Safety Board."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "body")
    right = (
        "The Assistant Chief Constable of Harbourshire Constabulary chairs the Harbour Safety "
        "Board."
    )
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_a_figure_in_brackets_belongs_to_the_place_just_before_them() -> None:
    passage = doc(
        "In 2024/25 the rate of harbour incidents in Eastport (42.7 per 1,000) was higher than "
        "in Westhaven and Northcliff (30.2 per 1,000).",
        0.85,
    )
    wrong = "Westhaven and Northcliff had 42.7 harbour incidents per 1,000 residents in 2024/25."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "place")
    assert verdict.document_value == "Eastport"
    right = "Eastport had 42.7 harbour incidents per 1,000 residents in 2024/25."
    assert judge_with(RULES, right, passage).verdict == "supported"
