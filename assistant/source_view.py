"""Source view: a cited passage + its file -> the page or section it came from, highlighted.

No Streamlit here: assistant/ui_source.py shows what these functions return.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import DocumentError
from assistant.loaders import LOADERS
from assistant.ui_format import escape_markdown

SCALE = 2.0  # 144 dpi: an A4 page is about 1190 px wide, readable on screen
HIGHLIGHT = (255, 196, 0, 96)  # translucent amber over the cited words
OUTLINE = (191, 120, 0, 255)  # an edge too, so the highlight does not rely on colour alone
EDGE = (150, 150, 150, 255)  # the page's edge, so a white page stands out from the app
_WORD = re.compile(r"\w", re.UNICODE)
_PIECES = re.compile(r"\s*[|;:]\s*")  # a table row's label and cells, a list's items
_NEAR = 400  # a row's cells must follow its label within this many letters and digits
_OPENING = set("([{\"'\u2018\u201c\u00a3$")
_CLOSING = set(")]}\"'\u2019\u201d.,;:!?%")
SECTION_CHARS = 3000
# PDFium is not thread-safe (pypdfium2's docs), and the app serves each session on its own thread
_PDFIUM = threading.Lock()  # a section longer than this is shown as the blocks around the passage


@dataclass(frozen=True)
class PageView:
    """A PDF page as a PNG, with the cited sentences' boxes (pixels) drawn on it."""

    png: bytes
    width: int
    height: int
    boxes: tuple[tuple[float, float, float, float], ...]  # left, top, right, bottom
    located: int  # how many of the cited sentences were found on the page
    wanted: int
    caption: str


@dataclass(frozen=True)
class SectionView:
    """The blocks of a section around a passage, as safe Markdown with the sentences marked."""

    markdown: str
    found: bool
    caption: str


def _letters(text: str) -> tuple[str, list[int]]:
    """Keep only letters and digits, lower-cased, with each one's index in `text`.

    PDF text extraction differs from the chunk's text in spaces, line breaks, hyphens at line
    ends, bullets and quote marks; letters and digits are what both share.
    """
    index = [i for i, ch in enumerate(text) if _WORD.match(ch) and ch != "_"]
    return "".join(text[i] for i in index).casefold(), index


def locate(text: str, sentence: str) -> list[tuple[int, int]]:
    """Find a sentence in `text`; return the character spans (start, end) it covers.

    The whole sentence is looked for first. A table row ("Label | Column: value") or a list
    sentence ("Intro: a; b") is not contiguous on a page (the column heading sits above the
    row), so it falls back to its label, then each later piece found near it.
    """
    hay, index = _letters(text)
    needle, _ = _letters(sentence)
    if not needle or not hay:
        return []
    at = hay.find(needle)
    if at >= 0:
        return [_widen(text, index[at], index[at + len(needle) - 1] + 1)]
    return [_widen(text, a, b) for a, b in _locate_pieces(hay, index, sentence)]


def locate_near(text: str, sentence: str, near: tuple[int, int]) -> list[tuple[int, int]]:
    """Like `locate`, but look inside the `near` span first (the passage the sentence is from)."""
    start, end = near
    inside = [(a + start, b + start) for a, b in locate(text[start:end], sentence)]
    return inside or locate(text, sentence)


