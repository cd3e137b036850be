"""Loaders: one corpus file -> passages with heading trail and page.

Markdown goes through LangChain's MarkdownHeaderTextSplitter. PDF, DOCX and HTML use pypdf,
python-docx and BeautifulSoup directly: LangChain's PyPDFLoader drops the outline (so no
section), Docx2txtLoader drops headings and flattens tables, and HTMLHeaderTextSplitter loses
table structure; each of those was tried on the sample corpus and lost metadata we cite.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import DocumentError
from assistant.types import Passage

TRAIL_SEP = " > "
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, falling back to cp1252; return (text, warning)."""
    if b"\x00" in data[:4096]:
        raise DocumentError("binary content in a text file: check the file type")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8: decoded as Windows-1252"


def linearize_table(rows: list[list[str]]) -> str:
    """Turn a table (first row = column labels) into lines that keep row and column labels."""
    rows = [[c.strip() for c in row] for row in rows if any(c.strip() for c in row)]
    if len(rows) < 2:
        return "\n".join(" | ".join(r) for r in rows)
    header, lines = rows[0], []
    for row in rows[1:]:
        cells = [f"{h}: {v}" for h, v in zip(header[1:], row[1:], strict=False) if v]
        lines.append(f"{row[0]} | " + "; ".join(cells) if cells else row[0])
    return "\n".join(lines)


def _linearize_markdown_tables(text: str) -> str:
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if _TABLE_ROW.match(line):
            if not _TABLE_RULE.match(line):
                table.append(line.strip().strip("|").split("|"))
            continue
        if table:
            out.append(linearize_table(table))
            table = []
        out.append(line)
    return "\n".join(out).strip()


def load_markdown(path: Path) -> tuple[list[Passage], str, int | None]:
    """Load Markdown (or plain text) keeping the heading trail."""
    from langchain_text_splitters import MarkdownHeaderTextSplitter

    text, warning = decode_text(path.read_bytes())
    headers = [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")]
    splitter = MarkdownHeaderTextSplitter(headers, strip_headers=True)
    passages = []
    for doc in splitter.split_text(text):
        trail = TRAIL_SEP.join(doc.metadata[k] for k in ("h2", "h3", "h4") if k in doc.metadata)
        body = _linearize_markdown_tables(doc.page_content)
        if body:
            passages.append(Passage(body, trail or doc.metadata.get("h1", ""), None))
    return passages, warning, None


def load_text(path: Path) -> tuple[list[Passage], str, int | None]:
    """Load plain text: one passage per blank-line-separated block."""
    text, warning = decode_text(path.read_bytes())
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text)]
    return [Passage(b) for b in blocks if b], warning, None


def _pdf_outline(reader: object) -> list[tuple[str, int, tuple[str, ...]]]:
    """Flatten the PDF outline into (title, page index, trail)."""
    found: list[tuple[str, int, tuple[str, ...]]] = []

    def walk(items: Iterable[object], parents: tuple[str, ...]) -> None:
        last: tuple[str, ...] = parents
        for item in items:
            if isinstance(item, list):
                walk(item, last)
                continue
            title = str(getattr(item, "title", "")).strip()
            try:
                page = reader.get_destination_page_number(item)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a broken bookmark must not lose the document
                continue
            last = (*parents, title)
            found.append((title, page, last))

    walk(reader.outline, ())  # type: ignore[attr-defined]
    return found


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def limit_pdf_streams(max_bytes: int) -> None:
    """Cap what any one PDF stream may inflate to, for this process (pypdf >= 6.4 Configuration).

    pypdf's own default is 75 MB per stream; the parse worker sets ASSISTANT_MAX_UNPACKED_MB.
    """
    from pypdf import overwrite_configuration

    overwrite_configuration(
        zlib_maximum_output_length=max_bytes,
        lzw_maximum_output_length=max_bytes,
        run_length_maximum_output_length=max_bytes,
        brotli_maximum_output_length=max_bytes,
        array_based_stream_maximum_output_length=max_bytes,
        maximum_declared_stream_length=max_bytes,
    )


