"""Helpers for tests that start real servers on loopback."""

from __future__ import annotations

import subprocess
import time
import urllib.request

import pytest

from benchmarks.common import free_port  # noqa: F401 - the tests' servers use it too


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
