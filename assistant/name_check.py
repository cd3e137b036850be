"""Name checks: a draft's bodies, roles, places and "chaired by" relations against one passage.

Split from the wording check's passage checking (passage_check.py); pure.
"""

from __future__ import annotations

import re
from typing import Any

from assistant import language as lang
from assistant.claims import (
    Claim,
    DocFigure,
    GlossaryRules,
    Reading,
    bodies,
    clause_of,
    frame,
    overlap,
    plain_name,
    shared_frame,
)


def check_relation(
    c: Claim, doc: Reading, anchor: int, sentence: str = "", acronyms: dict[str, str] | None = None
) -> tuple[str, str]:
    """Who does it: the passage's "chaired by ..." where the draft's sentence sits.

    The passage's relation with the draft's verb decides; with none, one of the same meaning
    ("led by" for "chaired by"). A holder the draft places ("the Head of X at the
    Commissioner's office") is the passage's when the passage names that post in a body whose
    name (its short form spelled out with `acronyms`) has the draft's words ("OPFCC Head of X").
    """
    verb, who = c.value
    units = [anchor] + [i for i in range(len(doc.units)) if i != anchor]
    if 0 <= anchor < len(doc.units) and (cell := _role_cell(doc.units[anchor], verb)):
        theirs = plain_name(cell)
        same = _same_holder(who, theirs, acronyms or {})
        same = same or each_holder(who, theirs, acronyms or {})
        return ("found", "") if same else ("conflict", cell)
    # a table row about another body says nothing of who chairs the draft's, nor does another
    # sentence that names none of the bodies the draft says it of ("The Quay Group is chaired
    # by the Harbour Master" for "The Harbour Board is chaired by the Harbour Master")
    units = [i for i in units if i < 0 or not row_body(doc.units[i], sentence)]
    subjects = {plain_name(n) for n, _ in bodies(sentence)} - {who}
    subjects = {b for b in subjects if not (b.startswith(who) or who.startswith(b))}
    units = [
        i
        for i in units
        if i == anchor or not subjects or any(b in doc.units[i].lower() for b in subjects)
    ]
    for verbs in ({verb}, lang.SAME_RELATION.get(verb, frozenset())):
        for i in units:
            for m in lang.RELATION.finditer(doc.units[i] if i >= 0 else ""):
                if m.group(1).lower() not in verbs:
                    continue
                theirs = plain_name(m.group(2))
                if theirs.startswith(who) or who.startswith(theirs) or _reworded(who, theirs):
                    return "found", ""
                if placed_post(who, theirs, acronyms or {}):
                    return "found", ""
                rest = lang.CELL_END.split(doc.units[i][m.start(2) :])[0]  # past its commas
                if each_holder(who, plain_name(rest), acronyms or {}):
                    return "found", ""
                return "conflict", m.group(2).strip()
    if 0 <= anchor < len(doc.units) and _done_as_noun(verb, who, doc.units[anchor]):
        return "found", ""
    return "missing", ""


def _done_as_noun(verb: str, who: str, unit: str) -> bool:
    """True when the passage sentence names the draft's holder and says the verb as a noun.

    "Patrols are coordinated by the Quay Board" against "the coordination of patrols passed
    to the Quay Board": the sentence names no one with the verb, so its noun and the holder
    (plain, see `plain_name`) say it.
    """
    return who in unit.lower() and lang.noun_of_verb(verb, lang.terms(unit))


def _same_holder(who: str, theirs: str, acronyms: dict[str, str]) -> bool:
    """True when the passage's holder (a table cell's) is the draft's, as `check_relation` reads."""
    return who in theirs or theirs.startswith(who) or placed_post(who, theirs, acronyms)


def each_holder(who: str, theirs: str, acronyms: dict[str, str]) -> bool:
    """True when the draft names several holders and each is one of the passage's.

    "co-chaired by the Eastport Council's Harbour Master and a Chief Inspector from the Port
    Police" against "the Harbour Master, Eastport Council, and a Chief Inspector of the Port
    Police": each holder is compared alone (a holder's body written before its post or after
    it), so the pair is found; a pair with one holder the passage does not name is not.
    Both names plain (see `plain_name`).
    """
    mine = lang.HOLDER_JOIN.split(who)
    given = lang.HOLDER_JOIN.split(theirs)
    return len(mine) > 1 and all(
        any(_same_holder(m, t, acronyms) or _reworded(m, t) for t in given) for m in mine
    )


