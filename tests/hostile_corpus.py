"""A generated corpus of many good documents and every kind of hostile or broken file.

`write_hostile_corpus(root)` writes it and returns what each bad file should be reported for.
Every hostile file is built here from scratch (no fixtures checked in): the bombs are small on
disk and only large once unpacked.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
TOPICS = [
    ("serious violence", "violence in public spaces", "Serious Violence Duty"),
    ("drugs", "drug-related deaths", "Combating Drugs Partnership"),
    ("reoffending", "people leaving prison", "Reducing Reoffending Board"),
    ("domestic abuse", "repeat victims", "Domestic Abuse Board"),
    ("anti-social behaviour", "town centres at night", "Community Safety Partnership"),
    ("counter terrorism", "referrals to Prevent", "Prevent Board"),
]
PLACES = ["Allerdale", "Barrow", "Carlisle", "Copeland", "Eden", "South Lakeland", "Kendal"]


def good_text(i: int) -> tuple[str, str]:
    """Return (title, body) of good document number i: a few sentences, unique figures."""
    topic, focus, board = TOPICS[i % len(TOPICS)]
    place = PLACES[i % len(PLACES)]
    title = f"{place} {topic} briefing {i}"
    body = (
        f"The {board} met in {place} to review {topic} in quarter {i % 4 + 1}. "
        f"It recorded {100 + i * 7} incidents linked to {focus}, against {90 + i * 5} a year "
        f"earlier. Partners agreed action {i} on {focus} and will report back in {2025 + i % 3}."
    )
    return title, body


def write_good(root: Path, count: int = 190) -> list[str]:
    """Write `count` good documents (Markdown, text, HTML, DOCX, PDF); return their names."""
    names = []
    for i in range(count):
        title, body = good_text(i)
        if i % 40 == 7:
            name = f"good-{i:03d}.docx"
            _write_docx(root / name, title, body)
        elif i % 40 == 17:
            name = f"good-{i:03d}.pdf"
            _write_pdf(root / name, title, body)
        elif i % 20 == 3:
            name = f"good-{i:03d}.html"
            html = f"<html><body><h1>{title}</h1><h2>Summary</h2><p>{body}</p></body></html>"
            (root / name).write_text(html, encoding="utf-8")
        elif i % 3 == 0:
            name = f"good-{i:03d}.txt"
            (root / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        else:
            name = f"good-{i:03d}.md"
            (root / name).write_text(f"# {title}\n\n## Summary\n\n{body}\n", encoding="utf-8")
        names.append(name)
    return names


def _write_docx(path: Path, title: str, body: str) -> None:
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    document.add_heading("Summary", level=1)
    document.add_paragraph(body)
    document.save(str(path))


def _write_pdf(path: Path, title: str, body: str) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"]), Paragraph(body, styles["Normal"])]
    SimpleDocTemplate(str(path)).build(story)


def pdf_with_content(stream: bytes, filters: str = "/FlateDecode") -> bytes:
    """Return a one-page PDF whose content stream is `stream` (already encoded), xref correct."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} /Filter {filters} >>\nstream\n".encode()
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.writelines(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_bomb(unpacked_mb: int = 300) -> bytes:
    """A PDF whose one content stream inflates from a few hundred KB to `unpacked_mb` MB."""
    packer = zlib.compressobj(9)
    block = b" " * MB
    packed = b"".join(packer.compress(block) for _ in range(unpacked_mb)) + packer.flush()
    return pdf_with_content(packed)


def broken_xref_pdf(good: bytes) -> bytes:
    """Return a PDF whose cross-reference table points at the wrong offsets."""
    head, _, tail = good.rpartition(b"startxref")
    start = head.rfind(b"\nxref\n")
    table = head[start:].replace(b"0000000", b"0000001")  # every offset moves by 1,000 bytes
    return head[:start] + table + b"startxref" + tail


def encrypted_pdf(good: bytes) -> bytes:
    """Return `good` encrypted with a user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_zip_bomb(path: Path, good_docx: Path, unpacked_mb: int = 60) -> None:
    """Copy a good DOCX and add a part of zeros that compresses about 1000 to 1."""
    _copy_zip(good_docx, path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as part:
            for _ in range(unpacked_mb):
                part.write(bytes(MB))


def docx_entity_bomb(path: Path, good_docx: Path) -> None:
    """Copy a good DOCX with a "billion laughs" DOCTYPE put into word/document.xml."""
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    doctype = f"<!DOCTYPE w:document [{''.join(laughs)}]>".encode()
    with zipfile.ZipFile(good_docx) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                decl_end = data.index(b"?>") + 2
                data = (
                    data[:decl_end] + doctype + data[decl_end:].replace(b"<w:t>", b"<w:t>&lol9;", 1)
                )
            dst.writestr(info, data)


def _copy_zip(src: Path, dst: Path) -> None:
    dst.write_bytes(src.read_bytes())


def deep_html(depth: int = 100_000) -> str:
    """HTML nested `depth` elements deep, with text at the bottom."""
    return "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"


def slow_html(tags: int = 1_500_000) -> str:
    """An HTML page of many tiny paragraphs: under the size limit, slow and large to parse."""
    return "<html><body>" + "<p>a</p>" * tags + "</body></html>"


def write_hostile(root: Path, outside: Path) -> dict[str, str]:
    """Write the hostile and broken files; return {reported name: a regex its reason matches}.

    `outside` is a folder beside (not inside) the corpus, for the symlink's target.
    """
    scratch = root.parent / "scratch"
    scratch.mkdir(exist_ok=True)
    _write_docx(scratch / "base.docx", "Base", "A base document for the broken copies.")
    _write_pdf(scratch / "base.pdf", "Base", "A base document for the broken copies.")
    good_pdf = (scratch / "base.pdf").read_bytes()
    expect = {}
    (root / "bomb.pdf").write_bytes(pdf_bomb())
    expect["bomb.pdf"] = "limit"
    docx_zip_bomb(root / "zip-bomb.docx", scratch / "base.docx")
    expect["zip-bomb.docx"] = "zip bomb"
    docx_entity_bomb(root / "entities.docx", scratch / "base.docx")
    expect["entities.docx"] = "DOCTYPE"
    (root / "broken-xref.pdf").write_bytes(broken_xref_pdf(good_pdf))
    expect["broken-xref.pdf"] = "cross-reference"
    (root / "encrypted.pdf").write_bytes(encrypted_pdf(good_pdf))
    expect["encrypted.pdf"] = "encrypted"
    with (root / "huge.txt").open("wb") as fh:
        line = b"The partnership met again and agreed the same actions as before.\n"
        fh.write(line * (50 * MB // len(line) + 1))
    expect["huge.txt"] = "MB limit"
    (root / "binary.txt").write_bytes(random.Random(7).randbytes(64 * 1024))
    expect["binary.txt"] = "binary"
    (root / "one-line.txt").write_text("word " * (MB + 10), encoding="utf-8")
    expect["one-line.txt"] = "a line of"
    (root / "deep.html").write_text(deep_html(), encoding="utf-8")
    expect["deep.html"] = "no text|nested|longer than|needed more|stopped"
    (root / "slow.html").write_text(slow_html(), encoding="utf-8")
    expect["slow.html"] = "longer than|needed more|stopped"  # the time or memory limit
    (outside / "secret.md").write_text("# Secret\n\nNot for the index.\n", encoding="utf-8")
    os.symlink(outside / "secret.md", root / "link.md")
    expect["link.md"] = "outside the corpus"
    (root / "evil\x1b[2J\x07name.md").write_text("# Evil\n\nA name that clears the screen.\n")
    expect["evil\\x1b[2J\\x07name.md"] = "control characters"
    (root / "empty.md").write_bytes(b"")
    expect["empty.md"] = "empty"
    return expect


def write_hostile_corpus(root: Path, outside: Path, good: int = 190) -> tuple[list[str], dict]:
    """Write good and hostile files into root; return (good names, {bad name: reason word})."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    return write_good(root, good), write_hostile(root, outside)
