"""Backup and restore of the index, and the consistency check both (and `status`) rely on.

A backup is a folder of plain files: `backup.json` (format, counts, versions), the manifest,
each collection's records as JSON lines with their vectors in a NumPy file, and a copy of each
SQLite store under index/ (feedback, audit) made with SQLite's online backup. It is written
through Chroma's API, so it serves an embedded index and a Chroma server alike, and restores
into another Chroma version, where copying Chroma's own files would not.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.index import build_lexical, writer_lock
from assistant.store import (
    MANIFEST,
    check_versions,
    chroma_client,
    get_collection,
    index_signature,
    iter_records,
    live_ids,
    publish_manifest,
    read_manifest,
    sentence_collection_name,
    write_json,
)

FORMAT = 1
INFO = "backup.json"
_BATCH = 1000


def check_index(collection: Any, sentences: Any, manifest: dict[str, Any]) -> dict[str, Any]:
    """Compare what the collections hold with what the manifest lists.

    Consistent means every listed chunk is stored with its sentence vectors and no document
    has two live chunks at one position. Records nobody lists (left by a killed ingest) are
    counted: answers never read them and the next ingest deletes them.
    """
    live = live_ids(manifest) or set()
    stored: dict[str, tuple[str, int]] = {}
    for chunk_id, _, meta, _ in iter_records(collection, ["metadatas"]):
        stored[chunk_id] = (meta.get("doc_id", ""), int(meta.get("ordinal", -1)))
    with_units: set[str] = set()
    orphan_units = 0
    if sentences is not None:
        for _, _, meta, _ in iter_records(sentences, ["metadatas"]):
            with_units.add(meta["chunk_id"])
            orphan_units += meta["chunk_id"] not in live
    positions = [stored[i] for i in live if i in stored]
    listed = sum(len(e["chunk_ids"]) for e in manifest.get("documents", {}).values())
    result = {
        "missing": len(live - stored.keys()),
        "missing_sentences": len(live - with_units) if sentences is not None else 0,
        "duplicates": (listed - len(live)) + (len(positions) - len(set(positions))),
        "unlisted": len(stored.keys() - live),
        "unlisted_sentences": orphan_units,
    }
    result["consistent"] = not (
        result["missing"] or result["missing_sentences"] or result["duplicates"]
    )
    return result


def backup(settings: Settings, dest: Path) -> dict[str, Any]:
    """Write a backup of the live index to `dest` (a new folder), under the writer lock.

    Raises:
        AssistantError: `dest` exists, or there is no index to back up.
    """
    if dest.exists():
        raise AssistantError(f"{dest} already exists: name a new folder for the backup")
    with writer_lock(settings.index_dir):
        manifest = read_manifest(settings)
        if not manifest.get("collection"):
            raise AssistantError(f"No index at {settings.index_dir}/: run: assistant ingest")
        tmp = dest.with_name(dest.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        client = chroma_client(settings)
        live = live_ids(manifest) or set()
        name = manifest["collection"]
        counts = {
            "chunks": _dump(client.get_collection(name), tmp / "chunks", live, "id"),
            "sentences": _dump(
                client.get_collection(sentence_collection_name(name)),
                tmp / "sentences",
                live,
                "chunk_id",
            ),
        }
        write_json(tmp / MANIFEST, manifest)
        stores = _copy_sqlite(settings.index_dir, tmp)
        info = _info(manifest, counts, stores)
        write_json(tmp / INFO, info)
        tmp.rename(dest)
    return info


def _info(manifest: dict[str, Any], counts: dict[str, int], stores: list[str]) -> dict[str, Any]:
    import chromadb

    return {
        "format": FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "chroma_version": chromadb.__version__,
        "signature": manifest.get("signature", {}),
        "corpus_version": manifest.get("corpus_version"),
        "documents": len(manifest.get("documents", {})),
        "counts": counts,
        "stores": stores,
    }


def _dump(collection: Any, stem: Path, live: set[str], key: str) -> int:
    """Write live records as JSON lines (id, document, metadata) and their vectors as .npy."""
    import numpy as np

    vectors = []
    with stem.with_suffix(".jsonl").open("w", encoding="utf-8") as out:
        for rid, text, meta, emb in iter_records(
            collection, ["documents", "metadatas", "embeddings"]
        ):
            if (rid if key == "id" else meta.get(key)) not in live:
                continue  # left by a killed ingest: not part of the index
            out.write(json.dumps({"id": rid, "document": text, "metadata": meta}) + "\n")
            vectors.append(np.asarray(emb, dtype=np.float32))
    dim = len(vectors[0]) if vectors else 0
    matrix = np.vstack(vectors) if vectors else np.zeros((0, dim), dtype=np.float32)
    np.save(stem.with_suffix(".npy"), matrix)
    return len(vectors)


def _copy_sqlite(index_dir: Path, dest: Path) -> list[str]:
    """Copy each SQLite store kept under index/ (feedback, audit) with SQLite's backup API."""
    copied = []
    for path in sorted(index_dir.glob("*.sqlite3")):
        source, target = sqlite3.connect(path), sqlite3.connect(dest / path.name)
        with target:
            source.backup(target)
        source.close()
        target.close()
        copied.append(path.name)
    return copied


