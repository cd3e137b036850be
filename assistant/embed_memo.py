"""Embed memo: texts -> vectors, remembering the ones embedded at answer time.

Composing an answer embeds short texts that are not stored in the index: each table row cut
to the cells a question asks about, and the question with each of its words taken out (see
evidence.py). Most of an extractive answer's time went there (profile in README.md,
Performance). Different questions about the same table cut its rows the same way, and a
follow-up or a part of a multi-part question reads the same passages again, so the vectors are
remembered per process, least recently used dropped first.

A text's vector does not depend on the batch it was embedded in (measured: bit-identical
alone, in a batch of 4 or of 32), so an answer is the same with the memo as without it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from assistant.embed import Embedder

MEMO_SIZE = 4096  # vectors kept (384 dimensions as float64: about 13 MB)


class MemoEmbedder:
    """An Embedder that embeds each text once and then answers from memory."""

    def __init__(self, embedder: Embedder, size: int = MEMO_SIZE) -> None:
        """Wrap `embedder`, keeping at most `size` vectors."""
        self.embedder = embedder
        self.model_id = getattr(embedder, "model_id", "")
        self.size = size
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # many threads answer at once through one Assistant
        self.hits = self.misses = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed the texts not seen before in one call; the rest come from memory."""
        import numpy as np

        with self._lock:
            known = {t: self._memo[t] for t in texts if t in self._memo}
            for text in known:
                self._memo.move_to_end(text)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        fresh = dict(zip(todo, self.embedder.embed_documents(todo), strict=True)) if todo else {}
        with self._lock:
            self.hits += len(texts) - len(todo)
            self.misses += len(todo)
            for text, vector in fresh.items():
                self._memo[text] = np.asarray(vector, dtype=np.float64)
            while len(self._memo) > self.size:
                self._memo.popitem(last=False)
        # float64 holds any float exactly: the numbers come back as the embedder gave them
        return [fresh[t] if t in fresh else known[t].tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """Embed one question (the wrapped embedder remembers its last few)."""
        return self.embedder.embed_query(text)

    def clear(self) -> None:
        """Forget every vector (benchmarks time each round from an empty memo)."""
        with self._lock:
            self._memo.clear()
            self.hits = self.misses = 0
