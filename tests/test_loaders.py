from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import DocumentError
from assistant.ingest import load_document, scan_corpus
from assistant.loaders import (
    decode_text,
    linearize_table,
    load_docx,
    load_html,
    load_markdown,
    load_pdf,
)


def test_markdown_keeps_heading_trail_and_table_labels(corpus: Path) -> None:
    passages, warning, _ = load_markdown(corpus / "strategy.md")
    assert warning == ""
    boards = [p for p in passages if "Addictions Board |" in p.text]
    assert boards and boards[0].section == "1. Governance > 1.1 Boards"
    assert (
        "Addictions Board | Chair: Director of Public Health; Meets: every eight weeks"
        in boards[0].text
    )


def test_pdf_keeps_page_numbers_and_outline_sections(corpus: Path) -> None:
    passages, _, pages = load_pdf(corpus / "violence-2024.pdf")
    assert pages == 2
    figures = [p for p in passages if "4,312" in p.text]
    assert figures[0].page == 2 and figures[0].section == "2. Figures"
    assert any(p.page == 1 and p.section == "1. Priorities" for p in passages)


def test_docx_keeps_headings_pages_and_table_rows(corpus: Path) -> None:
    passages, _, pages = load_docx(corpus / "violence-2025.docx")
    table = [p for p in passages if "Knife offences" in p.text][0]
    assert "Knife offences | 2022/23: 238; 2023/24: 212" in table.text
    assert table.section == "2. Figures" and table.page == 2 and pages == 2


def test_pdf_bullets_become_list_items_even_when_the_glyph_is_a_control_character() -> None:
    from assistant.loaders import _pdf_blocks

    blocks = _pdf_blocks(
        [
            "The partnership agreed two priorities:",
            "\x7f  Priority 1: domestic abuse.",
            "",
            "•  Priority 2: violence in public",
            "   spaces.",
        ]
    )
    assert blocks == [
        "The partnership agreed two priorities:",
        "- Priority 1: domestic abuse.",
        "- Priority 2: violence in public spaces.",
    ]


def test_docx_list_paragraphs_become_list_items(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("The six shared priorities are:")
    d.add_paragraph("serious violence;", style="List Bullet")
    d.add_paragraph("drugs and alcohol.", style="List Number")
    d.save(str(tmp_path / "list.docx"))
    passages, _, _ = load_docx(tmp_path / "list.docx")
    assert [p.text for p in passages] == [
        "The six shared priorities are:",
        "- serious violence;",
        "- drugs and alcohol.",
    ]


def test_html_drops_navigation_and_footer(corpus: Path) -> None:
    passages, _, _ = load_html(corpus / "prevent.html")
    text = "\n".join(p.text for p in passages)
    assert "Cookie settings" not in text and "Copyright footer" not in text
    assert "Referrals | 2023/24: 64" in text
    assert passages[0].section == "Referrals"


def test_cp1252_text_is_decoded_with_a_warning() -> None:
    text, warning = decode_text(b"caf\xe9 \x92")
    assert text == "café ’" and "Windows-1252" in warning


def test_linearize_table_never_shows_a_figure_without_labels() -> None:
    out = linearize_table([["Area", "Rate"], ["Eden", "42.1"], ["", ""]])
    assert out == "Eden | Rate: 42.1"


@pytest.mark.parametrize(
    "name, reason",
    [
        ("corrupt.pdf", "not a readable PDF"),
        ("encrypted.pdf", "encrypted PDF"),
        ("fake.docx", "not a valid Word .docx"),
    ],
)
def test_bad_files_raise_a_one_line_reason(bad_corpus: Path, name: str, reason: str) -> None:
    scan = scan_corpus(bad_corpus, max_file_mb=0.2)
    file = next(f for f in scan.files if f.meta.source == name)
    with pytest.raises(DocumentError, match=reason) as info:
        load_document(file)
    assert "\n" not in str(info.value)


def test_scan_reports_empty_huge_unsupported_and_missing(bad_corpus: Path) -> None:
    scan = scan_corpus(bad_corpus, max_file_mb=0.2)
    reasons = {p.source: (p.action, p.reason) for p in scan.problems}
    assert reasons["empty.md"][1].startswith("empty file")
    assert "limit" in reasons["huge.md"][1]
    assert reasons["sheet.xlsx"][1].startswith("unsupported file type .xlsx")
    assert reasons["gone.md"][0] == "missing"
    uncatalogued = next(f for f in scan.files if f.meta.source == "notes.txt")
    assert uncatalogued.meta.doc_id == "notes" and "not in catalog" in uncatalogued.warning
