"""Wording check, round 18: the harmful verdicts left on planted errors (issue #13).

An overclaim the documents make only of a replaced edition, a figure whose passage value
counts another measure, and a standing target measured against a base period. Every text is
invented (a harbour town, its ferries, plans and hospitals), not from the eval sets.
"""

from __future__ import annotations

import dataclasses

from assistant.asides import part_text, placed, split_aside
from assistant.claims import WordingPolicy, claims
from assistant.editions import standing, undated
from assistant.wording import Aligned, check, judge
from tests.test_wording import RULES
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

# --- an overclaim said only of a replaced edition -------------------------------------------

ONLY_THEN = _doc(
    "In the 2019 plan, assault reports came from Eastport Infirmary only. Assault reports now "
    "come from both Eastport Infirmary and Westhaven General Hospital."
)


def test_only_said_of_the_replaced_edition_alone_is_outdated() -> None:
    v = judge_with(RULES, "Assault reports come from Eastport Infirmary only.", ONLY_THEN)
    assert (v.verdict, v.element) == ("outdated", "superseded")
    assert "Harbour Plan 2019" in v.reasons[0] and '"only"' in v.reasons[0]


def test_only_said_of_today_too_is_no_old_edition() -> None:
    today = "Today assault reports still come from Eastport Infirmary only."
    passage = f"In the 2019 plan, assault reports came from Eastport Infirmary only. {today}"
    now = Aligned(today, passage, 0.8, {"doc_id": "d", "title": "Doc"})
    v = judge_with(RULES, "Assault reports come from Eastport Infirmary only.", now)
    assert v.verdict != "outdated"


def test_a_draft_naming_the_old_edition_may_say_what_it_said() -> None:
    v = judge_with(
        RULES, "In the 2019 plan, assault reports came from Eastport Infirmary only.", ONLY_THEN
    )
    assert v.verdict == "supported"


def test_an_overclaim_the_documents_never_make_stays_unsupported() -> None:
    never = _doc("Assault reports come from Eastport Infirmary and Westhaven General Hospital.")
    v = judge_with(RULES, "Assault reports come from Eastport Infirmary only.", never)
    assert v.verdict == "unsupported" and '"only"' in v.reasons[0]


# --- the same value of another measure ---------------------------------------------------------

HOURS = _doc("The ferry scheme delivered 3,400 extra quay patrol hours in its first year.")


def test_a_count_of_things_for_a_passage_count_of_hours_is_a_conflict() -> None:
    v = judge_with(RULES, "The ferry scheme delivered 3,400 extra quay patrols.", HOURS)
    assert (v.verdict, v.element, v.draft_value) == ("conflict", "number", "3,400")
    assert v.document_value == "3,400 extra quay patrol hours"


def test_the_passage_measure_kept_or_reworded_in_the_same_unit_is_supported() -> None:
    kept = judge_with(RULES, "The ferry scheme delivered 3,400 extra quay patrol hours.", HOURS)
    assert kept.verdict == "supported"
    hours = judge_with(RULES, "The ferry scheme delivered 3,400 extra hours of patrols.", HOURS)
    assert hours.verdict == "supported"


def test_a_length_of_time_for_a_passage_count_of_things_is_a_conflict() -> None:
    crossings = _doc("The ferry scheme ran 48 extra night crossings in its first year.")
    v = judge_with(RULES, "The ferry scheme ran 48 extra weeks of night crossings.", crossings)
    assert v.verdict != "supported"


def test_a_table_cell_given_in_weeks_counts_weeks() -> None:
    row = _doc("Quay Safety Board | Meets: every four to six weeks; Chair: Harbour Master")
    same = judge_with(RULES, "The Quay Safety Board meets every four to six weeks.", row)
    assert same.verdict == "supported"
    v = judge_with(RULES, "The Quay Safety Board meets every four to six months.", row)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "number", "six weeks")


# --- a standing target measured against a base period ----------------------------------------

OLD_TARGET = Aligned(
    "Our target is to cut ferry thefts by 5% by March 2026, measured against 2022/23.",
    "Our target is to cut ferry thefts by 5% by March 2026, measured against 2022/23.",
    0.95,
    {"doc_id": "o", "title": "Harbour Plan 2019"},
    "superseded",
)
_NEW = (
    "The target in this plan is to cut ferry thefts by 10% by March 2027, measured against 2023/24."
)
NEW_TARGET = Aligned(
    _NEW,
    f"{_NEW} It replaces the 2019 plan's target of a 5% cut by March 2026 against 2022/23.",
    0.75,
    {"doc_id": "d", "title": "Doc"},
)
NEW_ONLY = _doc("Its target is to cut ferry thefts by 10% by March 2027 against 2023/24.", 0.70)


def test_a_base_period_does_not_date_a_target() -> None:
    policy = WordingPolicy()
    sentence = "The target is to cut ferry thefts by 5% by March 2026, measured against 2022/23."
    said = claims(sentence, RULES, policy)
    assert not undated(said)  # the base period reads as a period
    assert undated(standing(said, sentence))  # but it is only what the cut is measured from
    dated = "Ferry thefts fell to 212 in 2023/24."
    assert not undated(standing(claims(dated, RULES, policy), dated))