def _reworded(who: str, theirs: str) -> bool:
    """True when every content word of the draft's holder is in the passage's, in any order.

    "a council safeguarding service manager" for "a safeguarding service manager from
    Cumberland Council": the draft says less, nothing else.
    """
    mine = lang.terms(who)
    found = lang.terms(theirs)
    if len(mine) < 2 or not all(any(lang.same_word(w, x) for x in found) for w in mine):
        return False
    # the post itself, before what places it ("from Cumberland Council", "of the Constabulary"),
    # must be the draft's: "Chief Constable" is not the "Assistant Chief Constable of ..."
    post = re.split(r"\b(?:from|of|at|in|within)\b", theirs)[0]
    return all(any(lang.same_word(w, x) for x in mine) for w in lang.terms(post))


def placed_post(who: str, theirs: str, acronyms: dict[str, str]) -> bool:
    """True when a post the draft places in a body is the passage's post in that body.

    "head of partnerships at the commissioner's office" against "opfcc head of partnerships"
    with OPFCC spelled out as "Office of the Police, Fire and Crime Commissioner": the post is
    named, and every word of the draft's body is in the passage's name. Both names plain
    (see `plain_name`).
    """
    m = re.match(r"(.+?) (?:at|in|within|from) (?:the )?(.+)$", who)
    if not m:
        return False
    post, body = m.groups()
    full = theirs
    for short, long in acronyms.items():
        full = re.sub(rf"\b{re.escape(short.lower())}\b", plain_name(long), full)
    if post not in full:
        return False
    words = lang.terms(full)
    wanted = {lang.base_word(w) for w in lang.terms(body)} - lang.STOPWORDS
    return bool(wanted) and all(any(lang.same_word(w, x) for x in words) for w in wanted)


def _role_cell(unit: str, verb: str) -> str:
    """Who a table cell names in the role of the draft's verb: "Chair: OPFCC Head of ..."."""
    stem = {"chaired": "chair", "led": "lead"}.get(verb, "")
    head, _, cell = unit.partition(" | ")
    column, _, value = cell.partition(": ")
    if not stem or not head or column.strip().lower() != stem:
        return ""
    return re.sub(r"^(?:co-)?(?:chaired|led) by (?:the )?", "", value.strip(), flags=re.I)


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
    if c.kind == "body" and (spelled := _short_form_of_another(c, sentence, rules)):
        return "conflict", spelled
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
    known = c.kind == "body" and (rules.known(c.text) or bool(_short_forms(c, rules)))
    if known and (slot := _body_in_slot(c, sentence, unit)):
        return "conflict", slot  # a body named nowhere stays unsupported (below)
    heading = doc.text.split("\n")[0].replace("\t", " ")
    if _names(c, unit, rules) or (
        c.kind == "body" and _referred_to(c.text, unit, heading, sentence)
    ):
        return "found", ""
    if c.kind == "body" and (row := row_body(unit, sentence)):
        return "conflict", row
    if c.kind == "body" and (alike := _other_of_its_kind(c, unit, sentence, rules)):
        return "conflict", alike  # the sentence names another partnership where the draft's is
    if c.kind == "body" and _names(c, doc.text.split("\n")[0].replace("\t", " "), rules):
        return "found", ""
    if c.kind == "body" and not rules.known(c.text) and not _short_forms(c, rules):
        return "missing", "named nowhere in the documents"
    drafted = {plain_name(n) for _, n in _names_in(sentence, rules)}
    others = [
        n
        for k, n in _names_in(unit, rules)
        if k == c.kind
        and not any(lang.one_place(plain_name(n), d) for d in drafted)
        and not (c.kind == "body" and _bare_head(n, c.text))
    ]
    if others:
        return "conflict", others[0]
    if _names(c, doc.text, rules) or _publisher_owns(c, doc, sentence, rules):
        return "found", ""
    if c.kind == "place" and (theirs := _same_slot(sentence, c, unit)):
        return "conflict", theirs
    return "missing", ""


def _bare_head(name: str, body: str) -> bool:
    """True when a passage names the draft's body by its head word alone.

    "The Commissioner will invest" speaks of the Harbour and Ferry Commissioner the draft
    spells out: it names no other body, so it is no conflict (the body must still be named in
    the passage or by its publisher to be found).
    """
    words, full = name.split(), body.split()
    return len(words) == 1 < len(full) and words[0].lower() == full[-1].lower()


def _publisher_owns(c: Claim, doc: Reading, sentence: str, rules: GlossaryRules) -> bool:
    """True when the draft's body owns a thing the passage's publisher does: "its consultation".

    "The Harbour Commissioner's survey" in a document the Harbour Commissioner publishes: a
    document speaks for its publisher.
    """
    if c.kind != "body" or not re.match(r"['’]s\b", sentence[c.end :]):
        return False
    title = doc.text.split("\n", 1)[0].split("\t")[0]
    return _names(c, rules.publishers.get(title, ""), rules)


