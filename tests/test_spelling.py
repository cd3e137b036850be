"""Misspelt words read as the corpus spells them (spelling.py), on invented text."""

from assistant.spelling import Speller, corpus_words

CORPUS = ["harbour", "referrals", "priorities", "happened", "lifeboat", "launches", "drops"]


def test_a_word_nobody_writes_is_read_as_the_corpus_word_it_mistypes() -> None:
    speller = Speller(CORPUS)
    assert speller.correct("how many harbour referalls in 2024?") == (
        "how many harbour referrals in 2024?"
    )
    assert speller.correct("what happend to the new priorites") == (
        "what happened to the new priorities"
    )


def test_english_words_short_forms_and_corpus_words_are_left_alone() -> None:
    speller = Speller(CORPUS)
    # "drones" is English: it may be what the documents don't cover, not a slip for "drops"
    assert speller.correct("how many drones flew over the harbour") == (
        "how many drones flew over the harbour"
    )
    assert speller.correct("lifeboat launches by the hsvd and w&f") == (
        "lifeboat launches by the hsvd and w&f"
    )


def test_every_word_the_corpus_writes_is_known_names_as_well() -> None:
    words = corpus_words(["Patrols in Kendal and Bowness rose.", "The HSVD met."])
    assert {"kendal", "bowness", "hsvd", "patrols"} <= words
    assert Speller(words | {"kernel"}).correct("patrols in kendal") == "patrols in kendal"


def test_a_british_spelling_is_english_not_a_slip() -> None:
    # "scrutinises" is missing from the shipped English list, which has "scrutinizes"
    speller = Speller(["scrutinised", "panel", "referral"])
    assert speller.correct("who scrutinises the panel") == "who scrutinises the panel"
    assert speller.correct("send the referal") == "send the referral"


def test_a_short_word_is_corrected_by_one_edit_only() -> None:
    speller = Speller(["moved", "harbour", "launch", "launches"])
    # "vovid" is two edits from "moved": a short word so far off is another word, not a slip
    assert speller.correct("launches during vovid") == "launches during vovid"
    assert speller.correct("the lanch of the boat") == "the launch of the boat"
