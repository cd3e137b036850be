"""Extractive answer latency on the sample corpus: retrieval + composition, median and p95.

Run: .venv/bin/python benchmarks/answer_latency.py [--rounds 3]   (needs: assistant ingest)
Asks every question of evals/questions.yaml (follow-ups inside their conversation, no LLM) with
the real model and the real index, `rounds` times, and times the whole `Assistant.ask` call:
condensing, splitting into parts, retrieval of each part and composing the cited answer. As a
baseline in the same process it times retrieval alone (`retrieve`, one call per question, as
deep as `ask` retrieves), so the report can give ratios as well as milliseconds (timings on
this machine are noisy). The first round is a warm-up and is not counted; each round starts with
an empty answer-time vector memo (assistant/embed_memo.py), so no question reuses its own
vectors from an earlier round. Writes benchmarks/results/answer_latency.json and
answer_latency.png. Target (issue #5): p95 of `ask` at most 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.evaluate import load_questions  # noqa: E402
from assistant.pipeline import Conversation, load_assistant  # noqa: E402
from benchmarks.common import boxplot, latency_table  # noqa: E402


def time_round(assistant: object, items: list[dict]) -> dict[str, list[float]]:
    """One pass over the questions: ask (total and its stages), and retrieval alone."""
    runs: dict[str, list[float]] = {
        "retrieve only": [],
        "ask": [],
        "ask: retrieve": [],
        "ask: compose": [],
        "ask, one-part": [],
        "ask, multi-part": [],
    }
    conversations: dict[str, Conversation] = {}
    # Each round starts from an empty vector memo: an answer reuses what other questions
    # embedded (as on a server), never what the same question embedded in an earlier round.
    assistant.answer_embedder.clear()  # type: ignore[attr-defined]
    assistant.answer_tokenize.clear()  # type: ignore[attr-defined]
    policy = assistant.policy  # type: ignore[attr-defined]
    depth = policy.candidate_hits + policy.kind_hits  # as deep as ask() retrieves
    for item in tqdm(items, desc="questions", file=sys.stderr, leave=False):
        convo = conversations.get(item.get("follows", ""), Conversation())
        t0 = time.perf_counter()
        answer = assistant.ask(item["question"], conversation=convo, record=False)  # type: ignore[attr-defined]
        # The baseline embeds its question too: forget the query vector ask() left cached.
        getattr(assistant.embedder, "_queries", {}).clear()  # type: ignore[attr-defined]
        t1 = time.perf_counter()
        assistant.retriever.retrieve(answer.condensed_query, k=depth)  # type: ignore[attr-defined]
        t2 = time.perf_counter()
        conversations[item["id"]] = convo
        total = (t1 - t0) * 1000
        runs["ask"].append(total)
        runs["ask: retrieve"].append(answer.timings["retrieve_ms"])
        runs["ask: compose"].append(answer.timings["answer_ms"])
        multi = len(convo.turns[-1][0].all_parts()) > 1
        runs["ask, multi-part" if multi else "ask, one-part"].append(total)
        runs["retrieve only"].append((t2 - t1) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds after one warm-up")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]  # other work on the machine inflates every figure
    try:
        assistant = load_assistant(Settings())
        items = load_questions(ROOT / "evals" / "questions.yaml")
        time_round(assistant, items)  # warm-up: model, index, caches
    except AssistantError as exc:
        sys.exit(f"error: {exc}")
    runs: dict[str, list[float]] = {}
    for _ in tqdm(range(args.rounds), desc="rounds", file=sys.stderr):
        for key, values in time_round(assistant, items).items():
            runs.setdefault(key, []).extend(values)
    table = latency_table(runs, "retrieve only")
    result = {
        "questions": len(items),
        "rounds": args.rounds,
        "chunks": assistant.retriever.collection.count(),
        "mode": "extractive",
        "target_p95_ms": 300,
        "p95_within_target": table["ask"]["p95_ms"] <= 300,
        "latency": table,
        "load_average": [round(load_start, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answer_latency.json").write_text(json.dumps(result, indent=2) + "\n")
    title = f"Extractive answer latency, sample corpus ({result['chunks']} chunks)"
    boxplot(runs, out / "answer_latency.png", title, target=300)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
