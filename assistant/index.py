"""Index: documents -> chunks -> embeddings in Chroma, BM25 beside it, manifest.json."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.chunk import embedding_text, sentence_units, split_document
from assistant.config import Settings
from assistant.embed import Embedder, with_batch_size
from assistant.embed_memo import MemoEmbedder
from assistant.errors import (
    DocumentError,
    IndexLockedError,
)
from assistant.ingest import CorpusFile, scan_corpus
from assistant.lexical import LexicalIndex
from assistant.parse import ParseWorker, parse_limits
from assistant.store import (
    MANIFEST,
    chroma_client,
    get_collection,
    index_signature,
    iter_records,
    live_ids,
    load_manifest,
    publish_manifest,
    read_manifest,
    sentence_collection_name,
    write_json,
)
from assistant.types import Chunk, FileOutcome, IngestReport, PersonalData

BUILDING = "manifest.building.json"  # a rebuild's progress; manifest.json serves until it ends
PENDING = "pending.json"  # the document being written, cleaned up if the ingest is killed
FILTER_FIELDS = ("doc_id", "status", "strand", "published_int", "classification", "readers")
REPORT = "ingest-report.json"
# Sentence units repeat: a section's heading is unit 0 of each of its chunks, the overlap between
# neighbouring chunks repeats a sentence, and boilerplate recurs across documents. One ingest
# embeds each distinct unit once (vectors are batch-independent, so they are the same numbers).
# Measured: the sample corpus 3,015 units, 2,762 distinct.
UNIT_MEMO = 8192  # vectors kept (float64, about 25 MB)


def unit_batch_size(settings: Settings) -> int:
    """How many sentence units ingest embeds at once: smaller batches only where they were faster.

    ONNX Runtime on a 2-core avx2 CPU ran units faster in batches of 8 than of 32; torch ran
    them slower (400 sample-corpus units, 3 rounds: 5.9 s against 4.1 s), so it keeps its batch.
    """
    if settings.embedding_backend == "onnx":
        return settings.embed_unit_batch_size
    return settings.embed_batch_size


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the single-writer lock on index/, failing fast if another ingest holds it."""
    from filelock import FileLock, Timeout

    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".ingest.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise IndexLockedError(
            f"Another ingest is writing {index_dir}: wait for it to finish "
            f"(lock file {index_dir / '.ingest.lock'})"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def meta_hash(file: CorpusFile) -> str:
    """Hash the catalog metadata, so a status change updates chunks without re-embedding."""
    return hashlib.sha256(json.dumps(asdict(file.meta), sort_keys=True).encode()).hexdigest()[:16]


def corpus_version(documents: dict[str, Any]) -> str:
    """Hash of every indexed document's file and metadata hashes."""
    parts = sorted(f"{k}:{v['file_hash']}:{v['meta_hash']}" for k, v in documents.items())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def progress(total: int, desc: str) -> Any:
    """Return a tqdm progress bar on stderr (silent when stderr is not a terminal and CI)."""
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc=desc,
        file=sys.stderr,
        unit="file",
        leave=False,
        disable=None if os.environ.get("CI") else False,
    )


