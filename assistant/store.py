"""Store: the Chroma client and collections, the manifest, and the live index opened read-only.

The manifest lists every live chunk: it is the commit point of an ingest (see index.py), and
what readers open and keep to.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.chunk import CHUNKER_VERSION
from assistant.config import Settings
from assistant.errors import AssistantError, IndexNotBuiltError, IndexVersionError

MANIFEST = "manifest.json"
_PAGE = 1000  # records per Chroma get() call


def chroma_client(settings: Settings) -> Any:
    """Return an embedded PersistentClient under index/, or an HttpClient when a URL is set."""
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # noqa: BLE001 - connection errors come in many types
            raise AssistantError(
                f"Cannot reach the Chroma server at {settings.chroma_url}: "
                "start it (chroma run) or unset ASSISTANT_CHROMA_URL"
            ) from exc
    path = settings.index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def sentence_collection_name(name: str) -> str:
    """Return the name of the sentence-vector collection beside a chunk collection."""
    return f"{name}-sentences"


def get_collection(client: Any, name: str) -> Any:
    """Return (creating if needed) a cosine collection that takes precomputed embeddings."""
    return client.get_or_create_collection(
        name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
    )


def load_manifest(index_dir: Path, name: str = MANIFEST) -> dict[str, Any]:
    """Return the manifest (or a rebuild's, by name), or an empty one."""
    path = index_dir / name
    if not path.is_file():
        return {"documents": {}}
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AssistantError(f"{path} is damaged: run: assistant ingest --rebuild") from exc


def manifest_collection_name(name: str) -> str:
    """Return the name of the one-record collection that holds the manifest on a Chroma server."""
    return f"{name}-manifest"


def publish_manifest(client: Any, settings: Settings, manifest: dict[str, Any]) -> None:
    """Put the manifest beside the collections on a Chroma server, for app replicas elsewhere."""
    if not settings.chroma_url:
        return
    store = get_collection(client, manifest_collection_name(settings.collection))
    store.upsert(ids=["manifest"], documents=[json.dumps(manifest)], embeddings=[[1.0]])


def read_manifest(settings: Settings) -> dict[str, Any]:
    """The manifest: index/manifest.json, or on a Chroma server the one the last ingest published.

    The server's copy is also kept locally, so a replica with an empty index/ can open an index
    that another machine built.
    """
    local = load_manifest(settings.index_dir)
    if not settings.chroma_url:
        return local
    try:
        store = chroma_client(settings).get_collection(
            manifest_collection_name(settings.collection)
        )
        got = store.get(ids=["manifest"], include=["documents"])
    except Exception:  # noqa: BLE001 - not published yet (or unreachable): the local copy serves
        return local
    if not got["documents"]:
        return local
    manifest: dict[str, Any] = json.loads(got["documents"][0])
    if manifest != local:
        write_json(settings.index_dir / MANIFEST, manifest)
    return manifest


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON atomically (temp file + rename), so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def index_signature(settings: Settings, model_id: str) -> dict[str, Any]:
    """Return what forces a full rebuild when it changes."""
    import chromadb

    return {
        "embedding_model": model_id,
        "chunker_version": CHUNKER_VERSION,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "chroma_version": chromadb.__version__,
    }


def iter_records(
    collection: Any, include: list[str], where: dict[str, Any] | None = None
) -> Iterator[tuple[str, str, dict[str, Any], Any]]:
    """Yield (id, document, metadata, embedding) for every record, a page at a time."""
    offset = 0
    while True:
        batch = collection.get(include=include, limit=_PAGE, offset=offset, where=where)
        ids = batch["ids"]
        for i, chunk_id in enumerate(ids):
            yield (
                chunk_id,
                batch["documents"][i] if batch.get("documents") is not None else "",
                batch["metadatas"][i] if batch.get("metadatas") is not None else {},
                batch["embeddings"][i] if batch.get("embeddings") is not None else None,
            )
        if len(ids) < _PAGE:
            return
        offset += _PAGE


def live_ids(manifest: dict[str, Any]) -> set[str] | None:
    """The chunk ids the manifest lists (None for an index built without one: all are live)."""
    documents = manifest.get("documents")
    if not documents and not manifest.get("collection"):
        return None
    return {cid for entry in documents.values() for cid in entry["chunk_ids"]}


def open_collection(settings: Settings, model_id: str | None = None) -> tuple[Any, dict[str, Any]]:
    """Return the live chunk collection and the manifest.

    `model_id`: the model that will embed queries; an index built by another is refused.

    Raises:
        IndexNotBuiltError: nothing has been ingested yet.
        IndexVersionError: the index was built by another Chroma, chunker or model.
    """
    manifest = read_manifest(settings)
    name = manifest.get("collection")
    if not name:
        raise IndexNotBuiltError(f"No index at {settings.index_dir}/: run: assistant ingest")
    check_versions(manifest.get("signature", {}), settings, model_id)
    client = chroma_client(settings)
    try:
        return client.get_collection(name), manifest
    except Exception as exc:  # noqa: BLE001 - NotFoundError differs between local and server
        raise IndexNotBuiltError(
            f"Index collection {name} is missing: run: assistant ingest --rebuild"
        ) from exc


def check_versions(built: dict[str, Any], settings: Settings, model_id: str | None) -> None:
    """Refuse an index written by another Chroma, chunker or model (when given), naming the fix.

    Raises:
        IndexVersionError: the index was built by versions this install cannot read safely.
    """
    now = index_signature(settings, model_id or "")
    what = {"chroma_version": "Chroma", "chunker_version": "chunker"}
    if model_id:
        what["embedding_model"] = "model"
    differ = [
        f"{label} {built.get(key)} (this install: {now[key]})"
        for key, label in what.items()
        if built.get(key) != now[key]
    ]
    if differ:
        raise IndexVersionError(
            f"The index in {settings.index_dir}/ was built with {', '.join(differ)}: "
            "run: assistant ingest --rebuild (or assistant restore a backup)"
        )


def open_sentences(settings: Settings, manifest: dict[str, Any]) -> Any:
    """Return the sentence-vector collection of the live index, or None for an older index."""
    try:
        return chroma_client(settings).get_collection(
            sentence_collection_name(manifest["collection"])
        )
    except Exception:  # noqa: BLE001 - NotFoundError differs between local and server
        return None
