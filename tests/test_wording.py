"""Wording check: values as values, claims per sentence, direction from figures, bodies.

Every text here is invented (a harbour town, its ferries and boards), not from the eval sets.
"""

from __future__ import annotations

import pytest

from assistant import language as lang
from assistant.claims import GlossaryRules, WordingPolicy, bodies, claims
from assistant.wording import Aligned, judge, numbers, split_draft, summary
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with
from tests.wording_helpers import one_quantity as _q

CORPUS = """The Harbour Safety Board is chaired by the Harbour Master.
The Quay Watch Group reports to the Harbour Safety Board.
Ferry thefts | 2021/22: 72; 2022/23: 81
"""
RULES = GlossaryRules(
    {
        "renamed_bodies": [
            {
                "old": "Port Police Authority",
                "patterns": ["Port Police Authority"],
                "successor": "Harbour Safety Board",
                "changed": "2020-04-01",
            }
        ],
        "preferred_terms": [{"use": "antisocial behaviour", "avoid": ["anti-social behaviour"]}],
        "places": ["Eastport", "Westhaven", "Northcliff"],
        "acronyms": [{"term": "HSB", "expansion": "Harbour Safety Board"}],
        "superseded_titles": ["Harbour Plan 2019"],
        "titles": ["Harbour Plan 2019", "Harbour Plan 2024"],
        "corpus_text": CORPUS.lower(),
    }
)


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


# --- values -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("a quarter of crossings", "25% of crossings"),
        ("one in four crossings", "25% of crossings"),
        ("25 per cent of crossings", "25% of crossings"),
        ("two thirds of crossings", "66.7% of crossings"),
        ("a £1m grant", "a £1 million grant"),
        ("a £1m grant", "a grant of 1,000,000 pounds"),
        ("a £2.5bn budget", "a budget of £2,500 million"),
        ("nine ferries", "9 ferries"),
    ],
)
def test_the_same_value_written_two_ways(a: str, b: str) -> None:
    assert lang.same_value(_q(a), _q(b), 0.05)
    assert lang.same_value(_q(b), _q(a), 0.05)


def test_approximate_figures_match_within_the_stated_tolerance_on_their_side() -> None:
    nearly = _q("nearly 2,300 passengers")
    assert lang.same_value(nearly, _q("2,284 passengers"), 0.05)
    assert not lang.same_value(nearly, _q("2,100 passengers"), 0.05)  # beyond 5%
    assert not lang.same_value(nearly, _q("2,310 passengers"), 0.05)  # "nearly" is at most
    assert not lang.same_value(_q("2,300 passengers"), _q("2,284 passengers"), 0.05)
    assert lang.same_value(_q("about 40%"), _q("41.5%"), 0.05)
    assert lang.same_value(_q("24% of trips"), _q("24.3% of trips"), 0.05)  # rounded
    assert not lang.same_value(_q("24.8% of trips"), _q("24.3% of trips"), 0.05)


def test_rates_are_kept_apart_from_counts_and_percentages() -> None:
    rate = _q("a rate of 12.5 thefts per 1,000 residents")
    assert rate.unit == "per 1,000" and rate.value == 12.5
    assert not lang.same_value(_q("12.5% of residents"), rate, 0.05)
    assert not lang.same_value(_q("12.5 thefts per 100,000 people"), rate, 0.05)
    assert not lang.same_value(rate, _q("12.5 thefts"), 0.05)  # a rate is never a count
    assert lang.same_value(_q("the rate of 12.5"), rate, 0.05)  # a rate without its base


def test_multi_year_figures_and_multiples_are_figures() -> None:
    low = _q("a 20-year low")
    assert (low.value, low.unit) == (20.0, "year")
    assert not lang.same_value(low, _q("a 12-year low"), 0.05)
    assert (_q("three times the rate").value, _q("three times the rate").unit) == (3.0, "times")
    assert _q("twice the rate").value == 2.0


def test_years_dates_and_section_numbers_are_not_figures() -> None:
    text = "Since 3 May 2019, see section 4.2, in 2021/22 and 2021-22, 17 sailings"
    assert numbers(text) == ["17"]
    assert lang.periods("in 2021/22") == lang.periods("in 2021-22") == {(2021, 2022)}
    assert [d[0] for d in lang.full_dates(text)] == [(2019, 5, 3)]


# --- claims and verdicts -------------------------------------------------------------------------


def test_a_sentence_is_split_into_typed_claims() -> None:
    said = claims(
        "In 2022/23 the Harbour Safety Board saw ferry thefts in Eastport rise by 12% to 81.",
        RULES,
        WordingPolicy(),
    )
    assert [(c.kind, c.text) for c in said] == [
        ("date", "2022/23"),
        ("body", "Harbour Safety Board"),
        ("place", "Eastport"),
        ("direction", "rise"),
        ("number", "12%"),
        ("number", "81"),
    ]


