"""The audit trail: hash chain, tampering caught, concurrent appends, export, retention."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from assistant.audit import (
    COLUMNS,
    GENESIS,
    AuditEntry,
    AuditLog,
    read_csv,
    record_hash,
    verify_rows,
    write_csv,
)
from assistant.errors import AuditError


def _entry(i: int, user: str = "local", question: str = "") -> AuditEntry:
    return AuditEntry(
        user=user,
        question=question or f"How many referrals in year {i}?",
        condensed_question=f"referrals year {i}",
        answer=f"There were {i} referrals. [1]",
        sources=({"chunk_id": f"c{i}", "doc_id": "prevent", "file_hash": "ab" * 32},),
        corpus_version="v1",
        mode="extractive",
        abstained=i % 3 == 0,
    )


@pytest.fixture()
def log(tmp_path: Path) -> AuditLog:
    store = AuditLog(tmp_path / "audit.sqlite3")
    for i in range(1, 6):
        store.append(_entry(i))
    return store


def _tamper(log: AuditLog, *statements: str) -> None:
    """Change the file as someone with write access would: triggers dropped first."""
    with closing(sqlite3.connect(log.path)) as db, db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("DROP TRIGGER audit_no_delete")
        for statement in statements:
            db.execute(statement)


def _forge(log: AuditLog, key: bytes | None = None, **changes: object) -> None:
    """Append a record that links onto the head, its hash computed with `key`."""
    with closing(sqlite3.connect(log.path)) as db, db:
        db.row_factory = sqlite3.Row
        head = dict(db.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone())
        forged = {**head, "seq": head["seq"] + 1, "prev_hash": head["hash"], **changes}
        forged["hash"] = changes.get("hash") or record_hash(forged, key)
        db.execute(
            f"INSERT INTO audit VALUES ({', '.join('?' * len(COLUMNS))})",
            [forged[c] for c in COLUMNS],
        )


def test_records_chain_from_genesis_and_verify(log: AuditLog) -> None:
    check = log.verify()
    assert check.ok and check.records == 5 and check.answers == 5
    rows = log.rows()
    assert rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert json.loads(rows[0]["sources"])[0]["file_hash"] == "ab" * 32
    assert rows[2]["abstained"] == 1 and rows[0]["user"] == "local"
    assert check.head == rows[-1]["hash"]


def test_triggers_refuse_update_and_delete(log: AuditLog) -> None:
    with closing(sqlite3.connect(log.path)) as db:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE audit SET answer = 'nothing' WHERE seq = 2")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM audit WHERE seq = 2")
    assert log.verify().ok


def test_an_edited_field_is_caught(log: AuditLog) -> None:
    _tamper(log, "UPDATE audit SET answer = 'There were no referrals.' WHERE seq = 3")
    check = log.verify()
    assert not check.ok and check.records == 2
    assert check.problem.startswith("record 3 was edited")


def test_an_edited_user_with_a_recomputed_hash_breaks_the_next_link(log: AuditLog) -> None:
    rows = {r["seq"]: r for r in log.rows()}
    edited = {**rows[2], "user": "someone-else"}
    _tamper(
        log, f"UPDATE audit SET user = 'someone-else', hash = '{record_hash(edited)}' WHERE seq = 2"
    )
    assert log.verify().problem.startswith("record 3 does not follow record 2")


def test_a_deleted_row_is_caught(log: AuditLog) -> None:
    _tamper(log, "DELETE FROM audit WHERE seq = 3")
    assert log.verify().problem == "record 4: records 3 to 3 were deleted"


def test_deleted_first_rows_are_caught(log: AuditLog) -> None:
    _tamper(log, "DELETE FROM audit WHERE seq <= 2")
    assert "records before it were deleted" in log.verify().problem


def test_a_deleted_last_row_leaves_a_valid_shorter_chain(log: AuditLog) -> None:
    """The limit of any chain kept in one file: note the head `verify` prints elsewhere."""
    head = log.verify().head
    _tamper(log, "DELETE FROM audit WHERE seq = 5")
    check = log.verify()
    assert check.ok and check.records == 4 and check.head != head


def test_a_forged_row_is_caught(log: AuditLog) -> None:
    _forge(log, question="Who is the chair?", hash="f" * 64)
    check = log.verify()
    assert not check.ok and check.problem.startswith("record 6 was edited or forged")


def test_with_a_key_a_row_forged_without_it_is_caught(tmp_path: Path) -> None:
    keyed = AuditLog(tmp_path / "keyed.sqlite3", key="s3cret")
    for i in range(3):
        keyed.append(_entry(i))
    assert keyed.verify().ok
    _forge(keyed, question="Who is the chair?")  # a correct SHA-256, but no key
    assert keyed.verify().problem.startswith("record 4 was edited or forged")
    assert not AuditLog(keyed.path).verify().ok  # and without the key nothing verifies


def test_reordered_rows_are_caught(log: AuditLog) -> None:
    rows = {r["seq"]: r for r in log.rows()}
    _tamper(log)
    others = [c for c in COLUMNS if c != "seq"]
    with closing(sqlite3.connect(log.path)) as db, db:
        for seq, source in ((2, rows[3]), (3, rows[2])):
            db.execute(
                f"UPDATE audit SET {', '.join(f'{c} = ?' for c in others)} WHERE seq = ?",
                [source[c] for c in others] + [seq],
            )
    assert log.verify().problem.startswith("record 2 does not follow record 1")


def test_verify_without_a_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="No audit store"):
        AuditLog(tmp_path / "none.sqlite3").verify()
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.slow
def test_threads_appending_at_once_leave_one_valid_chain(tmp_path: Path) -> None:
    store = AuditLog(tmp_path / "audit.sqlite3")
    start = threading.Barrier(16)

    def worker(t: int) -> None:
        start.wait()
        for i in range(25):
            store.append(_entry(i, user=f"user{t}", question=f"thread {t} question {i}"))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check = store.verify()
    assert check.ok and check.records == 400
    asked = {r["question"] for r in store.rows()}
    assert asked == {f"thread {t} question {i}" for t in range(16) for i in range(25)}
    assert [r["seq"] for r in store.rows()] == list(range(1, 401))


_APPEND = """
import sys
from pathlib import Path
from assistant.audit import AuditLog
from tests.test_audit import _entry
store = AuditLog(Path(sys.argv[1]))
for i in range(20):
    store.append(_entry(i, user="process" + sys.argv[2]))
