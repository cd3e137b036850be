"""Embedding backends on this CPU: torch fp32 and bf16, ONNX Runtime fp32, by input and batch.

Run: .venv/bin/python benchmarks/embed_backends.py [--texts 256] [--rounds 3]
Times, in one process and alternating, sentence-transformers in fp32 (the baseline), in bf16
(`model_kwargs={"torch_dtype": torch.bfloat16}`) and the ONNX export the assistant runs, on
the sample corpus's sentences (up to 300 characters) and on 1,000-character passages (about
220 tokens), with batches of 1 and of 32. Also reports the lowest cosine between each backend's
vectors and fp32's. Whether bf16 pays depends on the CPU: with native bf16 (avx512_bf16 or
AMX) it is faster; without, torch emulates it. Writes benchmarks/results/embed_backends.json
and embed_backends.png.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.embed import OnnxEmbedder, native_bf16, resolve_model_path  # noqa: E402

OUT = ROOT / "benchmarks" / "results"


def inputs(n: int) -> dict[str, list[str]]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.md")))
    text = re.sub(r"\s+", " ", text)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if 30 < len(s) <= 300][:n]
    passages = [text[i : i + 1000] for i in range(0, len(text), 1000)][:n]
    return {"sentences": sentences, "passages (1,000 chars)": passages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import torch
    from sentence_transformers import SentenceTransformer

    folder = str(resolve_model_path("packaged:all-MiniLM-L6-v2"))
    fp32 = SentenceTransformer(folder, device="cpu")
    bf16 = SentenceTransformer(folder, device="cpu", model_kwargs={"torch_dtype": torch.bfloat16})

    def run(name: str, texts: list[str], batch: int) -> np.ndarray:
        if name == "onnx fp32":
            embedder = OnnxEmbedder("packaged:all-MiniLM-L6-v2", batch_size=batch)
            return np.asarray(embedder.embed_documents(texts), np.float32)
        model = fp32 if name == "torch fp32" else bf16
        vecs = model.encode(texts, batch_size=batch, normalize_embeddings=True)
        return np.asarray(vecs, np.float32)

    backends = ["torch fp32", "torch bf16", "onnx fp32"]
    rows = []
    for label, texts in inputs(args.texts).items():
        for batch in (1, 32):
            times: dict[str, list[float]] = {b: [] for b in backends}
            vectors: dict[str, np.ndarray] = {}
            for b in backends:
                run(b, texts[:8], batch)  # warm-up
            for _ in range(args.rounds):
                for b in backends:
                    t0 = time.perf_counter()
                    vectors[b] = run(b, texts, batch)
                    times[b].append(time.perf_counter() - t0)
            base = statistics.median(times["torch fp32"])
            for b in backends:
                med = statistics.median(times[b])
                rows.append(
                    {
                        "input": label,
                        "batch": batch,
                        "backend": b,
                        "ms_per_text": round(med / len(texts) * 1000, 2),
                        "speed_vs_fp32": round(base / med, 2),
                        "min_cosine_vs_fp32": round(
                            float((vectors[b] * vectors["torch fp32"]).sum(1).min()), 5
                        ),
                    }
                )
            print(f"{label}, batch {batch}: done", file=sys.stderr)
    result = {"native_bf16": native_bf16(), "texts": args.texts, "rows": rows}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "embed_backends.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    plot(rows, OUT / "embed_backends.png")
    print(json.dumps(result, indent=2))


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = sorted({(r["input"], r["batch"]) for r in rows})
    backends = list(dict.fromkeys(r["backend"] for r in rows))
    fig, ax = plt.subplots(figsize=(8, 3.4))
    width = 0.8 / len(backends)
    for i, b in enumerate(backends):
        values = [
            next(
                r["speed_vs_fp32"]
                for r in rows
                if (r["input"], r["batch"]) == g and r["backend"] == b
            )
            for g in groups
        ]
        ax.bar([j + i * width for j in range(len(groups))], values, width, label=b)
    ax.set_xticks([j + width for j in range(len(groups))])
    ax.set_xticklabels([f"{g[0]}\nbatch {g[1]}" for g in groups], fontsize=7)
    ax.axhline(1.0, color="gray", linewidth=0.8)
    ax.set_ylabel("speed vs torch fp32")
    ax.set_title("Embedding backends on this CPU (higher is faster)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main()
