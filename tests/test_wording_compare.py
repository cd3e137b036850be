"""Wording check, comparatives with the word they compare: "more likely than", "a higher rate than".

Each is a comparison claim: found where the passage compares the same way, a conflict where it
compares the other way, with the sides read as the passage puts them. Every text here is
invented (a harbour town), not from the eval sets.
"""

from __future__ import annotations

import pytest

from assistant.claims import GlossaryRules
from tests.wording_helpers import doc, judge_with

RULES = GlossaryRules({"places": ["Eastport", "Westhaven"], "corpus_text": "harbour ferry"})
SAFE = doc(
    "Most residents feel safe by day, and women are markedly less likely than men to feel safe "
    "on the quays after dark.",
    0.8,
)
RATE = doc("The rate in Eastport (73.9 per 1,000) is higher than in Westhaven (61.6 per 1,000).")


@pytest.mark.parametrize(
    ("draft", "passage", "verdict"),
    [
        ("Women are less likely than men to feel safe on the quays after dark.", SAFE, "supported"),
        ("Women are more likely than men to feel safe on the quays after dark.", SAFE, "conflict"),
        # the same comparison with its sides the other way round
        ("Men are more likely than women to feel safe on the quays after dark.", SAFE, "supported"),
        ("Men are less likely than women to feel safe on the quays after dark.", SAFE, "conflict"),
        ("Eastport has a higher rate than Westhaven.", RATE, "supported"),
        ("Westhaven has a lower rate than Eastport.", RATE, "supported"),
        ("Westhaven has a higher rate than Eastport.", RATE, "conflict"),
        ("Eastport has a lower rate than Westhaven.", RATE, "conflict"),
    ],
)
def test_a_comparative_is_checked_with_its_sides(draft: str, passage, verdict: str) -> None:  # noqa: ANN001
    v = judge_with(RULES, draft, passage)
    assert v.verdict == verdict
    if verdict == "conflict":
        assert v.element == "direction"


def test_a_comparative_of_another_word_is_not_the_passages_comparison() -> None:
    # "more worried" is not what "less likely to feel safe" compares: not found, never supported
    v = judge_with(RULES, "Women are more worried than men on the quays after dark.", SAFE)
    assert v.verdict == "unsupported"
