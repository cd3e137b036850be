"""Corpus admin: an uploaded file -> a checked corpus file; a form -> a catalog entry.

What the Documents page does for maintainers, without Streamlit: the page passes the upload's
name and bytes and the form's fields, and shows what comes back (or the one-line reason of a
`CorpusUpdateError`). Files are checked with the same rules ingest applies (its suffixes, size
limit and assistant/guards.py, then a parse in the bounded worker), so a file ingest would refuse
never replaces a good one. Every write goes to a hidden temporary file in the corpus folder
(ingest skips hidden files) and is moved into place with os.replace.

The catalog is rewritten with ruamel.yaml's round-trip mode, which keeps its comments, key
order and quoting: only the keys the form changed are written, other entries are untouched, and
the result is validated by ingest's own `parse_catalog` before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.config import Settings
from assistant.errors import AssistantError, DocumentError
from assistant.guards import check_docx_xml, check_html_depth, check_path, check_zip
from assistant.ingest import CATALOG, NOT_DOCUMENTS, STRANDS, CorpusFile, infer_meta, parse_catalog
from assistant.loaders import LOADERS, decode_text

MAX_NAME = 100  # characters of a cleaned file name's stem
STATUSES = ("current", "superseded")
DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_UNSAFE = re.compile(r"[^a-z0-9]+")  # in a stem: each run of anything else becomes one "-"
_BINARY = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"MZ", b"\x7fELF")
_MB = 1024 * 1024
# A form value equal to what ingest assumes for a missing key is not written into an entry
# that lacks the key (so an edit adds nothing it does not need).
_DEFAULTS: dict[str, Any] = {
    "status": "current",
    "supersedes": None,
    "strand": "partnership",
    "classification": "official",
}


class CorpusUpdateError(AssistantError):
    """An upload or a catalog entry was refused; the message is one line saying what to do."""


@dataclass(frozen=True)
class Saved:
    """What happened to an upload: added, replaced, unchanged (same bytes), or exists.

    `exists`: a different file of that name is in the corpus and nothing was written; save
    again with replace=True once the person has confirmed.
    """

    name: str
    action: Literal["added", "replaced", "unchanged", "exists"]


def sanitize_name(name: str) -> str:
    """A safe corpus file name from the name a browser sent.

    Compatibility forms are folded first (a fullwidth solidus becomes "/"), then only the last
    path component is kept (either separator), accents are folded to ASCII and every other
    character dropped, the name is lower-cased, and each run of anything but letters and digits
    in the stem becomes one "-" (the corpus's kebab-case names). So the name cannot leave the
    corpus folder, hide from ingest (a leading dot) or carry control or bidi characters.

    Raises:
        CorpusUpdateError: the type is not one ingest reads, nothing usable is left, or the name
            is one of the corpus's own files (catalog.yaml, glossary.yaml, README.md).
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name))[-1]
    folded = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    plain = folded.encode("ascii", "ignore").decode().lower().strip()
    stem, dot, suffix = plain.rpartition(".")
    if not dot:
        stem, suffix = plain, ""
    suffix = "." + re.sub(r"[^a-z0-9]", "", suffix)
    if suffix not in LOADERS:
        raise CorpusUpdateError(
            f"unsupported file type {suffix if len(suffix) > 1 else '(none)'}: upload one of "
            f"{', '.join(sorted(LOADERS))}"
        )
    stem = _UNSAFE.sub("-", stem).strip("-")[:MAX_NAME].rstrip("-")
    if not stem:
        raise CorpusUpdateError("the file name has no letters or digits: rename the file")
    safe = stem + suffix
    if safe in {n.lower() for n in NOT_DOCUMENTS}:
        raise CorpusUpdateError(f"{safe} is one of the corpus's own files: rename the document")
    return safe


def check_upload(name: str, data: bytes, settings: Settings) -> str:
    """Check an upload's name, size and leading bytes; return its safe file name.

    Raises:
        CorpusUpdateError: refused; the message says why and what to do.
    """
    safe = sanitize_name(name)
    size_mb = len(data) / _MB
    if not data:
        raise CorpusUpdateError(f"{safe} is empty: upload the document with its content")
    for limit, setting in ((settings.max_upload_mb, "MAX_UPLOAD_MB"), (settings.max_file_mb, "")):
        if size_mb > limit:
            raise CorpusUpdateError(
                f"{safe} is {size_mb:.1f} MB, above the {limit:g} MB limit: split it or raise "
                f"ASSISTANT_{setting or 'MAX_FILE_MB'}"
            )
    reason = _content_reason(Path(safe).suffix, data)
    if reason:
        raise CorpusUpdateError(f"{safe}: {reason}")
    return safe


