"""The same code against a real Chroma server started on loopback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import build_index
from assistant.pipeline import Assistant, load_assistant
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


def test_a_replica_with_an_empty_index_folder_answers_from_the_server(
    chroma_server: str, settings: Settings, real_embedder, tmp_path: Path
) -> None:
    """App replicas on other machines share the index: the manifest lives on the server too."""
    writer = settings.model_copy(update={"chroma_url": chroma_server})
    build_index(writer, real_embedder)
    replica = Settings(
        _env_file=None,
        corpus_dir=tmp_path / "no-corpus-here",
        index_dir=tmp_path / "replica-index",
        chroma_url=chroma_server,
        index_check_seconds=0,
    )
    serving = load_assistant(replica, real_embedder)
    answer = serving.ask("How many Prevent referrals were there?")
    assert answer.grounded and "64" in answer.text
    assert not (tmp_path / "no-corpus-here").exists()  # it did not try to ingest anything

    # the writer changes a document: the replica, still running, answers from the new version
    (writer.corpus_dir / "prevent.html").write_text(
        (writer.corpus_dir / "prevent.html").read_text().replace("<td>64<", "<td>71<")
    )
    assert build_index(writer, real_embedder, rebuild=True).rebuilt  # a new collection, old gone
    later = serving.ask("How many Prevent referrals were there?")  # the same running replica
    assert "71" in later.text and "64" not in later.text
