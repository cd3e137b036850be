from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import CorpusEmptyError, IndexLockedError
from assistant.index import build_index, writer_lock
from assistant.store import open_collection
from tests.fakes import CountingEmbedder, HashEmbedder


def _chunks_of(settings: Settings, doc_id: str) -> list[str]:
    collection, _ = open_collection(settings)
    return collection.get(where={"doc_id": doc_id}, include=[])["ids"]


@pytest.mark.slow
def test_ingest_reports_every_bad_file_and_indexes_the_rest(
    bad_corpus: Path, settings: Settings, real_embedder
) -> None:
    report = build_index(settings, CountingEmbedder(real_embedder))
    counts = report.to_dict()["counts"]
    assert counts["added"] == 6 and counts["failed"] == 6 and counts["missing"] == 1
    saved = json.loads((settings.index_dir / "ingest-report.json").read_text())
    failed = {f["source"]: f["reason"] for f in saved["files"] if f["action"] == "failed"}
    assert set(failed) == {
        "corrupt.pdf",
        "encrypted.pdf",
        "empty.md",
        "fake.docx",
        "sheet.xlsx",
        "huge.md",
    }
    assert all(reason and "\n" not in reason for reason in failed.values())
    collection, _ = open_collection(settings)
    sources = {m["source"] for m in collection.get(include=["metadatas"])["metadatas"]}
    assert sources.isdisjoint(failed)
    warned = {f["source"]: f["warning"] for f in saved["files"] if f["warning"]}
    assert "Windows-1252" in warned["windows.txt"] and "catalog" in warned["notes.txt"]


@pytest.mark.slow
def test_ingest_is_incremental(corpus: Path, settings: Settings, real_embedder) -> None:
    embedder = CountingEmbedder(real_embedder)
    first = build_index(settings, embedder)
    assert first.count("added") == 5 and embedder.embedded > first.chunks_embedded > 0

    embedder.embedded = 0
    again = build_index(settings, embedder)
    assert again.count("skipped") == 5 and embedder.embedded == 0

    (corpus / "strategy.md").write_text(
        (corpus / "strategy.md").read_text()
        + "\n## 3. Review\n\nThe strategy is reviewed every year.\n"
    )
    edited = build_index(settings, embedder)
    assert edited.count("updated") == 1 and edited.count("skipped") == 4
    # Only the new passage is embedded (its chunk and its sentences); the rest reuse vectors.
    assert 0 < edited.chunks_embedded < len(_chunks_of(settings, "strategy"))
    assert 0 < embedder.embedded < first.chunks_embedded

    (corpus / "prevent.html").unlink()
    removed = build_index(settings, embedder)
    assert removed.count("removed") == 1 and _chunks_of(settings, "prevent") == []


@pytest.mark.slow
def test_a_file_that_breaks_keeps_its_indexed_chunks(
    corpus: Path, settings: Settings, real_embedder
) -> None:
    build_index(settings, real_embedder)
    before = _chunks_of(settings, "violence-2024")
    (corpus / "violence-2024.pdf").write_bytes(b"%PDF-1.4 truncated")
    report = build_index(settings, real_embedder)
    assert report.count("failed") == 1
    assert _chunks_of(settings, "violence-2024") == before


def test_catalog_status_change_updates_metadata_without_reembedding(
    corpus: Path, settings: Settings
) -> None:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    calls = len(embedder.calls)
    catalog = corpus / "catalog.yaml"
    catalog.write_text(
        catalog.read_text().replace(
            "title: Partnership Strategy 2024\n    published: 2024-09-30\n    status: current",
            "title: Partnership Strategy 2024\n    published: 2024-09-30\n    status: superseded",
        )
    )
    report = build_index(settings, embedder)
    assert report.count("updated") == 1
    assert sum(embedder.calls[calls:]) == 0  # same content hashes: vectors reused
    collection, _ = open_collection(settings)
    metas = collection.get(where={"doc_id": "strategy"}, include=["metadatas"])["metadatas"]
    assert {m["status"] for m in metas} == {"superseded"}


def test_model_change_forces_full_rebuild(settings: Settings) -> None:
    build_index(settings, HashEmbedder(64))
    report = build_index(settings, HashEmbedder(32))
    assert report.rebuilt and report.count("added") == 5


def test_rebuild_flag_reembeds_everything(settings: Settings) -> None:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    report = build_index(settings, embedder, rebuild=True)
    assert report.rebuilt and report.count("added") == 5 and report.chunks_embedded > 0