def _short_form_of_another(c: Claim, sentence: str, rules: GlossaryRules) -> str:
    """The body a short form in brackets after the draft's body stands for, if another one.

    "the Harbour Board (EFP)" where the glossary spells EFP out as the Eastport Ferry
    Partnership; "" when the short form is the body's own or the glossary has none.
    """
    m = re.match(r"\s*\(([A-Z][A-Za-z&]{1,7})\)", sentence[c.end :])
    full = rules.acronyms.get(m.group(1), "") if m else ""
    mine, theirs = plain_name(c.text), plain_name(full)
    return full if full and theirs not in mine and mine not in theirs else ""


def _other_of_its_kind(c: Claim, unit: str, sentence: str, rules: GlossaryRules) -> str:
    """Another body of the draft body's kind that the passage sentence names ("" for none).

    Its kind is its head word (a Partnership for a Partnership); the draft must name it nowhere.
    The document's title or publisher naming the draft's body does not back it where the
    sentence it matches says another body of that kind does what the draft says.
    """
    head = c.text.split()[-1].lower()
    drafted = {plain_name(n) for _, n in _names_in(sentence, rules)}
    return next(
        (
            n
            for n, _ in bodies(unit)
            if n.split()[-1].lower() == head
            and len(n.split()) > 1
            and not any(plain_name(n) in d or d in plain_name(n) for d in drafted)
        ),
        "",
    )


def _same_slot(sentence: str, c: Claim, unit: str) -> str:
    """The name the passage sentence gives where the draft gives its place ("" for none).

    "A training prison near Ulverston" against "a training prison near Millom": the two
    words before the place (lower case, the first a content word) are the passage's before
    another name, so the place is a conflict even where the glossary lists no such place.
    """
    before = re.findall(r"[A-Za-z][\w'-]*", sentence[: c.start])[-2:]
    if len(before) < 2 or not all(w.islower() for w in before) or before[0] in lang.STOPWORDS:
        return ""
    name = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
    m = re.search(rf"\b{before[0]}\s+{before[1]}\s+({name})", unit)
    return m.group(1) if m and m.group(1).lower() != c.text.lower() else ""


def _body_in_slot(c: Claim, sentence: str, unit: str) -> str:
    """The body the passage sentence names in the draft body's own words ("" for none).

    "Cases are referred to the Harbour Board and the pilots' office" against "Cases are
    referred to the Port Police and the pilots' office": the words either side of the name
    are the passage's (two content words of them), so the draft put another body in its
    place, whether or not the document's title names the draft's body.
    """
    mine = frame(sentence, c.start, c.end)
    drafted = {plain_name(n) for n, _ in bodies(sentence)}
    for name, start in bodies(unit):
        theirs = plain_name(name)
        if any(theirs in d or d in theirs for d in drafted):
            continue
        if shared_frame(mine, frame(unit, start, start + len(name))) >= 2:
            return name
    return ""


def _referred_to(name: str, unit: str, heading: str = "", sentence: str = "") -> bool:
    """True when a passage sentence refers to the body as "the council" beside its place.

    "The Eastport Harbour Partnership is chaired by the council's Director of Ports" refers to
    Eastport Council: the sentence says "the council", names Eastport, and names no council.
    So does "reports to the board" in a document whose heading (the "Quay Safety Plan") gives
    the rest of the draft's name (the Quay Safety Board), where the draft says "board" only in
    that name (a draft's own "the board" is what the passage's stands for).
    """
    words = name.split()
    head = re.escape(words[-1]) if words else ""
    if len(words) < 2 or not re.search(rf"(?i)\bthe {head}\b", unit):
        return False
    named = [n for n, _ in bodies(unit) if n.split()[-1].lower() == words[-1].lower()]
    place = re.compile(rf"(?i)(?<![\w-]){re.escape(' '.join(words[:-1]))}(?![\w-])")
    once = len(re.findall(rf"(?i)\b{head}\b", sentence)) == 1
    return bool(place.search(unit) or (once and place.search(heading))) and not named


