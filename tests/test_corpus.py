"""The sample corpus and the eval set must agree with each other (so the eval can't drift)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from assistant.ingest import load_catalog, load_document, scan_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUESTIONS = yaml.safe_load((ROOT / "evals" / "questions.yaml").read_text())["questions"]
WORDING = yaml.safe_load((ROOT / "evals" / "wording.yaml").read_text())["wording"]
CATEGORIES = {
    "lookup",
    "definition",
    "who",
    "numbers",
    "table",
    "trend",
    "comparison",
    "cross-document",
    "follow-up",
    "unanswerable",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def doc_texts() -> dict[str, str]:
    scan = scan_corpus(CORPUS, max_file_mb=25)
    return {f.meta.doc_id: _norm(load_document(f).text) for f in scan.files}


def test_catalog_and_files_agree() -> None:
    scan = scan_corpus(CORPUS, max_file_mb=25)
    assert scan.problems == []
    assert all(not f.warning for f in scan.files)
    catalog = load_catalog(CORPUS)
    assert len(catalog) >= 10
    superseded = [m for m in catalog.values() if m.status == "superseded"]
    assert [m.doc_id for m in superseded] == ["svd-strategy-2024"]
    assert any(
        m.supersedes == "svd-strategy-2024" and m.status == "current" for m in catalog.values()
    )


def test_corpus_size_and_formats() -> None:
    words = sum(len(t.split()) for t in doc_texts().values())
    assert words >= 35_000
    suffixes = [p.suffix for p in CORPUS.iterdir()]
    assert suffixes.count(".pdf") >= 3 and suffixes.count(".docx") >= 2
    assert suffixes.count(".html") >= 2


def test_every_document_says_it_is_illustrative() -> None:
    for doc_id, text in doc_texts().items():
        assert "illustrative" in text[:1500], doc_id


def test_eval_set_shape() -> None:
    ids = [q["id"] for q in QUESTIONS]
    assert len(ids) == len(set(ids)) and len(ids) >= 100
    cats = [q["category"] for q in QUESTIONS]
    assert set(cats) <= CATEGORIES
    assert cats.count("unanswerable") >= 20 and cats.count("follow-up") >= 10
    assert sum(len(q["expected_docs"]) >= 2 for q in QUESTIONS) >= 15
    assert cats.count("table") >= 15
    assert sum(bool(q.get("supersession")) for q in QUESTIONS) >= 10
    earlier: set[str] = set()
    for q in QUESTIONS:
        if q.get("follows"):
            assert q["follows"] in earlier, q["id"]
        earlier.add(q["id"])
    assert len(WORDING) >= 40


@pytest.mark.parametrize("item", QUESTIONS, ids=lambda q: q["id"])
def test_expected_facts_occur_in_the_named_documents(item: dict) -> None:
    texts = doc_texts()
    if item["category"] == "unanswerable":
        assert item["expected_docs"] == [] and item["must_include"] == []
        return
    assert item["expected_docs"] and item["must_include"]
    for doc_id in item["expected_docs"]:
        assert doc_id in texts, f"unknown doc_id {doc_id}"
    for fact in item["must_include"]:
        found = [d for d in item["expected_docs"] if _norm(str(fact)) in texts[d]]
        if len(item["expected_docs"]) >= 2:
            assert found, f"{fact!r} is in none of {item['expected_docs']}"
        else:
            assert found == item["expected_docs"], f"{fact!r} not in {item['expected_docs']}"


@pytest.mark.parametrize("item", WORDING, ids=lambda w: w["id"])
def test_wording_expectations_match_the_documents(item: dict) -> None:
    texts = doc_texts()
    assert item["expected_verdict"] in {"supported", "conflict", "outdated", "unsupported"}
    if item["expected_verdict"] in ("conflict", "outdated"):
        assert item.get("mismatch") and item.get("document_value")
    if item["expected_verdict"] == "conflict":
        assert _norm(str(item["document_value"])) in texts[item["expected_source"]]
