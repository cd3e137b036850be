"""Suggest: the documents' own headings -> a few questions to start a conversation (pure).

An empty chat shows 3 to 6 questions, each drawn from a different document's section headings:
"5.1 Shoplifting" in the needs assessment -> "What do the documents say about shoplifting?". A
heading that is already a question ("Who decides whether a case goes to Channel?") is asked as
it is. Headings that name no topic (contents, foreword, "What we will do differently", "The
four strands") are left out; of the rest, a document's largest section (most chunks) is its
suggestion.

The question does not repeat the document's title: measured on the sample corpus, "What does
the <title> say about shoplifting?" makes the answerer match the title's words (it answered
four of six such questions with the title page), while the topic alone found the section. The
suggestion keeps the document and heading it came from, for the page to show.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant import language as lang
from assistant.types import date_int

MAX_TOPIC_WORDS = 6
MAX_QUESTION_WORDS = 14


@dataclass(frozen=True)
class Suggestion:
    """A question to start with, and the document heading it was drawn from."""

    question: str
    title: str  # the document's title
    heading: str  # the heading's topic as the document writes it


def topic(section: str) -> str:
    """The topic a section's heading names, or "" when it names none.

    The last heading of the trail is read without its numbering ("5.3 Drug poisoning
    deaths" -> "Drug poisoning deaths"); a heading that is a question is kept whole.
    """
    heading = section.rsplit(" > ", 1)[-1].strip()
    heading = lang.HEADING_NUMBER.sub("", heading).strip()
    if heading.endswith("?"):
        return heading if len(heading.split()) <= MAX_QUESTION_WORDS else ""
    words = heading.split()
    if (
        not words
        or len(words) > MAX_TOPIC_WORDS
        or heading.lower() in lang.GENERIC_HEADINGS
        or lang.CLAUSE_HEADING.match(heading)
        or lang.STRUCTURAL_HEADING.search(heading)
        or any(ch in heading for ch in ":;,()")
        or lang.DIGIT.search(heading)
    ):
        return ""
    return heading


def question(heading: str, names: frozenset[str] = frozenset()) -> str:
    """A question about one heading's topic (a heading that is a question is asked as it is).

    The heading's first word is lower-cased unless the corpus uses it as a name ("County
    lines" -> "county lines"; "Prevent objectives" keeps its capital).
    """
    if heading.endswith("?"):
        return heading
    first, _, rest = heading.partition(" ")
    if first.lower() not in names and not first.isupper():
        heading = " ".join(x for x in (first.lower(), rest) if x)
    return f"What do the documents say about {heading}?"


def best_heading(sections: list[str]) -> str:
    """The topic of a document's largest section that names one ("" when none does).

    Sections are given once per chunk, in document order: the count is the section's size.
    A topic of two words or more wins over a single word ("Drivers" says little out of its
    place); the earlier of two equal sections wins.
    """
    sizes = Counter(topic(s) for s in sections)
    sizes.pop("", None)
    if not sizes:
        return ""
    # max() keeps the first of equals, and a Counter keeps first-seen order
    return max(sizes, key=lambda t: (len(t.split()) > 1, sizes[t]))


def suggest_questions(
    documents: dict[str, dict[str, Any]],
    sections: dict[str, list[str]],
    n: int = 4,
    names: frozenset[str] = frozenset(),
) -> list[Suggestion]:
    """Up to n questions, each from a different document: current ones, newest first.

    Args:
        documents: doc_id -> manifest entry (title, status, published) of readable documents.
        sections: doc_id -> the section of each of its chunks, in document order.
        n: how many questions at most.
        names: the corpus's proper names (lexical.LexicalIndex.names), kept capitalised.
    """
    order = sorted(
        documents,
        key=lambda d: (
            documents[d].get("status") == "superseded",
            -date_int(str(documents[d].get("published") or "")),
            d,
        ),
    )
    out: list[Suggestion] = []
    for doc_id in order:
        heading = best_heading(sections.get(doc_id, []))
        asked = question(heading, names) if heading else ""
        if asked and asked not in {s.question for s in out}:
            out.append(Suggestion(asked, documents[doc_id].get("title") or doc_id, heading))
        if len(out) == n:
            break
    return out
