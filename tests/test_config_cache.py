"""current_settings: one Settings per environment, built afresh when it changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.config import Settings, current_settings


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, with no ASSISTANT_* variables set."""
    for name in [k for k in os.environ if k.upper().startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_same_environment_gives_the_same_settings_object(workdir: Path) -> None:
    first = current_settings()
    assert current_settings() is first
    assert first == Settings()


def test_a_changed_variable_gives_new_settings(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = current_settings()
    monkeypatch.setenv("ASSISTANT_TOP_K", "7")
    after = current_settings()
    assert after is not before and after.top_k == 7
    monkeypatch.delenv("ASSISTANT_TOP_K")
    assert current_settings().top_k == before.top_k


def test_an_edited_dotenv_file_gives_new_settings(workdir: Path) -> None:
    (workdir / ".env").write_text("ASSISTANT_COLLECTION=orchard\n", encoding="utf-8")
    assert current_settings().collection == "orchard"
    (workdir / ".env").write_text("ASSISTANT_COLLECTION=meadowlands\n", encoding="utf-8")
    assert current_settings().collection == "meadowlands"


def test_invalid_settings_raise_on_every_call(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_CHUNK_OVERLAP", "5000")
    for _ in range(2):
        with pytest.raises(ValueError, match="chunk_overlap"):
            current_settings()
