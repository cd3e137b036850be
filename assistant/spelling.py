"""Spelling: a question's misspelt words read as the corpus spells them (pyspellchecker).

Staff type fast: "prevent referalls", "what happend", "the new priorites". A word nobody
writes, neither the corpus nor English, is a slip of the keys when a word the corpus uses lies
one or two edits away (Norvig's corrector, as pyspellchecker implements it). An English word
the corpus never uses ("drones") is left alone: it may be what the documents don't cover.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

SHORTEST = 5  # shorter words are too often short forms or names ("asb", "svd") to correct
_WORD = re.compile(r"(?<![\w&'’-])[a-z]+(?![\w&'’-])")


@functools.cache
def english() -> Any:
    """The English words pyspellchecker ships (loaded once, on the first word to check)."""
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


def corpus_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word the texts write, lower-cased: names and short forms as well as words."""
    return frozenset(w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text))


def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@functools.cache
def _stemmer() -> Any:
    import Stemmer  # PyStemmer, as the BM25 index stems (lexical.py)

    return Stemmer.Stemmer("english")


class Speller:
    """Corrects a question's misspelt words to the corpus's own spelling."""

    def __init__(self, words: Iterable[str]) -> None:
        """Know the words the corpus writes, in any case (`corpus_words`)."""
        self.words = frozenset(words)
        self._checker: Any = None
        self._stems: frozenset[str] | None = None

    @property
    def stems(self) -> frozenset[str]:
        """The stems of the corpus's words: "scrutinises" is a form of "scrutinised", no slip.

        British forms pyspellchecker's English list lacks ("scrutinises") are known this way
        when the corpus writes another form of them.
        """
        if self._stems is None:
            self._stems = frozenset(_stem(w) for w in self.words)
        return self._stems

    def correct(self, text: str) -> str:
        """The text with each word nobody writes replaced by the corpus word it mistypes."""
        slips = {
            w for w in _WORD.findall(text.lower()) if len(w) >= SHORTEST and w not in self.words
        }
        slips = {w for w in slips if w not in english() and _stem(w) not in self.stems}
        for word in slips:
            if (fix := self.checker.correction(word)) and fix != word:
                text = re.sub(rf"(?i)(?<![\w&'’-]){word}(?![\w&'’-])", fix, text)
        return text

    @property
    def checker(self) -> Any:
        """A corrector over the corpus's words alone (built on first use)."""
        if self._checker is None:
            from spellchecker import SpellChecker

            self._checker = SpellChecker(language=None, distance=2)
            self._checker.word_frequency.load_words(self.words)
        return self._checker
