"""Types: the frozen dataclasses every stage exchanges."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def date_int(iso: str) -> int:
    """Turn an ISO date (or year) into yyyymmdd for range filters; 0 when unknown."""
    digits = "".join(ch for ch in iso[:10] if ch.isdigit())
    return int(digits.ljust(8, "0")) if len(digits) in (4, 6, 8) else 0


@dataclass(frozen=True)
class DocMeta:
    """Catalog metadata of one document."""

    doc_id: str
    title: str
    source: str  # file name relative to the corpus folder
    publisher: str = ""
    published: str = ""  # ISO date
    status: str = "current"  # current | superseded
    supersedes: str | None = None
    strand: str = "partnership"
    url: str | None = None
    classification: str = "official"  # who may read it: see assistant/access.py
    readers: tuple[str, ...] = ("*",)  # groups allowed to read it; "*" = everyone


@dataclass(frozen=True)
class Passage:
    """A block of text with the heading trail and page it came from."""

    text: str
    section: str = ""
    page: int | None = None


@dataclass(frozen=True)
class PersonalData:
    """A passage that looks like personal data; `masked` shows its shape, never the data."""

    kind: str  # phone | email | ni_number | nhs_number | name_and_address | name_and_birth_date
    masked: str
    page: int | None = None
    section: str = ""

    def where(self) -> str:
        """Return "p. 3, Section" (or the section alone, or "")."""
        parts = ([f"p. {self.page}"] if self.page is not None else []) + [self.section]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class ParseLimits:
    """The bounds one file is parsed within (built from Settings, sent to the parse worker)."""

    timeout_seconds: float = 30.0
    memory_mb: int = 1024
    max_unpacked_mb: float = 200.0
    max_zip_ratio: float = 100.0
    max_line_chars: int = 100_000
    max_nesting: int = 1000
    pii: str = "flag"  # off | flag | block


@dataclass(frozen=True)
class Document:
    """One parsed corpus file."""

    meta: DocMeta
    passages: tuple[Passage, ...]
    file_hash: str
    pages: int | None = None
    warning: str = ""
    personal_data: tuple[PersonalData, ...] = ()

    @property
    def text(self) -> str:
        """Return the whole text, passages joined by blank lines."""
        return "\n\n".join(p.text for p in self.passages)


@dataclass(frozen=True)
class Chunk:
    """A retrievable piece of one document, with everything needed to cite it."""

    id: str
    doc_id: str
    text: str
    title: str
    section: str
    page: int | None
    ordinal: int
    char_start: int
    char_end: int
    content_hash: str
    status: str
    published: str
    strand: str
    source: str = ""
    classification: str = "official"
    readers: tuple[str, ...] = ("*",)

    def metadata(self) -> dict[str, Any]:
        """Return Chroma-compatible metadata (no None values; readers as a string array)."""
        data = asdict(self)
        data.pop("id")
        data.pop("text")
        data["page"] = -1 if self.page is None else self.page
        data["published_int"] = date_int(self.published)
        data["readers"] = list(self.readers)
        return data

    @classmethod
    def from_record(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
        """Rebuild a chunk from a Chroma record."""
        page = meta.get("page", -1)
        fields = {k: meta[k] for k in cls.__dataclass_fields__ if k in meta}
        fields.update(id=chunk_id, text=text, page=None if page in (-1, None) else int(page))
        if "readers" in fields:
            fields["readers"] = tuple(fields["readers"])
        return cls(**fields)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk and its scores."""

    chunk: Chunk
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one corpus file during ingest."""

    source: str
    doc_id: str | None
    action: str  # added | updated | removed | skipped | failed | missing | blocked
    chunks: int = 0
    reason: str = ""
    warning: str = ""
    personal_data: tuple[PersonalData, ...] = ()


@dataclass
class IngestReport:
    """Summary of one ingest run."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    chunks_embedded: int = 0
    seconds: float = 0.0
    rebuilt: bool = False

    def count(self, action: str) -> int:
        """Return how many files had this action."""
        return sum(1 for o in self.outcomes if o.action == action)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "counts": {
                a: self.count(a)
                for a in ("added", "updated", "removed", "skipped", "failed", "missing", "blocked")
            },
            "chunks_embedded": self.chunks_embedded,
            "seconds": round(self.seconds, 3),
            "rebuilt": self.rebuilt,
            "files": [asdict(o) for o in self.outcomes],
        }


@dataclass(frozen=True)
class Source:
    """One numbered source of an answer, with the exact passage quoted."""

    n: int
    doc_id: str
    title: str
    section: str
    page: int | None
    published: str
    status: str
    quote: str
    chunk_id: str
    score: float
    source: str = ""


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of an answer with its citations and how well they support it."""

    text: str
    citations: tuple[int, ...]
    support: float
    verified: bool = True
    context: str = ""  # for a table row: the table's caption, so figures keep their meaning
    role: str = "answer"  # answer (the first line) | support
    items: tuple[str, ...] = ()  # a list answer's items, for the UI to show as bullets
    cells: tuple[tuple[str, str], ...] = ()  # a table answer's (column, value) cells
    label: str = ""  # a table answer's row label
    quote: str = ""  # the passage's own words when the text rewords them (a row as prose)
    headings: bool = False  # a list of sub-headings: item i is the section of citation i


@dataclass
class Answer:
    """What the assistant says, and on what evidence."""

    question: str
    text: str
    sentences: list[AnswerSentence]
    sources: list[Source]
    grounded: bool
    mode: str = "extractive"  # extractive | llm
    condensed_query: str = ""
    notice: str = ""
    related: list[Source] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape printed by `assistant ask --json`."""
        return asdict(self)

    def to_markdown(self) -> str:
        """Render the answer and its numbered references as Markdown."""
        lines = [self.text, ""]
        if self.notice:
            lines += [f"_{self.notice}_", ""]
        label = "Sources" if self.grounded else "Related passages (not an answer)"
        items = self.sources if self.grounded else self.related
        if items:
            lines.append(f"**{label}**")
            lines += [f"{s.n}. {cite_label(s)}" for s in items]
        return "\n".join(lines).strip()


def cite_label(s: Source) -> str:
    """Return "Title, section, p. N (published, status)" for a source."""
    parts = [s.title]
    if s.section:
        parts.append(s.section)
    if s.page is not None:
        parts.append(f"p. {s.page}")
    badge = "SUPERSEDED" if s.status == "superseded" else s.status
    return ", ".join(parts) + f" ({s.published or 'date unknown'}, {badge})"
