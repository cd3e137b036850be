"""Name checks: a draft's bodies, roles, places and "chaired by" relations against one passage.

Split from the wording check's passage checking (passage_check.py); pure.
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import Claim, GlossaryRules, Reading, bodies, overlap, plain_name


def check_relation(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Who does it: the passage's "chaired by ..." where the draft's sentence sits.

    The passage's relation with the draft's verb decides; with none, one of the same meaning
    ("led by" for "chaired by").
    """
    verb, who = c.value
    units = [anchor] + [i for i in range(len(doc.units)) if i != anchor]
    for verbs in ({verb}, lang.SAME_RELATION.get(verb, frozenset())):
        for i in units:
            for m in lang.RELATION.finditer(doc.units[i] if i >= 0 else ""):
                if m.group(1).lower() not in verbs:
                    continue
                theirs = plain_name(m.group(2))
                if theirs.startswith(who) or who.startswith(theirs):
                    return "found", ""
                return "conflict", m.group(2).strip()
    return "missing", ""


def _names_in(text: str, rules: GlossaryRules) -> list[tuple[str, str]]:
    return [("body", n) for n, _ in bodies(text)] + [("place", p) for p, _ in rules.places_in(text)]


def check_name(
    c: Claim, doc: Reading, anchor: int, sentence: str, rules: GlossaryRules
) -> tuple[str, str]:
    """A body, role or place: named where the passage says what the draft says, or a conflict.

    Found when the sentence of the passage the draft matches names it (or it is named elsewhere
    in the passage and that sentence names no other); a conflict when that sentence, or a
    superlative ("the highest rate"), names another.
    """
    mine = _superlative_place(sentence, rules) if c.kind == "place" else None
    if mine and mine[1] == c.text and (top := _extreme_place(doc, mine[0], sentence, rules)):
        return ("found", "") if top == c.text else ("conflict", top)
    for unit in doc.units:
        theirs = _superlative_place(unit, rules) if mine else None
        if theirs and mine and theirs[0] == mine[0] and theirs[1] != mine[1] == c.text:
            return "conflict", theirs[1]
    unit = doc.units[anchor] if 0 <= anchor < len(doc.units) else ""
    if c.kind == "place" and (bound := _place_of_body(c, unit, sentence, rules)):
        return bound
    if _names(c, unit, rules) or (
        c.kind == "body" and _names(c, doc.text.split("\n")[0].replace("\t", " "), rules)
    ):
        return "found", ""
    if c.kind == "body" and not rules.known(c.text) and not _short_forms(c, rules):
        return "missing", "named nowhere in the documents"
    drafted = {plain_name(n) for _, n in _names_in(sentence, rules)}
    others = [n for k, n in _names_in(unit, rules) if k == c.kind and plain_name(n) not in drafted]
    if others:
        return "conflict", others[0]
    return ("found", "") if _names(c, doc.text, rules) else ("missing", "")


def _place_of_body(
    c: Claim, unit: str, sentence: str, rules: GlossaryRules
) -> tuple[str, str] | None:
    """A place the draft gives a body, checked among the places the passage gives that body.

    "Eastshire Council covers Eastport and Northcliff" against "Eastshire Council, covering
    Eastport and Westhaven, and Westshire Council, covering Northcliff": the places after
    Eastshire Council, up to the next body, are Eastport and Westhaven, so Northcliff is a
    conflict. None when the passage names fewer than two bodies or not the draft's.
    """
    theirs = bodies(unit)
    mine = {plain_name(n) for n, _ in bodies(sentence)}
    if len(theirs) < 2 or not mine:
        return None
    starts = sorted(s for _, s in theirs)
    for name, start in theirs:
        if plain_name(name) not in mine:
            continue
        end = start + len(name)
        stop = min((s for s in starts if s >= end), default=len(unit))
        own = [p for p, _ in rules.places_in(unit[end:stop])]
        if not own:
            return None
        if c.text in own:
            return "found", ""
        drafted = {p for p, _ in rules.places_in(sentence)}
        return "conflict", next((p for p in own if p not in drafted), own[0])
    return None


def _short_forms(c: Claim, rules: GlossaryRules) -> set[str]:
    name = plain_name(c.text)
    return {k for k, v in rules.acronyms.items() if plain_name(v) == name}


def _names(c: Claim, text: str, rules: GlossaryRules) -> bool:
    """True when a text names the claim's body or place (or the glossary's short form)."""
    low = text.lower()
    return plain_name(c.text) in low or any(
        re.search(rf"\b{re.escape(s)}\b", text, re.I) for s in _short_forms(c, rules)
    )


def _extreme_place(doc: Reading, word: str, sentence: str, rules: GlossaryRules) -> str:
    """The place a table shows with the largest (or smallest) value of what the draft names."""
    if word not in lang.MOST | lang.LEAST:
        return ""
    rows = [f for f in doc.figures if f.row >= 0 and rules.places_in(f.label)]
    columns = list(dict.fromkeys(f.column for f in rows))
    if not columns:
        return ""
    asked = lang.terms(sentence)
    column = max(columns, key=lambda col: (overlap(lang.terms(col), asked), -columns.index(col)))
    group = [f for f in rows if f.column == column]
    if len(group) < 3:
        return ""
    pick = max if word in lang.MOST else min
    return rules.places_in(pick(group, key=lambda f: f.q.value).label)[0][0]


def _superlative_place(text: str, rules: GlossaryRules) -> tuple[str, str] | None:
    """(superlative, the place named just before it), e.g. ("highest", "Carlisle")."""
    match = lang.SUPERLATIVE.search(text)
    if not match:
        return None
    named = [(s, p) for p, s in rules.places_in(text[: match.start()])]
    return (match.group(1).lower(), max(named)[1]) if named else None
