"""Wording check, round 18, through the real pipeline: the real model over the sample corpus.

Drafts written here from corpus/ (not from the eval sets): a count given as the gap between
two figures, a figure whose passage value counts hours, an exclusive claim the current
documents no longer make, a relative clause another passage backs.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def checker(sample_index, real_embedder):
    from assistant.pipeline import Assistant

    return Assistant(sample_index, real_embedder)


@pytest.mark.slow
def test_a_gap_between_two_years_figures_is_checked_as_a_value(checker) -> None:
    right = "Cumbria recorded 72 drug poisoning deaths in 2022, seven more than in 2021."
    assert checker.check_wording(right)[0].verdict == "supported"
    wrong = "Cumbria recorded 72 drug poisoning deaths in 2022, nine more than in 2021."
    assert checker.check_wording(wrong)[0].verdict == "conflict"


@pytest.mark.slow
def test_a_count_of_officers_for_a_count_of_patrol_hours_is_a_conflict(checker) -> None:
    draft = (
        "In its first nine months Operation Enhance put more than 5,900 extra officers on patrol."
    )
    v = checker.check_wording(draft)[0]
    assert (v.verdict, v.element) == ("conflict", "number")
    assert "hours" in v.document_value


@pytest.mark.slow
def test_a_single_hospital_sharing_assault_data_is_not_supported(checker) -> None:
    draft = "Emergency departments' ISTV data on assaults come from the Cumberland Infirmary only."
    assert checker.check_wording(draft)[0].verdict != "supported"


@pytest.mark.slow
def test_a_relative_clause_backed_by_another_passage_is_checked_on_its_own(checker) -> None:
    draft = (
        "Operation Enhance, which began in July {}, made 186 arrests and seized 23 weapons "
        "during hotspot patrols in its first nine months."
    )
    v = checker.check_wording(draft.format(2024))[0]
    assert v.verdict == "supported", v.reasons
    wrong = checker.check_wording(draft.format(2023))[0]
    assert (wrong.verdict, wrong.element) == ("conflict", "date")


@pytest.mark.slow
def test_a_span_end_is_not_met_by_a_day_another_sentence_gives(checker) -> None:
    # the Commissioner was elected on 2 May 2024; the consultation ran from June to August
    draft = (
        "The Commissioner's consultation, which ran from March to May 2024, found drugs "
        "were among residents' biggest worries."
    )
    assert checker.check_wording(draft)[0].verdict != "supported"