def test_supported_only_when_every_claim_is_in_one_passage() -> None:
    doc = _doc("In 2022/23 ferry thefts in Eastport rose by 12.5% to 81.")
    v = _judge("Ferry thefts in Eastport rose by 12.5% in 2022/23.", doc)
    assert v.verdict == "supported" and v.quote == doc.text
    assert {c.status for c in v.claims} == {"found"}
    unchecked = _judge("Ferry thefts in Eastport rose by 12.5% in 2022/23, costing £40,000.", doc)
    assert unchecked.verdict == "unsupported"
    assert [c.text for c in unchecked.claims if c.status == "missing"] == ["£40,000"]


def test_a_different_figure_about_the_same_thing_is_a_conflict_with_both_values() -> None:
    doc = _doc("In 2022/23 ferry thefts in Eastport rose by 12.5% to 81.")
    v = _judge("Ferry thefts in Eastport rose by 12.5% to 91 in 2022/23.", doc)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "number",
        "91",
        "81",
    )
    assert v.corrected == "Ferry thefts in Eastport rose by 12.5% to 81 in 2022/23."


def test_swapped_shares_are_a_number_conflict() -> None:
    doc = _doc("The quays hold 31.2% of ferry thefts and 18.4% of harbour assaults.")
    v = _judge("The quays hold 18.4% of ferry thefts and 31.2% of harbour assaults.", doc)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "number",
        "18.4%",
        "31.2%",
    )


def test_a_wrong_year_is_a_date_conflict() -> None:
    doc = _doc("The harbour curfew has applied since 3 May 2019.")
    v = _judge("The harbour curfew has applied since 3 May 2018.", doc)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "date", "3 May 2019")
    row = _doc("Ferry thefts | Eastport, 2021/22: 72; Eastport, 2022/23: 81")
    w = _judge("Eastport recorded 72 ferry thefts in 2022/23.", row)
    assert (w.verdict, w.element, w.document_value) == ("conflict", "date", "2021/22")


def test_a_year_naming_an_edition_is_not_a_date_claim() -> None:
    said = claims("The 2019 plan counted 81 ferry thefts in 2022/23.", RULES, WordingPolicy())
    assert [c.text for c in said if c.kind == "date"] == ["2022/23"]
    row = _doc("Ferry thefts | 2022/23: 81")
    assert _judge("The 2019 plan counted 81 ferry thefts in 2022/23.", row).verdict == "supported"


def test_a_change_is_given_for_the_period_after_its_base() -> None:
    row = _doc(
        "Ferry thefts | Eastport, 2023/24: 81; Change since the 2019 plan (2022/23): Down 6.1%"
    )
    assert _judge("Ferry thefts in Eastport fell by 6.1% in 2023/24.", row).verdict == "supported"
    v = _judge("Ferry thefts in Eastport rose by 6.1% in 2023/24.", row)
    assert (v.verdict, v.element) == ("conflict", "direction")
    assert lang.is_base_period("up 6.2% on 2021/22", 11)
    assert not lang.is_base_period("81 thefts in 2021/22", 13)


def test_the_date_a_figure_is_given_for_is_checked_beside_that_figure() -> None:
    doc = _doc("The ferry target moved from a 5% cut by March 2026 to a 10% cut by March 2028.")
    v = _judge("The ferry target is a 10% cut by March 2026.", doc)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "date",
        "March 2026",
        "March 2028",
    )
    assert _judge("The ferry target is a 10% cut by March 2028.", doc).verdict == "supported"


def test_a_wrong_unit_is_not_supported() -> None:
    doc = _doc("Eastport had 12.5 ferry thefts per 1,000 residents in 2022/23.")
    v = _judge("Eastport had 12.5% of ferry thefts in 2022/23.", doc)
    assert v.verdict == "conflict" and v.element == "number"


def test_a_tables_rate_heading_gives_its_cells_their_unit() -> None:
    table = _doc(
        "Table 4: Ferry thefts per 1,000 residents, 2022/23\n"
        "Eastport | Thefts: 41.0\nWesthaven | Thefts: 55.2"
    )
    v = _judge("Eastport had 41.0 ferry thefts per 1,000 residents in 2022/23.", table)
    assert v.verdict == "supported"
    mixed = _doc("Ferry thefts by town, 2022/23\nEastport | Thefts: 310; Thefts per 1,000: 41.0")
    w = _judge("Eastport had 310 ferry thefts per 1,000 residents in 2022/23.", mixed)
    assert w.verdict != "supported"  # the count column is not a rate
    assert _judge(
        "Eastport had 41.0 ferry thefts per 1,000 residents in 2022/23.", mixed
    ).verdict == ("supported")
    assert lang.rate_unit("Crime per 100,000 people") == "per 100,000"
    assert lang.rate_unit("Recorded crimes") == ""


