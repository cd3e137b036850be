"""The source viewer on the real sample corpus: PDF pages highlighted, sections marked."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from assistant.errors import DocumentError
from assistant.loaders import LOADERS, load_pdf
from assistant.source_view import (
    SCALE,
    locate,
    page_view,
    pdf_opening_at,
    section_view,
)
from assistant.ui_format import escape_markdown

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REFRESH = CORPUS / "serious-violence-duty-response-strategy-2025-refresh.pdf"
STRATEGY = CORPUS / "serious-violence-duty-response-strategy-2024.pdf"
# a sentence in the middle of a paragraph that wraps over three lines on page 3
SENTENCE = (
    "The review was carried out by the Serious Violence Duty Operational Group between "
    "September and December 2024, using an updated strategic needs assessment based on "
    "2023/24 data."
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _text_in_boxes(path: Path, page: int, boxes) -> str:
    """What pdfium itself finds inside each box (turned back from pixels to PDF points)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        pg = pdf[page - 1]
        left, _, _, top = pg.get_bbox()
        textpage = pg.get_textpage()
        found = []
        for x0, y0, x1, y1 in boxes:
            found.append(
                textpage.get_text_bounded(
                    left=x0 / SCALE + left,
                    bottom=top - y1 / SCALE,
                    right=x1 / SCALE + left,
                    top=top - y0 / SCALE,
                )
            )
        return " ".join(found)
    finally:
        pdf.close()


