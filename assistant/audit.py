"""Audit: every answer -> one record in an append-only, hash-chained SQLite store.

Each record holds the previous record's hash and its own hash over a canonical JSON of its
fields (HMAC-SHA256 when `ASSISTANT_AUDIT_KEY` is set, so only a holder of the key can write a
record that verifies). Editing, deleting, inserting or reordering a record breaks the chain,
and `verify` names the first record where it breaks. Triggers refuse UPDATE and DELETE as a
first line of defence; the chain is the proof. A prune (the retention setting) deletes the
oldest records and appends a checkpoint carrying the hash of the last one it deleted, so the
chain still verifies from there.

No maintained library keeps a hash-chained log in SQLite (immudb and Trillian are servers), so
this is our own, kept small: one table, one canonical form, one verifier.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from assistant.errors import AuditError

LOCAL_USER = "local"  # who asks when nobody is signed in (CLI, API, the app without [auth])
GENESIS = "0" * 64  # the previous hash of the first record ever written
HASHED = (
    "seq",
    "kind",
    "created",
    "user",
    "question",
    "condensed_question",
    "answer",
    "sources",
    "corpus_version",
    "mode",
    "abstained",
    "detail",
    "prev_hash",
)
COLUMNS = (*HASHED, "hash")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")  # a spreadsheet would run a cell starting so

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        created TEXT NOT NULL,
        user TEXT NOT NULL,
        question TEXT NOT NULL,
        condensed_question TEXT NOT NULL,
        answer TEXT NOT NULL,
        sources TEXT NOT NULL,
        corpus_version TEXT NOT NULL,
        mode TEXT NOT NULL,
        abstained INTEGER NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS audit_created ON audit (created)",
    "CREATE TABLE IF NOT EXISTS audit_gate (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER)",
    "INSERT OR IGNORE INTO audit_gate VALUES (1, 0)",
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        WHEN (SELECT open FROM audit_gate) = 0
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only: use assistant audit prune');
        END""",
)


@dataclass(frozen=True)
class AuditEntry:
    """What one answer leaves in the audit store."""

    user: str
    question: str
    condensed_question: str
    answer: str
    sources: tuple[dict[str, str], ...]  # chunk_id, doc_id, file_hash (the document version)
    corpus_version: str
    mode: str
    abstained: bool


@dataclass(frozen=True)
class Verification:
    """The outcome of walking the chain."""

    ok: bool
    records: int
    answers: int
    head: str
    problem: str = ""


def entry_for(answer: Any, user: str, manifest: Mapping[str, Any]) -> AuditEntry:
    """Describe an Answer for the audit store, with each cited document's file hash."""
    docs = manifest.get("documents", {})
    return AuditEntry(
        user=user or LOCAL_USER,
        question=answer.question,
        condensed_question=answer.condensed_query,
        answer=answer.text,
        sources=tuple(
            {
                "chunk_id": s.chunk_id,
                "doc_id": s.doc_id,
                "file_hash": docs.get(s.doc_id, {}).get("file_hash", ""),
            }
            for s in answer.sources
        ),
        corpus_version=str(manifest.get("corpus_version") or ""),
        mode=answer.mode,
        abstained=not answer.grounded,
    )


def record_hash(record: Mapping[str, Any], key: bytes | None = None) -> str:
    """Hash a record's fields as canonical JSON (sorted keys, no spaces, UTF-8)."""
    fields = {name: record[name] for name in HASHED}
    fields["seq"], fields["abstained"] = int(fields["seq"]), int(fields["abstained"])
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if key:
        return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def verify_rows(
    rows: Iterable[Mapping[str, Any]],
    checkpoint: Mapping[str, Any] | None = None,
    key: bytes | None = None,
) -> Verification:
    """Walk records in seq order and report the first break in the chain.

    `checkpoint` is the newest prune checkpoint's detail: it vouches for the first record when
    older ones were pruned.
    """
    prev: Mapping[str, Any] | None = None
    count = answers = 0
    for row in rows:
        seq = int(row["seq"])
        problem = _link_problem(prev, row, checkpoint)
        if not problem and record_hash(row, key) != row["hash"]:
            problem = f"record {seq} was edited or forged: its hash does not match its contents"
        if problem:
            return Verification(False, count, answers, prev["hash"] if prev else GENESIS, problem)
        count, answers, prev = count + 1, answers + (row["kind"] == "answer"), row
    return Verification(True, count, answers, prev["hash"] if prev else GENESIS)