# --- direction ------------------------------------------------------------------------------------


def test_direction_read_from_a_tables_figures() -> None:
    table = _doc("Ferry thefts in the harbour:\nFerry thefts | 2021/22: 72; 2022/23: 81")
    v = _judge("Ferry thefts fell to 81 in 2022/23.", table)
    assert (v.verdict, v.element, v.draft_value) == ("conflict", "direction", "fell")
    assert v.document_value == "72 (2021/22) to 81 (2022/23)"
    assert v.corrected == "Ferry thefts rose to 81 in 2022/23."
    assert _judge("Ferry thefts rose to 81 in 2022/23.", table).verdict == "supported"


def test_direction_read_from_rows_of_years() -> None:
    table = _doc("Harbour assaults by year:\n2021 | Assaults: 40\n2022 | Assaults: 35")
    v = _judge("Harbour assaults went up in 2022, to 35.", table)
    assert (v.verdict, v.element) == ("conflict", "direction")


def test_direction_from_words_and_from_a_stated_change() -> None:
    doc = _doc("Ferry thefts fell by 6.1% in 2022/23, from 86 to 81.")
    v = _judge("Ferry thefts rose by 6.1% in 2022/23.", doc)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "direction", "fell")
    both = _doc("Ferry thefts rose by 3.0% in 2021/22 and then fell by 6.1% in 2022/23.")
    assert _judge("Ferry thefts fell by 6.1% in 2022/23.", both).verdict == "supported"
    assert _judge("Ferry thefts rose by 6.1% in 2022/23.", both).verdict == "conflict"


# --- bodies, roles and places ---------------------------------------------------------------------


def test_a_body_named_nowhere_is_unsupported() -> None:
    doc = _doc("The Harbour Safety Board meets monthly in Eastport.")
    v = _judge("The Harbour Violence Reduction Unit meets monthly in Eastport.", doc)
    assert v.verdict == "unsupported"
    assert any("named nowhere" in r for r in v.reasons)


def test_who_does_it_is_checked_against_the_documents() -> None:
    doc = _doc("The Harbour Safety Board is chaired by the Harbour Master.")
    v = _judge("The Harbour Safety Board is chaired by the Mayor of Eastport.", doc)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "body", "Harbour Master")
    ok = _judge("The HSB is chaired by the Harbour Master.", doc)
    assert ok.verdict == "supported"


def test_a_body_the_documents_put_elsewhere_is_a_conflict() -> None:
    doc = _doc("The Quay Watch Group reports to the Harbour Safety Board.")
    v = _judge("The Quay Watch Group reports to the Ferry Users Council.", doc)
    assert v.verdict in ("conflict", "unsupported") and v.verdict != "supported"


def test_a_wrong_place_in_a_superlative_is_a_place_conflict() -> None:
    doc = _doc("Westhaven had the highest theft rate, and Eastport the lowest.")
    v = _judge("Eastport had the highest theft rate.", doc)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "place",
        "Eastport",
        "Westhaven",
    )
    table = _doc(
        "Thefts per 1,000 residents by town:\n"
        "Eastport | Thefts: 41.0\nWesthaven | Thefts: 55.2\nNorthcliff | Thefts: 30.1"
    )
    w = _judge("Eastport had the highest theft rate of the towns.", table)
    assert (w.verdict, w.element, w.document_value) == ("conflict", "place", "Westhaven")


# --- outdated, overclaims, the draft ---------------------------------------------------


def test_abolished_body_is_outdated_with_successor_and_a_corrected_sentence() -> None:
    v = _judge("The Port Police Authority tackles anti-social behaviour on the quay.")
    assert v.verdict == "outdated" and v.document_value == "Harbour Safety Board"
    assert v.corrected.startswith("The Harbour Safety Board tackles")
    assert v.suggestions == [
        'house style: write "antisocial behaviour" instead of "anti-social behaviour"'
    ]


def test_a_statement_from_the_superseded_edition_is_outdated() -> None:
    current = _doc("The ferry grant is £64,000 a year.")
    old = _doc("The ferry grant is £57,000 a year.", status="superseded")
    v = _judge("The ferry grant is £57,000 a year.", current, old)
    assert (v.verdict, v.element, v.document_value) == ("outdated", "superseded", "£64,000")


def test_a_current_document_quoting_the_replaced_editions_figure_backs_no_current_claim() -> None:
    passage = (
        "The ferry grant in this plan is £64,000 a year. The Harbour Plan 2019 funded the "
        "quay patrols. Its ferry grant was £57,000 a year."
    )
    doc = Aligned("Its ferry grant was £57,000 a year.", passage, 0.9, {"title": "Doc"})
    v = _judge("The ferry grant is £57,000 a year.", doc)
    assert (v.verdict, v.element) == (
        "outdated",
        "superseded",
    ) and "Harbour Plan 2019" in v.reasons[0]
    # a draft about the old edition itself is what the document says
    about_old = _judge("The Harbour Plan 2019 set a ferry grant of £57,000 a year.", doc)
    assert about_old.verdict == "supported"


