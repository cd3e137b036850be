"""Wording check, what a claim is said of: a figure's place and period, a bare comparative.

Every text here is invented (a harbour town, its ferries and moorings), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant import name_check
from assistant.claims import GlossaryRules
from assistant.wording import Aligned, judge
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules(
    {
        "places": ["Eastport", "Westhaven", "Northcliff"],
        "corpus_text": "harbour ferry theft eastport westhaven northcliff",
    }
)


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


# --- a figure's place, when it sits in another clause than the figure -------------------------

PLACED = _doc(
    "Eastport has the most moorings; Westhaven's ferry theft and vandalism rate of 4.2 per "
    "1,000 is close to the county rate of 4.5."
)


def test_a_figures_place_in_another_clause_is_checked() -> None:
    v = _judge(
        "At 4.2 per 1,000, the ferry theft and vandalism rate in Eastport is close to the "
        "county's 4.5.",
        PLACED,
    )
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "place",
        "Eastport",
        "Westhaven",
    )


def test_the_right_place_in_another_clause_is_supported() -> None:
    v = _judge(
        "At 4.2 per 1,000, the ferry theft and vandalism rate in Westhaven is close to the "
        "county's 4.5.",
        PLACED,
    )
    assert v.verdict == "supported"


def test_a_sentence_naming_two_places_is_not_given_one_of_them() -> None:
    # neither place is in the figure's clause and the draft names two: no place is read
    doc = _doc("The ferry theft and vandalism rate of 4.2 per 1,000 is close to the county's 4.5.")
    v = _judge(
        "At 4.2 per 1,000, the ferry theft and vandalism rate is close to the county's 4.5, "
        "as in Eastport and Northcliff.",
        doc,
    )
    assert v.element != "place"


# --- a figure the documents have since replaced ----------------------------------------------

OLD = _doc("The harbour review found 81 ferry thefts in 2022/23, up 12% on the year before.", 0.9)
TABLE = _doc("Ferry thefts | 2022/23: 81; 2023/24: 77", 0.6)


def test_an_undated_figure_a_table_gives_a_later_value_for_is_outdated() -> None:
    v = _judge("The latest figures show 81 ferry thefts, up 12% on the year before.", OLD, TABLE)
    assert (v.verdict, v.draft_value) == ("outdated", "81")
    assert "77" in v.document_value
    assert "earlier period" in v.reasons[-1]


def test_the_same_figure_given_for_its_year_is_supported() -> None:
    v = _judge("In 2022/23 there were 81 ferry thefts, up 12% on the year before.", OLD, TABLE)
    assert v.verdict == "supported"


# --- a bare comparative ------------------------------------------------------------------------

MOORED = _doc(
    "Ferry thefts are considerably higher among boats moored overnight in the outer harbour."
)


def test_an_opposite_bare_comparative_is_a_direction_conflict() -> None:
    v = _judge(
        "Ferry thefts are considerably lower among boats moored overnight in the outer harbour.",
        MOORED,
    )
    assert (v.verdict, v.element) == ("conflict", "direction")
    assert "higher" in v.document_value
    ok = _judge(
        "Ferry thefts are much higher among boats moored overnight in the outer harbour.", MOORED
    )
    assert ok.verdict == "supported"


def test_a_comparison_turned_round_is_no_clash() -> None:
    # "lower than" names what it is compared with: the two say the same thing
    draft = "ferry thefts in Eastport are lower than in Westhaven"
    backing = "ferry thefts in Westhaven are higher than in Eastport"
    assert lang.polarity_clash(draft, backing) == ""
    assert lang.polarity_clash(
        "thefts are lower among small boats", "thefts are higher among small boats"
    )


# --- who holds a post, and which edition a passage speaks of ----------------------------------


def test_a_post_placed_in_a_body_is_matched_through_the_bodys_short_form() -> None:
    acronyms = {"OHM": "Office of the Harbour Master"}
    theirs = "ohm head of berthing and moorings"
    assert name_check.placed_post(
        "head of berthing and moorings at the harbour master's office", theirs, acronyms
    )
    assert not name_check.placed_post(
        "head of berthing and moorings at eastport council", theirs, acronyms
    )
    assert not name_check.placed_post(
        "head of fisheries at the harbour master's office", theirs, acronyms
    )
    rules = GlossaryRules(
        {
            "acronyms": [{"term": "OHM", "expansion": "Office of the Harbour Master"}],
            "corpus_text": "quay watch group ohm head of berthing",
        }
    )
    doc = _doc("The Quay Watch Group is chaired by the OHM Head of Berthing and Moorings.")
    ok = judge(
        "The Quay Watch Group is chaired by the Head of Berthing and Moorings at the Harbour "
        "Master's office.",
        [doc],
        [doc],
        rules,
    )
    assert ok.verdict == "supported"
    wrong = judge(
        "The Quay Watch Group is chaired by the Head of Berthing and Moorings at Eastport Council.",
        [doc],
        [doc],
        rules,
    )
    assert (wrong.verdict, wrong.element) == ("conflict", "body")


def test_a_name_that_fits_every_edition_speaks_of_none() -> None:
    titles = {t: t for t in ("Harbour Plan 2019", "Harbour Plan: 2024 Refresh")}
    old = ["Harbour Plan 2019"]
    series = "The board reports on the Harbour Plan delivery and its annual refresh."
    assert lang.quoted_edition(series, "", titles, old, apart=True) == ""
    assert lang.quoted_edition(series, "", titles, old) == "Harbour Plan 2019"  # the answers' use
    assert lang.quoted_edition(
        "The Harbour Plan 2019 set a 5% target.", "", titles, old, apart=True
    ) == ("Harbour Plan 2019")


def test_a_draft_naming_the_newer_edition_is_not_about_the_replaced_one() -> None:
    titles = [
        "Harbour Safety Plan 2019",
        "Harbour Safety Plan: 2024 Annual Refresh",
        "Ferry Report",
    ]
    old = "Harbour Safety Plan 2019"
    assert lang.names_newer_edition("the refreshed plan was reviewed in 2019", old, titles)
    assert not lang.names_newer_edition("the first plan was reviewed in 2019", old, titles)
    assert not lang.names_newer_edition("the refreshed ferry timetable", old, ["Ferry Report", old])
    rules = GlossaryRules(
        {"titles": titles, "superseded_titles": [old], "corpus_text": "harbour youth panel"}
    )
    doc = _doc("The youth panel, proposed in the 2019 plan, met in 2021 and reviewed this refresh.")
    v = judge(
        "The youth panel, which first met in 2021, reviewed the refreshed plan.",
        [doc],
        [doc],
        rules,
    )
    assert v.verdict == "supported"
    w = judge("The youth panel, which first met in 2021, reviewed the plan.", [doc], [doc], rules)
    assert w.verdict == "outdated"  # the passage speaks of the 2019 plan, the draft of no other


def test_a_draft_saying_several_bodies_were_all_absorbed_is_not_outdated() -> None:
    assert lang.NO_LONGER.search("the quay patrols and the ferry watch were all absorbed into it")
    assert lang.NO_LONGER.search("the port authority was later merged with the board")
    assert not lang.NO_LONGER.search("the port authority was all ears")
    rules = GlossaryRules(
        {
            "renamed_bodies": [
                {
                    "old": "Port Police Authority",
                    "patterns": ["Port Police Authority"],
                    "successor": "Harbour Safety Board",
                    "changed": "2020-04-01",
                }
            ],
            "corpus_text": "port police authority quay watch harbour safety board",
        }
    )
    text = "In 2020 the Port Police Authority and the Quay Watch were both absorbed into the board."
    doc = _doc(text)
    assert judge(text, [doc], [doc], rules).verdict == "supported"


# --- a period the sentence opens on; a rate's base at the end of the figure's noun phrase -----

KSI = _doc(
    "Table 4: Ferry thefts and boat thefts, 2019 to 2021\n\n"
    "2019 | Ferry: 27; Boat: 291; Total thefts: 318\n"
    "2020 | Ferry: 21; Boat: 241; Total thefts: 262\n"
    "2021 | Ferry: 24; Boat: 272; Total thefts: 296",
    0.8,
)


def test_a_period_the_sentence_opens_on_dates_its_figure() -> None:
    v = _judge("In 2020, 318 ferry thefts were recorded.", KSI)
    assert (v.verdict, v.element, v.draft_value) == ("conflict", "date", "2020")
    assert _judge("In 2019, 318 ferry thefts were recorded.", KSI).verdict == "supported"


def test_an_opening_period_does_not_date_the_earlier_value_of_a_change() -> None:
    from assistant.claims import _attached_period  # noqa: PLC2701 - the reading under test

    text = "In 2023/24, there were 584 ferry thefts, down from 641."
    assert _attached_period(text, 23, 26) == (2023, 2024)
    assert _attached_period(text, 51, 54) is None


RATES = _doc("Eastport | Ferry thefts per 1,000: 6.4; Boat crime per 1,000: 2.1", 0.8)


def test_a_rate_base_at_the_end_of_a_long_noun_phrase_is_the_figures_unit() -> None:
    v = _judge(
        "Eastport recorded 6.4 reported ferry thefts from moorings per 100,000 residents.", RATES
    )
    assert (v.verdict, v.element) == ("conflict", "number")
    assert "per 1,000" in v.document_value
    same = "Eastport recorded 6.4 reported ferry thefts from moorings per 1,000 residents."
    assert _judge(same, RATES).verdict == "supported"


# --- a figure given as is for another place: the place is the conflict named ------------------

BY_TOWN = _doc(
    "Table 2: Ferry thefts per 1,000 by town, 2022/23\n\nEastport | Thefts per 1,000: 64.0\n"
    "Westhaven | Thefts per 1,000: 70.5\nNorthcliff | Thefts per 1,000: 55.2",
    0.8,
)


def test_a_figure_the_passage_gives_for_another_place_names_the_place() -> None:
    v = _judge("Westhaven recorded 64.0 ferry thefts per 1,000 in 2022/23.", BY_TOWN)
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "place",
        "Westhaven",
        "Eastport",
    )
    # the corrected sentence moves the figure back to its place and keeps the figure
    assert v.corrected == "Eastport recorded 64.0 ferry thefts per 1,000 in 2022/23."


def test_a_figure_the_passage_gives_nowhere_is_still_the_number() -> None:
    v = _judge("Westhaven recorded 66.0 ferry thefts per 1,000 in 2022/23.", BY_TOWN)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "number", "70.5")