def _link_problem(
    prev: Mapping[str, Any] | None, row: Mapping[str, Any], checkpoint: Mapping[str, Any] | None
) -> str:
    seq = int(row["seq"])
    if prev is None:
        if seq == 1 and row["prev_hash"] == GENESIS:
            return ""
        if checkpoint and checkpoint.get("pruned_through") == seq - 1:
            if checkpoint.get("pruned_head") == row["prev_hash"]:
                return ""
        return f"record {seq}: the records before it were deleted (no prune checkpoint covers them)"
    if seq != int(prev["seq"]) + 1:
        return f"record {seq}: records {int(prev['seq']) + 1} to {seq - 1} were deleted"
    if row["prev_hash"] != prev["hash"]:
        return f"record {seq} does not follow record {seq - 1}: inserted, reordered or replaced"
    return ""


@contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction that takes the write lock at once, so the chain never forks."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class AuditLog:
    """The audit store: append, verify, export, prune. Safe across threads and processes."""

    def __init__(self, path: Path, key: str | None = None, timeout: float = 60.0) -> None:
        """Remember where the store is; nothing is created until the first append."""
        self.path = Path(path)
        self._key = key.encode("utf-8") if key else None
        self.timeout = timeout
        self._ready = False
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        db.row_factory = sqlite3.Row
        return db

    def _setup(self) -> None:
        with self._lock:
            if self._ready:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as db:
                db.execute("PRAGMA journal_mode=WAL")  # readers never block the one writer
                with _immediate(db):
                    for statement in _SCHEMA:
                        db.execute(statement)
            self._ready = True

    def append(self, entry: AuditEntry) -> int:
        """Append one answer's record and return its sequence number.

        Raises:
            AuditError: the store cannot be written (the answer must not go out unrecorded).
        """
        fields = {
            "kind": "answer",
            "user": entry.user,
            "question": entry.question,
            "condensed_question": entry.condensed_question,
            "answer": entry.answer,
            "sources": json.dumps(list(entry.sources), sort_keys=True, ensure_ascii=False),
            "corpus_version": entry.corpus_version,
            "mode": entry.mode,
            "abstained": int(entry.abstained),
            "detail": "{}",
        }
        try:
            self._setup()
            with closing(self._connect()) as db, _immediate(db):
                return self._insert(db, fields)
        except sqlite3.Error as exc:
            raise AuditError(
                f"Cannot write the audit store {self.path} ({exc}): fix it, the answer was "
                "not given"
            ) from exc

    def _insert(self, db: sqlite3.Connection, fields: dict[str, Any]) -> int:
        last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        record = {
            **fields,
            "seq": last["seq"] + 1 if last else 1,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "prev_hash": last["hash"] if last else GENESIS,
        }
        record["hash"] = record_hash(record, self._key)
        db.execute(
            f"INSERT INTO audit ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            [record[c] for c in COLUMNS],
        )
        return int(record["seq"])

    def _open_existing(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise AuditError(
                f"No audit store at {self.path}: answers are recorded there as they are asked"
            )
        return self._connect()

    def verify(self) -> Verification:
        """Walk the whole chain in one consistent snapshot.

        Raises:
            AuditError: there is no store, or it is not an audit store.
        """
        try:
            with closing(self._open_existing()) as db:
                db.execute("BEGIN")
                return self._verify(db)
        except sqlite3.Error as exc:
            raise AuditError(f"Cannot read the audit store {self.path}: {exc}") from exc

    def _verify(self, db: sqlite3.Connection) -> Verification:
        found = db.execute(
            "SELECT detail FROM audit WHERE kind = 'checkpoint' ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        checkpoint = json.loads(found["detail"]) if found else None
        rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM audit ORDER BY seq")
        return verify_rows(rows, checkpoint, self._key)

    def rows(self, since: dt.date | None = None, user: str | None = None) -> list[dict[str, Any]]:
        """Records from a date (UTC) on, optionally one user's only, oldest first."""
        where, args = ["created >= ?"], [since.isoformat() if since else ""]
        if user is not None:
            where.append("user = ?")
            args.append(user)
        try:
            with closing(self._open_existing()) as db:
                found = db.execute(
                    f"SELECT {', '.join(COLUMNS)} FROM audit WHERE {' AND '.join(where)} "
                    "ORDER BY seq",
                    args,
                )
                return [dict(r) for r in found]
        except sqlite3.Error as exc:
            raise AuditError(f"Cannot read the audit store {self.path}: {exc}") from exc

    def prune(self, days: int, now: dt.datetime | None = None) -> int:
        """Delete records older than `days` and chain a checkpoint after them; return how many.

        Raises:
            AuditError: the chain is broken (pruning would hide it) or the store is unwritable.
        """
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)
        try:
            self._setup()
            with closing(self._connect()) as db, _immediate(db):
                return self._prune(db, cutoff.isoformat(timespec="microseconds"), days)
        except sqlite3.Error as exc:
            raise AuditError(f"Cannot prune the audit store {self.path}: {exc}") from exc

    def _prune(self, db: sqlite3.Connection, cutoff: str, days: int) -> int:
        check = self._verify(db)
        if not check.ok:
            raise AuditError(f"Not pruning: the audit chain is broken ({check.problem})")
        last = db.execute(
            "SELECT seq, hash FROM audit WHERE created < ? ORDER BY seq DESC LIMIT 1", (cutoff,)
        ).fetchone()
        if last is None:
            return 0
        count = db.execute("SELECT COUNT(*) FROM audit WHERE seq <= ?", (last["seq"],)).fetchone()
        db.execute("UPDATE audit_gate SET open = 1")
        db.execute("DELETE FROM audit WHERE seq <= ?", (last["seq"],))
        db.execute("UPDATE audit_gate SET open = 0")
        detail = {"pruned_through": last["seq"], "pruned_head": last["hash"], "before": cutoff}
        self._insert(
            db,
            {
                "kind": "checkpoint",
                "user": "",
                "question": "",
                "condensed_question": "",
                "answer": f"pruned {count[0]} records older than {days} days",
                "sources": "[]",
                "corpus_version": "",
                "mode": "",
                "abstained": 0,
                "detail": json.dumps(detail, sort_keys=True),
            },
        )
        return int(count[0])


def _cell(value: Any) -> Any:
    """Neutralise a spreadsheet formula (CSV injection) with a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA) else value


def write_csv(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write records as CSV (every column, the hashes too); return how many.

    A text cell starting with = + - @ ' or a tab gets one leading apostrophe, so a spreadsheet
    shows it as text; `read_csv` removes it again.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({c: _cell(row[c]) for c in COLUMNS})
        n += 1
    return n


def read_csv(source: IO[str]) -> list[dict[str, Any]]:
    """Read an export back into records (as stored), for checking it."""
    records = []
    for row in csv.DictReader(source):
        record: dict[str, Any] = {k: v[1:] if v.startswith("'") else v for k, v in row.items()}
        record["seq"], record["abstained"] = int(record["seq"]), int(record["abstained"])
        records.append(record)
    return records


def parse_since(text: str) -> dt.date:
    """Read a YYYY-MM-DD date.

    Raises:
        UsageError: it is not one.
    """
    from assistant.errors import UsageError

    try:
        return dt.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError as exc:
        raise UsageError(
            f"--since {text!r} is not a date: use YYYY-MM-DD, e.g. 2026-01-31"
        ) from exc
