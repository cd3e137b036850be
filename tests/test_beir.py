"""BEIR scoring embeds passages as ingest does: sentence units only, passages as their mean."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.beir import beir_chunks, beir_sentences, load_beir, run_beir
from assistant.chunk import embedding_text
from assistant.config import Settings
from tests.fakes import HashEmbedder

DOCS = {
    "d1": ("Hedgehog survey", "Hedgehogs were counted in 40 gardens. Numbers rose by a third."),
    "d2": ("River levels", "The river rose after the storm. Flood gates were closed at noon."),
    "d3": ("Library hours", "The library opens at nine. It closes early on Fridays."),
}
QUERIES = {"q1": "how many gardens counted hedgehogs", "q2": "when were the flood gates closed"}


class Recording(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts += texts
        return super().embed_documents(texts)


def _dataset(folder: Path) -> Path:
    (folder / "qrels").mkdir(parents=True)
    rows = [{"_id": k, "title": t, "text": x} for k, (t, x) in DOCS.items()]
    (folder / "corpus.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    queries = [{"_id": k, "text": t} for k, t in QUERIES.items()]
    (folder / "queries.jsonl").write_text("\n".join(map(json.dumps, queries)), encoding="utf-8")
    (folder / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n", encoding="utf-8"
    )
    return folder


def test_beir_embeds_units_only_and_ranks_by_them(tmp_path: Path) -> None:
    folder = _dataset(tmp_path / "tiny")
    embedder = Recording()
    settings = Settings(_env_file=None, index_dir=tmp_path / "index")
    result = run_beir(folder, settings, embedder, cache_dir=tmp_path / "cache")

    chunks = beir_chunks(load_beir(folder))
    units = {embedding_text(u) for u in beir_sentences(chunks)}
    passages = {embedding_text(c) for c in chunks}
    embedded = set(embedder.texts)
    assert units <= embedded
    assert not embedded & passages  # no passage embedded whole
    assert result["metrics"]["hybrid"]["ndcg@10"] == 1.0
