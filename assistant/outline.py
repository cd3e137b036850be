"""Outline: section trails -> the sub-headings a list question asks for.

Many lists in the documents are a section whose sub-headings are the items: "6. The nine
pathways > 6.1 Accommodation", "6. The nine pathways > 6.2 Education, training and
employment"... A list question ("what are the nine pathways?") whose top passage sits under a
heading naming what is listed is answered with those sub-headings, each item citing the passage
that opens its sub-section. So is an answer whose first sentence only announces a list ("...
agree the following eight recommendations."), when the sub-headings of its passage hold as many
items; a heading the loader kept as a line of text ("Recommendation 2: ...") counts as one. The
trail functions are pure; `outline_answer` reads one document's chunks through the function it
is given (the retriever's, for a document of a hit the user may read).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant import language as lang
from assistant.compose import make_source, render, superseded_notice
from assistant.query import Query
from assistant.types import Answer, AnswerSentence, Chunk, Hit

SEPARATOR = " > "  # how ingest joins a heading trail (chunk metadata `section`)
OUTLINE_HITS = 10  # the top passages whose headings may name the list (evidence reads as many)
MAX_ITEMS = 12  # a longer run of sub-headings is a document's chapters, not a list
MAX_HEADING = 120  # a longer paragraph is prose, not a heading kept as text
_ITEM_NUMBER = re.compile(r"^[A-Za-z]+ \d{1,2}\b")  # "Recommendation 2", "Priority 3"
_NUMBER = r"(?:\d+(?:\.\d+)*\.?|[A-Z]\.(?:\d+\.?)*)"
# "6.1 ", "A. ", and a heading numbered for two items: "6.8 and 6.9 Pathways for women"
_NUMBERING = re.compile(rf"^\s*{_NUMBER}(?:\s*(?:and|to|-|–)\s*{_NUMBER})?\s+")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Outline:
    """A list read from headings: the heading holding it and each item's own trail."""

    holder: tuple[str, ...]  # the trail of the heading the items sit under (() = top level)
    items: tuple[tuple[str, ...], ...]  # each item's trail (its last heading is the item)

    @property
    def count(self) -> int:
        """How many items the list holds: "6.8 and 6.9 Pathways for women" counts two."""
        spans = [number_span(t[-1]) for t in self.items]
        if all(spans):
            return sum(last - first + 1 for first, last in filter(None, spans))
        return len(self.items)

    @property
    def texts(self) -> tuple[str, ...]:
        """The items as the document words them, without their numbering."""
        return tuple(strip_numbering(t[-1]) for t in self.items)


def split_trail(section: str) -> tuple[str, ...]:
    """A section trail "Parent > Child" as its headings."""
    return tuple(h.strip() for h in section.split(SEPARATOR) if h.strip())


def strip_numbering(heading: str) -> str:
    """A heading without its number: "6.1 Accommodation" -> "Accommodation"."""
    return _NUMBERING.sub("", heading, count=1).strip()


def number_span(heading: str) -> tuple[int, int] | None:
    """The item numbers a heading covers: "6.10 X" -> (10, 10), "6.8 and 6.9 X" -> (8, 9).

    None when the heading is unnumbered.
    """
    match = _NUMBERING.match(heading)
    parts = re.split(r"\s*(?:and|to|-|–)\s*", match.group(0).strip()) if match else []
    last = [re.findall(r"\d+", p) for p in parts]
    if not last or not all(last):
        return None
    return int(last[0][-1]), int(last[-1][-1])


def names(heading: str, target: str) -> bool:
    """True when a heading uses the listed noun in any form ("Priority 1" names priorities)."""
    words = _WORD.findall(strip_numbering(heading).lower())
    return any(lang.same_word(w, target) for w in words)


def is_item_heading(heading: str, target: str) -> bool:
    """True when a heading starts with the listed noun, for one item ("Priority 2: Drugs").

    The noun in the plural starts an item only when the heading is numbered for more than one
    ("6.8 and 6.9 Pathways for women"); "Priorities for next year" is about the list.
    """
    words = _WORD.findall(strip_numbering(heading).lower())
    return bool(words) and lang.same_word(words[0], target) and _counts_for(heading, words[0])


