"""Wording round 11 (issue #13): holes found by the mutation audit (scripts/wording_mutations.py).

Every text here is invented (a harbour town and its ferries), not from the eval sets or the corpus.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules
from assistant.wording import Aligned
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westholm"],
        "corpus_text": "harbour ferry delays eastport westholm sailings",
    }
)


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


DELAYS = doc("There were 812 ferry delays in Eastport in 2026/27, down 6.1% on 2025/26.")


def test_the_period_a_change_is_measured_from_is_the_passages_base() -> None:
    faithful = _judge(
        "There were 812 ferry delays in Eastport in 2026/27, down 6.1% on 2025/26.", DELAYS
    )
    assert faithful.verdict == "supported", faithful.reasons
    shifted = _judge(
        "There were 812 ferry delays in Eastport in 2026/27, down 6.1% on 2026/27.", DELAYS
    )
    assert shifted.verdict == "conflict", shifted.reasons
    assert (shifted.element, shifted.document_value) == ("date", "2025/26")


BULLETS = doc(
    "There were 812 ferry delays in 2026/27, down 6.1% on 2025/26. "
    "There were 390 cancelled sailings, down 14.2% on 2025/26."
)


def test_a_change_in_a_clause_of_its_own_measures_the_clause_before() -> None:
    faithful = _judge("Ferry delays numbered 812 in 2026/27, down 6.1% on 2025/26.", BULLETS)
    assert faithful.verdict == "supported", faithful.reasons
    swapped = _judge("Ferry delays numbered 812 in 2026/27, down 14.2% on 2025/26.", BULLETS)
    assert swapped.verdict == "conflict", swapped.reasons
    assert (swapped.element, swapped.document_value) == ("number", "6.1%")


def test_a_change_measured_on_a_period_is_read_as_its_base() -> None:
    assert lang.is_change_base("delays fell 6.1% on 2025/26", len("delays fell 6.1% on "))
    assert lang.is_change_base("12% higher than in 2021", len("12% higher than in "))
    assert not lang.is_change_base("Reed served from 2016", len("Reed served from "))


def test_the_two_values_of_a_change_come_from_one_change_of_the_passage() -> None:
    passage = doc(
        "The share of late sailings fell from 22% to 17%. The share of full sailings rose from "
        "54% to 61%, so the harbour was busier."
    )
    faithful = _judge("The share of full sailings rose from 54% to 61%.", passage)
    assert faithful.verdict == "supported", faithful.reasons
    mixed = _judge("The share of full sailings rose from 54% to 17%.", passage)
    assert mixed.verdict == "conflict", mixed.reasons
    assert (mixed.element, mixed.document_value) == ("number", "61%")


def test_the_later_value_of_a_change_keeps_its_own_period() -> None:
    passage = doc("Ferry delays fell by 6.1%, from 865 in 2025/26 to 812 in 2026/27.")
    faithful = _judge("Ferry delays fell from 865 in 2025/26 to 812 in 2026/27.", passage)
    assert faithful.verdict == "supported", faithful.reasons
    moved = _judge("Ferry delays fell from 865 in 2025/26 to 812 in 2025/26.", passage)
    assert moved.verdict == "conflict", moved.reasons
    assert (moved.element, moved.document_value) == ("date", "2026/27")


def test_a_change_between_two_figures_of_a_table_row_is_read_between_them() -> None:
    table = doc(
        "Table 3: Ferry delays in Eastport by year\n\nFerry delays | 2024: 51; 2025: 70; 2026: 58"
    )
    faithful = _judge("Ferry delays in Eastport fell from 70 in 2025 to 58 in 2026.", table)
    assert faithful.verdict == "supported", faithful.reasons
    flipped = _judge("Ferry delays in Eastport rose from 70 in 2025 to 58 in 2026.", table)
    assert flipped.verdict == "conflict", flipped.reasons
    assert flipped.element == "direction"


def test_a_month_span_differing_from_the_one_its_sentence_gives_is_a_conflict() -> None:
    passage = doc(
        "Reporting period: 1 April 2026 to 31 March 2027. The harbour plan runs 2026-2028."
    )
    faithful = _judge("The reporting period is 1 April 2026 to 31 March 2027.", passage)
    assert faithful.verdict == "supported", faithful.reasons
    moved = _judge("The reporting period is 1 April 2026 to 31 March 2028.", passage)
    assert moved.verdict == "conflict", moved.reasons
    assert (moved.element, moved.document_value) == ("date", "1 April 2026 to 31 March 2027")


def test_a_body_the_title_names_is_no_match_where_the_sentence_names_another_of_its_kind() -> None:
    rules = GlossaryRules(
        {
            "places": ["Eastport"],
            "corpus_text": "eastport harbour partnership ferry safety partnership harbour master",
        }
    )
    text = (
        "In Eastport, the Ferry Safety Partnership covers the whole harbour area and its chair "
        "is the Harbour Master."
    )
    passage = Aligned(
        text, text, 0.8, {"doc_id": "d", "title": "Eastport Harbour Partnership Plan"}, "current"
    )
    faithful = judge_with(rules, text, passage)
    assert faithful.verdict == "supported", faithful.reasons
    swapped = judge_with(
        rules, text.replace("Ferry Safety Partnership", "Eastport Harbour Partnership"), passage
    )
    assert swapped.verdict == "conflict", swapped.reasons
    assert (swapped.element, swapped.document_value) == ("body", "Ferry Safety Partnership")


def test_an_edition_named_by_its_year_must_be_one_the_documents_name() -> None:
    corpus = "eastport ferry strategy 2026\nthe 2027 harbour plan refresh sets three aims."
    assert lang.edition_said("2026 strategy", corpus)
    assert lang.edition_said("2027 refresh", corpus)
    assert not lang.edition_said("2025 strategy", corpus)
    assert not lang.edition_said("2026 refresh", corpus)
    rules = GlossaryRules({"places": ["Eastport"], "corpus_text": corpus})
    passage = doc("The 2027 harbour plan refresh sets three aims for Eastport.")
    faithful = judge_with(rules, "The 2027 refresh sets three aims for Eastport.", passage)
    assert faithful.verdict == "supported", faithful.reasons
    shifted = judge_with(rules, "The 2028 refresh sets three aims for Eastport.", passage)
    assert shifted.verdict != "supported", shifted.reasons


def test_the_two_values_of_a_change_are_no_part_and_whole() -> None:
    passage = doc("Ferry delays in Eastport rose from 48 in 2025 to 67 in 2026.")
    v = _judge("In 2025, 72% of ferry delays were in Eastport.", passage)
    assert v.verdict != "supported", v.reasons
    parts = doc("Of the 64 ferry delays in Eastport in 2026, 16 were caused by fog.")
    w = _judge("A quarter of the ferry delays in Eastport in 2026 were caused by fog.", parts)
    assert w.verdict == "supported", w.reasons


def test_a_fraction_opening_a_sentence_is_read() -> None:
    assert [(q.value, q.unit) for q in lang.quantities("A quarter of sailings were late.")] == [
        (25.0, "%")
    ]


def test_a_starting_year_differing_from_the_matched_sentences_is_a_conflict() -> None:
    passage = doc(
        "Actions from 2026 that are complete have been removed. The ferry review will report "
        "in 2027."
    )
    faithful = _judge("Actions from 2026 that are complete have been removed.", passage)
    assert faithful.verdict == "supported", faithful.reasons
    moved = _judge("Actions from 2027 that are complete have been removed.", passage)
    assert (moved.verdict, moved.element, moved.document_value) == ("conflict", "date", "2026")


def test_a_strongly_matched_passage_outranks_a_weak_one_on_its_only_claim() -> None:
    strong = doc("This section sums up the ferry evidence used by the harbour board in 2026/27.")
    weak = doc("The harbour board will publish its next ferry report, covering 2027/28.", 0.5)
    draft = "This section sums up the ferry evidence used by the harbour board in 2027/28."
    v = _judge(draft, strong, weak)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "date", "2026/27")


def test_a_short_form_in_brackets_must_be_the_bodys_own() -> None:
    rules = GlossaryRules(
        {
            "acronyms": [{"term": "EFP", "expansion": "Eastport Ferry Partnership"}],
            "corpus_text": "eastport ferry partnership harbour safety board",
        }
    )
    passage = doc(
        "The Eastport Ferry Partnership (EFP) is the harbour's strategic board, and the Harbour "
        "Safety Board reports to it."
    )
    faithful = judge_with(
        rules, "The Eastport Ferry Partnership (EFP) is the harbour's strategic board.", passage
    )
    assert faithful.verdict == "supported", faithful.reasons
    wrong = judge_with(
        rules, "The Harbour Safety Board (EFP) is the harbour's strategic board.", passage
    )
    assert wrong.verdict == "conflict", wrong.reasons
    assert (wrong.element, wrong.document_value) == ("body", "Eastport Ferry Partnership")
