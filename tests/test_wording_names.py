"""Wording check, place names the glossary does not list ("patrols in Keswick"), and bodies.

Every text here is invented (a harbour county), not from the eval sets.
"""

from __future__ import annotations

from assistant.claims import GlossaryRules, WordingPolicy
from assistant.compare_check import sentence_claims
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour quay patrols saltmarsh gullhaven",
        "background_words": ["harbourshire"],
    }
)
PATROLS = doc(
    "Quay patrols in Saltmarsh were timed for summer evenings and bank holiday weekends.", 0.8
)


def _names(sentence: str) -> list[str]:
    return [c.text for c in sentence_claims(sentence, RULES, WordingPolicy()) if c.kind == "name"]


def test_a_capitalised_name_after_a_preposition_of_place_is_a_claim() -> None:
    assert _names("Quay patrols in Gullhaven ran on Friday nights in May.") == ["Gullhaven"]
    # a listed place, a background word, an owner and a month are not name claims
    assert _names("Patrols in Eastport, across Harbourshire and in May 2024.") == []
    assert _names("It is one of the aims in Anna Reed's harbour plan.") == []


def test_a_place_the_passage_does_not_name_leaves_the_sentence_unsupported() -> None:
    draft = "Quay patrols in Gullhaven were timed for summer evenings and bank holiday weekends."
    assert judge_with(RULES, draft, PATROLS).verdict == "unsupported"
    same = "Quay patrols in Saltmarsh were timed for summer evenings and bank holiday weekends."
    assert judge_with(RULES, same, PATROLS).verdict == "supported"


def test_a_place_named_only_in_another_sentence_of_the_passage_does_not_back_it() -> None:
    passage = doc(
        "Ferry thefts made up 39% of quay crime in Harbourshire in 2023. Figures for Gullhaven "
        "are published separately.",
        0.8,
    )
    draft = "Across Gullhaven, ferry thefts made up 39% of quay crime in 2023."
    assert judge_with(RULES, draft, passage).verdict != "supported"


def test_a_place_in_the_passages_heading_backs_it() -> None:
    passage = doc("Patrols were timed for summer evenings.", 0.8, section="8.3 Gullhaven")
    assert judge_with(
        RULES, "Patrols in Gullhaven were timed for summer evenings.", passage
    ).verdict == ("supported")


def test_a_place_in_another_part_of_the_figures_sentence_does_not_back_it() -> None:
    passage = doc(
        "Ferry thefts were the most common quay crime, at 39% of the total; this is in line "
        "with the picture in many parts of Gullhaven.",
        0.8,
    )
    draft = "Across Gullhaven, ferry thefts were 39% of quay crime."
    assert judge_with(RULES, draft, passage).verdict == "unsupported"


# --- who does it, for any passive verb ---------------------------------------------------------

PROFILE = doc(
    "The Quay Risk Profile is an assessment produced by Harbour Intelligence with input from "
    "local partners.",
    0.8,
)


def test_a_named_agent_of_any_passive_verb_is_a_claim() -> None:
    from assistant.agent_check import agent_claims

    found = agent_claims("The Quay Risk Profile is produced by the Harbour Safety Board.", [])
    assert [(c.text, c.value) for c in found] == [
        ("Harbour Safety Board", ("produced", "harbour safety board"))
    ]
    # the verbs of governance are language.RELATION's ("chaired by"), not read twice
    assert agent_claims("The board is chaired by the Harbour Master.", []) == []


def test_another_agent_for_the_passages_verb_is_a_body_conflict() -> None:
    v = judge_with(RULES, "The Quay Risk Profile is produced by the Harbour Safety Board.", PROFILE)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "body", "Harbour Intelligence")
    same = "The Quay Risk Profile is produced by Harbour Intelligence."
    assert judge_with(RULES, same, PROFILE).verdict == "supported"


def test_an_agent_the_passage_has_do_it_in_the_active_backs_it() -> None:
    passage = doc("Harbour Intelligence produces the Quay Risk Profile every year.", 0.8)
    draft = "The Quay Risk Profile is produced by Harbour Intelligence every year."
    assert judge_with(RULES, draft, passage).verdict == "supported"


def test_an_agent_the_passage_gives_nothing_for_is_not_supported() -> None:
    passage = doc("The Harbour Safety Board leads delivery, guided by the Quay Risk Profile.", 0.8)
    draft = "The Quay Risk Profile is produced by the Harbour Safety Board."
    assert judge_with(RULES, draft, passage).verdict == "unsupported"


# --- a definite count of bodies: a fact the corpus states, not a passage's statistic ----------

COUNTED = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbourshire has two quay safety partnerships. the two quay safety "
        "partnerships report to the board. both councils agree. the six ferry priorities.",
    }
)
DUTIES = doc(
    "Each partnership will jointly lead the ferry theft priority, and will report progress on "
    "those six priorities to the board at least twice a year.",
    0.8,
)


def test_a_definite_count_of_bodies_is_checked_against_the_corpus() -> None:
    from assistant.body_counts import check_count

    text = COUNTED.corpus_text
    assert check_count("The two quay safety partnerships lead.", 4, text) == ("found", "")
    assert check_count("The three quay safety partnerships lead.", 4, text) == (
        "conflict",
        "2 quay safety partnerships",
    )
    assert check_count("All three councils agree.", 4, text) == ("conflict", "2 councils")
    # a count of something that is no body is left to the passage's figures
    assert check_count("The six ferry priorities stand.", 4, text) is None


