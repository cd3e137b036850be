"""Ingest: corpus/ files + catalog.yaml -> documents (parsed lazily, one file at a time)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError, CorpusEmptyError, DocumentError
from assistant.guards import (
    check_docx_xml,
    check_html_depth,
    check_lines,
    check_path,
    check_zip,
    printable,
)
from assistant.loaders import LOADERS
from assistant.types import DocMeta, Document, FileOutcome, ParseLimits, PersonalData

CATALOG = "catalog.yaml"
NOT_DOCUMENTS = {CATALOG, "glossary.yaml", "README.md"}
STRANDS = {
    "criminal-justice",
    "drugs",
    "serious-violence",
    "counter-terrorism",
    "needs-assessment",
    "partnership",
}
_REQUIRED = ("file", "doc_id", "title")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class CorpusFile:
    """One file found in the corpus, with its catalog metadata and content hash."""

    path: Path
    meta: DocMeta
    file_hash: str
    warning: str = ""


@dataclass
class CorpusScan:
    """What is in the corpus folder, before any parsing."""

    files: list[CorpusFile] = field(default_factory=list)
    problems: list[FileOutcome] = field(default_factory=list)


def load_catalog(corpus_dir: Path) -> dict[str, DocMeta]:
    """Read corpus/catalog.yaml into {file name: DocMeta}.

    Raises:
        AssistantError: the catalog is not valid YAML or an entry lacks a required key.
    """
    path = corpus_dir / CATALOG
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise AssistantError(f"{path} is not valid YAML (UnicodeDecodeError): fix it") from exc
    return parse_catalog(text, path)


def parse_catalog(text: str, path: Path) -> dict[str, DocMeta]:
    """Validate catalog YAML text (as found at `path`) into {file name: DocMeta}.

    The Documents page checks an edited catalog with this before it replaces the file.

    Raises:
        AssistantError: the text is not valid YAML or an entry lacks a required key.
    """
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise AssistantError(
            f"{path} is not valid YAML ({exc.__class__.__name__}): fix it"
        ) from exc
    entries = data.get("documents", []) if isinstance(data, dict) else []
    return dict(_catalog_entry(path, i, e) for i, e in enumerate(entries))


def _catalog_entry(path: Path, i: int, entry: Any) -> tuple[str, DocMeta]:
    if not isinstance(entry, dict) or any(not entry.get(k) for k in _REQUIRED):
        raise AssistantError(f"{path}: entry {i + 1} needs {', '.join(_REQUIRED)}")
    if entry.get("strand", "partnership") not in STRANDS:
        raise AssistantError(f"{path}: {entry['doc_id']} has unknown strand {entry['strand']!r}")
    published = entry.get("published", "")
    meta = DocMeta(
        doc_id=str(entry["doc_id"]),
        title=str(entry["title"]),
        source=str(entry["file"]),
        publisher=str(entry.get("publisher", "")),
        published=published.isoformat() if isinstance(published, dt.date) else str(published),
        status=str(entry.get("status", "current")),
        supersedes=entry.get("supersedes") or None,
        strand=str(entry.get("strand", "partnership")),
        url=entry.get("url") or None,
        **_access_fields(path, entry),
    )
    return meta.source, meta


def _access_fields(path: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """The entry's `classification` (default official) and `readers` (default everyone)."""
    from assistant.access import DEFAULT_CLASSIFICATION, as_readers

    classification = str(entry.get("classification") or DEFAULT_CLASSIFICATION).strip().lower()
    if not _SLUG.match(classification):
        raise AssistantError(
            f"{path}: {entry['doc_id']} has classification {classification!r}: use a lower-case "
            "word such as official or official-sensitive"
        )
    readers = entry.get("readers")
    if readers is not None and not isinstance(readers, str | list):
        raise AssistantError(
            f"{path}: {entry['doc_id']} has readers {readers!r}: give a list of groups"
        )
    return {"classification": classification, "readers": as_readers(readers)}


