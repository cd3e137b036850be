"""Query cost at 1,000, 10,000 and 100,000 chunks: retrieval stages and the whole answer, RSS.

Run: .venv/bin/python benchmarks/retrieval_latency.py [--sizes 1000,10000,100000] [--queries 200]
The generated corpus samples sentences of the sample corpus into N chunks; each vector is the
real embedding of the chunk it was sampled from plus small noise (embedding 100,000 chunks for
real would take about an hour here and does not change search cost). Questions are the real
eval questions, embedded by the real model; each is retrieved (BM25, dense, hybrid) and then
answered in full by the extractive `ask`. The first query is excluded (warm-up). The questions
repeat to make up the count: each pass over them starts with an empty answer-time vector memo
(assistant/embed_memo.py), so a repeated question does not reuse its own vectors. Each size runs
in its own process, so its peak RSS is its own. Writes benchmarks/results/latency.json,
latency.png (the largest size) and latency_by_size.png. Targets (issue #14), at 100,000 chunks:
retrieval p95 at most 50 ms, answer p95 at most 300 ms, peak RSS at most 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.chunk import embedding_text, sentence_units, split_document  # noqa: E402
from assistant.cite import split_sentences  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.ingest import load_document, scan_corpus  # noqa: E402
from assistant.lexical import Synonyms  # noqa: E402
from assistant.pipeline import (  # noqa: E402
    Assistant,
    load_glossary,
    make_embedder,  # noqa: E402
)
from assistant.retrieve import Filters, HybridRetriever  # noqa: E402
from assistant.types import Chunk  # noqa: E402
from benchmarks.common import boxplot, latency_table  # noqa: E402


def generate(n: int, seed: int = 7) -> tuple[list[Chunk], np.ndarray, list[tuple[str, list]]]:
    settings = Settings(_env_file=None, corpus_dir=ROOT / "corpus")
    base = [
        c
        for f in scan_corpus(settings.corpus_dir, 25).files
        for c in split_document(load_document(f), 1200, 150)
    ]
    embedder = make_embedder(settings)
    base_vecs = np.asarray(embedder.embed_documents([embedding_text(c) for c in base]), np.float32)
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    sentences = [s for c in base for s in split_sentences(c.text)]
    chunks, vecs = [], np.empty((n, base_vecs.shape[1]), np.float32)
    sentence_vecs: list[tuple[str, list]] = []
    for i in tqdm(range(n), desc="generate chunks", file=sys.stderr):
        j = rng.randrange(len(base))
        text = " ".join(rng.sample(sentences, 4)) + " " + base[j].text[:300]
        src = base[j]
        chunks.append(
            Chunk(
                id=f"g{i}",
                doc_id=f"{src.doc_id}-{i % 500}",
                text=text,
                title=src.title,
                section=src.section,
                page=src.page,
                ordinal=i,
                char_start=0,
                char_end=len(text),
                content_hash=f"h{i}",
                status="superseded" if i % 10 == 0 else "current",
                published=src.published,
                strand=src.strand,
            )
        )
        v = base_vecs[j] + nrng.normal(0, 0.03, base_vecs.shape[1]).astype(np.float32)
        vecs[i] = v / np.linalg.norm(v)
        for _ in sentence_units(chunks[-1]):  # heading + each sentence, as the index stores
            sv = vecs[i] + nrng.normal(0, 0.08, base_vecs.shape[1]).astype(np.float32)
            sentence_vecs.append((f"g{i}", (sv / np.linalg.norm(sv)).tolist()))
    return chunks, vecs, sentence_vecs


def named_as_ingest(sentences: object) -> bool:
    """Whether the sentence units are named "<chunk id>:<k>" as ingest names them.

    The answer fetches a chunk's units by those ids (HybridRetriever.sentence_vectors); an
    index built before `from_chunks` named them so would be measured on the slower fallback.
    """
    got = sentences.get(limit=200, include=["metadatas"])  # type: ignore[attr-defined]
    return all(
        i == f"{m['chunk_id']}:{m['k']}" for i, m in zip(got["ids"], got["metadatas"], strict=True)
    )


def built_as_now(settings: Settings) -> bool:
    """Whether the index in settings.index_dir names its sentence units as ingest does."""
    from assistant.store import chroma_client

    try:
        sentences = chroma_client(settings).get_collection(f"{settings.collection}-sentences")
    except Exception:  # noqa: BLE001 - a half-built folder: build again
        return False
    return named_as_ingest(sentences)


def open_bench(settings: Settings, embedder: object) -> HybridRetriever | None:
    """Reopen a benchmark index built earlier (BM25 is rebuilt from its chunk texts)."""
    from assistant.index import FILTER_FIELDS, build_lexical
    from assistant.store import chroma_client

    client = chroma_client(settings)
    try:
        collection = client.get_collection(settings.collection)
        sentences = client.get_collection(f"{settings.collection}-sentences")
    except Exception:  # noqa: BLE001 - a half-built folder: build again
        return None
    if collection.count() == 0 or sentences.count() == 0 or not named_as_ingest(sentences):
        return None
    lexical = build_lexical(collection, "bench")
    assert set(lexical.fields) == set(FILTER_FIELDS)
    return HybridRetriever(settings, embedder, parts=(collection, lexical, {}, sentences))


def time_runs(
    retriever: HybridRetriever, questions: list[str], assistant: Assistant
) -> dict[str, list[float]]:
    filters = Filters()
    runs: dict[str, list[float]] = {
        "bm25": [],
        "dense": [],
        "hybrid": [],
        "embed_query": [],
        "ask": [],
    }
    # "dense" includes its own query embedding; "hybrid" is the whole retrieve() call; "ask"
    # the whole extractive answer (retrieval of every part, evidence, composition).
    seen: set[str] = set()
    for q in tqdm(questions, desc="queries", file=sys.stderr, leave=False):
        if q in seen:  # a new pass over the questions: no answer reuses its own earlier vectors
            assistant.answer_embedder.clear()
            assistant.answer_tokenize.clear()
            seen.clear()
        seen.add(q)
        t0 = time.perf_counter()
        retriever.embedder.embed_query(q)
        t1 = time.perf_counter()
        retriever._dense(q, 100, filters)  # chunk + sentence vector search, combined
        t2 = time.perf_counter()
        retriever.lexical.search(q, 100, retriever._mask(filters))
        t3 = time.perf_counter()
        retriever.retrieve(q, k=5)
        t4 = time.perf_counter()
        assistant.ask(q, record=False)
        t5 = time.perf_counter()
        for key, value in (
            ("embed_query", t1 - t0),
            ("dense", t2 - t1),
            ("bm25", t3 - t2),
            ("hybrid", t4 - t3),
            ("ask", t5 - t4),
        ):
            runs[key].append(value * 1000)
    return {k: v[1:] for k, v in runs.items()}  # drop the first (warm-up) query


def one_size(chunks: int, queries: int, build_only: bool = False) -> dict:
    """Build or reopen the index of `chunks` chunks and time every stage; peak RSS at the end.

    The parent builds first in a process of its own (`build_only`), so the peak RSS measured
    is that of a process opening and serving the index, not of generating it.
    """
    items = yaml.safe_load((ROOT / "evals/questions.yaml").read_text())["questions"]
    questions = [q["question"] for q in items]
    questions = (questions * (queries // len(questions) + 1))[: queries + 1]
    # The generated index is kept in index/bench-N/ (git-ignored): building it takes minutes.
    folder = ROOT / "index" / f"bench-{chunks}"
    settings = Settings(_env_file=None, index_dir=folder, corpus_dir=ROOT / "corpus")
    embedder = make_embedder(settings)
    t = time.perf_counter()
    if build_only and (folder / "chroma").is_dir() and built_as_now(settings):
        return {}  # built before (a half-built folder is caught when opened to measure)
    retriever = open_bench(settings, embedder) if (folder / "chroma").is_dir() else None
    if retriever is None:
        from chromadb.api.shared_system_client import SharedSystemClient

        # a client opened on the old folder (to check it) would write to its deleted database
        SharedSystemClient.clear_system_cache()
        shutil.rmtree(folder, ignore_errors=True)
        generated, vecs, sentence_vecs = generate(chunks)
        HybridRetriever.from_chunks(
            settings, embedder, generated, vecs.tolist(), sentences=sentence_vecs
        )
        if build_only:
            return {}
        retriever = open_bench(settings, embedder)
        assert retriever is not None
    build_s = time.perf_counter() - t
    assistant = Assistant(settings, embedder)
    retriever.synonyms = Synonyms.from_glossary(load_glossary(ROOT / "corpus"))
    assistant._retriever = retriever  # the generated index, not the one in settings.index_dir
    runs = time_runs(retriever, questions, assistant)
    return {
        "chunks": chunks,
        "sentence_vectors": retriever.sentences.count(),
        "queries": len(runs["hybrid"]),
        "index_open_or_build_s": round(build_s, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "latency": latency_table(runs, "dense"),
        "runs_ms": runs,
    }


def plot_sizes(results: list[dict], path: Path) -> None:
    """Median and p95 of retrieval and of the whole answer against the number of chunks."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["chunks"] for r in results]
    fig, (ax, mem) = plt.subplots(1, 2, figsize=(9, 3.4))
    for stage, colour in (("hybrid", "tab:blue"), ("ask", "tab:orange")):
        label = "retrieve()" if stage == "hybrid" else "extractive ask()"
        for stat, style in (("median_ms", "-"), ("p95_ms", "--")):
            values = [r["latency"][stage][stat] for r in results]
            ax.plot(sizes, values, style, color=colour, marker="o", label=f"{label} {stat[:-3]}")
    ax.axhline(300, color="tab:red", linewidth=0.8, linestyle=":", label="answer p95 target")
    ax.axhline(50, color="tab:gray", linewidth=0.8, linestyle=":", label="retrieval p95 target")
    ax.set_xscale("log")
    ax.set_xlabel("chunks")
    ax.set_ylabel("ms per question")
    ax.legend(fontsize=7)
    mem.plot(sizes, [r["peak_rss_mb"] for r in results], marker="o")
    mem.axhline(2048, color="tab:red", linewidth=0.8, linestyle=":", label="target")
    mem.set_xscale("log")
    mem.set_xlabel("chunks")
    mem.set_ylabel("peak RSS (MB)")
    mem.legend(fontsize=7)
    fig.suptitle("Query cost against corpus size")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000", help="chunk counts")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)  # a child: build one size
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    if args.build:
        one_size(args.build, args.queries, build_only=True)
        return
    if args.one:
        result = one_size(args.one, args.queries)
        (out / "tmp").mkdir(exist_ok=True)
        (out / "tmp" / f"scale-{args.one}.json").write_text(json.dumps(result))
        return
    results, load_start = [], os.getloadavg()[0]  # other work on the machine inflates figures
    for n in [int(x) for x in args.sizes.split(",")]:  # one process each: its own peak RSS
        for step in ("--build", "--one"):
            subprocess.run(
                [sys.executable, __file__, step, str(n), "--queries", str(args.queries)],
                check=True,
            )
        results.append(json.loads((out / "tmp" / f"scale-{n}.json").read_text()))
    largest = results[-1]
    runs = largest.pop("runs_ms")
    for r in results[:-1]:
        r.pop("runs_ms")
    largest["load_average"] = [round(load_start, 2), round(os.getloadavg()[0], 2)]
    largest["cores"] = os.cpu_count()
    (out / "latency.json").write_text(json.dumps({**largest, "sizes": results}, indent=2) + "\n")
    title = f"Latency at {largest['chunks']:,} chunks (median, quartiles, 5-95%)"
    boxplot(runs, out / "latency.png", title)
    plot_sizes(results, out / "latency_by_size.png")
    print(json.dumps({**largest, "sizes": results}, indent=2))


if __name__ == "__main__":
    main()