def test_the_count_of_bodies_the_corpus_gives_backs_the_sentence() -> None:
    draft = (
        "The two quay safety partnerships jointly lead on ferry theft and report to the board "
        "at least twice a year."
    )
    assert judge_with(COUNTED, draft, DUTIES).verdict == "supported"
    wrong = draft.replace("two", "three")
    v = judge_with(COUNTED, wrong, DUTIES)
    assert (v.verdict, v.element) == ("conflict", "number")


# --- who does what, bound to the sentence the draft sits in ----------------------------------

DUTY = doc(
    "The Coastguard leads on sea rescue. The Harbour Safety Board leads on ferry thefts.", 0.8
)


def test_another_doer_in_the_sentence_the_draft_sits_in_is_a_body_conflict() -> None:
    v = judge_with(RULES, "The Coastguard leads on ferry thefts.", DUTY)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "body", "Harbour Safety Board")
    assert judge_with(RULES, "The Harbour Safety Board leads on ferry thefts.", DUTY).verdict == (
        "supported"
    )


def test_a_chair_named_in_a_sentence_about_another_body_does_not_back_the_draft() -> None:
    passage = doc(
        "The Harbour Safety Board meets quarterly. The Quay Watch Group meets monthly and is "
        "chaired by the Harbour Master.",
        0.8,
    )
    draft = "The Harbour Safety Board is chaired by the Harbour Master and meets quarterly."
    assert judge_with(RULES, draft, passage).verdict != "supported"


def test_a_table_rows_lead_column_says_who_does_its_action() -> None:
    plan = doc(
        "Quay referral route into Harbour Steps | Lead: Harbour Police with the Harbour Safety "
        "Board; Timescale: By September 2025",
        0.8,
    )
    draft = (
        "A quay referral route into Harbour Steps will be set up by Harbour Police by "
        "September 2025."
    )
    rules = GlossaryRules({"corpus_text": "harbour police coastguard agency harbour steps"})
    assert judge_with(rules, draft, plan).verdict == "supported"
    wrong = draft.replace("Harbour Police", "the Coastguard Agency")
    v = judge_with(rules, wrong, plan)
    assert (v.verdict, v.element) == ("conflict", "body")


def test_an_agents_short_form_is_its_spelled_out_name() -> None:
    rules = GlossaryRules(
        {
            "acronyms": [{"term": "HSB", "expansion": "Harbour Safety Board"}],
            "corpus_text": "harbour safety board hsb ferry grant",
        }
    )
    grant = doc("The ferry grant is £50,000 a year, held by the Harbour Safety Board.", 0.8)
    assert judge_with(
        rules, "The ferry grant of £50,000 a year is held by the HSB.", grant
    ).verdict == ("supported")


def test_a_date_after_by_is_no_agent() -> None:
    from assistant.agent_check import agent_claims

    assert agent_claims("The target is a 10% cut by March 2028.", []) == []


CO_CHAIRS = (
    "The Quay Safety Board is co-chaired by the Harbour Master, Eastport Council, and a Chief "
    "Inspector of Saltmarsh Police. It meets every six weeks."
)
CO_CHAIR_RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "quay safety board harbour master eastport council "
        "chief inspector saltmarsh",
    }
)


def test_each_of_two_co_chairs_is_found_with_its_body_written_before_or_after_it() -> None:
    draft = (
        "The Quay Safety Board is co-chaired by Eastport Council's Harbour Master and a Chief "
        "Inspector from Saltmarsh Police."
    )
    v = judge_with(CO_CHAIR_RULES, draft, doc(CO_CHAIRS, 0.8))
    assert v.verdict == "supported", v.reasons


def test_a_pair_of_co_chairs_with_one_the_passage_does_not_name_is_not_supported() -> None:
    draft = (
        "The Quay Safety Board is co-chaired by Eastport Council's Harbour Master and a Chief "
        "Superintendent from Saltmarsh Police."
    )
    assert judge_with(CO_CHAIR_RULES, draft, doc(CO_CHAIRS, 0.8)).verdict != "supported"


def test_holders_split_at_an_article_after_and_so_a_joined_name_stays_whole() -> None:
    from assistant.name_check import each_holder

    theirs = "harbour master, eastport and westhaven council, and a chief inspector of the police"
    assert each_holder("harbour master and a chief inspector", theirs, {})
    assert not each_holder("harbour master and a chief constable", theirs, {})
    assert not each_holder("harbour master", theirs, {})  # one holder: the usual comparison


def test_a_name_with_a_clipped_word_is_the_passages_name_spelled_out() -> None:
    rules = GlossaryRules({"corpus_text": "operation lighthouse patrols new quay road"})
    passage = doc("Operation Lighthouse patrols ran on 14 nights in 2024.", 0.8)
    draft = "Op Lighthouse patrols ran on 14 nights in 2024."
    assert judge_with(rules, draft, passage).verdict == "supported"
    assert judge_with(rules, "Op Lightship patrols ran on 14 nights in 2024.", passage).verdict != (
        "supported"
    )


def test_a_word_the_documents_write_on_its_own_is_not_read_as_clipped() -> None:
    from assistant.proper_names import _clipped

    corpus = "operation lighthouse new road newcastle road"
    assert _clipped("new road", corpus) is None  # "New Road" is not "Newcastle Road"
    assert _clipped("op lighthouse", corpus).search("operation lighthouse ran")
    assert _clipped("lighthouse", corpus) is None
