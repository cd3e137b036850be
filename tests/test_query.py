"""Typed questions: follow-ups, parts, kinds, targets and constraints (pure; invented text)."""

from __future__ import annotations

import pytest

from assistant.language import proper_names
from assistant.query import (
    answer_kind,
    count_phrase,
    count_target,
    is_follow_up,
    list_target,
    occurrence,
    parse_query,
    said_as,
    whole_phrase,
)

NAMES = frozenset({"northvale", "eastmere", "lighthouse"})


@pytest.mark.parametrize(
    ("question", "follows"),
    [
        ("and in Eastmere?", True),
        ("who chairs it?", True),
        ("what about the year before?", True),
        ("is that up or down on the year before", True),
        ("how many volunteers joined those patrols in 2024?", True),
        ("who did she replace", True),
        ("same for Eastmere?", True),  # the question before, asked of somewhere else
        ("the same again for 2022?", True),
        ("Is the same rule used in Eastmere harbour?", False),
        ("What is Lighthouse?", False),
        ("what's Lighthouse", False),
        ("How many volunteers joined the coastal patrol scheme in 2024?", False),
    ],
)
def test_follow_up_detection(question: str, follows: bool) -> None:
    assert is_follow_up(question) is follows


def test_a_follow_up_keeps_the_earlier_turn_as_a_field_and_restates_one_constraint() -> None:
    first = parse_query("burglary rate in Northvale in 2023/24?", names=NAMES)
    second = parse_query("and in Eastmere?", [first], names=NAMES)
    assert second.context == ("burglary rate in Eastmere in 2023/24?",) and not second.standalone
    assert {c.text for c in second.constraints} == {"eastmere", "2023/24"}
    assert second.kind == first.kind == "number"


def test_a_pipe_typed_by_the_user_changes_nothing() -> None:
    plain = parse_query("who chairs the harbour board", names=NAMES)
    piped = parse_query("who chairs the harbour | board", names=NAMES)
    assert piped.standalone and piped.kind == plain.kind and not piped.parts


def test_a_question_asking_two_things_has_parts_and_a_leaning_part_carries_the_first() -> None:
    q = parse_query("Where is the Lighthouse project based, and which council funds it?")
    first, second = (p.text for p in q.parts)
    assert (first, second) == ("Where is the Lighthouse project based", "which council funds it?")
    assert q.parts[1].context == ("Where is the Lighthouse project based",)
    own = parse_query("Who chairs the harbour board and who chairs the river board?")
    assert all(p.standalone for p in own.parts)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("According to the staffing table, who leads the night shift?", "row"),
        ("How many lifeboats were launched?", "count"),
        ("Is vandalism going up or down?", "change"),
        ("have the pier patrols made a dent in vandalism", "change"),
        ("any impact from the curfew on noise complaints?", "change"),
        ("lifeboat launches - are they going up?", "change"),
        ("is pier vandalism still rising", "change"),
        ("has noise at the quay come down at all", "change"),
        ("harbour thefts over three years, is it on the rise?", "change"),
        ("is that up on the year before", "change"),
        ("has the harbour board been set up", ""),
        ("are we better or worse than the national average on rescues", "compare"),
        ("did the crews launch more boats this year than last", "compare"),
        ("pier thefts per 1000 people - is eastmere or northvale worse", "compare"),
        ("which is safer after dark, eastmere or northvale?", "compare"),
        ("is the quay more or less the same as last year", ""),
        ("were there more or fewer rescues in 2023", ""),
        ("who chairs the board rather than the council", ""),
        ("which harbours had more than 100 thefts?", "list"),  # the harbours: no comparison
        ("since when has the curfew applied?", "date"),
        ("What are the harbour board's aims?", "list"),
        ("What was the burglary rate per 1,000 homes?", "number"),
        ("Who chairs the harbour board?", ""),
    ],
)
def test_answer_kind(question: str, kind: str) -> None:
    assert answer_kind(question) == kind


