from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("torch", "sentence_transformers", "chromadb", "langchain_core", "transformers")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {m for m in out.split() if m.split(".")[0] in HEAVY}


def test_import_assistant_is_light() -> None:
    assert _loaded_after("import assistant") == set()


def test_cli_help_is_light() -> None:
    code = (
        "from assistant.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert _loaded_after(code) == set()


@pytest.mark.slow  # builds the sample index with the real model
def test_asking_a_question_never_loads_torch(sample_index, monkeypatch) -> None:
    """The ONNX backend answers without torch, transformers or sentence-transformers."""
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(sample_index.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(sample_index.index_dir))
    code = (
        "from assistant.cli import main\ntry:\n    main(['ask', 'Who chairs the partnership?'])"
        "\nexcept SystemExit as exc:\n    assert not exc.code, exc.code"
    )
    loaded = _loaded_after(code)
    assert "chromadb" in loaded  # it did answer from the index
    heavy = {"torch", "transformers", "sentence_transformers"}
    assert not {m.split(".")[0] for m in loaded} & heavy
