"""Wording check, round 19: a date elsewhere in a passage meets the draft's only in kind.

The end of a span the draft gives ("ran from March to May 2024") is not met by a single day
another sentence of the passage gives ("opened on 2 May 2024"). Every text is invented (a
harbour town, its ferry review), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.wording import Aligned
from tests.test_wording import RULES
from tests.wording_helpers import judge_with

_OPENED = "The new ferry terminal opened on 2 May 2024 after two years of building work."
_REVIEW = "In the ferry review, residents said fares, timetables and parking were their worries."
_RAN = "The ferry review ran from March to May 2024."


def _passage(*sentences: str) -> Aligned:
    """A passage of these sentences, aligned on its last one."""
    return Aligned(sentences[-1], " ".join(sentences), 0.8, {"doc_id": "d", "title": "Doc"})


def test_span_end_pattern_reads_the_words_before_a_date() -> None:
    assert lang.SPAN_END.search("ran from March to ")
    assert lang.SPAN_END.search("runs until ")
    assert lang.SPAN_END.search("1 April 2025 \u2013 ")
    assert not lang.SPAN_END.search("opened on ")


def test_a_span_end_is_not_met_by_a_day_in_another_sentence() -> None:
    draft = (
        "The ferry review, which ran from March to May 2024, found residents' worries were "
        "fares, timetables and parking."
    )
    v = judge_with(RULES, draft, _passage(_OPENED, _REVIEW))
    assert v.verdict != "supported"


def test_a_span_end_is_met_by_a_span_end_in_another_sentence() -> None:
    draft = (
        "The ferry review, open from March to May 2024, found residents' worries were fares, "
        "timetables and parking."
    )
    v = judge_with(RULES, draft, _passage(_RAN, _OPENED, _REVIEW))
    assert v.verdict == "supported"


def test_a_single_date_is_still_met_anywhere_in_the_passage() -> None:
    draft = "The ferry terminal, opened in May 2024, has parking worries."
    v = judge_with(RULES, draft, _passage(_OPENED, _REVIEW))
    assert all(c.status == "found" for c in v.claims if c.kind == "date")


def test_a_share_compared_with_before_is_a_change_of_share() -> None:
    said = lang.share_changes("Ferry fares are now a smaller share of costs than before.")
    assert [way for way, *_ in said] == ["down"]
    assert lang.share_changes("Fares are a bigger share of costs than last year.")[0][0] == "up"
    assert not lang.share_changes("Fares are a smaller share of costs than in Westhaven.")


def test_a_smaller_share_than_before_where_it_rose_is_a_conflict() -> None:
    passage = "Fares made up 41% of ferry costs in 2023/24, up from 38% in 2022/23."
    draft = "Fares now make up a smaller share of ferry costs than before, at 41% in 2023/24."
    v = judge_with(RULES, draft, _passage(passage))
    assert (v.verdict, v.element) == ("conflict", "direction")