def test_how_many_of_the_whole_were_a_part_asks_about_the_part() -> None:
    from assistant.query import subgroup_words, whole_words

    assert subgroup_words("how many of the ferry passengers were women?") == ("women",)
    assert subgroup_words("how many of the 40 thefts involved under-18s") == ("18",)
    # the figure names the part; the words around it paraphrase ("lowest 5%" = "most deprived 5%")
    assert subgroup_words("how many of the parishes are in the lowest 5% nationally") == ("5",)
    assert subgroup_words("how many ferry passengers were women?") == ()
    assert subgroup_words("how many of the piers have one of those on them") == ()
    assert subgroup_words("of the 30 panel cases, how many were closed early") == (
        "closed",
        "early",
    )
    assert whole_words("of the 30 panel cases, how many were closed early") == ("panel", "cases")
    assert whole_words("how many of the 40 thefts involved under-18s") == ("thefts",)
    assert whole_words("how many of them were women?") == ()
    q = parse_query("how many of them came from schools")
    assert ("group", "schools") in [(c.kind, c.text) for c in q.constraints]


def test_a_breakdown_asked_for_is_a_split_constraint() -> None:
    from assistant.query import split_units

    assert split_units("how many ferry crossings in each harbour?") == ("harbour",)
    assert split_units("lifeboat launches broken down by station") == ("station",)
    assert split_units("which piers had the most landings in 2024") == ("pier",)
    assert split_units("how many lifeboat launches in 2024 by the crew?") == ()
    assert split_units("landings split by age") == ()  # an age is a type of value, checked so
    q = parse_query("launches in each harbour")
    assert [(c.kind, c.text) for c in q.constraints] == [("split", "harbour")]


def test_the_base_of_a_rate_is_not_a_name_asked_about() -> None:
    names = frozenset({"head", "harbourside"})
    q = parse_query("lifeboat launches per head in harbourside", names=names)
    assert [c.text for c in q.constraints if c.kind == "name"] == ["harbourside"]


def test_targets() -> None:
    assert count_target("How many lifeboats were launched last winter?") == "lifeboats"
    assert count_target("how many went out?") == ""
    assert list_target("What are the harbour board's aims?") == "aims"
    assert list_target("list the harbour plan priorities") == "priorities"
    assert parse_query("What is the Lighthouse scheme?").kind == "define"
    assert parse_query("whats lighthouse").target == "lighthouse"
    assert parse_query("what is the population of Westbrook?").kind != "define"
    assert count_target("how many lifeboats launched in 2024") == "lifeboats"  # a participle
    assert count_target("how many ended up at the harbour court") == ""  # a verb, no noun
    assert count_target("how many arrests and weapons seized on those patrols") == "weapons"
    # a verb and its particle end the noun phrase; an adverb before the verb is no noun
    assert count_target("how many walkers ended up in the cottage hospital") == "walkers"
    assert count_target("how many really ended up back at the ferry port") == ""
    assert count_phrase("how many ferry crews signed up for the course") == ("ferry", "crews")


def test_how_many_times_counts_the_happening_not_the_times() -> None:
    assert count_target("how many times did ferries run aground last year?") == "aground"
    assert count_target("how many times were lifeboats launched in 2024") == "launched"
    assert count_phrase("how many times did walkers get lost this year and why") == ("lost",)
    assert occurrence("how many times a year does the board meet?") == ()  # a frequency
    assert occurrence("how many times higher is the harbour rate?") == ()  # a ratio


def test_constraints_are_typed_values() -> None:
    q = parse_query("lifeboat launches in northvale for 22/23 rather than eastmere", names=NAMES)
    assert {(c.kind, c.text) for c in q.constraints} == {
        ("period", "2022/23"),
        ("name", "northvale"),
    }
    assert q.asked_periods == {(2022, 2023)}


def test_proper_names_are_learned_from_capitalisation_in_the_corpus() -> None:
    texts = [
        "Patrols ran in Northvale and in Eastmere, and the Lighthouse scheme grew.",
        "In Northvale the scheme met weekly; the lighthouse keeper retired.",
        "Cases fell in Eastmere in March.",
        "Figures for the county are in the annex.",
    ]
    names = proper_names(texts, max_share=0.9)
    assert {"northvale", "eastmere"} <= names
    assert "lighthouse" not in names and "march" not in names and "scheme" not in names


