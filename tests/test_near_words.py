"""Near words: a question word the passages say in their own words, judged by the real model."""

from __future__ import annotations

import pytest

from assistant.near_words import WordVectors, near_words, passage_words


def test_passage_words_are_distinct_lower_case_content_words() -> None:
    assert passage_words(["The Harbour team and the harbour pier.", "It is 42."]) == [
        "harbour",
        "pier",
        "team",
    ]


@pytest.mark.slow
def test_an_everyday_word_reads_as_the_passage_word_the_model_puts_next_to_it(
    real_embedder,
) -> None:
    vectors = WordVectors(real_embedder.embed_documents)
    texts = ["Lifeboat crews rescued 40 children and 12 vehicles from the flooded quay."]
    assert near_words(["kids", "cars"], texts, vectors) == [
        ("kids", "children"),
        ("cars", "vehicles"),
    ]


@pytest.mark.slow
def test_a_different_thing_is_not_a_near_word(real_embedder) -> None:
    vectors = WordVectors(real_embedder.embed_documents)
    texts = ["The Cumbria harbour board funds lifeboat crews."]
    assert near_words(["lancashire", "drones", "precept"], texts, vectors) == []


def test_each_word_is_embedded_once_per_process() -> None:
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(texts)
        return [[1.0, float(len(t))] for t in texts]

    vectors = WordVectors(embed)
    vectors(["quay", "pier"])
    vectors(["pier", "quay", "dock"])
    assert calls == [["quay", "pier"], ["dock"]]


def _scored(real_embedder, text: str, question: str):  # noqa: ANN001, ANN202
    """The evidence of one invented passage for a question, scored with the real model."""
    from assistant.evidence import AnswerPolicy, EvidenceScorer
    from assistant.lexical import tokenize
    from assistant.query import parse_query
    from assistant.types import Chunk, Hit

    chunk = Chunk(
        "q-0", "q", text, "Harbour report", "Rescues", None, 0, 0, len(text),
        "hq0", "current", "2025-01-01", "partnership",
    )  # fmt: skip
    scorer = EvidenceScorer(real_embedder, lambda _t: 2.0, tokenize, AnswerPolicy())
    return scorer.score(parse_query(question), [Hit(chunk, 0.9)])


@pytest.mark.slow
def test_a_question_word_the_passages_say_otherwise_is_not_missing(real_embedder) -> None:
    text = "Lifeboat crews rescued 40 children from the flooded quay in 2024."
    missing = _scored(real_embedder, text, "how many kids did the lifeboat crews rescue")
    assert "kids" not in {word for _, word in missing.missing}
    # and "40 children" is a number of kids: the count asked for is given
    assert missing.has_count
    drones = _scored(real_embedder, text, "how many drones did the lifeboat crews use")
    assert "drones" in {word for _, word in drones.missing}


@pytest.mark.slow
def test_a_colloquial_word_the_documents_never_use_does_not_sink_the_answer(
    real_embedder,
) -> None:
    # WordNet (language.wordnet_neighbours): "break-ins" are a kind of burglary
    text = "Harbourside recorded 312 domestic burglaries in 2024, down from 355."
    asked = _scored(real_embedder, text, "how many break-ins in harbourside in 2024")
    assert "break-ins" not in {word for _, word in asked.missing}
    drones = _scored(real_embedder, text, "how many drones in harbourside in 2024")
    assert "drones" in {word for _, word in drones.missing}


@pytest.mark.slow
def test_a_word_of_a_few_senses_pairs_with_its_wordnet_neighbour_only_where_the_model_agrees(
    real_embedder,
) -> None:
    from assistant.near_words import wordnet_words

    vectors = WordVectors(real_embedder.embed_documents)
    texts = ["The harbour police closed 12 drug routes into the town."]
    # "shut" has three senses (close, exclude, keep...): the model puts "closed" near it
    assert wordnet_words(["shut"], texts, vectors) == [("shut", "closed")]
    assert wordnet_words(["shut"], texts) == []  # WordNet alone vouches for one sense only
    # another of its senses the model does not put near it: no pair
    assert wordnet_words(["shut"], ["Partners keep the harbour open."], vectors) == []
    # "nick" (seven senses, one of them "prison") is not looked up at all
    assert wordnet_words(["nick"], ["He was sent to prison."], vectors) == []
