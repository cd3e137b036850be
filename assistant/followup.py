"""Follow-up: a question + earlier turns -> a standalone query (pure)."""

from __future__ import annotations

import re

from assistant.cite import terms

_FOLLOW_START = re.compile(
    r"^(and|but|also|what about|how about|and what about|what of|then|so|or)\b", re.I
)
_PRONOUN = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b", re.I
)


def is_follow_up(question: str) -> bool:
    """Return True when the question leans on an earlier one."""
    content = terms(question)
    return (
        bool(_FOLLOW_START.search(question.strip()))
        or len(content) <= 2
        or (bool(_PRONOUN.search(question)) and len(content) <= 4)
    )


def condense(question: str, history: list[str]) -> str:
    """Resolve a follow-up against the previous (already condensed) question.

    The current question comes first so its own words weigh most; the previous question
    supplies the subject ("who chairs it?" -> "who chairs it? | <previous question>").
    """
    if not history or not is_follow_up(question):
        return question
    return f"{question} | {history[-1]}"
