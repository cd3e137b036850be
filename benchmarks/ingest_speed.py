"""Ingest speed against the plain LangChain pipeline, on the same generated files, same process.

Run: .venv/bin/python benchmarks/ingest_speed.py [--chars 1000000] [--files 25] [--rounds 2]
     [--backends onnx,torch] [--unit-batches 32,8]
Generates `files` text files of `chars` characters in all from the sample corpus's paragraphs
(benchmarks/results/tmp/, deterministic), then times, alternating, `rounds` times each:
- plain: TextLoader, RecursiveCharacterTextSplitter(1000, 200), HuggingFaceEmbeddings on the
  same model folder, Chroma.from_documents (what a LangChain tutorial builds);
- ours, per embedding backend: `build_index` with a full rebuild (chunks, sentence vectors,
  BM25, manifest), once per sentence-unit batch size in --unit-batches (default: the
  configured one), so old and new batch sizes are timed in the same rounds (the ONNX backend
  only: torch embeds units in its chunk batches whatever the setting).
Both models are loaded before the clock starts. Writes benchmarks/results/ingest_speed.json.
Target (issue #14): ours at least 3x the plain pipeline.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.embed import resolve_model_path  # noqa: E402
from assistant.index import build_index  # noqa: E402
from assistant.pipeline import make_embedder  # noqa: E402

OUT = ROOT / "benchmarks" / "results"
TMP = OUT / "tmp"


def paragraphs() -> list[str]:
    """The sample corpus's Markdown paragraphs (headings and tables kept as they are)."""
    text = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.md"))
    )
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]


def generate(folder: Path, chars: int, files: int, seed: int = 14) -> Path:
    """Write `files` Markdown files of about chars/files characters each, shuffled paragraphs."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pool, rng = paragraphs(), random.Random(seed)
    for i in range(files):
        out, size = [f"# Generated document {i + 1}"], 0
        while size < chars // files:
            para = rng.choice(pool)
            out.append(para)
            size += len(para) + 2
        (folder / f"generated-{i + 1:03d}.md").write_text("\n\n".join(out), encoding="utf-8")
    return folder


def plain_pipeline(corpus: Path, store: Path, embeddings: object) -> int:
    """The tutorial pipeline (files read as TextLoader does); returns the number of chunks."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = [
        Document(p.read_text(encoding="utf-8"), metadata={"source": str(p)})
        for p in sorted(corpus.glob("*.md"))
    ]
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        docs
    )
    Chroma.from_documents(chunks, embeddings, persist_directory=str(store))  # type: ignore[arg-type]
    return len(chunks)


def ours(corpus: Path, index: Path, backend: str, unit_batch: int | None) -> dict[str, float]:
    """A full rebuild with the assistant's own ingest; returns counts."""
    settings = Settings(
        _env_file=None, corpus_dir=corpus, index_dir=index, embedding_backend=backend
    )
    if unit_batch:
        settings = settings.model_copy(update={"embed_unit_batch_size": unit_batch})
    report = build_index(settings, make_embedder(settings), rebuild=True)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    chunks = sum(len(d["chunk_ids"]) for d in manifest["documents"].values())
    return {"chunks": chunks, "files": len(report.outcomes)}


def unit_counts(corpus: Path) -> dict[str, int]:
    """Sentence units of the corpus as ours splits it: in all, and distinct (embedded once).

    The generator draws paragraphs from the small sample corpus, so units repeat across its
    files far more than in real documents (the sample corpus: 3,015 units, 2,762 distinct).
    """
    from assistant.chunk import sentence_units, split_document
    from assistant.ingest import load_document, scan_corpus

    settings = Settings(_env_file=None)
    units = [
        unit
        for file in scan_corpus(corpus, settings.max_file_mb).files
        for chunk in split_document(
            load_document(file), settings.chunk_size, settings.chunk_overlap
        )
        for unit in sentence_units(chunk)
    ]
    return {"sentence units": len(units), "distinct sentence units": len(set(units))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--backends", default="onnx,torch")
    parser.add_argument(
        "--unit-batches", default="", help="sentence-unit batch sizes to compare, e.g. 32,8"
    )
    args = parser.parse_args()
    import os

    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from langchain_huggingface import HuggingFaceEmbeddings

    corpus = generate(TMP / "ingest-corpus", args.chars, args.files)
    folder = str(resolve_model_path("packaged:all-MiniLM-L6-v2"))
    embeddings = HuggingFaceEmbeddings(model_name=folder, model_kwargs={"device": "cpu"})
    embeddings.embed_query("warm up")
    backends = args.backends.split(",")
    for b in backends:  # load (and export) each backend's model before any clock starts
        make_embedder(Settings(_env_file=None, embedding_backend=b)).embed_query("warm up")
    unit_batches = [int(n) for n in args.unit_batches.split(",") if n] or [None]
    variants = {
        (f"ours ({b})" if n is None else f"ours ({b}, unit batches of {n})"): (b, n)
        for b in backends
        for n in unit_batches
    }
    runs: dict[str, list[float]] = {"plain LangChain": [], **{k: [] for k in variants}}
    counts: dict[str, object] = unit_counts(corpus)
    loads = [round(os.getloadavg()[0], 1)]  # the machine may be shared: report how busy it was
    for r in range(args.rounds):
        store = TMP / f"plain-{r}"
        shutil.rmtree(store, ignore_errors=True)
        t0 = time.perf_counter()
        counts["plain LangChain chunks"] = plain_pipeline(corpus, store, embeddings)
        runs["plain LangChain"].append(time.perf_counter() - t0)
        # alternate the order of our variants between rounds, so neither always runs first
        for name, (b, n) in list(variants.items())[:: 1 if r % 2 == 0 else -1]:
            index = TMP / f"ours-{b}-{n or 'default'}-{r}"
            shutil.rmtree(index, ignore_errors=True)
            t0 = time.perf_counter()
            counts[name] = ours(corpus, index, b, n)
            runs[name].append(time.perf_counter() - t0)
        loads.append(round(os.getloadavg()[0], 1))
        print(
            f"round {r + 1} (load average {loads[-1]}): "
            + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in runs.items()),
            file=sys.stderr,
        )
    base = statistics.median(runs["plain LangChain"])
    table = {
        k: {
            "median_s": round(statistics.median(v), 2),
            "runs_s": [round(x, 2) for x in v],
            "speed_vs_plain": round(base / statistics.median(v), 2),
        }
        for k, v in runs.items()
    }
    result = {
        "chars": args.chars,
        "files": args.files,
        "rounds": args.rounds,
        "load_average_1min": loads,
        "table": table,
        "counts": counts,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "ingest_speed.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