@contextmanager
def _pdf_repairs() -> Iterator[list[str]]:
    """Collect pypdf's warnings about a damaged file (it repairs and logs instead of raising)."""
    said: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield said
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def load_pdf(path: Path) -> tuple[list[Passage], str, int | None]:
    """Load a PDF page by page; sections come from the outline (bookmarks)."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    with _pdf_repairs() as repairs:
        try:
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise DocumentError("encrypted PDF: save a copy without a password and re-ingest")
            # Layout mode keeps blank lines between paragraphs and wide gaps between table cells.
            pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
            outline = _pdf_outline(reader)
        except DocumentError:
            raise
        except LimitReachedError as exc:
            raise DocumentError(
                "a PDF stream unpacks past the limit (a decompression bomb?): check the file "
                "or raise ASSISTANT_MAX_UNPACKED_MB"
            ) from exc
        except (PdfReadError, ValueError, OSError, KeyError, TypeError) as exc:
            raise DocumentError(
                f"not a readable PDF ({exc.__class__.__name__}): re-export it"
            ) from exc
    if any("limit" in message.lower() for message in repairs):
        raise DocumentError(
            "a PDF stream unpacks past the limit (a decompression bomb?): check the file "
            "or raise ASSISTANT_MAX_UNPACKED_MB"
        )
    if not any(p.strip() for p in pages):
        raise DocumentError("PDF has no extractable text (scanned?): run OCR first")
    warning = _repair_warning(repairs)
    return _pdf_passages(pages, outline), warning, len(pages)


def _repair_warning(messages: list[str]) -> str:
    if any("xref" in m.lower() or "pointing" in m.lower() for m in messages):
        return "damaged cross-reference table, repaired on reading: check the text or re-export"
    return "damaged PDF, repaired on reading: check the text or re-export" if messages else ""


_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")  # cells are separated by 3+ spaces in layout mode


def _segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _SEGMENT.finditer(line)]


class _TableBuilder:
    """Rebuild table rows from layout-mode lines by column position.

    A line with a cell in every column starts a row; a line with fewer cells is the wrapped
    continuation of the row above, each piece added to the column it sits under.
    """

    def __init__(self, header: list[tuple[int, str]]) -> None:
        self.starts = [pos for pos, _ in header]
        self.rows = [[text for _, text in header]]
        self.header_done = False

    def column(self, pos: int) -> int:
        return max([i for i, start in enumerate(self.starts) if start <= pos + 3] or [0])

    def accepts(self, line: str, after_blank: bool) -> bool:
        segs = _segments(line)
        return len(segs) > 1 or bool(segs) and (not after_blank or segs[0][0] > self.starts[0] + 3)

    def add(self, line: str) -> None:
        segs = _segments(line)
        if len(segs) >= len(self.starts):
            self.header_done = True
            self.rows.append([""] * len(self.starts))
        row = self.rows[-1]
        for pos, text in segs:
            col = self.column(pos)
            row[col] = f"{row[col]} {text}".strip()


# Bullet glyphs as PDF text extraction gives them (some writers' bullet font maps to U+007F).
BULLETS = ("•", "●", "▪", "◦", "\x7f")


def _pdf_blocks(lines: list[str]) -> list[str]:
    """Group layout-mode lines into paragraphs, bullets and linearized tables."""
    blocks: list[str] = []
    para: list[str] = []
    table: _TableBuilder | None = None
    after_blank = False
    for raw in lines + [""]:
        line = raw.strip()
        if table is not None and line and table.accepts(raw, after_blank):
            table.add(raw)
            after_blank = False
            continue
        if table is not None and not line:
            after_blank = True
            continue  # a blank line inside a table (between rows) does not end it
        after_blank = False
        if table is not None:
            blocks.append(linearize_table(table.rows))
            table = None
        if len(_segments(raw)) > 1:
            if para:
                blocks.append(_reflow(para))
                para = []
            table = _TableBuilder(_segments(raw))
        elif not line or line.startswith(BULLETS):
            if para:
                blocks.append(_reflow(para))
            para = ["- " + line.lstrip("".join(BULLETS) + " ")] if line else []
        else:
            para.append(line)
    if table is not None:
        blocks.append(linearize_table(table.rows))
    if para:
        blocks.append(_reflow(para))
    return [b for b in blocks if b.strip()]


def _reflow(lines: list[str]) -> str:
    # reportlab and most PDF writers wrap hyphenated words at the hyphen: keep it, drop the space
    return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(lines))


def _pdf_passages(
    pages: list[str], outline: list[tuple[str, int, tuple[str, ...]]]
) -> list[Passage]:
    page_lines = [text.splitlines() for text in pages]
    repeated = Counter(ln.strip() for lines in page_lines for ln in set(lines) if ln.strip())
    furniture = {ln for ln, n in repeated.items() if len(pages) > 2 and n > len(pages) / 2}
    # A single top-level bookmark is the document title: leave it out of the section trail.
    skip = 1 if sum(1 for _, _, t in outline if len(t) == 1) == 1 else 0
    titles = {_norm(t): trail[skip:] for t, _, trail in outline}
    trail: tuple[str, ...] = ()
    passages: list[Passage] = []
    for number, lines in enumerate(page_lines, start=1):
        kept: list[str] = []
        for line in lines + [""]:
            text = line.strip()
            if text in furniture or re.fullmatch(r".*\bPage \d+( of \d+)?", text):
                continue
            if _norm(text) in titles:
                passages += [Passage(b, TRAIL_SEP.join(trail), number) for b in _pdf_blocks(kept)]
                trail, kept = titles[_norm(text)], []
                continue
            kept.append(line)
        passages += [Passage(b, TRAIL_SEP.join(trail), number) for b in _pdf_blocks(kept)]
    return passages


def load_docx(path: Path) -> tuple[list[Passage], str, int | None]:
    """Load a Word file keeping headings, page breaks and tables (as labelled rows)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError("not a valid Word .docx file: re-save it as .docx") from exc
    except Exception as exc:  # noqa: BLE001 - zipfile/lxml raise many types on a corrupt file
        raise DocumentError(f"unreadable .docx ({exc.__class__.__name__}): re-save it") from exc
    trail: list[tuple[int, str]] = []
    page, passages = 1, []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            passages.append(Passage(linearize_table(rows), _trail(trail), page))
            continue
        page += len(block._p.xpath('.//w:br[@w:type="page"]'))
        style = block.style.name if block.style is not None else ""
        level = _heading_level(style)
        text = block.text.strip()
        if level >= 0 and text:
            trail = [(lv, t) for lv, t in trail if lv < level] + [(level, text)]
        elif text:
            numbered = block._p.pPr is not None and block._p.pPr.numPr is not None
            bullet = "- " if style.startswith("List") or numbered else ""
            passages.append(Passage(bullet + text, _trail(trail), page))
    return passages, "", page


