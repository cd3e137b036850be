"""Accessibility (WCAG 2.2 AA) in Debian's Chromium against `assistant serve` on loopback.

axe-core (bundled by axe-playwright-python, injected from the installed package: nothing is
downloaded) checks every page empty and with content; a keyboard-only test asks, opens a source
and gives feedback with no mouse event; a 375-pixel-wide viewport must never scroll sideways.
The app runs in local single-user mode, which holds every role, so every page is in reach.
"""

from __future__ import annotations

import json
import shutil
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
QUESTION = "How many Prevent referrals were there in 2023/24?"
UNANSWERABLE = "How many lighthouses does the partnership fund?"
pytestmark = BROWSER_MARKS

# The WCAG 2.0/2.1/2.2 A and AA rules, plus axe's best practices (reported, and failing only
# when serious or critical like the rest).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}
# (rule id, CSS selector axe reports for the node) -> why it cannot be fixed from the app.
# Only Streamlit's own markup belongs here, each entry exact, each with its reason.
EXCLUSIONS: dict[tuple[str, str], str] = {}
RESULTS: dict[str, list[dict]] = {}  # page state -> rules violated, written to the report


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    """The app over the test corpus, served from a folder holding two eval reports.

    The Evaluation page reads evals/reports under the working folder, so the server runs in
    a throw-away one with the project's .streamlit/config.toml (theme, limits) copied in.
    """
    root = tmp_path_factory.mktemp("a11y")
    write_good(root / "corpus")
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    build_index(settings, real_embedder)
    shutil.copytree(ROOT / ".streamlit", root / ".streamlit")
    _write_eval_reports(root / "evals" / "reports")
    with serve_app(settings, root) as url:
        yield url, settings


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _write_eval_reports(out: Path) -> None:
    """Two eval runs (a trend) with metrics, categories, latency and a failing question."""
    from assistant.report import compare, write_report

    for stamp, facts in (("20260101T000000Z", 0.75), ("20260102T000000Z", 0.78)):
        overall = {"hit@5": 1.0, "facts_all": facts, "abstention_recall": 0.86}
        overall |= {"wrong_abstention": 0.0}
        summary = {
            "overall": overall,
            "latency_ms": {"retrieve_ms": {"p50": 12.0, "p95": 30.0}},
            "by_category": {"lookup": {"n": 4, "facts_all": facts}, "abstain": {"n": 2}},
        }
        item = {"id": "q1", "question": "Who chairs the board?", "answer": "The", "passed": False}
        write_report(
            out,
            {
                "timestamp": stamp,
                "corpus_version": "abc123",
                "baseline_path": "evals/baseline.json",
                "summary": summary,
                "comparison": compare(overall, {**overall, "facts_all": 0.75}),
                "newly_failing": [],
                "changed_documents": [],
                "items_to_review": [],
                "items": [item],
            },
        )


# --- page states ------------------------------------------------------------------------


def _open(page, url: str) -> None:
    page.goto(url)
    page.locator("main h1").first.wait_for(timeout=90_000)
    page.wait_for_timeout(1000)  # let the first run settle


def _ask(page, question: str = QUESTION) -> None:
    answers = page.locator("[data-testid='stFeedback']")
    before = answers.count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=90_000)
    box.fill(question)
    box.press("Enter")
    answers.nth(before).wait_for(timeout=90_000)
    page.wait_for_timeout(1500)  # the rest of the card is drawn


def _check_wording(page) -> None:
    page.locator("textarea").first.fill("Cumbria County Council chairs the partnership.")
    page.get_by_role("button", name="Check").click()
    page.get_by_text("no longer exists").first.wait_for(state="visible", timeout=60_000)
    page.wait_for_timeout(1500)


def _states(url: str):
    """(name, path, what to do once there) for each page, empty and with content."""

    def chat_answer(page) -> None:
        _ask(page)
        _ask(page, UNANSWERABLE)  # an abstention, with the nearest passages
        summaries = page.locator("[data-testid='stExpander'] summary")
        for i in range(summaries.count()):
            summaries.nth(i).click()
            settle(page)  # opening a source reruns the page (its page image is drawn then)
        page.locator("[data-testid='stExpanderDetails']").last.wait_for(state="visible")

    return [
        ("Chat (empty)", "", None),
        ("Chat (answers, sources open)", "", chat_answer),
        ("Check wording (empty)", "/check_wording", None),
        ("Check wording (checked)", "/check_wording", _check_wording),
        ("Documents", "/documents", None),
        ("Evaluation", "/evaluation", None),
    ]


