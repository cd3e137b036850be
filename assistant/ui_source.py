"""Source UI: one cited source -> an expander with its passage, page or section, and file.

Streamlit rendering only; what is shown comes from assistant/source_view.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from assistant.errors import AssistantError
from assistant.source_view import page_view, pdf_opening_at, section_view
from assistant.ui_format import escape_markdown, highlight, source_caption, source_label


def show_source(assistant: Any, s: Any, used: list[str], expanded: bool = False) -> None:
    """Show one source: label, caption, quoted passage; opened, its page or section; download.

    Args:
        assistant: a guard.UserAssistant (source_path answers only for readable documents).
        s: the types.Source.
        used: the answer sentences that cite it.
        expanded: open from the start (a source opened from its [n] in the answer).
    """
    key = f"{s.chunk_id}-{id(s)}"
    box = st.expander(
        source_label(s.n, s.title, s.page, s.status),
        expanded=expanded,
        key=f"src-{key}",
        on_change="rerun",
    )
    with box:
        st.caption(source_caption(s.section, s.published, s.status))
        st.markdown(highlight(s.quote, used))
        path = assistant.source_path(s.source)  # None unless this user may read the document
        if path is None:
            return
        if box.open:  # rendered only when someone opens the source
            _original(path, s, used)
        _downloads(path, s, key)


def _original(path: Path, s: Any, used: list[str]) -> None:
    """The cited page of a PDF as an image, or the section of any other file, highlighted."""
    try:
        if path.suffix.lower() == ".pdf" and s.page:
            view = page_view(path, s.page, used or [s.quote], quote=s.quote)
            st.image(
                view.png,
                caption=view.caption,  # our own words: page number and what was found
                alt=f"Page {s.page} of {s.title}",
                width="stretch",
                output_format="PNG",  # JPEG blurs text
            )
        elif path.suffix.lower() != ".pdf":
            section = section_view(path, s.section, s.quote, used)
            st.caption(escape_markdown(section.caption))
            if section.found:
                with st.container(border=True):
                    st.markdown(section.markdown)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))


def _downloads(path: Path, s: Any, key: str) -> None:
    """The original file; a PDF set to open at the cited page, and that page as an image."""
    name = Path(s.source).name
    if path.suffix.lower() == ".pdf" and s.page:
        st.download_button(
            f"Download {escape_markdown(name)} (opens at p. {s.page})",
            lambda: _pdf_at(path, s.page),
            file_name=name,
            mime="application/pdf",
            key=f"dl-{key}",
            icon=":material/download:",
        )
        return
    page = f" (see p. {s.page})" if s.page else ""
    st.download_button(
        f"Download {escape_markdown(name)}{page}",
        path.read_bytes,
        file_name=name,
        key=f"dl-{key}",
        icon=":material/download:",
    )


def _pdf_at(path: Path, page: int) -> bytes:
    try:
        return pdf_opening_at(path, page)
    except AssistantError:
        return path.read_bytes()  # the original as it is: the label still names the page
