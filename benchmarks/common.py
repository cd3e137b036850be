"""Helpers shared by the benchmark scripts: latency tables and box plots."""

from __future__ import annotations

import statistics
from pathlib import Path

from assistant.metrics import percentile


def latency_table(runs: dict[str, list[float]], base: str) -> dict[str, dict[str, float]]:
    """Median and p95 (ms) of each run, and each median as a ratio of the `base` run's."""
    table = {
        k: {"median_ms": round(statistics.median(v), 2), "p95_ms": round(percentile(v, 95), 2)}
        for k, v in runs.items()
    }
    reference = table[base]["median_ms"]
    for row in table.values():
        row[f"median_vs_{base}"] = round(row["median_ms"] / reference, 2)
    return table


def boxplot(
    runs: dict[str, list[float]], path: Path, title: str, target: float | None = None
) -> None:
    """Write a box plot of the runs (median, quartiles, 5-95%) to `path`, with a target line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.boxplot(list(runs.values()), tick_labels=list(runs), showfliers=False, whis=(5, 95))
    if target is not None:
        ax.axhline(target, color="tab:red", linestyle="--", linewidth=1, label="target")
        ax.legend(loc="upper left")
    ax.set_ylabel("ms per question")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