def _pixels(png: bytes, box) -> tuple[float, float, float]:
    """The mean colour of the box, less its 2-pixel outline."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(png)).convert("RGB")
    x0, y0, x1, y1 = (int(v) for v in box)
    return tuple(ImageStat.Stat(image.crop((x0 + 3, y0 + 3, x1 - 3, y1 - 3))).mean)


def test_a_wrapped_sentence_is_boxed_line_by_line_inside_the_page() -> None:
    view = page_view(REFRESH, 3, [SENTENCE])
    assert view.located == view.wanted == 1 and "highlighted" in view.caption
    assert len(view.boxes) == 3  # one box per line the sentence runs over
    for x0, y0, x1, y1 in view.boxes:
        assert 0 <= x0 < x1 <= view.width and 0 <= y0 < y1 <= view.height
    inside = _words(_text_in_boxes(REFRESH, 3, view.boxes))
    assert inside == _words(SENTENCE), "the boxes hold the sentence's words and no others"


def test_the_highlight_is_drawn_where_the_boxes_are() -> None:
    lit = page_view(REFRESH, 3, [SENTENCE])
    plain = page_view(REFRESH, 3, ["words that are on no page of this document at all"])
    assert lit.png != plain.png and (lit.width, lit.height) == (plain.width, plain.height)
    for box in lit.boxes:
        r, g, b = _pixels(lit.png, box)
        r0, g0, b0 = _pixels(plain.png, box)
        # amber over the words: blue drops well below the unhighlighted render's
        assert b < b0 - 25 and r >= r0 - 5, (box, (r, g, b), (r0, g0, b0))


def test_a_sentence_not_on_the_page_gives_no_boxes_and_says_so() -> None:
    view = page_view(REFRESH, 2, [SENTENCE])  # SENTENCE is on page 3
    assert view.boxes == () and view.located == 0
    assert "could not be located" in view.caption and "nothing is highlighted" in view.caption
    assert view.png.startswith(b"\x89PNG") and view.width > 1000  # the page is still shown


def test_a_table_row_highlights_its_label_and_values() -> None:
    passages, _, _ = load_pdf(REFRESH)
    table = next(p for p in passages if p.text.startswith("Data year | 2024 strategy"))
    row = next(line for line in table.text.splitlines() if line.startswith("Serious violence"))
    view = page_view(REFRESH, table.page, [row], quote=table.text)
    assert view.located == 1 and view.boxes
    inside = _text_in_boxes(REFRESH, table.page, view.boxes)
    assert "Serious violence offences in Cumbria" in " ".join(inside.split())
    assert "4,312" in inside and "4,105" in inside


def test_every_passage_of_a_real_pdf_is_found_on_its_own_page() -> None:
    passages, _, _ = load_pdf(STRATEGY)
    for page in sorted({p.page for p in passages}):
        texts = [p.text for p in passages if p.page == page]
        view = page_view(STRATEGY, page, texts, scale=0.5)  # small: only the boxes matter here
        assert view.located == view.wanted == len(set(texts)), (page, view.caption)


def test_a_word_hyphenated_across_lines_is_found(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for i, line in enumerate(["Violence in the night-", "time economy is the first priority."]):
        c.drawString(72, 760 - 14 * i, line)
    c.save()
    view = page_view(path, 1, ["Violence in the night-time economy is the first priority."])
    assert view.located == 1 and len(view.boxes) == 2


def test_locate_maps_back_through_whitespace_hyphens_and_bullets() -> None:
    text = "• Carlisle and\r\nBarrow-in-\r\nFurness saw  the most (68.3%).\r\nNext."
    spans = locate(text, "- Carlisle and Barrow-in-Furness saw the most (68.3%).")
    assert [text[a:b] for a, b in spans] == [
        "Carlisle and\r\nBarrow-in-\r\nFurness saw  the most (68.3%)."
    ]
    assert locate(text, "Kendal saw the most.") == []
    assert locate(text, "") == [] and locate("", "x") == []


def test_a_bad_file_or_page_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(REFRESH.read_bytes()[:500])
    with pytest.raises(DocumentError, match="re-export"):
        page_view(broken, 1, ["x"])
    with pytest.raises(DocumentError, match="no page 99"):
        page_view(REFRESH, 99, ["x"])


def test_the_pdf_download_opens_at_the_cited_page_and_keeps_the_original() -> None:
    from pypdf import PdfReader

    data = pdf_opening_at(REFRESH, 3)
    assert data.startswith(REFRESH.read_bytes()), "an incremental update: the original intact"
    reader = PdfReader(io.BytesIO(data))
    action = reader.trailer["/Root"]["/OpenAction"]
    assert reader.get_page_number(action[0].get_object()) == 2  # page 3, counted from 0


@pytest.mark.parametrize(
    "name",
    [
        "combating-drugs-partnership-annual-report-2024-25.docx",
        "counter-terrorism-and-prevent-overview.html",
        "safer-cumbria-partnership-strategy-2024-2027.md",
    ],
)
def test_a_section_shows_the_passage_with_the_sentence_highlighted(name: str) -> None:
    path = CORPUS / name
    passages, _, _ = LOADERS[path.suffix](path)
    passage = next(p for p in passages if p.section and len(p.text.split(". ")) > 2)
    sentence = passage.text.split(". ")[1] + "."
    view = section_view(path, passage.section, passage.text, [sentence])
    assert view.found and passage.section in view.caption
    plain = view.markdown.replace(":orange-background[**", "").replace("**]", "")
    assert escape_markdown(passage.text) in plain.replace("  \n", "\n"), "the whole passage"
    assert f":orange-background[**{escape_markdown(sentence)}**]" in view.markdown


def test_section_text_is_escaped_and_a_missing_passage_says_so(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(
        "# Doc\n\n## Part\n\nSee <img src=x onerror=alert(1)> and **bold** :red[x].\n\n"
        "The cited sentence [link](http://x) is here. Another one.\n"
    )
    view = section_view(path, "Part", "The cited sentence [link](http://x) is here.", [])
    assert view.found
    assert not re.search(r"(?<!\\)[<>]", view.markdown) and "\\<img" in view.markdown
    assert "**bold**" not in view.markdown and "](http" not in view.markdown
    assert ":orange-background[**The cited sentence \\[link\\]" in view.markdown
    gone = section_view(path, "Part", "A passage since deleted from the file.", [])
    assert not gone.found and "re-index" in gone.caption


def test_pdfium_is_used_by_one_session_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium is not thread-safe; the app serves each browser session on its own thread."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    import pypdfium2 as pdfium

    from assistant.source_view import _page_view

    open_now, most, guard = [0], [0], threading.Lock()

    class CountedDocument(pdfium.PdfDocument):
        def __init__(self, *args, **kwargs) -> None:
            with guard:
                open_now[0] += 1
                most[0] = max(most[0], open_now[0])
            time.sleep(0.05)  # widen the window in which another thread could come in
            super().__init__(*args, **kwargs)

        def close(self) -> None:
            super().close()
            with guard:
                open_now[0] -= 1

    monkeypatch.setattr(pdfium, "PdfDocument", CountedDocument)
    render = _page_view.__wrapped__  # past the cache: every call really uses PDFium
    jobs = [("", str(STRATEGY), page, (SENTENCE,), "", 0.5) for page in range(1, 9)]
    alone = [render(*job).png for job in jobs]
    with ThreadPoolExecutor(4) as pool:
        together = [v.png for v in pool.map(lambda job: render(*job), jobs)]
    assert most[0] == 1, "two threads were inside PDFium at once"
    assert together == alone
