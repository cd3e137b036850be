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
from benchmarks.common import free_port


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


@contextlib.contextmanager
def serve_app(settings: Settings, root: Path) -> Iterator[str]:
    """Run `assistant serve` (the app, model warmed at start) on a loopback port; yield its URL."""
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "HF_HUB_OFFLINE": "1",
    }
    args = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", *args, "--server.headless", "true"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/_stcore/health", proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
