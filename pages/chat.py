"""Chat page: cited answers, sources, filters, feedback. Behaviour lives in assistant/."""

from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from assistant import AssistantError
from assistant.access import refusal
from assistant.card import Card, Claim, build_card, citation_label
from assistant.feedback import FeedbackStore
from assistant.ingest import STRANDS
from assistant.pipeline import Conversation
from assistant.retrieve import Filters
from assistant.ui_format import (
    CHAT_PROMPT,
    conversation_markdown,
    escape_markdown,
    filters_line,
)
from assistant.ui_source import show_source
from assistant.ui_warm import suggestions
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
            # made when clicked: as a file, the browser fetched it again after every run
            lambda: conversation_markdown(turns),
            file_name="safer-cumbria-conversation.md",
            mime="text/markdown",
            icon=":material/download:",
            disabled=not history,
        )


def _source(s, used: list[str]) -> None:
    show_source(assistant, s, used)  # passage, page image or section, download: ui_source.py


@st.dialog("Source", width="large")
def _open_source(s, used: list[str]) -> None:
    show_source(assistant, s, used, expanded=True)


def _citations(key: str, claim: Claim, card: Card) -> None:
    """The claim's [n] buttons: each opens its source in a dialog."""
    for n in claim.citations:
        s = card.source(n)
        if s is None:
            continue
        title = escape_markdown(s.title)
        if st.button(citation_label(n), key=f"{key}-{n}", help=f"Open the source: {title}"):
            # a copy, so its widget keys differ from those of the same source listed below
            _open_source(replace(s), card.quotes(n))


def _claim(key: str, claim: Claim, card: Card, lead: bool = False) -> None:
    """One claim: its table, its text and list, then its citations, on one line where they fit."""
    if claim.table:
        st.markdown(claim.table.markdown())
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        text = f"**{claim.text}**" if lead and claim.text else claim.text
        body = "\n".join([text, *(f"- {item}" for item in claim.items)]) if text else ""
        if claim.table and claim.table.caption:
            st.caption(claim.table.caption)
        if body:  # whole: streamed word by word, every word was a delta the browser redrew
            st.markdown(body)
        _citations(key, claim, card)


def _card(i: int, card: Card) -> None:
    """The direct answer first, set apart; then the supporting sentences."""
    with st.container(border=True, key=f"answer-{i}"):
        st.caption(":material/task_alt: Answer")
        for j, claim in enumerate(card.lead):
            _claim(f"cite-{i}-a{j}", claim, card, lead=True)
    for j, claim in enumerate(card.support):
        _claim(f"cite-{i}-s{j}", claim, card)


def _render(i: int, answer, line: str = "") -> None:
    if line:  # the filters this answer was given under
        st.caption(escape_markdown(line))
    card = build_card(answer)
    if card.grounded:
        _card(i, card)
    else:
        missing = f" {card.missing}" if card.missing else ""
        st.warning(f"**The documents don't cover this.**{missing}", icon=":material/search_off:")
        if card.sources:
            st.markdown("What the documents do give on this (related passages, not an answer):")
    if card.notice:
        st.caption(card.notice)
    if card.grounded and card.sources:
        st.caption("Sources")
    for s in card.sources:
        _source(s, card.quotes(s.n))
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


SEND_SECONDS = 0.02  # see _send_now


def _send_now() -> None:
    """Let Streamlit send what the page has drawn so far, before the answer is computed.

    Answering holds Python's GIL for most of its 0.3 to 0.5 s, and Streamlit sends the page to
    the browser from its own thread, between the GIL's 5 ms switches: the question and the
    redrawn page reached the browser 0.07 to 0.17 s into the answer (websocket frames timed in
    Chromium). Sleeping releases the GIL, so the browser draws them while the answer is made.
    """
    time.sleep(SEND_SECONDS)


def _ask_later(question: str) -> None:
    st.session_state["pending_question"] = question  # answered in the rerun this click starts


def _suggestions() -> None:
    """An empty conversation: questions drawn from the headings of documents this user may read."""
    offered = suggestions(assistant)  # once per process and read access: ui_warm.py
    if not offered:
        return
    st.markdown("Not sure where to start? Try one of these, drawn from the documents' headings:")
    for k, s in enumerate(offered):
        st.button(
            escape_markdown(s.question),
            key=f"suggest-{k}",
            icon=":material/lightbulb:",
            help=escape_markdown(f"From the heading “{s.heading}” in {s.title}"),
            on_click=_ask_later,
            args=(s.question,),
        )


# The chat box first: Streamlit pins it to the bottom wherever it is called, and drawn first it
# reaches the browser (which then fetches its script) before the sidebar, history and suggestions.
typed = st.chat_input(CHAT_PROMPT)
st.title("Safer Cumbria strategy assistant")
st.caption("Every sentence cites the documents. Sample corpus: illustrative, not official.")
filters = _filters()
# (question, answer, filters line) per browser session, never shared
history = st.session_state.setdefault("history", [])
for i, (question, answer, line) in enumerate(history):
    st.chat_message("user").text(question)
    with st.chat_message("assistant"):
        _render(i, answer, line)

empty = st.empty()  # cleared as soon as a question comes
# not drawn when a question has just come: the run that answers it would draw the suggestions,
# send them and clear them again before answering
if not history and not typed and "pending_question" not in st.session_state:
    with empty.container():
        _suggestions()

# a question typed while the app was warming up (streamlit_app.py), or a suggestion clicked,
# is answered now
pending = st.session_state.pop("pending_question", None)
if question := typed or pending:
    empty.empty()
    # shown without control or invisible characters, and cut short if it is far too long
    shown = clean_question(question)
    cut = len(shown) > MAX_QUESTION_CHARS
    st.chat_message("user").text(shown[:MAX_QUESTION_CHARS] + (" [...]" if cut else ""))
    convo = st.session_state.setdefault("conversation", Conversation())
    _send_now()
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
        _render(len(history) - 1, answer, history[-1][2])
# drawn last, so the download holds the answer just given
_conversation_tools(history)
