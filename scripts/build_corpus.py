"""Build the sample corpus's PDF and DOCX files from the Markdown sources in scripts/corpus_src/.

Run: python scripts/build_corpus.py   (needs the dev extras: reportlab, python-docx)
The output is deterministic (fixed creation dates), so rebuilding unchanged sources changes nothing.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "corpus_src"
OUT = ROOT / "corpus"
TARGETS = {
    "svd-strategy-2024": "serious-violence-duty-response-strategy-2024.pdf",
    "svd-strategy-2025": "serious-violence-duty-response-strategy-2025-refresh.pdf",
    "ccsna-2025": "crime-and-community-safety-strategic-needs-assessment-2025.pdf",
    "cdp-annual-report-2024-25": "combating-drugs-partnership-annual-report-2024-25.docx",
    "community-safety-agreement": "community-safety-agreement-2025-2028.docx",
}


@dataclass
class Block:
    """One parsed block of the source subset: heading, paragraph, bullet, table or page break."""

    kind: str  # h1 h2 h3 p li table break
    text: str = ""
    rows: list[list[str]] | None = None


def parse(source: str) -> list[Block]:
    """Parse the Markdown subset used by the corpus sources."""
    blocks: list[Block] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(para)))
            para.clear()
        if table:
            blocks.append(Block("table", rows=[r[:] for r in table]))
            table.clear()

    for raw in source.splitlines():
        line = raw.rstrip()
        if line.strip() == "<!-- pagebreak -->":
            flush()
            blocks.append(Block("break"))
        elif m := re.match(r"^(#{1,3}) (.+)$", line):
            flush()
            blocks.append(Block(f"h{len(m.group(1))}", m.group(2).strip()))
        elif line.startswith("|"):
            if para:
                flush()
            if not re.fullmatch(r"\|?[\s:|-]+\|?", line):
                table.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif line.startswith("- "):
            flush()
            blocks.append(Block("li", line[2:].strip()))
        elif not line.strip():
            flush()
        else:
            if table:
                flush()
            para.append(line.strip())
    flush()
    return blocks


def _inline(text: str) -> str:
    from xml.sax.saxutils import escape

    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text))


def build_pdf(blocks: list[Block], path: Path, title: str) -> None:
    """Write a multi-page PDF with bookmarks per heading and page numbers in the footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable: object) -> None:  # noqa: N802 - reportlab hook
            level = getattr(flowable, "_outline_level", None)
            if level is not None:
                text = flowable.getPlainText()  # type: ignore[attr-defined]
                key = f"h{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(text, key, level=level)

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawString(40, 25, f"{title} - illustrative sample, not an official publication")  # type: ignore[attr-defined]
        canvas.drawRightString(555, 25, f"Page {doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    story: list[object] = []
    heading = {"h1": ("Title", 0), "h2": ("Heading1", 1), "h3": ("Heading2", 2)}
    for b in blocks:
        if b.kind in heading:
            style, level = heading[b.kind]
            para = Paragraph(_inline(b.text), styles[style])
            para._outline_level = level  # type: ignore[attr-defined]
            story.append(para)
        elif b.kind == "p":
            story += [Paragraph(_inline(b.text), styles["BodyText"]), Spacer(1, 4)]
        elif b.kind == "li":
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(_inline(b.text), styles["BodyText"]))],
                    bulletType="bullet",
                    leftIndent=12,
                )
            )
        elif b.kind == "table" and b.rows:
            cells = [[Paragraph(_inline(c), styles["BodyText"]) for c in row] for row in b.rows]
            table = Table(cells, repeatRows=1, hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story += [table, Spacer(1, 8)]
        elif b.kind == "break" and story:
            story.append(PageBreak())
    doc = Doc(
        str(path),
        pagesize=A4,
        title=title,
        author="Safer Cumbria strategy assistant project",
        creator="scripts/build_corpus.py",
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(blocks: list[Block], path: Path, title: str) -> None:
    """Write a Word file with real heading styles, bullet lists, tables and page breaks."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Safer Cumbria strategy assistant project"
    for b in blocks:
        if b.kind == "break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif b.kind in ("h1", "h2", "h3"):
            document.add_heading(b.text, level={"h1": 0, "h2": 1, "h3": 2}[b.kind])
        elif b.kind == "table" and b.rows:
            table = document.add_table(rows=len(b.rows), cols=max(len(r) for r in b.rows))
            table.style = "Table Grid"
            for r, row in enumerate(b.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value.replace("**", "")
        else:
            style = "List Bullet" if b.kind == "li" else None
            document.add_paragraph(b.text.replace("**", ""), style=style)
    document.save(str(path))


def main() -> int:
    """Build every target whose source exists."""
    for doc_id, name in TARGETS.items():
        src = SRC / f"{doc_id}.md"
        if not src.is_file():
            print(f"skip {doc_id}: no {src.relative_to(ROOT)}", file=sys.stderr)
            continue
        blocks = parse(src.read_text(encoding="utf-8"))
        title = next((b.text for b in blocks if b.kind == "h1"), doc_id)
        out = OUT / name
        (build_pdf if name.endswith(".pdf") else build_docx)(blocks, out, title)
        print(f"built {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
