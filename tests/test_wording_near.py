"""Wording check: what a figure counts, said in words the embedding model puts next to each other.

Every text here is invented (a harbour county), not from the eval sets.
"""

from __future__ import annotations

import pytest

from assistant.claims import GlossaryRules, WordingPolicy, read_passage
from assistant.counted_check import check_counted, count_words
from assistant.near_words import NearWord, WordVectors
from assistant.wording import Aligned
from tests.wording_helpers import judge_with

PLACES = ["Eastport", "Westhaven", "Harbourshire"]


def _passage(text: str, score: float) -> Aligned:
    return Aligned(text, text, score, {"doc_id": "d", "title": "d", "section": ""}, "current")


@pytest.fixture(scope="module")
def near_rules(real_embedder) -> GlossaryRules:
    near = NearWord(WordVectors(real_embedder.embed_documents))
    return GlossaryRules({"places": PLACES, "near": near})


def _counted_check(draft: str, passage: str, near) -> tuple[str, str]:  # noqa: ANN001
    from assistant.compare_check import sentence_claims

    rules = GlossaryRules({"places": PLACES})
    said = sentence_claims(draft, rules, WordingPolicy())
    word = next(c for c in said if c.kind == "counted" and c.text == "fatalities")
    doc = read_passage(passage, "d\t", frozenset(), 5)
    return check_counted(word, doc, {}, draft, doc.figures[0], near)


def test_a_counted_word_near_the_passages_is_found_and_one_not_near_is_missing() -> None:
    draft = "Lifeguards logged 212 fatalities on the beaches."
    passage = "Lifeguards logged 212 deaths on the beaches."
    assert _counted_check(draft, passage, lambda w, others: False) == ("missing", "")
    asked: list[tuple[str, list[str]]] = []

    def near(word: str, others: list[str]) -> bool:
        asked.append((word, others))
        return word == "fatalities" and "deaths" in others

    assert _counted_check(draft, passage, near) == ("found", "")
    assert asked == [("fatalities", ["deaths"])]  # the words as written, not their stems


def test_what_a_table_row_counts_is_its_own_label_as_written() -> None:
    table = "Table 3: Harbour crime. Boat thefts | 2023/24: 410; 2024/25: 376"
    doc = read_passage(table, "d\t", frozenset(), 5)
    assert [count_words(doc, f) for f in doc.figures] == [["boat", "thefts"]] * 2


def test_rules_without_a_model_put_no_two_words_near() -> None:
    assert GlossaryRules({}).near("deaths", ["fatalities"]) is False


@pytest.mark.slow
def test_the_model_reads_a_synonym_as_near_and_another_counted_thing_as_not(
    real_embedder,
) -> None:
    near = NearWord(WordVectors(real_embedder.embed_documents))
    assert near("fatalities", ["beaches", "deaths"])
    assert near("houses", ["homes"])
    assert not near("arrests", ["weapons"])
    assert not near("victims", ["offences"])
    assert not near("boys", ["girls"])
    assert not near("deaths", ["deaths"])  # the same word is no other word for it


@pytest.mark.slow
def test_a_figure_counting_the_same_thing_in_other_words_is_supported(near_rules) -> None:
    passage = _passage("Lifeguards on Harbourshire beaches logged 212 deaths in 2024.", 0.8)
    draft = "Lifeguards on Harbourshire beaches logged 212 fatalities in 2024."
    assert judge_with(near_rules, draft, passage).verdict == "supported"
    plain = GlossaryRules({"places": PLACES})  # without the model the word is not found
    assert judge_with(plain, draft, passage).verdict == "unsupported"


@pytest.mark.slow
def test_a_weakly_aligned_figure_is_about_a_thing_the_model_puts_near(near_rules) -> None:
    passage = _passage("Lifeguards logged 212 deaths.", 0.5)
    assert judge_with(near_rules, "Some 212 fatalities were counted.", passage).verdict == (
        "supported"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("passage", "draft"),
    [
        (
            "Harbour police made 212 arrests in Eastport in 2024.",
            "Harbour police seized 212 weapons in Eastport in 2024.",
        ),
        (
            "The harbour watch recorded 212 offences in Eastport in 2024.",
            "The harbour watch recorded 212 victims in Eastport in 2024.",
        ),
        (
            "The harbour club coached 212 girls in Westhaven in 2024.",
            "The harbour club coached 212 boys in Westhaven in 2024.",
        ),
    ],
)
def test_a_changed_counted_thing_is_never_supported(near_rules, passage: str, draft: str) -> None:
    for score in (0.8, 0.5):
        assert judge_with(near_rules, draft, _passage(passage, score)).verdict != "supported"