def _content_reason(suffix: str, data: bytes) -> str:
    """Why the bytes are not the type their name says ("" when they may be)."""
    if suffix == ".pdf":
        return "" if b"%PDF-" in data[:1024] else "not a PDF file (no %PDF header): re-save it"
    if suffix == ".docx":
        return "" if data.startswith(b"PK\x03\x04") else "not a Word .docx file: re-save it"
    if data.lstrip().startswith(_BINARY):
        return f"binary content in a {suffix} file: check the file type"
    try:
        decode_text(data)
    except DocumentError as exc:
        return str(exc)
    return ""


def _parse_in_worker(path: Path, settings: Settings) -> None:
    """Parse a staged file as ingest would (bounded worker); raise DocumentError if it can't."""
    from assistant.parse import ParseWorker, parse_limits

    with ParseWorker(parse_limits(settings)) as worker:
        worker.parse(CorpusFile(path, infer_meta(path), ""))


def _check_staged(path: Path, settings: Settings) -> None:
    """Run ingest's guards on a staged file (DOCX zip directory and XML, HTML nesting)."""
    reason = check_path(path, settings.corpus_dir)
    if reason:
        raise DocumentError(reason)
    if path.suffix == ".docx":
        check_zip(path, settings.max_unpacked_mb, settings.max_zip_ratio)
        check_docx_xml(path)
    if path.suffix in (".html", ".htm"):
        check_html_depth(path, settings.max_nesting)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(target: Path, data: bytes) -> Path:
    """Write bytes to a hidden temporary file beside target (fsynced); return its path."""
    with tempfile.NamedTemporaryFile(
        dir=target.parent, prefix=".staged-", suffix=target.suffix, delete=False
    ) as tmp:
        tmp.write(data)
        tmp.flush()
        os.fsync(tmp.fileno())
    return Path(tmp.name)


def save_upload(
    settings: Settings,
    name: str,
    data: bytes,
    replace: bool = False,
    parse: Callable[[Path, Settings], None] | None = _parse_in_worker,
) -> Saved:
    """Check an upload and write it into the corpus folder atomically.

    A different file of the same name is replaced only with `replace` (after a confirm).

    Args:
        settings: where the corpus is, and the size and parse limits.
        name: the name the browser sent (cleaned with sanitize_name).
        data: the file's bytes.
        replace: whether a different file of the same name may be replaced.
        parse: parses the staged file as ingest would, raising DocumentError if it cannot
            (None skips it).

    Raises:
        CorpusUpdateError: the file was refused; nothing in the corpus changed.
    """
    safe = check_upload(name, data, settings)
    if not settings.corpus_dir.is_dir():
        raise CorpusUpdateError(
            f"No corpus folder at {settings.corpus_dir}: create it or set ASSISTANT_CORPUS_DIR"
        )
    target = settings.corpus_dir / safe
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise CorpusUpdateError(f"{safe} exists in the corpus but is not a plain file: check it")
    if target.is_file():
        if _sha256(target.read_bytes()) == _sha256(data):
            return Saved(safe, "unchanged")
        if not replace:
            return Saved(safe, "exists")
    existed = target.is_file()
    staged = _write_atomic(target, data)
    try:
        _check_staged(staged, settings)
        if parse is not None:
            parse(staged, settings)
        os.replace(staged, target)
    except DocumentError as exc:
        raise CorpusUpdateError(f"{safe}: {exc}") from exc
    except OSError as exc:
        raise CorpusUpdateError(
            f"could not write {safe} ({exc.strerror}): check the folder"
        ) from exc
    finally:
        staged.unlink(missing_ok=True)
    return Saved(safe, "replaced" if existed else "added")


def corpus_files(corpus_dir: Path) -> list[str]:
    """The documents in the corpus folder as ingest sees them (relative paths, hidden skipped)."""
    if not corpus_dir.is_dir():
        return []
    found = []
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(corpus_dir)
        if rel.as_posix() in NOT_DOCUMENTS or any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in LOADERS:
            found.append(rel.as_posix())
    return found


# --- the catalog ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryForm:
    """The catalog fields the Documents page edits for one corpus file."""

    file: str
    doc_id: str
    title: str
    strand: str
    published: dt.date | None
    status: str = "current"
    supersedes: str | None = None
    classification: str = "official"


