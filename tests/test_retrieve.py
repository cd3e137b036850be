from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import QuestionError
from assistant.index import build_index
from assistant.retrieve import Filters, Fusion, HybridRetriever, check_question, chroma_where, fuse
from tests.fakes import HashEmbedder


def test_rrf_rewards_agreement_between_rankings() -> None:
    dense = [("a", 0.9), ("b", 0.8), ("c", 0.7)]
    lexical = [("c", 12.0), ("b", 9.0), ("d", 3.0)]
    order = [key for key, _ in fuse(dense, lexical, Fusion(method="rrf"))]
    assert set(order[:2]) == {"b", "c"} and set(order) == {"a", "b", "c", "d"}


def test_weighted_score_fusion_follows_the_weights() -> None:
    dense = [("a", 0.9), ("b", 0.1)]
    lexical = [("b", 10.0), ("a", 1.0)]
    assert fuse(dense, lexical, Fusion("score", 1.0, 0.2))[0][0] == "a"
    assert fuse(dense, lexical, Fusion("score", 0.2, 1.0))[0][0] == "b"


def test_where_clause_excludes_superseded_by_default() -> None:
    assert chroma_where(Filters()) == {"status": {"$ne": "superseded"}}
    assert chroma_where(Filters(include_superseded=True)) is None
    clause = chroma_where(Filters(strands=("drugs",), date_from="2024-01-01"))
    assert {"published_int": {"$gte": 20240101}} in clause["$and"]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 2001])
def test_bad_questions_are_rejected_with_a_reason(bad: str) -> None:
    with pytest.raises(QuestionError):
        check_question(bad)


@pytest.fixture()
def retriever(settings: Settings) -> HybridRetriever:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    return HybridRetriever(settings, embedder)


def test_superseded_chunks_only_when_asked(retriever: HybridRetriever) -> None:
    hits = retriever.retrieve("serious violence offences priorities", k=10)
    assert hits and all(h.chunk.status == "current" for h in hits)
    named = retriever.retrieve("what did the 2024 violence strategy prioritise", k=10)
    assert "violence-2024" in {h.chunk.doc_id for h in named}
    explicit = retriever.retrieve(
        "serious violence offences", k=10, filters=Filters(include_superseded=True)
    )
    assert "violence-2024" in {h.chunk.doc_id for h in explicit}


def test_filters_by_strand_document_and_date(retriever: HybridRetriever) -> None:
    hits = retriever.retrieve(
        "referrals and priorities", k=10, filters=Filters(strands=("counter-terrorism",))
    )
    assert {h.chunk.doc_id for h in hits} == {"prevent"}
    hits = retriever.retrieve("priorities", k=10, filters=Filters(doc_ids=("violence-2025",)))
    assert {h.chunk.doc_id for h in hits} == {"violence-2025"}
    hits = retriever.retrieve("priorities", k=10, filters=Filters(date_from="2025-01-01"))
    assert hits and all(h.chunk.published >= "2025-01-01" for h in hits)


def test_lexical_index_is_rebuilt_when_stale(
    retriever: HybridRetriever, settings: Settings
) -> None:
    import shutil

    shutil.rmtree(settings.index_dir / "bm25")
    fresh = HybridRetriever(settings, retriever.embedder)
    assert fresh.lexical.ids and (settings.index_dir / "bm25" / "ids.json").is_file()


def test_a_bm25_save_cut_short_leaves_the_previous_copy_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed while saving BM25 (a reader or an ingest) never leaves a mixed copy."""
    import assistant.lexical as lexical
    from assistant.lexical import LexicalIndex

    def build(n: int) -> LexicalIndex:
        ids = [f"v{n}-{i}" for i in range(20 + 30 * n)]
        texts = [f"passage {i} about topic{n} and word{i}" for i in range(len(ids))]
        return LexicalIndex.build(ids, texts, f"v{n}")

    folder = tmp_path / "bm25"
    build(0).save(folder)

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt("killed while saving")

    with monkeypatch.context() as m:
        m.setattr(lexical.json, "dumps", killed)  # after the model files, before the ids
        with pytest.raises(KeyboardInterrupt):
            build(1).save(folder)
    loaded = LexicalIndex.load(folder)
    assert loaded is not None and loaded.version == "v0" and len(loaded.ids) == 20
    hits = loaded.search("topic0", 50, None)  # the old copy's own word, from its own model
    assert len(hits) == 20 and all(i.startswith("v0-") for i, _ in hits)
    build(2).save(folder)  # the next save swaps in whole, and leaves no temporary folder
    assert LexicalIndex.load(folder).version == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bm25"]


def test_a_lexical_index_whose_names_were_read_by_an_older_rule_is_rebuilt(tmp_path) -> None:
    import json

    from assistant.lexical import WORDS_RULE, LexicalIndex

    folder = tmp_path / "bm25"
    LexicalIndex.build(["a", "b"], ["Boats in Stoke-on-Sea", "Stoke-on-Sea harbour"], "v1").save(
        folder
    )
    assert LexicalIndex.load(folder, "v1") is not None
    meta = folder / "ids.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "words_rule": WORDS_RULE - 1}))
    assert LexicalIndex.load(folder, "v1") is None  # the caller rebuilds it from the store
