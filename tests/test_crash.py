"""Crash safety: `assistant ingest` killed with SIGKILL at random points, then checked.

Each check runs in a fresh process (`python -m tests.test_crash INDEX`), as a reader that
starts after the crash would: the index must open, `assistant status` must find it consistent
with the manifest, every document must be served whole in one version, and nothing an
interrupted ingest wrote but never listed may reach a search.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = 200
KILLS = 10
TOPICS = ["knife crime", "drug treatment", "reoffending", "Prevent referrals", "road safety"]


def write_doc(corpus: Path, i: int, edition: str) -> None:
    """A small document whose every paragraph names its edition (to see a mixed version)."""
    topic = TOPICS[i % len(TOPICS)]
    paras = [
        f"# Briefing {i} on {topic}",
        *(
            f"Edition {edition} of briefing {i}. Paragraph {p} notes that {topic} in area {i} "
            f"changed by {(i * 7 + p) % 97} per cent, according to partner {p} of the board. "
            f"The briefing sets out action {p} for the year ahead and how it will be measured."
            for p in range(4)
        ),
    ]
    (corpus / f"briefing-{i:03d}.md").write_text("\n\n".join(paras) + "\n", encoding="utf-8")


def _env(corpus: Path, index: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(corpus),
        "ASSISTANT_INDEX_DIR": str(index),
        "PYTHONPATH": str(ROOT),
        "CI": "true",
    }


def ingest(corpus: Path, index: Path, kill_after: float | None) -> bool:
    """Run `assistant ingest`; with kill_after, SIGKILL it then. True if it was killed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest"],
        env=_env(corpus, index),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=kill_after)
        assert kill_after is not None or proc.returncode == 0, "ingest failed"
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def check(corpus: Path, index: Path) -> dict:
    """Run the reader-side checks in a new process; return what it found."""
    status = subprocess.run(
        [sys.executable, "-m", "assistant", "status", "--json"],
        env=_env(corpus, index),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert status.returncode == 0, status.stderr
    found = subprocess.run(
        [sys.executable, "-m", "tests.test_crash", str(index)],
        env=_env(corpus, index),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert found.returncode == 0, found.stderr
    return {"status": json.loads(status.stdout), **json.loads(found.stdout)}


def read_index(index_dir: Path) -> dict:
    """Editions served per document, and whether searches keep to the manifest's chunks."""
    from assistant.config import Settings
    from assistant.pipeline import make_embedder
    from assistant.retrieve import HybridRetriever
    from assistant.store import live_ids

    settings = Settings(index_dir=index_dir)
    retriever = HybridRetriever(settings, make_embedder(settings))
    live = live_ids(retriever.manifest) or set()
    editions: dict[str, list[str]] = {}
    for doc_id, entry in retriever.manifest["documents"].items():
        got = retriever.collection.get(ids=entry["chunk_ids"], include=["documents"])
        editions[doc_id] = sorted(
            {w for text in got["documents"] for w in ("A", "B") if f"Edition {w} " in text}
        )
    hits = retriever.retrieve("knife crime briefing edition", k=20)
    return {
        "editions": editions,
        "lexical_is_live": set(retriever.lexical.ids) == live,
        "hits_live": all(h.chunk.id in live for h in hits),
        "hits": len(hits),
    }


def assert_sound(found: dict) -> None:
    """What every reader after a crash must find."""
    check = found["status"]["check"]
    assert check["consistent"], check
    assert found["lexical_is_live"] and found["hits_live"] and found["hits"] > 0
    for doc_id, editions in found["editions"].items():
        assert len(editions) == 1, f"{doc_id} is served in a mix of versions: {editions}"


@pytest.mark.slow
def test_ingest_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for i in range(DOCS):
        write_doc(corpus, i, "A")
    seed = int(os.environ.get("CRASH_SEED", time.time()))
    rng = random.Random(seed)
    print(f"CRASH_SEED={seed}")
    kills, updated, removed, rounds = 0, set(), set(), 0
    while kills < KILLS or rounds < 2:
        rounds += 1
        if rounds > 1:  # an update: new editions of some documents, others removed
            updated = set(rng.sample(range(DOCS), 40))
            for i in updated:
                write_doc(corpus, i, "B")
            removed = set(rng.sample(sorted(set(range(DOCS)) - updated), 5))
            for i in removed:
                (corpus / f"briefing-{i:03d}.md").unlink(missing_ok=True)
        streak = 0  # each try gets longer, so progress is made even on a slow machine
        while ingest(corpus, index, kill_after=rng.uniform(1.5, 8.0) + 2 * streak):
            kills, streak = kills + 1, streak + 1
            if (index / "manifest.json").is_file():
                assert_sound(check(corpus, index))
    ingest(corpus, index, kill_after=None)  # the next ingest finishes the work
    found = check(corpus, index)
    assert_sound(found)
    status = found["status"]
    assert status["check"]["unlisted"] == 0 and status["check"]["unlisted_sentences"] == 0
    on_disk = {p.stem for p in corpus.glob("*.md")}
    assert set(found["editions"]) == on_disk
    for i in updated - removed:
        assert found["editions"][f"briefing-{i:03d}"] == ["B"]
    print(f"{kills} kills survived in {rounds} rounds ({DOCS} documents, then updates)")
    assert kills >= KILLS


if __name__ == "__main__":
    print(json.dumps(read_index(Path(sys.argv[1]))))