def about_list(heading: str, target: str) -> bool:
    """True when a heading speaks of the listed things together ("How the hubs were chosen").

    An item names one of them ("Northvale hub") or starts with the noun ("Aim 1: ...").
    """
    words = _WORD.findall(strip_numbering(heading).lower())
    return not is_item_heading(heading, target) and any(
        lang.same_word(w, target) and not _counts_for(heading, w) for w in words
    )


def holds_many(heading: str, target: str) -> bool:
    """True when a heading names the listed things as many, not as a topic.

    "The four hubs", "Our aims", "Priorities for each strand" hold lists; "All recorded crime"
    names a topic.
    """
    words = _WORD.findall(strip_numbering(heading).lower())
    return any(
        lang.same_word(w, target) and (_plural(w) or i and words[i - 1] in ("each", "every"))
        for i, w in enumerate(words)
    )


def _counts_for(heading: str, word: str) -> bool:
    """True when a word is singular, or the heading is numbered for several items."""
    span = number_span(heading)
    return not _plural(word) or (span is not None and span[1] > span[0])


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def stated_count(heading: str) -> int | None:
    """The number of items a heading says there are ("The nine pathways" -> 9), if any."""
    text = lang.YEAR.sub(" ", strip_numbering(heading).lower())
    for word in re.findall(r"[a-z]+|\d+", text):
        if word in lang.NUMBER_WORDS:
            return int(lang.NUMBER_WORDS[word])
        if word.isdigit() and len(word) <= 2:
            return int(word)
    return None


def names_an_item(outline: Outline, question: str) -> bool:
    """True when the question names one of the items: it asks for that item's own list.

    "What are the Combating Drugs strand's priorities?" is not answered by the strands under
    "Priorities for each strand", of which "Combating Drugs" is one.
    """
    asked = lang.terms(re.sub(r"['’]s\b", "", question))  # "the hub's" names the hub
    return any((words := lang.terms(item)) and words <= asked for item in outline.texts)


def children(trails: list[tuple[str, ...]], parent: tuple[str, ...]) -> list[str]:
    """The headings directly under `parent`, in document order, each once."""
    depth = len(parent)
    found = [t[depth] for t in trails if len(t) > depth and t[:depth] == parent]
    return list(dict.fromkeys(found))


def find_list(sections: list[str], section: str, target: str) -> Outline | None:
    """The sub-headings listing `target` around one passage's section, if its trail names it.

    Args:
        sections: the document's section trails in reading order.
        section: the trail of a top passage.
        target: the noun the question lists ("pathways").

    Returns:
        The outline, or None when no heading of the trail holds such a list.
    """
    trails = [split_trail(s) for s in sections]
    trail = split_trail(section)
    for depth in reversed(range(len(trail))):
        heading = trail[depth]
        if not names(heading, target):
            continue
        if is_item_heading(heading, target):  # the passage is one item: read its siblings
            holder = trail[:depth]
            items = _run(children(trails, holder), target, around=heading)
        elif not holds_many(heading, target):  # "All recorded crime" is a topic, not a list
            continue
        else:  # the heading holds the list: read its children
            holder = trail[: depth + 1]
            items = _items(children(trails, holder), target)
        if _complete(items, holder, target):
            return Outline(holder, tuple((*holder, i) for i in items))
    return None


def _items(kids: list[str], target: str) -> list[str]:
    """Children that are the list's items: those starting with its noun, else all of them.

    A child about the list ("How the priorities were chosen") means the children are not its
    items.
    """
    if sum(is_item_heading(k, target) for k in kids) >= 2:
        return _run(kids, target)
    if any(about_list(k, target) for k in kids):
        return []
    return kids


def _run(kids: list[str], target: str, around: str = "") -> list[str]:
    """The first run of consecutive item headings (the one holding `around` when given)."""
    runs: list[list[str]] = [[]]
    for kid in kids:
        if is_item_heading(kid, target):
            runs[-1].append(kid)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if not around or around in run:
            return run
    return []


