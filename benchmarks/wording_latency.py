"""Wording check latency: a ~2,000-word draft checked whole, per sentence against one `ask`.

The draft is built from the corpus's own sentences (the first sentence of each passage, in
order, until 2,000 words), so it reads like a briefing and touches every document; no eval
set is used. Both runs are in the same process after a warm-up, so the ratio holds on a busy
machine even when the absolute times do not. Writes benchmarks/results/wording_latency.json.

Run: .venv/bin/python benchmarks/wording_latency.py   (needs: assistant ingest)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.cite import split_sentences  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.pipeline import load_assistant  # noqa: E402
from assistant.wording import split_draft  # noqa: E402
from benchmarks.common import latency_table  # noqa: E402

OUT = Path(__file__).parent / "results" / "wording_latency.json"


def build_draft(texts: list[str], words: int = 2000) -> str:
    """First prose sentence of each passage, in order, until `words` words."""
    out, total = [], 0
    for text in texts:
        prose = [s for s in split_sentences(text) if " | " not in s and not s.startswith("- ")]
        if not prose or len(prose[0].split()) < 8:
            continue
        out.append(prose[0])
        total += len(prose[0].split())
        if total >= words:
            break
    return " ".join(out)


def main() -> None:
    assistant = load_assistant(Settings())
    got = assistant.retriever.collection.get(include=["documents"])
    draft = build_draft(sorted(got["documents"]))
    sentences = split_draft(draft)
    assistant.check_wording(sentences[0])  # warm-up: model, glossary, corpus names
    assistant.ask(sentences[0], record=False)
    stamps = [time.perf_counter()]
    assistant.check_wording(draft, progress=lambda _: stamps.append(time.perf_counter()))
    whole_s = stamps[-1] - stamps[0]
    check_ms = [(b - a) * 1000 for a, b in zip(stamps, stamps[1:], strict=False)]
    ask_ms = []
    for sentence in sentences:
        started = time.perf_counter()
        assistant.ask(sentence, record=False)
        ask_ms.append((time.perf_counter() - started) * 1000)
    result = {
        "draft_words": len(draft.split()),
        "sentences": len(sentences),
        "whole_draft_s": round(whole_s, 2),
        "per_sentence": latency_table({"ask": ask_ms, "check_wording": check_ms}, "ask"),
    }
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
