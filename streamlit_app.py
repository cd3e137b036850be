"""UI entry point: sign-in, the process-wide warmed assistant, then the pages in pages/.

With an `[auth]` section in .streamlit/secrets.toml people sign in (OpenID Connect, `st.login`)
and their groups give their roles and what they may read (assistant/access.py); without it the
app runs as one local user who sees everything, and says so. `assistant serve` (what `make run`
starts) begins warming the model and index when the server starts; under a plain `streamlit run`
the first visit begins it. Until it is ready the page says so, and a question typed meanwhile is
answered as soon as it is.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant import AssistantError
from assistant.access import User, local_user, user_from_claims
from assistant.config import current_settings
from assistant.guard import UserAssistant
from assistant.serve import warmup
from assistant.ui_format import CHAT_PROMPT, escape_markdown, favicon

TITLE = "Safer Cumbria strategy assistant"
st.set_page_config(page_title=TITLE, page_icon=favicon(), layout="wide")  # no outside fetch
try:
    settings = current_settings()  # built once while the environment stays the same
    warm = warmup(settings)
except ValueError as exc:  # a bad ASSISTANT_* setting: say which, in one line
    st.error(escape_markdown(f"Invalid configuration: {' '.join(str(exc).splitlines()[:3])}"))
    st.stop()


def _sign_in_configured() -> bool:
    """Whether secrets.toml has an [auth] section; a secrets file that won't parse stops here."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError as exc:
        if not any(Path(p).exists() for p in st.get_option("secrets.files")):
            return False  # no secrets.toml at all: local single-user mode
        # it exists but cannot be read: never fall back to local mode (everything, for anyone)
        reason = escape_markdown(str(exc).splitlines()[0])
        st.error(f"Sign-in is misconfigured: {reason}. Fix secrets.toml.")
        st.stop()


def _signed_in_user() -> User:
    """The local user, or the signed-in one (after the sign-in page when nobody is yet)."""
    if not _sign_in_configured():
        st.sidebar.info(
            "Local single-user mode: no sign-in is configured, so you see every document and "
            "every page. Add [auth] to .streamlit/secrets.toml to sign people in.",
            icon=":material/person:",
        )
        return local_user()
    if not st.user.is_logged_in:
        st.title(TITLE)
        st.write("Sign in with your organisation account to use the assistant.")
        st.button("Sign in", type="primary", on_click=st.login, icon=":material/login:")
        st.stop()
    claims = st.user.to_dict()
    user = user_from_claims(
        claims, settings.groups_claim, settings.role_groups, settings.classification_groups
    )
    name = escape_markdown(user.name)  # a claim is the provider's data: shown, never rendered
    st.sidebar.caption(f"Signed in as {name} · {', '.join(sorted(user.roles)) or 'no role'}")
    st.sidebar.button("Sign out", on_click=st.logout, icon=":material/logout:")
    if not user.roles:
        st.error(
            f"You are signed in as {name}, but your account has no role in this assistant: "
            "ask its maintainers to add you to a group."
        )
        st.stop()
    return user


user = _signed_in_user()


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
    st.title(TITLE)
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
    # Pages only ever get the assistant bound to this user: it filters what they may read and
    # refuses what their roles do not allow. `user.name` is who asked (for the audit trail).
    st.session_state["assistant"] = UserAssistant(warm.wait(), user)
except AssistantError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()

PAGES = [  # (permission, page): a page the user may not use is left out of the navigation
    ("chat", st.Page("pages/chat.py", title="Chat", icon=":material/chat:", default=True)),
    (
        "wording",
        st.Page("pages/check_wording.py", title="Check wording", icon=":material/fact_check:"),
    ),
    ("documents", st.Page("pages/documents.py", title="Documents", icon=":material/folder_open:")),
    (
        "evaluation",
        st.Page("pages/evaluation.py", title="Evaluation", icon=":material/monitoring:"),
    ),
]
st.navigation([page for permission, page in PAGES if user.can(permission)]).run()