"""


@pytest.mark.slow
def test_processes_appending_at_once_leave_one_valid_chain(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    path = tmp_path / "audit.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(root)}
    workers = [
        subprocess.Popen([sys.executable, "-c", _APPEND, str(path), str(w)], cwd=root, env=env)
        for w in range(4)
    ]
    assert [w.wait(timeout=300) for w in workers] == [0, 0, 0, 0]
    check = AuditLog(path).verify()
    assert check.ok and check.records == 80
    users = {r["user"] for r in AuditLog(path).rows()}
    assert users == {f"process{w}" for w in range(4)}


def test_export_csv_round_trips_and_verifies(log: AuditLog) -> None:
    log.append(_entry(6, question='=HYPERLINK("http://x")?'))  # a formula, as typed
    out = io.StringIO()
    assert write_csv(log.rows(), out) == 6
    text = out.getvalue()
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    back = read_csv(io.StringIO(text))
    assert back == log.rows()
    assert verify_rows(back).ok  # an export can be checked on its own


def test_export_since_and_by_user(log: AuditLog) -> None:
    log.append(_entry(7, user="alice"))
    assert len(log.rows(dt.date(2000, 1, 1))) == 6
    assert log.rows(dt.date.today() + dt.timedelta(days=2)) == []
    assert [r["user"] for r in log.rows(user="alice")] == ["alice"]


def _at(created: str) -> dt.datetime:
    return dt.datetime.fromisoformat(created)


def test_prune_keeps_the_chain_verifiable(log: AuditLog) -> None:
    rows = log.rows()
    # the cutoff falls on record 4's time: records 1-3 are older than 30 days "now"
    assert log.prune(30, now=_at(rows[3]["created"]) + dt.timedelta(days=30)) == 3
    kept = log.rows()
    assert [r["seq"] for r in kept] == [4, 5, 6] and kept[-1]["kind"] == "checkpoint"
    checkpoint = json.loads(kept[-1]["detail"])
    assert checkpoint["pruned_through"] == 3 and checkpoint["pruned_head"] == rows[2]["hash"]
    check = log.verify()
    assert check.ok and check.records == 3 and check.answers == 2
    log.append(_entry(9))
    assert log.verify().ok
    # a second prune that takes everything, the first checkpoint too
    assert log.prune(1, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2)) == 4
    assert log.verify().ok and log.verify().records == 1


def test_after_a_prune_deleting_the_first_kept_record_is_caught(log: AuditLog) -> None:
    rows = log.rows()
    log.prune(30, now=_at(rows[3]["created"]) + dt.timedelta(days=30))
    _tamper(log, "DELETE FROM audit WHERE seq = 4")
    assert "records before it were deleted" in log.verify().problem


def test_prune_refuses_a_broken_chain(log: AuditLog) -> None:
    _tamper(log, "UPDATE audit SET answer = 'changed' WHERE seq = 2")
    with pytest.raises(AuditError, match="Not pruning"):
        log.prune(1, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    assert len(log.rows()) == 5


def test_an_unwritable_store_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "audit.sqlite3").write_text("not a database")
    with pytest.raises(AuditError, match="Cannot write the audit store") as info:
        AuditLog(tmp_path / "audit.sqlite3").append(_entry(1))
    assert "\n" not in str(info.value)


@pytest.mark.slow
def test_every_answer_is_recorded_once_with_its_document_versions(
    sample_index, real_embedder, tmp_path: Path
) -> None:
    from assistant.errors import QuestionError
    from assistant.evaluate import run_questions
    from assistant.pipeline import Assistant, Conversation

    store = AuditLog(tmp_path / "audit.sqlite3")
    assistant = Assistant(sample_index, real_embedder, audit=store)
    convo = Conversation()
    first = assistant.ask("Who chairs the partnership?", conversation=convo, user="alice")
    follow = assistant.ask("how often does it meet?", conversation=convo, user="alice")
    missing = assistant.ask("What is the price of a bus ticket to Glasgow?")
    with pytest.raises(QuestionError):
        assistant.ask("|||")  # refused: nothing was answered, nothing recorded
    assistant.ask("Who chairs the partnership?", record=False)
    item = {"id": "q1", "question": "Who chairs the partnership?", "category": "lookup"}
    item |= {"expected_docs": [], "must_include": []}
    run_questions(assistant, [item])  # the eval records nothing

    rows = store.rows()
    assert [r["question"] for r in rows] == [a.question for a in (first, follow, missing)]
    manifest = assistant.retriever.manifest
    for row, answer in zip(rows, (first, follow, missing), strict=True):
        assert row["answer"] == answer.text and row["mode"] == "extractive"
        assert row["condensed_question"] == answer.condensed_query
        assert row["abstained"] == int(not answer.grounded)
        assert row["corpus_version"] == manifest["corpus_version"]
        cited = json.loads(row["sources"])
        assert [c["chunk_id"] for c in cited] == [s.chunk_id for s in answer.sources]
        assert all(c["file_hash"] == manifest["documents"][c["doc_id"]]["file_hash"] for c in cited)
    assert rows[0]["user"] == rows[1]["user"] == "alice" and rows[2]["user"] == "local"
    assert rows[1]["condensed_question"] != rows[1]["question"]  # the follow-up, resolved
    assert rows[0]["sources"] != "[]" and rows[2]["abstained"] == 1
    assert store.verify().ok


@pytest.mark.slow
def test_an_answer_is_not_given_when_it_cannot_be_recorded(
    sample_index, real_embedder, tmp_path: Path
) -> None:
    from assistant.pipeline import Assistant

    (tmp_path / "audit.sqlite3").write_text("not a database")
    assistant = Assistant(sample_index, real_embedder, audit=AuditLog(tmp_path / "audit.sqlite3"))
    with pytest.raises(AuditError, match="the answer was not given"):
        assistant.ask("Who chairs the partnership?")
