"""Wording check, round 9: a figure dated by its passage's other sentence or its document's table.

Every text here is invented (a harbour county), not from the eval sets.
"""

from __future__ import annotations

from assistant.claims import GlossaryRules
from assistant.wording import Aligned
from tests.wording_helpers import judge_with

RULES = GlossaryRules({"places": ["Eastport", "Westhaven", "Northcliff", "Harbourshire"]})


def _passage(text: str, best: str, score: float, doc_id: str = "d") -> Aligned:
    return Aligned(best, text, score, {"doc_id": doc_id, "title": doc_id, "section": ""}, "current")


def test_a_figure_takes_the_period_of_a_sentence_on_the_same_subject() -> None:
    text = (
        "The harbour survey ran from March to May 2025. It was open to every mooring holder. "
        "In total the harbour survey received 740 replies."
    )
    passage = _passage(text, "The harbour survey ran from March to May 2025.", 0.8)
    right = "Some 740 replies came in to the harbour survey, which ran in the spring of 2025."
    assert judge_with(RULES, right, passage).verdict == "supported"
    wrong = "Some 740 replies came in to the harbour survey, which ran in the spring of 2024."
    assert judge_with(RULES, wrong, passage).verdict != "supported"


def test_a_sentence_opening_on_another_subject_does_not_date_the_figure() -> None:
    text = (
        "In 2023, as chair of the board, she brought the harbour partners together. "
        "The year has brought real progress. "
        "Harbour partners made 52 referrals to protect boat owners."
    )
    passage = _passage(text, "Harbour partners made 52 referrals to protect boat owners.", 0.8)
    draft = "Harbour partners made 52 referrals in 2023 to protect boat owners."
    assert judge_with(RULES, draft, passage).verdict != "supported"
    other = (
        "The lifeboat station reopened in 2025. It was open to every mooring holder. "
        "In total the harbour survey received 740 replies."
    )
    passage = _passage(other, "In total the harbour survey received 740 replies.", 0.8)
    draft = "Some 740 replies came in to the harbour survey in 2025."
    assert judge_with(RULES, draft, passage).verdict != "supported"


def _burglary() -> tuple[Aligned, Aligned]:
    prose = "Boat theft fell by 8.2% and remains well below its earlier peak."
    table = (
        "Table 2: Theft in Harbourshire, 2023/24 and 2024/25 Boat theft | 2023/24: 410; "
        "2024/25: 376; Change: down 8.2%"
    )
    return _passage(prose, prose, 0.8), _passage(table, table, 0.5)


def test_a_period_is_found_in_a_table_of_the_same_document_giving_the_same_figure() -> None:
    prose, table = _burglary()
    draft = "Boat theft fell by 8.2% in 2024/25 and remains well below its earlier peak."
    assert judge_with(RULES, draft, prose, table).verdict == "supported"


def test_the_base_period_of_a_change_or_a_passage_stating_otherwise_does_not_date_it() -> None:
    prose, table = _burglary()
    base = "Boat theft fell by 8.2% in 2023/24 and remains well below its earlier peak."
    assert judge_with(RULES, base, prose, table).verdict != "supported"
    rose = table.text.replace("down 8.2%", "up 8.2%").replace("376", "444")
    other = Aligned(rose, rose, 0.5, {"doc_id": "e", "title": "e"}, "current")
    draft = "Boat theft fell by 8.2% in 2024/25 and remains well below its earlier peak."
    assert judge_with(RULES, draft, prose, other).verdict != "supported"
    elsewhere = Aligned(table.text, table.passage, 0.4, {"doc_id": "e", "title": "e"}, "current")
    assert judge_with(RULES, draft, prose, elsewhere).verdict == "supported"


def test_every_in_a_frequency_is_no_overclaim_but_every_group_still_is() -> None:
    passage = _passage(
        "The harbour plan came into force on 1 May 2024 and is reviewed annually.",
        "The harbour plan came into force on 1 May 2024 and is reviewed annually.",
        0.8,
    )
    wrong = "The harbour plan came into force on 1 May 2023 and is reviewed every year."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "date")
    right = "The harbour plan came into force on 1 May 2024 and is reviewed every year."
    assert judge_with(RULES, right, passage).verdict == "supported"
    plain = "The harbour plan came into force on 1 May 2024."
    group = "The harbour plan came into force on 1 May 2024 for every harbour."
    assert "overclaim" in judge_with(RULES, group, _passage(plain, plain, 0.8)).reasons[0]