def read_backup(src: Path) -> dict[str, Any]:
    """Read and check a backup's description.

    Raises:
        AssistantError: not a backup, a format this version cannot read, or files missing.
    """
    info_path = src / INFO
    if not info_path.is_file():
        raise AssistantError(f"{src} is not a backup (no {INFO}): name a folder made by backup")
    info: dict[str, Any] = json.loads(info_path.read_text(encoding="utf-8"))
    if info.get("format") != FORMAT:
        raise AssistantError(
            f"{src} is backup format {info.get('format')}; this version reads {FORMAT}: "
            "restore it with the version that made it, or rebuild: assistant ingest --rebuild"
        )
    for part in ("chunks.jsonl", "chunks.npy", "sentences.jsonl", "sentences.npy", MANIFEST):
        if not (src / part).is_file():
            raise AssistantError(f"{src} is incomplete ({part} missing): use another backup")
    return info


def restore(settings: Settings, src: Path) -> dict[str, Any]:
    """Load a backup into new collections, then switch the manifest to them.

    The live index serves until the switch; a restore that fails part-way leaves it as it was.

    Raises:
        AssistantError: the backup is unreadable or does not match its own counts.
    """
    info = read_backup(src)
    manifest: dict[str, Any] = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    # The records go in through this install's Chroma, so only the chunker and model must match.
    signature = {**manifest.get("signature", {}), **_chroma_now(settings)}
    check_versions(signature, settings, settings.embedding_model)
    manifest["signature"] = signature
    with writer_lock(settings.index_dir):
        client = chroma_client(settings)
        old = read_manifest(settings).get("collection")
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{settings.collection}-{stamp}"
        chunks = get_collection(client, name)
        sentences = get_collection(client, sentence_collection_name(name))
        try:
            for stem, collection in (("chunks", chunks), ("sentences", sentences)):
                loaded = _load(src / stem, collection)
                if loaded != info["counts"][stem]:
                    raise AssistantError(
                        f"{src}/{stem} holds {loaded} records, the backup says "
                        f"{info['counts'][stem]}: it is damaged, use another backup"
                    )
        except Exception:
            for each in (name, sentence_collection_name(name)):
                client.delete_collection(each)
            raise
        manifest["collection"] = name
        check = check_index(chunks, sentences, manifest)
        chunks.modify(metadata={"corpus_version": manifest.get("corpus_version")})
        version = manifest.get("corpus_version", "")
        build_lexical(chunks, version, live_ids(manifest)).save(settings.index_dir / "bm25")
        # Feedback and audit records made since the backup are never rolled back: a store is
        # restored only where this index has none (a new machine).
        for store in info.get("stores", []):
            if not (settings.index_dir / store).exists():
                shutil.copy2(src / store, settings.index_dir / store)
        write_json(settings.index_dir / MANIFEST, manifest)  # the switch
        publish_manifest(client, settings, manifest)
        if old and old != name:
            for each in (old, sentence_collection_name(old)):
                try:
                    client.delete_collection(each)
                except Exception:  # noqa: BLE001, S110 - the old copy may already be gone
                    pass
    return {**info, "check": check}


def _chroma_now(settings: Settings) -> dict[str, Any]:
    return {"chroma_version": index_signature(settings, "")["chroma_version"]}


def _load(stem: Path, collection: Any) -> int:
    import numpy as np

    try:
        matrix = np.load(stem.with_suffix(".npy"))
        lines = stem.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
    except (OSError, ValueError) as exc:
        raise AssistantError(
            f"{stem} cannot be read ({exc.__class__.__name__}): use another backup"
        ) from exc
    if len(records) != len(matrix):
        raise AssistantError(f"{stem}: {len(records)} records but {len(matrix)} vectors: damaged")
    for start in range(0, len(records), _BATCH):
        part = records[start : start + _BATCH]
        kwargs: dict[str, Any] = {
            "ids": [r["id"] for r in part],
            "metadatas": [r["metadata"] for r in part],
            "embeddings": matrix[start : start + _BATCH].tolist(),
        }
        if stem.name == "chunks":
            kwargs["documents"] = [r["document"] for r in part]
        collection.add(**kwargs)
    return len(records)
