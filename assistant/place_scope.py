"""A place said to lie in another: "the Hindpool ward of Barrow", "Botchergate in Carlisle" (pure).

Each place was checked on its own, so a draft that moved a ward to the other town ("the Central
and Hindpool wards of Carlisle" where the passage says "of Barrow") was "supported": both
places are in the passage. A place followed by "in" or "of" another place (with at most two
words between, "wards", "area") is a claim that the first lies in the second; where the passage
places the first, it must place it in the same one.
"""

from __future__ import annotations

import re

from assistant.claims import Claim, GlossaryRules, Reading

# What stands between a place and the place it lies in: " wards of ", " area of the ", " in ".
_WITHIN = re.compile(r"^(?:\s+[a-z]+){0,2}?\s+(?:in|of)\s+(?:the\s+)?$")


def within_pairs(text: str, rules: GlossaryRules) -> list[tuple[str, str, int, int]]:
    """(inner place, outer place, outer start, outer end) for each "A in B" a text states."""
    found = rules.places_in(text)
    out = []
    for (inner, s1), (outer, s2) in zip(found, found[1:], strict=False):
        if inner != outer and _WITHIN.match(text[s1 + len(inner) : s2]):
            out.append((inner, outer, s2, s2 + len(outer)))
    return out


def within_claims(sentence: str, rules: GlossaryRules) -> list[Claim]:
    """One claim per place the draft puts inside another."""
    return [
        Claim("within", sentence[s:e], s, e, (inner, outer))
        for inner, outer, s, e in within_pairs(sentence, rules)
    ]


def check_within(c: Claim, doc: Reading, rules: GlossaryRules) -> tuple[str, str]:
    """Found unless the passage puts the inner place only in other places (then a conflict)."""
    inner, outer = c.value
    theirs = [o for unit in doc.units for i, o, _, _ in within_pairs(unit, rules) if i == inner]
    if not theirs or any(_same(o, outer) for o in theirs):
        return "found", ""
    return "conflict", theirs[0]


def _same(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a
