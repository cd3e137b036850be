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
SHORT_WORD = 6  # up to this length a word is corrected by one edit only (see Speller.checker)
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
        self._checkers: dict[int, Any] = {}

    def correct(self, text: str) -> str:
        """The text with each word nobody writes replaced by the corpus word it mistypes."""
        slips = {
            w for w in _WORD.findall(text.lower()) if len(w) >= SHORTEST and w not in self.words
        }
        slips = {w for w in slips if not any(v in english() for v in british_and_american(w))}
        for word in slips:
            if (fix := self.checker(word).correction(word)) and fix != word:
                text = re.sub(rf"(?i)(?<![\w&'’-]){word}(?![\w&'’-])", fix, text)
        return text

    def checker(self, word: str) -> Any:
        """A corrector over the corpus's words alone (each built on first use).

        Two edits only for a word longer than SHORT_WORD letters: two edits turn most short
        words into another word ("covid" into "moved"), one edit does not.
        """
        distance = 1 if len(word) <= SHORT_WORD else 2
        if distance not in self._checkers:
            from spellchecker import SpellChecker

            checker = SpellChecker(language=None, distance=distance)
            checker.word_frequency.load_words(self.words)
            self._checkers[distance] = checker
        return self._checkers[distance]
