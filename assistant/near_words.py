"""Near words: question words the passages say in their own words ("kids" for "children").

An everyday word missing from the passages must not sink an answer when the passages say the
same thing in other words. The embedding model judges it one word against another: a word of
the question and a word of the best passages whose vectors have a cosine of at least
MIN_COSINE read as one word. Measured on the calibration questions' missing words (evals/dev
and probe sets):
"kids"/"children" 0.88, "cars"/"vehicles" 0.88, "injuries"/"injured" 0.84, "poorest"/"poor"
0.82; the closest pair of different things, "lancashire"/"cumbria", 0.77, and the nearest
words of the missing words in questions the documents don't answer ("taskforce", "precept",
"letter", a year) under 0.7. Some everyday words stay missing: the model puts no passage word
near "break-ins" (0.45) or "nicked" (0.37) at the word level.
The words of names and periods a question constrains are never read so (another place is
another place); the caller leaves them out.

Each word's vector is remembered per process (`WordVectors`): a corpus has a bounded
vocabulary, and the best passages of different questions share most of their words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import numpy as np

from assistant import language as lang

MIN_COSINE = 0.8
WORDNET_CONFIRM = 0.5  # the model's bar for a pair WordNet proposes for a word of few senses
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def passage_words(texts: list[str]) -> list[str]:
    """The distinct lower-case words of some passages, stopwords and short words aside."""
    seen = {w.lower() for text in texts for w in WORD.findall(text)}
    return sorted(w for w in seen if len(w) > 2 and w not in lang.STOPWORDS)


class WordVectors:
    """Unit vectors of single words, embedded once each per process."""

    def __init__(self, embed: Callable[[list[str]], list[list[float]]]) -> None:
        """Keep the embedding function (texts -> vectors)."""
        self.embed = embed
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __call__(self, words: list[str]) -> np.ndarray:
        """The words' vectors as rows of a matrix, each scaled to length 1."""
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if new:
            matrix = np.asarray(self.embed(new), dtype=np.float32)
            matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
            with self._lock:
                self._vectors.update(zip(new, matrix, strict=True))
        with self._lock:
            return np.stack([self._vectors[w] for w in words])


def near_words(
    asked: list[str], texts: list[str], vectors: WordVectors, floor: float = MIN_COSINE
) -> list[tuple[str, str]]:
    """(question word, passage word) for each asked word a passage word means, by the model."""
    words = passage_words(texts)
    asked = [a.lower() for a in asked if WORD.fullmatch(a)]
    if not asked or not words:
        return []
    sims = vectors(asked) @ vectors(words).T
    best = sims.argmax(axis=1)
    return [
        (a, words[j])
        for a, j, row in zip(asked, best, sims, strict=True)
        if row[j] >= floor and words[j] != a
    ]


def wordnet_words(
    asked: list[str], texts: list[str], vectors: WordVectors | None = None
) -> list[tuple[str, str]]:
    """(question word, passage word) where WordNet puts the two side by side.

    For the everyday words the model places nowhere near the documents' terms: WordNet lists
    "burglary" as the broader term of "break-in", which the model puts at 0.25 from it. The
    model cannot vouch for such a pair: unrelated words reach as much ("precept"/"principle"
    0.23), so only words of one sense are looked up (`language.WORDNET_SENSES`). A word of a
    few senses ("shut": close, exclude, keep...) pairs only where the model also puts the two
    within WORDNET_CONFIRM ("shut"/"closed" 0.54; "nick"/"prison" is not a pair it makes).
    """
    forms: dict[str, str] = {}
    for word in passage_words(texts):
        for form in lang.lemma_forms(word):
            forms.setdefault(form, word)
    pairs = [
        (a.lower(), forms[n])
        for a in asked
        if WORD.fullmatch(a)
        for n in lang.wordnet_neighbours(a)
        if n in forms
    ]
    if vectors is not None:
        single = {a for a, _ in pairs}
        wider = [
            (a.lower(), forms[n])
            for a in asked
            if WORD.fullmatch(a) and a.lower() not in single
            for n in lang.wordnet_neighbours(a, lang.WORDNET_CONFIRMED_SENSES)
            if n in forms
        ]
        pairs += [p for p in wider if p[0] != p[1] and _cosine(vectors, *p) >= WORDNET_CONFIRM]
    return list(dict.fromkeys(p for p in pairs if p[0] != p[1]))


def _cosine(vectors: WordVectors, a: str, b: str) -> float:
    pair = vectors([a, b])
    return float(pair[0] @ pair[1])


class NearWord:
    """Whether the model puts a word next to any of some others: one word read as the other.

    The wording check's counted nouns use it ("212 fatalities" where the passage says 212
    deaths). Surface words only: a stem ("seriou") has no meaning to the model.
    """

    def __init__(self, vectors: WordVectors, floor: float = MIN_COSINE) -> None:
        """Keep the word vectors and the cosine two words must reach."""
        self.vectors, self.floor = vectors, floor

    def __call__(self, word: str, others: list[str]) -> bool:
        """True when the model puts `word` within `floor` of one of `others` (other words)."""
        word = word.lower()
        others = [w.lower() for w in others if WORD.fullmatch(w) and w.lower() != word]
        if not WORD.fullmatch(word) or not others:
            return False
        sims = self.vectors(others) @ self.vectors([word])[0]
        return bool(sims.max() >= self.floor)
