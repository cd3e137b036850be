"""Backup, restore and index versions, through the CLI with the real model and Chroma."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import Settings


def _ingest(capsys: pytest.CaptureFixture) -> str:
    main(["ingest"])
    return capsys.readouterr().out


def _ask(capsys: pytest.CaptureFixture, question: str) -> dict:
    assert main(["ask", question, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _status(capsys: pytest.CaptureFixture) -> dict:
    assert main(["status", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_backup_then_restore_over_a_changed_index_brings_back_the_same_answers(
    env: Path, corpus: Path, capsys: pytest.CaptureFixture
) -> None:
    _ingest(capsys)
    feedback = sqlite3.connect(env / "index" / "feedback.sqlite3")
    feedback.execute("CREATE TABLE votes (q TEXT)")
    feedback.execute("INSERT INTO votes VALUES ('kept')")
    feedback.commit()
    feedback.close()
    before = _ask(capsys, "Who chairs the Partnership?")
    status = _status(capsys)

    assert main(["backup", str(env / "b1")]) == 0
    assert "5 documents" in capsys.readouterr().out
    assert main(["backup", str(env / "b1")]) == 1  # never over an earlier backup
    assert "already exists" in capsys.readouterr().err

    (corpus / "strategy.md").unlink()  # the index moves on, then is restored
    _ingest(capsys)
    assert _status(capsys)["documents"] == 4

    (env / "index" / "feedback.sqlite3").unlink()  # a new machine: restored from the backup
    assert main(["restore", str(env / "b1")]) == 0
    out = capsys.readouterr().out
    assert "restored 5 documents" in out and "consistent" in out and "test query: 5" in out
    again = _status(capsys)
    assert again["documents"] == 5 and again["chunks"] == status["chunks"]
    assert again["corpus_version"] == status["corpus_version"] and again["check"]["consistent"]
    after = _ask(capsys, "Who chairs the Partnership?")
    assert after["text"] == before["text"] and after["sources"] == before["sources"]
    rows = sqlite3.connect(env / "index" / "feedback.sqlite3").execute("SELECT q FROM votes")
    assert rows.fetchall() == [("kept",)]


@pytest.mark.slow
def test_restore_never_rolls_back_records_made_since_the_backup(
    env: Path, capsys: pytest.CaptureFixture
) -> None:
    _ingest(capsys)
    store = env / "index" / "feedback.sqlite3"
    with sqlite3.connect(store) as db:
        db.execute("CREATE TABLE votes (q TEXT)")
    assert main(["backup", str(env / "b1")]) == 0
    with sqlite3.connect(store) as db:
        db.execute("INSERT INTO votes VALUES ('after the backup')")
    assert main(["restore", str(env / "b1")]) == 0
    rows = sqlite3.connect(store).execute("SELECT q FROM votes").fetchall()
    assert rows == [("after the backup",)]


@pytest.mark.slow
def test_a_damaged_backup_is_refused_and_the_index_keeps_serving(
    env: Path, capsys: pytest.CaptureFixture
) -> None:
    _ingest(capsys)
    assert main(["backup", str(env / "b1")]) == 0
    lines = (env / "b1" / "chunks.jsonl").read_text().splitlines()
    (env / "b1" / "chunks.jsonl").write_text("\n".join(lines[:-3]) + "\n")
    capsys.readouterr()
    assert main(["restore", str(env / "b1")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err
    assert _status(capsys)["check"]["consistent"]
    assert _ask(capsys, "Who chairs the Partnership?")["grounded"]
    assert main(["restore", str(env / "nowhere")]) == 1
    assert "not a backup" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "value", "named"),
    [("chroma_version", "0.4.24", "Chroma 0.4.24"), ("chunker_version", "old-1", "chunker")],
)
def test_an_index_from_another_version_says_how_to_rebuild(
    env: Path, capsys: pytest.CaptureFixture, key: str, value: str, named: str
) -> None:
    _ingest(capsys)
    path = env / "index" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["signature"][key] = value
    path.write_text(json.dumps(manifest))
    capsys.readouterr()
    for command in (["ask", "Who chairs the Partnership?"], ["status"]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and named in err and "assistant ingest --rebuild" in err
    assert main(["ingest"]) == 1  # the fixture lists a missing file; the rest is rebuilt
    assert "5 added" in capsys.readouterr().out
    assert _status(capsys)["check"]["consistent"]


def test_restore_refuses_a_backup_made_with_another_model(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from assistant.index import build_index
    from tests.fakes import HashEmbedder

    settings = Settings(_env_file=None, corpus_dir=env / "corpus", index_dir=tmp_path / "other")
    build_index(settings, HashEmbedder())
    from assistant.backup import backup

    backup(settings, tmp_path / "b-hash")
    assert main(["restore", str(tmp_path / "b-hash")]) == 1
    err = capsys.readouterr().err
    assert "model hash-64" in err and "assistant ingest --rebuild" in err
