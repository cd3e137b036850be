"""UI entry point: the process-wide warmed assistant, then the pages in pages/.

`assistant serve` (what `make run` starts) begins warming the model and index when the server
starts; under a plain `streamlit run` the first visit begins it. Until it is ready the page
says so, and a question typed meanwhile is answered as soon as it is.
"""

from __future__ import annotations

import streamlit as st

from assistant import AssistantError, Settings
from assistant.serve import warmup
from assistant.ui_format import CHAT_PROMPT, escape_markdown

st.set_page_config(
    page_title="Safer Cumbria strategy assistant", page_icon=":material/shield:", layout="wide"
)
try:
    warm = warmup(Settings())
except ValueError as exc:  # a bad ASSISTANT_* setting: say which, in one line
    st.error(escape_markdown(f"Invalid configuration: {' '.join(str(exc).splitlines()[:3])}"))
    st.stop()


@st.fragment(run_every=1.0)
def _status() -> None:
    """Say when the assistant is ready, without rerunning the page (text being typed stays)."""
    if warm.ready():
        st.success("Ready: ask your question.", icon=":material/check_circle:")
        if st.button("Open the assistant"):
            st.session_state["warming_page"] = False
            st.rerun(scope="app")
    else:
        st.info(
            "Warming up: loading the model and the index. Ask now and the answer comes as soon "
            "as it is ready.",
            icon=":material/hourglass_top:",
        )


if not warm.ready() or st.session_state.get("warming_page"):
    # Stay on this page until the person asks: switching pages under them would lose their text.
    st.session_state["warming_page"] = True
    st.title("Safer Cumbria strategy assistant")
    _status()
    if question := st.chat_input(CHAT_PROMPT):
        st.session_state["warming_page"] = False
        st.session_state["pending_question"] = question
        st.chat_message("user").text(question)
        with st.spinner("Warming up..."):
            warm.settle(timeout=600)
        st.rerun()
    st.stop()

try:
    st.session_state["assistant"] = warm.wait()
except AssistantError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()

st.navigation(
    [
        st.Page("pages/chat.py", title="Chat", icon=":material/chat:", default=True),
        st.Page("pages/check_wording.py", title="Check wording", icon=":material/fact_check:"),
        st.Page("pages/documents.py", title="Documents", icon=":material/folder_open:"),
        st.Page("pages/evaluation.py", title="Evaluation", icon=":material/monitoring:"),
    ]
).run()
