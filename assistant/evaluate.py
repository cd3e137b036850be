"""Evaluate: eval set + Assistant -> EvalReport (retrieval, answers, latency, by category)."""

from __future__ import annotations

import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.metrics import hit_at_k, median, mrr_at_k, ndcg_at_k, percentile


@dataclass
class ItemResult:
    """What happened to one eval question."""

    id: str
    category: str
    question: str
    condensed: str
    retrieved_docs: list[str]
    answer: str
    grounded: bool
    metrics: dict[str, float]
    cited_docs: list[str] = field(default_factory=list)
    unsupported_sentences: list[str] = field(default_factory=list)
    set: str = "heldout"  # dev | heldout | blind


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Read evals/questions.yaml.

    Raises:
        AssistantError: missing or malformed file.
    """
    import yaml

    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise AssistantError(f"Cannot read eval questions from {path}: {exc}") from exc
    return list(items)


def load_sets(questions: Path, extra: dict[str, Path] | None = None) -> list[dict[str, Any]]:
    """The eval questions with their set: questions.yaml's own split, then each extra file.

    `extra` maps a set name (dev, blind) to a file whose every item belongs to that set; a
    file that does not exist is skipped with a note on stderr.
    """
    items = [{"split": "heldout", **i} for i in load_questions(questions)]
    for name, path in (extra or {}).items():
        if not path.is_file():
            print(f"eval: no {name} set at {path}; skipped", file=sys.stderr)
            continue
        items += [{**i, "split": name} for i in load_questions(path)]
    return items


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fact_recall(answer: str, facts: list[str]) -> float:
    """Share of must_include facts present in the answer (case- and space-insensitive)."""
    if not facts:
        return 1.0
    text = _norm(answer)
    return sum(_norm(str(f)) in text for f in facts) / len(facts)


def sentence_supported(sentence: str, quotes: list[str]) -> bool:
    """A sentence is supported when its cited passages contain it (extractive) or its figures."""
    s = _norm(sentence.lstrip("- "))
    joined = _norm(re.sub(r"\*\*|__", "", " ".join(quotes)))
    if s in joined:
        return True
    numbers = re.findall(r"\d[\d,.%]*", s)
    return bool(numbers) and all(n.rstrip(".,") in joined for n in numbers) and len(s) < 400


def claim_supported(sentence: Any, quotes: list[str]) -> bool:
    """Check an answer sentence against its cited passages, part by part when structured.

    A list answer is supported when its intro and every item are; a table answer when its row
    label and every cell value are in the cited passage.
    """
    if getattr(sentence, "cells", ()):
        pieces = [sentence.label] + [value for _, value in sentence.cells]
    elif getattr(sentence, "items", ()):
        pieces = [sentence.text.split(": ", 1)[0], *sentence.items]
    else:
        return sentence_supported(sentence.text, quotes)
    return all(sentence_supported(p.rstrip(";."), quotes) for p in pieces if p)


def headings_supported(sentence: Any, sources: list[Any]) -> bool:
    """Check a list of sub-headings: item i must be the section heading of its i-th citation.

    Headings are document text: each item cites the passage opening its sub-section, whose
    section trail ends with the item (numbering aside), or the passage holding it as a line of
    its own (a heading the loader kept as text); the intro before the items must be a
    heading of a cited passage's trail or its document's title.
    """
    from assistant.outline import split_trail, strip_numbering

    items = tuple(sentence.items)
    tail = ": " + "; ".join(items) + "."
    if not items or len(sources) != len(items) or not sentence.text.endswith(tail):
        return False
    if any(s is None for s in sources):  # a citation with no source
        return False
    intro = _norm(sentence.text[: -len(tail)])
    trails = [split_trail(s.section) for s in sources]
    lines = [{_norm(x) for x in (s.quote or "").splitlines()} for s in sources]
    if not all(
        t and _norm(strip_numbering(t[-1])) == _norm(i) or _norm(i) in own
        for t, i, own in zip(trails, items, lines, strict=True)
    ):
        return False
    heads = {_norm(strip_numbering(h)) for t in trails for h in t} | {
        _norm(s.title) for s in sources
    }
    return intro in heads


def _relevance(item: dict[str, Any]) -> dict[str, int]:
    return {d: 1 for d in item.get("expected_docs", [])}


def score_item(item: dict[str, Any], answer: Any, retrieved: list[str]) -> ItemResult:
    """Compute every per-question metric."""
    rel = _relevance(item)
    unanswerable = item["category"] == "unanswerable"
    metrics: dict[str, float] = {"abstained": float(not answer.grounded)}
    if not unanswerable:
        metrics.update(
            {
                "hit@1": hit_at_k(retrieved, rel, 1),
                "hit@5": hit_at_k(retrieved, rel, 5),
                "mrr@10": mrr_at_k(retrieved, rel, 10),
                "ndcg@10": ndcg_at_k(retrieved, rel, 10),
                "fact_recall": fact_recall(answer.text, item.get("must_include", [])),
            }
        )
        metrics["facts_all"] = float(metrics["fact_recall"] == 1.0)
        if metrics["facts_all"]:
            first = answer.text.strip().split("\n", 1)[0]
            metrics["first_line_has_facts"] = fact_recall(first, item["must_include"])
    quotes = {s.n: s.quote for s in answer.sources}
    by_n = {s.n: s for s in answer.sources}
    unsupported = [
        s.text
        for s in answer.sentences
        if not (
            headings_supported(s, [by_n.get(n) for n in s.citations])
            if getattr(s, "headings", False)
            else claim_supported(s, [quotes.get(n, "") for n in s.citations])
        )
    ]
    if answer.sentences:
        metrics["citation_support"] = 1 - len(unsupported) / len(answer.sentences)
    if item.get("supersession"):
        cited = {s.doc_id for s in answer.sources}
        metrics["supersession_ok"] = float(
            set(item["expected_docs"]) <= cited
            or bool(set(item["expected_docs"]) & cited)
            and metrics["fact_recall"] == 1.0
        )
    return ItemResult(
        item["id"],
        item["category"],
        item["question"],
        answer.condensed_query,
        retrieved,
        answer.text,
        answer.grounded,
        metrics,
        [s.doc_id for s in answer.sources],
        unsupported,
        item.get("split", "heldout"),
    )


# Told after each question or wording case: (stage "questions" | "wording", done, total).
Progress = Callable[[str, int, int], None]


def run_questions(
    assistant: Any, items: list[dict[str, Any]], progress: Progress | None = None
) -> tuple[list[ItemResult], dict[str, list[float]]]:
    """Ask every question (follow-ups inside their conversation); collect results and latency."""
    from tqdm import tqdm

    from assistant.pipeline import Conversation

    results, latency = [], defaultdict(list)
    conversations: dict[str, Conversation] = {}
    for item in tqdm(items, desc="eval questions", file=sys.stderr):
        convo = conversations.get(item.get("follows", ""), Conversation())
        started = time.perf_counter()
        answer = assistant.ask(item["question"], conversation=convo, record=False)
        latency["total_ms"].append((time.perf_counter() - started) * 1000)
        for key, value in answer.timings.items():
            latency[key].append(value)
        conversations[item["id"]] = convo
        hits = assistant.retriever.retrieve(answer.condensed_query, k=10)
        retrieved = list(dict.fromkeys(h.chunk.doc_id for h in hits))
        results.append(score_item(item, answer, retrieved))
        if progress:
            progress("questions", len(results), len(items))
    return results, dict(latency)


SETS = ("dev", "heldout", "blind")


def _mean(rows: list[ItemResult], key: str) -> float:
    vals = [r.metrics[key] for r in rows if key in r.metrics]
    return round(sum(vals) / len(vals), 4) if vals else 0.0


def set_metrics(results: list[ItemResult]) -> dict[str, float]:
    """Retrieval, answer and abstention metrics of one group of eval questions."""
    answerable = [r for r in results if r.category != "unanswerable"]
    unanswerable = [r for r in results if r.category == "unanswerable"]
    abstained = [r for r in results if not r.grounded]
    sentences = [r.metrics["citation_support"] for r in results if "citation_support" in r.metrics]
    keys = ("hit@1", "hit@5", "mrr@10", "ndcg@10", "fact_recall", "facts_all")
    overall = {k: _mean(answerable, k) for k in keys}
    overall.update(
        {
            "first_line_has_facts": _mean(answerable, "first_line_has_facts"),
            "citation_support": round(sum(sentences) / len(sentences), 4) if sentences else 0.0,
            "abstention_recall": _mean(unanswerable, "abstained"),
            "abstention_precision": round(
                sum(r.category == "unanswerable" for r in abstained) / len(abstained), 4
            )
            if abstained
            else 1.0,
            "wrong_abstention": _mean(answerable, "abstained"),
            "supersession_ok": _mean(results, "supersession_ok"),
        }
    )
    return overall


def summarize(results: list[ItemResult], latency: dict[str, list[float]]) -> dict[str, Any]:
    """Aggregate per-item metrics per set (dev, heldout, blind) and by category.

    `overall` is the held-out set's figures: the gate. The dev set was used for calibration and
    the blind set was written without sight of the code; `gap` is dev minus blind.
    """
    sets = {
        name: {"n": len(rows), **set_metrics(rows)}
        for name in SETS
        if (rows := [r for r in results if r.set == name])
    }
    gate = [r for r in results if r.set == "heldout"] or results
    overall = set_metrics(gate)
    if "dev" in sets and "blind" in sets:
        overall["dev_minus_blind_facts_all"] = round(
            sets["dev"]["facts_all"] - sets["blind"]["facts_all"], 4
        )
    categories: dict[str, dict[str, float]] = {}
    for cat in sorted({r.category for r in results}):
        rows = [r for r in results if r.category == cat]
        keys = ("abstained",) if cat == "unanswerable" else ("hit@5", "mrr@10", "facts_all")
        categories[cat] = {"n": len(rows), **{k: _mean(rows, k) for k in keys}}
    lat = {
        k: {"p50": round(median(v), 1), "p95": round(percentile(v, 95), 1)}
        for k, v in latency.items()
    }
    return {"overall": overall, "sets": sets, "by_category": categories, "latency_ms": lat}


def passed(result: ItemResult) -> bool:
    """An answerable item passes with every fact and the right document in the top 5."""
    if result.category == "unanswerable":
        return not result.grounded
    return result.metrics.get("facts_all") == 1.0 and result.metrics.get("hit@5") == 1.0


def load_baseline(path: Path) -> dict[str, Any]:
    """Return the committed baseline, or an empty one."""
    import json

    return json.loads(path.read_text()) if path.is_file() else {}


def changed_documents(baseline: dict[str, Any], manifest: dict[str, Any]) -> list[str]:
    """doc_ids added, removed or changed since the baseline was recorded."""
    old = baseline.get("documents", {})
    new = {k: v["file_hash"] for k, v in manifest.get("documents", {}).items()}
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


WORDING_SETS = {"dev": "wording_dev.yaml", "blind": "wording_blind.yaml"}  # beside wording.yaml
WORDING_VERDICTS = ("supported", "conflict", "outdated", "unsupported")


def load_wording(path: Path) -> list[dict[str, Any]]:
    """The wording cases with their set: wording.yaml's own split, then the files beside it.

    wording.yaml's items carry `split: dev|heldout`; every item of `wording_dev.yaml` is dev
    and every item of `wording_blind.yaml` blind. A file that does not exist is skipped with a
    note on stderr.

    Raises:
        AssistantError: a file is malformed.
    """
    import yaml

    def read(file: Path) -> list[dict[str, Any]]:
        try:
            return list(yaml.safe_load(file.read_text(encoding="utf-8"))["wording"])
        except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise AssistantError(f"Cannot read wording cases from {file}: {exc}") from exc

    cases = [{"split": "heldout", **c} for c in read(path)]
    for name, file in WORDING_SETS.items():
        extra = path.with_name(file)
        if not extra.is_file():
            print(f"eval: no wording {name} set at {extra}; skipped", file=sys.stderr)
            continue
        cases += [{**c, "split": name} for c in read(extra)]
    return cases


def wording_row(case: dict[str, Any], verdict: Any, ms: float) -> dict[str, Any]:
    """What happened to one wording case."""
    return {
        "id": case["id"],
        "set": case.get("split", "heldout"),
        "expected": case["expected_verdict"],
        "got": verdict.verdict,
        "ms": round(ms, 1),
        "element_expected": case.get("mismatch"),
        "element_got": verdict.element,
        "reasons": verdict.reasons,
        "passed": verdict.verdict == case["expected_verdict"],
    }


def _share(rows: list[dict[str, Any]], test: Any) -> float:
    return round(sum(bool(test(r)) for r in rows) / len(rows), 4) if rows else 0.0


def wording_metrics(rows: list[dict[str, Any]]) -> dict[str, float]:
    """The wording figures of one set of cases.

    `wording_false_supported` is the harmful error: a draft with a planted error (expected
    verdict not supported) marked supported. `wording_paraphrase_supported` is the share of
    faithful drafts marked supported; `wording_element` the share of expected conflicts judged
    conflict with the right mismatching element; `wording_sentence_ms` the median time per case.
    """
    wrong = [r for r in rows if r["expected"] != "supported"]
    right = [r for r in rows if r["expected"] == "supported"]
    conflicts = [r for r in rows if r["expected"] == "conflict"]
    metrics = {
        "n": len(rows),
        "wording_accuracy": _share(rows, lambda r: r["passed"]),
        "wording_false_supported": _share(wrong, lambda r: r["got"] == "supported"),
        "wording_paraphrase_supported": _share(right, lambda r: r["got"] == "supported"),
        "wording_element": _share(
            conflicts,
            lambda r: r["got"] == "conflict" and r["element_got"] == r["element_expected"],
        ),
        "wording_sentence_ms": round(median([r["ms"] for r in rows]), 1) if rows else 0.0,
    }
    for verdict in WORDING_VERDICTS:
        group = [r for r in rows if r["expected"] == verdict]
        if group:
            metrics[f"wording_{verdict}"] = _share(group, lambda r: r["passed"])
    return metrics


def run_wording(
    assistant: Any, path: Path, progress: Progress | None = None
) -> tuple[dict[str, dict[str, float]], list[dict[str, Any]]]:
    """Judge every wording case (dev, held-out, blind); return the figures per set and the rows."""
    from tqdm import tqdm

    rows = []
    cases = load_wording(path)
    for case in tqdm(cases, desc="eval wording", file=sys.stderr):
        started = time.perf_counter()
        verdict = assistant.check_wording(case["text"])[0]
        rows.append(wording_row(case, verdict, (time.perf_counter() - started) * 1000))
        if progress:
            progress("wording", len(rows), len(cases))
    sets = {
        name: wording_metrics(group)
        for name in SETS
        if (group := [r for r in rows if r["set"] == name])
    }
    return sets, rows


def run_eval(
    assistant: Any,
    questions: Path,
    baseline_path: Path,
    reports: Path,
    update_baseline: bool = False,
    only: str | None = None,
    wording: Path | None = None,
    extra_sets: dict[str, Path] | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, Any], Path]:
    """Run the eval set, compare with the baseline, write the report folder.

    With `update_baseline` the report becomes the new baseline (report.write_baseline, which
    the Documents page's "Accept as new baseline" also calls). `progress` is told after each
    question and wording case.
    """
    from assistant.report import compare, newly_failing, timestamp, write_baseline, write_report

    items = load_sets(questions, extra_sets) if only != "wording" else []
    results, latency = run_questions(assistant, items, progress) if items else ([], {})
    summary = summarize(results, latency)
    wording_rows: list[dict[str, Any]] = []
    if wording is not None and only in (None, "wording"):
        wording_sets, wording_rows = run_wording(assistant, wording, progress)
        summary["wording_sets"] = wording_sets
        gate = wording_sets.get("heldout", {})  # the held-out cases gate, as for questions
        summary["overall"].update(
            {k: v for k, v in gate.items() if k.startswith("wording_") and not k.endswith("_ms")}
        )
        ms = [r["ms"] for r in wording_rows]
        summary["latency_ms"]["wording_sentence_ms"] = {
            "p50": round(median(ms), 1),
            "p95": round(percentile(ms, 95), 1),
        }
    if only == "retrieval":
        summary["overall"] = {
            k: v
            for k, v in summary["overall"].items()
            if k in ("hit@1", "hit@5", "mrr@10", "ndcg@10")
        }
    baseline = load_baseline(baseline_path)
    manifest = assistant.retriever.manifest
    changed = changed_documents(baseline, manifest) if baseline else []
    rows = [{**r.__dict__, "passed": passed(r)} for r in results] + [
        {**w, "category": "wording", "question": w["id"], "answer": w["got"]} for w in wording_rows
    ]
    report = {
        "timestamp": timestamp(),
        "corpus_version": manifest.get("corpus_version"),
        "baseline_path": str(baseline_path),
        "summary": summary,
        "comparison": compare(summary["overall"], baseline.get("summary", {})),
        "newly_failing": newly_failing(rows, baseline.get("items", {})),
        "changed_documents": changed,
        "items_to_review": [
            i["id"] for i in items if set(i.get("expected_docs", [])) & set(changed)
        ],
        "items": rows,
        # the indexed files' hashes: what a baseline recorded from this report compares against
        "documents": {k: v["file_hash"] for k, v in manifest.get("documents", {}).items()},
    }
    folder = write_report(reports, report)
    if update_baseline:
        write_baseline(baseline_path, report)
    return report, folder
