"""Every page under streamlit's AppTest, with the real model and a small real index."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import Settings
from assistant.serve import _WARMUPS, Warmup, load_and_warm, warmup

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "streamlit_app.py")
pytestmark = pytest.mark.slow


def _app_dir(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> None:
    """Run the app as `assistant serve` would, on the test's corpus and index."""
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").symlink_to(ROOT / "pages")


@pytest.fixture()
def app(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> AppTest:
    _app_dir(monkeypatch, settings, tmp_path)
    warmup(Settings()).wait()  # as `assistant serve` does before anyone opens the page
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    return at


def _text(at: AppTest) -> str:
    """What the page says: its Markdown (tables too) and its buttons (citations), as shown."""
    parts = [m.value for m in at.markdown] + [b.label for b in at.button]
    return " ".join(parts).replace("\\", "")


def _tables(block) -> list[dict[str, dict[str, str]]]:
    """The Markdown tables in a block, each as row label -> column heading -> cell."""
    tables = []
    for m in block.markdown:
        lines = m.value.splitlines()
        if len(lines) < 3 or not all(line.startswith("| ") for line in lines):
            continue
        headings, *rows = ([c.strip() for c in line[2:-2].split(" | ")] for line in lines)
        tables.append({r[0]: dict(zip(headings[1:], r[1:], strict=True)) for r in rows[1:]})
    return tables


def test_chat_answers_with_sources(app: AppTest) -> None:
    app.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert not app.exception
    assert "64" in _text(app) and "[1]" in _text(app)
    assert any("Prevent Overview" in e.label for e in app.expander)
    # the source shows the row the answer read, in bold, in the passage's own words
    quotes = [m.value for e in app.expander for m in e.markdown]
    assert any("**Referrals \\| 2023/24\\: 64**" in q for q in quotes), quotes


def test_filters_show_above_the_answer_and_a_new_conversation_starts_afresh(
    app: AppTest,
) -> None:
    app.sidebar.multiselect[0].set_value(["counter-terrorism"]).run()
    app.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert not app.exception
    captions = [c.value.replace("\\", "") for c in app.caption]
    assert "Filters: strand counter-terrorism" in captions
    download = app.get("download_button")[0]
    assert not download.proto.disabled  # the conversation so far can be downloaded
    new = next(b for b in app.sidebar.button if b.label == "New conversation")
    new.click().run()
    assert not app.exception
    assert not app.chat_message and app.session_state["history"] == []
    assert app.get("download_button")[0].proto.disabled


def test_local_mode_says_so_and_shows_every_page(app: AppTest) -> None:
    # no [auth] in secrets: one local user with every role, told so on screen
    assert any("Local single-user mode" in i.value for i in app.sidebar.info)
    assert app.session_state["assistant"].user.local


def test_abstention_looks_different(app: AppTest) -> None:
    app.chat_input[0].set_value("What is the price of a bus ticket to Glasgow?").run()
    assert app.warning and "don't cover" in app.warning[0].value


def _assistant_message(at: AppTest, n: int = 0):
    """The n-th answer on the page (every other chat message is a question)."""
    return [m for m in at.chat_message if m.name == "assistant"][n]


def test_the_card_shows_the_direct_answer_first_set_apart(app: AppTest) -> None:
    app.chat_input[0].set_value("Who chairs the Partnership?").run()
    assert not app.exception
    first = next(iter(_assistant_message(app).children.values()))
    assert first.type == "flex_container" and first.proto.flex_container.border  # a bordered box
    lead = first.markdown[0].value
    assert lead.startswith("**") and "Police, Fire and Crime Commissioner" in lead
    assert "\\[1\\]" in [b.label for b in first.button]  # its citation, beside it


def test_a_table_answer_is_a_table(app: AppTest) -> None:
    app.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert not app.exception
    # a Markdown table (Streamlit draws it without loading a dataframe's scripts)
    [table] = _tables(_assistant_message(app))
    assert list(table) == ["Referrals"] and table["Referrals"]["2023/24"] == "64"
    answer_md = [m.value for m in _assistant_message(app).markdown if "Prevent team" not in m.value]
    prose = [m for m in answer_md if not m.startswith("| ")]
    assert not any("|" in m.replace("\\|", "") for m in prose)  # no raw pipes


def test_clicking_a_citation_opens_its_source(app: AppTest) -> None:
    app.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert [e.label for e in app.expander] == ["\\[1\\] Prevent Overview"]
    cite = next(b for b in _assistant_message(app).button if b.label == "\\[1\\]")
    cite.click().run()
    assert not app.exception
    # the source opens in a dialog (outside the page's main area), its passage highlighted
    assert [e.label for e in app.expander] == ["\\[1\\] Prevent Overview"] * 2
    dialog = [e for e in app.expander if e not in _assistant_message(app).expander]
    assert any("**Referrals \\| 2023/24\\: 64**" in m.value for m in dialog[0].markdown)


def test_an_abstention_says_what_is_missing_and_what_the_documents_give(app: AppTest) -> None:
    app.chat_input[0].set_value("What is the price of a bus ticket to Glasgow?").run()
    assert not app.exception
    warning = app.warning[0].value
    assert "don't cover this" in warning and "Glasgow" in warning
    assert any("What the documents do give" in m.value for m in app.markdown)
    assert app.expander  # the related passages
    assert not _tables(_assistant_message(app)) and not _assistant_message(app).button


def test_suggested_questions_appear_when_empty_and_one_click_asks(app: AppTest) -> None:
    suggestions = [b for b in app.button if (b.key or "").startswith("suggest-")]
    assert 3 <= len(suggestions) <= 6
    assert all(b.label.startswith("What do the documents say about") for b in suggestions)
    asked = suggestions[0].label.replace("\\", "")
    suggestions[0].click().run()
    assert not app.exception
    assert [q for q, _, _ in app.session_state["history"]] == [asked]
    assert app.chat_message[0].children[0].value == asked  # shown as the person's question
    assert _assistant_message(app).button  # answered, with citations
    assert not [b for b in app.button if (b.key or "").startswith("suggest-")]  # gone


def test_a_typed_question_is_answered_without_drawing_the_suggestions_first(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run that answers would draw the suggestions, send them, then clear them."""
    from assistant import ui_warm

    drawn: list[object] = []
    real = ui_warm.suggestions
    monkeypatch.setattr(ui_warm, "suggestions", lambda *a, **k: drawn.append(a) or real(*a, **k))
    app.chat_input[0].set_value("Which groups meet each month?").run()
    assert not app.exception and app.session_state["history"]
    assert drawn == []
    assert not [b for b in app.button if (b.key or "").startswith("suggest-")]


@pytest.fixture()
def sample_app(monkeypatch: pytest.MonkeyPatch, sample_index: Settings, tmp_path: Path) -> AppTest:
    """The app on the real sample corpus (its audit and feedback kept out of the shared index)."""
    monkeypatch.setenv("ASSISTANT_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.setenv("ASSISTANT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    _app_dir(monkeypatch, sample_index, tmp_path)
    warmup(Settings()).wait()
    return AppTest.from_file(APP, default_timeout=180).run()


def test_a_list_answer_is_a_list(sample_app: AppTest) -> None:
    sample_app.chat_input[0].set_value("What are the six shared priorities?").run()
    assert not sample_app.exception
    lead = next(iter(_assistant_message(sample_app).children.values())).markdown[0].value
    intro, *items = lead.split("\n")
    assert intro.startswith("**") and "priorities" in intro
    assert items[0] == "- serious violence" and len(items) == 6  # each item once, as a bullet
    assert "; " not in lead


def test_check_wording_page(app: AppTest) -> None:
    app.switch_page("pages/check_wording.py").run()
    app.text_area[0].input("Cumbria County Council chairs the partnership.").run()
    app.button[0].click().run()
    assert not app.exception
    assert any("OUTDATED" in w.value for w in app.warning)


def test_documents_page(app: AppTest) -> None:
    app.switch_page("pages/documents.py").run()
    assert not app.exception
    assert "5 documents" in app.caption[0].value


def test_evaluation_page_reads_the_latest_report(app: AppTest, tmp_path: Path) -> None:
    from assistant.report import write_report

    summary = {
        "overall": {"hit@5": 1.0, "facts_all": 0.5},
        "latency_ms": {"total_ms": {"p50": 10.0, "p95": 20.0}},
        "by_category": {"lookup": {"n": 1, "facts_all": 0.5}},
    }
    write_report(
        tmp_path / "evals" / "reports",
        {
            "timestamp": "20260101T000000Z",
            "corpus_version": "abc",
            "baseline_path": "b",
            "summary": summary,
            "comparison": [],
            "newly_failing": [],
            "changed_documents": [],
            "items_to_review": [],
            "items": [{"id": "q1", "question": "Q?", "answer": "A", "passed": False}],
        },
    )
    app.switch_page("pages/evaluation.py").run()
    assert not app.exception
    assert any(m.label == "facts_all" for m in app.metric)


def test_opening_a_pdf_source_shows_its_page_as_an_image(app: AppTest) -> None:
    app.chat_input[0].set_value("How many serious violence offences did the 2024 strategy report?")
    app.run()
    assert not app.exception
    pdf = next(e for e in app.expander if "Violence Strategy 2024" in e.label)
    assert not pdf.get("image"), "nothing is rendered until the source is opened"
    app.session_state[pdf.key] = True  # as a click on the expander does
    app.run()
    assert not app.exception
    pdf = next(e for e in app.expander if "Violence Strategy 2024" in e.label)
    images = pdf.get("image")
    assert images, "an opened PDF source shows its page"
    shown = images[0].proto.imgs[0]
    assert "Page 2" in shown.caption and "highlighted" in shown.caption
    assert shown.url.endswith(".png"), "a page of text is sent as PNG, not as blurred JPEG"
    labels = [b.label for b in pdf.get("download_button")]
    assert any("opens at p. 2" in label for label in labels), labels


def test_documents_page_reindexes_with_progress(app: AppTest) -> None:
    app.switch_page("pages/documents.py").run()
    table = app.dataframe[0].value
    assert {"strand", "published", "pages", "chunks"} <= set(table.columns)
    next(b for b in app.button if b.label == "Re-index now").click().run()
    assert not app.exception
    assert "skipped" in app.success[0].value


def test_a_question_typed_while_warming_up_is_answered_when_ready(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> None:
    _app_dir(monkeypatch, settings, tmp_path)
    gate = threading.Event()

    def slow_load(s: Settings):
        gate.wait(60)
        return load_and_warm(s)

    key = Settings().model_dump_json()
    monkeypatch.setitem(_WARMUPS, key, Warmup(Settings(), load=slow_load).start())
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    assert "Warming up" in at.info[0].value
    threading.Timer(0.5, gate.set).start()  # the model becomes ready while the person waits
    at.chat_input[0].set_value("How many Prevent referrals were there in 2023/24?").run()
    assert not at.exception
    assert not any("Warming" in i.value for i in at.info)  # the warming notice is gone
    assert "64" in _text(at) and "[1]" in _text(at)


def test_the_warming_page_says_when_ready_and_opens_the_app(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> None:
    _app_dir(monkeypatch, settings, tmp_path)
    gate = threading.Event()
    warm = Warmup(Settings(), load=lambda s: (gate.wait(60), load_and_warm(s))[1]).start()
    monkeypatch.setitem(_WARMUPS, Settings().model_dump_json(), warm)
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert "Warming up" in at.info[0].value and not at.success
    gate.set()
    warm.settle(timeout=120)
    at.run()  # the page does not switch by itself: someone may be typing
    assert "Ready" in at.success[0].value
    at.button[0].click().run()
    assert not at.exception and not at.success
    assert at.chat_input and "Every sentence cites the documents" in at.caption[0].value


def test_a_bad_setting_is_one_line_on_the_page(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> None:
    _app_dir(monkeypatch, settings, tmp_path)
    monkeypatch.setenv("ASSISTANT_TOP_K", "lots")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert (
        at.error
        and at.error[0].value.startswith("Invalid configuration")
        and "top_k" in at.error[0].value.replace("\\", "")  # as shown: Markdown escapes undone
    )


REFUSED = {
    "|": "no words",
    "\n\n\n": "empty",
    "?!... ;;": "no words",
    "x" * 100_000: "100,000 characters",
    "Qui préside le partenariat ?": "looks French",
    "谁主持这个伙伴关系？": "another script",
}


def test_malformed_questions_are_refused_in_one_line_and_answers_are_audited(
    app: AppTest, settings: Settings
) -> None:
    from assistant.audit import AuditLog

    for question, reason in REFUSED.items():
        app.chat_input[0].set_value(question).run()
        assert not app.exception, question[:40]
        assert app.error and reason in app.error[-1].value, question[:40]
        assert "\n" not in app.error[-1].value
    hostile = "\x1b[31mWho chairs\x00 the Partnership?\u202e"
    app.chat_input[0].set_value(hostile).run()
    assert not app.exception and not app.error
    assert "Police, Fire and Crime Commissioner" in _text(app)
    rows = AuditLog(settings.audit_path).rows()  # the warm-up question is not recorded
    assert [(r["user"], r["question"]) for r in rows] == [("local", "Who chairs the Partnership?")]
    assert AuditLog(settings.audit_path).verify().ok


# --- the maintainer's corpus update on the Documents page (a temp corpus and eval folder) ------


@pytest.fixture()
def maintainer_app(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path
) -> tuple[AppTest, Path]:
    """The app on the test's temp corpus, with ASSISTANT_EVAL_DIR a temp eval folder."""
    from assistant.index import build_index
    from assistant.pipeline import make_embedder
    from tests.maintainer_fixture import write_evals

    build_index(settings, make_embedder(settings))
    evals = tmp_path / "evals-tmp"
    write_evals(evals, settings)
    monkeypatch.setenv("ASSISTANT_EVAL_DIR", str(evals))
    _app_dir(monkeypatch, settings, tmp_path)
    warmup(Settings()).wait()
    at = AppTest.from_file(APP, default_timeout=300).run()
    at.switch_page("pages/documents.py").run()
    assert not at.exception
    return at, evals


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _widget(elements, label: str):
    return next(e for e in elements if e.label == label)


def test_maintainer_uploads_fills_the_entry_reindexes_and_accepts_the_eval(
    maintainer_app: tuple[AppTest, Path], settings: Settings
) -> None:
    import datetime as dt
    import json

    from tests import maintainer_fixture as m

    at, evals = maintainer_app
    real_baseline = (ROOT / "evals" / "baseline.json").read_bytes()
    at.get("file_uploader")[0].set_value((m.UPLOAD_NAME, m.KESTREL, "text/markdown")).run()
    _button(at, "Save to corpus").click().run()
    assert not at.exception and not at.error
    assert f"{m.SAVED_NAME} added" in at.success[0].value.replace("\\", "")
    assert (settings.corpus_dir / m.SAVED_NAME).read_bytes() == m.KESTREL

    assert _widget(at.selectbox, "Document file").value == m.SAVED_NAME
    doc_id = _widget(at.text_input, "doc_id (a stable slug: eval items refer to it)")
    assert doc_id.value == "kestrel-panel-note-final"  # inferred from the file name
    doc_id.input(m.DOC_ID)
    _widget(at.text_input, "Title").input(m.TITLE)
    _widget(at.selectbox, "Strand").set_value("criminal-justice")
    _widget(at.date_input, "Published").set_value(dt.date(2025, 3, 1))
    _button(at, "Save catalog entry").click().run()
    assert not at.exception and not at.error
    assert "added" in at.success[-1].value
    assert f"title: {m.TITLE}" in (settings.corpus_dir / "catalog.yaml").read_text()

    _button(at, "Re-index now").click().run()
    assert not at.exception and "1 added" in at.success[-1].value

    _button(at, "Run the eval").click().run()
    assert not at.exception and not at.error  # no figure regressed: the new document helps
    tables = {m.value.split("**")[1]: m.value for m in at.markdown if m.value.startswith("**")}
    assert "(1)" in tables["Documents changed since the baseline"]
    assert "(1)" in tables["Questions newly failing"] and "(2)" in tables["Questions newly passing"]
    assert "(1)" in tables["Wording cases affected"]
    frames = [d.value for d in at.dataframe]
    assert any(list(f.get("doc_id", [])) == [m.DOC_ID] for f in frames)
    assert any(list(f.get("id", [])) == ["kes-03"] for f in frames)  # newly failing
    figures = next(f for f in frames if "metric" in f).set_index("metric")
    assert (figures.loc["facts_all", "before"], figures.loc["facts_all", "after"]) == (
        0.3333,
        0.6667,
    )

    _button(at, "Accept as new baseline").click().run()
    assert not at.exception
    baseline = json.loads((evals / "baseline.json").read_text())
    assert baseline["items"] == {"kes-01": True, "kes-02": True, "kes-03": False, "w-kes-01": True}
    assert m.DOC_ID in baseline["documents"]
    assert _button(at, "Accept as new baseline").disabled
    assert (ROOT / "evals" / "baseline.json").read_bytes() == real_baseline  # never the real one


def test_an_upload_is_refused_in_one_line_and_a_changed_file_needs_a_confirm(
    maintainer_app: tuple[AppTest, Path], settings: Settings
) -> None:
    at, _ = maintainer_app
    uploader = at.get("file_uploader")[0]
    uploader.set_value(("plan.pdf", b"<script>alert(1)</script>", "application/pdf")).run()
    _button(at, "Save to corpus").click().run()
    assert not at.exception
    assert "not a PDF file" in at.error[0].value and "\n" not in at.error[0].value
    assert not (settings.corpus_dir / "plan.pdf").exists()

    before = (settings.corpus_dir / "strategy.md").read_bytes()
    changed = before + b"\nA new paragraph.\n"
    at.get("file_uploader")[0].set_value(("strategy.md", changed, "text/markdown")).run()
    _button(at, "Save to corpus").click().run()
    assert "already has a different strategy" in at.warning[0].value.replace("\\", "")
    assert (settings.corpus_dir / "strategy.md").read_bytes() == before  # not yet
    _button(at, "Replace the file").click().run()
    assert not at.exception and "replaced" in at.success[0].value
    assert (settings.corpus_dir / "strategy.md").read_bytes() == changed


@pytest.mark.parametrize("groups", [("staff",), ("staff", "comms")])
def test_readers_and_comms_never_see_the_corpus_controls(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path, groups: tuple
) -> None:
    """Signed in as a reader or comms officer: no Documents page, and opened directly, refused."""
    from assistant.access import AccessDeniedError, user_from_claims
    from assistant.corpus_admin import EntryForm
    from assistant.guard import UserAssistant

    policy = Settings(_env_file=None)
    user = user_from_claims(
        {"email": "p@example.org", "groups": list(groups)},
        "groups",
        policy.role_groups,
        policy.classification_groups,
    )
    assert not user.can("documents") and not user.can("corpus_update")
    at = AppTest.from_file(str(ROOT / "pages" / "documents.py"), default_timeout=30)
    at.session_state["assistant"] = UserAssistant(None, user)  # type: ignore[arg-type]
    at.run()
    assert not at.exception and at.error and "not allowed" in at.error[0].value
    assert not at.get("file_uploader") and not at.button and not at.text_input
    assert not at.title and not at.dataframe
    guarded = UserAssistant(None, user)  # type: ignore[arg-type]
    form = EntryForm("x.md", "x", "X", "partnership", None)
    for action in (
        lambda: guarded.save_upload("x.md", b"# X"),
        lambda: guarded.save_entry(form),
        lambda: guarded.run_eval(),
        lambda: guarded.accept_baseline({}),
    ):
        with pytest.raises(AccessDeniedError):
            action()