def test_second_writer_fails_fast(settings: Settings) -> None:
    with writer_lock(settings.index_dir):
        with pytest.raises(IndexLockedError, match="Another ingest"):
            build_index(settings, HashEmbedder())


def test_missing_corpus_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(CorpusEmptyError, match="ASSISTANT_CORPUS_DIR"):
        build_index(replace_settings(settings, corpus_dir=tmp_path / "nope"), HashEmbedder())


def replace_settings(settings: Settings, **update: object) -> Settings:
    return settings.model_copy(update=update)


class Crash(BaseException):
    """Stands in for SIGKILL at one point of the writer (nothing after it runs)."""


def _crash_at(monkeypatch: pytest.MonkeyPatch, name: str, after_calls: int = 0) -> None:
    from assistant.index import IndexWriter

    real = getattr(IndexWriter, name)
    calls = {"n": 0}

    def dying(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after_calls:
            raise Crash(name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(IndexWriter, name, dying)


def _served(settings: Settings, embedder) -> tuple[dict, set[str], dict]:
    """What a reader opening the index now sees: texts per document, searchable ids, check."""
    from assistant.backup import check_index
    from assistant.retrieve import HybridRetriever
    from assistant.store import live_ids, open_sentences

    retriever = HybridRetriever(settings, embedder)
    texts = {
        doc_id: retriever.collection.get(ids=e["chunk_ids"], include=["documents"])["documents"]
        for doc_id, e in retriever.manifest["documents"].items()
    }
    check = check_index(
        retriever.collection, open_sentences(settings, retriever.manifest), retriever.manifest
    )
    assert set(retriever.lexical.ids) == live_ids(retriever.manifest)
    return texts, set(retriever.lexical.ids), check


@pytest.mark.parametrize(
    ("point", "after_calls", "served_edition"),
    [
        ("_save_manifest", 0, "old"),  # new chunks written, never listed
        ("_drop_stale", 0, "new"),  # listed, old chunks not yet deleted
    ],
)
def test_an_update_killed_part_way_serves_one_whole_version(
    corpus: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    point: str,
    after_calls: int,
    served_edition: str,
) -> None:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    old = (corpus / "strategy.md").read_text()
    (corpus / "strategy.md").write_text(old.replace("Partnership", "Revised Partnership"))
    with monkeypatch.context() as m:
        _crash_at(m, point, after_calls)
        with pytest.raises(Crash):
            build_index(settings, embedder)
    texts, live, check = _served(settings, embedder)
    assert check["consistent"] and check["unlisted"] > 0  # the other version waits, unused
    revised = {"Revised" in t for t in texts["strategy"] if "Partnership" in t}
    assert revised == {served_edition == "new"}
    build_index(settings, embedder)  # the next ingest finishes the work and cleans up
    texts, _, check = _served(settings, embedder)
    assert check["consistent"] and check["unlisted"] == check["unlisted_sentences"] == 0
    assert all("Revised" in t for t in texts["strategy"] if "Partnership" in t)


def test_a_removal_killed_part_way_leaves_no_chunks_of_the_removed_document(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    (corpus / "prevent.html").unlink()
    with monkeypatch.context() as m:
        _crash_at(m, "_drop_stale")
        with pytest.raises(Crash):
            build_index(settings, embedder)
    texts, _, check = _served(settings, embedder)
    assert "prevent" not in texts and check["consistent"] and check["unlisted"] > 0
    build_index(settings, embedder)
    assert _served(settings, embedder)[2]["unlisted"] == 0


def test_a_rebuild_killed_part_way_leaves_the_old_index_serving_then_resumes(
    corpus: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = HashEmbedder()
    build_index(settings, embedder)
    before, _, _ = _served(settings, embedder)
    with monkeypatch.context() as m:
        _crash_at(m, "_save_manifest", after_calls=2)  # two documents into the new collection
        with pytest.raises(Crash):
            build_index(settings, embedder, rebuild=True)
    assert _served(settings, embedder)[0] == before  # the old collection still serves
    assert (settings.index_dir / "manifest.building.json").is_file()
    report = build_index(settings, embedder, rebuild=True)
    assert report.count("skipped") == 1  # resumed: what the killed rebuild finished is kept
    texts, _, check = _served(settings, embedder)
    assert texts == before and check["consistent"]
    assert not (settings.index_dir / "manifest.building.json").exists()
