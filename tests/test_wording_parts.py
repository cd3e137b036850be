"""Wording check: a part given with its whole, a table row's own words, a row's change cell.

Every text here is invented (a harbour town, its ferries and moorings), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules
from assistant.wording import Aligned
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven"],
        "corpus_text": "harbour ferry mooring patrol eastport westhaven",
    }
)


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


# --- a part given before its whole ---------------------------------------------------------------

PATROLS = _doc(
    "There were 50 harbour patrols in Westhaven in 2023, of which 12 were made at night."
)


def test_a_part_given_with_its_whole_is_supported() -> None:
    v = _judge("In 2023, 12 of the 50 harbour patrols in Westhaven took place at night.", PATROLS)
    assert v.verdict == "supported", v.reasons


def test_a_part_and_whole_swapped_is_a_conflict() -> None:
    v = _judge("In 2023, 50 of the 12 harbour patrols in Westhaven took place at night.", PATROLS)
    assert v.verdict == "conflict"


# --- a table row says what it measures in its text cells, not only its label ------------------

ROWS = _doc(
    "Table 3: Harbour outcomes. "
    "Safer quaysides | Measure: Mooring thefts reported to the harbour master; 2023: 140; "
    "2024: 120\n"
    "Fewer mooring disputes | Measure: Ferry crossings cancelled for disorder; 2023: 9; 2024: 12"
)


def test_a_rows_text_cells_say_what_its_figure_measures() -> None:
    v = _judge("Mooring thefts reported to the harbour master came to 120 in 2024.", ROWS)
    assert v.verdict == "supported", v.reasons


def test_a_figure_from_another_row_is_still_a_conflict() -> None:
    v = _judge("Mooring thefts reported to the harbour master came to 12 in 2024.", ROWS)
    assert v.verdict == "conflict"


# --- a row's change cell states its direction ----------------------------------------------------

CHANGE = _doc(
    "Table 4: Ferry patrol results. "
    "Disorder reports at the 6 landings | Before: May to August 2023: 300; "
    "After: May to August 2024: 210; Change: down 30%"
)


def test_a_rows_change_cell_backs_the_direction() -> None:
    v = _judge(
        "Disorder reports at the 6 landings fell from 300 to 210 between May and August 2024.",
        CHANGE,
    )
    assert v.verdict == "supported", v.reasons


def test_a_rows_change_cell_contradicts_the_other_direction() -> None:
    v = _judge(
        "Disorder reports at the 6 landings rose to 210 between May and August 2024.", CHANGE
    )
    assert (v.verdict, v.element) == ("conflict", "direction")


# --- a negation in another sentence of the backing text denies nothing -------------------------


def test_a_negation_in_another_sentence_is_no_clash() -> None:
    backing = (
        "The counts are small and should not be compared with large ports. "
        "Ferry checks | Eastport: 40 ferry checks"
    )
    assert lang.polarity_clash("Eastport ran 40 ferry checks.", backing) == ""
    assert lang.polarity_clash("Eastport ran no ferry checks.", "Eastport ran 40 ferry checks.")


# --- what a figure counts, and each month named ------------------------------------------------

FERRIES = _doc("The harbour trust carried 1,200 adults on its free winter ferries in 2024.")


def test_the_noun_a_figure_counts_must_be_the_passages() -> None:
    v = _judge(
        "The harbour trust carried 1,200 children on its free winter ferries in 2024.", FERRIES
    )
    assert v.verdict != "supported"
    assert "children" in " ".join(v.reasons)


def test_the_same_noun_is_supported() -> None:
    v = _judge(
        "In 2024 the harbour trust carried 1,200 adults on its free winter ferries.", FERRIES
    )
    assert v.verdict == "supported", v.reasons


MEETS = _doc("The harbour board meets four times a year, in January, April, July and October.")


def test_a_month_the_passage_does_not_name_is_not_supported() -> None:
    v = _judge(
        "The harbour board meets four times a year, in January, April, July and November.", MEETS
    )
    assert v.verdict != "supported"


def test_the_passages_months_are_supported() -> None:
    v = _judge(
        "The harbour board meets four times a year: in January, April, July and October.", MEETS
    )
    assert v.verdict == "supported", v.reasons


def test_a_qualifier_added_to_a_figure_the_passage_counts_the_same_is_supported() -> None:
    table = _doc("Table 2: Harbour casework\nCases heard at the quay panel | 2023: 310; 2024: 340")
    v = _judge("The quay panel heard 340 high-priority mooring cases in 2024.", table)
    assert v.verdict == "supported", v.reasons


RATES = _doc(
    "Table 5: Ferry thefts per 1,000 residents, 2024\nEastport | Ferry thefts: 3.1\n"
    "Westhaven | Ferry thefts: 2.4"
)


def test_a_rates_base_must_be_the_passages() -> None:
    v = _judge("Eastport had a ferry theft rate of 3.1 per 1,000 businesses in 2024.", RATES)
    assert v.verdict != "supported"


def test_a_rate_per_head_of_population_is_one_base() -> None:
    v = _judge("Eastport had a ferry theft rate of 3.1 per 1,000 people in 2024.", RATES)
    assert v.verdict == "supported", v.reasons


def test_an_ordinal_the_passage_does_not_use_is_a_conflict() -> None:
    trial = _doc("The ferry trial ran 400 extra crossings in its first six months.")
    v = _judge("The ferry trial ran 400 extra crossings in its second six months.", trial)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "number", "first")
    assert _judge(
        "In its first six months the ferry trial ran 400 extra crossings.", trial
    ).verdict == ("supported")


# --- a frequency is said of the body named before it --------------------------------------------

BOARDS = _doc(
    "The Harbour Safety Board meets four times a year and is chaired by the Harbour Master. "
    "The Ferry Users Forum reports to it once a year."
)


BOARD_RULES = GlossaryRules(
    {"corpus_text": "the harbour safety board meets four times a year. the ferry users forum"}
)


def test_a_frequency_given_to_another_body_of_the_passage_is_a_conflict() -> None:
    v = judge_with(BOARD_RULES, "The Ferry Users Forum meets four times a year.", BOARDS)
    assert (v.verdict, v.element) == ("conflict", "body")


def test_a_frequency_given_to_its_own_body_is_supported() -> None:
    v = judge_with(BOARD_RULES, "The Harbour Safety Board meets four times a year.", BOARDS)
    assert v.verdict == "supported", v.reasons


# --- a place said to lie in another -------------------------------------------------------------

WARDS = _doc("Patrols focus on the Quayside ward of Eastport and the Old Town area of Westhaven.")
WARD_RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven", "Quayside", "Old Town"],
        "corpus_text": "patrols ward eastport westhaven quayside old town",
    }
)


def test_a_ward_moved_to_the_other_town_is_a_conflict() -> None:
    v = judge_with(WARD_RULES, "Patrols focus on the Quayside ward of Westhaven.", WARDS)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "place", "Eastport")


def test_a_ward_in_its_own_town_is_supported() -> None:
    v = judge_with(WARD_RULES, "Patrols focus on the Quayside ward of Eastport.", WARDS)
    assert v.verdict == "supported", v.reasons


# --- a list of aims, a holder reworded ---------------------------------------------------------


def test_a_change_word_in_a_list_of_aims_is_no_change() -> None:
    aims = _doc("The harbour plan's four aims are safe moorings, ferry theft prevention and trust.")
    v = _judge(
        "The harbour plan has four aims, including safe moorings, reducing ferry thefts and "
        "building trust.",
        aims,
    )
    assert v.verdict == "supported", v.reasons


def test_a_holder_reworded_in_another_order_is_the_passages() -> None:
    led = _doc("Each landing has its own patrol, led by a safety officer from Eastport Council.")
    v = _judge("Each landing has its own patrol, led by a council safety officer.", led)
    assert v.verdict == "supported", v.reasons
    other = _judge("Each landing has its own patrol, led by a harbour police sergeant.", led)
    assert other.verdict == "conflict"
    chaired = _doc("The Quay Board is chaired by the Deputy Harbour Master of Eastport Council.")
    higher = _judge("The Quay Board is chaired by the Harbour Master.", chaired)
    assert higher.verdict == "conflict"
