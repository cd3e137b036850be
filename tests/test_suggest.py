"""Suggested questions from the documents' own headings: pure rules, then a real index."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.suggest import best_heading, question, suggest_questions, topic
from tests.access_fixture import write_access_corpus


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("5. Summary of need > 5.3 Drug poisoning deaths", "Drug poisoning deaths"),
        ("6. Priority 1: Breaking drug supply chains > 6.1 County lines", "County lines"),
        ("5. The priorities in detail > 5.1 Priority 1: Serious violence", "Serious violence"),
        (
            "11. FAQ > Who decides whether a case goes to Channel?",
            "Who decides whether a case goes to Channel?",
        ),  # fmt: skip
        ("Contents", ""),
        ("13. Glossary", ""),
        ("1. Foreword from the Senior Responsible Owner", ""),
        ("6.5 What we will do differently", ""),
        ("2. Cumbria in context > 2.2 The partnership landscape", ""),
        ("4.2 Summary table", ""),
        ("8. Prevent in Cumbria in numbers, 2023/24", ""),
        ("3. A heading far too long to be the topic of a short question", ""),
        ("", ""),
    ],
)
def test_a_heading_names_a_topic_or_nothing(section: str, expected: str) -> None:
    assert topic(section) == expected


def test_questions_ask_about_the_topic_and_keep_names_capitalised() -> None:
    assert question("County lines") == "What do the documents say about county lines?"
    assert question("Channel panel", frozenset({"channel"})) == (
        "What do the documents say about Channel panel?"
    )
    assert question("ASB hotspots") == "What do the documents say about ASB hotspots?"
    assert question("Why hotspot policing?") == "Why hotspot policing?"


def test_the_largest_section_with_a_topic_of_several_words_wins() -> None:
    sections = ["Contents"] * 5 + ["3. Drivers"] * 4 + ["4.1 County lines"] * 2 + ["4.2 Cuckooing"]
    assert best_heading(sections) == "County lines"
    assert best_heading(["Contents", "13. Glossary"]) == ""
    assert best_heading(["2. Cuckooing", "3. Alcohol"]) == "Cuckooing"  # equal: the first


def test_suggestions_come_from_distinct_documents_current_and_newest_first() -> None:
    documents = {
        "old": {"title": "Old Plan", "status": "superseded", "published": "2025-06-01"},
        "a": {"title": "Plan A", "status": "current", "published": "2023-01-01"},
        "b": {"title": "Plan B", "status": "current", "published": "2024-01-01"},
        "c": {"title": "Plan C", "status": "current", "published": "2024-05-01"},
    }
    sections = {
        "old": ["1. Knife crime"],
        "a": ["1. Shoplifting", "1. Shoplifting"],
        "b": ["1. Shoplifting"],  # the same question as plan A's: asked once
        "c": ["Contents", "2. Rural crime"],
    }
    got = suggest_questions(documents, sections, n=3)
    assert [(s.title, s.heading) for s in got] == [
        ("Plan C", "Rural crime"),
        ("Plan B", "Shoplifting"),
        ("Old Plan", "Knife crime"),
    ]
    assert got[0].question == "What do the documents say about rural crime?"
    assert len(suggest_questions(documents, sections, n=2)) == 2
    assert suggest_questions({}, {}) == []


@pytest.mark.slow
def test_a_reader_gets_suggestions_only_from_documents_they_may_read(
    tmp_path_factory: pytest.TempPathFactory, real_embedder
) -> None:
    from assistant.access import local_user, user_from_claims
    from assistant.guard import UserAssistant
    from assistant.pipeline import Assistant

    root = tmp_path_factory.mktemp("suggest")
    write_access_corpus(root / "corpus")
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    assistant = Assistant(settings, real_embedder)
    assistant.reindex()
    policy = Settings(_env_file=None)
    reader = user_from_claims(
        {"email": "r@example.org", "groups": []},
        policy.groups_claim,
        policy.role_groups,
        policy.classification_groups,
    )
    everyone = [s.title for s in UserAssistant(assistant, local_user()).suggested_questions(6)]
    assert "Harbour Protocol Briefing" in everyone  # the test can fail
    seen = UserAssistant(assistant, reader).suggested_questions(6)
    assert [s.title for s in seen] == ["Partnership Strategy 2024"]
    assert seen[0].question in {
        "What do the documents say about governance?",
        "What do the documents say about patrols?",
    }
    assert UserAssistant(assistant, reader).sections().keys() == {"strategy"}
