"""Incremental re-ingest: change 1 of N documents, against a full rebuild of all N.

Run: .venv/bin/python benchmarks/incremental.py [--docs 1000] [--chars 1000] [--rounds 3]
Generates `docs` Markdown files of about `chars` characters from the sample corpus's paragraphs
(benchmarks/results/tmp/), builds the index once in full (timed), then `rounds` times edits one
document (a different one each time) and re-ingests (timed). Writes
benchmarks/results/incremental.json. Target (issue #14): at least 50x faster than the rebuild.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.index import build_index  # noqa: E402
from assistant.pipeline import make_embedder  # noqa: E402
from benchmarks.ingest_speed import TMP, generate  # noqa: E402

OUT = ROOT / "benchmarks" / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=1000, help="characters per document")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    corpus = generate(TMP / "incremental-corpus", args.docs * args.chars, args.docs)
    index = TMP / "incremental-index"
    shutil.rmtree(index, ignore_errors=True)
    settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=index)
    embedder = make_embedder(settings)
    embedder.embed_query("warm up")
    t0 = time.perf_counter()
    full = build_index(settings, embedder, rebuild=True)
    rebuild_s = time.perf_counter() - t0
    files = sorted(corpus.glob("*.md"))
    changed: list[float] = []
    for r in range(args.rounds):
        path = files[(r * 337) % len(files)]
        path.write_text(
            path.read_text(encoding="utf-8") + f"\n\nA paragraph added in edit {r + 1}.\n",
            encoding="utf-8",
        )
        t0 = time.perf_counter()
        report = build_index(settings, embedder)
        changed.append(time.perf_counter() - t0)
        counts = report.to_dict()["counts"]
        assert counts.get("updated") == 1, counts
    median = statistics.median(changed)
    result = {
        "docs": args.docs,
        "chunks": full.to_dict().get("chunks_embedded"),
        "full_rebuild_s": round(rebuild_s, 2),
        "change_one_runs_s": [round(x, 3) for x in changed],
        "change_one_median_s": round(median, 3),
        "rebuild_vs_change_one": round(rebuild_s / median, 1),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "incremental.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