def _complete(items: list[str], holder: tuple[str, ...], target: str) -> bool:
    """Two or more items, numbered without a gap, as many as the holding heading says.

    A gap in the numbering means a heading the loader did not keep: the list would be short.
    """
    if not 2 <= len(items) <= MAX_ITEMS:
        return False
    spans = [number_span(i) for i in items]
    count = len(items)
    if all(spans):
        numbered = [s for s in spans if s]
        if any(b[0] != a[1] + 1 for a, b in zip(numbered, numbered[1:], strict=False)):
            return False
        count = sum(last - first + 1 for first, last in numbered)
    said = stated_count(holder[-1]) if holder and names(holder[-1], target) else None
    return said is None or said == count


def opening_chunks(chunks: list[Chunk], outline: Outline) -> list[Chunk] | None:
    """The first chunk of each item's sub-section (None when one has no chunk)."""
    return _openings([(split_trail(c.section), c) for c in chunks], outline)


def _openings(trails: list[tuple[tuple[str, ...], Chunk]], outline: Outline) -> list[Chunk] | None:
    ordered = sorted(trails, key=lambda tc: tc[1].ordinal)
    found = []
    for item in outline.items:
        first = next((c for t, c in ordered if t[: len(item)] == item), None)
        if first is None:
            return None
        found.append(first)
    return found


def heading_line(line: str, target: str) -> bool:
    """True for a paragraph that is an item heading kept as text ("Recommendation 2: Act").

    Short, with no sentence end, it starts with the listed noun and the item's number.
    """
    line = line.strip()
    return (
        0 < len(line) <= MAX_HEADING
        and not line.endswith((".", "!", "?", ";", ":", ","))
        and bool(_ITEM_NUMBER.match(line))
        and is_item_heading(line, target)
    )


def reading_trails(chunks: list[Chunk], target: str) -> list[tuple[tuple[str, ...], Chunk]]:
    """Each chunk's trail in reading order, and after it the item headings its text holds.

    A loader sometimes keeps a heading as a paragraph ("Recommendation 2: ..." inside the
    passage under "Recommendation 1: ..."): it is read as the next sibling of the passage's
    own heading when that is an item of the list, else as its child.
    """
    out: list[tuple[tuple[str, ...], Chunk]] = []
    for chunk in sorted(chunks, key=lambda c: c.ordinal):
        trail = split_trail(chunk.section)
        out.append((trail, chunk))
        parent = trail[:-1] if trail and is_item_heading(trail[-1], target) else trail
        out += [
            ((*parent, line.strip()), chunk)
            for line in chunk.text.splitlines()
            if heading_line(line, target)
        ]
    return out


def list_in(chunks: list[Chunk], section: str, target: str) -> tuple[Outline, list[Chunk]] | None:
    """The list of `target` around a passage's section, with the chunk opening each item."""
    trails = reading_trails(chunks, target)
    sections = list(dict.fromkeys(SEPARATOR.join(t) for t, _ in trails))
    outline = find_list(sections, section, target)
    opening = _openings(trails, outline) if outline else None
    return (outline, opening) if outline and opening else None


ReadDocument = Callable[[str], list[Chunk]]