def test_overclaims_and_unrelated_sentences_are_unsupported() -> None:
    doc = _doc("Ferry thefts fell by 6.1% at the quays.")
    v = _judge("The patrols eliminated ferry thefts at the quays.", doc)
    assert v.verdict == "unsupported" and "eliminated" in v.reasons[0]
    far = _doc("Something else entirely.", score=0.2)
    assert _judge("Buses run every hour.", far).verdict == "unsupported"


def test_draft_splitting_handles_html_no_punctuation_and_long_text() -> None:
    assert split_draft("<p>First point.</p><p>Second <b>point</b> here.</p>") == [
        "First point.",
        "Second point here.",
    ]
    assert len(split_draft("word " * 100)) == 3
    assert split_draft("   \n  ") == []


def test_summary_counts() -> None:
    doc = _doc("The harbour curfew has applied since 3 May 2019.")
    verdicts = [_judge("The harbour curfew has applied since 3 May 2019.", doc)]
    assert summary(verdicts)["summary"]["all_supported"] is True


# --- through the real pipeline ---------------------------------------------------------


@pytest.mark.slow
def test_check_wording_against_the_real_sample_index(sample_index, real_embedder) -> None:
    from assistant.pipeline import Assistant

    assistant = Assistant(sample_index, real_embedder)
    verdicts = assistant.check_wording(
        "Cumbria recorded 4,510 serious violence offences in 2023/24. "
        "Cumbria County Council is a member of the Safer Cumbria Partnership. "
        "Serious violence offences in Cumbria climbed to 4,105 in 2023/24."
    )
    assert [v.verdict for v in verdicts] == ["conflict", "outdated", "conflict"]
    assert verdicts[0].document_value == "4,105" and verdicts[0].source["doc_id"] == (
        "svd-strategy-2025"
    )
    assert verdicts[2].element == "direction"


def test_a_titles_year_does_not_back_a_date_but_a_sections_does() -> None:
    text = "Quay patrols cover Eastport and Westhaven on summer evenings."
    doc = Aligned(text, text, 0.8, {"title": "Harbour Report 2025", "section": "Patrols"})
    v = _judge("Quay patrols will cover Eastport and Westhaven from summer 2025.", doc)
    assert v.verdict == "unsupported"
    dated = Aligned(text, text, 0.8, {"title": "Harbour Report", "section": "Patrols in 2025"})
    w = _judge("Quay patrols will cover Eastport and Westhaven from summer 2025.", dated)
    assert w.verdict == "supported"


def test_a_documents_title_is_not_a_body() -> None:
    assert bodies("The Mayor's Harbour Police, Ferry and Quay Plan sets five aims.") == []
    assert bodies("The Harbour Police patrol the quay.") == [("Harbour Police", 4)]
    doc = _doc("The Harbour Police, Ferry and Quay Plan sets five aims.")
    v = _judge("The Mayor's Harbour Police, Ferry and Quay Plan sets five aims.", doc)
    assert v.verdict == "supported"


def test_a_place_is_checked_among_the_places_the_passage_gives_that_body() -> None:
    doc = _doc(
        "Two boards replaced the old one: the Harbour Safety Board, covering the Eastport and "
        "Westhaven quays, and the Quay Watch Group, covering the Northcliff quay."
    )
    v = _judge("The Harbour Safety Board covers Eastport and Northcliff.", doc)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "place",
        "Northcliff",
        "Westhaven",
    )
    ok = _judge("The Harbour Safety Board covers Eastport and Westhaven.", doc)
    assert ok.verdict == "supported"


def test_a_change_is_backed_only_by_a_sentence_about_what_changed() -> None:
    doc = _doc("Ferry thefts fell in 2022/23. Night-time assaults on the quay rose in 2022/23.")
    assert _judge("Ferry thefts fell in 2022/23.", doc).verdict == "supported"
    v = _judge("Night-time assaults on the quay fell in 2022/23.", doc)
    assert (v.verdict, v.element) == ("conflict", "direction")
    w = _judge("Night-time ferry thefts fell in 2022/23.", doc)  # said of a narrower thing
    assert w.verdict != "supported"


def test_a_share_may_be_given_by_the_documents_as_two_counts() -> None:
    doc = _doc("There were 64 ferry checks in 2022/23, of which 11 found a fault.")
    ok = _judge("Roughly one in six ferry checks found a fault in 2022/23.", doc)
    assert ok.verdict == "supported" and ok.claims[0].document_value == "11 of 64"
    wrong = _judge("Roughly one in three ferry checks found a fault in 2022/23.", doc)
    assert wrong.verdict != "supported"
    assert _judge("17% of ferry checks found a fault in 2022/23.", doc).verdict == "supported"
    assert _judge("10% of ferry checks found a fault in 2022/23.", doc).verdict != "supported"