# --- axe --------------------------------------------------------------------------------


def _excluded(rule: str, target: list) -> str | None:
    """The documented reason a node's violation is Streamlit's own, or None."""
    return EXCLUSIONS.get((rule, " ".join(str(t) for t in target)))


def _summarise(violations: list[dict]) -> list[dict]:
    """One row per rule: impact, node count, and how many nodes an exclusion covers."""
    rows = []
    for v in violations:
        excluded = [n for n in v["nodes"] if _excluded(v["id"], n["target"])]
        rows.append(
            {
                "rule": v["id"],
                "impact": v["impact"],
                "count": len(v["nodes"]),
                "excluded": len(excluded),
                "help": v["help"],
                "targets": [" ".join(map(str, n["target"])) for n in v["nodes"]][:5],
            }
        )
    return rows


def _write_report(results: dict[str, list[dict]]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-report.json").write_text(json.dumps(results, indent=2))
    lines = ["# axe-core report", "", f"Rules: {', '.join(AXE_OPTIONS['runOnly']['values'])}."]
    for page, rows in results.items():
        lines += ["", f"## {page}", ""]
        if not rows:
            lines.append("No violations.")
            continue
        lines += ["| rule | impact | count | excluded |", "|---|---|---|---|"]
        lines += [f"| {r['rule']} | {r['impact']} | {r['count']} | {r['excluded']} |" for r in rows]
    if EXCLUSIONS:
        lines += ["", "## Exclusions (Streamlit's own markup)", ""]
        lines += [f"- `{rule}` on `{sel}`: {why}" for (rule, sel), why in EXCLUSIONS.items()]
    (ARTIFACTS / "axe-report.md").write_text("\n".join(lines) + "\n")


def _axe(page, name: str) -> list[str]:
    """Run axe on the page as it is; record it in the report; return what fails the target."""
    from axe_playwright_python.sync_playwright import Axe

    rows = _summarise(Axe().run(page, options=AXE_OPTIONS).response["violations"])
    RESULTS[name] = rows
    _write_report(RESULTS)
    return [
        f"{name}: {r['rule']} ({r['impact']}) x{r['count'] - r['excluded']} {r['targets']}"
        for r in rows
        if r["impact"] in FAILING_IMPACTS and r["count"] > r["excluded"]
    ]


def test_axe_finds_no_serious_or_critical_violation_on_any_page(app, browser) -> None:
    url, _ = app
    failing = []
    context = browser.new_context()
    for name, path, prepare in _states(url):
        page = context.new_page()
        _open(page, url + path)
        if prepare:
            prepare(page)
        failing += _axe(page, name)
        page.close()
    # the check itself can fail: an image planted without alt text is caught as critical
    page = context.new_page()
    _open(page, url)
    settle(page)  # a rerun still drawing the page would remove the planted image
    page.evaluate("document.querySelector('main h1').after(document.createElement('img'))")
    planted = _axe(page, "planted image (check of the check)")
    del RESULTS["planted image (check of the check)"]
    _write_report(RESULTS)
    context.close()
    assert any(line.split(": ")[1].startswith("image-alt (critical)") for line in planted), planted
    assert not failing, "\n".join(failing)


# --- keyboard only --------------------------------------------------------------------------

# Counts every pointer or mouse press the page sees, to prove the test used none.
COUNT_POINTER = """
window.__pointer = 0;
for (const kind of ["pointerdown", "mousedown", "touchstart"]) {
  window.addEventListener(kind, () => { window.__pointer += 1; }, true);
}
"""


# WCAG 2.4.11 (Focus Not Obscured): some of the focused element shows, not under a sticky bar.
FOCUS_SHOWN = """(() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  const points = [[(r.left + r.right) / 2, (r.top + r.bottom) / 2], [r.left + 2, r.top + 2],
                  [r.right - 2, r.bottom - 2]];
  return points.some(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (el.contains(hit) || hit.contains(el));
  });
})()"""


def _tab_to(page, predicate: str, what: str, limit: int = 60) -> None:
    """Press Tab until `predicate` (JS over `el`, the focused element) holds; it must show."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            page.wait_for_timeout(300)  # the browser scrolls it into view
            assert page.evaluate(FOCUS_SHOWN), f"{what} has the focus but is hidden"
            return
    pytest.fail(f"{what} cannot be reached with Tab")


def _feedback_rows(settings: Settings) -> list:
    if not settings.feedback_path.is_file():
        return []
    with sqlite3.connect(settings.feedback_path) as db:
        return db.execute("SELECT question, rating FROM feedback").fetchall()


def test_keyboard_alone_asks_opens_a_source_and_gives_feedback(app, browser) -> None:
    url, settings = app
    before = len(_feedback_rows(settings))
    page = browser.new_page()
    page.add_init_script(COUNT_POINTER)
    _open(page, url)

    _tab_to(page, "el.dataset.testid === 'stChatInputTextArea'", "the chat box")
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.locator("[data-testid='stFeedback']").first.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)  # the rest of the card is drawn
    assert "64" in page.locator("[data-testid='stChatMessage']").nth(1).inner_text()

    source = page.locator("[data-testid='stExpander']").first
    assert not source.locator("[data-testid='stExpanderDetails']").is_visible()
    _tab_to(page, "el.tagName === 'SUMMARY'", "the first source")
    page.keyboard.press("Enter")
    details = source.locator("[data-testid='stExpanderDetails']")
    details.wait_for(state="visible", timeout=10_000)
    settle(page)  # opening a source reruns the page to draw its page or section
    assert "Prevent" in details.inner_text()  # the quoted passage is shown

    _tab_to(page, "el.closest(\"[data-testid='stFeedback']\") !== null", "the thumbs")
    page.keyboard.press("Enter")  # thumbs up, the first of the pair
    page.get_by_text("Thanks: feedback saved").wait_for(timeout=20_000)
    deadline = time.monotonic() + 20
    while len(_feedback_rows(settings)) == before and time.monotonic() < deadline:
        time.sleep(0.5)
    question, rating = _feedback_rows(settings)[-1]
    assert "Prevent referrals" in question and rating == 1
    assert page.evaluate("window.__pointer") == 0  # no mouse, pointer or touch press at all
    page.close()


# --- 375 pixels wide ------------------------------------------------------------------------

OVERFLOW = """(() => {
  const doc = document.documentElement, main = document.querySelector("main");
  return {page: [doc.scrollWidth, doc.clientWidth], main: [main.scrollWidth, main.clientWidth]};
})()"""


def test_at_375_pixels_no_page_scrolls_sideways_or_fails_axe(app, browser) -> None:
    url, _ = app
    shot = ARTIFACTS / "mobile-375-chat.png"
    shot.unlink(missing_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 812})
    wide, failing = [], []
    for name, path, prepare in _states(url):
        page = context.new_page()
        _open(page, url + path)
        if prepare:
            prepare(page)
        # the page and Streamlit's scrolling <main> are both no wider than the screen
        for part, (scroll, client) in page.evaluate(OVERFLOW).items():
            if scroll > client + 1:
                wide.append(f"{name}: {part} scrolls {scroll} px in {client}")
        failing += _axe(page, f"{name}, 375 px")
        if prepare and path == "":
            ARTIFACTS.mkdir(exist_ok=True)
            answer = page.locator("[data-testid='stChatMessage']").nth(1)
            # its top, below Streamlit's header bar
            answer.evaluate("el => { el.scrollIntoView(); el.closest('main').scrollBy(0, -70); }")
            page.screenshot(path=str(shot))
        page.close()
    # the check itself can fail: a planted 600-pixel-wide block makes <main> scroll
    page = context.new_page()
    _open(page, url)
    page.evaluate("document.querySelector('main h1').style.width = '600px'")
    assert page.evaluate(OVERFLOW)["main"][0] >= 600
    context.close()
    assert shot.is_file()
    assert not wide, "\n".join(wide)
    assert not failing, "\n".join(failing)
