from __future__ import annotations

from assistant.chunk import chunk_id, split_document
from assistant.types import DocMeta, Document, Passage

META = DocMeta(doc_id="d1", title="Doc One", source="d1.md", published="2024-01-01")


def _doc(passages: list[Passage]) -> Document:
    return Document(META, tuple(passages), "hash")


def test_chunk_ids_are_stable_and_depend_on_content_and_ordinal() -> None:
    assert chunk_id("d1", "text", 0) == chunk_id("d1", "text", 0)
    assert chunk_id("d1", "text", 0) != chunk_id("d1", "text", 1)
    assert chunk_id("d1", "text", 0) != chunk_id("d2", "text", 0)


def test_chunks_respect_size_and_carry_metadata() -> None:
    sentence = "Serious violence fell in the hotspots after patrols began. "
    doc = _doc([Passage(sentence * 60, "2. Results", 3), Passage("Short tail.", "3. Next", 4)])
    chunks = split_document(doc, chunk_size=600, chunk_overlap=80)
    assert len(chunks) > 3
    assert all(len(c.text) <= 600 for c in chunks)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert chunks[0].section == "2. Results" and chunks[0].page == 3
    assert chunks[-1].section == "3. Next" and chunks[-1].page == 4
    full = doc.text
    for c in chunks:
        assert full[c.char_start : c.char_end] == c.text


def test_rechunking_unchanged_text_gives_identical_ids() -> None:
    doc = _doc([Passage("Alpha beta gamma. " * 100, "S", 1)])
    first = [c.id for c in split_document(doc, 500, 50)]
    assert first == [c.id for c in split_document(doc, 500, 50)]
