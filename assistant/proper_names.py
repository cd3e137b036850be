"""Place names a draft gives that the glossary does not list: "patrols in Keswick" (pure).

The glossary lists the places the check compares, and the claims read bodies, roles and
document titles; a capitalised name after "in", "at" or "across" ("in Keswick", "across
England") is a place claim too. A passage backs it only where the passage sentence the draft's
claims sit in, or the passage's heading, uses the name (or a short form of it); otherwise the
claim is missing, so a draft that moves a passage's patrols from Bowness to Keswick, or a
county's share to England, is never "supported".
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import Claim, DocFigure, GlossaryRules, Reading

# A capitalised name right after a preposition of place: "in Keswick", "across England".
_PLACED = re.compile(
    r"\b(?i:in|at|across|around|near|throughout|outside|within|into)\s+"
    r"([A-Z][a-z][\w-]*(?:[ -][A-Z][a-z][\w-]*)*)"
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NOT_A_PLACE = re.compile(rf"^(?:{lang.MONTHS}|{_DAYS}|Table|Section|Annex|Appendix|Part)$")


def name_claims(sentence: str, taken: list[Claim], rules: GlossaryRules) -> list[Claim]:
    """The place names of a sentence that no other claim covers, one claim per word.

    A word the corpus uses in most passages (its background: "Cumbria") says nothing of which
    passage backs the sentence, so it is no claim; nor is a month, a day, a table or an owner
    ("in David Allen's plan").
    """
    out = []
    for m in _PLACED.finditer(sentence):
        if re.match(r"['’]s\b", sentence[m.end(1) :]) or m.group(1).endswith("'s"):
            continue  # an owner, not a place: "in David Allen's plan"
        for w in re.finditer(r"[A-Z][\w-]*", m.group(1)):
            s = m.start(1) + w.start()
            word = re.sub(r"'s$", "", w.group(0))
            if any(c.start <= s < c.end for c in taken) or _NOT_A_PLACE.match(word):
                continue
            if word.lower() in rules.common or lang.base_word(word.lower()) in rules.common:
                continue
            out.append(Claim("name", word, s, s + len(word), word.lower()))
    return out


def check_proper(
    c: Claim, doc: Reading, anchors: list[int], rules: GlossaryRules, found: list[DocFigure]
) -> str:
    """Found where the passage's heading, or the passage sentence the draft sits in, names it.

    Where the draft's figures were found, the name must stand in the part of that sentence
    (between semicolons, colons or brackets) that gives a figure: "39% of referrals; this is in
    line with the picture in northern England" gives the 39% for no part of England.
    """
    forms = {c.value} | {
        short.lower() for short, long in rules.acronyms.items() if c.value in long.lower().split()
    }
    texts = [doc.text.split("\n", 1)[0]]  # the title and section
    for i in anchors:
        if not 0 <= i < len(doc.units):
            continue
        unit = doc.units[i]
        starts = [f.q.start for f in found if f.unit_index == i and f.row < 0]
        texts += [_part(unit, at) for at in starts] if starts else [unit]
    named = (re.search(rf"\b{re.escape(f)}", t.lower()) for f in forms for t in texts)
    return "found" if any(named) else "missing"


_STRONG_BREAK = re.compile(r"[;:()]")


def _part(text: str, at: int) -> str:
    """The part of a sentence around `at`, between strong breaks (semicolons, colons, brackets)."""
    left = max((m.end() for m in _STRONG_BREAK.finditer(text) if m.end() <= at), default=0)
    right = min(
        (m.start() for m in _STRONG_BREAK.finditer(text) if m.start() >= at), default=len(text)
    )
    return text[left:right]
