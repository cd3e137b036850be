"""The extractive answerer: question parts, answer kinds, counts, lists, table rows, abstention.

Fast tests use the hashing embedder and hand-made passages; the ones marked slow use the real
model over the real sample index.
"""

from __future__ import annotations

import pytest

from assistant.answer import (
    AnswerPolicy,
    EvidenceScorer,
    answer_extractive,
    answer_kind,
    answer_parts,
    count_target,
    focus_row,
    gives_count,
    list_target,
)
from assistant.followup import split_question
from assistant.lexical import Synonyms, tokenize
from assistant.types import Chunk, Hit
from tests.fakes import HashEmbedder


def _hit(text: str, doc_id: str = "doc", n: int = 0, score: float = 0.9) -> Hit:
    chunk = Chunk(
        f"{doc_id}-{n}",
        doc_id,
        text,
        f"Title of {doc_id}",
        "Section",
        None,
        n,
        0,
        len(text),
        f"h{doc_id}{n}",
        "current",
        "2025-01-01",
        "partnership",
    )
    return Hit(chunk, score)


def _scorer(**policy: float) -> EvidenceScorer:
    return EvidenceScorer(HashEmbedder(), lambda _t: 2.0, tokenize, AnswerPolicy(**policy))


def test_a_question_asking_two_things_is_split_into_standalone_parts() -> None:
    parts = split_question(
        "Who chairs the Criminal Justice Board and who chairs the Prevent Board?"
    )
    assert parts == ["Who chairs the Criminal Justice Board", "who chairs the Prevent Board?"]


def test_a_part_that_leans_on_the_first_carries_it() -> None:
    first, second = split_question(
        "What is the reference of the hotspot in Cleator Moor, and which council area is it in?"
    )
    assert second == "which council area is it in? | " + first
    # "what was it" is too short to stand alone: it stays with the part before it.
    parts = split_question(
        "The strategy quotes a reduction target; what was it, and which board agreed the target?"
    )
    assert parts[0] == "The strategy quotes a reduction target; what was it" and len(parts) == 2
    assert split_question("What are drugs and alcohol services?") == [
        "What are drugs and alcohol services?"
    ]
    assert split_question("and who chairs it? | What is the board") == [
        "and who chairs it? | What is the board"
    ]


def test_list_target_is_the_noun_listed_in_any_turn() -> None:
    assert list_target("What are the shared priorities in the agreement?") == "priorities"
    assert list_target("What are Cumbria's serious violence priorities?") == "priorities"
    assert list_target("which of those are new? | What are the pathways?") == "pathways"
    assert list_target("Who chairs the board?") == ""


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("How many police-recorded ASB incidents were there in 2021/22?", "incidents"),
        ("How many women were on the IOM cohort?", "women"),
        ("How many were adopted?", ""),
        ("What was the rate?", ""),
    ],
)
def test_count_target_is_the_noun_counted(question: str, noun: str) -> None:
    assert count_target(question) == noun


@pytest.mark.parametrize(
    ("text", "noun", "counts"),
    [
        ("Officers made 41 cuckooing safeguarding referrals.", "referrals", True),
        ("Westmorland and Furness | Domestic abuse incidents: 3,680", "incidents", True),
        ("The referrals in the year numbered 120.", "referrals", True),
        ("The cohort stood at 210 people.", "women", False),
        ("The grant of £164,000 supports referrals.", "referrals", False),
        ("Referrals rose by 31% in 2023/24.", "referrals", False),
        ("Referrals from people under 25 are rising.", "people", False),
        ("Referrals began in 2019.", "referrals", False),
        ("In the first nine months, and officers made arrests.", "officers", False),
    ],
)
def test_gives_count_needs_a_number_of_the_thing_counted(
    text: str, noun: str, counts: bool
) -> None:
    assert gives_count(text, noun) is counts


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("According to the pathways table, who leads the accommodation pathway?", "row"),
        ("How many crimes were recorded?", "count"),
        ("By how much did antisocial behaviour fall in the hotspots?", "change"),
        ("When was that team absorbed into the board?", "date"),
        ("What are the shared priorities?", "list"),
        ("What was the violence rate per 1,000 residents?", "number"),
        ("Who chairs the board?", ""),
        ("and serious violence? | By how much did antisocial behaviour fall?", "change"),
    ],
)
def test_answer_kind(question: str, kind: str) -> None:
    assert answer_kind(question) == kind


