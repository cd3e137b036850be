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

from assistant import language as lang

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


def british_and_american(word: str) -> list[str]:
    """The word as typed and as American spelling would write it (the English list's own)."""
    return [word] + [
        rule.sub(american, word) for rule, american in lang.BRITISH_SPELLINGS if rule.search(word)
    ]


class Speller:
    """Corrects a question's misspelt words to the corpus's own spelling."""

    def __init__(self, words: Iterable[str]) -> None:
        """Know the words the corpus writes, in any case (`corpus_words`)."""
        self.words = frozenset(words)
        self._checker: Any = None

    def correct(self, text: str) -> str:
        """The text with each word nobody writes replaced by the corpus word it mistypes."""
        slips = {
            w for w in _WORD.findall(text.lower()) if len(w) >= SHORTEST and w not in self.words
        }
        slips = {w for w in slips if not any(v in english() for v in british_and_american(w))}
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