def _yaml() -> Any:
    """A round-trip YAML (comments, order, quotes kept) writing dates plain and None as null."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long title onto two lines
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def catalog_entries(corpus_dir: Path) -> list[dict[str, Any]]:
    """The catalog's entries as plain dicts (empty when there is no catalog).

    Raises:
        AssistantError: the catalog is not valid (ingest's own check).
    """
    import yaml

    path = corpus_dir / CATALOG
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    parse_catalog(text, path)
    data = yaml.safe_load(text) or {}
    return [dict(e) for e in data.get("documents", [])] if isinstance(data, dict) else []


def entry_form(corpus_dir: Path, file: str) -> EntryForm:
    """The form for a corpus file: its catalog entry, or metadata inferred from its name."""
    entry = next((e for e in catalog_entries(corpus_dir) if e.get("file") == file), None)
    if entry is None:
        meta = infer_meta(corpus_dir / file)
        return EntryForm(file, meta.doc_id, meta.title, "partnership", None)
    published = entry.get("published")
    return EntryForm(
        file=file,
        doc_id=str(entry["doc_id"]),
        title=str(entry.get("title", "")),
        strand=str(entry.get("strand") or "partnership"),
        published=published if isinstance(published, dt.date) else None,
        status=str(entry.get("status") or "current"),
        supersedes=entry.get("supersedes") or None,
        classification=str(entry.get("classification") or "official"),
    )


def check_entry(corpus_dir: Path, form: EntryForm, entries: list[dict[str, Any]]) -> None:
    """Refuse an entry ingest would refuse or misread, before the catalog is touched.

    Raises:
        CorpusUpdateError: the first problem, in one line.
    """
    others = [e for e in entries if e.get("file") != form.file]
    ids = {str(e.get("doc_id")) for e in others}
    problems = [
        (not (corpus_dir / form.file).is_file(), f"no file {form.file} in the corpus: upload it"),
        (not DOC_ID.match(form.doc_id), "doc_id: use lower-case letters, digits and dashes"),
        (form.doc_id in ids, f"doc_id {form.doc_id} is another document's: choose another"),
        (not " ".join(form.title.split()), "title: give the document's title"),
        (form.strand not in STRANDS, f"strand: use one of {', '.join(sorted(STRANDS))}"),
        (form.published is None, "published: give the publication date"),
        (form.status not in STATUSES, "status: use current or superseded"),
        (form.supersedes == form.doc_id, "supersedes: a document cannot supersede itself"),
        (
            bool(form.supersedes) and form.supersedes not in ids,
            f"supersedes: {form.supersedes} is not a doc_id in the catalog",
        ),
    ]
    for failed, reason in problems:
        if failed:
            raise CorpusUpdateError(reason)


def _fields(form: EntryForm) -> dict[str, Any]:
    return {
        "doc_id": form.doc_id,
        "title": " ".join(form.title.split()),
        "published": form.published,
        "status": form.status,
        "supersedes": form.supersedes or None,
        "strand": form.strand,
        "classification": form.classification.strip().lower(),
    }


def _apply(entries: Any, form: EntryForm) -> Literal["added", "updated"]:
    """Update the entry for form.file in place (changed keys only) or append a new one."""
    from ruamel.yaml.comments import CommentedMap

    fields = _fields(form)
    entry = next((e for e in entries if e.get("file") == form.file), None)
    if entry is None:
        entries.append(CommentedMap({"file": form.file, **fields}))
        return "added"
    for key, value in fields.items():
        if key not in entry and value == _DEFAULTS.get(key, object()):
            continue
        if entry.get(key) != value:
            entry[key] = value
    return "updated"


def update_entry(corpus_dir: Path, form: EntryForm) -> Literal["added", "updated"]:
    """Write one file's catalog entry, keeping the other entries and the comments.

    The catalog is read, changed and checked under a lock (two maintainers saving at once do
    not lose an edit), and replaced atomically.

    Raises:
        CorpusUpdateError: the entry or the resulting catalog is invalid; nothing was written.
    """
    from filelock import FileLock

    path = corpus_dir / CATALOG
    with FileLock(corpus_dir / f".{CATALOG}.lock", timeout=30):
        check_entry(corpus_dir, form, catalog_entries(corpus_dir))
        yaml = _yaml()
        data = yaml.load(path.read_text(encoding="utf-8")) if path.is_file() else None
        data = {"documents": []} if data is None else data
        if not isinstance(data, dict):
            raise CorpusUpdateError(f"{path} is not a mapping with a documents list: fix it")
        if data.get("documents") is None:
            data["documents"] = []
        action = _apply(data["documents"], form)
        out = io.StringIO()
        yaml.dump(data, out)
        try:
            parse_catalog(out.getvalue(), path)
        except AssistantError as exc:
            raise CorpusUpdateError(str(exc)) from exc
        staged = _write_atomic(path, out.getvalue().encode("utf-8"))
        try:
            os.replace(staged, path)
        except OSError as exc:
            raise CorpusUpdateError(
                f"could not replace {path} ({exc.strerror}): check the folder"
            ) from exc
        finally:
            staged.unlink(missing_ok=True)
    return action