def test_focus_row_keeps_the_label_and_the_cells_asked_about() -> None:
    row = (
        "OE-13 | Location: The Square; Town: Cleator Moor; Council area: Cumberland; "
        "Former district: Copeland"
    )
    asked = {t for toks in tokenize(["which council area is Cleator Moor in"]) for t in toks}
    assert focus_row(row, asked, tokenize) == "OE-13 | Town: Cleator Moor; Council area: Cumberland"
    assert focus_row(row, {"nothing"}, tokenize) == row


def test_synonyms_read_an_acronym_as_its_expansion_and_back() -> None:
    synonyms = Synonyms.from_glossary(
        {"acronyms": [{"term": "ASB", "expansion": "antisocial behaviour"}]}
    )
    long = {t for toks in tokenize(["antisocial behaviour"]) for t in toks}
    assert "asb" in synonyms.expand(long)
    assert long <= synonyms.expand({"asb"})
    assert synonyms.expand({"other"}) == {"other"}


def test_a_list_is_answered_with_its_items_as_bullets() -> None:
    text = (
        "Partners met in March. The five shared priorities are:\n\n- serious violence;\n\n"
        "- domestic abuse;\n\n- drugs and alcohol;\n\n- antisocial behaviour;\n\n"
        "- reducing reoffending."
    )
    answer = answer_extractive("What are the shared priorities?", [_hit(text)], _scorer())
    assert answer.grounded
    for item in ("serious violence", "domestic abuse", "drugs and alcohol", "reducing reoffending"):
        assert f"- {item}" in answer.text
    assert all(s.citations == (1,) for s in answer.sentences)


def test_an_answer_takes_one_list_the_one_naming_what_is_listed() -> None:
    text = (
        "Under this agreement, partners commit to:\n\n- share data;\n\n- meet monthly.\n\n"
        "The five priorities of the strategy are:\n\n- domestic abuse;\n\n- knife crime."
    )
    answer = answer_extractive("What are the priorities of the strategy?", [_hit(text)], _scorer())
    assert "- domestic abuse;" in answer.text and "- knife crime." in answer.text
    assert "share data" not in answer.text


def test_a_count_question_without_the_count_abstains_and_says_what_is_missing() -> None:
    hits = [_hit("The youth panel on serious violence met for the first time in 2024.")]
    answer = answer_extractive("How many young people sit on the youth panel?", hits, _scorer())
    assert not answer.grounded and "number of \u201cpeople\u201d" in answer.text
    counted = [_hit("The youth panel on serious violence has 12 young people as members.")]
    assert answer_extractive("How many young people sit on the youth panel?", counted, _scorer())


def test_each_part_is_answered_from_its_own_passages() -> None:
    chair = [_hit("The Criminal Justice Board is chaired by the Chief Constable.", "cj")]
    prevent = [_hit("The Prevent Board is chaired by the Assistant Chief Constable.", "pv")]
    answer = answer_parts(
        "Who chairs the Criminal Justice Board and who chairs the Prevent Board?",
        [
            ("Who chairs the Criminal Justice Board", chair),
            ("who chairs the Prevent Board", prevent),
        ],
        _scorer(),
    )
    assert answer.grounded and {s.doc_id for s in answer.sources} == {"cj", "pv"}
    assert "Assistant Chief Constable" in answer.text and not answer.notice


def test_the_llm_sees_the_passages_of_every_part_once() -> None:
    from assistant.pipeline import interleave

    a, b, c = _hit("one", "a"), _hit("two", "b"), _hit("three", "c")
    assert [h.chunk.doc_id for h in interleave([("p1", [a, b]), ("p2", [c, a])])] == ["a", "c", "b"]


