"""A tiny corpus covering every format and every bad-input case."""

from __future__ import annotations

from pathlib import Path

CATALOG = """documents:
  - file: strategy.md
    doc_id: strategy
    title: Partnership Strategy 2024
    published: 2024-09-30
    status: current
    strand: partnership
  - file: violence-2024.pdf
    doc_id: violence-2024
    title: Violence Strategy 2024
    published: 2024-01-31
    status: superseded
    strand: serious-violence
  - file: violence-2025.docx
    doc_id: violence-2025
    title: Violence Strategy 2025 Refresh
    published: 2025-01-30
    status: current
    supersedes: violence-2024
    strand: serious-violence
  - file: prevent.html
    doc_id: prevent
    title: Prevent Overview
    published: 2024-11-01
    strand: counter-terrorism
  - file: gone.md
    doc_id: gone
    title: A document whose file is missing
"""

STRATEGY_MD = """# Partnership Strategy 2024

## 1. Governance

The Partnership is chaired by the Office of the Police, Fire and Crime Commissioner. It meets
quarterly and brings together police, fire, councils and health partners.

### 1.1 Boards

The Addictions Board is co-chaired by Public Health and the police.

| Board | Chair | Meets |
|---|---|---|
| Addictions Board | Director of Public Health | every eight weeks |
| Prevent Board | Assistant Chief Constable | quarterly |

## 2. Drugs

The Senior Responsible Owner for combating drugs is the Commissioner. Drug poisoning deaths rose
to 72 in 2022.
"""

GLOSSARY = """renamed_bodies:
  - old: Cumbria County Council
    patterns: ["Cumbria County Council"]
    successor: Cumberland Council and Westmorland and Furness Council
    changed: 2023-04-01
preferred_terms:
  - use: antisocial behaviour
    avoid: ["anti-social behaviour"]
places: [Carlisle, Kendal]
"""

PREVENT_HTML = """<!doctype html><html><head><title>Prevent Overview</title></head><body>
<nav><a href="/">Home</a> Cookie settings</nav>
<h1>Prevent Overview</h1>
<h2>Referrals</h2>
<p>Referrals go to the police Prevent team by email. Channel is voluntary and pre-criminal.</p>
<ul><li>Extreme right-wing ideology was the most common concern.</li></ul>
<table><tr><th>Measure</th><th>2023/24</th></tr><tr><td>Referrals</td><td>64</td></tr></table>
<footer>Copyright footer text</footer></body></html>"""


def _pdf(path: Path, pages: list[tuple[str, str]], title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.bookmarkPage("t")
    c.addOutlineEntry(title, "t", level=0)
    for i, (heading, body) in enumerate(pages):
        key = f"p{i}"
        c.bookmarkPage(key)
        c.addOutlineEntry(heading, key, level=1)
        c.drawString(72, 780, heading)
        y = 760
        for line in body.splitlines():
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()


def _docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_heading("Violence Strategy 2025 Refresh", 0)
    d.add_heading("1. Priorities", 1)
    d.add_paragraph("The refresh sets five priorities, including violence against women and girls.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("2. Figures", 1)
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["Measure", "2022/23", "2023/24"],
            ["Serious violence offences", "4,312", "4,105"],
            ["Knife offences", "238", "212"],
        ]
    ):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(str(path))


def write_good(root: Path) -> None:
    """Write the valid documents and the catalog."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalog.yaml").write_text(CATALOG)
    (root / "strategy.md").write_text(STRATEGY_MD)
    (root / "prevent.html").write_text(PREVENT_HTML)
    _pdf(
        root / "violence-2024.pdf",
        [
            (
                "1. Priorities",
                "The 2024 strategy sets four priorities.\nViolence in the night-time "
                "economy is the first priority.",
            ),
            ("2. Figures", "There were 4,312 serious violence offences in 2022/23."),
        ],
        "Violence Strategy 2024",
    )
    _docx(root / "violence-2025.docx")
    (root / "notes.txt").write_text("Uncatalogued notes about antisocial behaviour hotspots.\n")
    (root / "glossary.yaml").write_text(GLOSSARY)


def write_bad(root: Path) -> None:
    """Write one file for each bad-input case (the loader must report, not crash)."""
    from pypdf import PdfReader, PdfWriter

    good_pdf = (root / "violence-2024.pdf").read_bytes()
    (root / "corrupt.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    writer = PdfWriter()
    for page in PdfReader(root / "violence-2024.pdf").pages:
        writer.add_page(page)
    writer.encrypt("secret")
    with open(root / "encrypted.pdf", "wb") as fh:
        writer.write(fh)
    (root / "empty.md").write_bytes(b"")
    (root / "fake.docx").write_text("this is plain text pretending to be a Word file")
    (root / "windows.txt").write_bytes("Partners\x92 caf\xe9 meeting notes.".encode("latin-1"))
    (root / "sheet.xlsx").write_bytes(b"PK\x03\x04 not supported")
    (root / "huge.md").write_text("# Huge\n\n" + "word " * 60_000)
