"""Claims beyond figures: comparisons, frequencies, superlatives, named documents (pure).

Split from the wording check's claims (claims.py) and passage checking (passage_check.py). A
draft that says a rate is "above" another where the passage says "below", or that a board
meets "monthly" where the passage says "quarterly", states one claim differently; with no
comparison or frequency in the passage the claim is missing, so the sentence is never
"supported" on its figures alone.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from assistant import language as lang
from assistant.agent_check import agent_claims, doer_claims
from assistant.claims import (
    Claim,
    DocFigure,
    GlossaryRules,
    Reading,
    WordingPolicy,
    bodies,
    claims,
    clause_of,
    overlap,
    plain_name,
)
from assistant.counted_check import counted_claims, month_claims, ordinal_claims
from assistant.holder_check import holder_claims
from assistant.name_check import row_body
from assistant.place_scope import within_claims
from assistant.proper_names import name_claims, other_names

# the element a conflict of these claims names
ELEMENT = {
    "comparison": "direction",
    "frequency": "number",
    "superlative": "direction",
    "role": "body",
    "month": "date",
    "name": "place",
    "agent": "body",
    "doer": "body",
    "counted": "number",
    "monthname": "date",
    "ordinal": "number",
    "holder": "body",
    "within": "place",
    "edition": "date",
}
KINDS = ("number", "date", "body", "place")  # claims.py's kinds a contact detail hides


def comparison_claims(sentence: str, common: frozenset[str]) -> list[Claim]:
    """The comparisons (with another place or group, or an earlier time) and frequencies."""
    out = []
    for kind, way, s, e, adjective in _comparisons(sentence):
        text = sentence[s:e]
        if kind == "direction":  # "10.4% fewer than in 2022/23" is a fall
            out.append(Claim("direction", text, s, e, "up" if way == "more" else "down"))
        else:
            other = _compared_with(sentence, e, common)
            out.append(Claim("comparison", text, s, e, way, about=other, measure=adjective))
    for value, text, s, e in lang.frequencies(sentence):
        out.append(Claim("frequency", text, s, e, value))
    for kind, text, s, e in lang.roles(sentence):
        out.append(Claim("role", text, s, e, kind))
    for month, noun, s, e in lang.month_events(sentence):
        out.append(Claim("month", sentence[s:e], s, e, (month, noun)))
    if m := lang.SUPERLATIVE.search(sentence):
        subject, head = _subject_before(sentence, m.start(), common)
        if subject:
            claim = Claim("superlative", m.group(0), m.start(), m.end(), _way(m), subject)
            out.append(dataclasses.replace(claim, measure=head))
    return out


# A comparative with the word it compares: "more likely than", "a higher rate than".
_MORE = ("more", "higher", "greater", "larger", "bigger", "worse")
_LESS = ("less", "lower", "smaller", "fewer", "better")
_COMPARATIVE = re.compile(
    rf"\b({'|'.join(_MORE + _LESS)})\s+(?!than\b)([a-z][a-z-]*)\s+than\b", re.I
)


def _comparisons(text: str) -> list[tuple[str, str, int, int, frozenset[str]]]:
    """language.comparisons, and a comparative with the word it compares ("more likely than").

    "Women are more likely than men to feel safe" and "Westhaven has a higher rate than
    Eastport" compare two groups as "higher than" does; the word says what is compared, so
    "less likely" in a passage answers "more likely" but not "more concerned".
    """
    out = [(k, w, s, e, frozenset[str]()) for k, w, s, e in lang.comparisons(text)]
    for m in _COMPARATIVE.finditer(text):
        rest = text[m.end() :]
        read = lang.comparisons(f"more than{rest}")  # a figure or a time after it, as for "than"
        if read and read[0][2] == 0:
            kind, way = read[0][0], "more" if m.group(1).lower() in _MORE else "less"
            out.append((kind, way, m.start(), m.end(), frozenset({m.group(2).lower()})))
    return sorted(out, key=lambda c: c[2])


def _way(m: re.Match[str]) -> str:
    word = m.group(1).lower()
    return "least" if word in lang.LEAST or word == "best" else "most"


_LINK = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|remained|became|becomes)\b", re.I)


def _subject_before(
    text: str, start: int, common: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """What a superlative is said of: the content words before it, and the head of its subject.

    The head is the last two words before its verb ("Bike thefts are now the largest"); none
    when no verb stands before the superlative.
    """
    verbs = list(_LINK.finditer(text[:start]))
    prefix = text[: verbs[-1].start()] if verbs else text[:start]

    def keep(words: list[str]) -> frozenset[str]:
        kept = (lang.base_word(w.lower()) for w in words)
        return frozenset(w for w in kept if w in lang.terms(w) and w not in common)

    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", prefix) if not _VERBISH.search(w.lower())]
    return keep(words), keep(words[-2:]) if verbs else frozenset()


def check_superlative(c: Claim, doc: Reading, sentence: str = "") -> tuple[str, str]:
    """A superlative: found where a passage sentence says it of what the draft says it of.

    "Burglary is now the largest category" is not backed by "shoplifting ... is now the
    largest category": the sentence with the superlative must name the draft's subject before
    it. Failing that, found where a table of the passage shows the subject's row at that end of
    the column the draft speaks of (see `_extreme_in_table`). Missing (so the sentence is
    unsupported) when neither does.
    """
    if any(not overlap({w}, lang.terms(doc.text)) for w in c.measure):
        return "missing", ""  # "Bike thefts" where the passage never speaks of bikes
    for unit in doc.units:
        for m in lang.SUPERLATIVE.finditer(unit):
            if _way(m) != c.value:
                continue
            before = frozenset(map(lang.base_word, lang.terms(unit[: m.start()])))
            if overlap(c.about, before):
                return "found", ""
    return ("found", "") if _extreme_in_table(c, doc, sentence) else ("missing", "")


def _extreme_in_table(c: Claim, doc: Reading, sentence: str) -> bool:
    """True when a table column shows the draft's subject as its lowest (or highest) value.

    "Eden had the lowest crime rate" is backed by a table of crime rates by district whose
    smallest "Total crime" value is Eden's. The column must share a word with what the draft
    says comes after the superlative ("crime rate" -> "Total crime"), and the table must have
    at least three rows, so a pair is never read as a ranking.
    """
    after = lang.terms(sentence[c.end : clause_of(sentence, c.end, c.end)[1]])
    columns: dict[str, list[DocFigure]] = {}
    for f in doc.figures:
        if f.row >= 0 and f.column and f.q.unit not in ("year", "times"):
            columns.setdefault(f.column, []).append(f)
    for column, figures in columns.items():
        if len({f.row for f in figures}) < 3 or not overlap(lang.terms(column), after):
            continue
        mine = [f for f in figures if overlap(c.about, lang.terms(f.label))]
        pick = min if c.value == "least" else max
        if len(mine) == 1 and mine[0] is pick(figures, key=lambda f: f.q.value):
            return True
    return False


# words of a subject that are verbs of its own clause ("Shoplifting went up and is now ...")
_VERBISH = re.compile(r"ed$|^(?:went|rose|fell|grew|saw|made|now|still|also|up|down)$")


def _compared_with(text: str, end: int, common: frozenset[str]) -> frozenset[str]:
    """What a comparison is made with: the content words after it in its clause."""
    right = clause_of(text, end, end)[1]
    words = lang.terms(text[end:right])
    return frozenset(w for w in map(lang.base_word, words) if w not in common) or frozenset(
        map(lang.base_word, words)
    )


def check_comparison(
    c: Claim, doc: Reading, anchors: list[int], found: list[DocFigure], sentence: str
) -> tuple[str, str]:
    """A comparison: the passage's own comparison where the draft sits, else its figures.

    Found when the sentence of the passage the draft matches compares the same way; a conflict
    when it compares the other way, or when the draft's figure and the figure of what it is
    compared with (in the same sentence) stand the other way round ("68.3 against 86.9 for
    England" for "higher than England's").
    """
    if own := _in_the_draft(c, sentence):
        return _verdict(c.value, *own)
    units = [i for i in anchors if 0 <= i < len(doc.units)]
    for i in units:
        if said := _stated(doc.units[i], c.measure, _first_word(sentence[c.end :])):
            return _verdict(c.value, *said)
    for f in found:
        if shown := _by_figures(c, doc, f):
            return _verdict(c.value, *shown)
    words = lang.terms(sentence)
    for i, unit in enumerate(doc.units):
        if i in units or not overlap(c.about, lang.terms(unit)):
            continue
        other = _first_word(sentence[c.end :])
        if overlap(words, lang.terms(unit)) >= 3 and (said := _stated(unit, c.measure, other)):
            return _verdict(c.value, *said)
    return "missing", ""


def _in_the_draft(c: Claim, sentence: str) -> tuple[str, str] | None:
    """(way, values) when the draft gives both sides: "70.2, below the England figure of 89.0".

    Each figure is checked against the passage as a claim of its own, so the comparison holds
    when the two values stand the way the draft says.
    """
    left, right = clause_of(sentence, c.end, c.end)
    found = lang.quantities(sentence)
    before = [q for q in found if q.end <= c.start]
    after = [q for q in found if c.end <= q.start < right]
    if not before or not after:
        return None
    a, b = before[-1], after[0]
    if not (lang.same_unit(a, b) or lang.same_unit(b, a)):  # "70.2 per 1,000 ... 89.0"
        return None
    if a.value == b.value:
        return None
    return ("more" if a.value > b.value else "less"), f"{a.text.strip()} against {b.text.strip()}"


def _stated(
    unit: str, adjective: frozenset[str] = frozenset(), other: str = ""
) -> tuple[str, str] | None:
    """(way, words) of the first comparison with another group a passage sentence makes.

    A comparative of another adjective ("more concerned than" for the draft's "more likely
    than") compares something else, so it is passed over. Where the group the draft compares
    with (`other`, the first word after its "than") is the passage's subject instead ("women
    are less likely than men" for "men are more likely than women"), the way is turned round.
    """
    for kind, way, s, e, theirs in _comparisons(unit):
        if kind == "comparison" and not (adjective and theirs and adjective != theirs):
            if other and _first_word(unit[e:]) != other and other in _words(unit[:s]):
                way = "less" if way == "more" else "more"  # the sides the other way round
            return way, unit[s:e]
    return None


def _first_word(text: str) -> str:
    """The first content word of a text, as a base word ("" for none)."""
    return next(iter(_words(text, 1)), "")


def _words(text: str, n: int = 0) -> list[str]:
    found = [lang.base_word(w.lower()) for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    kept = [w for w in found if w not in lang.STOPWORDS]
    return kept[:n] if n else kept


def _by_figures(c: Claim, doc: Reading, f: DocFigure) -> tuple[str, str] | None:
    """(way, what shows it) from the figure of what the draft compares with, beside `f`."""
    rivals = [
        g
        for g in doc.figures
        if g is not f
        and g.unit_index == f.unit_index
        and (lang.same_unit(f.q, g.q) or lang.same_unit(g.q, f.q))  # "4.1 per 1,000 against 5.2"
        and g.q.value != f.q.value
        and (
            overlap(c.about, g.measure) > overlap(c.about, f.measure)
            or overlap(c.about, g.about) > overlap(c.about, f.about)
        )
    ]
    if not rivals:
        return None
    g = max(rivals, key=lambda g: (overlap(c.about, g.measure), overlap(c.about, g.about)))
    way = "more" if f.q.value > g.q.value else "less"
    return way, f"{f.q.text.strip()} against {g.q.text.strip()}"


def _verdict(mine: str, theirs: str, shown: str) -> tuple[str, str]:
    return ("found", "") if mine == theirs else ("conflict", shown)


def check_frequency(c: Claim, doc: Reading, anchor: int, sentence: str = "") -> tuple[str, str]:
    """How often: the frequency the passage gives where the draft sits, else anywhere in it.

    Elsewhere in the passage, another frequency is a conflict only where its clause shares a
    word with the draft's ("reporting ... every quarter" against "reports ... every year");
    "the strategy is refreshed every year" says nothing of how often a group reports.

    A table row about a body the draft does not name gives no frequency for the draft's ("SVD
    Operational Group | Meeting frequency: Every six weeks" is not how often SCP meets).
    """
    units = [u for u in doc.units if not (sentence and row_body(u, sentence))]
    ok = 0 <= anchor < len(doc.units) and doc.units[anchor] in units
    here = lang.frequencies(doc.units[anchor]) if ok else []
    every = [x for unit in units for x in lang.frequencies(unit)]
    if not any(abs(value - c.value) < 1e-6 for value, _, _, _ in [*here, *every]):
        # elsewhere in the passage, only a frequency said of what the draft's is clashes
        mine = _clause_words(sentence, c.start, c.end) if sentence else None
        every = [
            x
            for unit in units
            for x in lang.frequencies(unit)
            if mine is None or overlap(mine, _clause_words(unit, x[2], x[3]))
        ]
    for group in (here, every):
        if any(abs(value - c.value) < 1e-6 for value, _, _, _ in group):
            return "found", ""
        if group:
            return "conflict", group[0][1]
    return "missing", ""


def _clause_words(text: str, start: int, end: int) -> frozenset[str]:
    """The lower-case content words of the clause around a span, the span left out.

    "reporting progress to the board every quarter" -> {"reporting", "progress"}: what a
    frequency is said of, its names aside.
    """
    left, right = clause_of(text, start, end)
    words = re.findall(r"[A-Za-z][\w'-]*", f"{text[left:start]} {text[end:right]}")
    return frozenset(lang.terms(" ".join(w for w in words if w.islower())))


def check_role(c: Claim, doc: Reading, anchor: int, sentence: str = "") -> tuple[str, str]:
    """A board role (chair, vice-chair, co-chair): the one the passage gives the same holder.

    The holder is the body or role named nearest the draft's role word; in a passage sentence
    naming that holder, the role word nearest it decides ("It is chaired by the Office ...,
    with the Director of Public Health as vice-chair": the Director is vice-chair). With no
    such sentence, the role the passage gives where the draft sits, else anywhere in it.
    """
    named = bodies(sentence)
    holder = min(named, key=lambda b: _gap(b[1], b[1] + len(b[0]), c.start, c.end), default=None)
    if holder:
        name = plain_name(holder[0])
        for unit in doc.units:
            at = unit.lower().find(name)
            if at >= 0 and (near := lang.roles(unit)):
                kind, text, _, _ = min(near, key=lambda r: _gap(at, at + len(name), r[2], r[3]))
                return ("found", "") if kind == c.value else ("conflict", text)
    here = lang.roles(doc.units[anchor]) if 0 <= anchor < len(doc.units) else []
    every = [r for unit in doc.units for r in lang.roles(unit)]
    for group in (here, every):
        if any(kind == c.value for kind, _, _, _ in group):
            return "found", ""
        if group:
            return "conflict", group[0][1]
    return "missing", ""


def check_month(c: Claim, doc: Reading) -> tuple[str, str]:
    """A month naming an event ("the September meeting"): the months the passage gives it.

    Found when the passage names the same event in that month; a conflict when it names the
    event only in other months ("the June meeting"); else found, as a month is no figure.
    """
    month, noun = c.value
    theirs = [
        (m, text)
        for unit in doc.units
        for m, n, s, e in lang.month_events(unit)
        if lang.same_word(n, noun)
        for text in [unit[s:e]]
    ]
    if not theirs or any(m == month for m, _ in theirs):
        return "found", ""
    return "conflict", theirs[0][1]


def _gap(a: int, b: int, s: int, e: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, s - b, a - e)


def sentence_claims(sentence: str, rules: GlossaryRules, policy: WordingPolicy) -> list[Claim]:
    """Every claim of a draft sentence: claims.py's, and its comparisons and frequencies.

    A figure inside a frequency ("four times a year") is read as the frequency only; a year
    inside a document's title names the edition, and the title is a claim of its own: what the
    sentence says, that document says. An email or web address is a claim too, found only as
    the passage writes it.
    """
    extra = comparison_claims(sentence, rules.common)
    titles = lang.title_spans(sentence, [*rules.titles, *rules.superseded_titles])
    extra += [Claim("document", sentence[s:e], s, e, t) for t, s, e in titles]
    extra += [
        Claim("contact", m.group(0), m.start(), m.end(), m.group(0).lower())
        for m in lang.CONTACT.finditer(sentence)
    ]
    extra += [
        Claim("edition", m.group(0), m.start(), m.end(), m.group(0))
        for m in lang.DATED_TITLE.finditer(sentence)
        if not any(s < m.end() and m.start() < e for _, s, e in titles)
    ]
    spans = [(c.start, c.end, "number") for c in extra if c.kind == "frequency"]
    spans += [(s, e, "date") for _, s, e in titles]
    spans += [(c.start, c.end, kind) for c in extra if c.kind == "contact" for kind in KINDS]
    said = [
        c
        for c in claims(sentence, rules, policy)
        if not any(a <= c.start < b and c.kind == kind for a, b, kind in spans)
    ]
    extra += name_claims(sentence, said + extra, rules) + agent_claims(sentence, said)
    extra += doer_claims(sentence)
    extra += other_names(sentence, said + extra, rules)
    extra += counted_claims(sentence, said + extra, rules.common)
    extra += month_claims(sentence, said + extra) + ordinal_claims(sentence, said)
    extra += holder_claims(sentence, extra, rules) + within_claims(sentence, rules)
    return sorted(said + extra, key=lambda c: c.start)


def check_document(c: Claim, aligned: Any, doc: Reading, anchor: int) -> str:
    """A document the draft names: the passage is from it, or names it where the draft sits.

    Where the draft sits is the passage sentence it matches or the one before ("The Harbour
    Plan 2019 funded patrols. Its grant was ...").
    """
    if str(aligned.source.get("title", "")).lower() == c.value.lower():
        return "found"
    near = doc.units[max(0, anchor - 1) : anchor + 1] if 0 <= anchor < len(doc.units) else []
    return "found" if c.text.lower() in " ".join([*near, aligned.text]).lower() else "missing"
