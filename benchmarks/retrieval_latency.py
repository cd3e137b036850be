"""Retrieval latency at 100,000 chunks: median and p95 for BM25, dense and hybrid.

Run: .venv/bin/python benchmarks/retrieval_latency.py [--chunks 100000] [--queries 200]
The generated corpus samples sentences of the sample corpus into 100,000 chunks; each vector is
the real embedding of the chunk it was sampled from plus small noise (embedding 100,000 chunks
for real would take about an hour here and does not change search cost). Questions are the real
eval questions, embedded by the real model. The first query is excluded (warm-up). Writes
benchmarks/results/latency.json and latency.png.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.chunk import embedding_text, split_document  # noqa: E402
from assistant.cite import split_sentences  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.ingest import load_document, scan_corpus  # noqa: E402
from assistant.pipeline import make_embedder  # noqa: E402
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
        for _ in range(6):  # heading + about five sentences per chunk, as the index stores
            sv = vecs[i] + nrng.normal(0, 0.08, base_vecs.shape[1]).astype(np.float32)
            sentence_vecs.append((f"g{i}", (sv / np.linalg.norm(sv)).tolist()))
    return chunks, vecs, sentence_vecs


def open_bench(settings: Settings, embedder: object) -> HybridRetriever | None:
    """Reopen a benchmark index built earlier (BM25 is rebuilt from its chunk texts)."""
    from assistant.index import FILTER_FIELDS, build_lexical, chroma_client

    client = chroma_client(settings)
    try:
        collection = client.get_collection(settings.collection)
        sentences = client.get_collection(f"{settings.collection}-sentences")
    except Exception:  # noqa: BLE001 - a half-built folder: build again
        return None
    if collection.count() == 0 or sentences.count() == 0:
        return None
    lexical = build_lexical(collection, "bench")
    assert set(lexical.fields) == set(FILTER_FIELDS)
    return HybridRetriever(settings, embedder, parts=(collection, lexical, {}, sentences))


def time_runs(retriever: HybridRetriever, questions: list[str]) -> dict[str, list[float]]:
    filters = Filters()
    runs: dict[str, list[float]] = {"bm25": [], "dense": [], "hybrid": [], "embed_query": []}
    # "dense" includes its own query embedding; "hybrid" is the whole retrieve() call.
    for q in tqdm(questions, desc="queries", file=sys.stderr):
        t0 = time.perf_counter()
        retriever.embedder.embed_query(q)
        t1 = time.perf_counter()
        retriever._dense(q, 100, filters)  # chunk + sentence vector search, combined
        t2 = time.perf_counter()
        retriever.lexical.search(q, 100, retriever._mask(filters))
        t3 = time.perf_counter()
        retriever.retrieve(q, k=5)
        t4 = time.perf_counter()
        for key, value in (
            ("embed_query", t1 - t0),
            ("dense", t2 - t1),
            ("bm25", t3 - t2),
            ("hybrid", t4 - t3),
        ):
            runs[key].append(value * 1000)
    return {k: v[1:] for k, v in runs.items()}  # drop the first (warm-up) query


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    items = yaml.safe_load((ROOT / "evals/questions.yaml").read_text())["questions"]
    questions = [q["question"] for q in items]
    questions = (questions * (args.queries // len(questions) + 1))[: args.queries + 1]
    # The generated index is kept in index/bench-N/ (git-ignored): building it takes minutes.
    folder = ROOT / "index" / f"bench-{args.chunks}"
    settings = Settings(_env_file=None, index_dir=folder, corpus_dir=ROOT / "corpus")
    embedder = make_embedder(settings)
    t = time.perf_counter()
    retriever = open_bench(settings, embedder) if (folder / "chroma").is_dir() else None
    if retriever is None:
        chunks, vecs, sentence_vecs = generate(args.chunks)
        retriever = HybridRetriever.from_chunks(
            settings, embedder, chunks, vecs.tolist(), sentences=sentence_vecs
        )
    build_s = time.perf_counter() - t
    runs = time_runs(retriever, questions)
    table = latency_table(runs, "dense")
    result = {
        "chunks": args.chunks,
        "sentence_vectors": retriever.sentences.count(),
        "queries": len(runs["hybrid"]),
        "index_open_or_build_s": round(build_s, 1),
        "latency": table,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latency.json").write_text(json.dumps(result, indent=2) + "\n")
    title = f"Retrieval latency at {args.chunks:,} chunks (median, quartiles, 5-95%)"
    boxplot(runs, out / "latency.png", title)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
