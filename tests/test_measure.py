"""Near misses on what a figure measures (measure.py) and on plans asked as events (planned.py).

Every passage and question is invented for the test (a fictional county); none is taken from
the eval sets.
"""

from __future__ import annotations

import pytest

from assistant.answer import AbstentionModel, answer_query
from assistant.evidence import AnswerPolicy, EvidenceScorer
from assistant.lexical import tokenize
from assistant.measure import asks_figure, gives_kind, kind_asked, measured_words
from assistant.planned import asks_past, planned_only
from assistant.query import parse_query
from assistant.types import Chunk, Hit
from tests.fakes import HashEmbedder

OPEN = AbstentionModel({}, bias=0.0, threshold=0.0)  # answers unless a typed check refuses
NAMES = frozenset({"northvale", "eastmere", "westbrook"})
# The words this little corpus uses: a question word outside it is unseen (colloquial).
CORPUS = (
    "Eastmere recorded 61.6 crimes per 1,000 residents and a proven reoffending rate of 21.4%. "
    "Northvale arson burglary offences harbour data sharing people women residents feel safe "
    "killed roads total rate survey dark"
)
VOCABULARY = {t for toks in tokenize([CORPUS]) for t in toks}
COMMON = {"peopl": 0.9}  # a word nearly every passage uses weighs little (IDF)


def _idf(token: str) -> float:
    return COMMON.get(token, 2.0) if token in VOCABULARY else 7.0


def _hit(text: str, doc_id: str = "doc", n: int = 0, published: str = "2025-01-01") -> Hit:
    chunk = Chunk(
        f"{doc_id}-{n}", doc_id, text, f"Title of {doc_id}", "Section", None, n, 0, len(text),
        f"h{doc_id}{n}", "current", published, "partnership",
    )  # fmt: skip
    return Hit(chunk, 0.9)


def _ask(question: str, hits: list[Hit], embedder=None):
    scorer = EvidenceScorer(embedder or HashEmbedder(), _idf, tokenize, AnswerPolicy())
    return answer_query(parse_query(question, names=NAMES), hits, scorer, OPEN)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("proven reoffending rate for Eastmere?", ("proven", "reoffending")),
        ("the number of people hurt on the harbour paths", ("people", "hurt")),
        ("what % of women said they feel safe", ("women", "said")),
        ("arson offences split between Northvale and Eastmere", ("arson", "offences")),
        ("which town had the worst burglary rate in 2023?", ("burglary",)),
        ("which harbour had the most groundings?", ("groundings",)),
        ("which town had the highest arson rate?", ("arson",)),
        ("what is the rate?", ()),
        ("total number of harbour rescues", ("harbour", "rescues")),
        ("who chairs the harbour board?", ()),
    ],
)
def test_measured_words_name_what_the_figure_is_of(question: str, words: tuple) -> None:
    assert measured_words(question) == words


def test_a_count_and_a_rate_are_told_apart() -> None:
    assert kind_asked("arson total for 2023?") == "count"
    assert kind_asked("arson rate per 1,000 in 2023?") == "rate"
    assert kind_asked("total arson and the rate per 1,000") == ""
    rates = "Table 2: Offences per 1,000 residents, 2023 | Eastmere | Arson: 0.8; Burglary: 3.1"
    assert not gives_kind(rates, "count") and gives_kind(rates, "rate")
    both = "Police recorded 412 arsons, a rate of 0.8 per 1,000 residents."
    assert gives_kind(both, "count") and gives_kind(both, "rate")
    assert gives_kind("The plan now has five priorities rather than four, and a 10% cut.", "count")
    assert not gives_kind("Reoffending rates will be reported to the board.", "rate")


def test_a_total_is_not_answered_by_a_table_of_rates() -> None:
    table = "Table 2: Offences per 1,000 residents, 2023\nEastmere | Arson: 0.8; Burglary: 3.1"
    missed = _ask("arson total in Eastmere for 2023?", [_hit(table)])
    assert not missed.grounded and "rate, not the count" in missed.text and missed.related
    counts = "Table 2: Offences recorded, 2023\nEastmere | Arson: 412; Burglary: 1,530"
    assert _ask("arson total in Eastmere for 2023?", [_hit(counts)]).grounded


def test_a_figure_asked_split_between_places_is_not_answered_for_one() -> None:
    one = "Arson offences rose to 412 in Eastmere; Northvale does not publish its figure."
    missed = _ask("arson offences split between Northvale and Eastmere", [_hit(one)])
    assert not missed.grounded and "separately" in missed.text
    both = "Arson offences numbered 412 in Eastmere and 288 in Northvale."
    assert _ask("arson offences split between Northvale and Eastmere", [_hit(both)]).grounded


def test_a_plan_date_does_not_answer_when_something_happened() -> None:
    assert asks_past("what date did the harbour actually start sharing data?")
    assert not asks_past("when did the harbour have to start sharing data?")
    assert not asks_past("when will the harbour start sharing data?")
    plan = "Extend data sharing to Eastmere harbour | Lead: Harbour Board; Timescale: By March 2026"
    assert planned_only(plan, "2025-01-01") and not planned_only(plan, "")
    missed = _ask("when did Eastmere harbour start sharing data?", [_hit(plan)])
    assert not missed.grounded and "planned" in missed.text and missed.related
    done = "Eastmere harbour began sharing data with partners on 4 April 2023."
    assert not planned_only(done, "2025-01-01")
    assert _ask("when did Eastmere harbour start sharing data?", [_hit(done)]).grounded


