"""Card: an Answer -> the parts of an answer card, escaped and ready to lay out (pure).

The chat page shows the direct answer first, set apart, then the supporting sentences; a list
answer's items as a list; a table answer as a small table with its row label, column headings
and caption; each claim with its citation numbers, which the page turns into buttons that open
the source. An abstention says what the documents lack and lists what they do give.

Every string here that came from a document is plain text (no emphasis markers, no list dash)
escaped for Markdown, so the page only ever renders our own markup. No Streamlit import.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compose import NO_ANSWER, plain
from assistant.types import Answer, AnswerSentence, Source
from assistant.ui_format import escape_markdown

# The sentence compose.abstain ends an abstention with: the card lists the passages instead.
RELATED_NOTE = "The closest passages are listed as related."


@dataclass(frozen=True)
class Table:
    """One table row of an answer, as a one-row table (every string escaped Markdown)."""

    label: str  # the row's label (its first cell)
    columns: tuple[str, ...]  # the headings of the cells shown
    values: tuple[str, ...]  # the cells, in the same order
    caption: str = ""  # the table's caption, so the figures keep their meaning

    def frame(self) -> tuple[list[str], dict[str, list[str]]]:
        """The row as (index, column -> values) for a one-row DataFrame indexed by its label.

        Headings are made unique (a table may repeat one), since a DataFrame needs that.
        """
        data: dict[str, list[str]] = {}
        for column, value in zip(self.columns, self.values, strict=True):
            name = column or "Value"
            while name in data:
                name += "\u2009"  # a thin space: shown the same, unique as a key
            data[name] = [value]
        return [self.label], data

    def markdown(self) -> str:
        """The row as a Markdown table: a blank corner and the headings, then label and cells.

        The page draws it with Streamlit's Markdown, whose code every page has loaded already:
        a dataframe table (st.table) made the browser fetch and parse about ten more scripts
        (Apache Arrow's) before the rest of a first answer could show, 0.4 to 0.5 s here.
        """
        index, data = self.frame()
        return "\n".join(
            _table_row(cells)
            for cells in (
                ["", *data],
                ["---"] * (len(data) + 1),
                [*index, *(v[0] for v in data.values())],
            )
        )


def _table_row(cells: list[str]) -> str:
    """One Markdown table row; a cell's line breaks become spaces (a row is one line)."""
    return "| " + " | ".join(" ".join(c.split()) for c in cells) + " |"


@dataclass(frozen=True)
class Claim:
    """One cited claim of the card: prose, a list with its lead-in, or a table row."""

    text: str  # escaped Markdown ("" for a bare table row)
    citations: tuple[int, ...]
    items: tuple[str, ...] = ()  # escaped list items, shown as a bulleted list
    table: Table | None = None
    quote: str = ""  # the passage's own words (unescaped): what its source highlights

    def markdown(self) -> str:
        """The claim's prose and list as Markdown (the table and citations are laid out apart)."""
        lines = [self.text] if self.text else []
        lines += [f"- {item}" for item in self.items]
        return "\n".join(lines)


@dataclass(frozen=True)
class Card:
    """An answer laid out: the direct answer, its support, and the sources they cite."""

    grounded: bool
    lead: tuple[Claim, ...]  # the direct answer: one claim per part of the question
    support: tuple[Claim, ...] = ()
    missing: str = ""  # an abstention: what the documents don't give (escaped)
    notice: str = ""  # a caveat, e.g. a superseded document (escaped)
    sources: tuple[Source, ...] = ()  # the cited sources, or an abstention's related passages

    def source(self, n: int) -> Source | None:
        """The source numbered n, or None."""
        return next((s for s in self.sources if s.n == n), None)

    def quotes(self, n: int) -> list[str]:
        """The passage words the card's claims took from source n (for its highlight)."""
        return [c.quote for c in (*self.lead, *self.support) if n in c.citations and c.quote]


def build_card(answer: Answer) -> Card:
    """Lay out an answer: its direct answer first, then support; or what is missing."""
    notice = escape_markdown(answer.notice)
    if not answer.grounded:
        return Card(
            False,
            (),
            missing=missing_text(answer.text),
            notice=notice,
            sources=tuple(answer.related),
        )
    sentences = answer.sentences
    if answer.mode == "llm" or not any(s.role == "support" for s in sentences):
        leads = [s for s in sentences if s.role == "answer"][:1] or sentences[:1]
    else:
        leads = [s for s in sentences if s.role == "answer"]
    rest = [s for s in sentences if not any(s is lead for lead in leads)]
    return Card(
        True,
        tuple(claim(s) for s in leads),
        tuple(claim(s) for s in rest),
        notice=notice,
        sources=tuple(answer.sources),
    )


def claim(sentence: AnswerSentence) -> Claim:
    """One answer sentence as a claim: a row as a table, a list with its items apart."""
    quote = sentence.quote or sentence.text
    if sentence.cells:
        return Claim("", sentence.citations, table=table(sentence), quote=quote)
    if sentence.items:
        items = tuple(escape_markdown(_item(i)) for i in sentence.items if _item(i))
        return Claim(escape_markdown(lead_in(sentence)), sentence.citations, items, quote=quote)
    return Claim(escape_markdown(plain(sentence.text)), sentence.citations, quote=quote)


def table(sentence: AnswerSentence) -> Table:
    """A table-row sentence as a one-row table, with the table's caption."""
    columns = tuple(escape_markdown(plain(c)) for c, _ in sentence.cells)
    values = tuple(escape_markdown(plain(v)) for _, v in sentence.cells)
    caption = plain(sentence.context).rstrip(":.")
    return Table(escape_markdown(plain(sentence.label)), columns, values, escape_markdown(caption))


def lead_in(sentence: AnswerSentence) -> str:
    """A list answer's words before its items ("The six priorities are:"), items cut off.

    compose writes a list answer as "Lead-in: a; b; c." with the items repeated in `items`;
    shown as a list, the items would otherwise appear twice.
    """
    text = plain(sentence.text)
    joined = ": " + "; ".join(plain(i).rstrip(";.") for i in sentence.items) + "."
    if text.endswith(joined):
        return text[: -len(joined)] + ":"
    return text


def _item(text: str) -> str:
    """A list item as shown: plain, without the separator the document put after it."""
    return plain(text).rstrip(";,.").strip()


def missing_text(text: str) -> str:
    """What an abstention says the documents lack, as one escaped line.

    "The documents don't cover this. None of them mentions "Glasgow". The closest passages
    are listed as related." -> "None of them mentions "Glasgow"." (the card says the rest).
    """
    reason = text.replace(NO_ANSWER, "").replace(RELATED_NOTE, "").strip()
    return escape_markdown(reason)


def citation_label(n: int) -> str:
    """A citation button's label: "[n]", escaped (a label is Markdown)."""
    return f"\\[{n}\\]"
