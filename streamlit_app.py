"""UI entry point: loads the assistant once per process and routes to the pages in pages/."""

from __future__ import annotations

import streamlit as st

from assistant import AssistantError, Settings, load_assistant


@st.cache_resource(show_spinner="Loading the model and the index...")
def _assistant():  # one model + index handle per process, shared by every session
    return load_assistant(Settings())


st.set_page_config(page_title="Safer Cumbria strategy assistant", page_icon="🛡️", layout="wide")
try:
    st.session_state["assistant"] = _assistant()
except AssistantError as exc:
    st.error(str(exc))
    st.stop()

st.navigation(
    [
        st.Page("pages/chat.py", title="Chat", icon="💬", default=True),
        st.Page("pages/check_wording.py", title="Check wording", icon="📝"),
        st.Page("pages/documents.py", title="Documents", icon="📚"),
        st.Page("pages/evaluation.py", title="Evaluation", icon="📊"),
    ]
).run()
