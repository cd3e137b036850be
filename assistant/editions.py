"""Editions: a draft that states a superseded edition's figure as today's (pure).

The current documents often repeat the replaced edition's figures ("up from 38% in the 2024
strategy", "the strategic needs assessment found 4,312 offences in 2022/23"), so a draft that
gives the old figure as a standing fact finds a current passage that backs it word for word. It
is still out of date when the replaced edition states it at least as closely as any current
passage does, while the current documents give another value for the same claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from assistant import language as lang
from assistant.claims import Claim

VALUE_KINDS = ("number", "date")  # the claims an edition's update changes


class _Check(Protocol):
    kind: str
    text: str
    status: str
    document_value: str


class _Passage(Protocol):
    score: float
    source: dict[str, Any]


def undated(said: Sequence[Claim]) -> bool:
    """True when a draft states a figure as standing: no figure or period ties it to a year.

    "38% of serious violence is domestic abuse-related" is undated; "in 2022/23, 38% ..." is a
    historical statement the replaced edition still backs. A deadline ("by March 2026") is a
    full date, not a period, so it leaves a target undated.
    """
    figures = [c for c in said if c.kind == "number"]
    periods = [c for c in said if c.kind == "date" and len(c.value) == 2]
    return bool(figures) and not periods and not any(c.period for c in figures)


def standing(said: Sequence[Claim], sentence: str) -> list[Claim]:
    """The claims without the periods a change or target is measured against.

    "Cut offences by 5% by March 2026, measured against 2022/23" gives the target as standing:
    its base period says what it is measured from, not when the figure held, so it does not
    make the draft a historical statement (see `undated`).
    """
    masked = lang.mask_editions(sentence)
    return [
        c
        for c in said
        if not (c.kind == "date" and len(c.value) == 2 and lang.is_base_period(masked, c.start))
    ]


def values_found(checks: Sequence[_Check]) -> bool:
    """True when a passage makes every figure and date claim (names aside) and makes one."""
    values = [x for x in checks if x.kind in VALUE_KINDS]
    return bool(values) and all(x.status == "found" for x in values)


def stale(
    said: Sequence[Claim],
    support: float,
    current: Sequence[tuple[_Passage, Sequence[_Check]]],
    superseded: Sequence[tuple[_Passage, Sequence[_Check]]],
) -> tuple[_Passage, _Check] | None:
    """(the replaced edition's passage, the current value) when an undated draft is out of date.

    `support` is the alignment of the best current passage that backs the draft; `current` and
    `superseded` hold every related passage with its claim checks. Out of date when a replaced
    edition's passage aligns at least as well and makes every figure and date claim, and a
    current passage states one of those claims otherwise.
    """
    if not undated(said):
        return None
    conflicts = [x for _, checks in current for x in checks if _value_conflict(x)]
    if not conflicts:
        return None
    for passage, checks in superseded:
        if passage.score >= support and values_found(checks):
            return passage, conflicts[0]
    return None


def newer_value(
    said: Sequence[Claim], current: Sequence[tuple[_Passage, Sequence[_Check]]]
) -> _Check | None:
    """The later value a current passage gives for a figure an undated draft states, if any.

    "The latest figures show 4,312 offences" is backed word for word by a passage that gives
    4,312 for 2022/23, but another current passage's table gives 4,105 for 2023/24: the draft
    states a replaced figure as today's (the check's `newer` flag, set by figure_check).
    """
    if not undated(said):
        return None
    return next((x for _, checks in current for x in checks if getattr(x, "newer", False)), None)


def _value_conflict(x: _Check) -> bool:
    return x.kind in VALUE_KINDS and x.status == "conflict" and bool(x.document_value)


def restated(
    said: Sequence[Claim], support: float, passages: Sequence[Any], margin: float
) -> Any | None:
    """The replaced edition's passage a draft without figures or dates restates, if any.

    "The first priority of our serious violence strategy is violence in the night-time
    economy" backs on no value; when a replaced edition says it clearly more closely (by
    `margin`) than any current passage that backs it, the draft describes the old edition.
    A draft that names a document by its title says which edition it means and is left alone.
    """
    if any(c.kind in ("number", "date", "frequency", "document") for c in said):
        return None
    old = [p for p in passages if p.status == "superseded" and p.score >= support + margin]
    return max(old, key=lambda p: p.score) if old else None
