"""Shared fixtures: network guard, tiny corpus, real model, real Chroma index."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

from assistant.config import Settings
from tests.corpus_fixture import write_bad, write_good

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = Path(__file__).resolve().parents[1]


def _loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return isinstance(address, str | bytes)  # AF_UNIX paths


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection except loopback fails the test."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        if not _loopback(address):
            raise RuntimeError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_good(root)
    return root


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, corpus: Path) -> Path:
    """The CLI's environment: working in tmp_path, the tiny corpus, an index beside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path


@pytest.fixture()
def bad_corpus(corpus: Path) -> Path:
    write_bad(corpus)
    return corpus


@pytest.fixture()
def settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(
        _env_file=None, corpus_dir=corpus, index_dir=tmp_path / "index", max_file_mb=0.2
    )


@pytest.fixture(scope="session")
def real_embedder():
    from assistant.embed import OnnxEmbedder

    return OnnxEmbedder("packaged:all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Settings:
    """The real sample corpus indexed once with the real model (shared, read-only)."""
    from assistant.index import build_index

    settings = Settings(
        _env_file=None,
        corpus_dir=ROOT / "corpus",
        index_dir=tmp_path_factory.mktemp("sample") / "index",
    )
    build_index(settings, real_embedder)
    return settings