# --- claims beyond figures, and which passage decides (issue #13) ---------------------------


def _titled(text: str, title: str, score: float = 0.8) -> Aligned:
    return Aligned(text, text, score, {"doc_id": title.lower(), "title": title, "section": ""})


def test_a_comparison_with_another_group_is_checked_in_words_and_figures() -> None:
    said = _doc("Eastport's theft rate of 4.1 per 1,000 is below the county rate of 5.2.")
    right = _judge("Eastport's theft rate of 4.1 per 1,000 is below the county's.", said)
    assert right.verdict == "supported"
    wrong = _judge("Eastport's theft rate of 4.1 per 1,000 is above the county's.", said)
    assert (wrong.verdict, wrong.element) == ("conflict", "direction")
    shown = _doc("Eastport recorded 4.1 thefts per 1,000 passengers against 5.2 for the county.")
    wrong = _judge("Eastport's theft rate of 4.1 per 1,000 was higher than the county's.", shown)
    assert (wrong.verdict, wrong.element) == ("conflict", "direction")


def test_how_often_is_a_claim() -> None:
    doc = _doc("The Harbour Safety Board meets quarterly to review quay patrols.")
    assert _judge("The Harbour Safety Board meets four times a year.", doc).verdict == "supported"
    assert _judge("The Harbour Safety Board meets monthly.", doc).verdict == "conflict"


def test_a_better_aligned_passage_that_states_the_claim_otherwise_wins() -> None:
    close = _doc("In 2022/23, 41% of ferry thefts happened at night.", score=0.9)
    weaker = _doc("In 2022/23, 31% of passengers were aged under 25.", score=0.7)
    v = _judge("In 2022/23, 31% of ferry thefts happened at night.", close, weaker)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "number", "41%")
    assert _judge("In 2022/23, 41% of ferry thefts happened at night.", close, weaker).verdict == (
        "supported"
    )


def test_the_current_value_of_a_change_is_matched_before_its_earlier_one() -> None:
    doc = _doc("Ferry thefts fell by 4.8%, from 4,312 in 2022/23 to 4,105 in 2023/24.")
    v = _judge("Ferry thefts fell by 4.8% in 2023/24, to just over 4,100.", doc)
    assert v.verdict == "supported"


def test_fewer_than_in_a_year_is_a_fall_measured_from_that_year() -> None:
    doc = _doc("In 2023/24 ferry thefts fell again, by 10.4% to 4,410.")
    assert _judge("There were 4,410 ferry thefts in 2023/24, 10.4% fewer than in 2022/23.", doc)
    ok = _judge("There were 4,410 ferry thefts in 2023/24, 10.4% fewer than in 2022/23.", doc)
    assert ok.verdict == "supported"
    wrong = _judge("There were 4,410 ferry thefts in 2023/24, 10.4% more than in 2022/23.", doc)
    assert (wrong.verdict, wrong.element) == ("conflict", "direction")


def test_a_named_document_is_backed_by_its_own_passage_first() -> None:
    other = _titled("The Quay Report sets five aims for the quays.", "Quay Report", 0.7)
    own = _titled("The plan has six aims.", "Harbour Plan 2024", 0.66)
    v = _judge("The Harbour Plan 2024 sets five aims.", other, own)
    assert (v.verdict, v.document_value) == ("conflict", "six")
    assert _judge("The Harbour Plan 2024 sets six aims.", other, own).verdict == "supported"


def test_a_small_count_must_count_the_same_thing() -> None:
    doc = _doc("The harbour strategy is built around four strands of work.")
    assert _judge("The harbour strategy is built around four priorities.", doc).verdict != (
        "supported"
    )
    assert _judge("The harbour strategy is built around four strands.", doc).verdict == (
        "supported"
    )


def test_a_superlative_is_said_of_its_subject() -> None:
    doc = _doc("Ferry thefts rose by 22.1% and are now the largest category of quay crime.")
    assert _judge("Bike thefts are now the largest category of quay crime.", doc).verdict == (
        "unsupported"
    )
    assert _judge("Ferry thefts are now the biggest category of quay crime.", doc).verdict == (
        "supported"
    )


def test_a_draft_without_values_that_the_replaced_edition_states_more_closely_is_outdated() -> None:
    now = _doc("Priority 3 covers violence at the quays and at night.", score=0.62)
    then = _doc("Priority 1: violence at night on the quays.", score=0.75, status="superseded")
    draft = "The first priority of the harbour strategy is violence at night on the quays."
    v = _judge(draft, now, then)
    assert (v.verdict, v.element) == ("outdated", "superseded")


