"""Chunk: Document -> chunks of about 150-350 tokens with stable ids (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from assistant.cite import split_sentences
from assistant.types import Chunk, Document, Passage

CHUNKER_VERSION = "5"  # 2: sentence vectors; 5: list items kept as "- " lines (PDF, DOCX)
MAX_SENTENCES = 48
_SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


def chunk_id(doc_id: str, content: str, ordinal: int) -> str:
    """Return the stable id of a chunk: hash of doc_id + content + ordinal."""
    return hashlib.sha256(f"{doc_id}\x1f{ordinal}\x1f{content}".encode()).hexdigest()[:24]


def _blocks(passages: tuple[Passage, ...]) -> Iterator[tuple[str, str, int | None, int]]:
    """Merge consecutive passages of one section and page; yield (text, section, page, start)."""
    offset, current, start = 0, None, 0
    texts: list[str] = []
    for passage in passages:
        key = (passage.section, passage.page)
        if key != current and texts:
            yield "\n\n".join(texts), current[0], current[1], start  # type: ignore[index]
            texts = []
        if not texts:
            current, start = key, offset
        texts.append(passage.text)
        offset += len(passage.text) + 2
    if texts and current is not None:
        yield "\n\n".join(texts), current[0], current[1], start


def split_document(doc: Document, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Split a document along headings, paragraphs and sentences; never across documents."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=_SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for text, section, page, start in _blocks(doc.passages):
        for piece in splitter.create_documents([text]):
            content = piece.page_content
            begin = start + piece.metadata.get("start_index", 0)
            chunks.append(_make_chunk(doc, content, section, page, len(chunks), begin))
    return chunks


def _make_chunk(
    doc: Document, content: str, section: str, page: int | None, ordinal: int, begin: int
) -> Chunk:
    meta = doc.meta
    return Chunk(
        id=chunk_id(meta.doc_id, content, ordinal),
        doc_id=meta.doc_id,
        text=content,
        title=meta.title,
        section=section,
        page=page,
        ordinal=ordinal,
        char_start=begin,
        char_end=begin + len(content),
        content_hash=hashlib.sha256(content.encode()).hexdigest()[:16],
        status=meta.status,
        published=meta.published,
        strand=meta.strand,
        source=meta.source,
        classification=meta.classification,
        readers=meta.readers,
    )


def embedding_text(chunk: Chunk) -> str:
    """Return the text that is embedded and matched: title and section count towards matching."""
    return f"{heading(chunk)}\n{chunk.text}"


def heading(chunk: Chunk) -> str:
    """Return the chunk's title and section as one line."""
    return f"{chunk.title} — {chunk.section}" if chunk.section else chunk.title


def sentence_units(chunk: Chunk) -> list[str]:
    """The heading and sentences of a chunk, embedded one by one for sentence-level matching.

    A question often matches one sentence of a passage; the best sentence's similarity is
    averaged with the whole chunk's (see retrieve.py). Measured on SciFact train: +1.6 nDCG@10.
    """
    # Unit k is the k-th sentence of split_sentences (unit 0 the heading): answer.py relies on it.
    return ([heading(chunk) or "(untitled)"] + split_sentences(chunk.text))[:MAX_SENTENCES]
