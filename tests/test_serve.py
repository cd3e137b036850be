"""The warm-up that loads the assistant in the background while the app starts."""

from __future__ import annotations

import gc
import socket
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant import serve, ui_warm
from assistant.access import Access, local_user
from assistant.config import Settings
from assistant.errors import AssistantError, IndexNotBuiltError
from assistant.guard import UserAssistant
from assistant.serve import Warmup, warmup
from assistant.suggest import Suggestion
from tests.servers import ROOT, serve_app


def test_not_ready_until_loaded_then_hands_over_the_assistant(settings: Settings) -> None:
    gate, loaded = threading.Event(), object()
    warm = Warmup(settings, load=lambda s: (gate.wait(10), loaded)[1]).start()
    assert not warm.ready()
    with pytest.raises(AssistantError, match="Still warming up"):
        warm.wait(timeout=0.05)
    gate.set()
    assert warm.wait(timeout=10) is loaded and warm.ready()


def test_a_failed_load_reaches_whoever_waits_as_one_line(settings: Settings) -> None:
    def broken(s: Settings):
        raise IndexNotBuiltError("No index: run assistant ingest")

    with pytest.raises(IndexNotBuiltError, match="run assistant ingest"):
        Warmup(settings, load=broken).start().wait(timeout=10)

    def crashed(s: Settings):
        raise ValueError("disk on fire")

    with pytest.raises(AssistantError, match="Could not load the assistant .*disk on fire"):
        Warmup(settings, load=crashed).start().wait(timeout=10)


@pytest.mark.slow  # the real warm-up builds the fixture corpus's index with the real model
def test_one_warm_up_per_process_and_settings(
    settings: Settings, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "_WARMUPS", {})  # this test's warm-ups only
    other = Settings(_env_file=None, corpus_dir=settings.corpus_dir, index_dir=tmp_path / "other")
    try:
        assert warmup(settings) is warmup(settings)
        assert warmup(other) is not warmup(settings)
    finally:  # these load in the background: wait, so nothing writes after the test
        for s in (settings, other):
            warmup(s).settle(timeout=300)


class _CountingUserAssistant:
    """Stands in for guard.UserAssistant: counts how often suggestions are drawn."""

    def __init__(self, index_dir: Path, version: str, access: Access) -> None:
        self.settings = SimpleNamespace(index_dir=index_dir)
        self.corpus_version = version
        self.user = SimpleNamespace(access=access)
        self.drawn = 0

    def suggested_questions(self, n: int) -> list[Suggestion]:
        self.drawn += 1
        return [Suggestion(f"Question {self.corpus_version} {k}?", "T", "H") for k in range(n)]


def test_suggestions_are_drawn_once_per_index_version_and_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_warm, "_MEMO", {})
    staff = Access(classifications=frozenset({"official"}), groups=frozenset({"staff"}))
    first = _CountingUserAssistant(tmp_path, "v1", staff)
    same = _CountingUserAssistant(tmp_path, "v1", staff)  # another session, same access
    assert ui_warm.suggestions(first) == ui_warm.suggestions(same) and ui_warm.suggestions(first)
    assert first.drawn == 1 and same.drawn == 0
    everything = _CountingUserAssistant(tmp_path, "v1", Access())
    reindexed = _CountingUserAssistant(tmp_path, "v2", staff)
    ui_warm.suggestions(everything)
    ui_warm.suggestions(reindexed)
    assert everything.drawn == 1 and reindexed.drawn == 1  # other access, new corpus version
    assert ui_warm.suggestions(reindexed)[0].question == "Question v2 0?"


@pytest.mark.slow  # the real model and index
def test_the_ui_warm_up_draws_the_local_users_suggestions_and_freezes_what_is_loaded(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_warm, "_MEMO", {})
    try:
        assistant = serve.load_and_warm(settings)
        ui_warm.warm_ui(assistant)  # what serve.warm_page does once the assistant is ready
        assert gc.get_freeze_count() > 0  # the loaded objects are out of every collection
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    [(key, found)] = ui_warm._MEMO.items()
    assert key[2] == local_user().access and found  # the local user's questions, drawn
    assert "pandas" in sys.modules
    # the page's call finds them: nothing is drawn again
    user = UserAssistant(assistant, local_user())
    monkeypatch.setattr(user, "suggested_questions", lambda n: pytest.fail("drawn again"))
    assert ui_warm.suggestions(user) == found


@pytest.mark.slow  # a real `assistant serve` process
def test_a_served_app_can_be_visited_and_a_wrong_address_says_so(
    settings: Settings, real_embedder
) -> None:
    from assistant.index import build_index

    build_index(settings, real_embedder)
    with serve_app(settings, ROOT) as url:
        assert ui_warm.visit(url, timeout=120)  # the page ran to its end for this visitor
    with socket.socket() as idle:  # a port that accepts nothing: no page, one log line
        idle.bind(("127.0.0.1", 0))
        assert not ui_warm.visit(f"http://127.0.0.1:{idle.getsockname()[1]}", timeout=5)


def test_no_server_no_url() -> None:
    assert ui_warm.served_url(timeout=0.5) is None  # not inside `assistant serve`


def test_serve_runs_streamlit_without_magic_or_file_watcher_and_lets_flags_override(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file watcher walked every loaded module after each new session's first page."""
    from streamlit.web import cli as streamlit_cli

    ran: list[list[str]] = []
    monkeypatch.setattr(streamlit_cli, "main", lambda: ran.append(list(sys.argv)) or 0)
    monkeypatch.setattr(serve, "warmup", lambda s: Warmup(s, load=lambda _: object()))
    monkeypatch.setattr(serve, "warm_page", lambda warm: None)  # no server to visit here
    monkeypatch.setattr(sys, "argv", list(sys.argv))  # main sets it for Streamlit's CLI
    assert serve.main(settings, ["--server.fileWatcherType", "auto"]) == 0
    [argv] = ran
    assert argv[:3] == ["streamlit", "run", str(serve.APP)]
    flags = dict(zip(argv[3::2], argv[4::2], strict=True))  # the last given wins, as in Streamlit
    options = list(zip(argv[3::2], argv[4::2], strict=True))
    assert ("--runner.magicEnabled", "false") in options
    assert ("--server.fileWatcherType", "none") in options
    assert flags["--server.fileWatcherType"] == "auto"  # what the person typed comes last
