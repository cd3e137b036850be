from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main


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

    assert main(["ask", "   "]) == 2
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


MALFORMED = {
    "": "empty",
    "\n\n": "empty",
    "|": "no words",
    "?!?! ... ;": "no words",
    "x" * 100_000: "100,000 characters",
    "Combien de renvois Prevent en 2023/24 ?": "looks French",
    "2023/24年有多少转介？": "another script",
    "\x1b[2J\x1b]0;title\x07\u202e\u200b": "empty",
}


@pytest.mark.parametrize("question", list(MALFORMED))
def test_malformed_question_exits_2_in_one_line(
    env: Path, question: str, capsys: pytest.CaptureFixture
) -> None:
    assert main(["ask", question]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("error: ") and MALFORMED[question] in captured.err


def test_malformed_question_from_a_real_process_has_no_traceback(env: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "|"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "no words" in run.stderr
    assert "Traceback" not in run.stderr


def test_audit_export_needs_a_real_date(env: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["audit", "export", "--since", "31/01/2026"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "use YYYY-MM-DD" in err
    assert main(["audit", "verify"]) == 1  # nothing asked yet
    assert "No audit store" in capsys.readouterr().err


@pytest.mark.slow
def test_every_cli_answer_is_audited_and_the_trail_verifies_and_exports(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import csv
    import io
    import sqlite3

    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO("Who chairs the Partnership?\n|\nhow often\x00 does it meet?\x1b[0m\n"),
    )
    assert main(["chat", "--json"]) == 0  # the bad line: one error line, the chat goes on
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2 and "no words" in captured.err
    assert main(["ask", "How many Prevent referrals were there?"]) == 0
    capsys.readouterr()

    assert main(["audit", "verify"]) == 0
    assert "verified: 3 records (3 answers)" in capsys.readouterr().out
    out = env / "export.csv"
    assert main(["audit", "export", "--since", "2000-01-01", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["question"] for r in rows] == [
        "Who chairs the Partnership?",
        "how often does it meet?",
        "How many Prevent referrals were there?",
    ]
    assert rows[1]["condensed_question"].startswith("how often does it meet? Who chairs")
    assert {r["user"] for r in rows} == {"local"} and rows[0]["corpus_version"]
    assert main(["audit", "prune"]) == 0  # no retention set: nothing pruned, said so
    assert "kept for ever" in capsys.readouterr().err

    with sqlite3.connect(env / "index" / "audit.sqlite3") as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit SET answer = 'No.' WHERE seq = 2")
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "record 2 was edited" in err


def test_audit_commands_on_a_store_written_by_the_api(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from assistant.audit import AuditLog
    from tests.test_audit import _entry

    store = AuditLog(env / "index" / "audit.sqlite3")
    for i in range(3):
        store.append(_entry(i, user="alice" if i == 1 else "local"))
    assert main(["audit", "export", "--since", "2000-01-01", "--user", "alice"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2 and "1 audit records exported" in captured.err
    assert main(["audit", "export", "--since", "2000-01-01", "--out", "no/such/dir.csv"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    monkeypatch.setenv("ASSISTANT_AUDIT_RETENTION_DAYS", "30")
    assert main(["audit", "prune"]) == 0
    assert "0 audit records older than 30 days pruned" in capsys.readouterr().out
    assert main(["audit", "verify"]) == 0
    assert "verified: 3 records (3 answers)" in capsys.readouterr().out
