"""Write benchmarks/RESULTS.md from the JSON every benchmark script leaves in results/.

Run: .venv/bin/python benchmarks/results_md.py   (`make bench` runs it last)
Machine, then one table per benchmark (medians, p95, ratios against the baseline each script ran
in the same process), with the plots. A benchmark not run yet is listed as such.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def machine() -> list[str]:
    """CPU, cores, memory and the versions that matter."""
    cpu = "unknown CPU"
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(
            line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line
        )
        flags = next(line for line in info.splitlines() if line.startswith("flags")).split()
        cpu += (
            " ("
            + ", ".join(f for f in ("avx2", "avx512f", "avx512_bf16", "amx_bf16") if f in flags)
            + ")"
        )
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = ", ".join(
        f"{p} {metadata.version(p)}"
        for p in ("torch", "onnxruntime", "sentence-transformers", "chromadb", "streamlit")
    )
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {mem:.0f} GiB; {platform.platform()}",
        f"- Python {sys.version.split()[0]}; {versions}",
        "- Timings on this machine are noisy: each table compares runs made in the same process "
        "(or the same script run, alternating), and only medians and ratios are meant to be read.",
    ]


def load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(str(c) for c in row) + " |" for row in rows),
    ]


def latency_rows(stages: dict[str, dict[str, float]]) -> list[list[object]]:
    ratio = next((k for k in next(iter(stages.values())) if k.startswith("median_vs_")), None)
    return [
        [k, v["median_ms"], v["p95_ms"], v.get(ratio, "") if ratio else ""]
        for k, v in stages.items()
    ]


def section(title: str, command: str, body: list[str] | None) -> list[str]:
    out = [f"## {title}", "", f"`{command}`", ""]
    return out + (body if body else ["Not run yet on this machine."]) + [""]


def cold_start() -> list[str] | None:
    r = load("cold_start.json")
    if not r:
        return None
    return [
        f"Cold `assistant ask`, process start to answer printed, {r['rounds']} runs each, "
        "alternating backends; then one `assistant chat` process, every answer after the first.",
        "",
        *table(["run", "median ms", "p95 ms", "median vs torch"], latency_rows(r["table"])),
        "",
        f"Cold ask median {r['cold_ask_median_s']} s (target at most 4 s); chat answers after "
        f"the first: median {r['chat_turn_median_ms']} ms, slowest {r['chat_turn_max_ms']} ms "
        "(target at most 500 ms).",
        "",
        "![cold start](results/cold_start.png)",
    ]


def ingest() -> list[str] | None:
    r = load("ingest_speed.json")
    if not r:
        return None
    rows = [[k, v["median_s"], v["runs_s"], v["speed_vs_plain"]] for k, v in r["table"].items()]
    return [
        f"{r['files']} generated Markdown files, {r['chars']:,} characters in all, full build, "
        f"{r['rounds']} rounds alternating. Counts: {json.dumps(r['counts'])}.",
        "",
        *table(["pipeline", "median s", "runs s", "speed vs plain (higher is faster)"], rows),
        "",
        "Target: at least 3x the plain pipeline.",
    ]


def incremental() -> list[str] | None:
    r = load("incremental.json")
    if not r:
        return None
    return table(
        ["documents", "full rebuild s", "change 1 document, median s", "rebuild / change"],
        [[r["docs"], r["full_rebuild_s"], r["change_one_median_s"], r["rebuild_vs_change_one"]]],
    ) + ["", "Target: at least 50x."]


def busy(r: dict) -> str:
    """How loaded the machine was while a benchmark ran (when the run recorded it).

    A run compared side by side with other code carries a `note` saying how (added to the
    JSON after the runs), quoted too.
    """
    note = f" {r['note']}" if r.get("note") else ""
    if "load_average" not in r:
        return note
    start, end = r["load_average"]
    return (
        f" Load average while measured: {start:g} at the start, {end:g} at the end, "
        f"on {r['cores']} cores." + note
    )


def scale() -> list[str] | None:
    r = load("latency.json")
    if not r or "sizes" not in r:
        return None
    rows = [
        [
            f"{s['chunks']:,}",
            s["latency"]["hybrid"]["median_ms"],
            s["latency"]["hybrid"]["p95_ms"],
            s["latency"]["ask"]["median_ms"],
            s["latency"]["ask"]["p95_ms"],
            s["peak_rss_mb"],
        ]
        for s in r["sizes"]
    ]
    header = [
        "chunks",
        "retrieve median ms",
        "retrieve p95 ms",
        "ask median ms",
        "ask p95 ms",
        "peak RSS MB",
    ]
    return [
        f"{r['queries']} eval questions per size after one warm-up; each size in its own process."
        + busy(r),
        "",
        *table(header, rows),
        "",
        f"Stages at {r['chunks']:,} chunks:",
        "",
        *table(["stage", "median ms", "p95 ms", "median vs dense"], latency_rows(r["latency"])),
        "",
        "Targets at 100,000 chunks: retrieval p95 at most 50 ms, answer p95 at most 300 ms, "
        "peak RSS at most 2 GB.",
        "",
        "![query cost by size](results/latency_by_size.png)",
    ]


def answers() -> list[str] | None:
    r = load("answer_latency.json")
    if not r:
        return None
    return [
        f"{r['questions']} eval questions x {r['rounds']} rounds on the sample corpus "
        f"({r['chunks']} chunks), {r['mode']}." + busy(r),
        "",
        *table(
            ["stage", "median ms", "p95 ms", "median vs retrieval alone"],
            latency_rows(r["latency"]),
        ),
        "",
        "![answer latency](results/answer_latency.png)",
    ]


def load_runs() -> list[str] | None:
    r = load("load.json")
    if not r:
        return None
    rows = [
        [
            k,
            v["threads"],
            v["errors"],
            v["answers_per_s"],
            r["latency"][k]["median_ms"],
            r["latency"][k]["p95_ms"],
            r["latency"][k]["median_vs_serial"],
        ]
        for k, v in r["runs"].items()
    ]
    audit = r["audit"]
    return [
        f"{r['questions']} eval questions per run through one Assistant ({r['chunks']} chunks), "
        f"each person in their own conversation; {audit['records']} audit records, chain "
        f"{'verified' if audit['chain_ok'] else 'BROKEN: ' + audit['problem']}.",
        "",
        *table(
            ["run", "threads", "errors", "answers/s", "median ms", "p95 ms", "median vs serial"],
            rows,
        ),
        "",
        "![load](results/load.png)",
    ]


def _base(rows: dict[str, dict[str, float]]) -> str:
    """The run the ratios are of (streamlit run, or assistant serve when it gave no answer)."""
    key = next((k for k in next(iter(rows.values())) if k.startswith("median_vs_")), "")
    return key.removeprefix("median_vs_") or "streamlit run"


def first_answer() -> list[str] | None:
    r = load("first_answer.json")
    if not r:
        return None
    return [
        f"{r['rounds']} rounds, a fresh server each, up {r['server_up_s']:g} s before the page "
        "opens; page load to the first answer's feedback buttons, then its stages by the "
        "browser's clock: page load to the chat box, question to the answer's first text, "
        "question to its feedback buttons. The floor is a 3-line Streamlit app (a chat box; a "
        "question gets the feedback buttons) served the same way."
        + (
            f" Each new browser page was left {r['settle_s']:g} s to start before loading."
            if r.get("settle_s")
            else ""
        )
        + (
            f" Load average while measured: {r['load_average'][0]:g} at the start, "
            f"{r['load_average'][1]:g} at the end, on {r['cores']} cores."
            if "load_average" in r
            else ""
        ),
        "",
        *table(
            ["server", "median ms", "p95 ms", f"median vs {_base(r['table'])}"],
            latency_rows(r["table"]),
        ),
        "",
        "Target: at most 3 s."
        + "".join(
            f" {name}: {n} of {r['rounds']} rounds gave no answer within 60 s (left out)."
            for name, n in r.get("failed_rounds", {}).items()
        ),
        "",
        "![first answer](results/first_answer.png)",
    ]


def embed_backends() -> list[str] | None:
    r = load("embed_backends.json")
    if not r:
        return None
    rows = [
        [
            x["input"],
            x["batch"],
            x["backend"],
            x["ms_per_text"],
            x["speed_vs_fp32"],
            x["min_cosine_vs_fp32"],
        ]
        for x in r["rows"]
    ]
    header = [
        "input",
        "batch",
        "backend",
        "ms per text",
        "speed vs torch fp32",
        "lowest cosine to fp32",
    ]
    return [
        f"{r['texts']} texts per input, alternating backends; native bf16 on this CPU: "
        f"{r['native_bf16']}.",
        "",
        *table(header, rows),
        "",
        "![embedding backends](results/embed_backends.png)",
    ]


def replicas() -> list[str] | None:
    r = load("replicas.json")
    if not r:
        return None
    return [
        f"One `chroma run` and `assistant serve` replicas on loopback; each user asks "
        f"{r['questions_per_user']} questions in headless Chromium; time per answer.",
        "",
        *table(
            ["setup", "median ms", "p95 ms", "median vs 1 replica, 1 user"],
            latency_rows(r["table"]),
        ),
        "",
        "![replicas](results/replicas.png)",
    ]


def main() -> None:
    lines = [
        "# Benchmark results",
        "",
        "Written by `benchmarks/results_md.py` from `benchmarks/results/*.json` (`make bench`). "
        "Do not edit by hand.",
        "",
        *machine(),
        "",
    ]
    sections = [
        ("Cold start", "cold_start.py", cold_start),
        ("First answer in the browser", "first_answer.py", first_answer),
        ("Embedding backends", "embed_backends.py", embed_backends),
        ("Ingest against the plain LangChain pipeline", "ingest_speed.py", ingest),
        ("Incremental re-ingest", "incremental.py", incremental),
        ("Query cost against corpus size", "retrieval_latency.py", scale),
        ("Replicas on one Chroma server", "replicas.py", replicas),
        ("Answer latency on the sample corpus", "answer_latency.py", answers),
        ("Load: people asking at once", "load.py", load_runs),
    ]
    for title, script, body in sections:
        lines += section(title, f"python benchmarks/{script}", body())
    (ROOT / "benchmarks" / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {ROOT / 'benchmarks' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
