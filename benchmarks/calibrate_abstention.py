"""Calibrate the abstention thresholds on evals/questions.yaml.

Run: .venv/bin/python benchmarks/calibrate_abstention.py   (needs an index: assistant ingest)
Each question is split into its parts as the assistant does (followup.split_question); for each
part it records the features the answerer decides on: best sentence score, IDF-weighted coverage
of the part by the top passages, the rarest term missing from them, and, for a "how many"
question, whether a sentence gives a number of the thing counted. A question abstains when every
part fails. It prints the threshold triples that keep wrong abstentions on answerable questions
at or under 5%, best abstention recall first. The chosen triple goes into AnswerPolicy.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from tqdm import tqdm

from assistant.config import Settings
from assistant.evaluate import load_questions
from assistant.followup import condense, split_question
from assistant.pipeline import load_assistant

Part = tuple[float, float, float, bool]  # best, coverage, rarest missing idf, has a count


def features() -> list[tuple[bool, list[Part]]]:
    assistant = load_assistant(Settings())
    depth = assistant.policy.candidate_hits + assistant.policy.kind_hits
    history: dict[str, str] = {}
    rows = []
    items = load_questions(Path("evals/questions.yaml"))
    for item in tqdm(items, desc="questions", file=sys.stderr):
        prev = history.get(item.get("follows", ""))
        query = condense(item["question"], [prev] if prev else [])
        history[item["id"]] = query
        parts = []
        for part in split_question(query):
            ev = assistant.scorer.score(part, assistant.retriever.retrieve(part, k=depth))
            rarest = max((idf for idf, _ in ev.missing), default=0.0)
            parts.append((ev.best, ev.coverage, rarest, ev.has_count))
        rows.append((item["category"] == "unanswerable", parts))
    return rows


def main() -> None:
    rows = features()
    unans = [parts for u, parts in rows if u]
    ans = [parts for u, parts in rows if not u]
    found = []
    for s, c, m in itertools.product(
        [0.30 + 0.025 * i for i in range(10)],
        [0.30 + 0.05 * i for i in range(8)],
        [2.5 + 0.25 * i for i in range(12)],
    ):

        def abstains(parts: list[Part], s: float = s, c: float = c, m: float = m) -> bool:
            return all(b < s or cov < c or r >= m or not n for b, cov, r, n in parts)

        recall = sum(map(abstains, unans)) / len(unans)
        wrong = sum(map(abstains, ans)) / len(ans)
        if wrong <= 0.05:
            found.append((recall, -wrong, s, c, m))
    print("abstain-recall  wrong-abstain  abstain_below  min_coverage  max_missing_idf")
    for recall, wrong, s, c, m in sorted(found, reverse=True)[:15]:
        print(
            f"{recall:.3f}           {-wrong:.3f}          {s:.3f}          {c:.2f}"
            f"          {m:.2f}"
        )


if __name__ == "__main__":
    main()
