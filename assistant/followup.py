"""Follow-up: a question + earlier turns -> a standalone query, split into its parts (pure)."""

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


# A second question joined to the first: "..., and who chairs it?", "...; what target ...".
_PART_BREAK = re.compile(
    r"\s*(?:;|,?\s+and)\s+(?=(?:who|whom|whose|what|which|how|when|where|why|does|do|did|is|"
    r"are|was|were|has|have)\b)",
    re.I,
)


def split_question(query: str) -> list[str]:
    """Split a question that asks two or more things into parts, each a standalone query.

    A later part that leans on the first ("..., and which council area is it in?") carries it
    the way a follow-up carries its previous turn: "part | first"; one that names its own
    subject ("... and who chairs the Prevent Board?") stands alone.
    A fragment with fewer than two content words ("what was it") stays with the part before.
    """
    current, sep, previous = query.partition(" | ")
    pieces: list[str] = []
    for piece in _PART_BREAK.split(current):
        piece = piece.strip(" ,;")
        if pieces and len(terms(piece)) < 2:
            pieces[-1] = f"{pieces[-1]}; {piece}"
        elif piece:
            pieces.append(piece)
    if len(pieces) < 2:
        return [query]
    first = pieces[0] + (f" | {previous}" if sep else "")
    return [first] + [
        f"{piece} | {pieces[0]}" if _leans_on_first(piece) else piece for piece in pieces[1:]
    ]


def _leans_on_first(piece: str) -> bool:
    """A part that says "it", "that board"... or too little to stand alone needs the first."""
    return bool(_PRONOUN.search(piece)) or len(terms(piece)) <= 2
