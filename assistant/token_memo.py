"""Token memo: texts -> tokens, remembering the ones tokenized at answer time.

Scoring a question part tokenizes the same texts many times: each sentence alone and as read
with its caption (the same text when it has none), the titles and sections of twenty passages
(mostly the same few), each table row's cells and columns, in a dozen small calls. bm25s'
tokenizer costs about as much per call as per text (progress bars it builds and hides, its
stopword set rebuilt per text), so the scorer's share of an answer went there (profile in
README.md, Performance). A text's tokens do not depend on the texts tokenized with it (each
word is lower-cased, dropped if a stopword, and stemmed on its own), so an answer is the same
with the memo as without it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

MEMO_SIZE = 20_000  # texts kept (a sentence and its tokens: about 1 KB each)


class TokenMemo:
    """A tokenizer that tokenizes each text once and then answers from memory."""

    def __init__(
        self, tokenize: Callable[[list[str]], list[list[str]]], size: int = MEMO_SIZE
    ) -> None:
        """Wrap `tokenize`, keeping the tokens of at most `size` texts."""
        self.tokenize = tokenize
        self.size = size
        self._memo: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._lock = threading.Lock()  # many threads answer at once through one Assistant
        self.hits = self.misses = 0

    def __call__(self, texts: list[str]) -> list[list[str]]:
        """Tokenize the texts not seen before in one call; the rest come from memory."""
        texts = list(texts)
        with self._lock:
            known = {t: self._memo[t] for t in texts if t in self._memo}
            for text in known:
                self._memo.move_to_end(text)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        got = self.tokenize(todo) if todo else []
        fresh = {t: tuple(toks) for t, toks in zip(todo, got, strict=True)}
        with self._lock:
            self.hits += len(texts) - len(todo)
            self.misses += len(todo)
            self._memo.update(fresh)
            while len(self._memo) > self.size:
                self._memo.popitem(last=False)
        # a new list each time: a caller may change what it is given
        return [list(fresh[t] if t in fresh else known[t]) for t in texts]

    def clear(self) -> None:
        """Forget every text (benchmarks time each round from an empty memo)."""
        with self._lock:
            self._memo.clear()
            self.hits = self.misses = 0
