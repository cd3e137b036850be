"""Short forms people make up, read as the passages spell them (short_forms.py)."""

from assistant.short_forms import (
    lower_short_forms,
    named_phrases,
    short_forms,
    spell_out,
    spell_question,
    spelled,
)


def test_letters_joined_by_an_ampersand_are_a_short_form_in_any_case() -> None:
    assert short_forms("landings in n&e or s&w this year") == [("n&e", "n&e"), ("s&w", "s&w")]
    assert short_forms("fish & chips and r & d") == []


def test_short_forms_typed_in_capitals_with_plurals() -> None:
    found = short_forms("were there more HGVs in N&E this year? ask the RTB, I said")
    assert found == [("HGVs", "HGV"), ("N&E", "N&E"), ("RTB", "RTB")]


def test_a_made_up_short_form_is_spelled_out_from_the_passages_alone() -> None:
    texts = [
        "The road transport board met twice. Road transport levels rose.",
        "Northvale and Eastmere share a harbour; Northvale and Eastmere patrols began in May.",
        "A rare term: Ranger Training Budget.",
    ]
    assert spell_out("RT", texts) == "road transport"
    assert spell_out("N&E", texts) == "northvale and eastmere"
    assert spell_out("RTB", texts) == ""  # spelled once only: not enough to read it so
    assert spell_out("QX", texts) == ""


PASSAGES = [
    "The Harbour Safety Duty grant is worth £90,000. The Harbour Safety Duty began in 2022.",
    "Harbour safety partners meet monthly. Night patrols cover the harbour safety zone.",
    "Domestic abuse incidents rose. Domestic abuse services expanded in the north.",
]
CORPUS_WORDS = frozenset("the harbour safety duty grant is worth partners meet".split())


def test_a_lower_case_short_form_is_read_beside_the_questions_own_words() -> None:
    found = lower_short_forms("how much is the hs duty grant", CORPUS_WORDS)
    assert found == [("hs", ("duty", "grant"))]
    assert spell_out("hs", PASSAGES, beside=("duty", "grant")) == "harbour safety"
    # nothing beside it in the passages: no reading, however often the initials occur
    assert spell_out("hs", PASSAGES, beside=("levy",)) == ""


def test_words_the_corpus_writes_and_function_words_are_not_short_forms() -> None:
    assert lower_short_forms("is the grant worth it", CORPUS_WORDS) == []
    assert lower_short_forms("how much was it", CORPUS_WORDS) == []


def test_a_question_is_rewritten_with_what_its_short_forms_read_as() -> None:
    def knows(short: str) -> bool:
        return short == "ASB"

    pairs = spelled("DA incidents and the hs duty grant, ASB too", PASSAGES, knows, CORPUS_WORDS)
    assert pairs == [("DA", "domestic abuse"), ("hs", "harbour safety")]
    assert (
        spell_question("DA incidents and the hs duty grant", pairs)
        == "domestic abuse incidents and the harbour safety duty grant"
    )


def test_the_phrase_most_passages_use_outvotes_a_label_one_table_repeats() -> None:
    texts = [
        "North, damage and arson: 4; South, damage and arson: 5; East, damage and arson: 6",
        "Domestic abuse rose in the north.",
        "Domestic abuse services grew.",
    ]
    assert spell_out("DA", texts) == "domestic abuse"


def test_between_phrases_as_many_passages_use_the_best_ranked_passage_decides() -> None:
    texts = [
        "Domestic abuse rose in the north.",
        "North, drink arrests: 4; South, drink arrests: 5",
    ]
    assert spell_out("DA", texts, least=1) == "domestic abuse"
    assert spell_out("DA", texts[::-1], least=1) == "drink arrests"


def test_a_phrase_every_word_spells_outranks_one_that_skips_a_joining_word() -> None:
    texts = [
        "North, damage and arson: 4; South, damage and arson: 5",
        "Domestic abuse rose in the north.",
    ]
    # as many passages use each; "DA" typed without "&" reads the phrase with no skipped "and"
    assert spell_out("DA", texts, least=1) == "domestic abuse"
    assert spell_out("D&A", texts, least=1) == "damage and arson"


def test_a_suffix_joined_by_a_hyphen_is_no_part_of_the_spelled_phrase() -> None:
    texts = [
        "Domestic abuse-related harm rose.",
        "Domestic abuse services grew.",
        "Dog attacks fell. Dog attacks were rare.",
    ]
    # "domestic abuse-related" is one more use of "domestic abuse"
    assert spell_out("DA", texts) == "domestic abuse"


def test_a_lower_case_form_is_read_only_as_a_name_written_in_capitals() -> None:
    texts = [
        "Violence and sexual offences nationally: 34 per 1,000.",
        "Violence and sexual offences nationally fell.",
    ]
    assert spell_out("vs", texts, beside=("nationally",)) == "violence and sexual"
    assert spell_out("vs", texts, beside=("nationally",), named=True) == ""
    assert spelled("rate here vs nationally", texts, lambda s: False, frozenset()) == []


def test_a_plural_the_passages_write_singular_is_not_rewritten() -> None:
    assert spell_question("KSIs in 2023?", [("KSIs", "KSI")]) == "KSIs in 2023?"


def test_the_corpus_names_initials_read_a_short_form_the_passages_dont_spell() -> None:
    corpus = [
        "Northvale and Eastmere Council runs the ferry. In Northvale and Eastmere, landings rose.",
        "The Harbour Board met. Patrols in Northvale and Eastmere doubled.",
    ]
    table = named_phrases(corpus)
    assert table["ne"] == "northvale and eastmere"
    assert "hb" not in table  # written once only
    topic = ["Ferry landings rose by 4% in 2024.", "Landings are counted monthly."]
    pairs = spelled("landings in N&E?", topic, lambda s: False, frozenset(), table)
    assert pairs == [("N&E", "northvale and eastmere")]


def test_a_short_form_the_passages_define_in_brackets_reads_as_the_name_defined() -> None:
    from assistant.short_forms import defined_forms

    texts = [
        "Three bodies merged: the Harbour Watch Forum (HWF); the quay board.",
        "The functions of the Harbour Watch Forum now sit with the Coast Board.",
    ]
    assert defined_forms("who does the old HWF's job now", texts, lambda s: False) == [
        ("HWF", "harbour watch forum")
    ]
    assert defined_forms("who does the HWF job", texts, lambda s: s == "HWF") == []  # known
    assert defined_forms("what is the QB", texts, lambda s: False) == []  # not defined
