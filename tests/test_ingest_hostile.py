"""Hostile and broken files: each guard alone, then the real CLI over a 200-file corpus."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import DocumentError
from assistant.guards import check_html_depth, check_zip, printable
from assistant.ingest import CorpusFile, infer_meta, load_document, scan_corpus
from assistant.parse import ParseWorker
from assistant.types import ParseLimits
from tests.hostile_corpus import (
    _write_docx,
    _write_pdf,
    broken_xref_pdf,
    deep_html,
    docx_entity_bomb,
    docx_zip_bomb,
    pdf_bomb,
    slow_html,
    write_hostile_corpus,
)

ROOT = Path(__file__).resolve().parents[1]


def _file(path: Path) -> CorpusFile:
    return CorpusFile(path, infer_meta(path), "hash")


@pytest.fixture()
def base_docx(tmp_path: Path) -> Path:
    _write_docx(tmp_path / "base.docx", "Base", "A base document for the broken copies.")
    return tmp_path / "base.docx"


def test_docx_zip_bomb_is_refused_from_its_directory(tmp_path: Path, base_docx: Path) -> None:
    docx_zip_bomb(tmp_path / "bomb.docx", base_docx, unpacked_mb=8)
    with pytest.raises(DocumentError, match="compressed .* to 1, above the 100 to 1 limit"):
        load_document(_file(tmp_path / "bomb.docx"))
    with pytest.raises(DocumentError, match=r"unpacks to \d MB, above the 5 MB limit"):
        check_zip(tmp_path / "bomb.docx", max_unpacked_mb=5, max_ratio=10_000)
    check_zip(base_docx, max_unpacked_mb=5, max_ratio=100)  # a normal DOCX passes


def test_docx_with_entity_declarations_is_refused(tmp_path: Path, base_docx: Path) -> None:
    import docx

    docx_entity_bomb(tmp_path / "laughs.docx", base_docx)
    with pytest.raises(DocumentError, match="word/document.xml declares a DOCTYPE"):
        load_document(_file(tmp_path / "laughs.docx"))
    # What we found: python-docx's lxml parser has resolve_entities=False, and libxml2 (lxml 6)
    # stops at its entity amplification limit, so unguarded it would fail too, but with a
    # parser message; the guard names the cause before any parser runs.
    from lxml.etree import XMLSyntaxError

    with pytest.raises(XMLSyntaxError, match="amplification"):
        docx.Document(str(tmp_path / "laughs.docx"))


def test_pdf_decompression_bomb_stops_at_the_stream_limit(tmp_path: Path) -> None:
    (tmp_path / "bomb.pdf").write_bytes(pdf_bomb(unpacked_mb=40))
    with ParseWorker(ParseLimits(max_unpacked_mb=20)) as worker:
        with pytest.raises(DocumentError, match="unpacks past the limit"):
            worker.parse(_file(tmp_path / "bomb.pdf"))


def test_pdf_with_broken_xref_is_repaired_and_says_so(tmp_path: Path) -> None:
    _write_pdf(tmp_path / "good.pdf", "Figures", "Knife crime fell by 12 per cent.")
    (tmp_path / "broken.pdf").write_bytes(broken_xref_pdf((tmp_path / "good.pdf").read_bytes()))
    document = load_document(_file(tmp_path / "broken.pdf"))
    assert "fell by 12 per cent" in document.text
    assert "damaged cross-reference table" in document.warning
    assert load_document(_file(tmp_path / "good.pdf")).warning == ""


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("binary.txt", bytes(range(256)) * 64, "binary content"),
        ("one-line.md", b"word " * 1_100_000, "a line of 5,499,999 characters"),
        ("deep.html", deep_html(100_000).encode(), "nested more than 1,000 elements deep"),
    ],
)
def test_text_guards_give_a_one_line_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(DocumentError, match=reason) as info:
        load_document(_file(tmp_path / name))
    assert "\n" not in str(info.value)


def test_html_depth_follows_optional_end_tags(tmp_path: Path) -> None:
    page = "<html><body>" + "<p>one paragraph, never closed" * 3000 + "<br><img></body></html>"
    (tmp_path / "sloppy.html").write_text(page)
    check_html_depth(tmp_path / "sloppy.html", 100)  # unclosed <p>s are siblings, not nesting
    for path in (ROOT / "corpus").glob("*.html"):
        check_html_depth(path, 20)


def test_symlink_out_of_the_corpus_is_refused_and_one_inside_is_read(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nroot password\n")
    (corpus / "real.md").write_text("# Real\n\nA real document.\n")
    os.symlink(outside / "secret.md", corpus / "escape.md")
    os.symlink(corpus / "real.md", corpus / "alias.md")
    scan = scan_corpus(corpus, max_file_mb=1)
    reasons = {p.source: p.reason for p in scan.problems}
    assert reasons == {
        "escape.md": f"symlink pointing outside the corpus folder (to {outside / 'secret.md'}): "
        "copy the file into the corpus instead"
    }
    assert sorted(f.meta.source for f in scan.files) == ["alias.md", "real.md"]


def test_control_characters_in_a_name_are_refused_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# Ok\n\nFine.\n")
    (tmp_path / "bad\x1b]0;owned\x07\u202e.md").write_text("# Bad\n\nText.\n")
    scan = scan_corpus(tmp_path, max_file_mb=1)
    [problem] = scan.problems
    assert problem.source == "bad\\x1b]0;owned\\x07\\u202e.md"
    assert problem.reason == "file name has control characters: rename it"
    assert printable("Café\r\n") == "Café\\x0d\\x0a"


def test_worker_timeout_replaces_the_worker_and_the_next_file_parses(tmp_path: Path) -> None:
    (tmp_path / "slow.html").write_text(slow_html(1_500_000))
    (tmp_path / "good.md").write_text("# Good\n\nParsed after the slow one.\n")
    with ParseWorker(ParseLimits(timeout_seconds=3)) as worker:
        assert "Parsed after" in worker.parse(_file(tmp_path / "good.md")).text
        first = worker._process.pid
        started = time.perf_counter()
        with pytest.raises(DocumentError, match="took longer than 3 s to parse: check the file"):
            worker.parse(_file(tmp_path / "slow.html"))
        assert time.perf_counter() - started < 8
        assert "Parsed after" in worker.parse(_file(tmp_path / "good.md")).text
        assert worker._process.pid != first  # the stuck worker was killed and replaced


def test_a_worker_started_from_a_streamlit_page_never_runs_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit runs each page as __main__ (the Documents page re-indexes from one)."""
    import types

    page = tmp_path / "page.py"
    page.write_text("raise SystemExit('the page was run in the parse worker')\n")
    main = types.ModuleType("__main__")
    main.__file__ = str(page)
    monkeypatch.setitem(sys.modules, "__main__", main)
    (tmp_path / "good.md").write_text("# Good\n\nParsed from a page.\n")
    with ParseWorker(ParseLimits(timeout_seconds=30)) as worker:
        assert "Parsed from a page" in worker.parse(_file(tmp_path / "good.md")).text
    assert sys.modules["__main__"] is main


