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
            if _background(word, rules):
                continue
            out.append(Claim("name", word, s, s + len(word), word.lower()))
    return out


def _background(word: str, rules: GlossaryRules) -> bool:
    """True for a word of the corpus's background, or one made from it ("Cumbrian")."""
    w = lang.base_word(word.lower())
    return w in rules.common or any(p in rules.common for p in lang.demonym_places(w))


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


# A run of capitalised words, joined by "of (the)", "for" or "&": "Ministry of Justice", "North
# East", "Recovery Steps Cumbria". "and" joins two names, and a possessive ends one.
# What follows the owner of a document: "'s Police, Fire and Crime Plan".
_OWNED_DOCUMENT = re.compile(
    r"^['’]s\s+(?:[A-Z][\w'-]*,?\s+(?:(?:and|of|for|&)\s+)?)*"
    r"(?:Strategy|Plan|Agreement|Assessment|Report|Briefing|Overview|Refresh)\b"
)
_RUN = re.compile(r"[A-Z][\w&-]*(?:(?:\s+(?:of|of the|for|&))?\s+[A-Z][\w&-]*)*")


def other_names(sentence: str, taken: list[Claim], rules: GlossaryRules) -> list[Claim]:
    """Capitalised names no other claim reads: each is a claim the passage must make.

    Bodies, roles, places and titles have checks of their own; any other name ("the Ministry
    of Justice", "the North East", "Scotland") was read by none, so a draft that put one in
    place of the passage's was "supported". A single capitalised word opening the sentence is
    an ordinary word there (and so is the first word of a run opening it, where the corpus
    writes that word in lower case: "Across Cumbria"); a month, a day or a word of the
    corpus's background names nothing;
    and the owner of a document the draft names is read with that document, as in
    `name_claims`.
    """
    out = []
    for m in _RUN.finditer(sentence):
        name = m.group(0)
        s, words = m.start(), name.split()
        if s == 0 and len(words) == 1:
            continue
        if s == 0 and (words[0] == "The" or words[0].lower() in rules.lower_words):
            name, s = name[len(words[0]) + 1 :], s + len(words[0]) + 1  # "Across Cumbria"
        if any(c.start < s + len(name) and s < c.end for c in taken):
            continue
        if _OWNED_DOCUMENT.match(sentence[m.end() :]):
            continue  # the owner of a document the draft names: "David Allen's Harbour Plan"
        plain = [w for w in re.findall(r"[\w'-]+", name) if w[:1].isupper()]
        if all(_NOT_A_PLACE.match(w) or _background(w, rules) for w in plain):
            continue
        out.append(Claim("proper", name, s, s + len(name), name.lower()))
    return out


def check_other_name(c: Claim, doc: Reading, rules: GlossaryRules) -> str:
    """Found where the passage, its heading or its publisher uses the name.

    Also where it uses the glossary's short form of the name, or of a name it is part of
    ("Commissioner" in a passage that writes "PFCC"); a document speaks for its publisher.
    """
    inside = re.compile(rf"\b{re.escape(c.value)}\b")
    forms = {c.value} | {
        short.lower() for short, long in rules.acronyms.items() if inside.search(long.lower())
    }
    forms |= {long.lower() for short, long in rules.acronyms.items() if short.lower() == c.value}
    forms |= {_of_place(c.value, p) for p in lang.demonym_places(c.value.split()[-1])}
    title = doc.text.split("\n", 1)[0].split("\t")[0]
    text = f"{doc.text}\n{rules.publishers.get(title, '')}".lower()
    if any(re.search(rf"\b{re.escape(f)}\b", text) for f in forms):
        return "found"
    clipped = _clipped(c.value, rules.corpus_text)  # scans the corpus: only when not named
    return "found" if clipped and clipped.search(text) else "missing"


def _clipped(name: str, corpus: str) -> re.Pattern[str] | None:
    """The name with its clipped words spelled out as any word they begin ("op" -> "operation").

    A word of the name the documents never write on its own, that is not its last word, may
    be the start of the passage's word ("Op Enhance" for "Operation Enhance"); the name's
    other words must be the passage's. None when no word is clipped.
    """
    words = name.split()
    clipped = [
        i
        for i, w in enumerate(words[:-1])
        if w.isalpha() and len(w) >= 2 and not re.search(rf"\b{w}\b", corpus)
    ]
    if not clipped:
        return None
    parts = [re.escape(w) + (r"[a-z]+" if i in clipped else "") for i, w in enumerate(words)]
    return re.compile(r"\b" + r"\s+".join(parts) + r"\b")


def _of_place(name: str, place: str) -> str:
    """A name with its last word, a people or adjective word, as its place: "west cumbria"."""
    return " ".join([*name.split()[:-1], place])
