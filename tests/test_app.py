from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import Settings

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")


@pytest.mark.slow
def test_chat_answers_with_sources(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    at.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert not at.exception
    answer = at.chat_message[1].markdown[0].value.replace("\\", "")  # Markdown escapes
    assert "64" in answer and "[1]" in answer
    assert any("Prevent Overview" in e.label for e in at.expander)


@pytest.mark.slow
def test_abstention_looks_different(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.chat_input[0].set_value("What is the price of a bus ticket to Glasgow?").run()
    assert at.warning and "don't cover" in at.warning[0].value
