"""Helpers shared by the benchmark scripts: latency tables and box plots."""

from __future__ import annotations

import json
import socket
import statistics
from pathlib import Path

from assistant.metrics import percentile

RESULTS = Path(__file__).resolve().parent / "results"
CHROMIUM = "/usr/bin/chromium"
# Headless Debian Chromium on a machine with no network: without the background-networking
# flags it keeps trying (and failing) to reach Google's hosts. The browser tests use them too.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def bench_env(**extra: str) -> dict[str, str]:
    """The environment of a benchmark's child process.

    Offline, no telemetry, and its answers audited in a throw-away store, not in the index's
    real audit trail.
    """
    import os
    import tempfile

    audit = Path(tempfile.gettempdir()) / "safer-cumbria-bench-audit.sqlite3"
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "ASSISTANT_AUDIT_DB": str(audit),
        **extra,
    }


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def save_result(
    name: str,
    result: dict,
    runs: dict[str, list[float]] | None = None,
    title: str = "",
    target: float | None = None,
) -> None:
    """Write results/NAME.json (and NAME.png, a box plot of `runs`), and print the JSON."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    if runs:
        boxplot(runs, RESULTS / f"{name}.png", title, target)
    print(json.dumps(result, indent=2))


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