def infer_meta(path: Path) -> DocMeta:
    """Guess metadata for a file that is not in the catalog."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"
    return DocMeta(
        doc_id=slug, title=path.stem.replace("-", " ").replace("_", " ").title(), source=path.name
    )


def scan_corpus(corpus_dir: Path, max_file_mb: float) -> CorpusScan:
    """List corpus files with metadata and hashes; report catalog entries with no file.

    Raises:
        CorpusEmptyError: the folder is missing or holds no documents.
    """
    if not corpus_dir.is_dir():
        raise CorpusEmptyError(
            f"No corpus folder at {corpus_dir}: create it or set ASSISTANT_CORPUS_DIR"
        )
    catalog = load_catalog(corpus_dir)
    scan = CorpusScan()
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(corpus_dir).as_posix()
        if rel in NOT_DOCUMENTS or any(part.startswith(".") for part in path.parts):
            continue
        _add_file(scan, path, corpus_dir, catalog.get(rel), max_file_mb)
    found = {f.meta.source for f in scan.files} | {p.source for p in scan.problems}
    for rel, meta in catalog.items():
        if rel not in found:
            scan.problems.append(
                FileOutcome(
                    rel,
                    meta.doc_id,
                    "missing",
                    reason="listed in catalog.yaml but the file is missing",
                )
            )
    if not scan.files and not scan.problems:
        raise CorpusEmptyError(f"No documents in {corpus_dir}: add .md, .txt, .html, .pdf or .docx")
    return scan


def _add_file(
    scan: CorpusScan, path: Path, corpus_dir: Path, meta: DocMeta | None, max_mb: float
) -> None:
    rel = path.relative_to(corpus_dir).as_posix()
    doc_id = meta.doc_id if meta else None
    reason = check_path(path, corpus_dir) or _precheck(path, max_mb)
    if reason:
        scan.problems.append(FileOutcome(printable(rel), doc_id, "failed", reason=reason))
        return
    warning = "" if meta else "not in catalog.yaml: metadata inferred from the file name"
    meta = meta or replace(infer_meta(path), source=rel)
    with path.open("rb") as handle:
        file_hash = hashlib.file_digest(handle, "sha256").hexdigest()
    scan.files.append(CorpusFile(path, meta, file_hash, warning))


def _precheck(path: Path, max_mb: float) -> str:
    suffix = path.suffix.lower()
    if suffix not in LOADERS:
        return (
            f"unsupported file type {suffix or '(none)'}: use one of {', '.join(sorted(LOADERS))}"
        )
    size = path.stat().st_size
    if size == 0:
        return "empty file: add content or remove it"
    if size > max_mb * 1024 * 1024:
        return (
            f"file is {size / 1048576:.1f} MB, above the {max_mb:g} MB limit: split it or "
            "raise ASSISTANT_MAX_FILE_MB"
        )
    return ""


def load_document(file: CorpusFile, limits: ParseLimits | None = None) -> Document:
    """Parse one corpus file, guarded, and find personal data in it.

    Call it through assistant.parse.ParseWorker, which bounds its time and memory.

    Raises:
        DocumentError: the file cannot be read; the message is the reason to report.
    """
    limits = limits or ParseLimits()
    suffix = file.path.suffix.lower()
    if suffix == ".docx":
        check_zip(file.path, limits.max_unpacked_mb, limits.max_zip_ratio)
        check_docx_xml(file.path)
    if suffix in (".html", ".htm"):
        check_html_depth(file.path, limits.max_nesting)
    try:
        passages, warning, pages = LOADERS[suffix](file.path)
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError("file is too deeply nested to parse: check the file") from exc
    if not any(p.text.strip() for p in passages):
        raise DocumentError("no text found in the file")
    check_lines(passages, limits.max_line_chars)
    found: tuple[PersonalData, ...] = ()
    if limits.pii != "off":
        from assistant.pii import find_personal_data

        found = tuple(find_personal_data(passages))
    warnings = "; ".join(w for w in (file.warning, warning) if w)
    return Document(file.meta, tuple(passages), file.file_hash, pages, warnings, found)
