"""Outline: the sub-headings a list question asks for, read from invented section trails."""

from __future__ import annotations

import pytest

from assistant.outline import (
    about_list,
    find_list,
    is_item_heading,
    number_span,
    split_trail,
    stated_count,
    strip_numbering,
)

# An invented plan of a fictional county: its list of hubs is a section's sub-headings.
HUBS = [
    "",
    "1. Introduction",
    "2. Our hubs > 2.1 How the hubs were chosen",
    "3. The four hubs > 3.1 Northvale hub",
    "3. The four hubs > 3.2 Eastmere hub",
    "3. The four hubs > 3.3 Westbrook hub",
    "3. The four hubs > 3.4 Southfold hub",
    "4. Measures",
]
# Items whose headings start with the noun listed, between headings about the list.
AIMS = [
    "5. Our aims > 5.1 The three aims",
    "5. Our aims > 5.2 Aim 1: Safer streets",
    "5. Our aims > 5.3 Aim 2: Fewer fires",
    "5. Our aims > 5.4 Aim 3: Quicker help",
    "5. Our aims > 5.5 Cross-cutting work",
]


def test_trails_and_headings_read_as_fields() -> None:
    assert split_trail("3. The four hubs > 3.1 Northvale hub") == (
        "3. The four hubs",
        "3.1 Northvale hub",
    )
    assert strip_numbering("3.1 Northvale hub") == "Northvale hub"
    assert strip_numbering("Aim 1: Safer streets") == "Aim 1: Safer streets"
    assert strip_numbering("7.4 and 7.5 Rural hubs") == "Rural hubs"
    assert number_span("7.4 and 7.5 Rural hubs") == (4, 5) and number_span("Hubs") is None
    assert stated_count("3. The four hubs") == 4 and stated_count("Plans for 2025/26") is None
    assert is_item_heading("5.2 Aim 1: Safer streets", "aims")
    assert not is_item_heading("5.1 The three aims", "aims")
    assert not is_item_heading("Aims for next year", "aims")  # plural: about the list
    assert is_item_heading("6.8 and 6.9 Pathways for women", "pathways")  # numbered for two
    assert about_list("2.1 How the hubs were chosen", "hubs")
    assert not about_list("3.1 Northvale hub", "hubs")


def test_a_heading_naming_the_list_gives_its_sub_headings_in_order() -> None:
    outline = find_list(HUBS, "3. The four hubs > 3.2 Eastmere hub", "hubs")
    assert outline is not None
    assert outline.texts == ("Northvale hub", "Eastmere hub", "Westbrook hub", "Southfold hub")
    assert outline.holder == ("3. The four hubs",)


def test_the_list_heading_itself_gives_its_children() -> None:
    outline = find_list(HUBS, "3. The four hubs", "hubs")
    assert outline is not None and len(outline.texts) == 4


def test_item_headings_are_read_as_the_run_of_siblings_starting_with_the_noun() -> None:
    outline = find_list(AIMS, "5. Our aims > 5.3 Aim 2: Fewer fires", "aims")
    assert outline is not None
    assert outline.texts == ("Aim 1: Safer streets", "Aim 2: Fewer fires", "Aim 3: Quicker help")


def test_top_level_item_headings_are_a_list_too() -> None:
    trails = ["1. Foreword", "2. Aim 1: Safer streets > 2.1 Patrols", "3. Aim 2: Fewer fires",
              "4. Aims for next year", "5. Funding"]  # fmt: skip
    outline = find_list(trails, "2. Aim 1: Safer streets > 2.1 Patrols", "aims")
    assert outline is not None and outline.holder == ()
    assert outline.texts == ("Aim 1: Safer streets", "Aim 2: Fewer fires")


@pytest.mark.parametrize(
    ("trails", "section", "target"),
    [
        # a child about the list ("How the hubs were chosen") means the children are not items
        (HUBS, "2. Our hubs > 2.1 How the hubs were chosen", "hubs"),
        # no heading of the trail names what is listed
        (HUBS, "3. The four hubs > 3.1 Northvale hub", "measures"),
        # the heading says four but only three sub-headings are there
        (HUBS[:-2], "3. The four hubs > 3.1 Northvale hub", "hubs"),
        # a gap in the numbering: a heading was lost, the list would be short
        (["5. Aims > 5.1 Aim 1: A", "5. Aims > 5.3 Aim 3: C"], "5. Aims > 5.1 Aim 1: A", "aims"),
        # one sub-heading is no list
        (["6. The hubs > 6.1 Northvale hub"], "6. The hubs", "hubs"),
    ],
)
def test_no_list_is_made_up(trails: list[str], section: str, target: str) -> None:
    assert find_list(trails, section, target) is None


def test_a_heading_numbered_for_two_items_counts_for_two() -> None:
    heads = ["7.1 A hub", "7.2 B hub", "7.3 C hub", "7.4 and 7.5 Rural hubs"]
    trails = [f"7. The five hubs > {h}" for h in heads]
    outline = find_list(trails, "7. The five hubs > 7.2 B hub", "hubs")
    assert outline is not None and outline.texts[-1] == "Rural hubs"


def test_a_question_naming_one_item_asks_inside_it_not_for_the_list() -> None:
    from assistant.outline import names_an_item

    outline = find_list(HUBS, "3. The four hubs > 3.2 Eastmere hub", "hubs")
    assert outline is not None
    assert names_an_item(outline, "what are the eastmere hub's priorities?")
    assert not names_an_item(outline, "what are the four hubs?")


def test_the_list_of_the_document_the_question_names_is_preferred() -> None:
    from assistant.outline import named_by

    aims = find_list(AIMS, "5. Our aims > 5.3 Aim 2: Fewer fires", "aims")
    hubs = find_list(HUBS, "3. The four hubs", "hubs")
    assert aims is not None and hubs is not None
    question = "what are the fire service plan's aims"
    assert named_by(aims, "Fire Service Plan 2025", question) > named_by(
        hubs, "Northvale Community Plan", question
    )


def test_a_heading_naming_the_thing_in_the_singular_is_a_topic_not_a_list() -> None:
    trails = ["4. All recorded theft > 4.1 By town", "4. All recorded theft > 4.2 Trend"]
    assert find_list(trails, "4. All recorded theft > 4.1 By town", "thefts") is None
    each = ["8. Aims for each hub > 8.1 Northvale", "8. Aims for each hub > 8.2 Eastmere"]
    assert find_list(each, "8. Aims for each hub > 8.1 Northvale", "hubs") is not None
    assert find_list(HUBS, "3. The four hubs > 3.2 Eastmere hub", "hubs") is not None


def test_a_list_counts_an_item_heading_numbered_for_two() -> None:
    from assistant.outline import Outline

    two = Outline(
        ("6. Pathways",), (("6. Pathways", "6.1 Housing"), ("6. Pathways", "6.2 and 6.3 Work"))
    )
    assert two.count == 3
    unnumbered = Outline(("Aims",), (("Aims", "Aim 1: Parks"), ("Aims", "Aim 2: Roads")))
    assert unnumbered.count == 2
