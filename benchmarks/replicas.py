"""Three app replicas sharing one Chroma server on loopback, against one replica.

Run: .venv/bin/python benchmarks/replicas.py [--questions 6] [--up 30]   (needs Debian's chromium)
Starts `chroma run` on a loopback port, ingests the sample corpus into it once, then starts
`assistant serve` processes that each have an empty index folder of their own (they read the
manifest the ingest published on the server). Headless Chromium users (Playwright, one thread
each) ask the same questions, and each answer is timed from Enter to its feedback buttons:
- 1 replica, 1 user (the baseline);
- 1 replica, 3 users at once;
- 3 replicas, 3 users at once, one user per replica.
Writes benchmarks/results/replicas.json and replicas.png. On 2 cores the replicas share the CPU:
this shows that they work together on one index, not a speed-up the machine cannot give.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.index import build_index  # noqa: E402
from assistant.pipeline import make_embedder  # noqa: E402
from benchmarks.common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    RESULTS,
    free_port,
    latency_table,
    save_result,
)
from benchmarks.first_answer import start  # noqa: E402

TMP = RESULTS / "tmp" / "replicas"
QUESTIONS = [
    "How much is the Serious Violence Duty grant?",
    "Who chairs the partnership?",
    "How many Prevent referrals were there in 2023/24?",
    "What are the priorities of the combating drugs partnership?",
    "Which areas have the highest crime rates?",
    "When was the serious violence strategy published?",
    "What is Operation Enhance?",
    "How many adults were in structured drug treatment?",
]


def chroma_server() -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
    proc = subprocess.Popen(
        [exe, "run", "--path", str(TMP / "chroma"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    import urllib.request

    for _ in range(150):
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.4)
    proc.kill()
    raise SystemExit("chroma run did not start")


def user(url: str, questions: list[str], times: list[float]) -> None:
    """One person in their own browser: asks each question and waits for the whole answer."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url)
        for i, q in enumerate(questions, start=1):
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=120_000)
            box.fill(q)
            t0 = time.perf_counter()
            box.press("Enter")
            page.locator("[data-testid='stFeedback']").nth(i - 1).wait_for(timeout=120_000)
            times.append((time.perf_counter() - t0) * 1000)
        browser.close()


def session(urls: list[str], users: int, questions: list[str]) -> list[float]:
    """`users` people at once, spread over the replicas; every answer's milliseconds."""
    times: list[float] = []
    threads = [
        threading.Thread(target=user, args=(urls[i % len(urls)], questions, times))
        for i in range(users)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--up", type=float, default=30.0)
    args = parser.parse_args()
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    server, chroma_url = chroma_server()
    apps: list[subprocess.Popen] = []
    try:
        writer = Settings(
            _env_file=None,
            corpus_dir=ROOT / "corpus",
            index_dir=TMP / "writer",
            chroma_url=chroma_url,
        )
        build_index(writer, make_embedder(writer))
        urls = []
        for i in range(3):
            os.environ.update(
                ASSISTANT_CHROMA_URL=chroma_url, ASSISTANT_INDEX_DIR=str(TMP / f"replica-{i}")
            )
            proc, url = start([sys.executable, "-m", "assistant", "serve"])
            apps.append(proc)
            urls.append(url)
        time.sleep(args.up)  # every replica warms up as it starts
        questions = QUESTIONS[: args.questions]
        runs = {
            "1 replica, 1 user": session(urls[:1], 1, questions),
            "1 replica, 3 users": session(urls[:1], 3, questions),
            "3 replicas, 3 users": session(urls, 3, questions),
        }
    finally:
        for proc in [*apps, server]:
            proc.terminate()
            proc.wait(timeout=30)
    result = {
        "questions_per_user": args.questions,
        "table": latency_table(runs, base="1 replica, 1 user"),
    }
    save_result(
        "replicas", result, runs, "Answer time in the browser, replicas on one Chroma server"
    )


if __name__ == "__main__":
    main()
