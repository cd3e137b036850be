from __future__ import annotations

import pytest

from assistant.wording import Aligned, GlossaryRules, judge, numbers, split_draft, summary

RULES = GlossaryRules(
    {
        "renamed_bodies": [
            {
                "old": "Cumbria County Council",
                "patterns": ["Cumbria County Council"],
                "successor": "Cumberland Council and Westmorland and Furness Council",
                "changed": "2023-04-01",
            },
            {
                "old": "Clinical commissioning groups",
                "patterns": ["clinical commissioning group"],
                "successor": "integrated care boards",
                "changed": "2022-07-01",
            },
        ],
        "preferred_terms": [{"use": "antisocial behaviour", "avoid": ["anti-social behaviour"]}],
        "places": ["Carlisle", "Barrow-in-Furness", "Kendal"],
        "superseded_titles": ["Violence Strategy 2024"],
    }
)


def _doc(
    text: str,
    score: float = 0.8,
    passage: str | None = None,
    status: str = "current",
    section: str = "",
) -> Aligned:
    return Aligned(
        text,
        passage or text,
        score,
        {"doc_id": "d", "title": "Doc", "section": section, "page": 3},
        status,
    )


def test_supported_sentence_quotes_its_source() -> None:
    doc = _doc("There were 4,105 serious violence offences in 2023/24, down 4.8% on 2022/23.")
    v = judge("Serious violence offences fell by 4.8% in 2023/24.", [doc], [doc], RULES)
    assert v.verdict == "supported" and v.quote == doc.text and v.source["page"] == 3


@pytest.mark.parametrize(
    "draft, element, draft_value, document_value",
    [
        ("There were 4,510 serious violence offences in 2023/24.", "number", "4,510", "4,105"),
        ("Serious violence offences rose by 4.8% in 2023/24.", "direction", "up", "down"),
        ("The duty has applied since 1 July 2016.", "date", "1 July 2016", "1 July 2015"),
        (
            "The group reports to the Cumbria Prevent Board.",
            "body",
            "Cumbria Prevent Board",
            "Cumbria Criminal Justice Board",
        ),
        ("Kendal had the highest crime rate.", "place", "Kendal", "Carlisle"),
    ],
)
def test_each_kind_of_conflict_is_named(
    draft: str, element: str, draft_value: str, document_value: str
) -> None:
    docs = {
        "number": "There were 4,105 serious violence offences in 2023/24, down 4.8% on 2022/23.",
        "direction": "There were 4,105 serious violence offences in 2023/24, down 4.8% on 2022/23.",
        "date": "The duty has applied since 1 July 2015.",
        "body": "The group reports to the Cumbria Criminal Justice Board.",
        "place": "Carlisle had the highest crime rate, and Kendal the lowest.",
    }
    doc = _doc(docs[element])
    v = judge(draft, [doc], [doc], RULES)
    assert (v.verdict, v.element) == ("conflict", element)
    assert v.draft_value == draft_value and v.document_value == document_value


def test_swapped_percentages_are_a_number_conflict() -> None:
    doc = _doc("The hotspots hold 24.3% of serious violence and 23.1% of antisocial behaviour.")
    v = judge(
        "The hotspots hold 23.1% of serious violence and 24.3% of antisocial behaviour.",
        [doc],
        [doc],
        RULES,
    )
    assert (v.verdict, v.element, v.draft_value, v.document_value) == (
        "conflict",
        "number",
        "23.1%",
        "24.3%",
    )


def test_abolished_body_is_outdated_with_successor_and_date() -> None:
    v = judge("Cumbria County Council runs the anti-social behaviour team.", [], [], RULES)
    assert v.verdict == "outdated" and v.document_value.startswith("Cumberland Council")
    assert "2023-04-01" in v.reasons[0]
    assert v.suggestions == [
        'house style: write "antisocial behaviour" instead of "anti-social behaviour"'
    ]
    plural = judge("Clinical commissioning groups are specified authorities.", [], [], RULES)
    assert plural.verdict == "outdated"


def test_a_value_from_the_superseded_edition_is_outdated() -> None:
    current = _doc("The grant to Cumbria is £164,000 a year, up from £157,000.")
    old = _doc("The grant to Cumbria is £157,000 a year.", status="superseded")
    v = judge("Cumbria receives a grant of £157,000 a year.", [current], [current, old], RULES)
    assert (v.verdict, v.element, v.document_value) == ("outdated", "superseded", "£164,000")


def test_describing_a_superseded_document_is_outdated() -> None:
    doc = _doc("At the time, the Violence Strategy 2024 set four priorities.")
    v = judge("The violence strategy sets four priorities.", [doc], [doc], RULES)
    assert v.verdict == "outdated" and v.element == "superseded"


def test_overclaims_and_unrelated_claims_are_unsupported() -> None:
    doc = _doc("Serious violence fell by 20.1% in the hotspots.")
    v = judge("Operation Enhance eliminated serious violence in the hotspots.", [doc], [doc], RULES)
    assert v.verdict == "unsupported" and "eliminated" in v.reasons[0]
    far = _doc("Something else entirely.", score=0.2)
    assert judge("Buses run every hour.", [far], [far], RULES).verdict == "unsupported"


def test_masked_realignment_finds_a_wrong_body() -> None:
    weak = _doc("Integrated Offender Management is the partnership's main tool.", score=0.5)
    right = _doc(
        "The board oversees Integrated Offender Management.",
        section="Cumbria Criminal Justice Board",
    )
    v = judge(
        "Integrated Offender Management is overseen by the Cumbria Prevent Board.",
        [weak],
        [weak],
        RULES,
        realign=lambda masked: [right],
    )
    assert (v.verdict, v.element, v.document_value) == (
        "conflict",
        "body",
        "Cumbria Criminal Justice Board",
    )


def test_draft_splitting_handles_html_no_punctuation_and_long_text() -> None:
    assert split_draft("<p>First point.</p><p>Second <b>point</b> here.</p>") == [
        "First point.",
        "Second point here.",
    ]
    assert len(split_draft("word " * 100)) == 3
    assert split_draft("   \n  ") == []


def test_numbers_normalise_words_and_skip_years() -> None:
    assert numbers("five priorities in 2023/24 and 24.3% of £164,000") == ["5", "24.3%", "£164,000"]


def test_summary_counts() -> None:
    doc = _doc("The duty has applied since 1 July 2015.")
    verdicts = [judge("The duty has applied since 1 July 2015.", [doc], [doc], RULES)]
    assert summary(verdicts)["summary"]["all_supported"] is True


@pytest.mark.slow
def test_check_wording_against_the_real_sample_index(sample_index, real_embedder) -> None:
    from assistant.pipeline import Assistant

    assistant = Assistant(sample_index, real_embedder)
    verdicts = assistant.check_wording(
        "Cumbria recorded 4,510 serious violence offences in 2023/24. "
        "Cumbria County Council is a member of the Safer Cumbria Partnership."
    )
    assert [v.verdict for v in verdicts] == ["conflict", "outdated"]
    assert verdicts[0].document_value == "4,105" and verdicts[0].source["doc_id"] == (
        "svd-strategy-2025"
    )
