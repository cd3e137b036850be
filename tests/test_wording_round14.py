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


# --- a year the passage gives as part of a date -------------------------------------------------

SURVEY = doc(
    "The harbour survey ran from May to July 2031. It was open to everyone who uses the quay. "
    "In total the harbour survey received 410 replies.",
    0.8,
)


def test_a_year_the_passage_gives_only_inside_a_date_backs_the_drafts_year() -> None:
    draft = "The harbour survey ran through the summer of 2031, from May to July: 410 replies."
    assert judge_with(RULES, draft, SURVEY).verdict == "supported"
    wrong = "The harbour survey ran through the summer of 2030, from May to July: 410 replies."
    assert judge_with(RULES, wrong, SURVEY).verdict != "supported"


# --- a body that owns what its own document reports ---------------------------------------------

OWNED = GlossaryRules(
    {
        "corpus_text": "harbour commissioner quay board",
        "background_words": ["solvania"],
        "publishers": {"Doc": "Office of the Harbour Commissioner"},
    }
)


def test_a_body_owning_what_its_own_document_reports_is_found() -> None:
    passage = doc("In total the quay survey received 410 replies.", 0.8)
    draft = "The Harbour Commissioner's quay survey received 410 replies."
    assert judge_with(OWNED, draft, passage).verdict == "supported"
    other = "The Quay Board's quay survey received 410 replies."
    assert judge_with(OWNED, other, passage).verdict != "supported"
    # a body that does not own the thing is not backed by the publisher
    doer = "The Harbour Commissioner ran the quay survey, which received 410 replies."
    assert judge_with(OWNED, doer, passage).verdict != "supported"


# --- "each quarter", and "the board" of the document's own name ---------------------------------


def test_each_and_every_give_the_same_frequency() -> None:
    assert lang.frequencies("The group reports each quarter.")[0][0] == 4.0
    assert lang.frequencies("The group reports every quarter.")[0][0] == 4.0


def test_the_board_of_the_documents_own_name_backs_the_drafts_board() -> None:
    passage = doc(
        "Beneath the board, a Pier Working Group reports to the board each quarter.",
        0.8,
        section="Quay Safety Plan 2031",
    )
    draft = "A working group reports to the Quay Safety Board every quarter."
    assert judge_with(RULES, draft, passage).verdict == "supported"
    other = "A working group reports to the Harbour Board every quarter."
    assert judge_with(RULES, other, passage).verdict != "supported"
    monthly = "A working group reports to the Quay Safety Board every month."
    assert judge_with(RULES, monthly, passage).verdict != "supported"
    # a draft saying "the board" itself: the passage's "the board" is that one
    twice = "Beneath the board, a working group reports to the Quay Safety Board every quarter."
    assert judge_with(RULES, twice, passage).verdict != "supported"


# --- who does it, said with the verb's noun -----------------------------------------------------


def test_a_verb_said_as_a_noun_beside_the_holder_backs_the_relation() -> None:
    assert lang.noun_of_verb("coordinated", {"coordination", "patrols"})
    assert not lang.noun_of_verb("coordinated", {"coordinates", "patrols"})
    passage = doc(
        "In 2031 the coordination of all quay patrols passed to a single Quay Safety Board.", 0.8
    )
    draft = "Since 2031 all quay patrols have been coordinated by a single Quay Safety Board."
    assert judge_with(RULES, draft, passage).verdict == "supported"
    other = "Since 2031 all quay patrols have been coordinated by a single Harbour Board."
    assert judge_with(RULES, other, passage).verdict != "supported"
