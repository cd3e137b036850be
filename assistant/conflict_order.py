"""Which conflict a sentence's verdict names first, when a passage states several otherwise (pure).

Split from wording.py.
"""

from __future__ import annotations

from typing import Any

from assistant import language as lang

ORDER = ("date", "number", "direction", "body", "place")  # which conflict is named first


def rank(x: Any, checks: list[Any], aligned: Any) -> int:
    """Which conflict is named first: ORDER, but a place before a figure the passage gives as is.

    "Copeland recorded 64.0 crimes per 1,000" where the table gives 64.0 for Allerdale and 70.5
    for Copeland conflicts on both; the draft's value is the passage's, for another place, so
    the place is what the draft changed.
    """
    place = any(c.kind == "place" and c.status == "conflict" for c in checks)
    if place and x.kind == "number" and stated_as_is(x.text, aligned.passage):
        return len(ORDER)
    return ORDER.index(x.kind) if x.kind in ORDER else len(ORDER)


def stated_as_is(text: str, passage: str) -> bool:
    """True when the passage states the figure `text` gives, with its value and unit."""
    mine = lang.quantities(text)
    theirs = lang.quantities(passage)
    return bool(mine) and all(
        any(q.value == t.value and lang.same_unit(q, t) for t in theirs) for q in mine
    )