def test_a_thing_the_documents_say_has_stopped_is_not_supported_as_standing() -> None:
    now = _doc("Quay patrols are no longer a separate priority of the quay strategy.", score=0.8)
    v = _judge("Quay patrols remain a separate priority of the quay strategy.", now)
    assert v.verdict == "unsupported" and "no longer" in v.reasons[0]
    then = _doc("Priority 2: quay patrols.", score=0.6, status="superseded")
    assert _judge(
        "Quay patrols remain a separate priority of the quay strategy.", now, then
    ).verdict == ("outdated")
    said = _judge("Quay patrols are no longer a separate priority of the quay strategy.", now)
    assert said.verdict == "supported"


def test_only_is_an_overclaim_unless_the_documents_say_it_but_only_five_is_a_figure() -> None:
    doc = _doc("Assault data comes from Eastport Infirmary and Westhaven General Hospital.")
    v = _judge("Assault data comes from Eastport Infirmary only.", doc)
    assert v.verdict == "unsupported" and '"only"' in v.reasons[0]
    share = _doc("The quays cover about 0.04% of the harbour's area.")
    assert _judge("The quays cover only about 0.04% of the harbour's area.", share).verdict == (
        "supported"
    )


# --- everyday wording of faithful drafts (issue #13, second round) --------------------------


def test_led_by_is_checked_against_chaired_by_when_the_passage_has_no_led_by() -> None:
    doc = _doc("The Harbour Safety Board is chaired by the Harbour Master.")
    assert _judge("The Harbour Safety Board is led by the Harbour Master.", doc).verdict == (
        "supported"
    )
    v = _judge("The Harbour Safety Board is led by the Mayor of Eastport.", doc)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "body", "Harbour Master")
    both = _doc("The Quay Group is led by the Harbour Master and chaired by the Mayor of Eastport.")
    assert _judge("The Quay Group is led by the Mayor of Eastport.", both).verdict != "supported"


def test_a_figure_in_a_row_label_is_what_the_row_counts() -> None:
    doc = _doc(
        "Ferry thefts at the 12 quays | Before: 400; After: 300; Change: down 25%\n"
        "Bike thefts at the 12 quays | Before: 90; After: 80; Change: down 11.1%"
    )
    assert _judge("Ferry thefts at the 12 quays fell by a quarter.", doc).verdict == "supported"
    wrong = _judge("Ferry thefts at the 14 quays fell by a quarter.", doc)
    assert wrong.verdict != "supported"


def test_the_whole_of_a_part_measures_only_its_noun() -> None:
    doc = _doc(
        "Eastport has a population of around 60,000 people, of whom about 21,000 live on the quay."
    )
    ok = _judge("About 21,000 of Eastport's roughly 60,000 residents live on the quay.", doc)
    assert ok.verdict == "supported", ok.reasons
    swapped = _judge("About 60,000 of Eastport's roughly 21,000 residents live on the quay.", doc)
    assert swapped.verdict != "supported"
    shares = _doc("The quays hold 31.2% of its ferry thefts and 18.4% of its FTA.")
    v = _judge("The quays hold 18.4% of the ferry thefts and 31.2% of its fare-dodging.", shares)
    assert v.verdict == "conflict"


def test_a_superlative_may_be_read_from_a_tables_column() -> None:
    table = _doc(
        "Thefts per 1,000 residents by town, 2022/23:\n"
        "Eastport | Thefts: 41.0; Assaults: 3.0\nWesthaven | Thefts: 55.2; Assaults: 2.1\n"
        "Northcliff | Thefts: 30.1; Assaults: 4.4"
    )
    assert _judge("Northcliff had the lowest theft rate of the towns.", table).verdict == (
        "supported"
    )
    assert _judge("Westhaven had the lowest theft rate of the towns.", table).verdict != (
        "supported"
    )
    assert _judge("Northcliff had the lowest assault rate of the towns.", table).verdict != (
        "supported"
    )


def test_a_current_value_given_with_the_replaced_editions_value_is_not_outdated() -> None:
    now = _titled(
        "The quay grant is £64,000 a year under this plan, up from £57,000 a year under the "
        "2019 plan.",
        "Harbour Plan 2024",
    )
    v = judge("The quay grant has gone up to £64,000 a year, from £57,000.", [now], [now], RULES)
    assert v.verdict == "supported", v.reasons
    old = judge("The quay grant is £57,000 a year.", [now], [now], RULES)
    assert old.verdict != "supported"


