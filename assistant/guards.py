"""Guards: a corpus file -> a reason to refuse it before (or right after) a parser reads it.

These checks are cheap and run before the libraries that would otherwise pay the cost: the zip
directory of a DOCX is read before python-docx inflates it, its XML parts are scanned for
DOCTYPE/ENTITY declarations before lxml parses them, and a symlink is resolved before it is read.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from assistant.errors import DocumentError
from assistant.types import Passage

_MB = 1024 * 1024
_XML_READ = 1 << 16  # bytes per read when scanning a DOCX part
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def printable(text: str) -> str:
    r"""Escape control and format characters, so a name printed can't drive the terminal.

    Cc (ESC, BEL, CR, newlines...) and Cf (bidi overrides such as U+202E) become \xNN or
    \uNNNN; everything else, accents included, is kept.
    """
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def check_path(path: Path, corpus_dir: Path) -> str:
    """Return why a corpus path must not be read ("" when it may be).

    Refused: a name with control or format characters (it would be printed in reports), and a
    symlink that resolves outside the corpus folder (ingest would read and index any file the
    process can read, e.g. /etc/passwd).
    """
    rel = path.relative_to(corpus_dir).as_posix()
    if printable(rel) != rel:
        return "file name has control characters: rename it"
    target = path.resolve()
    if not target.is_relative_to(corpus_dir.resolve()):
        return (
            f"symlink pointing outside the corpus folder (to {printable(str(target))}): "
            "copy the file into the corpus instead"
        )
    return ""


def check_zip(path: Path, max_unpacked_mb: float, max_ratio: float) -> None:
    """Refuse a zip (DOCX) bomb from its directory, before anything is inflated.

    zipfile never returns more than an entry's declared size, so the declared sizes bound what
    python-docx can inflate: their total and their ratio to the file size are what we check.

    Raises:
        DocumentError: not a zip, or it would unpack past the limits.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError("not a valid Word .docx file: re-save it as .docx") from exc
    unpacked = sum(i.file_size for i in infos)
    packed = max(path.stat().st_size, 1)
    if unpacked > max_unpacked_mb * _MB:
        raise DocumentError(
            f"unpacks to {unpacked / _MB:,.0f} MB, above the {max_unpacked_mb:g} MB limit "
            "(a zip bomb?): check the file or raise ASSISTANT_MAX_UNPACKED_MB"
        )
    if unpacked > _MB and unpacked / packed > max_ratio:
        raise DocumentError(
            f"compressed {unpacked / packed:,.0f} to 1, above the {max_ratio:g} to 1 limit "
            "(a zip bomb?): check the file or raise ASSISTANT_MAX_ZIP_RATIO"
        )


def check_docx_xml(path: Path) -> None:
    """Refuse a DOCX whose XML declares a DOCTYPE or entities.

    Word never writes them; they are how entity-expansion ("billion laughs") and external-entity
    attacks reach a parser. python-docx's lxml parser has resolve_entities=False, but refusing
    the declarations keeps us safe whatever a future parser does. Run check_zip first: it bounds
    what is read here.

    Raises:
        DocumentError: a part declares a DOCTYPE or an entity.
    """
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")) and _declares(archive, info):
                raise DocumentError(
                    f"{printable(info.filename)} declares a DOCTYPE or entities (an XML "
                    "entity attack?): re-save the file from Word"
                )


def _declares(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as part:
        while block := part.read(_XML_READ):
            window = (tail + block).upper()
            if any(d in window for d in _DECLARATIONS):
                return True
            tail = block[-16:]
    return False


def check_lines(passages: Iterable[Passage], max_chars: int) -> None:
    """Refuse text with a line longer than any prose (a dump or minified data).

    Raises:
        DocumentError: a passage has a line over max_chars characters.
    """
    for passage in passages:
        longest = max((len(line) for line in passage.text.split("\n")), default=0)
        if longest > max_chars:
            raise DocumentError(
                f"a line of {longest:,} characters (the limit is {max_chars:,}): not prose, "
                "check the file or raise ASSISTANT_MAX_LINE_CHARS"
            )


# Elements that never have an end tag, and ones a new sibling closes (HTML's optional end tags).
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_SELF_CLOSING = frozenset("p li dt dd tr td th option".split())


class _DepthCounter(HTMLParser):
    """Track element nesting the way a browser would, stopping once it passes a limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _VOID:
            return
        if tag in _SELF_CLOSING and self.stack and self.stack[-1] == tag:
            self.stack.pop()
        self.stack.append(tag)
        if len(self.stack) > self.limit:
            raise DocumentError(
                f"HTML nested more than {self.limit:,} elements deep: not a document page, "
                "check the file or raise ASSISTANT_MAX_NESTING"
            )

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def check_html_depth(path: Path, limit: int) -> None:
    """Refuse HTML nested deeper than `limit` before BeautifulSoup builds (and recurses) its tree.

    Raises:
        DocumentError: the nesting passes the limit.
    """
    counter = _DepthCounter(limit)
    counter.feed(path.read_bytes().decode("utf-8", errors="replace"))
    counter.close()
