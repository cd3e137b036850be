"""The ONNX backend gives sentence-transformers' vectors without loading torch at run time."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from assistant.embed import (
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    export_onnx,
    onnx_path,
    resolve_model_path,
    with_batch_size,
)
from assistant.errors import ModelUnavailableError

MODEL = "packaged:all-MiniLM-L6-v2"


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


@pytest.mark.slow
def test_onnx_vectors_match_sentence_transformers(real_embedder, monkeypatch) -> None:
    import assistant.embed as embed

    # the ONNX file is the fp32 model; a CPU with native bf16 runs the torch backend in bf16
    # (below), so the fp32 model is loaded here whatever the CPU
    monkeypatch.setattr(embed, "native_bf16", lambda: False)
    embed._load_model.cache_clear()
    texts = [
        "Lanterns.",
        "The harbour board meets every second Thursday to agree the ferry timetable.",
        "Volunteers counted 1,204 swifts nesting under the old mill's eaves in June 2019.",
        # longer than the model's 256-token window: both backends cut it at the same place
        " ".join(f"Orchard row {i} was pruned and mulched before the frost." for i in range(60)),
        "",
    ]
    try:
        torch_vectors = SentenceTransformerEmbedder(MODEL).embed_documents(texts)
    finally:
        embed._load_model.cache_clear()
    onnx_vectors = OnnxEmbedder(MODEL, batch_size=2).embed_documents(texts)
    assert isinstance(real_embedder, OnnxEmbedder)  # the suite runs on the default backend
    for t, o in zip(torch_vectors, onnx_vectors, strict=True):
        assert math.isclose(sum(x * x for x in o), 1.0, abs_tol=1e-4)
        assert _cos(t, o) > 0.9999
    # the order of a batch does not change a text's vector
    alone = OnnxEmbedder(MODEL).embed_query(texts[2])
    assert _cos(alone, onnx_vectors[2]) > 0.99999


@pytest.mark.slow
def test_bf16_vectors_stay_close_to_fp32(monkeypatch) -> None:
    """On a CPU with native bf16 the torch backend runs in bf16: its vectors stay near fp32's."""
    import assistant.embed as embed

    texts = ["The harbour board meets every second Thursday to agree the ferry timetable."]
    vectors = {}
    for native in (False, True):
        monkeypatch.setattr(embed, "native_bf16", lambda native=native: native)
        embed._load_model.cache_clear()
        try:
            vectors[native] = SentenceTransformerEmbedder(MODEL).embed_documents(texts)[0]
        finally:
            embed._load_model.cache_clear()
    assert vectors[True] != vectors[False]  # bf16 rounds the weights
    assert _cos(vectors[False], vectors[True]) > 0.99


@pytest.mark.slow
def test_a_texts_vector_does_not_depend_on_the_batch_size(real_embedder) -> None:
    # invented texts of many lengths, so each batch size pads its batches differently
    texts = [
        " ".join(["The canal trust"] + ["repaired the lock gates"] * (i % 9) + [f"in year {i}."])
        for i in range(45)
    ]
    texts += ["Ferries.", "Moorings are let by the season.", ""]
    vectors = {
        size: with_batch_size(real_embedder, size).embed_documents(texts) for size in (32, 8, 3, 1)
    }
    for size in (8, 3, 1):
        for a, b in zip(vectors[32], vectors[size], strict=True):
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 1e-6
    # the twin shares the loaded model; the original keeps its own batch size
    twin = with_batch_size(real_embedder, 8)
    assert twin.batch_size == 8 and real_embedder.batch_size == 32
    assert twin.runner() is real_embedder.runner()


class _NoBatches:
    model_id = "fake"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0] for _ in texts]

    def embed_query(self, text: str) -> list[float]:
        return [1.0]


def test_an_embedder_without_batches_is_used_as_it_is() -> None:
    fake = _NoBatches()
    assert with_batch_size(fake, 8) is fake
    onnx = OnnxEmbedder(MODEL, batch_size=8)
    assert with_batch_size(onnx, 8) is onnx


def _copy_config(tmp_path: Path, pooling: dict[str, bool]) -> Path:
    """A model folder with the real config and tokenizer but no weights."""
    src = resolve_model_path(MODEL)
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    for name in ("config.json", "sentence_bert_config.json", "tokenizer.json", "vocab.txt"):
        shutil.copy(src / name, folder / name)
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
    return folder


def test_failed_export_leaves_no_file_and_says_what_to_do(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path, {"pooling_mode_mean_tokens": True})
    dest = onnx_path(folder, tmp_path / "cache")
    with pytest.raises(ModelUnavailableError, match="ASSISTANT_EMBEDDING_BACKEND=torch"):
        export_onnx(folder, dest)
    assert not [p for p in (tmp_path / "cache").iterdir() if not p.name.endswith(".lock")]


def test_a_model_that_does_not_mean_pool_is_refused(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path, {"pooling_mode_cls_token": True})
    embedder = OnnxEmbedder(str(folder), cache_dir=tmp_path / "cache")
    with pytest.raises(ModelUnavailableError, match="mean-pooled"):
        embedder.embed_query("anything")


def test_the_export_is_named_by_the_weights(tmp_path: Path) -> None:
    folder = _copy_config(tmp_path, {"pooling_mode_mean_tokens": True})
    before = onnx_path(folder, tmp_path)
    (folder / "model.safetensors").write_bytes(b"new weights")
    assert onnx_path(folder, tmp_path) != before