def test_an_email_or_web_address_is_a_claim_found_only_as_written() -> None:
    doc = _doc("Worried about a ferry? Email quaywatch@eastport.example.org or call the harbour.")
    ok = _judge("Anyone worried about a ferry can email quaywatch@eastport.example.org.", doc)
    assert ok.verdict == "supported" and [c.kind for c in ok.claims] == ["contact"]
    wrong = _judge("Anyone worried about a ferry can email quaywatch@eastport.example.com.", doc)
    assert wrong.verdict != "supported"
    assert [c.status for c in wrong.claims] == ["missing"]


def test_a_small_count_of_something_else_is_no_other_value() -> None:
    doc = _doc("The two harbour boards agreed the plan, which sets out the quay priorities.")
    v = _judge("The harbour plan sets six quay priorities.", doc)
    assert v.verdict == "unsupported", v.reasons  # not "documents say two"
    same = _doc("The two harbour boards agreed five quay priorities.")
    w = _judge("The harbour boards agreed six quay priorities.", same)
    assert (w.verdict, w.element, w.document_value) == ("conflict", "number", "five")


# --- round 3: a claim bound to what the passage binds it to -------------------------------------


def test_a_figure_is_checked_with_the_place_the_passage_gives_it() -> None:
    doc = _doc("About 41,000 people live in Eastport and about 23,000 in Westhaven.")
    assert _judge("Around 23,000 people live in Westhaven.", doc).verdict == "supported"
    wrong = _judge("About 41,000 people live in Westhaven.", doc)
    assert (wrong.verdict, wrong.element, wrong.document_value) == ("conflict", "place", "Eastport")


def test_a_table_cell_gives_its_figure_the_place_of_its_column() -> None:
    doc = _doc("Feel safe after dark | Eastport: 66%; Westhaven: 72%; Harbour area: 69%")
    assert _judge("In Westhaven, 72% feel safe after dark.", doc).verdict == "supported"
    assert _judge("In Westhaven, 66% feel safe after dark.", doc).verdict != "supported"


def test_a_date_is_checked_in_the_clause_that_says_the_same_thing() -> None:
    doc = _doc("The board was created in 2012, with Jane Doe serving as Harbour Master from 2016.")
    assert _judge("Jane Doe has served as Harbour Master since 2016.", doc).verdict == "supported"
    wrong = _judge("Jane Doe served as Harbour Master from 2012.", doc)
    assert (wrong.verdict, wrong.element) == ("conflict", "date")


def test_a_table_row_about_another_body_gives_no_frequency_for_the_drafts() -> None:
    doc = _doc(
        "Boards and how often they meet. "
        "Quay Watch Group | Chair: Harbour Master; Meeting frequency: Every six weeks\n"
        "Harbour Safety Board | Chair: Harbour Master; Meeting frequency: Quarterly"
    )
    assert _judge("The Quay Watch Group meets every six weeks.", doc).verdict == "supported"
    assert _judge("The Harbour Safety Board meets every six weeks.", doc).verdict != "supported"


def test_a_statement_the_passage_denies_is_a_conflict() -> None:
    doc = _doc("Eastport is not a ferry hub and does not receive the port grant.")
    assert _judge("Eastport is not a ferry hub.", doc).verdict == "supported"
    wrong = _judge("Eastport is a ferry hub and receives the port grant.", doc)
    assert (wrong.verdict, wrong.element) == ("conflict", "direction")


def test_a_role_is_the_one_the_passage_gives_the_same_holder() -> None:
    doc = _doc(
        "It is chaired by the Harbour Master, with the Director of Quay Services as vice-chair.",
        section="The Harbour Safety Board",
    )
    ok = _judge("The Director of Quay Services is vice-chair of the Harbour Safety Board.", doc)
    assert ok.verdict == "supported"
    wrong = _judge("The Director of Quay Services chairs the Harbour Safety Board.", doc)
    assert (wrong.verdict, wrong.element, wrong.document_value) == (
        "conflict",
        "body",
        "vice-chair",
    )


def test_a_value_of_another_row_whose_label_fits_the_draft_better_is_a_conflict() -> None:
    doc = _doc(
        "Table 3: Survey results. "
        "Feel safe during the day | Eastport: 93%; Harbour area: 94%\n"
        "Feel safe after dark | Eastport: 66%; Harbour area: 69%"
    )
    assert _judge("94% of residents feel safe during the day.", doc).verdict == "supported"
    wrong = _judge("94% of residents feel safe after dark.", doc)
    assert (wrong.verdict, wrong.document_value) == ("conflict", "69%")


def test_the_values_of_a_change_measure_what_the_clause_before_them_names() -> None:
    doc = _doc(
        "Table 4: Thefts, 2022/23 and 2023/24. "
        "Ferry thefts | 2022/23: 2,800; 2023/24: 3,420\n"
        "Quay offences | 2022/23: 1,010; 2023/24: 960"
    )
    v = _judge("Ferry thefts went up sharply, from 2,800 to 3,420 offences.", doc)
    assert v.verdict == "supported", v.reasons


