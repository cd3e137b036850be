"""End to end: Debian's Chromium (Playwright) against `assistant serve` on a loopback port."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import build_index
from tests.corpus_fixture import write_good
from tests.servers import BROWSER_MARKS, chromium, serve_app, settle

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = BROWSER_MARKS

HOSTILE = """# Hostile sample

## Markup

This passage about the hostile markup test contains <script>window.__xss = 1</script> and
<img src=x onerror="window.__xss = 2"> which must be shown as plain text, never run.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    root = tmp_path_factory.mktemp("browser")
    write_good(root / "corpus")
    (root / "corpus" / "hostile.md").write_text(HOSTILE)
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    build_index(settings, real_embedder)
    with serve_app(settings, ROOT) as url:
        yield url, settings


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_chat_sources_feedback_and_isolation(server, browser) -> None:
    url, settings = server
    a, b = browser.new_context(), browser.new_context()
    page = a.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    outside: list[str] = []  # the page asks nothing of any server but the app's (no icon CDN)
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((url.rstrip("/"), "data:", "blob:")) else outside.append(r.url)
        ),
    )
    started = time.perf_counter()
    page.goto(url)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    _ask(page, "How many Prevent referrals were there in 2023/24?")
    page.locator("[data-testid='stExpander']").first.wait_for(timeout=90_000)
    print(f"\npage load to first answer: {time.perf_counter() - started:.1f} s")
    # the answer's table: Streamlit loads a table's code the first time one is shown
    page.locator("main table").get_by_text("64", exact=True).wait_for(timeout=30_000)
    assert "64" in page.inner_text("main")
    page.locator("[data-testid='stExpander'] summary").first.click()
    settle(page)
    _shot(page, "chat-answer")
    assert outside == [], outside
    # page icons are Streamlit's Material icons: emoji render as empty boxes without their font
    nav_icons = page.locator("[data-testid='stSidebarNav'] [data-testid='stIconMaterial']")
    assert nav_icons.count() == 4

    other = b.new_page()
    other.goto(url)
    other.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    assert "Prevent referrals" not in other.inner_text("main")  # sessions are not shared

    page.locator("[data-testid='stFeedback'] button").last.click()  # thumbs down
    deadline = time.monotonic() + 20
    rows: list = []
    while time.monotonic() < deadline and not rows:
        time.sleep(0.5)
        if settings.feedback_path.is_file():
            with sqlite3.connect(settings.feedback_path) as db:
                rows = db.execute("SELECT question, rating FROM feedback").fetchall()
    assert rows and rows[0][1] == 0 and "Prevent referrals" in rows[0][0]
    # the conversation's file is made when its button is clicked, with the answer just given
    with page.expect_download(timeout=30_000) as download:
        page.get_by_test_id("stSidebar").get_by_text("Download conversation (.md)").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Prevent referrals" in saved and "64" in saved, saved
    assert dialogs == []
    a.close()
    b.close()


def test_hostile_document_text_is_never_executed(server, browser) -> None:
    url, _ = server
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    _ask(page, "What does the hostile markup test passage contain?")
    page.locator("[data-testid='stExpander']").first.wait_for(timeout=90_000)
    page.locator("[data-testid='stExpander'] summary").first.click()
    settle(page)  # opening a source reruns the page
    _shot(page, "hostile-markup")
    assert page.evaluate("window.__xss") is None and dialogs == []
    assert "<script>" in page.inner_text("main")  # shown as text
    assert page.locator("main img[src='x']").count() == 0
    page.close()


def test_wording_documents_and_evaluation_pages(server, browser) -> None:
    url, _ = server
    page = browser.new_page()
    page.goto(f"{url}/check_wording")
    page.locator("textarea").first.wait_for(timeout=90_000)
    page.locator("textarea").first.fill("Cumbria County Council chairs the partnership.")
    page.get_by_role("button", name="Check").click()
    page.get_by_text("no longer exists").first.wait_for(state="visible", timeout=60_000)
    page.wait_for_timeout(1500)  # let the rerun settle before the screenshot
    _shot(page, "check-wording")
    page.goto(f"{url}/documents")
    page.get_by_text("documents,").first.wait_for(timeout=60_000)
    _shot(page, "documents")
    page.goto(f"{url}/evaluation")
    page.get_by_role("heading", name="Evaluation").wait_for(timeout=60_000)
    _shot(page, "evaluation")
    page.close()


def test_a_pdf_source_opens_at_its_page_with_the_sentence_highlighted(server, browser) -> None:
    url, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 2400})  # the whole page fits
    page.goto(url)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    _ask(page, "How many serious violence offences did the 2024 strategy report?")
    source = page.locator("[data-testid='stExpander']", has_text="Violence Strategy 2024").first
    source.wait_for(timeout=90_000)
    source.locator("summary").click()
    image = source.locator("[data-testid='stImage'] img")
    image.wait_for(state="visible", timeout=60_000)
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=image.element_handle())
    box = image.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300, box
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural[0] > 1000 and natural[1] > natural[0], natural  # an A4 page, readable
    assert "highlighted" in source.inner_text() and "opens at p. 2" in source.inner_text()
    image.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    source.screenshot(path=str(ARTIFACTS / "source-pdf-highlight.png"))
    page.close()
