"""Feedback: thumbs up/down on answers -> SQLite store -> draft eval items for maintainers."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

_SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    chunk_ids TEXT NOT NULL,
    corpus_version TEXT,
    rating INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
)"""


class FeedbackStore:
    """Answers rated by users, with what was cited and which corpus version answered."""

    def __init__(self, path: Path) -> None:
        """Open (creating if needed) the SQLite file."""
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path)) as db, db:
            db.execute(_SCHEMA)

    def record(
        self,
        question: str,
        answer: Any,
        rating: int,
        comment: str = "",
        corpus_version: str | None = None,
    ) -> int:
        """Store one rating (1 = helpful, 0 = not) and return its id."""
        chunk_ids = [s.chunk_id for s in answer.sources]
        with closing(sqlite3.connect(self.path)) as db, db:
            cur = db.execute(
                "INSERT INTO feedback (created, question, answer, chunk_ids, corpus_version, "
                "rating, comment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    question,
                    answer.text,
                    json.dumps(chunk_ids),
                    corpus_version,
                    int(rating),
                    comment.strip(),
                ),
            )
            return int(cur.lastrowid or 0)

    def rows(self, rating: int | None = None) -> list[dict[str, Any]]:
        """Return stored feedback, newest first (optionally one rating only)."""
        query = "SELECT * FROM feedback" + (" WHERE rating = ?" if rating is not None else "")
        with closing(sqlite3.connect(self.path)) as db:
            db.row_factory = sqlite3.Row
            found = db.execute(query + " ORDER BY id DESC", () if rating is None else (rating,))
            return [dict(r) for r in found]


def draft_eval_items(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turn thumbs-down feedback into eval items for a maintainer to complete."""
    return [
        {
            "id": f"feedback-{row['id']}",
            "question": row["question"],
            "expected_docs": [],  # TODO(maintainer): the doc_ids that answer it, or leave empty
            "must_include": [],  # TODO(maintainer): the facts a right answer contains
            "category": "lookup",  # TODO(maintainer): or unanswerable, table, ...
            "answered": row["answer"],
            "comment": row["comment"],
            "corpus_version": row["corpus_version"],
        }
        for row in rows
        if row["rating"] == 0
    ]
