"""The answer card: Answer objects -> escaped card parts (pure, no model)."""

from __future__ import annotations

from assistant.card import build_card, citation_label, missing_text
from assistant.compose import NO_ANSWER, abstain
from assistant.types import Answer, AnswerSentence, Source


def _source(n: int, quote: str = "passage", title: str = "Doc") -> Source:
    return Source(n, f"d{n}", title, "1. Section", 2, "2024-01-01", "current", quote, f"c{n}", 1.0)


def _answer(*sentences: AnswerSentence, mode: str = "extractive") -> Answer:
    sources = [_source(n) for n in sorted({n for s in sentences for n in s.citations})]
    text = "\n".join(s.text for s in sentences)
    return Answer("Q?", text, list(sentences), sources, grounded=True, mode=mode)


def test_the_direct_answer_comes_first_and_the_support_after() -> None:
    card = build_card(
        _answer(
            AnswerSentence("The Commissioner chairs it.", (1,), 0.9),
            AnswerSentence("It meets quarterly.", (2,), 0.5, role="support"),
            AnswerSentence("Police and fire attend.", (1,), 0.4, role="support"),
        )
    )
    assert card.grounded and [c.text for c in card.lead] == ["The Commissioner chairs it\\."]
    assert [c.text for c in card.support] == ["It meets quarterly\\.", "Police and fire attend\\."]
    assert [c.citations for c in card.support] == [(2,), (1,)]
    assert card.source(2).n == 2 and card.source(9) is None
    # source 1 highlights the words of both claims that cite it
    assert card.quotes(1) == ["The Commissioner chairs it.", "Police and fire attend."]


def test_a_list_answer_keeps_its_lead_in_and_shows_each_item_once() -> None:
    items = ("serious violence;", "**drugs** and alcohol;", "reoffending.")
    text = "The priorities are: serious violence; drugs and alcohol; reoffending."
    card = build_card(_answer(AnswerSentence(text, (1,), 0.9, items=items)))
    lead = card.lead[0]
    assert lead.text == "The priorities are\\:"
    assert lead.items == ("serious violence", "drugs and alcohol", "reoffending")
    assert lead.markdown() == (
        "The priorities are\\:\n- serious violence\n- drugs and alcohol\n- reoffending"
    )


def test_a_list_sentence_that_does_not_introduce_its_items_keeps_its_text() -> None:
    card = build_card(_answer(AnswerSentence("Three boards report.", (1,), 0.9, items=("A", "B"))))
    assert card.lead[0].text == "Three boards report\\." and card.lead[0].items == ("A", "B")


def test_a_table_answer_is_a_one_row_table_with_its_labels_and_caption() -> None:
    sentence = AnswerSentence(
        "Eden, 2022/23: 16.9 (Table 1: Crime per 1,000)",
        (1,),
        0.9,
        context="**Table 1: Crime per 1,000**:",
        cells=(("2022/23", "16.9"), ("Notes", "a | b")),
        label="Eden",
        quote="Eden | 2022/23: 16.9; Notes: a | b",
    )
    lead = build_card(_answer(sentence)).lead[0]
    assert lead.text == "" and lead.table is not None
    assert lead.table.label == "Eden"
    assert lead.table.columns == ("2022/23", "Notes")
    assert lead.table.values == ("16\\.9", "a \\| b")  # a pipe from the passage is escaped
    assert lead.table.caption == "Table 1\\: Crime per 1,000"  # no raw ** from the passage
    index, data = lead.table.frame()
    assert index == ["Eden"] and data == {"2022/23": ["16\\.9"], "Notes": ["a \\| b"]}
    assert build_card(_answer(sentence)).quotes(1) == ["Eden | 2022/23: 16.9; Notes: a | b"]


def test_a_table_with_a_repeated_heading_still_makes_a_frame() -> None:
    sentence = AnswerSentence("x", (1,), 0.9, cells=(("Count", "1"), ("Count", "2"), ("", "3")))
    _, data = build_card(_answer(sentence)).lead[0].table.frame()
    assert len(data) == 3 and list(data.values()) == [["1"], ["2"], ["3"]]


def test_document_text_is_escaped_and_loses_its_emphasis() -> None:
    text = "**Bold** claim with a | pipe, <b>tag</b> and :smile: [link](x)."
    claim = build_card(_answer(AnswerSentence(text, (1,), 0.9))).lead[0]
    assert "**" not in claim.text and " | " not in claim.text
    assert "\\|" in claim.text and "\\<b\\>" in claim.text and "\\[link\\]\\(x\\)" in claim.text


def test_llm_answers_lead_with_their_first_sentence() -> None:
    answer = _answer(
        AnswerSentence("First.", (1,), 0.9), AnswerSentence("Second.", (2,), 0.8), mode="llm"
    )
    card = build_card(answer)
    assert [c.text for c in card.lead] == ["First\\."]
    assert [c.text for c in card.support] == ["Second\\."]


def test_each_part_of_a_two_part_question_leads() -> None:
    card = build_card(
        _answer(
            AnswerSentence("A.", (1,), 0.9),
            AnswerSentence("B.", (2,), 0.9),
            AnswerSentence("C.", (1,), 0.5, role="support"),
        )
    )
    assert [c.text for c in card.lead] == ["A\\.", "B\\."] and len(card.support) == 1


def test_an_abstention_says_what_is_missing_and_lists_what_the_documents_give() -> None:
    answer = abstain("Bus fares to Glasgow?", [], "None of them mentions \u201cGlasgow\u201d.")
    answer.related = [_source(1, title="Transport note")]
    card = build_card(answer)
    assert not card.grounded and not card.lead and not card.support
    assert card.missing == "None of them mentions \u201cGlasgow\u201d\\."
    assert [s.title for s in card.sources] == ["Transport note"]
    assert missing_text(NO_ANSWER + " The closest passages are listed as related.") == ""


def test_notice_is_escaped_and_citation_labels_are_not_links() -> None:
    answer = _answer(AnswerSentence("A.", (1,), 0.9))
    answer.notice = "This answer uses a superseded document: *Old* [plan]."
    card = build_card(answer)
    assert card.notice == "This answer uses a superseded document\\: \\*Old\\* \\[plan\\]\\."
    assert citation_label(3) == "\\[3\\]"
