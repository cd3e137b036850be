"""Language: periods compared as values, word forms, content words (pure; invented text)."""

from __future__ import annotations

import pytest

from assistant.language import period_label, periods, periods_meet, related_form, terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2023/24", {(2023, 2024)}),
        ("in 2023-24", {(2023, 2024)}),
        ("during 23/24", {(2023, 2024)}),
        ("from 2021 to 2022", {(2021, 2022)}),
        ("the 2024-2028 plan", {(2024, 2028)}),
        ("in May 2025", {(2025, 2025)}),
        ("a rate of 16.9 per 1,000 and 3/4 of cases", set()),
    ],
)
def test_periods(text: str, expected: set) -> None:
    assert periods(text) == expected


def test_periods_meet_only_when_the_asked_period_lies_within_a_given_one() -> None:
    assert periods_meet({(2024, 2024)}, {(2024, 2028)})
    assert periods_meet({(2023, 2024)}, {(2023, 2024)})
    assert not periods_meet({(2021, 2022)}, {(2022, 2023), (2023, 2024)})
    assert period_label((2023, 2024)) == "2023/24" and period_label((2024, 2028)) == "2024-2028"


def test_related_forms_the_stemmer_leaves_apart() -> None:
    assert related_form("comparison", {"compared"})
    assert related_form("began", {"begin"})
    assert not related_form("budget", {"board", "chair"})


def test_terms_drop_function_words() -> None:
    assert terms("Who chairs the harbour board?") == {"chair", "harbour", "board"}
