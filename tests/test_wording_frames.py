"""Wording check: a figure changed inside the passage's own words is a conflict.

A draft that keeps the words around a passage figure ("the national rate of ...", "with ...
apprentices on placement") and changes only the figure was supported wherever the new value
happened to be some other figure of the passage (a count of boats, an overall rate in another
clause). The passage figure written in the draft's own frame is now the value it is checked
against. Every text here is invented (a harbour town, its boats and apprentices), not from the
eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules, WordingPolicy, frame, read_passage, shared_frame
from assistant.figure_check import framed_rival
from assistant.wording import Aligned, claims
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules(
    {"places": ["Eastport"], "corpus_text": "harbour boat apprentice eastport national rate"}
)

PASSAGE = (
    "Boat thefts at Eastport fell from 64 in 2022 to 41 in 2023. "
    "Harbour training grew by 9% to 2,150 trainees, with 175 apprentices on placement. "
    "Eastport's harbour injury rate of 12.4 per 1,000 is close to the national rate of 15.2. "
    "The overall rate was 27.5 against 30.1 nationally."
)


def _judge(draft: str):
    return judge_with(RULES, draft, _doc(PASSAGE, score=1.0))


def test_a_count_moved_to_another_figure_of_the_passage_is_a_conflict() -> None:
    v = _judge("Harbour training grew by 9% to 2,150 trainees, with 41 apprentices on placement.")
    assert v.verdict == "conflict", v.reasons
    assert v.document_value == "175"


def test_the_figure_in_the_drafts_own_words_is_the_rival() -> None:
    """ "the national rate of 30.1": the passage's national rate is 15.2; its 30.1 is another's."""
    reading = read_passage(PASSAGE, "", frozenset(), 5)
    sentence = "Eastport's harbour injury rate is close to the national rate of 30.1."
    said = [c for c in claims(sentence, RULES, WordingPolicy()) if c.kind == "number"]
    matched = next(f for f in reading.figures if f.q.text.strip() == "30.1")
    rival = framed_rival(sentence, said[0], reading, matched)
    assert rival is not None and rival.q.text.strip() == "15.2"


def test_the_passage_words_with_its_own_figures_stay_supported() -> None:
    for draft in (
        "Harbour training grew by 9% to 2,150 trainees, with 175 apprentices on placement.",
        "Eastport's harbour injury rate of 12.4 per 1,000 is close to the national rate of 15.2.",
        "Boat thefts at Eastport fell from 64 in 2022 to 41 in 2023.",
    ):
        v = _judge(draft)
        assert v.verdict == "supported", (draft, v.reasons)


def test_one_shared_verb_is_no_frame() -> None:
    """ "fell to" is shared by many figures: it never picks the value a figure is checked by."""
    passage = "Boat thefts fell to 41 in 2023. Pier repairs fell to 12 by the spring."
    reading = read_passage(passage, "", frozenset(), 5)
    sentence = "Boat thefts fell to 41."
    said = [c for c in claims(sentence, RULES, WordingPolicy()) if c.kind == "number"]
    forty_one = next(f for f in reading.figures if f.q.text.strip() == "41")
    assert framed_rival(sentence, said[0], reading, forty_one) is None


BODIES = GlossaryRules(
    {
        "places": ["Eastport"],
        "corpus_text": "harbour board port police pilots eastport ferry partnership",
    }
)


def test_a_frame_needs_both_sides() -> None:
    """The noun a figure counts is shared by every figure of it: alone it is no frame."""

    def at(text: str, figure: str) -> tuple[list[str], list[str]]:
        start = text.index(figure)
        return frame(text, start, start + len(figure))

    mine = at("Nationally, over 900 ferry crossings were cancelled.", "900")
    assert mine == (["nationally", "over"], ["ferry", "crossings", "were"])
    counted_only = at("Eastport cancelled 41 ferry crossings in 2023.", "41")
    assert shared_frame(mine, counted_only) == 0
    both = at("Nationally, over 750 ferry crossings were cancelled.", "750")
    assert shared_frame(mine, both) >= 2


def test_another_figure_of_the_draft_keeps_the_matched_sentence() -> None:
    """ "by 5% by March 2026" stays with the sentence that gives 2026, not the one framing it."""
    passage = (
        "The aim is to cut boat thefts in Eastport by 10% by March 2027. "
        "This replaces the old target of a 5% cut by March 2026."
    )
    reading = read_passage(passage, "", frozenset(), 5)
    sentence = "Partners aim to cut boat thefts in Eastport by 5% by March 2026."
    said = [c for c in claims(sentence, RULES, WordingPolicy()) if c.kind == "number"]
    five = next(f for f in reading.figures if f.q.text.strip() == "5%")
    assert framed_rival(sentence, said[0], reading, five) is None
    moved = "Partners aim to cut boat thefts in Eastport by 5% by March 2027."
    said = [c for c in claims(moved, RULES, WordingPolicy()) if c.kind == "number"]
    rival = framed_rival(moved, said[0], reading, five)
    assert rival is not None and rival.q.text.strip() == "10%"


def test_another_body_in_the_passage_bodys_own_words_is_a_conflict() -> None:
    passage = (
        "Boats found adrift are referred to the Port Police and the pilots' office for checks."
    )
    titled = Aligned(
        passage, passage, 0.9, {"doc_id": "d", "title": "Eastport Ferry Partnership Report"}
    )
    draft = (
        "Boats found adrift are referred to the Eastport Ferry Partnership and the pilots' office."
    )
    v = judge_with(BODIES, draft, titled)
    assert v.verdict == "conflict", v.reasons
    assert v.document_value == "Port Police"
    right = "Boats found adrift are referred to the Port Police and the pilots' office."
    assert judge_with(BODIES, right, titled).verdict == "supported"


def test_a_year_in_the_passage_dates_own_words_is_compared_with_that_date() -> None:
    passage = "The harbour survey was repeated in spring 2024 using 2022/23 data."
    draft = "The harbour survey was repeated in spring 2023 using 2022/23 data."
    wrong = judge_with(BODIES, draft, _doc(passage))
    assert wrong.verdict == "conflict", wrong.reasons
    assert wrong.document_value == "2024"
    draft = "The harbour survey was repeated in spring 2024 using 2022/23 data."
    right = judge_with(BODIES, draft, _doc(passage))
    assert right.verdict == "supported", right.reasons


def test_a_headline_states_a_change_without_a_verb() -> None:
    def said(text: str) -> list[str]:
        return [m.group(1) for m in lang.HEADLINE_CHANGE.finditer(text)]

    assert said("Boat theft up across Eastport as cases reach 90") == ["up"]
    assert said("Pier damage down in Westhaven") == ["down"]
    # a verb's particle is no change, and CHANGE_UP reads "went up" itself
    for text in (
        "Drop-in hubs were set up in Eastport",
        "She grew up in Westhaven",
        "Two kiosks closed down in Eastport",
        "Thefts went up in Eastport",
        "Boat theft is up by 12%",
    ):
        assert said(text) == [], text


def test_a_headline_change_against_the_passage_direction_is_a_conflict() -> None:
    passage = "Boat thefts at Eastport fell from 64 in 2022 to 41 in 2023."
    v = _judge_one("Boat theft up across Eastport as thefts reach 41", passage)
    assert v.verdict == "conflict", v.reasons
    assert v.element == "direction"
    right = _judge_one("Boat theft down across Eastport as thefts reach 41", passage)
    assert right.verdict == "supported", right.reasons


def _judge_one(draft: str, passage: str):
    return judge_with(BODIES, draft, _doc(passage))