class IndexWriter:
    """Apply one incremental ingest to Chroma, then refresh BM25 and the manifest."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        on_file: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Open the store; nothing is written until run(). on_file(done, total, name) reports."""
        self.settings, self.embedder, self.on_file = settings, embedder, on_file
        self.unit_embedder = MemoEmbedder(
            with_batch_size(embedder, unit_batch_size(settings)), UNIT_MEMO
        )
        self.client = chroma_client(settings)
        self.manifest = read_manifest(settings)
        self.manifest_file = MANIFEST  # BUILDING while a rebuild fills a new collection
        self.start_version: str | None = None
        self.report = IngestReport()

    def run(self, rebuild: bool = False) -> IngestReport:
        """Bring the index in line with the corpus."""
        started = time.perf_counter()
        scan = scan_corpus(self.settings.corpus_dir, self.settings.max_file_mb)
        signature = index_signature(self.settings, self.embedder.model_id)
        self._recover()
        old_name = self.manifest.get("collection")
        self.start_version = self.manifest.get("corpus_version")
        if rebuild or self.manifest.get("signature") != signature or not old_name:
            self._start_rebuild(signature)
        self.collection = get_collection(self.client, self.manifest["collection"])
        self.sentences = get_collection(
            self.client, sentence_collection_name(self.manifest["collection"])
        )
        with ParseWorker(parse_limits(self.settings)) as self.parser:
            self._sync(scan.files)
        self.report.outcomes.extend(scan.problems)
        self._finish(old_name)
        self.report.seconds = time.perf_counter() - started
        write_json(self.settings.index_dir / REPORT, self.report.to_dict())
        return self.report

    def _recover(self) -> None:
        """Finish what a killed ingest left: drop the records the manifests don't list.

        Records are written before the manifest lists them and deleted after it stops listing
        them, so the manifest is the commit point; `pending.json` names the one document that
        was being written, so recovery touches only it.
        """
        pending = self.settings.index_dir / PENDING
        if not pending.is_file():
            return
        job = json.loads(pending.read_text(encoding="utf-8"))
        building = load_manifest(self.settings.index_dir, BUILDING)
        for manifest in (self.manifest, building):
            if manifest.get("collection") == job["collection"]:
                entry = manifest["documents"].get(job["doc_id"])
                keep = set(entry["chunk_ids"]) if entry else set()
                self._drop_stale(job["collection"], job["doc_id"], keep)
        pending.unlink()

    def _start_rebuild(self, signature: dict[str, Any]) -> None:
        """Fill a new collection; the old one serves until the manifest points away.

        A rebuild killed part-way resumes from its own manifest when nothing it depends on
        changed; otherwise its half-filled collection is dropped.
        """
        self.report.rebuilt = True
        self.manifest_file = BUILDING
        building = load_manifest(self.settings.index_dir, BUILDING)
        if building.get("collection"):
            if building.get("signature") == signature:
                self.manifest = building
                return
            self._drop_collections(building["collection"])
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
        self.manifest = {
            "documents": {},
            "signature": signature,
            "collection": f"{self.settings.collection}-{stamp}",
        }
        self._save_manifest()

    def _drop_collections(self, name: str) -> None:
        for each in (name, sentence_collection_name(name)):
            try:
                self.client.delete_collection(each)
            except Exception:  # noqa: BLE001, S110 - the old copy may already be gone
                pass

    def _sync(self, files: list[CorpusFile]) -> None:
        documents = self.manifest["documents"]
        seen = {f.meta.doc_id for f in files}
        bar = progress(len(files), "ingest")
        for done, file in enumerate(files, start=1):
            self.report.outcomes.append(self._sync_file(file, documents.get(file.meta.doc_id)))
            bar.update(1)
            if self.on_file:
                self.on_file(done, len(files), file.meta.source)
        bar.close()
        for doc_id in sorted(set(documents) - seen):
            source = documents[doc_id]["source"]
            self._remove(doc_id)
            self.report.outcomes.append(FileOutcome(source, doc_id, "removed"))

    def _sync_file(self, file: CorpusFile, entry: dict[str, Any] | None) -> FileOutcome:
        doc_id, source = file.meta.doc_id, file.meta.source
        if entry and entry["file_hash"] == file.file_hash and entry["meta_hash"] == meta_hash(file):
            kept = self._keep(file, entry)
            if kept:
                return kept
        try:
            document = self.parser.parse(file)
        except DocumentError as exc:
            return FileOutcome(source, doc_id, "failed", reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - a hostile file must not stop the other files
            return FileOutcome(
                source,
                doc_id,
                "failed",
                reason=f"could not parse ({exc.__class__.__name__}): check the file",
            )
        if document.personal_data and self.settings.pii == "block":
            return self._block(file, document.personal_data)
        chunks = split_document(document, self.settings.chunk_size, self.settings.chunk_overlap)
        self._mark_pending(doc_id)
        self._write_chunks(doc_id, chunks)
        self.manifest["documents"][doc_id] = {
            "source": source,
            "file_hash": file.file_hash,
            "meta_hash": meta_hash(file),
            "chunk_ids": [c.id for c in chunks],
            "pages": document.pages,
            "title": file.meta.title,
            "status": file.meta.status,
            "strand": file.meta.strand,
            "published": file.meta.published,
            "classification": file.meta.classification,
            "readers": list(file.meta.readers),
            "warning": document.warning,
            "personal_data": None
            if self.settings.pii == "off"
            else [asdict(p) for p in document.personal_data],
        }
        self._save_manifest()  # the commit point: the new version serves from here on
        self._drop_stale(self.manifest["collection"], doc_id, {c.id for c in chunks})
        action = "updated" if entry else "added"
        # document.warning starts with the file's own (load_document joins them)
        return FileOutcome(
            source,
            doc_id,
            action,
            len(chunks),
            warning=document.warning,
            personal_data=document.personal_data,
        )

    def _remove(self, doc_id: str) -> None:
        """Unlist a document (the commit point), then delete its records."""
        self._mark_pending(doc_id)
        del self.manifest["documents"][doc_id]
        self._save_manifest()
        self._drop_stale(self.manifest["collection"], doc_id, set())

    def _mark_pending(self, doc_id: str) -> None:
        job = {"collection": self.manifest["collection"], "doc_id": doc_id}
        write_json(self.settings.index_dir / PENDING, job)

    def _keep(self, file: CorpusFile, entry: dict[str, Any]) -> FileOutcome | None:
        """Return the outcome of an unchanged file; None when it was never checked for PII."""
        if "personal_data" not in entry and self.settings.pii != "off":
            return None
        found = tuple(PersonalData(**p) for p in entry.get("personal_data") or ())
        if found and self.settings.pii == "block":
            return self._block(file, found)
        chunks = len(entry["chunk_ids"])
        return FileOutcome(
            file.meta.source, file.meta.doc_id, "skipped", chunks, personal_data=found
        )

    def _block(self, file: CorpusFile, found: tuple[PersonalData, ...]) -> FileOutcome:
        """Keep a document with personal data out of the index (ASSISTANT_PII=block)."""
        doc_id = file.meta.doc_id
        if doc_id in self.manifest["documents"]:
            self._remove(doc_id)
        reason = (
            f"personal data in {len(found)} passage(s), kept out of the index: remove it, or "
            "set ASSISTANT_PII=flag to index it"
        )
        return FileOutcome(file.meta.source, doc_id, "blocked", reason=reason, personal_data=found)

    def _write_chunks(self, doc_id: str, chunks: list[Chunk]) -> None:
        """Upsert a document's new chunks and sentence vectors beside its old ones.

        Chunks whose content is unchanged reuse their chunk and sentence vectors. Readers see
        only the chunks the manifest lists, so until it is saved the old version serves.
        """
        known = {
            meta.get("content_hash"): (cid, emb)
            for cid, _, meta, emb in iter_records(
                self.collection, ["metadatas", "embeddings"], {"doc_id": doc_id}
            )
        }
        todo = [c for c in chunks if c.content_hash not in known]
        fresh = self.embedder.embed_documents([embedding_text(c) for c in todo])
        vectors = dict(zip([c.id for c in todo], fresh, strict=True))
        embeddings = [
            vectors[c.id] if c.id in vectors else known[c.content_hash][1] for c in chunks
        ]
        for start in range(0, len(chunks), 500):
            part = chunks[start : start + 500]
            self.collection.upsert(
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
                embeddings=[list(e) for e in embeddings[start : start + 500]],
            )
        self._write_sentences(doc_id, chunks, todo, {h: cid for h, (cid, _) in known.items()})
        self.report.chunks_embedded += len(todo)

    def _drop_stale(self, collection: str, doc_id: str, keep: set[str]) -> None:
        """Delete a document's chunks and sentence vectors that are not in `keep`."""
        chunks, sentences = (
            get_collection(self.client, name)
            for name in (collection, sentence_collection_name(collection))
        )
        where = {"doc_id": doc_id}
        stale = [i for i, *_ in iter_records(chunks, [], where) if i not in keep]
        if stale:
            chunks.delete(ids=stale)
        stale = [
            i
            for i, _, meta, _ in iter_records(sentences, ["metadatas"], where)
            if meta["chunk_id"] not in keep
        ]
        if stale:
            sentences.delete(ids=stale)

    def _write_sentences(
        self, doc_id: str, chunks: list[Chunk], todo: list[Chunk], old_ids: dict[str, str]
    ) -> None:
        reused: dict[str, list[Any]] = {}
        for _, _, meta, emb in iter_records(
            self.sentences, ["metadatas", "embeddings"], {"doc_id": doc_id}
        ):
            reused.setdefault(meta["chunk_id"], []).append((meta["k"], emb))
        fresh_units = [(c, k, u) for c in todo for k, u in enumerate(sentence_units(c))]
        fresh = self.unit_embedder.embed_documents([u for _, _, u in fresh_units])
        records = [(c, k, v) for (c, k, _), v in zip(fresh_units, fresh, strict=True)]
        for c in chunks:
            if c not in todo:
                old = sorted(reused.get(old_ids.get(c.content_hash, ""), []), key=lambda kv: kv[0])
                records += [(c, k, v) for k, v in old]
        for start in range(0, len(records), 1000):
            part = records[start : start + 1000]
            self.sentences.upsert(
                ids=[f"{c.id}:{k}" for c, k, _ in part],
                metadatas=[{**_sentence_meta(c), "k": k} for c, k, _ in part],
                embeddings=[list(v) for _, _, v in part],
            )

    def _save_manifest(self) -> None:
        """Save the manifest being written; its corpus version tells readers BM25 is stale."""
        self.manifest["corpus_version"] = corpus_version(self.manifest["documents"])
        write_json(self.settings.index_dir / self.manifest_file, self.manifest)

    def _finish(self, old_name: str | None) -> None:
        version = corpus_version(self.manifest["documents"])
        changed = version != self.start_version or self.report.rebuilt
        self.manifest["last_ingest"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.collection.modify(metadata={"corpus_version": version})
        folder = self.settings.index_dir / "bm25"
        if changed or LexicalIndex.load(folder, version) is None:
            build_lexical(self.collection, version, live_ids(self.manifest)).save(folder)
        self.manifest_file = MANIFEST
        self._save_manifest()  # the commit point of a rebuild
        (self.settings.index_dir / BUILDING).unlink(missing_ok=True)
        (self.settings.index_dir / PENDING).unlink(missing_ok=True)
        publish_manifest(self.client, self.settings, self.manifest)
        if old_name and old_name != self.manifest["collection"]:
            self._drop_collections(old_name)


def _sentence_meta(chunk: Chunk) -> dict[str, Any]:
    meta = chunk.metadata()
    return {"chunk_id": chunk.id, **{k: meta[k] for k in FILTER_FIELDS}}


def build_lexical(collection: Any, version: str, live: set[str] | None = None) -> LexicalIndex:
    """Build BM25 over the live chunks stored in the collection (title + section + text).

    `live` leaves out what an interrupted ingest wrote but never listed in the manifest.
    """
    ids, texts = [], []
    fields: dict[str, list[Any]] = {k: [] for k in FILTER_FIELDS}
    for chunk_id, text, meta, _ in iter_records(collection, ["documents", "metadatas"]):
        if live is not None and chunk_id not in live:
            continue
        ids.append(chunk_id)
        texts.append(embedding_text(Chunk.from_record(chunk_id, text, meta)))
        for key in FILTER_FIELDS:
            fields[key].append(meta.get(key))
    return LexicalIndex.build(ids, texts, version, fields)


def build_index(
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    on_file: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Run an incremental (or, with rebuild, full) ingest under the writer lock.

    Raises:
        IndexLockedError: another process is writing the index.
        CorpusEmptyError: the corpus folder is missing or empty.
    """
    with writer_lock(settings.index_dir):
        return IndexWriter(settings, embedder, on_file).run(rebuild)