def test_a_follow_up_asks_what_the_earlier_turn_asked() -> None:
    first = parse_query("What are the harbour board's aims?")
    second = parse_query("which of those are new?", [first])
    assert second.kind == "list" and second.target == "aims"
    assert parse_query("Who chairs the harbour board?").target == ""
    counted = parse_query("how many ferry crossings were there in 2023/24?")
    assert parse_query("and in 2024/25?", [counted]).kind == "count"
    chair = parse_query("who chairs the harbour board?")
    assert parse_query("what's their name?", [chair]).value == "person"  # read with the turn
    own = parse_query("what was the busiest month in those?", [counted])  # its own question
    assert (own.kind, own.target) == ("", "") and own.context


def test_the_type_of_value_asked_for_is_typed_and_kept_by_a_follow_up() -> None:
    first = parse_query("how much funding did the harbour board get in 2023/24?")
    assert first.value == "money"
    assert parse_query("and in 2024/25?", [first]).value == "money"
    assert parse_query("Who chairs the harbour board?").value == "role"


def test_a_follow_up_that_restates_a_place_or_period_puts_it_in_the_earlier_question() -> None:
    names = frozenset({"northvale", "eastmere"})
    first = parse_query("how many beacons are in Northvale in 2023/24?", names=names)
    second = parse_query("and in Eastmere?", [first], names=names)
    assert second.context == ("how many beacons are in Eastmere in 2023/24?",)
    third = parse_query("what about 24/25?", [second], names=names)
    assert third.context == ("and in Eastmere?", "how many beacons are in Eastmere in 24/25?")


def test_each_part_carries_the_documents_it_names() -> None:
    titles = {"plan": "Harbour Safety Plan 2024-2027", "deal": "Northvale Lantern Agreement"}
    query = parse_query(
        "who leads beacons in the Harbour Safety Plan, and who signs the Lantern Agreement?",
        titles=titles,
    )
    assert [p.documents for p in query.parts] == [("plan",), ("deal",)]
    assert query.documents == ("plan", "deal")


def test_a_year_in_a_document_s_name_is_not_a_period_asked_for() -> None:
    assert parse_query("what did the 2023 beacon strategy say?").constraints == ()
    assert [c.text for c in parse_query("beacons in 2024 and the plan?").constraints] == ["2024"]


def _shape(q) -> tuple:
    return (q.kind, q.target, q.value, q.constraints, len(q.all_parts()), q.standalone)


@pytest.mark.parametrize(
    "hostile",
    [
        "how many beacons are in Northvale in 2023/24?\n| and | who chairs it?",
        "how many beacons | are in Northvale | in 2023/24?",
        "<script>alert(1)</script> how many beacons are in Northvale in 2023/24?",
        "how many beacons are in Northvale in 2023/24? ![x](http://127.0.0.1:9/x.png)",
        "how many beacons are in Northvale in 2023/24? [x](javascript:alert(1)) <b>&amp;</b>",
    ],
)
def test_pipes_newlines_and_markup_in_a_question_change_nothing(hostile: str) -> None:
    plain = parse_query("how many beacons are in Northvale in 2023/24?", names=NAMES)
    assert _shape(parse_query(hostile, names=NAMES)) == _shape(plain)


def test_a_follow_up_s_context_is_the_earlier_question_itself_never_joined_text() -> None:
    first = parse_query("how many beacons | are in\nNorthvale in 2023/24?", names=NAMES)
    second = parse_query("and in Eastmere? | <b>x</b>", [first], names=NAMES)
    assert second.context == ("how many beacons | are in Eastmere in 2023/24?",)
    assert second.text == "and in Eastmere? | <b>x</b>" and not second.parts
    assert {c.text for c in second.constraints} == {"eastmere", "2023/24"}


def test_the_question_s_whitespace_is_one_space_before_it_is_parsed() -> None:
    from assistant.retrieve import check_question

    assert check_question(" who chairs\nthe board?\r\n|\t ") == "who chairs the board? |"


def test_a_follow_up_asking_for_the_year_before_moves_the_period_back() -> None:
    first = parse_query("How many wardens did Eastmere fund in 2023/24?", names=NAMES)
    before = parse_query("what about the year before that?", [first], names=NAMES)
    assert before.asked_periods == {(2022, 2023)}
    assert before.context == ("How many wardens did Eastmere fund in 2022/23?",)
    own = parse_query("and in 2020/21?", [first], names=NAMES)
    assert own.asked_periods == {(2020, 2021)}  # a period it gives itself wins


