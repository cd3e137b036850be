"""Chat UI. Behaviour lives in assistant/; this file only renders (all text is escaped)."""

from __future__ import annotations

import streamlit as st

from assistant import AssistantError, Settings, load_assistant

STRANDS = ["criminal-justice", "drugs", "serious-violence", "counter-terrorism",
           "needs-assessment", "partnership"]


@st.cache_resource(show_spinner="Loading the model and the index...")
def _assistant():  # one model + index handle per process
    return load_assistant(Settings())


def _filters():
    from assistant.retrieve import Filters

    with st.sidebar:
        st.header("Filters")
        strands = st.multiselect("Strand", STRANDS)
        old = st.toggle("Include superseded documents", value=False)
    return Filters(strands=tuple(strands), include_superseded=old)


def _render(answer) -> None:
    if not answer.grounded:
        st.warning(answer.text, icon="🔎")
    else:
        st.markdown(_markdown(answer.text))
    if answer.notice:
        st.caption(answer.notice)
    label = "Sources" if answer.grounded else "Related passages (not an answer)"
    for s in answer.sources if answer.grounded else answer.related:
        badge = " · SUPERSEDED" if s.status == "superseded" else ""
        page = f", p. {s.page}" if s.page is not None else ""
        with st.expander(f"[{s.n}] {s.title}{page}{badge}"):
            st.caption(f"{label} · {s.section or 'no section'} · published {s.published}")
            st.text(s.quote)


def _markdown(text: str) -> str:
    """Render answer lines as Markdown, keeping only our own bullets unescaped."""
    lines = text.splitlines()
    return "\n".join("- " + _escape(ln[2:]) if ln.startswith("- ") else _escape(ln) for ln in lines)


def _escape(text: str) -> str:
    """Escape Markdown/HTML so document text is shown as text, never interpreted."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~$" else ch for ch in text)


st.set_page_config(page_title="Safer Cumbria strategy assistant", page_icon="🛡️")
st.title("Safer Cumbria strategy assistant")
st.caption("Answers cite the partnership's documents. Sample corpus: illustrative, not official.")
filters = _filters()
history = st.session_state.setdefault("history", [])
for question, answer in history:
    st.chat_message("user").text(question)
    with st.chat_message("assistant"):
        _render(answer)

if question := st.chat_input("Ask about the Safer Cumbria documents"):
    st.chat_message("user").text(question)
    try:
        from assistant.pipeline import Conversation

        convo = st.session_state.setdefault("conversation", Conversation())
        with st.spinner("Searching the documents..."):
            answer = _assistant().ask(question, filters=filters, conversation=convo)
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()
    with st.chat_message("assistant"):
        _render(answer)
    history.append((question, answer))
