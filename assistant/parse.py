"""Parse: corpus file -> Document, in a worker process bounded in time and memory.

One worker is started per ingest and reused for every file (starting one costs more than parsing
a typical file). It caps its own address space (RLIMIT_AS) and pypdf's stream sizes; the ingest
process waits at most `parse_timeout_seconds` for each answer, counted from the moment the worker
says it is ready (its own start never counts against a file). A worker that overruns, runs out
of memory or dies is killed and replaced, and the file is reported failed with the reason.

The worker comes from the "forkserver" start method: ingest has threads by then (Chroma, ONNX
Runtime) and forking a threaded process can deadlock the child.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from assistant.config import Settings
from assistant.errors import DocumentError
from assistant.ingest import CorpusFile, load_document
from assistant.types import Document, ParseLimits

_MB = 1024 * 1024
_START_SECONDS = 120  # a new worker imports the parsers once; only an overloaded machine is slower
# Imported once in the fork server, so each new worker starts with them loaded.
_PRELOAD = ["assistant.ingest", "assistant.pii", "pypdf", "docx", "bs4", "langchain_text_splitters"]


def parse_limits(settings: Settings) -> ParseLimits:
    """Return the parse limits a Settings asks for."""
    return ParseLimits(
        timeout_seconds=settings.parse_timeout_seconds,
        memory_mb=settings.parse_memory_mb,
        max_unpacked_mb=settings.max_unpacked_mb,
        max_zip_ratio=settings.max_zip_ratio,
        max_line_chars=settings.max_line_chars,
        max_nesting=settings.max_nesting,
        pii=settings.pii,
    )


def _serve(conn: Connection, limits: ParseLimits) -> None:
    """Worker loop: receive a CorpusFile, send back ("ok", Document) or ("error", reason)."""
    limit = limits.memory_mb * _MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from assistant.loaders import limit_pdf_streams

    limit_pdf_streams(int(limits.max_unpacked_mb * _MB))
    conn.send("ready")  # the parse timeout counts from here, not from the process start
    while True:
        try:
            file = conn.recv()
        except EOFError:
            return
        conn.send(_parse_one(file, limits))


def _parse_one(file: CorpusFile, limits: ParseLimits) -> tuple[str, Any]:
    try:
        return "ok", load_document(file, limits)
    except DocumentError as exc:
        return "error", str(exc)
    except MemoryError:
        return "error", _memory_reason(limits)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not stop the other files
        return "error", f"could not parse ({exc.__class__.__name__}): check the file"


def _memory_reason(limits: ParseLimits) -> str:
    return (
        f"needed more than {limits.memory_mb:,} MB to parse: check the file or raise "
        "ASSISTANT_PARSE_MEMORY_MB"
    )


@contextmanager
def _no_main_script() -> Iterator[None]:
    """Start a worker that does not re-run the caller's `__main__` script.

    multiprocessing re-imports the parent's main script in each new process; Streamlit runs every
    page as `__main__` (the Documents page re-indexes), and a page run outside Streamlit fails.
    The worker needs nothing from it, so while it starts, `__main__` is a bare module.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class ParseWorker:
    """A reusable parse worker process; use as a context manager, or call close()."""

    def __init__(self, limits: ParseLimits) -> None:
        """Remember the limits; the process starts on the first parse()."""
        self.limits = limits
        self._process: Any = None
        self._conn: Connection | None = None

    def parse(self, file: CorpusFile) -> Document:
        """Parse one file in the worker.

        Raises:
            DocumentError: the file was refused, failed, overran the time or memory limit, or
                killed the worker; the message is the reason to report.
        """
        conn = self._start()
        conn.send(file)
        if not conn.poll(self.limits.timeout_seconds):
            self._stop()
            raise DocumentError(
                f"took longer than {self.limits.timeout_seconds:g} s to parse: check the file "
                "or raise ASSISTANT_PARSE_TIMEOUT_SECONDS"
            )
        try:
            status, value = conn.recv()
        except (EOFError, OSError) as exc:
            code = self._stop()
            raise DocumentError(self._death_reason(code)) from exc
        if status == "error":
            raise DocumentError(value)
        return value  # type: ignore[no-any-return]

    def _death_reason(self, code: int | None) -> str:
        # A C library that cannot allocate under RLIMIT_AS may abort instead of raising.
        return (
            f"the parser stopped (exit code {code}) - it needed more than "
            f"{self.limits.memory_mb:,} MB or crashed: check the file"
        )

    def _start(self) -> Connection:
        if self._conn is not None and self._process.is_alive():
            return self._conn
        self._stop()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(theirs, self.limits), name="assistant-parse", daemon=True
        )
        with _no_main_script():
            self._process.start()
        theirs.close()
        self._conn = ours
        self._wait_until_ready(ours)
        return ours

    def _wait_until_ready(self, conn: Connection) -> None:
        """Wait for the new worker's "ready", so its start never counts against a file."""
        try:
            ready = conn.poll(_START_SECONDS) and conn.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            code = self._stop()
            raise DocumentError(
                f"the parse worker did not start (exit code {code}) within {_START_SECONDS} s: "
                "run the ingest again, or raise ASSISTANT_PARSE_MEMORY_MB"
            )

    def _stop(self) -> int | None:
        """Kill the worker (if any) and return its exit code."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is None:
            return None
        if self._process.is_alive():
            self._process.kill()
        self._process.join(5)
        code = self._process.exitcode
        self._process = None
        return code  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the worker."""
        self._stop()

    def __enter__(self) -> ParseWorker:
        """Return self; the worker starts on first use."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the worker."""
        self.close()