def test_the_replaced_target_given_as_todays_is_outdated() -> None:
    v = judge_with(
        RULES,
        "The harbour's target is to cut ferry thefts by 5% by March 2026, measured against "
        "2022/23.",
        NEW_TARGET,
        NEW_ONLY,
        OLD_TARGET,
    )
    assert (v.verdict, v.element) == ("outdated", "superseded")


def test_the_current_target_is_supported() -> None:
    v = judge_with(
        RULES,
        "The harbour's target is to cut ferry thefts by 10% by March 2027, measured against "
        "2023/24.",
        NEW_TARGET,
        NEW_ONLY,
        OLD_TARGET,
    )
    assert v.verdict == "supported"


# --- a body named by its head word alone ------------------------------------------------------

_BOARD = "The Board will invest £2m to fund 12 quay wardens."
BOARD = Aligned(
    _BOARD,
    f"The Harbour Safety Board published this plan in May. {_BOARD}",
    0.8,
    {"doc_id": "d", "title": "Doc"},
)


def test_a_passage_naming_the_drafts_body_by_its_head_word_backs_it() -> None:
    v = judge_with(
        RULES, "The Harbour Safety Board will invest £2m to fund 12 quay wardens.", BOARD
    )
    assert v.verdict == "supported"


def test_another_body_or_one_named_nowhere_is_still_not_supported() -> None:
    other = judge_with(
        RULES, "The Quay Watch Group will invest £2m to fund 12 quay wardens.", BOARD
    )
    assert (other.verdict, other.element) == ("conflict", "body")
    nowhere = judge_with(
        RULES, "The Eastport Ferry Board will invest £2m to fund 12 quay wardens.", BOARD
    )
    assert nowhere.verdict == "unsupported"


# --- a count given as the gap between two figures ---------------------------------------------

_ROSE = "Ferry crossings rose to 212 in 2024/25, up from 180 the year before."
ROSE = Aligned(_ROSE, _ROSE, 0.8, {"doc_id": "d", "title": "Doc"})


def test_a_count_that_is_the_gap_between_the_passages_figures_is_found() -> None:
    more = "Ferry crossings rose to 212 in 2024/25, 32 more than the year before."
    assert judge_with(RULES, more, ROSE).verdict == "supported"
    assert judge_with(RULES, "Ferry crossings rose by 32 to 212 in 2024/25.", ROSE).verdict == (
        "supported"
    )


def test_another_gap_or_a_gap_the_other_way_is_a_conflict() -> None:
    wrong = "Ferry crossings rose to 212 in 2024/25, 30 more than the year before."
    assert (judge_with(RULES, wrong, ROSE).verdict, judge_with(RULES, wrong, ROSE).element) == (
        "conflict",
        "number",
    )
    fewer = "Ferry crossings reached 212 in 2024/25, 32 fewer than the year before."
    assert judge_with(RULES, fewer, ROSE).verdict == "conflict"
    fell = "Ferry crossings fell by 32 to 212 in 2024/25."
    assert judge_with(RULES, fell, ROSE).verdict == "conflict"


# --- a frequency said of something else; a replaced value beside a claim the old edition lacks


def _passage(text: str, rest: str = "", status: str = "current", title: str = "Doc") -> Aligned:
    return Aligned(text, f"{text} {rest}".strip(), 0.8, {"doc_id": title, "title": title}, status)


_TARGET = "The ferry target is a 5% cut in thefts by March 2026."
_REPORTED = (
    "The ferry target is a 5% cut in thefts by March 2026, with the Quay Watch Group "
    "reporting progress every quarter."
)


def test_a_frequency_elsewhere_in_the_passage_about_something_else_is_no_conflict() -> None:
    refreshed = _passage(_TARGET, "The harbour plan is refreshed every year.")
    assert judge_with(RULES, _REPORTED, refreshed).verdict == "unsupported"
    reports = _passage(_TARGET, "The Quay Watch Group reports progress on it every year.")
    v = judge_with(RULES, _REPORTED, reports)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "number", "every year")


def test_the_old_editions_value_is_outdated_though_it_lacks_another_claim() -> None:
    now = _passage("The ferry target is a 10% cut in thefts by March 2027.")
    then = _passage(_TARGET, status="superseded", title="Harbour Plan 2019")
    v = judge_with(RULES, _REPORTED, now, then)
    assert (v.verdict, v.element) == ("outdated", "superseded")
    assert "Harbour Plan 2019" in v.reasons[0]


# --- a background fact granted in a concessive clause ------------------------------------------

POINT = Aligned(
    "Quay thefts made up 41% of harbour crime in 2024, up from 38% a year earlier.",
    "Quay thefts made up 41% of harbour crime in 2024, up from 38% a year earlier.",
    0.8,
    {"doc_id": "d", "title": "Doc"},
)
GRANTED = _passage("Harbour crime overall has fallen since 2022.")
_POINT_DRAFT = "Quay thefts made up 41% of harbour crime in 2024, up from 38% a year earlier"


