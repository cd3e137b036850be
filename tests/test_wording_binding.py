"""Wording check, bindings: every name is a claim, and a date is read where the passage binds it.

Every text here is invented (a harbour town, its ferries and its boards), not from the eval sets.
A planted error of each kind below was marked "supported" before these checks.
"""

from __future__ import annotations

from assistant.claims import GlossaryRules, WordingPolicy
from assistant.compare_check import sentence_claims
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour ferry eastport westhaven board trust",
        "acronyms": [{"term": "HMA", "expansion": "Harbour Masters Association"}],
    }
)


def _judge(draft: str, *docs):
    return judge_with(RULES, draft, *docs)


def test_a_name_no_other_claim_reads_is_a_claim() -> None:
    said = sentence_claims(
        "Ferries to the Outer Isles get a grant from the Treasury of Tides.", RULES, WordingPolicy()
    )
    assert {c.text for c in said if c.kind == "proper"} == {"Treasury of Tides", "Outer Isles"}


def test_a_name_the_passage_does_not_use_is_not_supported() -> None:
    passage = _doc("The Treasury of Tides pays £40,000 a year for ferries to the Inner Isles.")
    assert _judge(
        "The Treasury of Tides pays £40,000 a year for ferries to the Inner Isles.", passage
    ).verdict == ("supported")
    swapped = _judge(
        "The Ministry of Tides pays £40,000 a year for ferries to the Inner Isles.", passage
    )
    assert swapped.verdict != "supported"
    moved = _judge(
        "The Treasury of Tides pays £40,000 a year for ferries to the Outer Isles.", passage
    )
    assert moved.verdict != "supported"


def test_a_name_found_through_its_short_form() -> None:
    passage = _doc("The HMA inspects 12 harbour cranes every year.")
    v = _judge("The Harbour Masters Association inspects 12 harbour cranes every year.", passage)
    assert v.verdict == "supported"


def test_a_date_in_another_cell_of_the_same_row_is_where_the_draft_sits() -> None:
    passage = _doc(
        "Ferry actions.\n"
        "Open a night ferry | Lead: Eastport Harbour Board; Timescale: By June 2027\n"
        "Repaint the pier | Lead: Westhaven Pier Trust; Timescale: By October 2027"
    )
    v = _judge("Eastport Harbour Board will open a night ferry by October 2027.", passage)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "date", "June 2027")
    ok = _judge("Eastport Harbour Board will open a night ferry by June 2027.", passage)
    assert ok.verdict == "supported"


def test_a_span_of_years_is_met_only_by_the_same_span() -> None:
    passage = _doc("The harbour board agreed four ferry priorities for 2026-2029.")
    v = _judge("The harbour board agreed four ferry priorities for 2027 to 2029.", passage)
    assert (v.verdict, v.element) == ("conflict", "date")
    ok = _judge("The harbour board agreed four ferry priorities for 2026 to 2029.", passage)
    assert ok.verdict == "supported"


def test_a_figure_period_is_read_beside_the_figure_not_elsewhere() -> None:
    passage = _doc(
        "Ferry punctuality rose from 81% to 88% in Eastport. "
        "The harbour board also painted the pier. Dredging the channel is a priority for 2027/28."
    )
    v = _judge("Ferry punctuality in Eastport rose to 88% in 2027/28.", passage)
    assert v.verdict != "supported"
    heading = _doc(
        "Ferry punctuality rose from 81% to 88% in Eastport.", section="Ferries in 2026/27"
    )
    assert _judge("Ferry punctuality in Eastport rose to 88% in 2026/27.", heading).verdict == (
        "supported"
    )


def test_the_earlier_value_of_a_change_dated_with_the_later_period_is_a_conflict() -> None:
    passage = _doc("There were 212 ferry delays in 2026/27, down from 238.")
    v = _judge("Ferry delays fell from 238 in 2026/27 to 212 in 2026/27.", passage)
    assert (v.verdict, v.element) == ("conflict", "date")
    ok = _judge("Ferry delays fell from 238 in 2025/26 to 212 in 2026/27.", passage)
    assert ok.verdict != "conflict"


def test_a_document_speaks_for_its_publisher() -> None:
    rules = GlossaryRules(
        {
            "corpus_text": "harbour ferry survey",
            "publishers": {"Doc": "Office of the Harbour Commissioner"},
        }
    )
    passage = _doc("The ferry survey ran from May to June 2027 and drew 640 replies.")
    v = judge_with(rules, "Some 640 people answered the Commissioner's ferry survey.", passage)
    assert v.verdict == "supported"
    other = judge_with(rules, "Some 640 people answered the Treasurer's ferry survey.", passage)
    assert other.verdict != "supported"


def test_the_owner_of_a_named_document_is_read_with_the_document() -> None:
    said = sentence_claims(
        "Ferries are one of four aims in Ann Reid's Harbour and Ferry Plan.", RULES, WordingPolicy()
    )
    assert "Ann Reid" not in {c.text for c in said if c.kind == "proper"}
    grant = sentence_claims("The Treasury of Tides's ferry grant rose.", RULES, WordingPolicy())
    assert "Treasury of Tides" in {c.text for c in grant if c.kind == "proper"}


def test_a_bound_excludes_a_value_on_its_other_side() -> None:
    passage = _doc("Ferry fares rose by 7.9% in 2026/27, and over 2,500 trips were made.")
    assert _judge("Ferry fares rose by more than 8% in 2026/27.", passage).verdict == "conflict"
    assert _judge("Ferry fares rose by almost 8% in 2026/27.", passage).verdict == "supported"
    fewer = _judge("Fewer than 2,500 ferry trips were made.", passage)
    assert fewer.verdict != "supported"
    assert _judge("More than 2,500 ferry trips were made.", passage).verdict == "supported"


def test_a_month_span_with_the_passage_years_but_other_months_is_a_conflict() -> None:
    passage = _doc(
        "The harbour plan runs from 1 April 2026 to 31 March 2029. It sets four aims for 2026-2029."
    )
    v = _judge("Running from October 2026 to March 2029, the harbour plan sets four aims.", passage)
    assert (v.verdict, v.element) == ("conflict", "date")
    ok = _judge("Running from April 2026 to March 2029, the harbour plan sets four aims.", passage)
    assert ok.verdict == "supported"


def test_a_word_opening_a_sentence_that_the_corpus_writes_in_lower_case_is_no_name() -> None:
    rules = GlossaryRules({"corpus_text": "harbour ferry", "lower_words": ["meanwhile", "ferry"]})
    said = sentence_claims("Meanwhile Northwick Ferries carried 40 people.", rules, WordingPolicy())
    assert [c.text for c in said if c.kind == "proper"] == ["Northwick Ferries"]
