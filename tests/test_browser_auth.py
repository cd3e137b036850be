"""Sign-in end to end: Chromium, `assistant serve` and a real OpenID Connect provider on loopback.

Two people sign in through the provider's own authorize page in two browser contexts: a reader
(group `staff`) and a maintainer (group `maintainers`). Both ask for the unique fact of an
official-sensitive document; only the maintainer sees it, its source, and the Documents page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.access_fixture import SECRET_QUESTION, write_access_corpus
from tests.servers import BROWSER_MARKS, MAINTAINER, READER, chromium, sign_in, signed_in_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SECRET_TITLE = "Harbour Protocol Briefing"
pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    """`assistant serve` with [auth] pointing at a real provider, over a corpus with a secret."""
    root = tmp_path_factory.mktemp("auth")
    with signed_in_app(root, write_access_corpus, real_embedder) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _ask(page, question: str) -> str:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.locator("[data-testid='stChatMessage']").nth(1).wait_for(timeout=90_000)
    page.locator("[data-testid='stExpander'], [data-testid='stAlert']").first.wait_for(
        timeout=90_000
    )
    page.wait_for_timeout(1500)  # the rest of the card is drawn
    return page.inner_text("body")


def _nav(page) -> str:
    """The navigation's page names (Streamlit shows none when there is only one page)."""
    nav = page.locator("[data-testid='stSidebarNav']")
    return nav.inner_text() if nav.count() else ""


def _document_options(page) -> list[str]:
    """The titles offered by the sidebar's Document filter."""
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(1).click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    titles = options.all_inner_texts()
    page.keyboard.press("Escape")
    return titles


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_reader_and_maintainer_see_what_their_groups_allow(app: str, browser) -> None:
    reader_ctx, reader = sign_in(browser, app, READER[0])
    maint_ctx, maint = sign_in(browser, app, MAINTAINER[0])
    assert "Signed in as Rita Reader" in reader.inner_text("body")
    assert "Signed in as Max Maintainer" in maint.inner_text("body")

    seen = _ask(maint, SECRET_QUESTION)
    _shot(maint, "auth-maintainer-answer")
    assert "17" in seen and SECRET_TITLE in seen  # the fact, and its source
    assert "Documents" in _nav(maint) and "Evaluation" in _nav(maint)
    assert SECRET_TITLE in _document_options(maint)

    hidden = _ask(reader, SECRET_QUESTION)
    _shot(reader, "auth-reader-answer")
    assert "17" not in hidden and SECRET_TITLE not in hidden and "West Cumbria" not in hidden
    for expander in reader.locator("[data-testid='stExpander'] summary").all():
        expander.click()  # open every related passage: none is from the restricted document
    assert SECRET_TITLE not in reader.inner_text("body") and "17" not in reader.inner_text("body")
    assert "Documents" not in _nav(reader) and "Check wording" not in _nav(reader)
    assert SECRET_TITLE not in _document_options(reader)

    # opened by URL, a page outside the reader's roles is refused (never rendered)
    reader.goto(f"{app}/documents")
    reader.get_by_test_id("stChatInputTextArea").wait_for(timeout=60_000)
    reader.wait_for_timeout(1500)
    _shot(reader, "auth-reader-documents-url")
    body = reader.inner_text("body")
    assert "Page not found" in body
    assert SECRET_TITLE not in body and "Re-index now" not in body and "chunks ·" not in body

    maint.goto(f"{app}/documents")
    maint.get_by_role("button", name="Re-index now").wait_for(timeout=60_000)
    maint.get_by_text("2 documents, ").wait_for(timeout=60_000)  # not the probation-only note
    _shot(maint, "auth-maintainer-documents")

    maint.get_by_role("button", name="Sign out").click()
    maint.get_by_role("button", name="End session").click(timeout=60_000)  # the provider's page
    maint.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
    maint.goto(f"{app}/documents")  # signed out: the sign-in page, nothing else
    maint.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
    assert "Re-index now" not in maint.inner_text("body")
    reader_ctx.close()
    maint_ctx.close()
