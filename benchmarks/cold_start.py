"""Cold start: `assistant ask` from process start to answer printed, and `assistant chat` turns.

Run: .venv/bin/python benchmarks/cold_start.py [--rounds 5]   (needs: assistant ingest)
Alternates the two embedding backends (onnx, the default, and torch, i.e. sentence-transformers,
the baseline in the same run) `rounds` times each, timing the wall clock of one
`assistant ask` process; then pipes questions into one `assistant chat --json` process and times
each answer after the first (stdin write to answer line read). Writes
benchmarks/results/cold_start.json and cold_start.png. Targets (issue #14): cold ask at most 4 s;
chat answers after the first at most 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import bench_env, latency_table, save_result  # noqa: E402

ASSISTANT = [sys.executable, "-m", "assistant"]
QUESTIONS = [
    "How much is the Serious Violence Duty grant?",
    "Who chairs the partnership?",
    "How many Prevent referrals were there in 2023/24?",
    "What are the priorities of the combating drugs partnership?",
    "what about reoffending?",
    "Which areas have the highest crime rates?",
    "When was the serious violence strategy published?",
]


def env(backend: str) -> dict[str, str]:
    return bench_env(ASSISTANT_EMBEDDING_BACKEND=backend)


def cold_ask(backend: str) -> float:
    """Seconds from process start to the answer printed (process exit)."""
    t0 = time.perf_counter()
    subprocess.run(
        [*ASSISTANT, "ask", QUESTIONS[0]],
        env=env(backend),
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def chat_turns(backend: str) -> list[float]:
    """Milliseconds per answer after the first, in one `assistant chat --json` process."""
    proc = subprocess.Popen(
        [*ASSISTANT, "chat", "--json"],
        env=env(backend),
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin and proc.stdout
    times = []
    for q in QUESTIONS:
        t0 = time.perf_counter()
        proc.stdin.write(q + "\n")
        proc.stdin.flush()
        json.loads(proc.stdout.readline())
        times.append((time.perf_counter() - t0) * 1000)
    proc.stdin.close()
    proc.wait(timeout=60)
    return times[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cold_ask("onnx")  # a first run exports the ONNX model if needed; not counted
    runs: dict[str, list[float]] = {"ask, torch": [], "ask, onnx": []}
    for _ in tqdm(range(args.rounds), desc="cold ask", file=sys.stderr, leave=False):
        for backend in ("torch", "onnx"):
            runs[f"ask, {backend}"].append(cold_ask(backend) * 1000)
    chat = chat_turns("onnx")
    table = latency_table({**runs, "chat turn, onnx": chat}, base="ask, torch")
    result = {
        "rounds": args.rounds,
        "table": table,
        "cold_ask_median_s": round(statistics.median(runs["ask, onnx"]) / 1000, 2),
        "chat_turn_median_ms": round(statistics.median(chat), 1),
        "chat_turn_max_ms": round(max(chat), 1),
    }
    save_result("cold_start", result, runs, "Cold `assistant ask`, process start to answer", 4000)


if __name__ == "__main__":
    main()
