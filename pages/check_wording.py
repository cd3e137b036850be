"""Check wording page: paste a draft, see each sentence judged against the documents."""

from __future__ import annotations

import json

import streamlit as st

from assistant import AssistantError
from assistant.access import refusal
from assistant.ui_format import VERDICT_STYLE, escape_markdown, highlight_claims
from assistant.wording import summary

assistant = st.session_state["assistant"]  # a guard.UserAssistant: only what this user may read
if not assistant.user.can("wording"):
    st.error(refusal("wording"))
    st.stop()
st.title("Check wording")
st.caption("Each sentence is judged: supported, conflict, outdated or unsupported.")
draft = st.text_area(
    "Draft text (press release, post, briefing; HTML is fine)", height=200, max_chars=200_000
)
if st.button("Check", type="primary") and draft.strip():
    try:
        bar = st.progress(0.0, "Checking...")
        from assistant.wording import split_draft

        total = max(len(split_draft(draft)), 1)
        done = []

        def _tick(n: int) -> None:
            done.append(n)
            bar.progress(min(len(done) / total, 1.0), f"Checked {len(done)} of {total}")

        st.session_state["verdicts"] = assistant.check_wording(draft, progress=_tick)
        bar.empty()
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        st.stop()

verdicts = st.session_state.get("verdicts", [])
if verdicts:
    counts = summary(verdicts)["summary"]
    cols = st.columns(4)
    for col, name in zip(cols, ("supported", "conflict", "outdated", "unsupported"), strict=True):
        col.metric(name.title(), counts[name])
    # not a caption: its faded grey would take the colours below the 4.5:1 contrast of WCAG AA
    st.markdown(
        "Claims: :green[**found**] in the documents · :red[**stated differently**] "
        "(the documents' value beside it) · :gray[**not found**]"
    )
    for v in verdicts:
        kind, icon = VERDICT_STYLE[v.verdict]
        box = getattr(st, kind)
        lines = [f"**{v.verdict.upper()}** · {highlight_claims(v.sentence, v.claims)}"]
        lines += [f"- {escape_markdown(r)}" for r in v.reasons + v.suggestions]
        if v.draft_value or v.document_value:
            lines.append(
                f"- draft: {escape_markdown(v.draft_value)} · "
                f"documents: {escape_markdown(v.document_value)}"
            )
        if v.corrected and v.corrected != v.sentence:
            lines.append(f"- suggested: {escape_markdown(v.corrected)}")
        if v.quote and v.source:
            lines.append(
                f"- source: {escape_markdown(v.source['title'])}"
                f"{', p. ' + str(v.source['page']) if v.source.get('page') else ''}: "
                f"“{escape_markdown(v.quote[:300])}”"
            )
        box("\n".join(lines), icon=icon)
    st.download_button(
        "Download report (JSON)",
        json.dumps(summary(verdicts), indent=2),
        file_name="wording-check.json",
        mime="application/json",
    )
