"""Report: eval summary -> baseline diff, report.json/.md/.html with plots, run history."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
from pathlib import Path
from typing import Any

# Metric -> (tolerance, higher_is_better). A drop beyond the tolerance is a regression.
TOLERANCES: dict[str, tuple[float, bool]] = {
    "hit@1": (0.03, True),
    "hit@5": (0.02, True),
    "mrr@10": (0.03, True),
    "ndcg@10": (0.03, True),
    "fact_recall": (0.03, True),
    "facts_all": (0.03, True),
    "first_line_has_facts": (0.05, True),
    "citation_support": (0.01, True),
    "abstention_recall": (0.05, True),
    "abstention_precision": (0.05, True),
    "wrong_abstention": (0.03, False),
    "supersession_ok": (0.05, True),
    "wording_accuracy": (0.03, True),
    "wording_supported": (0.09, True),
    "wording_conflict": (0.08, True),
    "wording_outdated": (0.12, True),
    "wording_unsupported": (0.13, True),
    "wording_element": (0.08, True),
    "wording_false_supported": (0.0, False),  # the harmful verdict: any rise is a regression
    "wording_paraphrase_supported": (0.09, True),
}


def compare(current: dict[str, float], baseline: dict[str, float]) -> list[dict[str, Any]]:
    """Return one row per metric with the baseline, the change and whether it regressed."""
    rows = []
    for metric, (tol, higher) in TOLERANCES.items():
        if metric not in current or metric not in baseline:
            continue
        delta = current[metric] - baseline[metric]
        worse = -delta if higher else delta
        rows.append(
            {
                "metric": metric,
                "baseline": baseline[metric],
                "current": current[metric],
                "delta": round(delta, 4),
                "regressed": worse > tol + 1e-9,
            }
        )
    return rows


def newly_failing(items: list[dict[str, Any]], baseline_items: dict[str, bool]) -> list[dict]:
    """Items that passed in the baseline and fail now, with what was returned."""
    return [i for i in items if baseline_items.get(i["id"]) and not i["passed"]]


BLIND_WITHHELD = "(blind set: question and answer not shown)"


def shown_question(item: dict[str, Any]) -> str:
    """An item's question as a report shows it: a blind one's is withheld, so nobody tunes on it."""
    return BLIND_WITHHELD if item.get("set") == "blind" else str(item.get("question", ""))


def _failing_line(item: dict[str, Any]) -> str:
    """A newly failing item with what it returned; a blind one by its id only."""
    if item.get("set") == "blind":
        return f"- **{item['id']}** {BLIND_WITHHELD}"
    return f"- **{item['id']}** {item['question']}: returned “{item['answer'][:200]}”"


def baseline_record(report: dict[str, Any]) -> dict[str, Any]:
    """The baseline a report becomes: its gate figures, per-set figures, items and file hashes."""
    return {
        "summary": report["summary"]["overall"],
        "sets": report["summary"].get("sets", {}),
        "items": {r["id"]: r["passed"] for r in report["items"]},
        "documents": report.get("documents", {}),
        "corpus_version": report.get("corpus_version"),
    }


def write_baseline(path: Path, report: dict[str, Any]) -> None:
    """Make a report the new baseline (`assistant eval --update-baseline`, the Documents page).

    Written to a temporary file beside it and moved into place, so a reader never sees half.
    """
    import os
    import tempfile

    text = json.dumps(baseline_record(report), indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=path.parent, prefix=f".{path.name}.", delete=False, encoding="utf-8"
    ) as tmp:
        tmp.write(text)
        tmp.flush()
        os.fsync(tmp.fileno())
    os.replace(tmp.name, path)


def _plot(draw: Any) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2))
    draw(ax)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def plots(summary: dict[str, Any], history: list[dict[str, Any]]) -> dict[str, str]:
    """Draw per-category scores, per-stage latency and the trend across runs (base64 PNGs)."""
    cats = summary["by_category"]

    def per_category(ax: Any) -> None:
        names = list(cats)
        vals = [cats[c].get("facts_all", cats[c].get("abstained", 0.0)) for c in names]
        ax.barh(names, vals, color="#3b6ea8")
        ax.set_xlim(0, 1)
        ax.set_title("Answer correctness by category (abstention for unanswerable)")

    def latency(ax: Any) -> None:
        lat = summary["latency_ms"]
        names = list(lat)
        ax.bar([n + " p50" for n in names], [lat[n]["p50"] for n in names], color="#6aa84f")
        ax.bar([n + " p95" for n in names], [lat[n]["p95"] for n in names], color="#e69138")
        ax.set_ylabel("ms")
        ax.tick_params(axis="x", labelrotation=30, labelsize=7)
        ax.set_title("Latency per stage")

    def trend(ax: Any) -> None:
        for key in ("hit@5", "facts_all", "abstention_recall", "citation_support"):
            ax.plot([h["overall"].get(key, 0) for h in history], marker="o", label=key)
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=7)
        ax.set_title("Trend across the last runs")

    def by_set(ax: Any) -> None:
        sets = summary.get("sets", {})
        width = 0.8 / max(1, len(sets))
        for i, (name, vals) in enumerate(sets.items()):
            xs = [j + i * width for j in range(len(SET_METRICS))]
            ax.bar(xs, [vals[m] for m in SET_METRICS], width, label=name)
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(SET_METRICS))], SET_METRICS)
        ax.tick_params(axis="x", labelrotation=20, labelsize=7)
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=7)
        ax.set_title("Dev (calibration), held-out (gate) and blind (never tuned)")

    return {
        "sets": _plot(by_set),
        "categories": _plot(per_category),
        "latency": _plot(latency),
        "trend": _plot(trend),
    }


def to_markdown(report: dict[str, Any]) -> str:
    """Render the report as Markdown tables."""
    lines = [
        f"# Eval report {report['timestamp']}",
        "",
        f"Corpus version `{report['corpus_version']}`; baseline `{report['baseline_path']}`.",
        "",
        "| metric | current | baseline | change | |",
        "|---|---|---|---|---|",
    ]
    rows = {r["metric"]: r for r in report["comparison"]}
    for metric, value in report["summary"]["overall"].items():
        row = rows.get(metric)
        if row is None:
            lines.append(f"| {metric} | {value:.3f} | - | - | |")
            continue
        flag = "REGRESSED" if row["regressed"] else ""
        lines.append(
            f"| {metric} | {value:.3f} | {row['baseline']:.3f} | {row['delta']:+.3f} | {flag} |"
        )
    lines += _sets_table(report["summary"].get("sets", {}), SET_METRICS)
    lines += _sets_table(report["summary"].get("wording_sets", {}), WORDING_METRICS, "wording")
    lines += ["", "| stage | p50 ms | p95 ms |", "|---|---|---|"]
    lines += [
        f"| {k} | {v['p50']} | {v['p95']} |" for k, v in report["summary"]["latency_ms"].items()
    ]
    lines += ["", "| category | n | scores |", "|---|---|---|"]
    for cat, vals in report["summary"]["by_category"].items():
        scores = ", ".join(f"{k} {v:.2f}" for k, v in vals.items() if k != "n")
        lines.append(f"| {cat} | {vals['n']} | {scores} |")
    lines += ["", "## Newly failing", ""]
    lines += [_failing_line(i) for i in report["newly_failing"]] or ["none"]
    if report.get("changed_documents"):
        lines += ["", "## Documents changed since the baseline", ""]
        lines += [f"- {d}" for d in report["changed_documents"]]
        lines += ["", "Eval items to review: " + ", ".join(report["items_to_review"])]
    return "\n".join(lines) + "\n"


SET_METRICS = (
    "facts_all",
    "first_line_has_facts",
    "wrong_abstention",
    "abstention_recall",
    "citation_support",
    "hit@5",
)


WORDING_METRICS = (
    "wording_accuracy",
    "wording_false_supported",
    "wording_paraphrase_supported",
    "wording_element",
    "wording_sentence_ms",
)


def _sets_table(
    sets: dict[str, dict[str, float]], metrics: tuple[str, ...], heading: str = "metric"
) -> list[str]:
    """Dev (calibration), held-out (the gate) and blind (never tuned) side by side."""
    if not sets:
        return []
    names = list(sets)
    lines = [
        "",
        f"| {heading} | " + " | ".join(f"{n} (n={sets[n]['n']})" for n in names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for metric in metrics:
        row = " | ".join(f"{sets[n].get(metric, 0.0):.3f}" for n in names)
        lines.append(f"| {metric} | {row} |")
    return lines


def to_html(report: dict[str, Any], images: dict[str, str]) -> str:
    """Render a self-contained HTML page (escaped text, inline PNG plots)."""
    md = html.escape(to_markdown(report))
    imgs = "".join(
        f'<h2>{html.escape(k)}</h2><img alt="{html.escape(k)}" src="data:image/png;base64,{v}">'
        for k, v in images.items()
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Eval report</title>"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        "pre{white-space:pre-wrap}</style></head><body>"
        f"<h1>Eval report</h1>{imgs}<h2>Details</h2><pre>{md}</pre></body></html>"
    )


def write_report(out_root: Path, report: dict[str, Any]) -> Path:
    """Write report.json, report.md, report.html and items.json under a timestamped folder."""
    history = load_history(out_root)[-9:] + [report["summary"]]
    folder = out_root / report["timestamp"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report, indent=2, default=str))
    (folder / "report.md").write_text(to_markdown(report))
    (folder / "report.html").write_text(to_html(report, plots(report["summary"], history)))
    return folder


def load_history(out_root: Path) -> list[dict[str, Any]]:
    """Return the summaries of earlier runs, oldest first."""
    runs = sorted(out_root.glob("*/report.json")) if out_root.is_dir() else []
    return [json.loads(p.read_text())["summary"] for p in runs]


def timestamp() -> str:
    """Return a sortable UTC timestamp for a report folder."""
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
