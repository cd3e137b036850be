"""The same code against a real Chroma server started on loopback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import build_index
from assistant.pipeline import Assistant
from tests.servers import free_port, wait_for_http

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture()
def chroma_server(tmp_path: Path):
    port = free_port()
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
    proc = subprocess.Popen(
        [
            exe,
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for_http(f"{url}/api/v2/heartbeat", proc, timeout=60)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_ask_against_a_chroma_server(
    chroma_server: str, settings: Settings, real_embedder, tmp_path: Path
) -> None:
    remote = settings.model_copy(update={"chroma_url": chroma_server})
    report = build_index(remote, real_embedder)
    assert report.count("added") == 5
    assert not (remote.index_dir / "chroma").exists()  # nothing stored locally but the manifest

    # A second app process with no local BM25 copy rebuilds it from the server's collection.
    shutil.rmtree(remote.index_dir / "bm25")
    answer = Assistant(remote, real_embedder).ask("How many Prevent referrals were there?")
    assert answer.grounded and "64" in answer.text
    assert (remote.index_dir / "bm25" / "ids.json").is_file()
    assert build_index(remote, real_embedder).count("skipped") == 5