@pytest.mark.slow
def test_real_model_a_rate_of_another_measure_is_a_near_miss(real_embedder) -> None:
    crime = _hit("Eastmere recorded 61.6 crimes per 1,000 residents in 2024, the county's highest.")
    missed = _ask("proven reoffending rate for Eastmere?", [crime], real_embedder)
    assert not missed.grounded and "reoffending" in missed.text and missed.related
    assert _ask("crime rate for Eastmere?", [crime], real_embedder).grounded


@pytest.mark.slow
def test_real_model_a_word_carrying_little_meaning_is_not_required(real_embedder) -> None:
    row = _hit(
        "Table 4: Residents survey 2024\nFeel safe after dark | Northvale: 66%; Eastmere: 72%"
    )
    answer = _ask("what % of people in Eastmere feel safe after dark?", [row], real_embedder)
    assert answer.grounded and "72%" in answer.text
    missed = _ask("what % of women in Eastmere feel safe after dark?", [row], real_embedder)
    assert not missed.grounded and "women" in missed.text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("harbour rescues in Eastmere last year?", True),
        ("ferry delays in 2023/24", True),
        ("ferry routes closed in 2023/24", True),
        ("is harbour crime going up?", False),
        ("list the harbour priorities", False),
        ("what are the harbour rescues", False),
        ("harbour safety", False),
        ("harbour rescues - are they going up?", False),
        ("ferry delays over 3 years, is it rising", False),
        ("whats the difference between harbour patrols", False),
    ],
)
def test_a_bare_noun_phrase_of_things_asks_for_a_figure(question: str, figure: bool) -> None:
    assert asks_figure(question) is figure


def test_a_bare_request_for_a_count_is_not_answered_by_a_line_without_a_figure() -> None:
    prose = _hit("Harbour rescues in Eastmere are coordinated by the Coastguard and volunteers.")
    missed = _ask("harbour rescues in Eastmere last year?", [prose])
    assert not missed.grounded and "gives a figure" in missed.text
    counted = _hit("The Coastguard carried out 64 harbour rescues in Eastmere last year.")
    assert _ask("harbour rescues in Eastmere last year?", [counted]).grounded


def test_the_leading_sentence_must_count_what_is_counted() -> None:
    hits = [
        _hit("Of the 212 arson referrals, 58% concerned under-18s in Eastmere.", "a"),
        _hit("Eastmere recorded 140 arson offences last year.", "b", 1),
    ]
    answer = _ask("how many arson offences in Eastmere were by under 18s?", hits)
    assert not answer.grounded and "number of" in answer.text


def test_a_line_pointing_to_a_table_dates_no_event() -> None:
    pointer = _hit("The table below lists the members of the Eastmere Harbour Board in 2024/25.")
    missed = _ask("when was the Eastmere Harbour Board first set up?", [pointer])
    assert not missed.grounded
    dated = _hit("The Eastmere Harbour Board was set up in 2019 to coordinate rescues.")
    assert _ask("when was the Eastmere Harbour Board first set up?", [dated]).grounded


@pytest.mark.slow
def test_real_model_a_sentence_is_read_with_its_passage(real_embedder) -> None:
    passage = _hit(
        "In 2024 there were 80 harbour referrals in Eastmere. "
        "Of these, 40% concerned boats moored for over a week."
    )
    answer = _ask(
        "what share of harbour referrals concerned boats moored for over a week?",
        [passage],
        real_embedder,
    )
    assert answer.grounded and "40%" in answer.text.splitlines()[0]


def test_a_bare_noun_phrase_asks_for_the_value_its_words_name() -> None:
    plan = _hit("Eastmere harbour will extend its data sharing to the ferry port by 2026.")
    missed = _ask("cost of the Eastmere harbour data sharing extension", [plan])
    assert not missed.grounded and "amount of money" in missed.text
    costed = _hit("The Eastmere harbour data sharing extension will cost £40,000.")
    assert _ask("cost of the Eastmere harbour data sharing extension", [costed]).grounded


def test_a_figure_close_by_for_what_is_asked_keeps_the_answer() -> None:
    hits = [
        _hit("Harbour rescues in Eastmere last year were coordinated by the Coastguard.", "a"),
        _hit("Eastmere saw 64 harbour rescues.", "b", 1),
    ]
    assert _ask("harbour rescues in Eastmere last year?", hits).grounded
    counted = [
        _hit("Arson offences recorded in Eastmere are a growing concern.", "a"),
        _hit("Eastmere: 140 arson offences.", "b", 1),
    ]
    assert _ask("how many arson offences did Eastmere record?", counted).grounded


def test_a_word_of_the_speaker_s_stance_is_not_what_is_measured() -> None:
    from assistant.measure import measured_words

    assert "actually" not in measured_words("what do we actually count as a ferry incident")
    assert "really" not in measured_words("what is the harbour theft rate really")
