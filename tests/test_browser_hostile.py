"""Hostile text end to end: Chromium (Playwright) against `assistant serve` on loopback.

Documents and questions carry script tags, onerror images, javascript: links (inline,
reference-style, autolinks), HTML entities, Streamlit shortcodes, table pipes, newlines and
remote images pointing at a "remote" HTTP server this test runs on loopback. Nothing may run
(no dialog, no script or image element from the text, no javascript: anchor), nothing may load
(the remote server gets no request, the page fetches only from the app) and the hostile text
must be visible as literal text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import build_index
from tests.corpus_fixture import write_good
from tests.servers import BROWSER_MARKS, chromium, serve_app, settle

ROOT = Path(__file__).resolve().parents[1]
pytestmark = BROWSER_MARKS

CATALOG_ENTRY = """  - file: lantern.md
    doc_id: lantern
    title: "Lantern Notes ![t](REMOTE/title.png) <img src=x onerror=alert('title')>"
    published: 2024-05-01
    status: current
    strand: partnership
"""

LANTERN_MD = """# Lantern Notes

## Lantern scheme <script>alert('section')</script> ![s](REMOTE/section.png)

The lantern scheme passage contains <script>alert('doc')</script> and
<img src=x onerror="alert('img')"> as plain words, never as markup.
The lantern scheme reference [click here](javascript:alert('link')) and
![remote](REMOTE/remote.png) stay visible text.
The lantern scheme also lists [lantern link][evil], <javascript:alert('auto')>,
&lt;b&gt;bold&lt;/b&gt; and &#106;avascript&#58;alert('entity') and :red[red] :smile:.
Lantern scheme volunteers
===
[evil]: javascript:alert('ref')
"""

# What each hostile piece must look like on the page: its own characters, as typed.
LITERAL = [
    "<script>alert('doc')</script>",
    "<img src=x onerror=\"alert('img')\">",
    "[click here](javascript:alert('link'))",
    "![remote](REMOTE/remote.png)",
    "&#106;avascript&#58;alert('entity')",
]

MATERIAL_ICON = "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/"
# Any script from text, any element with an event handler, image, frame or javascript: link.
PROBE = """() => ({
  scripts: [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
  handlers: [...document.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML),
  images: [...document.images].map(i => i.getAttribute('src'))
      .filter(s => s === 'x' || s.includes('127.0.0.1')),
  frames: document.querySelectorAll('iframe, object, embed').length,
  js_links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
      .filter(h => /^\\s*(javascript|vbscript|data):/i.test(h)),
})"""


class _Remote(BaseHTTPRequestHandler):
    """The "remote" host of the documents' images: it records every request it gets."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def remote() -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Remote.hits
    server.shutdown()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, real_embedder, remote) -> Iterator[str]:
    base, _ = remote
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    write_good(corpus)
    catalog = corpus / "catalog.yaml"
    catalog.write_text(catalog.read_text() + CATALOG_ENTRY.replace("REMOTE", base))
    (corpus / "lantern.md").write_text(LANTERN_MD.replace("REMOTE", base))
    (corpus / "Lantern [x](javascript:alert(9)) notes.txt").write_text(
        "Lantern scheme patrols | meet | weekly.\nSee ![f](REMOTE/file.png).".replace(
            "REMOTE", base
        )
    )
    settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=corpus.parent / "index")
    build_index(settings, real_embedder)
    with serve_app(settings, ROOT) as url:
        yield url


@pytest.fixture(scope="module")
def page(app: str):
    with chromium() as browser:
        page = browser.new_page()
        page.dialogs, page.foreign = [], []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if _own(r.url, app) else page.foreign.append(r.url))
        page.goto(app)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
        yield page


def _own(url: str, app: str) -> bool:
    """A request the app itself makes: to the app, or Streamlit's page icon (a Material icon
    Streamlit fetches from Google's font host; not text from a document or a question)."""
    return url.startswith((app, "data:", "blob:", MATERIAL_ICON))


def _ask(page, question: str) -> None:
    answers = page.get_by_test_id("stChatMessage").count() + 2
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.get_by_test_id("stChatMessage").nth(answers - 1).wait_for(timeout=90_000)
    page.get_by_test_id("stSpinner").wait_for(state="detached", timeout=90_000)
    page.wait_for_timeout(1500)  # the rest of the card is drawn
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        if summary.get_attribute("aria-expanded") != "true":
            summary.click()
            settle(page)  # opening a source reruns the page


def _assert_inert(page, remote_hits: list[str]) -> None:
    found = page.evaluate(PROBE)
    assert found == {"scripts": 0, "handlers": [], "images": [], "frames": 0, "js_links": []}
    assert page.dialogs == [] and page.evaluate("window.__xss") is None
    assert remote_hits == [], "a document's remote image was requested"
    assert page.foreign == [], "the page fetched something that is not the app"


def test_hostile_documents_are_shown_as_text_and_never_run_or_load(page, remote) -> None:
    base, hits = remote
    _ask(page, "What does the lantern scheme passage contain?")
    text = page.inner_text("main")
    for literal in LITERAL:
        assert literal.replace("REMOTE", base) in text
    labels = " ".join(page.locator("[data-testid='stExpander'] summary").all_inner_texts())
    assert f"Lantern Notes ![t]({base}/title.png) <img src=x onerror=alert('title')>" in labels
    assert "<script>alert('section')</script>" in text  # the section line under the label
    _assert_inert(page, hits)


def test_hostile_questions_and_follow_ups_are_text_and_parse_as_typed(page, remote) -> None:
    base, hits = remote
    hostile = (
        f"<script>alert('q')</script> ![q]({base}/question.png) [c](javascript:alert('qc')) "
        "how often do lantern scheme patrols meet?"
    )
    _ask(page, hostile)
    assert hostile in page.inner_text("main")  # the question, as typed
    assert "weekly" in page.get_by_test_id("stChatMessage").last.inner_text()
    _ask(page, "and the volunteers? |\n| --- |\n<img src=x onerror=alert('f')>")
    _ask(page, f"What does ![x]({base}/abstain.png) say about ferry fares to Glasgow?")
    assert page.get_by_test_id("stAlertContentWarning").count() >= 1
    _assert_inert(page, hits)


def test_the_wording_check_documents_page_and_filters_stay_inert(page, app, remote) -> None:
    base, hits = remote
    page.goto(f"{app}/check_wording")
    draft = page.locator("textarea").first
    draft.wait_for(timeout=90_000)
    draft.fill(
        f"The lantern scheme passage contains <script>alert('w')</script>. "
        f"See ![w]({base}/wording.png) and [here](javascript:alert('wl'))."
    )
    page.get_by_role("button", name="Check").click()
    page.get_by_test_id("stMetric").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    shown = page.inner_text("main")  # a draft may be HTML: its tags are stripped, not shown
    assert f"See ![w]({base}/wording.png) and [here](javascript:alert('wl'))" in shown
    _assert_inert(page, hits)
    page.goto(f"{app}/documents")
    page.get_by_text("documents,").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    _assert_inert(page, hits)
    page.goto(app)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    page.get_by_test_id("stMultiSelect").nth(1).click()  # the Document filter lists titles
    options = page.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    assert any("onerror=alert('title')" in o for o in options.all_inner_texts())
    _assert_inert(page, hits)
