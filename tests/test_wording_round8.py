"""Wording check, round 8: ranks in titles and figures given in brackets after their place.

Every text here is invented (a harbour county), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven and Northcliff"],
        "corpus_text": "harbourshire coastguard harbour safety board; the chief constable",
    }
)


def test_a_title_is_not_named_by_a_lower_rank_that_ends_with_it() -> None:
    text = "the board is chaired by the deputy chief constable of harbourshire constabulary"
    assert not lang.names_post("chief constable", text)
    assert lang.names_post("deputy chief constable", text)
    assert lang.names_post("harbourshire constabulary", text)
    assert lang.names_post("chief constable", "the chief constable chairs it")


def test_a_draft_that_drops_the_rank_of_a_chair_is_a_body_conflict() -> None:
    passage = doc(
        "The Harbour Safety Board is chaired by the Assistant Chief Constable of Harbourshire "
        "Constabulary and meets every quarter.",
        0.85,
    )
    wrong = "Harbourshire Constabulary's Chief Constable chairs the Harbour Safety Board."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "body")
    right = (
        "The Assistant Chief Constable of Harbourshire Constabulary chairs the Harbour Safety "
        "Board."
    )
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_a_figure_in_brackets_belongs_to_the_place_just_before_them() -> None:
    passage = doc(
        "In 2024/25 the rate of harbour incidents in Eastport (42.7 per 1,000) was higher than "
        "in Westhaven and Northcliff (30.2 per 1,000).",
        0.85,
    )
    wrong = "Westhaven and Northcliff had 42.7 harbour incidents per 1,000 residents in 2024/25."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "place")
    assert verdict.document_value == "Eastport"
    right = "Eastport had 42.7 harbour incidents per 1,000 residents in 2024/25."
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_a_start_date_is_checked_against_the_start_the_passage_gives_elsewhere() -> None:
    assert lang.starts_at("The ferry patrols got under way in May 2023.", 35)
    assert not lang.starts_at("The ferry patrols ran in May 2023.", 26)
    passage = doc(
        "Ferry patrols cover 12 harbour berths in Eastport. The ferry patrols began in May 2024, "
        "funded by the harbour trust.",
        0.8,
    )
    wrong = "Ferry patrols, which got under way in May 2023, cover 12 harbour berths in Eastport."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "date")
    assert verdict.document_value == "May 2024"
    right = "Ferry patrols, which got under way in May 2024, cover 12 harbour berths in Eastport."
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_the_months_of_a_counting_span_do_not_date_a_start() -> None:
    row = doc(
        "Harbour berths patrolled | Baseline: May 2023 to March 2024: 4; "
        "Ferry patrols: May 2024 to March 2025: 12",
        0.8,
    )
    draft = "Ferry patrols, which began in May 2023, now cover 12 harbour berths."
    assert judge_with(RULES, draft, row).verdict != "supported"


def test_a_share_said_to_grow_or_shrink_is_a_direction_claim() -> None:
    assert [w for w, *_ in lang.share_changes("now a smaller share of callouts")] == ["down"]
    assert [w for w, *_ in lang.share_changes("a growing proportion of callouts")] == ["up"]
    assert lang.share_changes("a smaller share of callouts than Eastport") == []
    passage = doc(
        "Night-time rescues made up 36% of harbour callouts in 2024/25, up from 29% in 2023/24.",
        0.85,
    )
    wrong = "Night-time rescues are now a smaller share of harbour callouts, at 36% in 2024/25."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "direction")
    assert "larger share" in verdict.corrected
    right = "Night-time rescues are now a larger share of harbour callouts, at 36% in 2024/25."
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_and_after_a_bodys_head_noun_joins_two_bodies() -> None:
    from assistant.claims import bodies

    text = "led by Harbourshire Constabulary and Westhaven and Northcliff Council's Chief Officer"
    names = [n for n, _ in bodies(text)]
    assert "Harbourshire Constabulary" in names
    assert "Westhaven and Northcliff Council" in names
    assert [n for n, _ in bodies("the Police and Crime Commissioner")] == [
        "Police and Crime Commissioner"
    ]
    board = "Safety and Wellbeing Board"
    assert [n for n, _ in bodies(f"the {board}")] == [board]


def test_a_figure_for_the_year_before_is_checked_for_that_year() -> None:
    passage = doc(
        "The coastguard answered 412 harbour callouts in 2024/25, down from 455 in 2023/24.", 0.7
    )
    said = "The coastguard answered 412 harbour callouts in 2024/25, compared with {} the year {}."
    assert judge_with(RULES, said.format(455, "before"), passage).verdict == "supported"
    assert judge_with(RULES, said.format(455, "after"), passage).verdict == "conflict"
    assert judge_with(RULES, said.format(545, "before"), passage).verdict == "conflict"


def test_a_part_given_before_its_whole_is_found_beside_that_whole() -> None:
    passage = doc(
        "There were 40 harbour callouts in Eastport in 2024/25, of which 9 were passed on to the "
        "lifeboat crew.",
        0.5,
    )
    said = "{} of the 40 harbour callouts made in Eastport in 2024/25 went to the lifeboat crew."
    assert judge_with(RULES, said.format("Nine"), passage).verdict == "supported"
    assert judge_with(RULES, said.format("Seven"), passage).verdict == "conflict"


def test_who_runs_a_service_is_checked_against_who_provides_it() -> None:
    passage = doc(
        "Harbour Care Eastport is the county's advice service for boat owners, and it is "
        "provided by Tidewell.",
        0.7,
    )
    wrong = "Harbour Care Eastport, the advice service for boat owners, is run by Seaway Trust."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element, verdict.document_value) == (
        "conflict",
        "body",
        "Tidewell",
    )
    right = "Harbour Care Eastport, the advice service for boat owners, is run by Tidewell."
    assert judge_with(RULES, right, passage).verdict == "supported"


def test_run_by_and_for_names_no_one() -> None:
    assert not lang.RELATION.search("a group run by and for boat owners")
    assert lang.RELATION.search("a group run by Tidewell")


def test_the_council_beside_its_place_refers_to_that_council() -> None:
    passage = doc(
        "The Eastport Harbour Partnership was set up in May 2024 and is chaired by the council's "
        "Director of Ports.",
        0.8,
    )
    right = (
        "Eastport Council's Director of Ports chairs the harbour partnership, set up in May 2024."
    )
    assert judge_with(RULES, right, passage).verdict == "supported"
    wrong = (
        "Northcliff Council's Director of Ports chairs the harbour partnership, set up in May 2024."
    )
    assert judge_with(RULES, wrong, passage).verdict != "supported"


def test_a_part_is_not_found_where_the_passage_gives_its_whole_several_parts() -> None:
    passage = doc(
        "There were 40 harbour callouts in Eastport in 2024/25, of which 9 were passed on to the "
        "lifeboat crew and 12 were false alarms.",
        0.5,
    )
    said = (
        "Twelve of the 40 harbour callouts made in Eastport in 2024/25 went to the lifeboat crew."
    )
    assert judge_with(RULES, said, passage).verdict != "supported"


def test_a_compared_figure_dated_a_year_too_early_is_not_supported() -> None:
    passage = doc(
        "The coastguard answered 412 harbour callouts in 2024/25, down from 455 in 2023/24.", 0.6
    )
    said = "The coastguard answered 412 harbour callouts in 2024/25, compared with 455 in {}."
    assert judge_with(RULES, said.format("2023/24"), passage).verdict == "supported"
    early = judge_with(RULES, said.format("2022/23"), passage)
    assert early.verdict == "conflict"
    assert 'documents say "2023/24"' in " ".join(early.reasons)  # the period of the 455
    # a bare period compared with is still the base of the change: "fewer than in 2023/24"
    fewer = "The coastguard answered 412 harbour callouts in 2024/25, fewer than in 2023/24."
    assert judge_with(RULES, fewer, passage).verdict == "supported"