def _extent(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return (spans[0][0], spans[-1][1]) if spans else None


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the punctuation that opens or closes the words found: "(CCSNA)." not "(CCSNA"."""
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return start, end


def _locate_pieces(hay: str, index: list[int], sentence: str) -> list[tuple[int, int]]:
    pieces = [_letters(p)[0] for p in _PIECES.split(sentence.removeprefix("- "))]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or len(pieces[0]) < 4:
        return []
    at = hay.find(pieces[0])
    if at < 0:
        return []
    spans, cursor = [], at
    for piece in pieces:
        found = hay.find(piece, cursor, cursor + _NEAR + len(piece))
        if found >= 0:
            spans.append((index[found], index[found + len(piece) - 1] + 1))
            cursor = found + len(piece)
    return spans if len(spans) > 1 else []


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file (the cache key: a changed file is rendered afresh)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_view(
    path: Path, page: int, sentences: list[str], quote: str = "", scale: float = SCALE
) -> PageView:
    """Render one page of a PDF with the cited sentences highlighted.

    Args:
        path: the PDF.
        page: the page number, from 1.
        sentences: the cited sentences (or the passage) to highlight.
        quote: the passage they come from: a sentence is looked for there first.
        scale: pixels per PDF point.

    Raises:
        DocumentError: the file or the page cannot be read.
    """
    wanted = tuple(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    return _page_view(file_digest(path), str(path), page, wanted, quote, scale)


@functools.lru_cache(maxsize=32)  # per (file hash, page, sentences): PNGs of a few hundred KB
def _page_view(
    digest: str, path: str, page: int, sentences: tuple[str, ...], quote: str, scale: float
) -> PageView:
    import pypdfium2 as pdfium

    with _PDFIUM:
        return _render_page(pdfium, path, page, sentences, quote, scale)


def _render_page(
    pdfium: Any, path: str, page: int, sentences: tuple[str, ...], quote: str, scale: float
) -> PageView:
    name = Path(path).name
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"cannot open {name} to show page {page}: re-export it") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise DocumentError(f"{name} has no page {page}: re-index the corpus")
        return _draw_page(pdf[page - 1], page, sentences, quote, scale)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"cannot show page {page} of {name}: re-export it") from exc
    finally:
        pdf.close()


def _draw_page(
    pg: object, page: int, sentences: tuple[str, ...], quote: str, scale: float
) -> PageView:
    from PIL import Image, ImageDraw

    rects, located = _sentence_rects(pg, sentences, quote)
    left, _, _, top = pg.get_bbox()  # type: ignore[attr-defined]
    boxes = tuple(
        (
            (x0 - left) * scale - 2,
            (top - y1) * scale - 2,
            (x1 - left) * scale + 2,
            (top - y0) * scale + 2,
        )
        for x0, y0, x1, y1 in rects
    )
    image = pg.render(scale=scale).to_pil().convert("RGBA")  # type: ignore[attr-defined]
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.rectangle((0, 0, image.width - 1, image.height - 1), outline=EDGE, width=2)  # page edge
    for box in boxes:
        draw.rectangle(box, fill=HIGHLIGHT, outline=OUTLINE, width=2)
    out = io.BytesIO()
    Image.alpha_composite(image, layer).convert("RGB").save(out, format="PNG", optimize=False)
    return PageView(
        out.getvalue(),
        image.width,
        image.height,
        boxes,
        located,
        len(sentences),
        _page_caption(page, located, len(sentences)),
    )


def _sentence_rects(
    pg: object, sentences: tuple[str, ...], quote: str
) -> tuple[list[tuple[float, float, float, float]], int]:
    """The rectangles (PDF points, one per line) of each sentence found on the page."""
    if pg.get_rotation():  # type: ignore[attr-defined]
        return [], 0  # boxes are in unrotated page space: not drawn rather than drawn wrongly
    textpage = pg.get_textpage()  # type: ignore[attr-defined]
    import pypdfium2.raw as raw

    # one character per char index (get_text_range may merge or drop some), so spans map back
    count = textpage.count_chars()
    text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
    near = _extent(locate(text, quote)) or (0, len(text))
    rects, located = [], 0
    for sentence in sentences:
        spans = locate_near(text, sentence, near)
        located += bool(spans)
        for start, end in spans:
            n = textpage.count_rects(start, end - start)  # pdfium merges characters by line
            rects += [textpage.get_rect(i) for i in range(n)]
    return rects, located


def _page_caption(page: int, located: int, wanted: int) -> str:
    if wanted and located == wanted:
        return f"Page {page}: the cited text is highlighted."
    if located:
        return f"Page {page}: {located} of {wanted} cited sentences found and highlighted."
    return (
        f"Page {page}: the cited text could not be located on this page, so nothing is highlighted."
    )


def section_view(path: Path, section: str, quote: str, sentences: list[str]) -> SectionView:
    """The section a passage comes from, around the passage, with the sentences highlighted.

    Args:
        path: a DOCX, HTML, Markdown or text file of the corpus.
        section: the chunk's heading trail.
        quote: the chunk's passage.
        sentences: the cited sentences (the passage itself when empty).

    Raises:
        DocumentError: the file cannot be read.
    """
    blocks = _section_blocks(file_digest(path), str(path), section)
    joined, starts = _join(blocks)
    spans = locate(joined, quote) or [s for t in sentences for s in locate(joined, t)]
    if not spans:
        return SectionView("", False, "The passage is no longer in this file: re-index it.")
    if len(joined) > SECTION_CHARS:
        first = max(0, _block_at(starts, spans[0][0]) - 1)
        last = min(len(blocks), _block_at(starts, spans[-1][1] - 1) + 2)
        blocks = blocks[first:last]
        joined, starts = _join(blocks)
    near = _extent(locate(joined, quote)) or (0, len(joined))
    marks = [s for t in (sentences or [quote]) for s in locate_near(joined, t, near)]
    where = f"section {section}" if section else "the document"
    shown = "Around the passage in" if len(blocks) > 1 else "In"
    return SectionView(_marked(blocks, starts, marks), True, f"{shown} {where}:")


@functools.lru_cache(maxsize=16)  # per (file hash, section)
def _section_blocks(digest: str, path: str, section: str) -> tuple[str, ...]:
    loader = LOADERS.get(Path(path).suffix.lower())
    if loader is None:
        raise DocumentError(f"cannot show {Path(path).name}: unsupported file type")
    passages, _, _ = loader(Path(path))
    blocks = [
        (p.section, block)
        for p in passages
        for block in re.split(r"\n\s*\n", p.text)
        if block.strip()
    ]
    return tuple(b for sec, b in blocks if sec == section) or tuple(b for _, b in blocks)


def _join(blocks: tuple[str, ...] | list[str]) -> tuple[str, list[int]]:
    starts, at = [], 0
    for block in blocks:
        starts.append(at)
        at += len(block) + 2
    return "\n\n".join(blocks), starts


def _block_at(starts: list[int], pos: int) -> int:
    return max(i for i, start in enumerate(starts) if start <= pos)


def _marked(blocks: tuple[str, ...], starts: list[int], marks: list[tuple[int, int]]) -> str:
    """Blocks as Markdown: all text escaped; marked spans bold on an orange background.

    Lines keep their breaks (a table's rows, a file's own wrapping); "- " lines stay a list.
    """
    out = []
    for block, start in zip(blocks, starts, strict=True):
        spans = [(max(a, start) - start, min(b, start + len(block)) - start) for a, b in marks]
        spans = sorted((a, b) for a, b in spans if a < b)
        text, prev = "", None
        for line_start, line in _lines(block):
            bullet = line.startswith("- ")
            marked = _mark_line(line, line_start, spans, skip=2 if bullet else 0)
            if prev is not None:  # a list item after a list item; a break between lines
                text += "\n" if bullet and prev else "\n\n" if bullet or prev else "  \n"
            text += ("- " if bullet else "") + marked
            prev = bullet
        out.append(text)
    return "\n\n".join(out)


def _lines(block: str) -> list[tuple[int, str]]:
    found, at = [], 0
    for line in block.split("\n"):
        found.append((at, line))
        at += len(line) + 1
    return found


def _mark_line(line: str, offset: int, spans: list[tuple[int, int]], skip: int = 0) -> str:
    """One line, escaped, with the parts inside spans wrapped in a highlight."""
    inside = [False] * len(line)
    for a, b in spans:
        for i in range(max(a - offset, 0), min(b - offset, len(line))):
            inside[i] = True
    out, i = [], skip
    while i < len(line):
        j = i
        while j < len(line) and inside[j] == inside[i]:
            j += 1
        out.append(_highlight(line[i:j]) if inside[i] else escape_markdown(line[i:j]))
        i = j
    return "".join(out)


def _highlight(text: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}:orange-background[**{escape_markdown(core)}**]{trail}"


def pdf_opening_at(path: Path, page: int) -> bytes:
    """Return the PDF with an incremental update that opens it at `page` (original bytes kept).

    The original file is the first part of the result unchanged; the update only sets the
    catalog's OpenAction, which viewers such as Acrobat follow.

    Raises:
        DocumentError: the file cannot be read or has no such page.
    """
    from pypdf import PdfWriter
    from pypdf.errors import PdfReadError

    try:
        writer = PdfWriter(path, incremental=True)
        writer.open_destination = writer.pages[page - 1]
        out = io.BytesIO()
        writer.write(out)
    except (PdfReadError, IndexError, OSError, ValueError, KeyError) as exc:
        raise DocumentError(f"cannot prepare {path.name} to open at page {page}") from exc
    return out.getvalue()