def test_what_a_how_many_question_counts_is_its_whole_noun_phrase() -> None:
    from assistant.query import count_phrase

    assert count_phrase("How many harbour rescues were there in 2023?") == ("harbour", "rescues")
    assert count_phrase("how many boats?") == ("boats",)
    # a verb after the noun ends the phrase ("came" in "reports came from"), irregular or not
    assert count_phrase("how many ferry complaints came from visitors") == ("ferry", "complaints")
    assert count_target("how many ferry complaints came from visitors") == "complaints"
    assert count_phrase("who chairs the board?") == ()


def test_a_short_part_that_asks_a_value_of_its_own_is_a_part() -> None:
    from assistant.query import split_parts

    assert split_parts("lifeboat launches for 23/24, and what % was at night") == [
        "lifeboat launches for 23/24",
        "what % was at night",
    ]
    assert split_parts("who chairs the harbour board and what was it") == [
        "who chairs the harbour board; what was it"
    ]


def test_a_count_with_no_noun_of_its_own_leans_on_the_first_part() -> None:
    q = parse_query("lifeboat launches in 23/24 and how many ended up at the quay", names=NAMES)
    assert q.parts[1].context == ("lifeboat launches in 23/24",)
    own = parse_query("lifeboat launches in 23/24 and how many rescues were at the quay")
    assert own.parts[1].context == ()
    named = parse_query("lifeboat launches in 23/24 and how many were training exercises at sea")
    assert named.parts[1].context == ()


@pytest.mark.parametrize(
    ("question", "ages"),
    [
        ("how many thefts were by under 18s?", ("18",)),
        ("arrests of under-18s in Eastmere", ("18",)),
        ("share of victims aged 18-24", ("18",)),
        ("how many 16 year olds were referred?", ("16",)),
        ("falls among over 65s", ("65",)),
        ("share of crime under 10% of the total", ()),
        ("answered in under 5 minutes", ()),
    ],
)
def test_an_age_group_asked_for_is_a_constraint(question: str, ages: tuple) -> None:
    from assistant.query import age_groups, constraints_of

    assert age_groups(question) == ages
    groups = {c.text for c in constraints_of(question) if c.kind == "group"}
    assert set(ages) <= groups
    assert not {"10", "5"} & groups  # a share or a duration "under N" is no age group


def test_a_follow_up_takes_only_what_every_part_of_the_earlier_turn_shares() -> None:
    first = parse_query(
        "ferry inspections in 2023/24 and how many ended up going to Eastmere", names=NAMES
    )
    assert first.parts and "eastmere" in {c.text for c in first.constraints}
    then = parse_query("what share of those failed?", [first], names=NAMES)
    assert {c.text for c in then.constraints} == {"2023/24"}  # Eastmere was the second part's
    assert then.inherited == ("2023/24",)
    single = parse_query("ferry inspections in Eastmere in 2023/24", names=NAMES)
    again = parse_query("and how many of those failed?", [single], names=NAMES)
    assert set(again.inherited) == {"eastmere", "2023/24"}
    own = parse_query("and in Northvale?", [single], names=NAMES)
    assert own.inherited == ("2023/24",)  # the place it states is its own


def test_a_word_of_degree_is_no_part_of_the_whole_a_question_takes_from() -> None:
    from assistant.query import whole_words

    assert whole_words("how many of the least safe harbours had a warden?") == (
        "safe",
        "harbours",
    )


def test_the_whole_a_part_is_asked_of_is_named_as_the_question_says_it() -> None:
    assert whole_phrase("how many of the 340 bike thefts were solved?") == "the 340 bike thefts"
    busiest = whole_phrase("of our busiest harbours, how many are open at night")
    assert busiest == "our busiest harbours"
    assert whole_phrase("how many bike thefts were solved?") == ""


def test_constraints_are_named_as_the_question_says_them() -> None:
    q = "how many of the harbour crew lot were from northvale and eastmere?"
    assert said_as(q, ("lot", "northvale", "eastmere", "northvale")) == (
        "the harbour crew lot",
        "northvale and eastmere",
    )
    assert said_as("share of cyclists hurt who were under 16s?", ("16",)) == ("under 16s",)
    assert said_as("ferry trips in 2021/22?", ("2021/22",)) == ("2021/22",)


