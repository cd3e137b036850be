from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, corpus: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path


def test_status_without_index_says_what_to_run(env: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["status"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "run: assistant ingest" in err


def test_bad_usage_exits_2(env: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["ask"])
    assert info.value.code == 2


def test_invalid_setting_is_one_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("ASSISTANT_TOP_K", "zero")
    assert main(["status"]) == 1
    assert "Invalid configuration" in capsys.readouterr().err


@pytest.mark.slow
def test_ingest_status_ask_end_to_end(env: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["ingest"]) == 1  # the fixture catalog lists a missing file
    out = capsys.readouterr().out
    assert out.startswith("5 added, 0 updated, 0 removed, 0 skipped, 0 failed, 1 missing")
    assert "missing: gone.md" in out

    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["documents"] == 5 and status["chunks"] > 5
    assert status["per_document"]["violence-2024"]["pages"] == 2

    assert main(["ask", "Who chairs the Partnership?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {"question", "text", "grounded", "sources", "sentences", "mode"} <= set(answer)
    assert answer["grounded"] and "Police, Fire and Crime Commissioner" in answer["text"]
    source = answer["sources"][0]
    assert {
        "doc_id",
        "title",
        "section",
        "page",
        "published",
        "status",
        "quote",
        "chunk_id",
        "score",
    } <= set(source)
    assert source["doc_id"] == "strategy" and source["quote"]

    assert main(["ask", "   "]) == 1
    assert "question is empty" in capsys.readouterr().err


@pytest.mark.slow
def test_ask_builds_a_missing_index_and_says_so(env: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["ask", "How many Prevent referrals were there?"]) == 0
    captured = capsys.readouterr()
    assert "No index" in captured.err and "64" in captured.out


@pytest.mark.slow
def test_chat_reads_one_question_per_line_as_one_conversation(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Who chairs the Partnership?\n\nhow often does it meet?\n")
    )
    assert main(["chat", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    assert lines[1]["condensed_query"].startswith("how often does it meet? Who chairs")
    assert "quarterly" in lines[1]["text"]
