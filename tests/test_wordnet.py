"""WordNet as the general synonym source: everyday words the documents never use."""

from __future__ import annotations

from assistant import language as lang
from assistant.lexical import wordnet_words as corpus_neighbours
from assistant.near_words import wordnet_words


def test_the_shipped_wordnet_data_gives_a_words_synonyms_and_broader_terms() -> None:
    assert lang.WORDNET_FILE.exists()
    assert "burglary" in lang.wordnet_neighbours("break-in")  # its broader term
    assert "burglary" in lang.wordnet_neighbours("break-ins")  # an ending taken off
    assert lang.wordnet_neighbours("zzxqv") == ()


def test_a_word_of_several_senses_is_not_looked_up() -> None:
    # "books" are volumes, records or bookings: any of them could pair with a passage word
    assert lang.WORDNET_SENSES == 1
    assert lang.wordnet_neighbours("books") == ()


def test_endings_come_off_by_wordnets_own_rules() -> None:
    assert lang.lemma_forms("break-ins")[:2] == ["break-ins", "break-in"]
    assert "match" in lang.lemma_forms("matches")
    assert "pub's" not in lang.lemma_forms("pub's")  # a possessive is the word itself


def test_a_word_the_corpus_never_writes_brings_the_corpus_words_beside_it() -> None:
    vocabulary = frozenset({"burglary", "homes", "how", "many"})
    assert corpus_neighbours("how many break-ins at homes", vocabulary) == ["burglary"]


def test_a_word_the_corpus_writes_keeps_its_own_meaning() -> None:
    # "cycle" is a corpus word: it is not read as "bike" or "motorcycle"
    assert corpus_neighbours("cycle lanes", frozenset({"cycle", "bicycle", "lanes"})) == []
    assert corpus_neighbours("break-ins", frozenset()) == []  # an index built before it


def test_passage_words_wordnet_puts_beside_an_asked_word_pair_with_it() -> None:
    texts = ["Burglaries of homes fell by a tenth."]
    assert wordnet_words(["break-ins"], texts) == [("break-ins", "burglaries")]
    assert wordnet_words(["drones"], texts) == []
