"""Corpus updates from the Documents page: upload checks, catalog edits, the eval diff."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.corpus_admin import (
    CorpusUpdateError,
    EntryForm,
    catalog_entries,
    check_upload,
    corpus_files,
    entry_form,
    sanitize_name,
    save_upload,
    update_entry,
)
from assistant.eval_diff import eval_diff
from assistant.ingest import load_catalog
from assistant.report import baseline_record, compare

CATALOG = """# Catalog of the test corpus: a comment that must survive an edit.
documents:
  - file: strategy.md
    doc_id: strategy
    title: "Partnership Strategy: 2024"  # quoted, with a trailing comment
    publisher: Test Partnership
    published: 2024-09-30
    status: current
    supersedes: null
    strand: partnership
  # the briefing is limited to one group
  - file: briefing.md
    doc_id: briefing
    title: Harbour Briefing
    published: 2025-02-01
    strand: serious-violence
    classification: official-sensitive
    readers: [probation]
"""
MD = b"# Plan\n\n## Aims\n\nThe plan sets three aims for 2026.\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "catalog.yaml").write_text(CATALOG)
    (root / "strategy.md").write_bytes(MD)
    (root / "briefing.md").write_bytes(MD.replace(b"three", b"four"))
    return root


@pytest.fixture()
def settings(corpus: Path, tmp_path: Path) -> Settings:
    return Settings(_env_file=None, corpus_dir=corpus, index_dir=tmp_path / "index")


def _one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "safe"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\Windows\\evil.MD", "evil.md"),
        ("\uff0e\uff0e\uff0fsecret\uff0fplan.md", "plan.md"),  # fullwidth ../ folds to ../
        ("Stratégie de Sécurité 2025.docx", "strategie-de-securite-2025.docx"),
        ("\u202eevil\u202d\u200b.txt", "evil.txt"),  # bidi override, zero-width space
        (".hidden.md", "hidden.md"),  # ingest skips hidden files
        ("\ufb01nal plan (v2).pdf", "final-plan-v2.pdf"),  # the "fi" ligature
        ("a\x00b\x1b[31m.md", "a-b-31m.md"),
        ("-rf --all.html", "rf-all.html"),
        ("x" * 300 + ".md", "x" * 100 + ".md"),
    ],
)
def test_names_are_cleaned_to_one_safe_component(sent: str, safe: str) -> None:
    assert sanitize_name(sent) == safe


@pytest.mark.parametrize(
    ("sent", "reason"),
    [
        ("report.exe", "unsupported file type .exe"),
        ("plan.md.sh", "unsupported file type .sh"),
        ("notes", "unsupported file type (none)"),
        ("catalog.yaml", "unsupported file type .yaml"),
        ("README.md", "one of the corpus's own files"),
        ("..md", "no letters or digits"),
        ("стратегия.md", "no letters or digits"),
    ],
)
def test_unusable_names_are_refused_in_one_line(sent: str, reason: str) -> None:
    with pytest.raises(CorpusUpdateError) as exc:
        sanitize_name(sent)
    assert reason in _one_line(exc)


# --- content and size -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("plan.pdf", b"# not a pdf", "not a PDF file"),
        ("plan.docx", b"plain text", "not a Word .docx file"),
        ("plan.md", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "binary content in a .md file"),
        ("plan.html", b"PK\x03\x04 zipped", "binary content in a .html file"),
        ("plan.txt", b"text\x00\x01\x02", "binary content"),
        ("plan.md", b"", "is empty"),
    ],
)
def test_wrong_content_for_the_type_is_refused(
    settings: Settings, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(CorpusUpdateError) as exc:
        check_upload(name, data, settings)
    assert reason in _one_line(exc)


def test_an_oversized_upload_is_refused_naming_the_setting(settings: Settings) -> None:
    small = settings.model_copy(update={"max_upload_mb": 0.001})
    with pytest.raises(CorpusUpdateError) as exc:
        check_upload("plan.md", MD * 40, small)
    assert "above the 0.001 MB limit" in _one_line(exc) and "ASSISTANT_MAX_UPLOAD_MB" in str(
        exc.value
    )
    assert check_upload("plan.md", MD, settings) == "plan.md"


def _hidden(corpus: Path) -> list[str]:
    return [p.name for p in corpus.iterdir() if p.name.startswith(".staged-")]


def test_an_upload_is_added_and_a_different_one_replaces_it_only_when_confirmed(
    settings: Settings, corpus: Path
) -> None:
    assert save_upload(settings, "New Plan.md", MD, parse=None).action == "added"
    assert (corpus / "new-plan.md").read_bytes() == MD
    assert save_upload(settings, "new-plan.md", MD, parse=None).action == "unchanged"
    changed = MD.replace(b"three", b"five")
    assert save_upload(settings, "new-plan.md", changed, parse=None).action == "exists"
    assert (corpus / "new-plan.md").read_bytes() == MD  # nothing replaced before the confirm
    saved = save_upload(settings, "new-plan.md", changed, replace=True, parse=None)
    assert saved.action == "replaced" and (corpus / "new-plan.md").read_bytes() == changed
    assert _hidden(corpus) == []
    assert "new-plan.md" in corpus_files(corpus)


def test_a_file_the_guards_refuse_never_reaches_the_corpus(
    settings: Settings, corpus: Path
) -> None:
    deep = b"<html><body>" + b"<div>" * 50 + b"text" + b"</div>" * 50 + b"</body></html>"
    with pytest.raises(CorpusUpdateError) as exc:
        save_upload(settings.model_copy(update={"max_nesting": 20}), "deep.html", deep)
    assert "nested more than 20" in _one_line(exc)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>" + b" " * (3 * 1024 * 1024))
    with pytest.raises(CorpusUpdateError) as exc:
        save_upload(settings, "bomb.docx", bomb.getvalue())
    assert "zip bomb" in _one_line(exc)
    assert not (corpus / "deep.html").exists() and not (corpus / "bomb.docx").exists()
    assert _hidden(corpus) == []


@pytest.mark.slow
def test_the_parse_worker_checks_an_upload_before_it_replaces_a_good_file(
    settings: Settings, corpus: Path
) -> None:
    with pytest.raises(CorpusUpdateError) as exc:
        save_upload(settings, "strategy.md", b"\n   \n\t\n", replace=True)
    assert "no text found" in _one_line(exc)
    assert (corpus / "strategy.md").read_bytes() == MD  # the good file is still there
    assert save_upload(settings, "strategy.md", MD + b"More.\n", replace=True).action == "replaced"


# --- the catalog ------------------------------------------------------------------------------


def test_editing_an_entry_keeps_the_others_and_the_comments(corpus: Path) -> None:
    form = entry_form(corpus, "strategy.md")
    assert form.title == "Partnership Strategy: 2024" and form.published == dt.date(2024, 9, 30)
    assert update_entry(corpus, replace(form, status="superseded")) == "updated"
    text = (corpus / "catalog.yaml").read_text()
    assert "# Catalog of the test corpus: a comment that must survive an edit." in text
    assert "# the briefing is limited to one group" in text
    assert '"Partnership Strategy: 2024"  # quoted, with a trailing comment' in text
    assert text.split("  # the briefing")[1] == CATALOG.split("  # the briefing")[1]
    assert "status: superseded" in text and "publisher: Test Partnership" in text
    assert text.count("supersedes: null") == 1  # unchanged keys written as they were
    meta = load_catalog(corpus)
    assert meta["strategy.md"].status == "superseded"
    assert meta["briefing.md"].readers == ("probation",)  # a key the form does not edit


def test_a_new_file_gets_an_entry_appended(settings: Settings, corpus: Path) -> None:
    save_upload(settings, "kestrel-note.md", MD, parse=None)
    form = entry_form(corpus, "kestrel-note.md")
    assert (form.doc_id, form.title) == ("kestrel-note", "Kestrel Note")  # inferred from the name
    form = replace(
        form,
        title="Kestrel  Panel\nNote",
        strand="criminal-justice",
        published=dt.date(2025, 3, 1),
        supersedes="briefing",
    )
    assert update_entry(corpus, form) == "added"
    entries = catalog_entries(corpus)
    assert [e["file"] for e in entries] == ["strategy.md", "briefing.md", "kestrel-note.md"]
    assert entries[-1]["title"] == "Kestrel Panel Note"
    assert load_catalog(corpus)["kestrel-note.md"].supersedes == "briefing"


GOOD = EntryForm("strategy.md", "strategy", "Strategy", "partnership", dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"doc_id": "Bad ID"}, "doc_id: use lower-case"),
        ({"doc_id": "briefing"}, "another document's"),
        ({"title": "  "}, "title:"),
        ({"strand": "weather"}, "strand: use one of"),
        ({"published": None}, "published:"),
        ({"status": "retired"}, "status: use current or superseded"),
        ({"supersedes": "strategy"}, "cannot supersede itself"),
        ({"supersedes": "nothing"}, "not a doc_id in the catalog"),
        ({"file": "gone.md"}, "no file gone.md in the corpus"),
        ({"classification": "Top Secret!"}, "use a lower-case word"),  # ingest's own check
    ],
)
def test_a_bad_entry_is_refused_and_the_catalog_is_untouched(
    corpus: Path, change: dict, reason: str
) -> None:
    before = (corpus / "catalog.yaml").read_bytes()
    with pytest.raises(CorpusUpdateError) as exc:
        update_entry(corpus, replace(GOOD, **change))
    assert reason in _one_line(exc)
    assert (corpus / "catalog.yaml").read_bytes() == before


def test_the_catalog_is_replaced_whole_or_not_at_all(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (corpus / "catalog.yaml").read_bytes()
    moves: list[tuple[str, str]] = []

    def failing_replace(src: str, dst: str) -> None:
        moves.append((Path(src).name, Path(dst).name))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(CorpusUpdateError) as exc:
        update_entry(corpus, replace(GOOD, title="Changed"))
    assert "No space left on device" in _one_line(exc)
    # the new text went to a hidden file beside the catalog, moved over it in one step
    assert moves and moves[0][0].startswith(".staged-") and moves[0][1] == "catalog.yaml"
    assert (corpus / "catalog.yaml").read_bytes() == before
    assert not [p for p in corpus.iterdir() if p.name.startswith(".staged-")]
    monkeypatch.undo()
    update_entry(corpus, replace(GOOD, title="Changed"))
    assert load_catalog(corpus)["strategy.md"].title == "Changed"


# --- the eval diff ----------------------------------------------------------------------------


def _report(items: list[tuple[str, str, bool]], facts: float, docs: dict[str, str]) -> dict:
    """A small eval report shaped like run_eval's: (id, category, passed) items."""
    overall = {"facts_all": facts, "hit@5": 1.0, "wording_accuracy": 0.5}
    return {
        "timestamp": "20260101T000000Z",
        "corpus_version": "v",
        "summary": {"overall": overall, "sets": {}},
        "comparison": [],
        "items": [
            {"id": i, "category": c, "question": f"Q {i}?", "passed": p, "set": "heldout"}
            | ({"expected": "conflict", "got": "supported"} if c == "wording" else {})
            for i, c, p in items
        ],
        "documents": docs,
    }


