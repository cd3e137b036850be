"""Evaluation page: the latest eval report against the baseline, by category, over time."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st

from assistant.access import refusal
from assistant.report import load_history

if not st.session_state["assistant"].user.can("evaluation"):
    st.error(refusal("evaluation"))
    st.stop()
REPORTS = st.session_state["assistant"].settings.eval_dir / "reports"  # where the runs are
st.title("Evaluation")
runs = sorted(REPORTS.glob("*/report.json")) if REPORTS.is_dir() else []
if not runs:
    st.info("No eval report yet. Run: make eval")
    st.stop()
report = json.loads(runs[-1].read_text())
st.caption(f"Run {report['timestamp']} · corpus version {report['corpus_version']}")
rows = {r["metric"]: r for r in report["comparison"]}
cols = st.columns(4)
for i, (metric, value) in enumerate(report["summary"]["overall"].items()):
    delta = rows[metric]["delta"] if metric in rows else None
    cols[i % 4].metric(
        metric,
        f"{value:.3f}",
        None if delta is None else f"{delta:+.3f}",
        delta_color="inverse" if metric == "wrong_abstention" else "normal",
    )
# h2 under the h1 title: a skipped heading level confuses screen readers (axe heading-order)


def _chart(rows: list[dict], mark: str, x: str, y: str, color: str = "", what: str = "") -> None:
    """A chart named by a text summary of its figures, its marks hidden from screen readers.

    WCAG 1.1.1: the SVG needs a text alternative; the figures are in the metrics above.
    """
    frame = pd.DataFrame(rows)
    fields = [k.split(":")[0] for k in (color, x, y) if k]
    summary = "; ".join(
        " ".join(f"{r[f]:.3f}" if isinstance(r[f], float) else str(r[f]) for f in fields)
        for r in rows
    )
    enc = {"x": x, "y": y, **({"color": color} if color else {})}
    chart = getattr(alt.Chart(frame), f"mark_{mark}")(aria=False).encode(**enc)
    st.altair_chart(chart.properties(description=f"{what}. {summary}"), use_container_width=True)


st.header("By category")
cats = report["summary"]["by_category"]
scores = [
    {"category": c, "score": v.get("facts_all", v.get("abstained", 0.0))} for c, v in cats.items()
]
_chart(scores, "bar", "score:Q", "category:N", what="Every fact in the answer, by category")
st.header("Latency (ms)")
latency = [{"stage": k, "p95 ms": v["p95"]} for k, v in report["summary"]["latency_ms"].items()]
_chart(latency, "bar", "stage:N", "p95 ms:Q", what="p95 latency by stage, in milliseconds")
st.header("Trend")
trend = [
    {"run": i + 1, "metric": k, "value": h["overall"].get(k, 0.0)}
    for i, h in enumerate(load_history(REPORTS))
    for k in ("hit@5", "facts_all", "abstention_recall")
]
_chart(trend, "line", "run:O", "value:Q", "metric:N", what="hit@5, facts_all and abstention")
st.header("Failing questions")
failing = [
    {"id": i["id"], "question": i["question"], "returned": i["answer"][:200]}
    for i in report["items"]
    if not i["passed"]
]
st.dataframe(failing, hide_index=True, use_container_width=True)
