"""A replaced edition's figure stated as today's is outdated (invented harbour texts)."""

from __future__ import annotations

from assistant.claims import GlossaryRules, WordingPolicy, claims
from assistant.editions import undated
from assistant.wording import Aligned, judge

RULES = GlossaryRules({"places": ["Eastport"], "superseded_titles": ["Harbour Plan 2019"]})


def _doc(text: str, score: float, status: str = "current") -> Aligned:
    return Aligned(text, text, score, {"doc_id": "d", "title": f"Doc {status}"}, status)


REPEATS_OLD = _doc("The review found 240 ferry thefts in Eastport in 2022/23.", 0.70)
NEWER = _doc("Ferry thefts in Eastport fell to 212 in 2023/24, down from 240.", 0.65)
OLD = _doc("There are 240 ferry thefts a year in Eastport.", 0.80, "superseded")


def _judge(draft: str, *docs: Aligned):
    return judge(draft, [d for d in docs if d.status == "current"], list(docs), RULES)


def test_an_old_figure_stated_as_todays_is_outdated_with_the_current_value() -> None:
    v = _judge("Eastport has 240 ferry thefts a year.", REPEATS_OLD, NEWER, OLD)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "outdated",
        "superseded",
        "240",
        "212",
    )
    assert v.corrected == "Eastport has 212 ferry thefts a year."


def test_the_same_figure_given_for_its_year_is_still_supported() -> None:
    v = _judge("Eastport had 240 ferry thefts in 2022/23.", REPEATS_OLD, NEWER, OLD)
    assert v.verdict == "supported"


def test_no_newer_value_or_a_closer_current_passage_keeps_it_supported() -> None:
    assert _judge("Eastport has 240 ferry thefts a year.", REPEATS_OLD, OLD).verdict == "supported"
    weak_old = _doc(OLD.text, 0.60, "superseded")
    v = _judge("Eastport has 240 ferry thefts a year.", REPEATS_OLD, NEWER, weak_old)
    assert v.verdict == "supported"


def test_undated_means_no_period_ties_a_figure_to_a_year() -> None:
    policy = WordingPolicy()
    assert undated(claims("The target is a 5% cut by March 2026.", RULES, policy))
    assert not undated(claims("There were 240 thefts in 2022/23.", RULES, policy))
    assert not undated(claims("Thefts are falling in Eastport.", RULES, policy))


def test_a_replaced_editions_figure_is_outdated_whatever_it_says_of_names() -> None:
    current = _doc(
        "The ferry grant from the Harbour Trust is £64,000 a year, up from £57,000.", 0.8
    )
    old = _doc("The ferry grant of £57,000 a year is held by the Quay Office.", 0.7, "superseded")
    v = _judge("The ferry grant from the Harbour Trust is £57,000 a year.", current, old)
    assert (v.verdict, v.element, v.document_value) == ("outdated", "superseded", "£64,000")


def test_a_current_passage_that_says_it_nearly_word_for_word_keeps_a_draft_current() -> None:
    from assistant.wording import Aligned, judge
    from tests.test_wording import RULES

    text = "The Quay Watch Group reports to the Harbour Safety Board."
    meta = {"doc_id": "d", "title": "Harbour Plan 2024", "section": ""}
    old_meta = {"doc_id": "o", "title": "Harbour Plan 2019", "section": ""}
    current = Aligned(text, text, 0.90, meta)
    old = Aligned(text, text, 0.97, old_meta, "superseded")
    assert judge(text, [current], [current, old], RULES).verdict == "supported"
    weak = Aligned(text, text, 0.70, meta)
    assert judge(text, [weak], [weak, old], RULES).verdict == "outdated"