def _lookup(sentence: str) -> tuple[list[Aligned], list[Aligned]]:
    """Passages as retrieval would rank them: the granted fact weakly beside the point."""
    low = sentence.lower()
    if "quay" not in low:
        return [GRANTED], [GRANTED]
    if "overall" not in low:
        return [POINT], [POINT]
    weak = dataclasses.replace(GRANTED, score=0.5)
    return [POINT, weak], [POINT, weak]


def test_a_granted_fact_backed_by_another_passage_leaves_the_sentence_supported() -> None:
    for draft in (
        f"{_POINT_DRAFT}, even though harbour crime overall has fallen.",
        f"Although harbour crime overall has fallen, {_POINT_DRAFT[0].lower()}{_POINT_DRAFT[1:]}.",
    ):
        v = check(draft, _lookup, RULES)[0]
        assert v.verdict == "supported" and v.sentence == draft
        assert "fallen" in [draft[x.start : x.end] for x in v.claims]


def test_a_granted_fact_the_documents_state_otherwise_is_a_conflict() -> None:
    draft = f"{_POINT_DRAFT}, even though harbour crime overall has risen."
    v = check(draft, _lookup, RULES)[0]
    assert (v.verdict, v.element, v.document_value) == ("conflict", "direction", "fallen")
    assert [draft[x.start : x.end] for x in v.claims if x.status == "conflict"] == ["risen"]


def test_a_granted_fact_no_passage_backs_stays_unsupported() -> None:
    def lookup(sentence: str) -> tuple[list[Aligned], list[Aligned]]:
        return ([], []) if "quay" not in sentence.lower() else _lookup(sentence)

    draft = f"{_POINT_DRAFT}, even though harbour crime overall has fallen."
    assert check(draft, lookup, RULES)[0].verdict == "unsupported"


def test_a_clash_from_a_passage_about_the_clause_gives_way_when_both_parts_are_backed() -> None:
    clash = _passage("Harbour crime overall has fallen, though quay thefts rose by 4.8% of it.")

    def lookup(sentence: str) -> tuple[list[Aligned], list[Aligned]]:
        if "overall" not in sentence.lower() or "quay" not in sentence.lower():
            return _lookup(sentence)
        near = dataclasses.replace(clash, score=0.78)
        return [POINT, near], [POINT, near]

    draft = f"{_POINT_DRAFT}, even though harbour crime overall has fallen."
    assert judge(draft, *lookup(draft), RULES).verdict == "conflict"  # the sentence as one
    assert check(draft, lookup, RULES)[0].verdict == "supported"  # its point and clause apart


# --- a relative clause after the subject: a second statement about it --------------------------

PLAN_POINT = _passage("The Quay Safety Plan commits both harbour boards to five shared priorities.")
PLAN_ASIDE = _passage("The Quay Safety Plan runs to March 2028.")
_PLAN = (
    "The Quay Safety Plan, which runs to March {}, commits both harbour boards to {} priorities."
)


def _plan_lookup(sentence: str) -> tuple[list[Aligned], list[Aligned]]:
    """The point's passage for the point, the aside's for the aside, both for the whole."""
    if "priorities" not in sentence:
        return [PLAN_ASIDE], [PLAN_ASIDE]
    if "runs" not in sentence:
        return [PLAN_POINT], [PLAN_POINT]
    weak = dataclasses.replace(PLAN_ASIDE, score=0.5)
    return [PLAN_POINT, weak], [PLAN_POINT, weak]


def test_a_relative_clause_is_split_into_the_subjects_two_statements() -> None:
    sentence = _PLAN.format(2028, "five shared")
    aside = split_aside(sentence)
    assert aside is not None
    assert part_text(sentence, aside.point) == (
        "The Quay Safety Plan commits both harbour boards to five shared priorities."
    )
    assert part_text(sentence, aside.granted) == "The Quay Safety Plan runs to March 2028."
    assert sentence[slice(*aside.own)] == "runs to March 2028"
    text = part_text(sentence, aside.granted)
    at = text.index("March")
    assert sentence[placed(aside.granted, at) :].startswith("March 2028,")
    assert split_aside("The Quay Safety Plan commits both boards to five priorities.") is None


def test_a_sentence_whose_relative_clause_another_passage_backs_is_supported() -> None:
    v = check(_PLAN.format(2028, "five shared"), _plan_lookup, RULES)[0]
    assert v.verdict == "supported"
    assert any(x.text == "March 2028" and x.status == "found" for x in v.claims)


def test_a_relative_clause_the_documents_state_otherwise_is_a_conflict() -> None:
    draft = _PLAN.format(2029, "five shared")
    v = check(draft, _plan_lookup, RULES)[0]
    assert (v.verdict, v.element, v.draft_value) == ("conflict", "date", "March 2029")
    wrong = next(x for x in v.claims if x.status == "conflict")
    assert draft[wrong.start : wrong.end] == "March 2029"
    assert v.corrected == _PLAN.format(2028, "five shared")


def test_a_point_the_documents_state_otherwise_is_never_supported_by_its_aside() -> None:
    assert check(_PLAN.format(2028, "six shared"), _plan_lookup, RULES)[0].verdict != "supported"