def row_body(unit: str, sentence: str) -> str:
    """The body a table row is about, when the draft names it nowhere ("" otherwise).

    "Serious Violence Duty Operational Group | Meeting frequency: Every six weeks" backs a
    figure about that group, not one about the Safer Cumbria Partnership, even in a passage of
    the partnership's strategy (whose title names it).
    """
    if " | " not in unit:
        return ""
    label = unit.split(" | ")[0].rstrip()  # the caption, then the row label
    theirs = [(n, s) for n, s in bodies(label) if len(label) - s - len(n) <= 15]
    mine = {plain_name(n) for n, _ in bodies(sentence)}
    if not theirs or not mine:
        return ""
    name = theirs[-1][0]
    return "" if any(plain_name(name) in m or m in plain_name(name) for m in mine) else name


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
    low, short = text.lower(), lang.place_short_form(c.text) if c.kind == "place" else ""
    if short and re.search(rf"\b{re.escape(short.lower())}\b(?!-)", low):
        return True  # "Barrow" names "Barrow-in-Furness"
    return lang.names_post(plain_name(c.text), low) or any(
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


def figure_place(text: str, start: int, end: int, rules: GlossaryRules, reach: int = 80) -> str:
    """The place a figure is given for: the nearest place, with no other figure between them.

    "Around 273,000 people live in Cumberland and about 227,000 in Westmorland and Furness":
    273,000 is Cumberland's and 227,000 Westmorland and Furness's. Only a place in the figure's
    clause counts, and not one inside a body's name ("Cumberland Council"); "" when none is
    within `reach` characters.
    """
    inside = [(s, s + len(n)) for n, s in bodies(text)]
    others = [q.start for q in lang.quantities(text) if not start <= q.start < end]
    places = rules.places_in(text)
    masked = text  # a place's own "and" ("Westmorland and Furness") does not end a clause
    for place, s in places:
        masked = masked[:s] + "X" * len(place) + masked[s + len(place) :]
    left, right = clause_of(masked, start, end)
    best, gap = "", reach + 1
    for place, s in places:
        e = s + len(place)
        if any(a <= s < b for a, b in inside) or not (left <= s and e <= right):
            continue
        lo, hi = (e, start) if e <= start else (end, s)
        if hi < lo or any(lo <= o < hi for o in others):
            continue
        if hi - lo < gap:
            best, gap = place, hi - lo
    return best


def same_place(a: str, b: str) -> bool:
    """True when two place names name one place ("Barrow" and "Barrow-in-Furness")."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def place_of_figure(doc: Reading, f: Any, rules: GlossaryRules) -> str:
    """The place a passage's figure is given for: its table row or column, else its sentence."""
    if f.row >= 0:
        return next((p for p, _ in rules.places_in(f"{f.label} | {f.column}")), "")
    unit = doc.units[f.unit_index]
    return (
        _bracketed_place(unit, f.q.start, f.q.end, rules)
        or figure_place(unit, f.q.start, f.q.end, rules)
        or _sole_place(unit, f.q.start, rules)
    )


def _bracketed_place(text: str, start: int, end: int, rules: GlossaryRules) -> str:
    """The place a figure in brackets is given for: the last one named just before them.

    "The rate in Cumberland (73.9) is higher than in Westmorland and Furness (61.6)": 73.9 is
    Cumberland's and 61.6 Westmorland and Furness's ("" when the figure is not alone in
    brackets, or no place stands between them and the previous break).
    """
    if not (text[:start].rstrip().endswith("(") and re.match(r"[^()]*\)", text[end:])):
        return ""
    opened = text[:start].rstrip()[:-1]
    left = max((m.end() for m in _STRONG_BREAK.finditer(opened)), default=0)
    inside = [(s, s + len(n)) for n, s in bodies(opened)]
    named = [
        p
        for p, s in rules.places_in(opened)
        if s >= left and not any(a <= s < b for a, b in inside)
    ]
    return named[-1] if named else ""


def misplaced_figure(
    sentence: str, c: Claim, doc: Reading, fig: DocFigure, rules: GlossaryRules
) -> dict[str, str]:
    """The place the draft gives a figure, when the passage gives that figure another place.

    "About 273,000 people live in Westmorland and Furness" where the passage says "273,000
    people live in Cumberland and about 227,000 in Westmorland and Furness": the figure is
    found, but for Cumberland, so the place is a conflict (a figure's scope, not just its value).
    """
    mine = figure_place(sentence, c.start, c.end, rules) or _sole_place(sentence, c.start, rules)
    theirs = place_of_figure(doc, fig, rules) if mine else ""
    return {mine: theirs} if theirs and not same_place(mine, theirs) else {}


_STRONG_BREAK = re.compile(r"[;:()|]|\.\s")


def _sole_place(text: str, at: int, rules: GlossaryRules) -> str:
    """The one place named in the part of a sentence around `at` ("" for none or several).

    The part runs between strong breaks (semicolons, colons, brackets), not commas or "and":
    in "At 31.8 per 1,000, the rate in Westmorland and Furness is ..." and "...; Cumberland's
    violence and sexual offences rate of 31.8 per 1,000 is ..." the place sits in another
    clause than the figure, but it is the only place that part gives anything for.
    """
    left = max((m.end() for m in _STRONG_BREAK.finditer(text) if m.end() <= at), default=0)
    right = min(
        (m.start() for m in _STRONG_BREAK.finditer(text) if m.start() >= at), default=len(text)
    )
    part = text[left:right]
    inside = [(s, s + len(n)) for n, s in bodies(part)]
    named = {p for p, s in rules.places_in(part) if not any(a <= s < b for a, b in inside)}
    return next(iter(named)) if len(named) == 1 else ""
