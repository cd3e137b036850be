"""The mutation audit (scripts/wording_mutations.py) on a small fixed sample of the documents.

Thirty sentences of the sample corpus, each checked as written, and again with exactly one
planted error of each kind that applies (a figure, a year, a place, a body, a direction of
change, a unit). No mutant may be judged "supported"; most sentences as written are.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():  # noqa: ANN202 - the script's module
    spec = importlib.util.spec_from_file_location(
        "wording_mutations", ROOT / "scripts" / "wording_mutations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_mutants_plant_exactly_one_error_of_each_kind() -> None:
    m = _script()
    s = m.Sentence(
        "In 2026/27, Eastport Harbour Board recorded 812 ferry delays in Eastport, up 6.1% on "
        "2025/26.",
        "d",
        "Doc",
    )
    got = {
        kind: text
        for kind, _, text in m.mutants(
            s, random.Random(1), ["Eastport", "Westholm"], ["Westholm Ferry Board"], {}
        )
    }
    assert got["same"] == s.text
    assert got["reordered"].startswith("Eastport Harbour Board recorded 812")
    assert got["place"].count("Westholm") == 1 and "Eastport Harbour" in got["place"]
    assert "Westholm Ferry Board" in got["body"]
    assert ", down 6.1%" in got["direction"]
    assert "2026/27" not in got["year"] or "2025/26" not in got["year"]
    assert "812" not in got["figure"] or "6.1%" not in got["figure"]
    assert "6.1 on" in got["unit"]


@pytest.fixture(scope="module")
def checker(sample_index, real_embedder):
    from assistant.pipeline import Assistant

    return Assistant(sample_index, real_embedder, audit=False)


@pytest.mark.slow
def test_no_mutant_of_a_supported_sentence_is_supported(checker) -> None:
    m = _script()
    records = m.audit(checker, n=30, seed=11, progress=False)
    same = [r for r in records if r["kind"] == "same"]
    assert sum(r["verdict"] == "supported" for r in same) >= 0.8 * len(same)
    mutants = [r for r in records if r["kind"] in m.KINDS and r["base_supported"]]
    assert len(mutants) >= 20
    wrong = [(r["what"], r["text"]) for r in mutants if r["verdict"] == "supported"]
    assert wrong == []