def test_a_particle_is_not_named_when_more_is() -> None:
    q = "of the 40 boats stolen how many were taken out of northvale"
    assert said_as(q, ("out", "northvale")) == ("northvale",)
    assert said_as(q, ("out",)) == ("out",)


def test_which_and_a_plural_noun_asks_for_the_things_as_a_list() -> None:
    from assistant.query import parse_query

    q = parse_query("which boards report to the harbour partnership?")
    assert (q.kind, q.target) == ("list", "boards")
    assert parse_query("which partner agencies sit on the ferry board").target == "agencies"
    assert parse_query("which towns had the most thefts?").kind != "list"  # one end of a scale
    assert parse_query("which year had the fewest fires?").kind != "list"
    assert parse_query("what does the harbour board do?").kind != "list"
    assert parse_query("what counts as a ferry incident?").kind != "list"  # a verb in -s
    assert parse_query("what happens to harbour fines?").kind != "list"
    assert parse_query("what new aims went into the ferry plan?").target == "aims"


def test_a_message_asks_without_who_asks_or_why() -> None:
    from assistant.query import the_ask

    cases = {
        "For the harbour committee next week, could you remind me how ferry delays have moved "
        "since 2021?": "how ferry delays have moved since 2021?",
        "Could you remind me what the four quay zones are? A trustee asked about them at the "
        "last meeting and I had no notes.": "what are the four quay zones?",
        "A skipper at the harbour forum said ferry delays went up by about 15% last year. Is "
        "that right?": "ferry delays went up last year?",
        "I'm a volunteer and worried about a boat owner at the marina. Who do I contact about "
        "a mooring complaint?": "Who do I contact about a mooring complaint?",
    }
    for message, ask in cases.items():
        assert the_ask(message) == ask
    # what the ask needs stays: a short cue, a topic the ask leans on, a purpose that constrains
    kept = (
        "when did the quay board first meet? need the date",
        "who chairs the quay board? need a name for the letter we are sending out",
        "I'm looking at ferry thefts in Northvale. How many were there in 23/24?",
        "For the 2023/24 committee report, how many ferry thefts were there?",
        "For ferry thefts, how many were recorded at the quays in 2023/24?",
    )
    for message in kept:
        assert the_ask(message) == message
    named = "For the Northvale panel, could you tell me how many ferry thefts were recorded?"
    assert the_ask(named, frozenset({"northvale"})) == named


def test_a_change_asked_inside_a_request_is_a_change() -> None:
    assert parse_query("could you remind me how ferry thefts have moved since 2021/22").kind == (
        "change"
    )
    assert parse_query("how has quay crime shifted since 2020?").kind == "change"
    assert parse_query("how many people have moved into the harbour flats?").kind == "count"


def test_a_part_naming_only_a_kind_of_figure_leans_on_the_part_before() -> None:
    q = parse_query(
        "How many ferries sailed from the quay in 2024/25 according to the harbour report, "
        "and what was the 2023/24 number in the port review?"
    )
    second = q.parts[1]
    assert second.context == (q.parts[0].text,)
    assert [c.text for c in second.constraints if c.kind == "period"] == ["2023/24"]
    own = parse_query("How many ferries sailed in 2024/25, and how many crew joined the fleet?")
    assert own.parts[1].context == ()


def test_a_follow_up_s_place_takes_the_place_of_an_earlier_place_not_of_a_programme() -> None:
    names = frozenset({"northvale", "eastmere", "lantern"})
    places = frozenset({"northvale", "eastmere"})
    first = parse_query("how many lantern patrols are in Northvale?", names=names, places=places)
    second = parse_query("and in Eastmere?", [first], names=names, places=places)
    assert second.context == ("how many lantern patrols are in Eastmere?",)
    assert {c.text for c in second.constraints} == {"eastmere", "lantern"}
    which = parse_query("which village has the most lantern patrols", names=names, places=places)
    own = parse_query("and how many are on the eastmere side", [which], names=names, places=places)
    assert own.context == ("which village has the most lantern patrols",)
    assert {c.text for c in own.constraints} == {"eastmere", "lantern"}
    # without places known, a name restates any earlier name, as before
    blind = parse_query("and how many are on the eastmere side", [which], names=names)
    assert blind.context == ("which village has the most eastmere patrols",)


