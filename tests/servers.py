"""Helpers for tests that start real servers on loopback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from benchmarks.common import CHROMIUM, CHROMIUM_ARGS, free_port


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    """Poll url until it answers; fail the test if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"server exited early ({proc.args[0]})")
            time.sleep(0.4)
    proc.kill()
    pytest.fail(f"server at {url} did not start within {timeout:.0f} s")


# The marks of every browser test: run by CI (it installs Chromium), skipped elsewhere without.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian chromium not installed (.ci/run installs it)",
    ),
]


@contextlib.contextmanager
def serve_app(
    settings: Settings,
    root: Path,
    port: int | None = None,
    extra: tuple[str, ...] = (),
    log: Path | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run `assistant serve` (the app, model warmed at start) on a loopback port; yield its URL.

    `extra` are more streamlit flags (e.g. `--secrets.files`); `log` keeps the server's output;
    `env` adds environment variables (e.g. ASSISTANT_EVAL_DIR).
    """
    port = port or free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "HF_HUB_OFFLINE": "1",
        **(env or {}),
    }
    args = ["--server.port", str(port), "--server.address", "127.0.0.1", *extra]
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", *args, "--server.headless", "true"],
        cwd=root,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/_stcore/health", proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if log:
            out.close()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium under Playwright, headless, with the project's flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


IDLE = """() => !document.querySelector(
    "[data-stale='true'], [data-testid='stStatusWidgetRunningIcon']")"""


def settle(page: object, timeout: float = 90_000) -> None:
    """Wait until the app's current run has finished and nothing on the page is stale.

    Opening a source reruns the page (its page or section is rendered only once opened).
    """
    page.wait_for_timeout(300)  # the rerun request reaches the server and the run starts
    page.wait_for_function(IDLE, timeout=timeout)
