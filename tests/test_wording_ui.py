"""Wording page formatting: claims coloured by status, everything escaped (pure; invented text)."""

from __future__ import annotations

from assistant.ui_format import highlight_claims
from assistant.wording import ClaimCheck


def test_claims_are_coloured_and_the_documents_value_shown() -> None:
    sentence = "Ferry thefts fell to 81 in 2022/23, costing £40,000."
    claims = [
        ClaimCheck("direction", "fell", 13, 17, "conflict", "72 (2021/22) to 81 (2022/23)"),
        ClaimCheck("number", "81", 21, 23, "found"),
        ClaimCheck("number", "£40,000", 44, 51, "missing"),
    ]
    out = highlight_claims(sentence, claims)
    assert ":red[**fell**] :red[(documents: 72 \\(2021/22\\) to 81 \\(2022/23\\))]" in out
    assert ":green[**81**]" in out and ":gray[**£40,000**]" in out
    assert out.startswith("Ferry thefts ")


def test_document_and_draft_text_is_escaped() -> None:
    sentence = "<script>x</script> [link](http://e.x) rose by 5%"
    claims = [ClaimCheck("direction", "rose", 38, 42, "conflict", "*fell* <b>")]
    out = highlight_claims(sentence, claims)
    assert "<script>" not in out and "\\<script\\>" in out
    assert "[link](" not in out and "\\*fell\\*" in out and "\\<b\\>" in out


def test_overlapping_or_stale_spans_are_left_plain() -> None:
    claims = [
        ClaimCheck("body", "Harbour Board", 0, 13, "found"),
        ClaimCheck("place", "Harbour", 0, 7, "missing"),
        ClaimCheck("number", "9", 40, 41, "found"),
    ]
    out = highlight_claims("Harbour Board meets.", claims)
    assert out == ":green[**Harbour Board**] meets\\."
