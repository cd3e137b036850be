"""UI warm-up: what each new browser session's first page would compute -> computed once.

Profiled on a fresh `assistant serve` (cProfile of Streamlit's script runs, 2 cores), the first
run of the chat page for a new session took 1.2 to 1.9 s, of which about 0.7 s was importing
pandas and pyarrow (the answer's tables), 0.3 s reading every chunk's section from Chroma to
draw the suggested questions (again for every session), and 0.1 to 0.2 s collecting garbage
over the model and index after each run. This module does that work once per process: the
warm-up (assistant/serve.py) calls `warm_ui` once the model is ready, and the chat page asks
`suggestions` (memoised per index, corpus version and read access).

What remained of that first run was Streamlit's own once-per-process work (0.3 to 0.5 s: its
first element checks whether it runs in a REPL by walking the stack against every loaded
module). `visit` pays it, and anything else a first run does, by opening the app once over
its websocket as a browser would, when the server is up and the model warm.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
import time
import urllib.request
from typing import TYPE_CHECKING

from assistant.access import local_user

if TYPE_CHECKING:
    from assistant.guard import UserAssistant
    from assistant.pipeline import Assistant
    from assistant.suggest import Suggestion

UI_MODULES = ("pandas", "pyarrow")  # what Streamlit's dataframes (Documents, Evaluation) import
SUGGESTIONS = 4  # how many questions the empty chat offers
_MEMO: dict[tuple, list[Suggestion]] = {}
_MEMO_LIMIT = 64  # distinct (index, version, access) at once: a few groups, a few re-indexes
_LOCK = threading.Lock()
_LOG = logging.getLogger(__name__)


def suggestions(assistant: UserAssistant, n: int = SUGGESTIONS) -> list[Suggestion]:
    """The empty chat's suggested questions for this user's read access, computed once.

    Users who may read the same documents get the same questions; a re-index (a new corpus
    version) computes them afresh.
    """
    key = (str(assistant.settings.index_dir), assistant.corpus_version, assistant.user.access, n)
    with _LOCK:
        found = _MEMO.get(key)
    if found is None:
        found = assistant.suggested_questions(n)
        with _LOCK:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.pop(next(iter(_MEMO)))  # the oldest entry
            _MEMO[key] = found
    return found


def warm_ui(assistant: Assistant) -> None:
    """Import what the pages draw with, and compute the local user's suggestions.

    Then freeze what is loaded so far (model, index, imports) out of the garbage collector:
    Streamlit collects garbage after every script run, and scanning those long-lived objects
    each time cost 0.1 to 0.2 s per run. Objects made later are still collected.
    """
    from assistant.guard import UserAssistant

    for name in UI_MODULES:
        importlib.import_module(name)
    suggestions(UserAssistant(assistant, local_user()))
    gc.freeze()


def served_url(timeout: float = 120) -> str | None:
    """This process's Streamlit server on loopback, once it answers health checks (or None)."""
    from streamlit import config
    from streamlit.runtime import Runtime

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Runtime.exists():
            host = config.get_option("server.address") or "127.0.0.1"
            host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # listening everywhere
            base = (config.get_option("server.baseUrlPath") or "").strip("/")
            url = f"http://{host}:{config.get_option('server.port')}" + (f"/{base}" if base else "")
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                return url
            except OSError:
                pass
        time.sleep(0.2)
    return None


def visit(url: str, timeout: float = 60) -> bool:
    """Open the app at `url` once as a new browser session would; whether its page finished.

    It speaks Streamlit's own protocol: the websocket at /_stcore/stream, one request to run
    the page (as the browser sends on opening it), then messages until the run finishes. No
    question is asked, so nothing is answered or audited.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    stream = "ws" + url.removeprefix("http") + "/_stcore/stream"
    request = BackMsg()
    request.rerun_script.query_string = ""  # the default page, as a first visit opens it
    deadline = time.monotonic() + timeout
    try:
        with connect(stream, subprotocols=["streamlit"], open_timeout=timeout) as ws:  # type: ignore[list-item]
            ws.send(request.SerializeToString())
            while time.monotonic() < deadline:
                message = ForwardMsg()
                message.ParseFromString(ws.recv(timeout=max(0.0, deadline - time.monotonic())))
                if message.WhichOneof("type") == "script_finished":
                    return True
    except (OSError, TimeoutError, WebSocketException) as exc:
        _LOG.warning("Warm-up visit to %s failed (%s): the first visitor will be slower", url, exc)
    return False
