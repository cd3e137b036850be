"""Eval diff: an eval report + the baseline -> what changed (for the Documents page).

After a corpus update a maintainer runs the eval (questions and wording) from the page and sees
what it changed: documents added, removed or changed since the baseline, questions newly failing
or newly passing, wording cases whose verdict changed, and the summary figures before and after.
Accepting writes the baseline through report.write_baseline, as `assistant eval
--update-baseline` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.evaluate import Progress, load_baseline
from assistant.report import shown_question, write_baseline

QUESTIONS = "questions.yaml"
WORDING = "wording.yaml"
BASELINE = "baseline.json"
EXTRA_SETS = {"dev": "dev_questions.yaml", "blind": "blind_questions.yaml"}


@dataclass(frozen=True)
class EvalDiff:
    """What an eval run changed against the baseline (rows are plain dicts, ready to show)."""

    documents: list[dict[str, str]] = field(default_factory=list)  # doc_id, change
    newly_failing: list[dict[str, Any]] = field(default_factory=list)  # id, set, question
    newly_passing: list[dict[str, Any]] = field(default_factory=list)
    not_in_baseline: list[dict[str, Any]] = field(default_factory=list)  # id, set, passed
    wording: list[dict[str, Any]] = field(default_factory=list)  # id, expected, got, now
    figures: list[dict[str, Any]] = field(default_factory=list)  # metric, before, after, change

    @property
    def regressed(self) -> list[str]:
        """The metrics that fell beyond their tolerance."""
        return [f["metric"] for f in self.figures if f["regressed"]]


def baseline_path(settings: Settings) -> Path:
    """Where the baseline the page compares with (and accepts into) lives."""
    return settings.eval_dir / BASELINE


def run_corpus_eval(
    assistant: Any, settings: Settings, progress: Progress | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the eval as `assistant eval` does, from settings.eval_dir; return (report, baseline).

    The baseline is the one the report was compared with, read before the run.

    Raises:
        AssistantError: the eval set is missing or malformed.
    """
    from assistant.evaluate import run_eval

    folder = settings.eval_dir
    baseline = load_baseline(baseline_path(settings))
    wording = folder / WORDING
    report, _ = run_eval(
        assistant,
        folder / QUESTIONS,
        baseline_path(settings),
        folder / "reports",
        wording=wording if wording.is_file() else None,
        extra_sets={name: folder / file for name, file in EXTRA_SETS.items()},
        progress=progress,
    )
    return report, baseline


def accept_baseline(settings: Settings, report: dict[str, Any]) -> Path:
    """Make the report the new baseline (the same code path as `--update-baseline`)."""
    path = baseline_path(settings)
    write_baseline(path, report)
    return path


def _documents(report: dict[str, Any], baseline: dict[str, Any]) -> list[dict[str, str]]:
    old, new = baseline.get("documents", {}), report.get("documents", {})
    rows = []
    for doc in sorted(set(old) | set(new)):
        if old.get(doc) == new.get(doc):
            continue
        change = "added" if doc not in old else "removed" if doc not in new else "changed"
        rows.append({"doc_id": doc, "change": change})
    return rows


def _figures(report: dict[str, Any], baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary figures before and after (metrics new since the baseline have no before)."""
    compared = {r["metric"]: r for r in report.get("comparison", [])}
    before = baseline.get("summary", {})
    rows = []
    for metric, after in report["summary"]["overall"].items():
        row = compared.get(metric)
        old = before.get(metric)
        rows.append(
            {
                "metric": metric,
                "before": old,
                "after": after,
                "change": None if old is None else round(after - old, 4),
                "regressed": bool(row and row["regressed"]),
            }
        )
    return rows


def eval_diff(report: dict[str, Any], baseline: dict[str, Any]) -> EvalDiff:
    """Compare an eval report with a baseline (baseline_record of an earlier report)."""
    was = baseline.get("items", {})
    rows = report.get("items", [])
    questions = [r for r in rows if r.get("category") != "wording"]

    def brief(r: dict[str, Any]) -> dict[str, Any]:
        return {"id": r["id"], "set": r.get("set", "heldout"), "question": shown_question(r)}

    return EvalDiff(
        documents=_documents(report, baseline),
        newly_failing=[brief(r) for r in questions if was.get(r["id"]) and not r["passed"]],
        newly_passing=[brief(r) for r in questions if was.get(r["id"]) is False and r["passed"]],
        not_in_baseline=[
            {"id": r["id"], "set": r.get("set", "heldout"), "passed": r["passed"]}
            for r in rows
            if r["id"] not in was
        ]
        if was
        else [],
        wording=[
            {
                "id": r["id"],
                "expected": r.get("expected", ""),
                "got": r.get("got", ""),
                "now": "passing" if r["passed"] else "failing",
            }
            for r in rows
            if r.get("category") == "wording" and r["id"] in was and was[r["id"]] != r["passed"]
        ],
        figures=_figures(report, baseline),
    )
