"""How many bodies of a kind there are: "the two community safety partnerships" (pure).

A definite count of bodies ("the two CSPs", "both councils", "all three boards") is no statistic
of a passage but a fact the documents state once and use everywhere ("Cumbria has two CSPs",
"the two councils"). It is checked against the counts the whole corpus gives that kind with a
definite article: found where the corpus says the same count of the same kind, a conflict where
it gives the kind only another count; left to the passage's figures otherwise.
"""

from __future__ import annotations

import functools
import re

from assistant import language as lang

_WORDS = {w: int(n) for w, n in lang.NUMBER_WORDS.items() if int(n) <= 20}
_COUNT = r"(?P<n>" + "|".join(_WORDS) + r"|\d{1,2})"
# the kinds of body a count may be of (plural heads, or a plural short form: "CSPs")
_HEADS = (
    r"(?:boards|partnerships|councils|groups|panels|services|teams|authorities|units|agencies|"
    r"trusts|forums|committees|networks|hubs|centres|forces|commissioners|[A-Z]{2,5}s)"
)
_DEFINITE = re.compile(
    rf"\b(?:the|its|their|all|all the)\s+{_COUNT}\s+(?P<kind>(?:[\w-]+\s+){{0,3}}?{_HEADS})\b",
    re.I,
)
_BOTH = re.compile(rf"\bboth\s+(?:the\s+)?(?P<kind>(?:[\w-]+\s+){{0,3}}?{_HEADS})\b", re.I)


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def draft_count(sentence: str, start: int) -> tuple[int, str] | None:
    """(count, kind) when the figure at `start` is a definite count of bodies, else None."""
    for m in _DEFINITE.finditer(sentence):
        if m.start("n") == start:
            return _value(m.group("n")), m.group("kind").lower()
    return None


@functools.lru_cache(maxsize=256)  # the corpus is read once per kind, not per passage
def corpus_counts(corpus_text: str, kind: str) -> set[int]:
    """The counts the corpus gives bodies of `kind` with a definite article (or "both")."""
    kind = re.escape(kind.lower()).replace(r"\ ", r"\s+")
    out = {
        _value(m.group("n"))
        for m in _DEFINITE.finditer(corpus_text)
        if re.fullmatch(kind, m.group("kind").lower())
    }
    out |= {2 for m in _BOTH.finditer(corpus_text) if re.fullmatch(kind, m.group("kind").lower())}
    return out


def check_count(sentence: str, start: int, corpus_text: str) -> tuple[str, str] | None:
    """("found", "") or ("conflict", the corpus's count) for a definite count of bodies.

    None when the figure is no such count or the corpus gives that kind no count.
    """
    said = draft_count(sentence, start)
    if said is None:
        return None
    counts = corpus_counts(corpus_text, said[1])
    if not counts:
        return None
    if said[0] in counts:
        return "found", ""
    return "conflict", f"{min(counts)} {said[1]}"
