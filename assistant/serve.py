"""Serve: the Streamlit app, with the model and the index warmed in the background at start.

`assistant serve` starts the warm-up, then Streamlit in the same process, so the first person
to open the app does not wait for a model load. The app asks `warmup(settings)` for the
assistant: while it warms, the page says so and a question typed meanwhile is answered as soon
as it is ready (see streamlit_app.py). Once it is ready, `assistant serve` also does what a new
browser session's first page would (assistant/ui_warm.py) and opens the app once itself, so the
first person's page costs what any later one does.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from assistant import language as lang
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.pipeline import Assistant, load_assistant
from assistant.spelling import english
from assistant.ui_warm import served_url, visit, warm_ui

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
WARM_QUESTION = "What does the partnership do?"  # any question: it loads every lazy part
# Streamlit's defaults that `assistant serve` changes (flags given after these win). Magic
# (writing a bare expression to the page) is unused by our pages, and its pass over their
# syntax trees cost about 0.15 s each time Streamlit compiles them: when the first visitor
# comes, and again after every visitor has left. The file watcher (which offers a rerun when
# a source file is edited: a developer's aid, not a served app's) walks every loaded module
# (about 1,800 with the model and index) after each new session's first page, holding Python's
# GIL for 0.35 to 0.5 s while the browser fetches the chat box's scripts from this process.
STREAMLIT_FLAGS = ("--runner.magicEnabled", "false", "--server.fileWatcherType", "none")


def load_and_warm(settings: Settings) -> Assistant:
    """Open the index and answer one question, so the model and every store are loaded."""
    assistant = load_assistant(settings)
    assistant.ask(WARM_QUESTION, record=False)  # a warm-up, not an answer to anyone
    english()  # read on a question's first unknown word (spelling.py): loaded now, not then
    lang.wordnet_table()  # likewise WordNet, read on the first word the documents never write
    return assistant


class Warmup:
    """Loads the assistant in a background thread; `wait` hands it over when it is ready."""

    def __init__(
        self, settings: Settings, load: Callable[[Settings], Assistant] = load_and_warm
    ) -> None:
        """Remember what to load; `start` begins."""
        self.settings, self._load = settings, load
        self._done = threading.Event()
        self._assistant: Assistant | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="warmup", daemon=True)

    def start(self) -> Warmup:
        """Begin loading (once)."""
        if not self._thread.is_alive() and not self._done.is_set():
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._assistant = self._load(self.settings)
        except Exception as exc:  # handed to whoever waits, shown there as one line
            self._error = exc
        finally:
            self._done.set()

    def ready(self) -> bool:
        """Whether loading has finished (well or not)."""
        return self._done.is_set()

    def settle(self, timeout: float | None = None) -> bool:
        """Block until loading has finished or `timeout` seconds passed; whether it finished."""
        return self._done.wait(timeout)

    def wait(self, timeout: float | None = None) -> Assistant:
        """The loaded assistant, once ready.

        Raises:
            AssistantError: loading failed (the same message the command line gives), or did
                not finish within `timeout` seconds.
        """
        if not self._done.wait(timeout):
            raise AssistantError("Still warming up: try again in a few seconds")
        if isinstance(self._error, AssistantError):
            raise self._error
        if self._error is not None:
            raise AssistantError(
                f"Could not load the assistant ({self._error.__class__.__name__}: {self._error})"
            ) from self._error
        assert self._assistant is not None
        return self._assistant


_WARMUPS: dict[str, Warmup] = {}
_LOCK = threading.Lock()


def warmup(settings: Settings) -> Warmup:
    """The process-wide warm-up for these settings, started on first call."""
    key = settings.model_dump_json()
    with _LOCK:
        if key not in _WARMUPS:
            _WARMUPS[key] = Warmup(settings).start()
        return _WARMUPS[key]


def warm_page(warm: Warmup) -> None:
    """Once the assistant is ready: the UI's once-per-process work, then one visit to the app.

    Run after readiness, not as part of it, so nobody waits on the "Warming up" page for it.
    """
    if not warm.settle(timeout=600):
        return
    try:
        assistant = warm.wait(timeout=0)
    except AssistantError:
        return  # the page says why to whoever opens it
    warm_ui(assistant)  # what each new browser session's first page would do (ui_warm.py)
    if url := served_url():
        visit(url)


def main(settings: Settings, streamlit_args: list[str]) -> int:
    """Warm up in the background, then run the Streamlit app here with `streamlit_args`.

    The app asks for the same settings (from the same environment), so it finds this warm-up.
    """
    from streamlit.web import cli as streamlit_cli

    warm = warmup(settings)
    threading.Thread(target=warm_page, args=(warm,), name="warm-page", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *STREAMLIT_FLAGS, *streamlit_args]
    return streamlit_cli.main()  # type: ignore[no-any-return]
