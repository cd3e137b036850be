"""Sentence units that repeat within one ingest are embedded once, with the same vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.chunk import embedding_text, sentence_units
from assistant.config import Settings
from assistant.embed import with_batch_size
from assistant.index import build_index, unit_batch_size
from assistant.store import iter_records, open_collection, open_sentences
from assistant.types import Chunk

BOILERPLATE = "Contact the partnership office for a copy of this document in large print."


class RecordingEmbedder:
    """Wraps the real embedder and records every text it is asked to embed, and in what batches.

    A copy made by `with_batch_size` shares the record.
    """

    def __init__(self, inner) -> None:
        self.inner, self.model_id, self.batch_size = inner, inner.model_id, inner.batch_size
        self.texts: list[str] = []
        self.batch_sizes: dict[str, int] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts += texts
        self.batch_sizes.update(dict.fromkeys(texts, self.batch_size))
        return with_batch_size(self.inner, self.batch_size).embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def _write(corpus: Path) -> None:
    corpus.mkdir()
    for name, topic in (("burglary", "burglary"), ("fraud", "fraud")):
        paragraphs = [
            f"Priority {i}: the partnership reduces {topic} in area {i} by working with "
            f"neighbourhood teams. Progress on {topic} in area {i} is reported each quarter."
            for i in range(1, 7)
        ]
        body = "\n\n".join([*paragraphs[:3], BOILERPLATE, *paragraphs[3:]])
        text = f"# {topic.title()} plan\n\n## Delivery\n\n{body}\n"
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_repeated_units_are_embedded_once_with_their_own_vectors(
    tmp_path: Path, real_embedder
) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus)
    settings = Settings(
        _env_file=None,
        corpus_dir=corpus,
        index_dir=tmp_path / "index",
        chunk_size=300,
        chunk_overlap=120,
    )
    embedder = RecordingEmbedder(real_embedder)
    build_index(settings, embedder)

    collection, manifest = open_collection(settings)
    chunks = {
        cid: Chunk.from_record(cid, text, meta)
        for cid, text, meta, _ in iter_records(collection, ["documents", "metadatas"])
    }
    stored = list(iter_records(open_sentences(settings, manifest), ["metadatas", "embeddings"]))
    units = [sentence_units(chunks[m["chunk_id"]])[m["k"]] for _, _, m, _ in stored]
    # The corpus repeats units (headings per chunk, overlap, the shared boilerplate)...
    assert len(units) > len(set(units)) and units.count(BOILERPLATE) >= 2
    # ...yet no text was embedded twice,
    assert len(embedder.texts) == len(set(embedder.texts))
    # Units are embedded in smaller batches than chunks,
    assert settings.embed_unit_batch_size < settings.embed_batch_size
    assert {embedder.batch_sizes[u] for u in units} == {settings.embed_unit_batch_size}
    chunk_texts = [embedding_text(c) for c in chunks.values()]
    assert {embedder.batch_sizes[t] for t in chunk_texts} == {settings.embed_batch_size}
    # and every stored sentence vector is that unit's own standalone vector (a text's vector
    # does not depend on its batch).
    distinct = sorted(set(units))
    standalone = dict(zip(distinct, real_embedder.embed_documents(distinct), strict=True))
    for unit, (_, _, _, vector) in zip(units, stored, strict=True):
        assert np.allclose(vector, standalone[unit], atol=1e-6)


def test_smaller_unit_batches_only_on_the_onnx_backend() -> None:
    onnx = Settings(_env_file=None, embedding_backend="onnx", embed_unit_batch_size=8)
    torch = Settings(_env_file=None, embedding_backend="torch", embed_unit_batch_size=8)
    assert unit_batch_size(onnx) == 8
    assert unit_batch_size(torch) == torch.embed_batch_size
