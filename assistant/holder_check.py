"""Who a frequency is said of: "the board meets quarterly" binds the frequency to its body (pure).

A frequency was checked as a value only, so a draft that kept "four times a year" and put
another body of the same passage before it ("The Commissioner meets four times a year" where
the passage says the Partnership does) was "supported": the body is named in the passage, and
the frequency is there too (scripts/wording_mutations.py, names swapped within a passage). The
holder of a frequency is the body named last before it in its sentence (not one named as an
agent, "chaired by ..."); where the draft and the passage both name one, they must be the same.
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import Claim, GlossaryRules, Reading, bodies, plain_name

# A body after these words is an agent or a partner, not what the sentence is about: "chaired
# by the Commissioner and meets quarterly", "works with the Council".
_AGENT = re.compile(r"\b(?:by|with|from|to|for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+of\s+(?:the\s+)?)?$")


def holder_before(text: str, start: int) -> tuple[str, int]:
    """The body named last before `start` in a sentence, as written, and where it starts.

    A body named as an agent or partner ("chaired by the Office of the ...") holds nothing
    here. ("", -1) when there is none.
    """
    named = [
        (s, n)
        for n, s in bodies(text)
        if s + len(n) <= start and not _AGENT.search(text[max(0, s - 30) : s])
    ]
    return (max(named)[1], max(named)[0]) if named else ("", -1)


def holder_claims(sentence: str, said: list[Claim], rules: GlossaryRules) -> list[Claim]:
    """One claim per frequency the draft gives a named body: (body, times a year).

    A body the documents name nowhere is left to its own check (unsupported, not a conflict).
    """
    out = []
    for c in (x for x in said if x.kind == "frequency"):
        who, at = holder_before(sentence, c.start)
        if who and rules.known(who):
            out.append(Claim("holder", who, at, at + len(who), (plain_name(who), c.value)))
    return out


def check_holder(c: Claim, doc: Reading) -> tuple[str, str]:
    """Found where a passage sentence gives the frequency to the draft's body (or to none).

    A conflict where every sentence giving that frequency gives it to another body; found
    where none gives it (the frequency's own check decides then).
    """
    who, value = c.value
    theirs = [
        plain_name(holder_before(unit, s)[0])
        for unit in doc.units
        for v, _, s, _ in lang.frequencies(unit)
        if abs(v - value) < 1e-6
    ]
    if not theirs or any(_same(who, t) or not t for t in theirs):
        return "found", ""
    return "conflict", next(t for t in theirs if t)


def _same(a: str, b: str) -> bool:
    return a in b or b in a
