from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.feedback import FeedbackStore
from assistant.types import Answer, Source


def _answer(text: str) -> Answer:
    src = Source(1, "d", "Doc", "S", 2, "2024-01-01", "current", "quote", "chunk-1", 0.5)
    return Answer("q", text, [], [src], grounded=True)


def test_feedback_round_trip_and_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    store = FeedbackStore(tmp_path / "index" / "feedback.sqlite3")
    store.record("Who chairs SCP?", _answer("The OPFCC [1]"), 1, corpus_version="v1")
    store.record("How many hotspots?", _answer("Twelve [1]"), 0, " wrong number ", "v1")
    rows = store.rows()
    assert [r["rating"] for r in rows] == [0, 1] and rows[0]["chunk_ids"] == '["chunk-1"]'

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    assert main(["feedback", "export"]) == 0
    items = yaml.safe_load(capsys.readouterr().out)["questions"]
    assert len(items) == 1
    assert items[0]["question"] == "How many hotspots?" and items[0]["comment"] == "wrong number"
    assert items[0]["answered"] == "Twelve [1]"


def test_export_without_feedback_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "none"))
    assert main(["feedback", "export"]) == 1
    assert "No feedback yet" in capsys.readouterr().err
