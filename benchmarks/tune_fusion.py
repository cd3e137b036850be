"""Choose the hybrid fusion on SciFact *train* (never test): prints a table of variants.

Run: .venv/bin/python benchmarks/tune_fusion.py [BEIR_DIR]
Dense scores come from an exact dot product over the cached corpus embeddings (the same vectors
the Chroma index holds), so many variants can be compared in one process.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from assistant.beir import beir_chunks, cached_embeddings, evaluate_runs, load_beir
from assistant.chunk import embedding_text
from assistant.embed import SentenceTransformerEmbedder
from assistant.lexical import LexicalIndex
from assistant.retrieve import Fusion, fuse

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/benchmarks/scifact")
DEPTH = 100


def main() -> None:
    embedder = SentenceTransformerEmbedder("packaged:all-MiniLM-L6-v2")
    train = load_beir(DATA, "train")
    chunks = beir_chunks(train)
    ids = [c.id for c in chunks]
    matrix = np.asarray(cached_embeddings(chunks, embedder, Path("index/beir-cache")), np.float32)
    qids = list(train.queries)
    qvecs = np.asarray(embedder.embed_documents([train.queries[q] for q in qids]), np.float32)
    dense_all = qvecs @ matrix.T

    def dense_lists(scores: np.ndarray) -> dict[str, list[tuple[str, float]]]:
        out = {}
        for row, q in zip(scores, qids, strict=True):
            top = np.argpartition(-row, DEPTH)[:DEPTH]
            top = top[np.argsort(-row[top])]
            out[q] = [(ids[i], float(row[i])) for i in top]
        return out

    dense = dense_lists(dense_all)
    results = []
    for k1, b in [(1.2, 0.75), (0.9, 0.4), (1.5, 0.75)]:
        lex = LexicalIndex.build(ids, [embedding_text(c) for c in chunks], "t", k1=k1, b=b)
        bm25 = {q: lex.search(train.queries[q], DEPTH) for q in qids}
        runs = {f"bm25 k1={k1} b={b}": {q: [i for i, _ in bm25[q]] for q in qids}}
        if (k1, b) == (1.2, 0.75):
            runs["dense"] = {q: [i for i, _ in dense[q]] for q in qids}
        for fusion in _variants():
            runs[f"{fusion} k1={k1}"] = {
                q: [i for i, _ in fuse(dense[q], bm25[q], fusion)] for q in qids
            }
        # Dense pseudo-relevance feedback (Rocchio): move the query towards the fused top-m.
        for m, beta in itertools.product((3, 5), (0.5, 1.0)):
            fusion = Fusion("score", 0.5, 0.5)
            index = {i: n for n, i in enumerate(ids)}
            newq = []
            for qi, q in enumerate(qids):
                top = [index[i] for i, _ in fuse(dense[q], bm25[q], fusion)[:m]]
                v = qvecs[qi] + beta * matrix[top].mean(axis=0)
                newq.append(v / np.linalg.norm(v))
            prf = dense_lists(np.asarray(newq) @ matrix.T)
            for f in (Fusion("rrf"), Fusion("score", 0.5, 0.5), Fusion("score", 0.6, 0.4)):
                runs[f"prf m={m} beta={beta} then {f} k1={k1}"] = {
                    q: [i for i, _ in fuse(prf[q], bm25[q], f)] for q in qids
                }
        for name, row in evaluate_runs(runs, train.qrels).items():
            results.append((row["ndcg@10"], name, row))
            print(f"{row['ndcg@10']:.4f}  {name}", file=sys.stderr)
    print("\nbest on train:")
    for ndcg, name, row in sorted(results, reverse=True)[:15]:
        print(f"{ndcg:.4f}  mrr {row['mrr@10']:.4f}  r@100 {row['recall@100']:.4f}  {name}")


def _variants() -> list[Fusion]:
    out = [Fusion("rrf", 1.0, 1.0, k) for k in (10, 30, 60)]
    out += [Fusion("rrf", w, 1.0, 60) for w in (0.7, 1.3)]
    out += [Fusion("score", a, 1 - a) for a in (0.3, 0.4, 0.5, 0.6, 0.7)]
    return out


if __name__ == "__main__":
    main()
