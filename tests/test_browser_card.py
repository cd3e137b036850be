"""The answer card and the empty chat's suggestions in Debian's Chromium, on the sample corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.servers import BROWSER_MARKS, chromium, serve_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = BROWSER_MARKS
TABLE_QUESTION = "How many knife offences were there in 2023/24?"
LIST_QUESTION = "What are the six shared priorities?"


@pytest.fixture(scope="module")
def server(sample_index, tmp_path_factory: pytest.TempPathFactory):
    """The app on the real sample corpus; its audit and feedback stores kept out of the index."""
    tmp = tmp_path_factory.mktemp("card")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ASSISTANT_AUDIT_DB", str(tmp / "audit.sqlite3"))
        env.setenv("ASSISTANT_FEEDBACK_DB", str(tmp / "feedback.sqlite3"))
        with serve_app(sample_index, ROOT) as url:
            yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _ask(page, question: str, answers: int) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.get_by_text("Copy as Markdown").nth(answers - 1).wait_for(timeout=120_000)
    page.wait_for_timeout(1500)  # the rest of the card is drawn


def _answer(page, n: int):
    return page.locator("[data-testid='stChatMessage']").nth(2 * n + 1)


def _no_raw_markup(text: str) -> None:
    assert "**" not in text and " | " not in text and "\\" not in text, text


def test_the_empty_chat_suggests_questions_and_one_click_asks(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
    suggestions = page.get_by_role("button", name="What do the documents say about")
    ready = page.get_by_role("button", name="Open the assistant")
    suggestions.first.or_(ready).wait_for(timeout=120_000)
    if ready.is_visible():  # the page opened while the server still warmed up (busy machine)
        ready.click()
    suggestions.first.wait_for(timeout=60_000)
    assert 3 <= suggestions.count() <= 6
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-empty-suggestions.png"))
    asked = suggestions.first.inner_text().splitlines()[-1]  # after its icon's name
    suggestions.first.click()
    page.get_by_text("Copy as Markdown").first.wait_for(timeout=120_000)
    question = page.locator("[data-testid='stChatMessage']").first
    assert question.inner_text().splitlines()[-1] == asked
    assert page.get_by_role("button", name="What do the documents say about").count() == 0
    page.close()


def test_the_answer_card_table_list_and_citations(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 1100})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)

    _ask(page, TABLE_QUESTION, 1)
    card = _answer(page, 0)
    lead = card.locator(".st-key-answer-0")  # the bordered box of the direct answer
    table = lead.locator("table")
    table.wait_for(timeout=30_000)  # Streamlit loads a table's code the first time one is shown
    assert table.count() == 1  # the direct answer is a table, inside the bordered box
    assert "Knife or sharp-instrument offences" in table.inner_text()
    assert "212" in table.inner_text() and "2023/24" in table.inner_text()
    assert "Table 5" in lead.inner_text()  # its caption
    prose = [p.inner_text() for p in card.locator("[data-testid='stMarkdownContainer'] p").all()]
    for text in prose:
        _no_raw_markup(text)
    card.screenshot(path=str(ARTIFACTS / "answer-card.png"))

    lead.get_by_role("button", name="[1]").click()  # a citation opens its source
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=30_000)
    dialog.locator("summary").first.click()
    dialog.get_by_text("212").first.wait_for(timeout=30_000)
    assert "[1]" in dialog.inner_text()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=30_000)

    _ask(page, LIST_QUESTION, 2)
    items = _answer(page, 1).locator("li")
    assert items.count() == 6  # the six priorities as a real list, each once
    assert "serious violence" in items.first.inner_text()
    _no_raw_markup(_answer(page, 1).inner_text())
    assert dialogs == []
    time.sleep(0.5)
    page.close()
