"""BEIR: a BEIR-format dataset -> nDCG@10, MRR@10, Recall@100 for BM25, dense and hybrid.

The dataset goes through the same stages as the corpus: Chunk records, the same embedder, a
Chroma collection and a bm25s index in a temporary folder, and HybridRetriever's fusion.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.embed import Embedder
from assistant.errors import AssistantError
from assistant.metrics import mrr_at_k, ndcg_at_k, recall_at_k
from assistant.types import Chunk


@dataclass
class BeirData:
    """Corpus, queries and judgements of one split."""

    docs: dict[str, tuple[str, str]]  # id -> (title, text)
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load_beir(folder: Path, split: str = "test") -> BeirData:
    """Read corpus.jsonl, queries.jsonl and qrels/<split>.tsv.

    Raises:
        AssistantError: a file is missing or malformed.
    """
    try:
        docs = {}
        with open(folder / "corpus.jsonl", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                docs[str(row["_id"])] = (row.get("title", ""), row.get("text", ""))
        with open(folder / "queries.jsonl", encoding="utf-8") as fh:
            queries = {str(r["_id"]): r["text"] for r in map(json.loads, fh)}
        qrels: dict[str, dict[str, int]] = {}
        with open(folder / "qrels" / f"{split}.tsv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                qrels.setdefault(row["query-id"].strip(), {})[row["corpus-id"].strip()] = int(
                    row["score"]
                )
    except (OSError, KeyError, ValueError) as exc:
        raise AssistantError(
            f"{folder} is not a BEIR dataset ({exc}): it needs corpus.jsonl, "
            f"queries.jsonl and qrels/{split}.tsv"
        ) from exc
    return BeirData(docs, {q: queries[q] for q in qrels if q in queries}, qrels)


def beir_chunks(data: BeirData) -> list[Chunk]:
    """One chunk per BEIR document (title as title, abstract as text)."""
    return [
        Chunk(
            id=doc_id,
            doc_id=doc_id,
            text=text,
            title=title,
            section="",
            page=None,
            ordinal=0,
            char_start=0,
            char_end=len(text),
            content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16],
            status="current",
            published="",
            strand="partnership",
        )
        for doc_id, (title, text) in data.docs.items()
    ]


def beir_sentences(chunks: list[Chunk]) -> list[Chunk]:
    """The sentence units of each document (heading + sentences), as the index makes them."""
    from assistant.chunk import sentence_units

    return [
        Chunk(
            id=f"{c.id}:{k}",
            doc_id=c.id,
            text=unit,
            title="",
            section="",
            page=None,
            ordinal=k,
            char_start=0,
            char_end=0,
            content_hash="",
            status="current",
            published="",
            strand="partnership",
        )
        for c in chunks
        for k, unit in enumerate(sentence_units(c))
    ]


def cached_embeddings(
    chunks: list[Chunk], embedder: Embedder, cache_dir: Path
) -> list[list[float]]:
    """Embed chunks in batches with a progress bar, reusing vectors cached on disk by text."""
    import numpy as np
    from tqdm import tqdm

    from assistant.chunk import embedding_text

    texts = [embedding_text(c) for c in chunks]
    keys = [hashlib.sha256(t.encode()).hexdigest()[:20] for t in texts]
    store = load_vector_store(cache_dir, embedder.model_id)
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in store}.items())
    for start in tqdm(range(0, len(todo), 64), desc="embed corpus", file=sys.stderr):
        part = todo[start : start + 64]
        for (key, _), vec in zip(part, embedder.embed_documents([t for _, t in part]), strict=True):
            store[key] = np.asarray(vec, dtype=np.float32)
    if todo:
        save_vector_store(cache_dir, embedder.model_id, store)
    return [store[k].tolist() for k in keys]


def _store_path(cache_dir: Path, model_id: str) -> Path:
    return cache_dir / f"vectors-{hashlib.sha256(model_id.encode()).hexdigest()[:12]}.npz"


def load_vector_store(cache_dir: Path, model_id: str) -> dict[str, Any]:
    """Return {text hash: vector} cached for this model."""
    import numpy as np

    path = _store_path(cache_dir, model_id)
    if not path.is_file():
        return {}
    data = np.load(path)
    return dict(zip(data["keys"].tolist(), data["vectors"], strict=True))


def save_vector_store(cache_dir: Path, model_id: str, store: dict[str, Any]) -> None:
    """Write the cache atomically."""
    import numpy as np

    cache_dir.mkdir(parents=True, exist_ok=True)
    path = _store_path(cache_dir, model_id)
    tmp = path.with_name(path.stem + ".tmp.npz")
    np.savez(tmp, keys=np.asarray(list(store)), vectors=np.stack(list(store.values())))
    tmp.replace(path)


def evaluate_runs(
    runs: dict[str, dict[str, list[str]]], qrels: dict[str, dict[str, int]]
) -> dict[str, dict[str, float]]:
    """Average nDCG@10, MRR@10 and Recall@100 over the judged queries of each run."""
    table = {}
    for name, ranked in runs.items():
        ids = [q for q in qrels if q in ranked]
        table[name] = {
            "ndcg@10": sum(ndcg_at_k(ranked[q], qrels[q]) for q in ids) / len(ids),
            "mrr@10": sum(mrr_at_k(ranked[q], qrels[q]) for q in ids) / len(ids),
            "recall@100": sum(recall_at_k(ranked[q], qrels[q], 100) for q in ids) / len(ids),
        }
    return table


def run_beir(
    folder: Path,
    settings: Settings,
    embedder: Embedder,
    split: str = "test",
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Index the dataset in a temporary folder and score BM25, dense and hybrid in one run."""
    from tqdm import tqdm

    from assistant.retrieve import HybridRetriever

    data = load_beir(folder, split)
    chunks = beir_chunks(data)
    cache = cache_dir or settings.index_dir / "beir-cache"
    vectors = cached_embeddings(chunks, embedder, cache)
    units = beir_sentences(chunks)
    unit_vectors = cached_embeddings(units, embedder, cache)
    sentences = [(u.doc_id, v) for u, v in zip(units, unit_vectors, strict=True)]
    with tempfile.TemporaryDirectory(prefix="beir-") as tmp:
        local = settings.model_copy(update={"index_dir": Path(tmp), "chroma_url": None})
        retriever = HybridRetriever.from_chunks(
            local, embedder, chunks, vectors, sentences=sentences
        )
        runs: dict[str, dict[str, list[str]]] = {"bm25": {}, "dense": {}, "hybrid": {}}
        for qid, text in tqdm(data.queries.items(), desc=f"queries ({split})", file=sys.stderr):
            ranked = retriever.rankings(text, depth=100)
            for name in runs:
                runs[name][qid] = ranked[name]
        fusion = asdict(retriever.fusion)  # what was really used, for the report
        del retriever
    return {
        "dataset": folder.name,
        "split": split,
        "queries": len(data.queries),
        "documents": len(data.docs),
        "fusion": fusion,
        "metrics": evaluate_runs(runs, data.qrels),
    }


def format_beir(result: dict[str, Any]) -> str:
    """Render the three runs as a table."""
    lines = [
        f"{result['dataset']} ({result['split']}, {result['queries']} queries, "
        f"{result['documents']} documents)",
        "",
        f"{'run':8} {'nDCG@10':>8} {'MRR@10':>8} {'R@100':>8}",
    ]
    for name, m in result["metrics"].items():
        lines.append(f"{name:8} {m['ndcg@10']:8.4f} {m['mrr@10']:8.4f} {m['recall@100']:8.4f}")
    return "\n".join(lines)
