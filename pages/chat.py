"""Chat page: cited answers, sources, filters, feedback. Behaviour lives in assistant/."""

from __future__ import annotations

import time

import streamlit as st

from assistant import AssistantError
from assistant.access import refusal
from assistant.feedback import FeedbackStore
from assistant.ingest import STRANDS
from assistant.pipeline import Conversation
from assistant.retrieve import Filters
from assistant.ui_format import (
    CHAT_PROMPT,
    answer_markdown,
    conversation_markdown,
    escape_markdown,
    filters_line,
)
from assistant.ui_source import show_source
from assistant.validate import MAX_QUESTION_CHARS, clean_question

assistant = st.session_state["assistant"]  # a guard.UserAssistant: only what this user may read
if not assistant.user.can("chat"):
    st.error(refusal("chat"))
    st.stop()
docs = assistant.documents()


def _filters() -> Filters:
    with st.sidebar:
        st.header("Filters")
        strands = st.multiselect("Strand", sorted(STRANDS))
        chosen = st.multiselect("Document", sorted(docs), format_func=lambda d: docs[d]["title"])
        old = st.toggle("Include superseded documents", value=False)
    return Filters(strands=tuple(strands), doc_ids=tuple(chosen), include_superseded=old)


def _filters_line(f: Filters) -> str:
    titles = [docs[d]["title"] for d in f.doc_ids if d in docs]
    return filters_line(list(f.strands), titles, f.include_superseded)


def _conversation_tools(history: list) -> None:
    """Start afresh, or download the conversation with its citations as Markdown."""
    with st.sidebar:
        st.header("Conversation")
        if st.button("New conversation", icon=":material/add_comment:", disabled=not history):
            for key in ("history", "conversation", "saved_feedback"):
                st.session_state.pop(key, None)
            st.rerun()
        turns = [(q, line, a.to_markdown()) for q, a, line in history]
        st.download_button(
            "Download conversation (.md)",
            conversation_markdown(turns),
            file_name="safer-cumbria-conversation.md",
            mime="text/markdown",
            icon=":material/download:",
            disabled=not history,
        )


def _source(s, used: list[str]) -> None:
    show_source(assistant, s, used)  # passage, page image or section, download: ui_source.py


def _stream(text: str):
    for line in answer_markdown(text).splitlines(keepends=True):
        time.sleep(0.03)  # show the answer progressively, sentence by sentence
        yield line


def _render(i: int, answer, line: str = "", stream: bool = False) -> None:
    if line:  # the filters this answer was given under
        st.caption(escape_markdown(line))
    if answer.grounded and stream:
        st.write_stream(_stream(answer.text))
    elif answer.grounded:
        st.markdown(answer_markdown(answer.text))
    else:
        st.warning(answer_markdown(answer.text), icon=":material/search_off:")
    if answer.notice:
        st.caption(escape_markdown(answer.notice))
    for s in answer.sources if answer.grounded else answer.related:
        _source(s, [x.quote or x.text for x in answer.sentences if s.n in x.citations])
    with st.popover("Copy as Markdown"):
        st.code(answer.to_markdown(), language="markdown")
    _feedback(i, answer)


def _feedback(i: int, answer) -> None:
    rating = st.feedback("thumbs", key=f"rating-{i}")
    comment = st.text_input(
        "Comment (optional)",
        key=f"comment-{i}",
        label_visibility="collapsed",
        placeholder="What was wrong or missing?",
    )
    saved = st.session_state.setdefault("saved_feedback", set())
    if rating is not None and (i, rating, comment) not in saved:
        FeedbackStore(assistant.settings.feedback_path).record(
            answer.question,
            answer,
            rating,
            comment,
            assistant.corpus_version,
        )
        saved.add((i, rating, comment))
        st.toast("Thanks: feedback saved")


st.title("Safer Cumbria strategy assistant")
st.caption("Every sentence cites the documents. Sample corpus: illustrative, not official.")
filters = _filters()
# (question, answer, filters line) per browser session, never shared
history = st.session_state.setdefault("history", [])
for i, (question, answer, line) in enumerate(history):
    st.chat_message("user").text(question)
    with st.chat_message("assistant"):
        _render(i, answer, line)

# a question typed while the app was warming up (streamlit_app.py) is answered now
pending = st.session_state.pop("pending_question", None)
if question := st.chat_input(CHAT_PROMPT) or pending:
    # shown without control or invisible characters, and cut short if it is far too long
    shown = clean_question(question)
    cut = len(shown) > MAX_QUESTION_CHARS
    st.chat_message("user").text(shown[:MAX_QUESTION_CHARS] + (" [...]" if cut else ""))
    convo = st.session_state.setdefault("conversation", Conversation())
    # recorded in the audit trail as the signed-in user (or "local"): see guard.UserAssistant
    try:
        with st.spinner("Searching the documents..."):
            answer = assistant.ask(question, filters=filters, conversation=convo)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        _conversation_tools(history)
        st.stop()
    history.append((answer.question, answer, _filters_line(filters)))
    with st.chat_message("assistant"):
        _render(len(history) - 1, answer, history[-1][2], stream=True)
# drawn last, so the download holds the answer just given
_conversation_tools(history)
