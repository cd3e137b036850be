"""The answer-time vector memo: each text embedded once per process, answers unchanged."""

from __future__ import annotations

import pytest

from assistant.embed_memo import MemoEmbedder
from tests.fakes import CountingEmbedder, HashEmbedder


def test_a_text_seen_before_is_not_embedded_again() -> None:
    inner = CountingEmbedder(HashEmbedder())
    memo = MemoEmbedder(inner)
    first = memo.embed_documents(["Eden: 16.9", "Carlisle: 20.1"])
    again = memo.embed_documents(["Carlisle: 20.1", "Copeland: 12.0", "Eden: 16.9"])
    assert inner.embedded == 3  # Copeland only, the second time
    assert again[0] == first[1] and again[2] == first[0]
    assert again[1] == HashEmbedder().embed_query("Copeland: 12.0")
    assert (memo.hits, memo.misses) == (2, 3)


def test_a_text_repeated_in_one_call_is_embedded_once_and_order_is_kept() -> None:
    inner = CountingEmbedder(HashEmbedder())
    texts = ["b row", "a row", "b row"]
    vectors = MemoEmbedder(inner).embed_documents(texts)
    assert inner.embedded == 2
    assert vectors == HashEmbedder().embed_documents(texts)


def test_the_least_recently_used_vector_goes_first_and_clear_forgets_all() -> None:
    inner = CountingEmbedder(HashEmbedder())
    memo = MemoEmbedder(inner, size=2)
    memo.embed_documents(["one", "two"])
    memo.embed_documents(["one"])  # "one" is now the most recently used
    memo.embed_documents(["three"])  # evicts "two"
    inner.embedded = 0
    memo.embed_documents(["one", "three"])
    assert inner.embedded == 0
    memo.embed_documents(["two"])
    assert inner.embedded == 1
    memo.clear()
    memo.embed_documents(["one"])
    assert inner.embedded == 2 and memo.misses == 1


@pytest.mark.slow
def test_real_model_a_remembered_vector_is_the_one_embedding_gives(real_embedder) -> None:
    """The memo relies on a vector not depending on the batch it was embedded in."""
    texts = [
        "Table 1: Crime per 1,000 residents Eden: Violence and sexual offences: 16.9",
        "Who chairs the board?",
        "The partnership meets four times a year to agree its priorities and review delivery.",
    ]
    memo = MemoEmbedder(real_embedder)
    memo.embed_documents(texts)  # remembered from one batch of three
    for text in texts:
        assert memo.embed_documents([text])[0] == real_embedder.embed_documents([text])[0]


@pytest.mark.slow
def test_real_index_answers_are_the_same_from_a_warm_memo(sample_index, real_embedder) -> None:
    from assistant.pipeline import Assistant

    questions = [
        "What was the violence and sexual offences rate per 1,000 residents in Eden in 2022/23?",
        "What was the total crime rate per 1,000 residents in Westmorland and Furness?",
        "How many police-recorded ASB incidents were there in Cumberland in 2021/22?",
    ]
    cold = Assistant(sample_index, real_embedder, audit=False)
    cold.answer_embedder.size = 0  # remembers nothing: every vector embedded afresh
    warm = Assistant(sample_index, real_embedder, audit=False)
    for q in questions:
        warm.ask(q, record=False)
    embedded = warm.answer_embedder.misses
    for q in questions:
        assert warm.ask(q, record=False).text == cold.ask(q, record=False).text
    assert warm.answer_embedder.hits > 0 and warm.answer_embedder.misses == embedded
