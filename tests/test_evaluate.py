from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.evaluate import fact_recall, sentence_supported
from assistant.metrics import hit_at_k, mrr_at_k, ndcg_at_k, percentile, recall_at_k
from assistant.report import compare

ROOT = Path(__file__).resolve().parents[1]


def test_ranking_metrics() -> None:
    rel = {"a": 1, "c": 1}
    assert hit_at_k(["b", "a"], rel, 1) == 0 and hit_at_k(["b", "a"], rel, 2) == 1
    assert mrr_at_k(["b", "a"], rel) == 0.5
    assert ndcg_at_k(["a", "c"], rel) == pytest.approx(1.0)
    assert recall_at_k(["a", "x"], rel, 100) == 0.5
    assert percentile([1, 2, 3, 4, 100], 95) == 100


def test_fact_recall_and_support() -> None:
    assert fact_recall("Rate was 92.3 per 1,000 in Carlisle", ["92.3", "carlisle"]) == 1.0
    assert fact_recall("nothing", ["92.3"]) == 0.0
    assert sentence_supported("The rate was 92.3.", ["Context. The rate was 92.3. More."])
    assert not sentence_supported("The rate was 95.0.", ["The rate was 92.3."])


def _source(n: int, section: str, quote: str = "Body text."):
    from assistant.types import Source

    return Source(
        n, "plan", "Northvale Plan", section, None, "2025-01-01", "current", quote, f"c{n}", 1.0
    )


def test_a_list_of_sub_headings_is_supported_only_by_the_sections_it_cites() -> None:
    from assistant.evaluate import claim_supported, headings_supported
    from assistant.types import AnswerSentence

    items = ("Northvale hub", "Eastmere hub")
    lead = AnswerSentence(
        "The two hubs: Northvale hub; Eastmere hub.", (1, 2), 1.0, items=items, headings=True
    )
    one = _source(1, "3. The two hubs > 3.1 Northvale hub")
    two = _source(2, "3. The two hubs > 3.2 Eastmere hub")
    assert headings_supported(lead, [one, two])
    assert not headings_supported(lead, [two, one])  # each item is its own citation's heading
    assert not headings_supported(lead, [one, _source(2, "4. Measures")])  # not a heading there
    made_up = AnswerSentence(
        "The hubs: Northvale hub; Eastmere hub.", (1, 2), 1.0, items=items, headings=True
    )
    assert not headings_supported(made_up, [one, two])  # the intro is no heading of them
    # an ordinary list sentence is still checked against the passages' text alone
    plain_list = AnswerSentence(
        "The two hubs: Northvale hub; Eastmere hub.", (1,), 1.0, items=items
    )
    assert not claim_supported(plain_list, [one.quote])


def test_a_heading_kept_as_a_line_of_its_passage_is_supported_by_that_passage() -> None:
    from assistant.evaluate import headings_supported
    from assistant.types import AnswerSentence

    items = ("Northvale hub", "Eastmere hub")
    lead = AnswerSentence(
        "The two hubs: Northvale hub; Eastmere hub.", (1, 1), 1.0, items=items, headings=True
    )
    holds = _source(1, "3. The two hubs > 3.1 Northvale hub", "Opens at 9am.\n\nEastmere hub\n")
    assert headings_supported(lead, [holds, holds])
    says = _source(1, "3. The two hubs > 3.1 Northvale hub", "Opens at 9am. Eastmere hub is new.")
    assert not headings_supported(lead, [says, says])  # in a sentence, not a line of its own


def test_compare_flags_only_drops_beyond_tolerance() -> None:
    rows = {
        r["metric"]: r
        for r in compare(
            {"hit@5": 0.99, "facts_all": 0.80, "wrong_abstention": 0.10},
            {"hit@5": 1.0, "facts_all": 0.90, "wrong_abstention": 0.02},
        )
    }
    assert not rows["hit@5"]["regressed"]
    assert rows["facts_all"]["regressed"] and rows["wrong_abstention"]["regressed"]


@pytest.mark.slow
def test_eval_gate_fails_when_a_document_is_removed(
    sample_index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(sample_index.corpus_dir, corpus)
    shutil.copytree(sample_index.index_dir, index)
    questions = [
        q
        for q in yaml.safe_load((ROOT / "evals/questions.yaml").read_text())["questions"]
        if q["id"] in {"prev-01", "prev-02", "cj-01", "ccsna-01", "scp-06"}
    ]
    qfile = tmp_path / "questions.yaml"
    qfile.write_text(yaml.safe_dump({"questions": questions}))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(index))
    args = [
        "eval",
        "--set",
        str(qfile),
        "--baseline",
        str(tmp_path / "baseline.json"),
        "--reports",
        str(tmp_path / "reports"),
        "--only",
        "answers",
        "--dev",
        str(tmp_path / "no-dev.yaml"),
        "--blind",
        str(tmp_path / "no-blind.yaml"),
    ]

    assert main(args + ["--update-baseline"]) == 0
    baseline = json.loads((tmp_path / "baseline.json").read_text())
    assert baseline["items"]["prev-01"] and "scp-06" in baseline["items"]
    capsys.readouterr()

    (corpus / "counter-terrorism-and-prevent-overview.html").unlink()
    assert main(["ingest"]) == 1  # the catalog still lists the file: reported as missing
    assert "1 removed" in capsys.readouterr().out
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "REGRESSION" in captured.err and "prev-01" in captured.err
    report = json.loads(sorted((tmp_path / "reports").glob("*/report.json"))[-1].read_text())
    assert "prevent-overview" in report["changed_documents"]
    assert "prev-01" in report["items_to_review"]
    html = sorted((tmp_path / "reports").glob("*/report.html"))[-1].read_text()
    assert html.count("data:image/png;base64,") == 4  # sets, categories, latency, trend


def test_a_newly_failing_blind_item_is_named_by_its_id_only() -> None:
    from assistant.report import to_markdown

    failing = [
        {"id": "d1", "set": "dev", "question": "How many boats?", "answer": "Twelve boats."},
        {"id": "b1", "set": "blind", "question": "Secret wording?", "answer": "Secret answer."},
    ]
    report = {
        "timestamp": "t", "corpus_version": "v", "baseline_path": "b", "comparison": [],
        "summary": {"overall": {}, "by_category": {}, "latency_ms": {}},
        "newly_failing": failing,
    }  # fmt: skip
    text = to_markdown(report)
    assert "How many boats?" in text and "**b1**" in text
    assert "Secret" not in text
