"""Load: answer latency with 1 and with 10 people asking at once through one Assistant.

Run: .venv/bin/python benchmarks/load.py [--questions 200] [--threads 10]   (needs: ingest)
One real Assistant (the model and the index of `index/`, as the app shares one per process)
answers `questions` questions from evals/questions.yaml, each person holding their own
conversation, first from one thread (the baseline, in the same run), then from `threads`
threads at once. Every answer is audited, as in use, into a throw-away store whose chain is
verified afterwards. Reports median and p95 per answer and the ratio against one thread, and
throughput. Writes benchmarks/results/load.json and load.png. Issue #15, item 8: no errors,
every answer audited.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.audit import AuditLog  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.evaluate import load_questions  # noqa: E402
from assistant.pipeline import Assistant, Conversation, load_assistant  # noqa: E402
from benchmarks.common import latency_table, save_result  # noqa: E402


def scripts(total: int, people: int) -> list[list[str]]:
    """`total` eval questions dealt out in order to `people` conversations."""
    questions = [item["question"] for item in load_questions(ROOT / "evals" / "questions.yaml")]
    asked = [questions[i % len(questions)] for i in range(total)]
    size = -(-total // people)
    return [asked[k * size : (k + 1) * size] for k in range(people)]


def run(assistant: Assistant, people: list[list[str]]) -> tuple[list[float], float, int]:
    """Ask each person's questions in their own thread; return ms per answer, seconds, errors."""
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock, start = threading.Lock(), threading.Barrier(len(people))
    assistant.answer_embedder.clear()  # each run starts from an empty answer-time vector memo
    assistant.answer_tokenize.clear()  # and token memo

    def person(k: int, questions: list[str]) -> None:
        convo = Conversation()
        start.wait()
        for question in questions:
            t0 = time.perf_counter()
            try:
                assistant.ask(question, conversation=convo, user=f"load{k}")
            except Exception as exc:  # counted and reported, the run goes on
                errors.append(exc)
            with lock:
                latencies.append((time.perf_counter() - t0) * 1000)

    threads = [threading.Thread(target=person, args=(k, q)) for k, q in enumerate(people)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - t0, len(errors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=200, help="questions per run")
    parser.add_argument("--threads", type=int, default=10, help="people asking at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = AuditLog(Path(tmp) / "audit.sqlite3")
        try:
            assistant = load_assistant(Settings(), audit=store)
            assistant.ask("What does the partnership do?", record=False)  # warm-up
        except AssistantError as exc:
            sys.exit(f"error: {exc}")
        runs, result = {}, {"questions": args.questions, "mode": "extractive", "runs": {}}
        for label, people in (("serial", 1), ("concurrent", args.threads)):
            latencies, seconds, errors = run(assistant, scripts(args.questions, people))
            runs[label] = latencies
            result["runs"][label] = {
                "threads": people,
                "errors": errors,
                "seconds": round(seconds, 2),
                "answers_per_s": round(len(latencies) / seconds, 2),
                "mean_ms": round(statistics.fmean(latencies), 1),
            }
        check = store.verify()
        result["audit"] = {"records": check.records, "chain_ok": check.ok, "problem": check.problem}
    result["chunks"] = assistant.retriever.collection.count()
    result["latency"] = latency_table(runs, "serial")
    title = f"Per answer: 1 person (serial) vs {args.threads} at once, {args.questions} questions"
    save_result("load", result, runs, title)


if __name__ == "__main__":
    main()