def test_a_follow_up_asking_its_own_question_drops_the_earlier_breakdown() -> None:
    first = parse_query("which village has the most beacons", names=NAMES)
    assert [c.kind for c in first.constraints] == ["split"]
    own = parse_query("and how many are in Eastmere overall", [first], names=NAMES)
    assert [c.kind for c in own.constraints] == ["name"]
    same = parse_query("and in 2024?", [first], names=NAMES)  # the same question again
    assert {c.kind for c in same.constraints} == {"split", "period"}


def test_a_follow_up_asking_how_things_stand_now_drops_the_earlier_period() -> None:
    first = parse_query("which boards merged into the harbour trust in 2014/15", names=NAMES)
    now = parse_query("so who does the old beacon board's job now", [first], names=NAMES)
    assert now.asked_periods == frozenset() and now.inherited == ()
    then = parse_query("so who chaired it", [first], names=NAMES)
    assert then.asked_periods == {(2014, 2015)}


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("so who does the old beacon board's job now", "agent"),
        ("who actually delivers the lantern service?", "agent"),
        ("who chairs the harbour board?", "role"),
        ("what does the harbour board do", ""),
    ],
)
def test_a_who_question_asks_for_a_body_or_person(question: str, value: str) -> None:
    assert parse_query(question).value == value


def test_a_follow_up_pointing_back_ranks_by_what_the_earlier_turn_answered() -> None:
    from dataclasses import replace

    first = parse_query("how many pier thefts did Eastmere have in 2023/24", names=NAMES)
    said = replace(first, answered="Pier theft, 2023/24: 412")
    back = parse_query("is that up on the year before?", [said], names=NAMES)
    assert back.leans_on == "Pier theft, 2023/24: 412"
    assert back.pointed_text.endswith("Pier theft, 2023/24: 412")
    assert back.search_text == f"{back.text} {back.context[0]}"  # retrieval is unchanged
    elsewhere = parse_query("and in Northvale?", [said], names=NAMES)  # another place
    assert elsewhere.leans_on == "" and elsewhere.pointed_text == elsewhere.search_text


def test_a_search_box_phrase_naming_a_period_asks_for_that_periods_figure() -> None:
    assert parse_query("lifeboat launches from Eastmere in 2024?", names=NAMES).value == "figure"
    assert parse_query("harbour grant 2027/28 please").value == "figure"
    # a question put in words says what it asks: an aim is text; which sits at one end, a name
    assert parse_query("what is the harbour aim for 2024/25?").value == ""
    assert parse_query("harbour with the fewest launches in 2024?").value == ""
    assert parse_query("who chaired the harbour board in 2024?").value != "figure"
    assert parse_query("lifeboat launches from Eastmere?", names=NAMES).value == ""


def test_an_introduction_saying_who_asks_set_off_by_a_dash_is_not_the_ask() -> None:
    from assistant.query import the_ask

    places = frozenset({"northvale"})
    asks = {
        "Harbour safety officer here - how many ferry thefts were there in 2024?": (
            "how many ferry thefts were there in 2024?"
        ),
        "Putting together a note for the harbour master - are launches going up or down?": (
            "are launches going up or down?"
        ),
    }
    for message, ask in asks.items():
        assert the_ask(message, places=places) == ask
    kept = (
        "ferry thefts - are they going up?",  # the topic the ask leans on
        "lifeboat grant - how much a year does the harbour get now?",
        "Northvale officer here - how many ferry thefts?",  # a place the ask may need
        "ferry thefts 2023 - 2024",
    )
    for message in kept:
        assert the_ask(message, places=places) == message
    # a short sentence saying only who asks goes too; one naming a place stays
    assert the_ask("I'm preparing for a panel. Which pier had the most thefts?") == (
        "Which pier had the most thefts?"
    )
    named = "I live in Northvale. Is there a patrol near me?"
    assert the_ask(named, frozenset({"northvale"})) == named


def test_which_one_picks_a_member_it_asks_no_breakdown() -> None:
    from assistant.query import split_units

    assert split_units("of the theft types, which one went up the most?") == ()
    assert split_units("which piers had the most thefts?") == ("pier",)
