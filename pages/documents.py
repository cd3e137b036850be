"""Documents page: the catalog as indexed, ingest failures, and a re-index button."""

from __future__ import annotations

import streamlit as st

from assistant import AssistantError
from assistant.access import refusal
from assistant.ui_format import escape_markdown

assistant = st.session_state["assistant"]  # a guard.UserAssistant: only what this user may read
if not assistant.user.can("documents"):
    st.error(refusal("documents"))
    st.stop()
st.title("Documents")
try:
    status = assistant.status()
except AssistantError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()
st.caption(
    f"{status['documents']} documents, {status['chunks']} chunks · model "
    f"{status['embedding_model']} · last ingest {status['last_ingest']}"
)
rows = [{"doc_id": k, **v} for k, v in status["per_document"].items()]
st.dataframe(rows, hide_index=True, use_container_width=True)
if status["failed"]:
    st.header("Problems in the last ingest")
    st.dataframe(
        [{k: f[k] for k in ("source", "action", "reason")} for f in status["failed"]],
        hide_index=True,
    )
if st.button("Re-index now"):
    bar = st.progress(0.0, "Re-indexing (only changed files are re-embedded)...")

    def _tick(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), f"{done} of {total}: {escape_markdown(name)}")

    try:
        report = assistant.reindex(on_file=_tick)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        st.stop()
    bar.empty()
    st.success(", ".join(f"{v} {k}" for k, v in report.to_dict()["counts"].items()))