def _heading_level(style: str) -> int:
    if style == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else -1


def _trail(trail: list[tuple[int, str]]) -> str:
    """Join a heading trail, leaving out the document title (level 0)."""
    return TRAIL_SEP.join(t for lv, t in trail if lv > 0)


def load_html(path: Path) -> tuple[list[Passage], str, int | None]:
    """Load an HTML page: headings build the trail; nav, footer and scripts are dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "aside", "noscript", "form"]):
        tag.decompose()
    blocks = ["h1", "h2", "h3", "h4", "p", "li", "table", "pre", "blockquote", "dt", "dd"]
    trail: list[tuple[int, str]] = []
    passages = []
    for el in (soup.body or soup).find_all(blocks):
        if el.find_parent(["li", "table", "blockquote", "p"]):
            continue
        if el.name in ("h1", "h2", "h3", "h4"):
            level, text = int(el.name[1]) - 1, el.get_text(" ", strip=True)
            trail = [(lv, t) for lv, t in trail if lv < level] + [(level, text)]
        elif el.name == "table":
            rows = [
                [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
                for tr in el.find_all("tr")
            ]
            passages.append(Passage(linearize_table(rows), _trail(trail), None))
        elif text := el.get_text(" ", strip=True):
            passages.append(Passage(("- " if el.name == "li" else "") + text, _trail(trail), None))
    return passages, "", None


LOADERS: dict[str, Callable[[Path], tuple[list[Passage], str, int | None]]] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}


def pdf_page_text(path: Path, page: int) -> str:
    """Return one page of a PDF as laid-out text (for showing a cited page).

    Raises:
        DocumentError: the file or page cannot be read.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        return reader.pages[page - 1].extract_text(extraction_mode="layout") or ""
    except (PdfReadError, IndexError, OSError, ValueError) as exc:
        raise DocumentError(f"cannot show page {page} of {path.name}") from exc
