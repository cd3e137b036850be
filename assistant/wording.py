"""Wording: draft text -> one verdict per sentence (supported, conflict, outdated, unsupported).

The judging is pure: it takes a `lookup` that returns the aligned document sentences for a draft
sentence (the pipeline supplies one built on hybrid retrieval and the evidence scorer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant import language as lang
from assistant.cite import split_sentences

VERDICTS = ("supported", "conflict", "outdated", "unsupported")


@dataclass(frozen=True)
class Aligned:
    """A document sentence aligned with a draft sentence."""

    text: str
    passage: str
    score: float
    source: dict[str, Any]
    status: str = "current"


@dataclass
class SentenceVerdict:
    """The judgement of one draft sentence."""

    sentence: str
    verdict: str
    reasons: list[str] = field(default_factory=list)
    element: str = ""
    draft_value: str = ""
    document_value: str = ""
    quote: str = ""
    source: dict[str, Any] | None = None
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Thresholds:
    """Alignment scores (evidence-scorer scale) that separate the verdicts."""

    supported: float = 0.60  # aligned this well and nothing differs -> supported
    related: float = 0.45  # below this, nothing in the documents is about the sentence


def split_draft(text: str) -> list[str]:
    """Split a draft into sentences; strip HTML; break unpunctuated text on lines or ~40 words."""
    if re.search(r"<[a-zA-Z][^>]*>", text):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")
        for block in soup.find_all(["p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4"]):
            block.append("\n")  # block elements end lines; inline ones (b, a, span) do not
        text = soup.get_text("")
    out: list[str] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        for sentence in split_sentences(line):
            words = sentence.split()
            out += [" ".join(words[i : i + 40]) for i in range(0, len(words), 40)] or []
    return [s for s in out if re.search(r"[A-Za-z]{2}", s)]


def numbers(text: str) -> list[str]:
    """Numbers, amounts and percentages in a text, normalised (words -> digits)."""
    found = []
    for match in lang.NUMBER.findall(_without_dates(text)):
        token = lang.NUMBER_WORDS.get(match.lower(), match).rstrip(".,")
        if not lang.DATE.fullmatch(token):
            found.append(token)
    return found


def _without_dates(text: str) -> str:
    return lang.DATE.sub(" ", text)


def _number_direction(draft: str, doc: str) -> tuple[str, str] | None:
    """Directions stated just before the same figure in both texts ("rose by 4.7%")."""
    for n in numbers(draft):
        here, there = draft.find(n), doc.find(n)
        if here >= 0 and there >= 0:
            mine, theirs = (
                direction(draft[max(0, here - 25) : here]),
                direction(doc[max(0, there - 25) : there]),
            )
            if mine and theirs:
                return mine, theirs
    return None


def direction(text: str) -> str:
    """Return "up", "down" or "" for the direction a sentence states."""
    up, down = bool(lang.UP.search(text)), bool(lang.DOWN.search(text))
    return "up" if up and not down else "down" if down and not up else ""


class GlossaryRules:
    """Renamed bodies, house-style terms and place names from corpus/glossary.yaml."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Compile the glossary's patterns."""
        self.renamed = [
            (re.compile(r"(?<![\w,])" + re.escape(p) + r"s?(?![\w])", re.I), b)
            for b in data.get("renamed_bodies", [])
            for p in b.get("patterns", [])
        ]
        self.style = [
            (p, t["use"]) for t in data.get("preferred_terms", []) for p in t.get("avoid", [])
        ]
        self.places = sorted(data.get("places", []), key=len, reverse=True)
        self.superseded_titles: list[str] = list(data.get("superseded_titles", []))

    def outdated(self, sentence: str) -> tuple[str, dict[str, Any]] | None:
        """Return (matched text, glossary entry) for the first abolished or renamed body."""
        for pattern, body in self.renamed:
            if match := pattern.search(sentence):
                return match.group(0), body
        return None

    def suggestions(self, sentence: str) -> list[str]:
        """House-style suggestions (exact case, or capitalised at the start of a sentence)."""
        out = []
        for avoid, use in self.style:
            variants = {avoid, avoid[:1].upper() + avoid[1:]}
            if any(re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", sentence) for v in variants):
                out.append(f'house style: write "{use}" instead of "{avoid}"')
        return out

    def places_in(self, text: str) -> list[str]:
        """Place names mentioned in a text (longest names first, no overlaps)."""
        found, rest = [], text
        for place in self.places:
            if re.search(r"\b" + re.escape(place) + r"\b", rest):
                found.append(place)
                rest = re.sub(r"\b" + re.escape(place) + r"\b", " ", rest)
        return found


def _context_after(text: str, value: str) -> set[str]:
    """The words that follow a value in a text (what the number measures)."""
    idx = text.lower().find(value.lower())
    if idx < 0:
        return set()
    stop = {"the", "and", "its", "per", "cent", "for", "with", "county", "county's", "all"}
    words = re.findall(r"[a-z']{3,}", text[idx + len(value) : idx + len(value) + 60].lower())
    return set([w for w in words if w not in stop][:2])


def _number_mismatch(draft: str, doc: Aligned, passages: str = "") -> tuple[str, str] | None:
    d_nums = numbers(_without_dates(draft))
    passage_nums = set(numbers(_without_dates(doc.passage + " " + passages)))
    s_nums = [n for n in numbers(_without_dates(doc.text)) if n not in d_nums]
    olds = {m for pair in lang.FROM_VALUE.findall(doc.text) for m in pair if m}
    for n in d_nums:
        if n not in passage_nums or n in olds:  # absent, or only the figure it changed "from"
            same_kind = [
                m
                for m in s_nums
                if m.endswith("%") == n.endswith("%") and m.startswith("£") == n.startswith("£")
            ]
            return n, (same_kind or s_nums or ["(not stated)"])[0]
    for n in d_nums:  # present, but attached to a different measure (a swapped figure)
        mine = _context_after(draft, n)
        theirs = _context_after(doc.text, n)
        if mine and theirs and not mine & theirs:
            for other in numbers(_without_dates(doc.text)):
                if other != n and _context_after(doc.text, other) & mine:
                    return n, other
    return None


def _missing(draft_items: list[str], doc_text: str, doc_items: list[str]) -> tuple[str, str] | None:
    """The first draft item absent from the aligned document sentence that names another."""
    for item in draft_items:
        if item.lower() not in doc_text.lower():
            others = [o for o in doc_items if o.lower() not in {d.lower() for d in draft_items}]
            if others:
                return item, others[0]
    return None


def _subject(text: str, places: list[str]) -> tuple[str, str] | None:
    """(superlative, the place named just before it), e.g. ("highest", "Carlisle")."""
    match = lang.SUPERLATIVE.search(text)
    if not match:
        return None
    before = text[: match.start()]
    named = [(before.rfind(p), p) for p in places if p in before]
    return (match.group(1).lower(), max(named)[1]) if named else None


def compare(
    sentence: str, doc: Aligned, rules: GlossaryRules, passages: str = ""
) -> tuple[str, str, str] | None:
    """Return (element, draft value, document value) for the first thing that differs."""
    if found := _missing(lang.DATE.findall(sentence), doc.text, lang.DATE.findall(doc.text)):
        return ("date", *found)
    if found := _number_mismatch(sentence, doc, passages):
        return ("number", *found)
    mine, theirs = _number_direction(sentence, doc.text) or (
        direction(sentence),
        direction(doc.text),
    )
    if mine and theirs and mine != theirs:
        word = (lang.UP if theirs == "up" else lang.DOWN).search(doc.text)
        return "direction", mine, word.group(0) if word else theirs
    # "The board oversees..." names its body only in the section heading: count that too.
    named = f"{doc.text} ({(doc.source or {}).get('section', '')})"
    if found := _missing(lang.BODY.findall(sentence), named, lang.BODY.findall(named)):
        return ("body", *found)
    if found := _missing(rules.places_in(sentence), doc.text, rules.places_in(doc.text)):
        return ("place", *found)
    mine_sub = _subject(sentence, rules.places_in(sentence))
    theirs_sub = _subject(doc.text, rules.places_in(doc.text))
    if mine_sub and theirs_sub and mine_sub[0] == theirs_sub[0] and mine_sub[1] != theirs_sub[1]:
        return "place", mine_sub[1], theirs_sub[1]
    return None


def _outdated(v: SentenceVerdict, matched: str, entry: dict[str, Any]) -> SentenceVerdict:
    v.verdict, v.element, v.draft_value = "outdated", str(entry["old"]), matched
    v.document_value = str(entry["successor"])
    v.reasons.append(
        f"{matched} no longer exists: replaced by {entry['successor']} "
        f"from {entry.get('changed', 'an earlier date')}"
    )
    return v


def judge(
    sentence: str,
    current: list[Aligned],
    everything: list[Aligned],
    rules: GlossaryRules,
    th: Thresholds | None = None,
    realign: Callable[[str], list[Aligned]] | None = None,
) -> SentenceVerdict:
    """Judge one draft sentence against its aligned document sentences.

    When nothing differs but the alignment is weak, the draft's bodies and places may be what
    pulls retrieval off course, so `realign` is asked again with them masked out.
    """
    th = th or Thresholds()
    v = SentenceVerdict(sentence, "unsupported", suggestions=rules.suggestions(sentence))
    if old := rules.outdated(sentence):
        return _outdated(v, *old)
    best = current[0] if current else None
    if best is None or best.score < th.related:
        v.reasons.append("nothing in the documents backs this")
        return v
    v.quote, v.source = best.text, best.source
    claim = lang.OVERCLAIM.search(sentence)
    if claim and claim.group(0).lower() not in best.passage.lower():
        v.reasons.append(f'overclaim: the documents do not say "{claim.group(0)}"')
        return v
    passages = " ".join(a.passage for a in current[1:])
    if realign is not None:
        passages += " " + _look_up_figures(sentence, best.passage + " " + passages, realign)
    if diff := compare(sentence, best, rules, passages):
        return _conflict_or_superseded(v, diff, current, everything)
    names = lang.BODY.findall(sentence) + rules.places_in(sentence)
    if best.score < th.supported and names and realign is not None:
        masked = sentence
        for name in names:
            masked = masked.replace(name, " ")
        again = realign(masked)
        if again and (diff := compare(sentence, again[0], rules)) and diff[0] in ("body", "place"):
            v.quote, v.source = again[0].text, again[0].source
            return _conflict_or_superseded(v, diff, current, everything)
    if quoted := next((t for t in rules.superseded_titles if t.lower() in best.text.lower()), ""):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(f"this describes {quoted}, which has been superseded")
        return v
    if best.score >= th.supported:
        v.verdict = "supported"
        v.reasons.append("matches the documents")
    else:
        v.reasons.append("only loosely related passages found")
    return v


def _look_up_figures(sentence: str, known: str, realign: Callable[[str], list[Aligned]]) -> str:
    """Passages found for each clause whose figure the aligned passages lack.

    A draft sentence often joins two facts from different places ("the consultation received
    2,300 responses, and ... were the top concerns"); each clause is looked up on its own.
    """
    have = set(numbers(known))
    found = []
    for clause in re.split(r",\s+(?:and|but|while)\s+|;\s+", sentence):
        if any(n not in have for n in numbers(clause)):
            found += [a.passage for a in realign(clause)[:2]]
    return " ".join(found)


def _conflict_or_superseded(
    v: SentenceVerdict,
    diff: tuple[str, str, str],
    current: list[Aligned],
    everything: list[Aligned],
) -> SentenceVerdict:
    element, draft_value, document_value = diff
    v.element, v.draft_value, v.document_value = element, draft_value, document_value
    value = draft_value.lower()
    # A current document that mentions the value only as what changed ("up from £157,000")
    # does not make it current.
    still_current = bool(current) and value in lang.FROM_VALUE.sub(" ", current[0].passage).lower()
    old = (
        next(
            (a for a in everything if a.status == "superseded" and value in a.passage.lower()), None
        )
        if not still_current
        else None
    )
    if old is not None:
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(
            f'"{draft_value}" comes from a superseded document '
            f'({old.source.get("title")}); the current one says "{document_value}"'
        )
        return v
    v.verdict = "conflict"
    v.reasons.append(
        f'{element} differs: draft says "{draft_value}", documents say "{document_value}"'
    )
    return v


def check(
    text: str,
    lookup: Callable[[str], tuple[list[Aligned], list[Aligned]]],
    rules: GlossaryRules,
    th: Thresholds | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[SentenceVerdict]:
    """Judge every sentence of a draft."""
    verdicts = []
    for sentence in split_draft(text):
        current, everything = lookup(sentence)
        verdicts.append(
            judge(
                sentence, current, everything, rules, th, realign=lambda masked: lookup(masked)[0]
            )
        )
        if progress:
            progress(1)
    return verdicts


def summary(verdicts: list[SentenceVerdict]) -> dict[str, Any]:
    """Counts per verdict and the JSON list."""
    counts = {v: sum(1 for x in verdicts if x.verdict == v) for v in VERDICTS}
    return {
        "summary": {
            **counts,
            "sentences": len(verdicts),
            "all_supported": counts["supported"] == len(verdicts) > 0,
        },
        "sentences": [asdict(v) for v in verdicts],
    }
