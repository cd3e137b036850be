"""Evaluation page: the latest eval report against the baseline, by category, over time."""

from __future__ import annotations

import json

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
st.header("By category")
cats = report["summary"]["by_category"]
st.bar_chart(
    {c: v.get("facts_all", v.get("abstained", 0.0)) for c, v in cats.items()}, horizontal=True
)
st.header("Latency (ms)")
st.bar_chart({k: v["p95"] for k, v in report["summary"]["latency_ms"].items()})
st.header("Trend")
history = load_history(REPORTS)
st.line_chart(
    [
        {k: h["overall"].get(k, 0.0) for k in ("hit@5", "facts_all", "abstention_recall")}
        for h in history
    ]
)
st.header("Failing questions")
failing = [
    {"id": i["id"], "question": i["question"], "returned": i["answer"][:200]}
    for i in report["items"]
    if not i["passed"]
]
st.dataframe(failing, hide_index=True, use_container_width=True)
