"""Wording check, dates: a span from one month to another is one period, compared as a whole.

Every text here is invented (a harbour town and its plans), not from the eval sets.
"""

from __future__ import annotations

from assistant import language as lang
from assistant.claims import GlossaryRules, WordingPolicy, claims
from assistant.wording import Aligned
from tests.wording_helpers import doc as _doc
from tests.wording_helpers import judge_with

RULES = GlossaryRules({"places": ["Eastport"], "corpus_text": "harbour plan ferry eastport"})


def _judge(draft: str, *docs: Aligned):
    return judge_with(RULES, draft, *docs)


def test_month_spans_are_read_as_one_period() -> None:
    spans = lang.month_spans("The plan runs from 1 April 2026 to 31 March 2029 in Eastport.")
    assert [(v, t) for v, t, _, _ in spans] == [
        ((2026, 4, 2029, 3), "1 April 2026 to 31 March 2029")
    ]
    assert lang.month_spans("between May 2027 and June 2027") == []  # not a span of this form
    assert lang.month_spans("from June 2029 to May 2027") == []  # backwards: no period


def test_a_month_span_is_one_date_claim_not_two() -> None:
    said = claims(
        "From July 2026 to March 2028 the ferry plan has four aims.", RULES, WordingPolicy()
    )
    assert [(c.text, c.value) for c in said if c.kind == "date"] == [
        ("July 2026 to March 2028", (2026, 7, 2028, 3))
    ]


def test_a_month_span_is_found_as_the_period_with_the_same_years() -> None:
    doc = _doc("The harbour plan sets four aims for 2026-2028.")
    assert _judge("From July 2026 to March 2028 the harbour plan sets four aims.", doc).verdict == (
        "supported"
    )
    heading = _doc("The harbour plan sets four aims.", section="Aims for 2026-2028")
    v = _judge("Running from April 2026 to March 2028, the harbour plan sets four aims.", heading)
    assert v.verdict == "supported"


def test_a_month_span_with_other_years_is_a_date_conflict() -> None:
    doc = _doc("The harbour plan sets four aims for 2026-2028.")
    v = _judge("From July 2026 to March 2029 the harbour plan sets four aims.", doc)
    assert (v.verdict, v.element, v.document_value) == ("conflict", "date", "2026-2028")
    # a span inside the passage's longer period is not the same period
    w = _judge("From April 2026 to March 2027 the harbour plan sets four aims.", doc)
    assert w.verdict != "supported"


def test_a_month_span_is_found_where_the_passage_gives_both_months() -> None:
    doc = _doc("The ferry curfew applied from June 2025 to September 2026 in Eastport.")
    assert _judge(
        "In Eastport the ferry curfew ran from June 2025 to September 2026.", doc
    ).verdict == ("supported")
    v = _judge("In Eastport the ferry curfew ran from June 2025 to October 2026.", doc)
    assert (v.verdict, v.element, v.document_value) == (
        "conflict",
        "date",
        "June 2025 to September 2026",
    )


def _scored(text: str, score: float) -> Aligned:
    return Aligned(text, text, score, {"doc_id": "d", "title": "Doc", "section": ""})


def test_another_date_in_a_passage_aligned_nearly_as_well_is_a_conflict() -> None:
    top = _scored("The ferry safety duty requires every operator to keep a passenger log.", 0.62)
    dated = _scored("The ferry safety duty has applied since 1 May 2021.", 0.60)
    v = _judge(
        "Since 1 May 2022, every ferry operator has had a duty to keep a passenger log.", top, dated
    )
    assert (v.verdict, v.element, v.document_value) == ("conflict", "date", "1 May 2021")
    far = _scored("The ferry safety duty has applied since 1 May 2021.", 0.50)
    w = _judge(
        "Since 1 May 2022, every ferry operator has had a duty to keep a passenger log.", top, far
    )
    assert w.verdict == "unsupported"  # a passage aligned much worse may be about another thing


def test_a_starting_period_the_draft_also_starts_from_is_found() -> None:
    # "from 2016" is a starting point in both; the draft's clauses sit in two sentences
    rules = GlossaryRules({"corpus_text": "harbour master"})
    passage = _doc(
        "The harbour post was created in 2012, with Anna Reed serving as Harbour Master from "
        "2016. On 2 May 2024 Tom Hale was elected as Harbour Master.",
        0.8,
    )
    draft = "Anna Reed served as Harbour Master from {} until Tom Hale was elected in May 2024."
    assert judge_with(rules, draft.format(2016), passage).verdict == "supported"
    assert judge_with(rules, draft.format(2017), passage).verdict == "unsupported"


def test_a_starting_period_said_of_something_else_does_not_back_the_draft() -> None:
    rules = GlossaryRules({"corpus_text": "harbour master"})
    passage = _doc(
        "The harbour post has existed since it was created in 2012, with Anna Reed serving as "
        "Harbour Master from 2016.",
        0.8,
    )
    v = judge_with(rules, "Anna Reed served as Harbour Master from 2012.", passage)
    assert v.verdict != "supported"
