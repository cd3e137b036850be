"""Shared helpers for the wording-check tests: a passage, a judged draft, one quantity."""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules
from assistant.wording import Aligned, judge


def doc(text: str, score: float = 0.8, status: str = "current", section: str = "") -> Aligned:
    """A passage aligned with a draft sentence (its own best sentence)."""
    return Aligned(text, text, score, {"doc_id": "d", "title": "Doc", "section": section}, status)


def judge_with(rules: GlossaryRules, draft: str, *docs: Aligned):  # noqa: ANN201 - judge's type
    """Judge a draft against passages: the current ones first, every one as the editions seen."""
    current = [d for d in docs if d.status == "current"]
    return judge(draft, current, list(docs), rules)


def one_quantity(text: str) -> lang.Quantity:
    """The single quantity a text states (fails the test when there is not exactly one)."""
    found = lang.quantities(text)
    assert len(found) == 1, found
    return found[0]