def outline_answer(
    answer: Answer, parts: list[tuple[Query, list[Hit]]], read: ReadDocument
) -> Answer:
    """Lead a list answer with the sub-headings that list what it asks for.

    Only when a top passage's heading names what is listed and the answer has no list of its
    own. Each item cites the passage opening its sub-section; the earlier answer's first two
    sentences follow as support.
    """
    if not answer.grounded or any(s.items for s in answer.sentences[:1]):
        return answer
    documents: dict[str, list[Chunk]] = {}  # each document read once, however many hits name it
    for query, hits in parts:
        if query.kind != "list" or not query.target:
            continue
        if answer.sentences and lang.lists_inline(answer.sentences[0].text, query.target):
            return answer  # "set four priorities: a; b; c; and d." gives its own items
        asked = lang.listed_count(query.text, query.target)
        cited = {s.chunk_id for s in answer.sources}
        pool = [h for h in hits if h.chunk.id in cited] + hits[:OUTLINE_HITS]
        found: list[tuple[int, Outline, list[Chunk]]] = []
        for hit in list({h.chunk.id: h for h in pool}.values()):
            if not any(names(h, query.target) for h in split_trail(hit.chunk.section)):
                continue
            doc_id = hit.chunk.doc_id
            if doc_id not in documents:
                documents[doc_id] = read(doc_id)
            got = list_in(documents[doc_id], hit.chunk.section, query.target)
            if got is None or names_an_item(got[0], query.text):
                continue  # "the drugs strand's priorities" asks inside one item, not for them all
            if asked not in (None, got[0].count):
                continue  # asked for "the 4 priorities", this list has six
            found.append((named_by(got[0], hit.chunk.title, query.text), *got))
        if found:  # the list of the body or document the question names; else the first found
            _, outline, opening = max(found, key=lambda f: f[0])
            return _lead_with(answer, outline, opening, hits)
    return announced(answer, parts[0][1] if parts else [], read)


def announced(answer: Answer, hits: list[Hit], read: ReadDocument) -> Answer:
    """Lead with the items the answer's first sentence announces, when headings hold them.

    "The partnership is asked to agree the following eight recommendations." is a sentence
    about a list; its items are the sub-headings under the passage's heading ("Recommendation
    1: ..."). The list must have as many items as the sentence says.
    """
    first = answer.sentences[0] if answer.grounded and answer.sentences else None
    said = lang.announced_list(first.text) if first and first.citations else None
    if first is None or said is None or first.items:
        return answer
    noun, count = said
    source = next((s for s in answer.sources if s.n == first.citations[0]), None)
    got = list_in(read(source.doc_id), source.section, noun) if source else None
    if got is None or count not in (None, got[0].count):
        return answer
    return _lead_with(answer, got[0], got[1], hits)


def named_by(outline: Outline, title: str, question: str) -> int:
    """How many of the question's words name the list's document or holding heading.

    "The Combating Drugs Partnership's priorities" are those of its own annual report, not the
    priorities of another plan that a passage about drugs also sits under.
    """
    return len(lang.terms(question) & lang.terms(" ".join((title, *outline.holder))))


def _lead_with(answer: Answer, outline: Outline, opening: list[Chunk], hits: list[Hit]) -> Answer:
    """The answer with the heading list first, sources renumbered from it."""
    scores = {h.chunk.id: h for h in hits}
    numbers: dict[str, int] = {}
    for chunk in opening:
        numbers.setdefault(chunk.id, len(numbers) + 1)
    intro = strip_numbering(outline.holder[-1]) if outline.holder else opening[0].title
    items = outline.texts
    lead = AnswerSentence(
        f"{intro}: " + "; ".join(items) + ".",
        tuple(numbers[c.id] for c in opening),
        1.0,
        items=items,
        headings=True,
    )
    old = {s.n: s for s in answer.sources}
    remap: dict[int, int] = {}
    support = []
    for sentence in answer.sentences[:2]:
        for n in sentence.citations:
            remap[n] = numbers.setdefault(old[n].chunk_id, len(numbers) + 1)
        cites = tuple(remap[n] for n in sentence.citations)
        support.append(replace(sentence, citations=cites, role="support"))
    chunk_of = {c.id: c for c in opening} | {s.chunk_id: s for s in answer.sources}
    sources = []
    for cid, n in numbers.items():
        got = chunk_of[cid]
        if isinstance(got, Chunk):
            hit = scores.get(cid) or Hit(got, 0.0)
            sources.append(make_source(n, hit))
        else:
            sources.append(replace(got, n=n))
    sentences = [lead, *support]
    notice = re.sub(
        r"\[(\d+)\]", lambda m: f"[{remap.get(int(m.group(1)), m.group(1))}]", answer.notice
    )
    if (older := superseded_notice(sources)) and older not in notice:
        notice = " ".join(x for x in (notice, older) if x)
    return replace(
        answer, text=render(sentences), sentences=sentences, sources=sources, notice=notice
    )