@pytest.mark.slow
def test_worker_memory_limit_is_a_reason_not_a_dead_ingest(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text(slow_html(300_000))
    (tmp_path / "good.md").write_text("# Good\n\nStill parsed.\n")
    with ParseWorker(ParseLimits(memory_mb=160, timeout_seconds=300)) as worker:
        with pytest.raises(DocumentError, match="needed more than 160 MB|parser stopped"):
            worker.parse(_file(tmp_path / "big.html"))
        assert "Still parsed" in worker.parse(_file(tmp_path / "good.md")).text


def _run_measured(args: list[str], env: dict[str, str], out: Path, limit: float) -> tuple[int, int]:
    """Run a command; return (exit code, its peak resident memory in MB).

    The peak is VmHWM of the process itself, read from /proc while it runs: wait4's ru_maxrss
    would carry over the high-water mark of this (much larger) pytest process, which the child
    was forked from.
    """
    with out.open("w") as fh:
        process = subprocess.Popen(args, env=env, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline, peak_kb = time.monotonic() + limit, 0
    while process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            pytest.fail(f"{args} did not finish in {limit} s")
        peak_kb = max(peak_kb, _high_water_kb(process.pid))
        time.sleep(0.2)
    return process.returncode, peak_kb // 1024


def _high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


@pytest.mark.slow
def test_cli_ingest_of_a_hostile_corpus(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    good, bad = write_hostile_corpus(corpus, tmp_path / "outside")
    assert len(good) >= 188 and len(bad) >= 12 and len(good) + len(bad) >= 200
    assert (corpus / "huge.txt").stat().st_size >= 50 * 1024 * 1024
    (corpus / "contact.md").write_text("# Contact\n\nCall Jo on 07912 345678 about the plan.\n")
    good.append("contact.md")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_CORPUS_DIR": str(corpus),
        "ASSISTANT_INDEX_DIR": str(index),
        "ASSISTANT_PARSE_TIMEOUT_SECONDS": "15",
    }
    assistant = [sys.executable, "-m", "assistant"]
    code, peak_mb = _run_measured([*assistant, "ingest"], env, tmp_path / "out.txt", 1200)
    printed = (tmp_path / "out.txt").read_text()
    assert code == 1, printed  # failed files make the exit code 1; the rest is indexed
    assert "\x1b" not in printed and "\x07" not in printed  # the escape name can't reach a tty
    assert "personal data: contact.md (Contact): phone 0**** 3*****" in printed
    assert "345678" not in printed
    print(f"ingest of {len(good) + len(bad)} files peaked at {peak_mb} MB")
    assert peak_mb < 1024, f"ingest peaked at {peak_mb} MB"

    report = json.loads((index / "ingest-report.json").read_text())
    outcomes = {f["source"]: f for f in report["files"]}
    for name, reason in bad.items():
        said = outcomes[name]["reason"] or outcomes[name]["warning"]
        assert re.search(reason, said), f"{name}: {said!r}"
        assert f"{name}: {said}" in printed
    status = subprocess.run(
        [*assistant, "status", "--json"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    indexed = {d["source"] for d in json.loads(status.stdout)["per_document"].values()}
    assert indexed == set(good) | {"broken-xref.pdf"}  # repaired on reading, with a warning
    assert report["counts"]["added"] == len(indexed)
