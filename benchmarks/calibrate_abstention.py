"""Calibrate the abstention thresholds on evals/questions.yaml.

Run: .venv/bin/python benchmarks/calibrate_abstention.py   (needs an index: assistant ingest)
For each question it records three features of the evidence (best sentence score, IDF-weighted
coverage of the question by the top passages, rarest question term missing from them), then
prints the threshold triples that keep wrong abstentions on answerable questions at or under 5%,
best abstention recall first. The chosen triple goes into AnswerPolicy.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from assistant.config import Settings
from assistant.evaluate import load_questions
from assistant.followup import condense
from assistant.pipeline import load_assistant


def features() -> list[tuple[bool, float, float, float]]:
    assistant = load_assistant(Settings())
    history: dict[str, str] = {}
    rows = []
    for item in load_questions(Path("evals/questions.yaml")):
        prev = history.get(item.get("follows", ""))
        query = condense(item["question"], [prev] if prev else [])
        history[item["id"]] = query
        hits = assistant.retriever.retrieve(query, k=assistant.policy.candidate_hits)
        ev = assistant.scorer.score(query, hits)
        rarest = max((idf for idf, _ in ev.missing), default=0.0)
        rows.append((item["category"] == "unanswerable", ev.best, ev.coverage, rarest))
    return rows


def main() -> None:
    rows = features()
    unans = [r for r in rows if r[0]]
    ans = [r for r in rows if not r[0]]
    found = []
    for s, c, m in itertools.product(
        [0.30 + 0.025 * i for i in range(10)],
        [0.30 + 0.05 * i for i in range(8)],
        [2.5 + 0.25 * i for i in range(12)],
    ):

        def abstains(r: tuple[bool, float, float, float], s=s, c=c, m=m) -> bool:
            return r[1] < s or r[2] < c or r[3] >= m

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