def test_a_month_naming_an_event_is_the_month_the_passage_gives_that_event() -> None:
    doc = _doc(
        "Meetings are held in March, June, September and December so that the June meeting "
        "can consider the end-of-year report."
    )
    assert _judge("The June meeting considers the end-of-year report.", doc).verdict == (
        "supported"
    )
    wrong = _judge("The September meeting considers the end-of-year report.", doc)
    assert (wrong.verdict, wrong.element, wrong.document_value) == (
        "conflict",
        "date",
        "June meeting",
    )


def test_a_draft_that_says_an_abolished_body_ended_is_not_outdated() -> None:
    doc = _doc("In 2020 the Port Police Authority was absorbed into the Harbour Safety Board.")
    assert _judge("The Port Police Authority patrols the quay.", doc).verdict == "outdated"
    ok = _judge(
        "In 2020 the Port Police Authority was absorbed into the Harbour Safety Board.", doc
    )
    assert ok.verdict == "supported", ok.reasons


def test_and_the_ends_a_bodys_name() -> None:
    assert bodies("By May, Harbour Steps Eastport and the Ferry Service plan to meet.") == [
        ("Ferry Service", 39)
    ]


def test_the_values_of_a_change_measure_its_subject() -> None:
    # "dropped from 745 to 595": both values measure "ferry thefts in the hotspots", so the
    # passage's figures for ferry thefts back them, not those for boat crime
    passage = _doc(
        "Boat crime in the hotspots fell by 35.9%, from 780 to 500, and ferry thefts fell by "
        "20.1%, from 745 to 595.",
        0.55,
    )
    draft = "Ferry thefts in the hotspots dropped from 745 to 595 compared with a year before."
    assert _judge(draft, passage).verdict == "supported"


def _row_and_summary(summary_doc: str = "d") -> tuple[Aligned, Aligned]:
    """A table row giving the figures and a summary sentence giving the description."""
    row = _doc("Table 3: Harbour crime. Ferry thefts | 2022/23: 80; 2023/24: 90; Change: up 12.5%")
    said = "Ferry thefts rose by 12.5% and are now the largest single category of harbour crime."
    summary = Aligned(said, said, 0.7, {"doc_id": summary_doc, "title": "Doc", "section": "1"})
    return row, summary


def test_a_description_the_figures_lack_is_found_in_another_sentence_of_the_document() -> None:
    row, summary = _row_and_summary()
    draft = "Ferry thefts rose by 12.5% to 90 in 2023/24 and are now the largest category of crime."
    v = judge_with(RULES, draft, row, summary)
    assert v.verdict == "supported", v.reasons
    assert v.quote == row.text


def test_a_description_from_another_document_does_not_complete_a_passage() -> None:
    row, summary = _row_and_summary(summary_doc="other")
    draft = "Ferry thefts rose by 12.5% to 90 in 2023/24 and are now the largest category of crime."
    assert judge_with(RULES, draft, row, summary).verdict != "supported"


def test_a_figure_is_never_taken_from_the_second_sentence() -> None:
    row = _doc("Table 3: Harbour crime. Ferry thefts | 2022/23: 80; 2023/24: 90")
    said = "Ferry thefts rose by 14.5% and are now the largest single category of harbour crime."
    summary = Aligned(said, said, 0.7, {"doc_id": "d", "title": "Doc", "section": "1"})
    draft = "Ferry thefts rose by 14.5% to 90 in 2023/24 and are now the largest category of crime."
    assert judge_with(RULES, draft, row, summary).verdict != "supported"


def test_a_sentence_stating_a_claim_otherwise_completes_nothing() -> None:
    row = _doc("Table 3: Harbour crime. Ferry thefts | 2022/23: 80; 2023/24: 90; Change: up 12.5%")
    said = (
        "In 2021/22 ferry thefts fell by 3% to 71 and were the largest category of harbour crime."
    )
    summary = Aligned(said, said, 0.7, {"doc_id": "d", "title": "Doc", "section": "1"})
    draft = "Ferry thefts rose by 12.5% to 90 in 2023/24 and are now the largest category of crime."
    assert judge_with(RULES, draft, row, summary).verdict != "supported"


def test_a_name_the_document_gives_elsewhere_completes_nothing() -> None:
    # the document names the former harbour master in its history: no holder of today's post
    post = _doc("The Harbour Master for Eastport was appointed on 3 May 2024.")
    history = Aligned(
        "Ann Ruddock was Harbour Master for Eastport until 2020.",
        "Ann Ruddock was Harbour Master for Eastport until 2020.",
        0.7,
        {"doc_id": "d", "title": "Doc", "section": "history"},
    )
    draft = "Ann Ruddock was appointed Harbour Master for Eastport on 3 May 2024."
    assert judge_with(RULES, draft, post, history).verdict != "supported"
