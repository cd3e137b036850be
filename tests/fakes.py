"""Deterministic offline stand-ins for the model (fast unit tests beside the real ones)."""

from __future__ import annotations

import math
import zlib


class HashEmbedder:
    """Bag-of-words hashing embedder: shared words -> higher cosine similarity."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"hash-{dim}"
        self.calls: list[int] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(len(texts))
        return [self.embed_query(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for word in text.lower().split():
            vec[zlib.crc32(word.strip(".,?!:;").encode()) % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]


class CountingEmbedder:
    """Wraps a real embedder and counts how many texts it embedded."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def scripted_chat_model(replies: list[str]):
    """LangChain's FakeListChatModel replaying `replies`, recording each prompt in `.prompts`."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    class ScriptedChatModel(FakeListChatModel):
        prompts: list = []

        def _call(self, messages, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
            self.prompts.append([(m.type, m.content) for m in messages])
            return super()._call(messages, *args, **kwargs)

    return ScriptedChatModel(responses=replies, prompts=[])
