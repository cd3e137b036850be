"""Several people at once: browser contexts against one `assistant serve`, questions in flight
together. Each conversation keeps its own questions and answers (no cross-talk between
sessions), and the audit trail holds one record per answer with its chain intact.
"""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditLog
from assistant.config import Settings
from assistant.index import build_index
from tests.corpus_fixture import write_good
from tests.servers import BROWSER_MARKS, chromium, serve_app

ROOT = Path(__file__).resolve().parents[1]
pytestmark = BROWSER_MARKS

# (question, words its answer must show); the other questions' words must not show in it
ROUNDS = [
    [
        ("Who chairs the Partnership?", "Police, Fire and Crime Commissioner"),
        ("Where do Prevent referrals go?", "by email"),
        ("Is Channel voluntary?", "pre-criminal"),
        ("Who leads the Prevent Board?", "Assistant Chief Constable"),
    ],
    [
        ("Is Channel voluntary?", "pre-criminal"),
        ("Who leads the Prevent Board?", "Assistant Chief Constable"),
        ("Who chairs the Partnership?", "Police, Fire and Crime Commissioner"),
        ("Where do Prevent referrals go?", "by email"),
    ],
]
MARKERS = {marker for rnd in ROUNDS for _, marker in rnd}


def _answers(page) -> list[str]:
    return [
        page.get_by_test_id("stChatMessage").nth(i).inner_text()
        for i in range(page.get_by_test_id("stChatMessage").count())
    ]


def test_people_asking_at_once_each_get_their_own_answers_and_every_one_is_audited(
    tmp_path: Path, real_embedder
) -> None:
    from playwright.sync_api import expect

    write_good(tmp_path / "corpus")
    settings = Settings(
        _env_file=None, corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index"
    )
    build_index(settings, real_embedder)
    with serve_app(settings, ROOT) as url, chromium() as browser:
        pages = [browser.new_context().new_page() for _ in ROUNDS[0]]
        for page in pages:
            page.goto(url)
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
        for n, questions in enumerate(ROUNDS, start=1):
            for page, (question, _) in zip(pages, questions, strict=True):
                box = page.get_by_test_id("stChatInputTextArea")
                box.fill(question)
                box.press("Enter")  # every question is sent before any answer is awaited
            for page, (question, marker) in zip(pages, questions, strict=True):
                answer = page.get_by_test_id("stChatMessage").nth(2 * n - 1)
                expect(answer).to_contain_text(marker, timeout=120_000)
                page.get_by_test_id("stSpinner").wait_for(state="detached", timeout=120_000)
                page.wait_for_timeout(1500)  # the rest of the card is drawn
                shown = _answers(page)
                assert len(shown) == 2 * n, shown  # this session's turns only
                assert question in shown[-2]
                assert marker in shown[-1], (question, shown[-1])
                others = MARKERS - {marker}
                assert not any(m in shown[-1] for m in others), (question, shown[-1])
    log = AuditLog(settings.audit_path)
    records = [r for r in log.rows() if r["question"]]  # (a prune checkpoint has none)
    asked = sorted(q for rnd in ROUNDS for q, _ in rnd)
    assert sorted(r["question"] for r in records) == asked  # one record per answer, no more
    assert log.verify().ok
