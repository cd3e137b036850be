"""Asides: a draft sentence -> its point and a fact it grants aside, as sentences of their own.

A concessive clause ("..., even though crime overall has fallen") or a relative clause after
the subject ("The plan, which runs to 2028, commits ...") states a fact of its own, often
from another passage than the one backing the sentence's point. Each part is a list of spans
of the sentence, written as a sentence to be retrieved for and judged; a claim found in a
part is placed back at its offsets in the sentence (pure).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TypeVar

from assistant import language as lang

Spans = tuple[tuple[int, int], ...]
_C = TypeVar("_C")


@dataclass(frozen=True)
class Aside:
    """The spans of a sentence's point and of the fact it grants aside (and the aside's own)."""

    point: Spans
    granted: Spans
    own: tuple[int, int]  # the aside's words alone (not the subject it shares with the point)


def split_aside(sentence: str) -> Aside | None:
    """The point and the aside of a sentence with a concessive or a relative clause, if any."""
    if clause := lang.concessive_clause(sentence):
        start, end, granted = clause
        at = sentence.find(granted, start)
        point = (end, len(sentence)) if start == 0 else (0, start)
        return Aside((point,), ((at, at + len(granted)),), (at, at + len(granted)))
    if m := lang.RELATIVE_ASIDE.match(sentence):
        subject = (0, m.end("subj"))
        body = (m.start("body"), m.end("body"))
        return Aside((subject, (m.start("rest"), m.end("rest"))), (subject, body), body)
    return None


def part_text(sentence: str, spans: Spans) -> str:
    """The spans joined by single spaces, written as a sentence (capitalised, full stop)."""
    text = " ".join(sentence[s:e] for s, e in spans).rstrip(" ,;")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def placed(spans: Spans, at: int) -> int:
    """Where an offset into a part's text falls in the sentence."""
    pos = 0
    for s, e in spans:
        if at <= pos + (e - s):
            return s + (at - pos)
        pos += e - s + 1
    return spans[-1][1]


def place_claims(spans: Spans, claims: list[_C]) -> list[_C]:
    """A part's claim checks with their offsets in the sentence."""
    return [
        dataclasses.replace(c, start=placed(spans, c.start), end=placed(spans, c.end))  # type: ignore[type-var]
        for c in claims
    ]
