"""Helpers for tests that start real servers on loopback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from benchmarks.common import CHROMIUM, CHROMIUM_ARGS, free_port

ROOT = Path(__file__).resolve().parents[1]
# (e-mail, name, groups) of someone the test's OpenID Connect provider knows
Person = tuple[str, str, list[str]]
READER = ("reader@example.org", "Rita Reader", ["staff"])
MAINTAINER = ("maintainer@example.org", "Max Maintainer", ["staff", "maintainers"])


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
def signed_in_app(
    root: Path,
    write_corpus: Callable[[Path], object],
    embedder: object,
    setup: Callable[[Settings], dict[str, str]] | None = None,
    people: tuple[Person, ...] = (READER, MAINTAINER),
) -> Iterator[tuple[str, Settings]]:
    """`assistant serve` with sign-in, at a real OpenID Connect provider on loopback; yield its URL.

    The provider (oidc-provider-mock) knows `people` (a reader and a maintainer). The app
    serves the corpus `write_corpus` writes under `root`, indexed with `embedder`; `setup`,
    given the settings once the index is built, returns more environment for the server (e.g.
    ASSISTANT_EVAL_DIR).
    """
    import oidc_provider_mock

    from assistant.index import build_index

    users = [
        oidc_provider_mock.User(sub=email, claims={"email": email, "name": name, "groups": groups})
        for email, name, groups in people
    ]
    write_corpus(root / "corpus")
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    build_index(settings, embedder)
    env = setup(settings) if setup else {}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        provider = f"http://localhost:{server.server_port}"
        secrets = root / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "{url}/oauth2callback"\n'
            'cookie_secret = "test-cookie-secret-not-for-production"\n'
            'client_id = "safer-cumbria-assistant"\n'
            'client_secret = "test-client-secret"\n'
            f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        )
        flags = ("--secrets.files", str(secrets))
        with serve_app(settings, ROOT, port, flags, root / "serve.log", env):
            yield url, settings


def sign_in(browser: object, url: str, email: str, **context: object) -> tuple[object, object]:
    """A fresh browser context signed in as `email` through the provider's authorize page.

    `context` are Playwright's options for the new context (e.g. a viewport).
    """
    ctx = browser.new_context(**context)  # type: ignore[attr-defined]
    page = ctx.new_page()
    page.goto(url)
    page.get_by_role("button", name="Sign in").click(timeout=90_000)
    page.get_by_placeholder("sub").fill(email)  # the provider's own form
    page.get_by_role("button", name="Authorize").click()
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    return ctx, page


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
