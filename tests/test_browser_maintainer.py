"""A maintainer's corpus update end to end: Chromium, `assistant serve`, a real OIDC provider.

The maintainer (group `maintainers`) uploads a small Markdown file on the Documents page, fills
its catalog entry, re-indexes, runs the eval on a three-question set about the new document and
sees the diff against the baseline, then accepts it. A reader (group `staff`) never sees the
upload controls. Corpus, index and eval folder are temporary copies (never corpus/ or evals/).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from tests import maintainer_fixture as m
from tests.corpus_fixture import write_good
from tests.servers import BROWSER_MARKS, MAINTAINER, READER, chromium, sign_in, signed_in_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    """`assistant serve` with sign-in, a temp corpus and ASSISTANT_EVAL_DIR a temp eval folder."""
    root = tmp_path_factory.mktemp("maintainer")
    evals = root / "evals"

    def eval_folder(settings: Settings) -> dict[str, str]:
        m.write_evals(evals, settings)  # its baseline holds the index as built
        return {"ASSISTANT_EVAL_DIR": str(evals)}

    with signed_in_app(root, write_good, real_embedder, eval_folder) as (url, settings):
        yield url, settings, evals


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _sign_in(browser, url: str, email: str):
    """Signed in as `email`, in a tall window.

    Streamlit scrolls inside its main area, so a screenshot shows the window.
    """
    return sign_in(browser, url, email, viewport={"width": 1280, "height": 1700})


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its label: type it, then Enter."""
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def test_maintainer_updates_the_corpus_and_a_reader_never_sees_it(app, browser) -> None:
    url, settings, evals = app
    context, page = _sign_in(browser, url, MAINTAINER[0])
    page.goto(f"{url}/documents")
    page.get_by_role("button", name="Re-index now").wait_for(timeout=60_000)

    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        files=[{"name": m.UPLOAD_NAME, "mimeType": "text/markdown", "buffer": m.KESTREL}]
    )
    page.get_by_role("button", name="Save to corpus").click()
    page.get_by_text(f"{m.SAVED_NAME} added").wait_for(timeout=60_000)
    assert (settings.corpus_dir / m.SAVED_NAME).read_bytes() == m.KESTREL

    page.get_by_label("doc_id (a stable slug: eval items refer to it)").fill(m.DOC_ID)
    page.get_by_label("Title").fill(m.TITLE)
    _choose(page, "Strand", "criminal-justice")
    for part, value in (("year", "2025"), ("month", "03"), ("day", "01")):
        page.get_by_role("spinbutton", name=f"{part}, Published").click()
        page.keyboard.type(value)
    page.keyboard.press("Escape")  # close the date picker
    page.get_by_role(
        "heading", name="1. Upload a new or changed document"
    ).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    _shot(page, "maintainer-upload")
    page.get_by_role("button", name="Save catalog entry").click()
    page.get_by_text(f"Catalog entry for {m.SAVED_NAME} added").wait_for(timeout=60_000)
    assert f"title: {m.TITLE}" in (settings.corpus_dir / "catalog.yaml").read_text()
    assert "published: 2025-03-01" in (settings.corpus_dir / "catalog.yaml").read_text()

    page.get_by_role("button", name="Re-index now").click()
    page.get_by_text("1 added").wait_for(timeout=120_000)
    page.get_by_role("button", name="Run the eval").click()
    page.get_by_text("Accept as new baseline").wait_for(timeout=300_000)
    page.wait_for_timeout(1500)  # the tables draw
    body = page.inner_text("main")
    for heading in (
        "Documents changed since the baseline (1)",
        "Questions newly failing (1)",
        "Questions newly passing (2)",
        "Wording cases affected (1)",
    ):
        assert heading in body, heading
    page.get_by_role("button", name="Accept as new baseline").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    _shot(page, "maintainer-eval-diff")
    page.get_by_role("button", name="Accept as new baseline").click()
    page.get_by_text("This run is the baseline now").wait_for(timeout=60_000)
    baseline = json.loads((evals / "baseline.json").read_text())
    assert m.DOC_ID in baseline["documents"] and baseline["items"]["kes-01"] is True
    context.close()

    context, reader = _sign_in(browser, url, READER[0])
    assert reader.locator("input[type='file']").count() == 0
    reader.goto(f"{url}/documents")
    reader.get_by_test_id("stChatInputTextArea").wait_for(timeout=60_000)
    reader.wait_for_timeout(1500)
    body = reader.inner_text("body")
    assert "Page not found" in body
    for control in ("Save to corpus", "Catalog entry", "Run the eval", "Re-index now"):
        assert control not in body
    assert reader.locator("input[type='file']").count() == 0
    context.close()