def test_a_part_the_documents_do_not_cover_is_named_in_a_notice() -> None:
    chair = [_hit("The Criminal Justice Board is chaired by the Chief Constable.", "cj")]
    salary = [_hit("The Criminal Justice Board meets quarterly in Penrith.", "cj", 1)]
    answer = answer_parts(
        "Who chairs the Criminal Justice Board, and what is the commissioner's salary?",
        [
            ("Who chairs the Criminal Justice Board", chair),
            ("what is the commissioner's salary?", salary),
        ],
        _scorer(),
    )
    assert answer.grounded and "Chief Constable" in answer.text
    assert "don't cover this part" in answer.notice and "salary" in answer.notice


def test_deeper_passages_offer_only_sentences_of_the_kind_asked_for() -> None:
    hits = [_hit(f"Hotspot patrols ran in town number {i} this year.", "oe", i) for i in range(10)]
    hits.append(_hit("Antisocial behaviour in the hotspots fell by 35.9% over the year.", "oe", 10))
    hits.append(_hit("Antisocial behaviour in the hotspots is a concern for residents.", "oe", 11))
    scorer = _scorer(abstain_below=0.0)
    change = scorer.score("By how much did antisocial behaviour fall in the hotspots?", hits)
    deeper = [c.text for c in change.candidates if c.hit_index >= 10]
    assert deeper == ["Antisocial behaviour in the hotspots fell by 35.9% over the year."]
    other = scorer.score("Why is antisocial behaviour in the hotspots a concern?", hits)
    assert all(c.hit_index < 10 for c in other.candidates)


def test_what_the_question_sets_aside_is_not_sought() -> None:
    hits = [
        _hit(
            "HMP Haverigg | Type: Relevant authority\nCumbria Constabulary | Type: Specified "
            "authority\nYouth Custody Service | Type: Relevant authority"
        )
    ]
    answer = answer_extractive(
        "Which organisations are relevant authorities rather than specified authorities?",
        hits,
        _scorer(max_sentences=2, abstain_below=0.0),
    )
    assert "HMP Haverigg" in answer.text and "Youth Custody Service" in answer.text
    assert "Cumbria Constabulary" not in answer.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "facts"),
    [
        (
            "Who chairs the Cumbria Criminal Justice Board and who chairs the Cumbria Prevent "
            "Board?",
            ["Chief Constable", "Assistant Chief Constable"],
        ),
        (
            "What are the shared priorities in the Cumbria Community Safety Agreement 2025-2028?",
            ["serious violence", "drugs and alcohol", "radicalisation"],
        ),
        (
            "According to the pathways table, who leads the accommodation pathway?",
            ["housing services"],
        ),
    ],
)
def test_real_answers_carry_every_fact(sample_index, real_embedder, question, facts) -> None:
    from assistant.pipeline import Assistant

    answer = Assistant(sample_index, real_embedder).ask(question)
    assert answer.grounded
    for fact in facts:
        assert fact in answer.text
    quotes = {s.n: s.quote for s in answer.sources}
    for sentence in answer.sentences:  # extractive: every sentence is in the passage it cites
        assert sentence.text.lstrip("- ") in quotes[sentence.citations[0]]


@pytest.mark.slow
def test_real_count_question_without_the_count_abstains(sample_index, real_embedder) -> None:
    from assistant.pipeline import Assistant

    answer = Assistant(sample_index, real_embedder).ask(
        "How many women were on the IOM cohort at 31 March 2024?"
    )
    assert not answer.grounded and answer.related
    assert "women" in answer.text


@pytest.mark.slow
def test_real_partly_covered_question_answers_the_part_it_can(sample_index, real_embedder) -> None:
    from assistant.pipeline import Assistant

    answer = Assistant(sample_index, real_embedder).ask(
        "Who chairs the Cumbria Prevent Board, and what is the annual salary of the Police, "
        "Fire and Crime Commissioner?"
    )
    assert answer.grounded and "Assistant Chief Constable" in answer.text
    assert "salary" not in answer.text
    assert "don't cover this part" in answer.notice and "annual salary" in answer.notice
