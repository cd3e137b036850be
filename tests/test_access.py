"""Who may see and do what: roles, classifications, and retrieval that filters before ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.access import (
    UNLIMITED,
    Access,
    AccessDeniedError,
    User,
    access_for,
    claim_groups,
    local_user,
    roles_for,
    user_from_claims,
)
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.ingest import load_catalog
from assistant.retrieve import Filters, chroma_where
from tests.access_fixture import (
    GROUP_FACT,
    GROUP_QUESTION,
    OPEN_QUESTION,
    SECRET_FACT,
    SECRET_QUESTION,
    write_access_corpus,
)

POLICY = Settings(_env_file=None)


def _user(*groups: str) -> User:
    claims = {"email": "a@example.org", "name": "A", "groups": list(groups)}
    return user_from_claims(
        claims, POLICY.groups_claim, POLICY.role_groups, POLICY.classification_groups
    )


# --- pure: roles and read access from groups ---------------------------------------------


def test_groups_map_to_roles_and_permissions() -> None:
    reader, comms, maintainer = _user(), _user("comms"), _user("maintainers")
    assert reader.roles == {"reader"} and reader.can("chat") and not reader.can("wording")
    assert comms.can("wording") and not comms.can("documents")
    for permission in ("documents", "reindex", "evaluation", "feedback_export"):
        assert maintainer.can(permission) and not reader.can(permission)
    with pytest.raises(AccessDeniedError, match="maintainer role"):
        reader.require("reindex")


def test_roles_need_a_matching_group_unless_everyone() -> None:
    policy = {"reader": ["staff"], "maintainer": ["ops"]}
    assert roles_for(frozenset({"visitors"}), policy) == frozenset()
    assert roles_for(frozenset({"staff", "ops"}), policy) == {"reader", "maintainer"}


def test_classifications_readable_by_group() -> None:
    policy = {"official": ["*"], "official-sensitive": ["sensitive"]}
    assert access_for(frozenset(), policy).classifications == {"official"}
    assert access_for(frozenset({"sensitive"}), policy).classifications == {
        "official",
        "official-sensitive",
    }


def test_access_allows_by_classification_and_reader_groups() -> None:
    reader = Access(frozenset({"official"}), frozenset({"staff"}))
    assert reader.allows("official", ("*",))
    assert not reader.allows("official-sensitive", ("*",))
    assert not reader.allows("official", ("probation",))
    assert reader.allows("official", ("probation", "staff"))
    assert not reader.allows("secret", ("*",))  # unknown classification: closed
    assert UNLIMITED.allows("secret", ("nobody",))
    # an entry indexed before classifications existed reads as official, for everyone
    assert reader.allows_meta({"doc_id": "x"})


def test_groups_claim_as_list_or_string_and_a_star_is_not_a_group() -> None:
    assert claim_groups({"groups": ["a", " b ", ""]}, "groups") == {"a", "b"}
    assert claim_groups({"roles": "a, b c"}, "roles") == {"a", "b", "c"}
    assert claim_groups({"groups": ["*"]}, "groups") == frozenset()
    assert claim_groups({"groups": 7}, "groups") == frozenset()


def test_user_name_falls_back_to_email_then_subject() -> None:
    user = user_from_claims({"sub": "x1", "email": "e@x"}, "groups", {}, {})
    assert user.name == "e@x" and user.roles == frozenset()
    assert user_from_claims({"sub": "x1"}, "groups", {}, {}).name == "x1"


def test_local_user_has_every_role_and_reads_everything() -> None:
    user = local_user()
    assert user.local and user.access.unlimited
    assert all(user.can(p) for p in ("chat", "wording", "documents", "reindex", "evaluation"))


@pytest.mark.parametrize(
    ("page", "groups"),
    [
        ("documents.py", ()),
        ("evaluation.py", ("comms",)),
        ("check_wording.py", ()),
        ("chat.py", None),  # signed in, but no role at all
    ],
)
def test_a_page_refuses_a_user_whose_roles_do_not_allow_it(page: str, groups) -> None:
    from streamlit.testing.v1 import AppTest

    from assistant.guard import UserAssistant

    user = User("nobody") if groups is None else _user(*groups)
    at = AppTest.from_file(str(Path(__file__).parents[1] / "pages" / page), default_timeout=30)
    at.session_state["assistant"] = UserAssistant(None, user)  # type: ignore[arg-type]
    at.run()
    assert not at.exception
    assert at.error and "not allowed" in at.error[0].value
    assert not at.title  # nothing of the page is shown


def test_unknown_role_in_settings_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown roles"):
        Settings(_env_file=None, role_groups={"admin": ["x"]})


def test_where_clause_carries_classification_and_readers() -> None:
    clause = chroma_where(
        Filters(include_superseded=True, access=Access(frozenset({"official"}), frozenset({"g"})))
    )
    assert clause == {
        "$and": [
            {"classification": {"$in": ["official"]}},
            {"$or": [{"readers": {"$contains": "*"}}, {"readers": {"$contains": "g"}}]},
        ]
    }
    assert chroma_where(Filters(include_superseded=True)) is None


# --- catalog ------------------------------------------------------------------------------


def test_catalog_reads_classification_and_readers(tmp_path: Path) -> None:
    write_access_corpus(tmp_path)
    catalog = load_catalog(tmp_path)
    assert catalog["harbour.md"].classification == "official-sensitive"
    assert catalog["strategy.md"].classification == "official"
    assert catalog["strategy.md"].readers == ("*",)
    assert catalog["kestrel.md"].readers == ("probation",)


def test_catalog_rejects_a_malformed_classification(tmp_path: Path) -> None:
    write_access_corpus(tmp_path, classification="'Top Secret!'")
    with pytest.raises(AssistantError, match="classification"):
        load_catalog(tmp_path)


# --- the real index: a restricted passage never reaches a reader ----------------------------


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    from assistant.pipeline import Assistant

    root = tmp_path_factory.mktemp("access")
    write_access_corpus(root / "corpus")
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    assistant = Assistant(settings, real_embedder)
    assistant.reindex()
    return assistant


def _doc_ids(answer) -> set[str]:
    return {s.doc_id for s in answer.sources + answer.related}


@pytest.mark.slow
def test_reader_never_gets_the_restricted_passage(index) -> None:
    from assistant.guard import UserAssistant

    reader, maintainer = UserAssistant(index, _user()), UserAssistant(index, _user("maintainers"))
    seen = maintainer.ask(SECRET_QUESTION)
    assert "17" in seen.text and "harbour" in _doc_ids(seen)  # the test can fail
    for question in (
        SECRET_QUESTION,
        "What does the Harbour Protocol Briefing say about deployment?",  # names it by title
        "Where are the covert hubs on the West Cumbria coast?",
        "Harbour Protocol steering group review",
    ):
        answer = reader.ask(question, filters=Filters(include_superseded=True))
        assert "harbour" not in _doc_ids(answer), question
        assert "17" not in answer.text and "need-to-know" not in answer.text, answer.text
    assert "harbour" not in reader.documents() and "harbour" in maintainer.documents()


@pytest.mark.slow
def test_both_retrieval_paths_and_the_sentence_store_filter(index) -> None:
    retriever = index.retriever
    reader = Filters(access=_user().access)
    dense, lexical = retriever._rank(SECRET_QUESTION, 100, reader)
    everyone_dense, everyone_lexical = retriever._rank(SECRET_QUESTION, 100, Filters())
    secret = set(index.documents()["harbour"]["chunk_ids"])
    assert secret & {i for i, _ in everyone_dense} and secret & {i for i, _ in everyone_lexical}
    assert not secret & {i for i, _ in dense} and not secret & {i for i, _ in lexical}
    # Chroma's own where clause (the path taken when a filter is selective) on both stores
    vector = index.embedder.embed_query(SECRET_QUESTION)
    where = chroma_where(reader)
    filtered = retriever._query(retriever.collection, vector, 10, where)
    assert filtered and not secret & {i for i, _ in filtered}
    got = retriever.sentences.get(where=where, include=["metadatas"])
    assert got["ids"] and not {m["chunk_id"] for m in got["metadatas"]} & secret


@pytest.mark.slow
def test_reader_groups_limit_a_document_to_its_group(index) -> None:
    from assistant.guard import UserAssistant

    outsider = UserAssistant(index, _user())
    probation = UserAssistant(index, _user("probation"))
    assert "kestrel" not in _doc_ids(outsider.ask(GROUP_QUESTION))
    answer = probation.ask(GROUP_QUESTION)
    assert "kestrel" in _doc_ids(answer) and "9 days" in answer.text
    assert "harbour" not in _doc_ids(probation.ask(SECRET_QUESTION))
    assert outsider.source_path("kestrel.md") is None
    assert probation.source_path("kestrel.md") is not None


@pytest.mark.slow
def test_open_documents_still_answer_readers(index) -> None:
    from assistant.guard import UserAssistant

    answer = UserAssistant(index, _user()).ask(OPEN_QUESTION)
    assert answer.grounded and "Commissioner" in answer.text


@pytest.mark.slow
def test_wording_check_judges_readers_only_against_what_they_may_read(index) -> None:
    from assistant.guard import UserAssistant

    draft = f"{SECRET_FACT}."
    comms = UserAssistant(index, _user("comms"))
    reader_verdict = comms.check_wording(draft)[0]
    full_verdict = index.check_wording(draft)[0]
    assert full_verdict.verdict == "supported" and "Harbour" in full_verdict.source["title"]
    assert reader_verdict.verdict != "supported"
    assert "Harbour" not in (reader_verdict.source or {}).get("title", "")
    assert "covert" not in (reader_verdict.quote or "").lower()
    assert "harbour protocol" not in index.glossary_for(comms.user.access).corpus_text
    with pytest.raises(AccessDeniedError):
        UserAssistant(index, _user()).check_wording(draft)  # a reader has no wording check


@pytest.mark.slow
def test_maintainer_actions_refuse_other_roles(index) -> None:
    from assistant.guard import UserAssistant

    reader = UserAssistant(index, _user())
    for action in (reader.status, reader.reindex):
        with pytest.raises(AccessDeniedError):
            action()
    status = UserAssistant(index, _user("maintainers")).status()
    assert "harbour" in status["per_document"] and "kestrel" not in status["per_document"]


@pytest.mark.slow
def test_reclassifying_updates_chunks_without_reembedding(tmp_path: Path, real_embedder) -> None:
    from assistant.guard import UserAssistant
    from assistant.pipeline import Assistant

    write_access_corpus(tmp_path / "corpus")
    settings = Settings(
        _env_file=None, corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index"
    )
    assistant = Assistant(settings, real_embedder)
    assistant.reindex()
    reader = UserAssistant(assistant, _user())
    assert "harbour" not in _doc_ids(reader.ask(SECRET_QUESTION))
    write_access_corpus(tmp_path / "corpus", classification="official")
    report = assistant.reindex()
    assert report.chunks_embedded == 0
    assert {o.doc_id for o in report.outcomes if o.action == "updated"} == {"harbour"}
    answer = reader.ask(SECRET_QUESTION)
    assert "harbour" in _doc_ids(answer) and "17" in answer.text
    got = assistant.retriever.sentences.get(where={"doc_id": "harbour"}, include=["metadatas"])
    assert {m["classification"] for m in got["metadatas"]} == {"official"}


def test_group_fact_is_distinct_from_the_secret() -> None:
    assert "17" not in GROUP_FACT and "9" not in SECRET_FACT


@pytest.mark.slow
def test_cli_reads_everything_unless_given_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import json

    from assistant.cli import main

    write_access_corpus(tmp_path / "corpus")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    assert main(["ingest"]) == 0
    capsys.readouterr()
    assert main(["ask", SECRET_QUESTION, "--json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert "17" in local["text"] and local["sources"][0]["doc_id"] == "harbour"
    assert main(["ask", SECRET_QUESTION, "--json", "--group", "staff"]) == 0
    staff = json.loads(capsys.readouterr().out)
    assert "harbour" not in {s["doc_id"] for s in staff["sources"] + staff["related"]}
    both = ["--group", "staff", "--group", "maintainers"]
    assert main(["ask", SECRET_QUESTION, "--json", *both]) == 0
    assert "17" in json.loads(capsys.readouterr().out)["text"]


def test_an_index_without_access_columns_reads_nothing_for_a_signed_in_user() -> None:
    from assistant.lexical import LexicalIndex
    from assistant.retrieve import lexical_mask

    old = LexicalIndex.build(["a", "b"], ["one text", "another text"], "v", {"status": ["x"] * 2})
    reader = Filters(include_superseded=True, access=_user().access)
    assert lexical_mask(old, reader).tolist() == [0.0, 0.0]  # fail closed
    assert lexical_mask(old, Filters(include_superseded=True)) is None  # local: unfiltered


def test_an_index_from_before_classifications_is_updated_on_load(settings: Settings) -> None:
    from assistant.index import build_index
    from assistant.pipeline import load_assistant
    from assistant.store import MANIFEST, write_json
    from tests.fakes import HashEmbedder

    write_access_corpus(settings.corpus_dir)
    build_index(settings, HashEmbedder())
    manifest = load_manifest_json(settings.index_dir / MANIFEST)
    for entry in manifest["documents"].values():  # as an index written before this change
        entry.pop("classification")
        entry["meta_hash"] = "hash-of-the-old-catalog-fields"
    write_json(settings.index_dir / MANIFEST, manifest)
    assistant = load_assistant(settings, HashEmbedder())
    assert assistant.documents()["harbour"]["classification"] == "official-sensitive"
    assert "harbour" not in assistant.documents(_user().access)


def load_manifest_json(path: Path) -> dict:
    import json

    return json.loads(path.read_text())


# --- the app's sign-in gate under AppTest (the browser test drives a real provider) ---------

AUTH = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "test",
        "client_id": "c",
        "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    }
}


@pytest.fixture()
def app_env(request, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, real_embedder):
    """The app on the access corpus, warmed as `assistant serve` would, run from tmp_path."""
    from assistant.serve import warmup

    root = Path(__file__).parents[1]
    write_access_corpus(tmp_path / "corpus")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").symlink_to(root / "pages")
    for name, value in getattr(request, "param", {}).items():  # a test's own policy
        monkeypatch.setenv(name, value)
    warmup(Settings()).wait()
    return str(root / "streamlit_app.py")


def _run(app: str, user: dict | None = None, secrets: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(app, default_timeout=180)
    at.secrets = secrets or {}
    if user is not None:
        at.user = user
    return at.run()


@pytest.mark.slow
def test_with_auth_nobody_gets_past_the_sign_in_page(app_env: str) -> None:
    at = _run(app_env, {"is_logged_in": False}, AUTH)
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in"] and not at.chat_input
    assert "assistant" not in at.session_state


@pytest.mark.slow
def test_signed_in_groups_become_roles_and_access(app_env: str) -> None:
    signed_in = {"is_logged_in": True, "email": "r@example.org", "name": "R", "groups": ["staff"]}
    at = _run(app_env, signed_in, AUTH)
    assert not at.exception and at.chat_input
    user = at.session_state["assistant"].user
    assert user.name == "R" and user.roles == {"reader"} and not user.local
    assert not any("Local single-user mode" in i.value for i in at.sidebar.info)
    at.chat_input[0].set_value(SECRET_QUESTION).run()
    assert "17" not in " ".join(m.value for m in at.markdown)
    assert not any("Harbour" in e.label for e in at.expander)


@pytest.mark.slow
@pytest.mark.parametrize(
    "app_env", [{"ASSISTANT_ROLE_GROUPS": '{"reader": ["staff"]}'}], indirect=True
)
def test_a_signed_in_user_without_a_role_is_refused(app_env: str) -> None:
    at = _run(app_env, {"is_logged_in": True, "email": "v@example.org", "groups": ["guests"]}, AUTH)
    assert not at.exception and not at.chat_input
    assert at.error and "no role" in at.error[0].value


@pytest.mark.slow
def test_an_unreadable_secrets_file_never_falls_back_to_local_mode(
    app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit import config

    broken = tmp_path / "secrets.toml"
    broken.write_text("[auth\\nclient_id = ")
    old = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    try:
        at = _run(app_env)
    finally:
        config.set_option("secrets.files", old)
    assert not at.exception and not at.chat_input
    assert at.error and "Sign-in is misconfigured" in at.error[0].value
