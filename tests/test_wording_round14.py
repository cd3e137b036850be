"""Wording check, round 14: honest paraphrases of names, places and dates are supported.

Every text here is invented (a county called Solvania), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules, WordingPolicy
from assistant.compare_check import sentence_claims
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour quay patrols saltmarsh",
        "background_words": ["solvania"],
    }
)


def _claimed(sentence: str) -> list[str]:
    claims = sentence_claims(sentence, RULES, WordingPolicy())
    return [c.text for c in claims if c.kind in ("proper", "name", "place")]


def test_a_people_or_adjective_word_gives_the_place_it_is_made_from() -> None:
    assert lang.demonym_places("Solvanian") == ["solvania"]
    assert lang.demonym_places("Solvanians") == ["solvania"]
    assert lang.demonym_places("Welsh") == ["wales"]
    assert lang.demonym_places("Eastport") == []


def test_the_adjective_of_the_background_place_is_no_claim() -> None:
    assert _claimed("On the quay, most Solvanian residents feel safe.") == []
    assert _claimed("On the quay, most residents and Solvanians abroad feel safe.") == []
    # a name the corpus never uses still is
    assert _claimed("On the quay, most Gullish residents feel safe.") == ["Gullish"]


def test_a_passage_naming_the_place_backs_its_adjective() -> None:
    passage = doc("Quay patrols in West Solvania were timed for summer evenings.", 0.8)
    draft = "Quay patrols in West Solvanian towns were timed for summer evenings."
    assert judge_with(RULES, draft, passage).verdict == "supported"
    other = doc("Quay patrols in North Solvania were timed for summer evenings.", 0.8)
    assert judge_with(RULES, draft, other).verdict != "supported"


# --- a town and its short name ------------------------------------------------------------------

TOWNS = GlossaryRules(
    {
        "places": ["Gullby-on-Sea", "Gullby", "Eastport", "Westhaven"],
        "corpus_text": "harbour quay patrols gullby eastport",
        "background_words": ["solvania"],
    }
)


def test_a_town_and_its_short_name_are_one_place() -> None:
    assert lang.place_short_form("Gullby-on-Sea") == "Gullby"
    assert lang.place_short_form("Eastport") == ""
    assert lang.one_place("gullby", "Gullby-on-Sea")
    assert not lang.one_place("Eastport", "Gullby-on-Sea")


def test_a_draft_giving_the_towns_full_name_is_backed_by_its_short_name() -> None:
    passage = doc("The harbour clinics in Eastport and in Gullby now share quay injury data.", 0.8)
    draft = "Harbour clinics in Eastport and Gullby-on-Sea now share quay injury data."
    assert judge_with(TOWNS, draft, passage).verdict == "supported"
    short = doc("The harbour clinics in Eastport and in Gullby-on-Sea now share quay injury data.")
    draft = "Harbour clinics in Eastport and Gullby now share quay injury data."
    assert judge_with(TOWNS, draft, short).verdict == "supported"
    # another town is still a conflict
    wrong = "Harbour clinics in Eastport and Westhaven now share quay injury data."
    assert judge_with(TOWNS, wrong, passage).verdict == "conflict"