def test_the_eval_diff_names_what_changed() -> None:
    old = _report(
        [("q1", "lookup", True), ("q2", "lookup", False), ("w1", "wording", True)],
        0.9,
        {"strategy": "a", "briefing": "b"},
    )
    new = _report(
        [
            ("q1", "lookup", False),
            ("q2", "lookup", True),
            ("q3", "lookup", True),
            ("w1", "wording", False),
        ],
        0.5,
        {"strategy": "a2", "kestrel": "k"},
    )
    baseline = baseline_record(old)
    new["comparison"] = compare(new["summary"]["overall"], baseline["summary"])
    diff = eval_diff(new, baseline)
    assert diff.documents == [
        {"doc_id": "briefing", "change": "removed"},
        {"doc_id": "kestrel", "change": "added"},
        {"doc_id": "strategy", "change": "changed"},
    ]
    assert [r["id"] for r in diff.newly_failing] == ["q1"]
    assert [r["id"] for r in diff.newly_passing] == ["q2"]
    assert [r["id"] for r in diff.not_in_baseline] == ["q3"]
    assert diff.wording == [
        {"id": "w1", "expected": "conflict", "got": "supported", "now": "failing"}
    ]
    facts = next(f for f in diff.figures if f["metric"] == "facts_all")
    assert (facts["before"], facts["after"], facts["change"]) == (0.9, 0.5, -0.4)
    assert diff.regressed == ["facts_all"]
    same = eval_diff(old, baseline_record(old))
    assert not (same.documents or same.newly_failing or same.newly_passing or same.wording)
    assert not same.regressed and not same.not_in_baseline


def test_the_eval_diff_withholds_a_blind_question() -> None:
    old = _report([("q1", "lookup", True), ("b1", "lookup", True)], 0.9, {"strategy": "a"})
    new = _report([("q1", "lookup", False), ("b1", "lookup", False)], 0.9, {"strategy": "a"})
    new["items"][1]["set"] = "blind"
    diff = eval_diff(new, baseline_record(old))
    shown = {r["id"]: r["question"] for r in diff.newly_failing}
    assert shown["q1"] == "Q q1?" and "Q b1?" not in shown["b1"] and "blind" in shown["b1"]
