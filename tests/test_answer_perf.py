"""What makes an extractive answer faster changes no answer (#14 item 5).

The cosine is the same float, remembered tokens or vectors are never another question's, and
stored sentence vectors fetched by id are the ones the metadata filter gives. Passages and
questions are invented for the test (a fictional county), none is taken from the eval sets.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from assistant.embed_memo import MemoEmbedder
from assistant.evidence import AnswerPolicy, Evidence, EvidenceScorer, cos
from assistant.lexical import tokenize
from assistant.query import parse_query
from assistant.token_memo import TokenMemo
from assistant.types import Chunk, Hit
from tests.fakes import HashEmbedder


def _in_order(a: list[float], b: list[float]) -> float:
    """The cosine as it was first written: the products summed one by one."""
    return sum(x * y for x, y in zip(a, b, strict=True)) if a and b else 0.0


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.normal(size=n)
    return v / np.linalg.norm(v)


def test_cos_is_the_in_order_sum_bit_for_bit_and_of_the_same_type() -> None:
    rng = np.random.default_rng(5)
    for trial in range(3000):
        n = 384 if trial % 5 else int(rng.integers(1, 50))
        a, b = _unit(rng, n), _unit(rng, n)
        # an embedded vector is a list of floats, a stored one a list of numpy floats
        for x in (a.tolist(), list(a)):
            for y in (b.tolist(), list(b)):
                got, want = cos(x, y), _in_order(x, y)
                assert type(got) is type(want)
                assert repr(got) == repr(want)
    assert repr(cos([-0.0], [1.0])) == repr(_in_order([-0.0], [1.0])) == "0.0"
    assert cos([], [1.0]) == 0.0 and cos([1.0], []) == 0.0
    with pytest.raises(ValueError):
        cos([1.0, 0.0], [1.0])


class _CountingTokenize:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: list[str]) -> list[list[str]]:
        self.texts += texts
        return [t.lower().split() for t in texts]


def test_token_memo_tokenizes_each_text_once_and_keeps_the_order() -> None:
    inner = _CountingTokenize()
    memo = TokenMemo(inner)
    assert memo(["Harbour Board", "Ferry fines", "Harbour Board"]) == [
        ["harbour", "board"],
        ["ferry", "fines"],
        ["harbour", "board"],
    ]
    assert memo(["Ferry fines", "Lamp posts"]) == [["ferry", "fines"], ["lamp", "posts"]]
    assert inner.texts == ["Harbour Board", "Ferry fines", "Lamp posts"]
    assert (memo.hits, memo.misses) == (2, 3)


def test_token_memo_gives_a_new_list_forgets_the_oldest_and_clears() -> None:
    inner = _CountingTokenize()
    memo = TokenMemo(inner, size=2)
    memo(["one", "two"])[0].append("changed")  # a caller changing its list changes no memory
    assert memo(["one"]) == [["one"]]
    memo(["three"])  # "two" was the least recently used
    inner.texts.clear()
    memo(["one", "three", "two"])
    assert inner.texts == ["two"]
    memo.clear()
    memo(["one"])
    assert inner.texts == ["two", "one"] and memo.misses == 1


def test_real_tokenizer_a_text_s_tokens_do_not_depend_on_the_texts_beside_it() -> None:
    """The memo relies on it: bm25s tokenizes, drops stopwords and stems word by word."""
    texts = [
        "The Harbour Board's wardens issued 41 fines in 2023/24.",
        "Wardens and the harbour",
        "",
        "Eastmere | 2022/23: 4.1; 2023/24: 3.7",
        "The Harbour Board's wardens issued 41 fines in 2023/24.",
    ]
    together = tokenize(texts)
    assert together == [tokenize([t])[0] for t in texts]
    memo = TokenMemo(tokenize)
    assert memo(texts[:2]) + memo(texts[2:]) == together


def _hit(text: str, doc_id: str, n: int = 0) -> Hit:
    chunk = Chunk(
        f"{doc_id}-{n}", doc_id, text, f"Title of {doc_id}", "Section", None, n, 0, len(text),
        f"h{doc_id}{n}", "current", "2025-01-01", "partnership",
    )  # fmt: skip
    return Hit(chunk, 0.9)


HITS = [
    _hit(
        "Table 2: Harbour fines by town, 2022/23 and 2023/24\n"
        "Northvale | 2022/23: 41; 2023/24: 37\n"
        "Eastmere | 2022/23: 12; 2023/24: 19",
        "fines",
    ),
    _hit(
        "The Harbour Board is chaired by the Harbour Master. The board meets four times a year "
        "to agree its priorities. Its lamp programme replaced 60 lamps in 2024.",
        "board",
    ),
    _hit("The ferry wardens patrol the quays at night and report to the Harbour Board.", "ferry"),
]
FIRST = "how many harbour fines were issued in Eastmere in 2023/24?"
SECOND = "who chairs the harbour board?"


def _scorer(tokenizer=tokenize) -> EvidenceScorer:
    embedder = MemoEmbedder(HashEmbedder())
    return EvidenceScorer(embedder, lambda t: 1.0 + len(t) / 10, tokenizer, AnswerPolicy())


def _read(evidence: Evidence) -> tuple:
    lead = evidence.lead
    return (
        [(c.text, c.score, c.cosine, c.lexical, c.unmet) for c in evidence.candidates],
        lead.text if lead else None,
        evidence.features(),
        evidence.missing,
    )


def test_a_scorer_that_answered_one_question_answers_the_next_as_a_fresh_one_would() -> None:
    """Nothing one question remembers (tokens, vectors, its lead) reaches another."""
    used = _scorer(TokenMemo(tokenize))
    first = used.score(parse_query(FIRST), HITS)
    first_read = _read(first)
    second = used.score(parse_query(SECOND), HITS)
    assert _read(second) == _read(_scorer().score(parse_query(SECOND), HITS))
    assert _read(first) == first_read == _read(_scorer().score(parse_query(FIRST), HITS))
    assert first.lead is not None and second.lead is not None
    assert first.lead.text != second.lead.text


class _Spy:
    """A Chroma collection that records how each `get` was asked."""

    def __init__(self, inner) -> None:
        self.inner, self.asked = inner, []

    def get(self, **kwargs):
        self.asked.append("where" if "where" in kwargs else "ids")
        return self.inner.get(**kwargs)


def _filtered(collection, chunk_ids: list[str]) -> dict:
    got = collection.get(
        where={"chunk_id": {"$in": chunk_ids}}, include=["embeddings", "metadatas"]
    )
    return {
        (m["chunk_id"], int(m["k"])): list(v)
        for m, v in zip(got["metadatas"], got["embeddings"], strict=True)
    }


@pytest.mark.slow
def test_real_index_sentence_vectors_by_id_are_those_the_filter_gives(
    sample_index, real_embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import retrieve

    retriever = retrieve.HybridRetriever(sample_index, real_embedder)
    chunk_ids = random.Random(3).sample(retriever.lexical.ids, 20)
    want = _filtered(retriever.sentences, chunk_ids)
    retriever.sentences = _Spy(retriever.sentences)
    assert retriever.sentence_vectors(chunk_ids) == want
    assert retriever.sentences.asked == ["where"]  # a small index: the filter is faster
    monkeypatch.setattr(retrieve, "BY_ID_UNITS", 0)  # as in a large index
    got = retriever.sentence_vectors(chunk_ids)
    assert retriever.sentences.asked == ["where", "ids"]  # no scan of every unit
    assert got.keys() == want.keys() and len(got) > 20
    assert all(repr(got[k]) == repr(want[k]) for k in want)


def test_units_named_another_way_are_fetched_by_the_filter(
    settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import retrieve
    from assistant.retrieve import HybridRetriever

    monkeypatch.setattr(retrieve, "BY_ID_UNITS", 0)
    embedder = HashEmbedder()
    texts = ["Harbour fines rose.", "The board meets four times a year.", "Lamps were replaced."]
    chunks = [
        Chunk(f"c{i}", "harbour", t, "Harbour Plan", "", None, i, 0, len(t), f"h{i}", "current",
              "2025-01-01", "partnership")
        for i, t in enumerate(texts)
    ]  # fmt: skip
    units = [(c.id, embedder.embed_query(f"{c.text} {k}")) for c in chunks for k in range(3)]
    retriever = HybridRetriever.from_chunks(
        settings, embedder, chunks, embedder.embed_documents(texts), sentences=units
    )
    meta = {"status": "current", "published_int": 20250101, "doc_id": "harbour"}
    retriever.sentences.add(  # as an older build named them: by their place in the whole list
        ids=["c9:7", "c9:8", "c9:9"],
        metadatas=[{"chunk_id": "c9", "k": k, **meta} for k in range(3)],
        embeddings=[embedder.embed_query(f"old {k}") for k in range(3)],
    )
    wanted = ["c1", "c9", "c2"]
    want = _filtered(retriever.sentences, wanted)
    retriever.sentences = _Spy(retriever.sentences)
    got = retriever.sentence_vectors(wanted)
    assert retriever.sentences.asked == ["ids", "where"]
    assert got == want and len(got) == 9
    assert retriever.sentence_vectors([]) == {}
