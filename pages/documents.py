"""Documents page: the index, re-index, and for maintainers the whole corpus update.

Upload a file, fill its catalog entry, re-index, run the eval against the baseline. The logic
is in assistant/corpus_admin.py (uploads, catalog) and assistant/eval_diff.py; this page only
renders. Everything that comes from a file or a person is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import streamlit as st

from assistant import AssistantError
from assistant.access import refusal
from assistant.corpus_admin import STATUSES, EntryForm, catalog_entries, corpus_files, entry_form
from assistant.eval_diff import baseline_path, eval_diff
from assistant.ingest import STRANDS
from assistant.loaders import LOADERS
from assistant.ui_format import escape_markdown

assistant = st.session_state["assistant"]  # a guard.UserAssistant: only what this user may read
if not assistant.user.can("documents"):
    st.error(refusal("documents"))
    st.stop()
settings = assistant.settings
NONE = "(none)"
FIRST_DATE, LAST_DATE = dt.date(1990, 1, 1), dt.date(2100, 12, 31)  # the date picker's range


def _status() -> None:
    """The index as it stands: documents, chunks, and the last ingest's problems."""
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
    st.dataframe(rows, hide_index=True, width="stretch")
    if status["failed"]:
        st.header("Problems in the last ingest")
        st.dataframe(
            [{k: f[k] for k in ("source", "action", "reason")} for f in status["failed"]],
            hide_index=True,
        )


def _save(file: Any, replace: bool) -> None:
    try:
        saved = assistant.save_upload(file.name, file.getvalue(), replace=replace)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        return
    name = escape_markdown(saved.name)
    if saved.action == "exists":
        st.session_state["pending_replace"] = file.file_id
    elif saved.action == "unchanged":
        st.info(f"{name} is already in the corpus, unchanged: nothing to save.")
    else:
        st.session_state.pop("pending_replace", None)
        st.session_state["edit_file"] = saved.name
        st.success(f"{name} {saved.action}. Now fill in its catalog entry, then re-index.")


def _upload() -> None:
    st.header("1. Upload a new or changed document")
    file = st.file_uploader(
        "Document",
        type=[s.lstrip(".") for s in sorted(LOADERS)],
        max_upload_size=max(1, math.ceil(settings.max_upload_mb)),
        help=f"{', '.join(sorted(LOADERS))}, up to {settings.max_upload_mb:g} MB",
    )
    if file is None:
        return
    if st.button("Save to corpus", type="primary"):
        _save(file, replace=False)
    if st.session_state.get("pending_replace") == file.file_id:
        st.warning(
            f"The corpus already has a different {escape_markdown(file.name)}. Replace it? "
            "The old file is overwritten."
        )
        if st.button("Replace the file"):
            _save(file, replace=True)


def _entry_fields(form: EntryForm, ids: list[str]) -> EntryForm:
    strands = sorted(STRANDS)
    classes = list(dict.fromkeys([*settings.classification_groups, form.classification]))
    supersedes = [NONE, *ids]
    doc_id = st.text_input("doc_id (a stable slug: eval items refer to it)", form.doc_id)
    title = st.text_input("Title", form.title)
    strand = st.selectbox("Strand", strands, index=strands.index(form.strand))
    published = st.date_input(
        "Published", form.published, FIRST_DATE, LAST_DATE, format="YYYY-MM-DD"
    )
    status = st.selectbox("Status", STATUSES, index=STATUSES.index(form.status))
    older = st.selectbox(
        "Supersedes",
        supersedes,
        index=supersedes.index(form.supersedes) if form.supersedes in ids else 0,
    )
    classification = st.selectbox(
        "Classification", classes, index=classes.index(form.classification)
    )
    return EntryForm(
        form.file,
        doc_id.strip(),
        title,
        strand,
        published,
        status,
        None if older == NONE else older,
        classification,
    )


def _catalog() -> None:
    st.header("2. Catalog entry")
    try:
        files, entries = corpus_files(settings.corpus_dir), catalog_entries(settings.corpus_dir)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        return
    if not files:
        st.info("No documents in the corpus folder yet: upload one above.")
        return
    edit = st.session_state.get("edit_file")
    file = st.selectbox("Document file", files, index=files.index(edit) if edit in files else 0)
    ids = [str(e["doc_id"]) for e in entries if e.get("file") != file]
    with st.form(f"entry-{file}"):
        form = _entry_fields(entry_form(settings.corpus_dir, file), ids)
        if not st.form_submit_button("Save catalog entry"):
            return
    try:
        action = assistant.save_entry(form)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        return
    st.success(f"Catalog entry for {escape_markdown(file)} {action}. Re-index to use it.")


def _reindex() -> None:
    if not st.button("Re-index now"):
        return
    bar = st.progress(0.0, "Re-indexing (only changed files are re-embedded)...")

    def _tick(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), f"{done} of {total}: {escape_markdown(name)}")

    try:
        report = assistant.reindex(on_file=_tick)
    except AssistantError as exc:
        st.error(escape_markdown(str(exc)))
        return
    bar.empty()
    st.success(", ".join(f"{v} {k}" for k, v in report.to_dict()["counts"].items()))


def _run_eval() -> None:
    st.header("4. Eval against the baseline")
    st.caption(
        f"The questions and wording cases in {escape_markdown(str(settings.eval_dir))}; "
        "the full set takes minutes."
    )
    if st.button("Run the eval"):
        bar = st.progress(0.0, "Starting the eval...")

        def _tick(stage: str, done: int, total: int) -> None:
            bar.progress(done / max(total, 1), f"{stage}: {done} of {total}")

        try:
            with st.spinner("Running the eval..."):
                st.session_state["eval_run"] = assistant.run_eval(_tick)
        except AssistantError as exc:
            st.error(escape_markdown(str(exc)))
            return
        bar.empty()
    if "eval_run" in st.session_state:
        _show_diff(*st.session_state["eval_run"])


def _table(label: str, rows: list[dict[str, Any]]) -> None:
    st.markdown(f"**{label}** ({len(rows)})")
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption("none")


def _show_diff(report: dict[str, Any], baseline: dict[str, Any]) -> None:
    diff = eval_diff(report, baseline)
    where = escape_markdown(str(baseline_path(settings)))
    if not baseline:
        st.info(f"No baseline at {where} yet: accept this run to make it the baseline.")
    elif diff.regressed:
        st.error(f"Regressed beyond tolerance: {escape_markdown(', '.join(diff.regressed))}")
    else:
        st.success("No summary figure fell beyond its tolerance.")
    _table("Summary figures, before and after", diff.figures)
    _table("Documents changed since the baseline", diff.documents)
    _table("Questions newly failing", diff.newly_failing)
    _table("Questions newly passing", diff.newly_passing)
    _table("Wording cases affected", diff.wording)
    _table("Not in the baseline", diff.not_in_baseline)
    accepted = st.session_state.get("eval_accepted", ("", ""))
    st.button(
        "Accept as new baseline",
        on_click=_accept,
        args=(report,),
        disabled=accepted[0] == report["timestamp"],
    )
    if accepted[0] == report["timestamp"]:
        st.success(f"This run is the baseline now: {escape_markdown(accepted[1])}.")


def _accept(report: dict[str, Any]) -> None:
    """Write the baseline before the page reruns, so the rerun shows the button done."""
    path = assistant.accept_baseline(report)
    st.session_state["eval_accepted"] = (report["timestamp"], str(path))


st.title("Documents")
_status()
if assistant.user.can("corpus_update"):
    _upload()
    _catalog()
    st.header("3. Re-index")
_reindex()
if assistant.user.can("evaluation"):
    _run_eval()