def test_the_place_of_a_part_is_not_the_place_of_its_whole() -> None:
    text = (
        "Nine of the 15 moorings are in Eastport and six are in Westhaven. Northcliff has four "
        "moorings, including the Old Pier; Westhaven has three."
    )
    passage = _passage(text, "Northcliff has four moorings, including the Old Pier.", 0.8)
    right = "Four of the 15 moorings are in Northcliff, the Old Pier among them."
    assert judge_with(RULES, right, passage).verdict == "supported"
    wrong = "Four of the 15 moorings are in Westhaven."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element) == ("conflict", "place")


def test_the_earlier_value_of_a_change_sits_in_the_row_of_its_newer_value() -> None:
    table = (
        "Table 3: Harbour offences\n"
        "Recorded harbour offences (local count) | Harbourshire, 2024/25: 880; "
        "Change since 2023/24: Down 3.1% (from 908)\n"
        "Share of harbour offences that is alcohol-related | Harbourshire, 2024/25: 36%; "
        "Change since 2023/24: Up from 33%"
    )
    row = (
        "Table 3: Harbour offences Share of harbour offences that is alcohol-related | "
        "Harbourshire, 2024/25: 36%; Change since 2023/24: Up from 33%"
    )
    passage = _passage(table, row, 0.8)
    right = (
        "Alcohol now lies behind 36% of recorded harbour offences in Harbourshire, up from 33% a "
        "year earlier."
    )
    assert judge_with(RULES, right, passage).verdict == "supported"
    wrong = (
        "Alcohol now lies behind 36% of recorded harbour offences in Harbourshire, up from 31% a "
        "year earlier."
    )
    assert judge_with(RULES, wrong, passage).verdict == "conflict"


def test_a_place_the_glossary_does_not_list_is_still_a_conflict_in_the_same_slot() -> None:
    text = "Harbour Gaol, the county's only gaol, is a small training gaol near Saltby."
    passage = _passage(text, text, 0.85)
    wrong = "Harbour Gaol, a small training gaol near Eastport, is the county's only gaol."
    verdict = judge_with(RULES, wrong, passage)
    assert (verdict.verdict, verdict.element, verdict.document_value) == (
        "conflict",
        "place",
        "Saltby",
    )
    elsewhere = "Harbour Gaol, the county's only gaol, takes men from Eastport."
    assert judge_with(RULES, elsewhere, passage).verdict != "supported"


def test_a_tables_change_is_for_the_rows_latest_period_not_its_base() -> None:
    text = (
        "Table 2: Theft in Harbourshire, 2023/24 and 2024/25\n"
        "Boat theft | 2023/24: 410; 2024/25: 376; Change: down 8.2%\n"
        "Bicycle theft | 2023/24: 150; 2024/25: 162; Change: up 8.0%"
    )
    best = (
        "Table 2: Theft in Harbourshire Boat theft | 2023/24: 410; 2024/25: 376; Change: down 8.2%"
    )
    table = _passage(text, best, 0.8)
    verdict = judge_with(RULES, "Boat theft fell by 8.2% in 2023/24.", table)
    assert (verdict.verdict, verdict.element, verdict.document_value) == (
        "conflict",
        "date",
        "2024/25",
    )
    assert judge_with(RULES, "Boat theft fell by 8.2% in 2024/25.", table).verdict == "supported"


def test_a_base_period_is_not_found_inside_another_sentences_span_of_years() -> None:
    text = (
        "We now aim to cut boat theft by 10% by March 2027. The Harbour Plan 2024-2028 sets "
        "out how partners will get there."
    )
    passage = _passage(text, "We now aim to cut boat theft by 10% by March 2027.", 0.8)
    wrong = "Partners aim to cut boat theft by a tenth by March 2027, compared with 2024/25."
    assert judge_with(RULES, wrong, passage).verdict != "supported"
    measured = _passage(
        "We now aim to cut boat theft by 10% by March 2027, measured against 2023/24.",
        "We now aim to cut boat theft by 10% by March 2027, measured against 2023/24.",
        0.8,
    )
    right = "Partners aim to cut boat theft by a tenth by March 2027, compared with 2023/24."
    assert judge_with(RULES, right, measured).verdict == "supported"
