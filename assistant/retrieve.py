"""Retrieve: question -> hits, by fusing dense (Chroma) and lexical (bm25s) rankings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from assistant.access import EVERYONE, UNLIMITED, Access
from assistant.chunk import MAX_SENTENCES
from assistant.config import Settings
from assistant.embed import Embedder
from assistant.index import build_lexical
from assistant.lexical import LexicalIndex, Synonyms
from assistant.store import live_ids, open_collection, open_sentences
from assistant.types import Chunk, Hit, date_int
from assistant.validate import check_question

_YEAR = re.compile(r"\b(20\d\d)\b")
# From this many sentence units on, a chunk's units are fetched by id (see sentence_vectors).
BY_ID_UNITS = 10_000


@dataclass(frozen=True)
class Filters:
    """Which chunks may be returned. Superseded documents are excluded unless asked for.

    `access` is what the asking user may read (classification and reader groups): it is applied
    with the other filters, before ranking. The app never leaves it at the default: its pages
    only reach the assistant through `guard.UserAssistant`, which sets it from the signed-in
    user. The default (everything) is the CLI's local single user.
    """

    strands: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    include_superseded: bool = False
    access: Access = UNLIMITED


@dataclass(frozen=True)
class Fusion:
    """How the two rankings are combined (chosen by measurement on SciFact train)."""

    # Min-max normalised score fusion, dense 0.5 / BM25 0.5: best on SciFact train among RRF
    # (k 10-60, weighted) and score fusion (dense 0.3-0.7); see benchmarks/tune_fusion.py.
    method: str = "score"  # rrf | score
    dense_weight: float = 0.5
    lexical_weight: float = 0.5
    rrf_k: int = 60
    depth: int = 100  # candidates taken from each ranking
    sentence_depth: int = 1000  # sentence vectors searched (their best per chunk is used)
    chunk_depth: int = 300  # chunk vectors searched before combining with sentence scores


@dataclass
class Ranked:
    """Scores of one candidate from both retrievers."""

    dense: float | None = None
    dense_rank: int | None = None
    lexical: float | None = None
    lexical_rank: int | None = None
    fused: float = 0.0


def _minmax(values: dict[str, float]) -> dict[str, float]:
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    return {k: (v - lo) / (hi - lo) if hi > lo else 1.0 for k, v in values.items()}


def fuse(
    dense: list[tuple[str, float]], lexical: list[tuple[str, float]], fusion: Fusion
) -> list[tuple[str, Ranked]]:
    """Combine two ranked lists of (id, score) into one, best first (pure)."""
    table: dict[str, Ranked] = {}
    for rank, (key, score) in enumerate(dense, start=1):
        table.setdefault(key, Ranked()).__dict__.update(dense=score, dense_rank=rank)
    for rank, (key, score) in enumerate(lexical, start=1):
        table.setdefault(key, Ranked()).__dict__.update(lexical=score, lexical_rank=rank)
    if fusion.method == "rrf":
        for r in table.values():
            r.fused = sum(
                w / (fusion.rrf_k + rank)
                for w, rank in (
                    (fusion.dense_weight, r.dense_rank),
                    (fusion.lexical_weight, r.lexical_rank),
                )
                if rank is not None
            )
    else:
        dn, ln = _minmax(dict(dense)), _minmax(dict(lexical))
        for key, r in table.items():
            r.fused = fusion.dense_weight * dn.get(key, 0.0) + fusion.lexical_weight * ln.get(
                key, 0.0
            )
    return sorted(table.items(), key=lambda kv: -kv[1].fused)


def chroma_where(filters: Filters) -> dict[str, Any] | None:
    """Translate filters into a Chroma where clause."""
    clauses: list[dict[str, Any]] = []
    if filters.strands:
        clauses.append({"strand": {"$in": list(filters.strands)}})
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": list(filters.doc_ids)}})
    if not filters.include_superseded:
        clauses.append({"status": {"$ne": "superseded"}})
    if filters.date_from:
        clauses.append({"published_int": {"$gte": date_int(filters.date_from)}})
    if filters.date_to:
        clauses.append({"published_int": {"$lte": date_int(filters.date_to)}})
    clauses += access_where(filters.access)
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def access_where(access: Access) -> list[dict[str, Any]]:
    """Chroma where clauses for what a user may read (none for unlimited access)."""
    clauses: list[dict[str, Any]] = []
    if access.classifications is not None:
        # "$in" of nothing is refused by Chroma; a value no document has reads nothing.
        allowed = sorted(access.classifications) or ["(none)"]
        clauses.append({"classification": {"$in": allowed}})
    if access.groups is not None:
        either = [{"readers": {"$contains": g}} for g in [EVERYONE, *sorted(access.groups)]]
        clauses.append(either[0] if len(either) == 1 else {"$or": either})
    return clauses


def lexical_mask(index: LexicalIndex, filters: Filters) -> Any:
    """Return a 0/1 weight per BM25 document for these filters (None = no filtering)."""
    import numpy as np

    if chroma_where(filters) is None:
        return None
    n = len(index.ids)
    mask = np.ones(n, dtype=bool)
    cols = {k: np.asarray(v) for k, v in index.fields.items()}
    if filters.strands:
        mask &= np.isin(cols["strand"], filters.strands)
    if filters.doc_ids:
        mask &= np.isin(cols["doc_id"], filters.doc_ids)
    if not filters.include_superseded:
        mask &= cols["status"] != "superseded"
    if filters.date_from:
        mask &= cols["published_int"].astype(int) >= date_int(filters.date_from)
    if filters.date_to:
        mask &= cols["published_int"].astype(int) <= date_int(filters.date_to)
    if not filters.access.unlimited:
        mask &= _access_mask(index, filters.access, n)
    return mask.astype(np.float32)


def _access_mask(index: LexicalIndex, access: Access, n: int) -> Any:
    """Which BM25 rows this access may read; an index without the columns reads nothing."""
    import numpy as np

    classes, readers = index.fields.get("classification"), index.fields.get("readers")
    if classes is None or readers is None or len(classes) != n:
        return np.zeros(n, dtype=bool)  # built before classifications: fail closed
    return np.fromiter(
        (access.allows(str(c), r or ()) for c, r in zip(classes, readers, strict=True)),
        dtype=bool,
        count=n,
    )


def _keyed(units: list[tuple[str, str, int, list[float]]]) -> dict[tuple[str, int], list[float]]:
    """Sentence unit vectors by (chunk id, unit index)."""
    return {(c, k): v for _, c, k, v in units}


def _units(got: Any) -> list[tuple[str, str, int, list[float]]]:
    """(id, chunk id, unit index, vector) of the sentence units a Chroma get returned."""
    if got.get("embeddings") is None:
        return []
    return [
        (i, m["chunk_id"], int(m.get("k", -1)), list(v))
        for i, m, v in zip(got["ids"], got["metadatas"], got["embeddings"], strict=True)
    ]


class HybridRetriever:
    """Dense + BM25 retrieval over one index, with filters and supersession handling."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        fusion: Fusion | None = None,
        parts: tuple[Any, LexicalIndex, dict[str, Any], Any] | None = None,
    ) -> None:
        """Open the collections and the BM25 index (rebuilt here if missing or stale)."""
        self.settings, self.embedder = settings, embedder
        self.fusion = fusion or Fusion()
        if parts is None:
            self.collection, self.manifest = open_collection(settings, embedder.model_id)
            self.lexical = self._open_lexical()
            self.sentences = open_sentences(settings, self.manifest)
        else:
            self.collection, self.lexical, self.manifest, self.sentences = parts
        self._masks: dict[Filters, Any] = {}
        self.synonyms = Synonyms()  # acronyms from the glossary, set by the Assistant
        self._rows = {chunk_id: i for i, chunk_id in enumerate(self.lexical.ids)}
        # count() costs 6-35 ms at 100,000 chunks; the index only changes on ingest, after
        # which the Assistant opens a new retriever.
        self._counts = (
            self.collection.count(),
            self.sentences.count() if self.sentences is not None else 0,
        )
        self.superseded_years = self._superseded_years()

    @classmethod
    def from_chunks(
        cls,
        settings: Settings,
        embedder: Embedder,
        chunks: list[Chunk],
        vectors: list[list[float]],
        fusion: Fusion | None = None,
        sentences: list[tuple[str, list[float]]] | None = None,
    ) -> HybridRetriever:
        """Index ready-made chunks and vectors in settings.index_dir (BEIR datasets, benchmarks).

        `sentences` are (chunk id, vector) pairs for sentence-level matching.
        """
        from assistant.chunk import embedding_text
        from assistant.index import FILTER_FIELDS
        from assistant.store import chroma_client, get_collection

        client = chroma_client(settings)
        collection = get_collection(client, settings.collection)
        for start in range(0, len(chunks), 2000):
            part = chunks[start : start + 2000]
            collection.add(
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
                embeddings=vectors[start : start + 2000],
            )
        fields = {k: [c.metadata()[k] for c in chunks] for k in FILTER_FIELDS}
        lexical = LexicalIndex.build(
            [c.id for c in chunks], [embedding_text(c) for c in chunks], "adhoc", fields
        )
        sentence_store = None
        if sentences:
            fields_of = {c.id: {k: c.metadata()[k] for k in FILTER_FIELDS} for c in chunks}
            sentence_store = get_collection(client, f"{settings.collection}-sentences")
            unit_of, seen = [], Counter()  # a chunk's k-th pair is its unit k, as ingest stores
            for cid, _ in sentences:
                unit_of.append(seen[cid])
                seen[cid] += 1
            for start in range(0, len(sentences), 2000):
                part = list(enumerate(sentences[start : start + 2000], start=start))
                sentence_store.add(
                    ids=[f"{cid}:{unit_of[i]}" for i, (cid, _) in part],  # as ingest names them
                    metadatas=[
                        {"chunk_id": cid, "k": unit_of[i], **fields_of[cid]} for i, (cid, _) in part
                    ],
                    embeddings=[v for _, (_, v) in part],
                )
        return cls(settings, embedder, fusion, (collection, lexical, {}, sentence_store))

    def _open_lexical(self) -> LexicalIndex:
        """BM25 of the manifest's chunks: its ids are the live set every search keeps to.

        Rebuilt from the collection when missing or of another corpus version: on a server
        another process ingested, or an ingest was killed before it rebuilt BM25.
        """
        version = self.manifest.get("corpus_version", "")
        folder = self.settings.index_dir / "bm25"
        index = LexicalIndex.load(folder, version)
        if index is None:
            index = build_lexical(self.collection, version, live_ids(self.manifest))
            index.save(folder)
        return index

    def _superseded_years(self) -> dict[str, set[str]]:
        years: dict[str, set[str]] = {}
        for doc_id, entry in self.manifest.get("documents", {}).items():
            if entry.get("status") == "superseded":
                years[doc_id] = set(_YEAR.findall(entry.get("title", "")))
        return years

    def effective_filters(self, question: str, filters: Filters) -> Filters:
        """Include superseded documents when the question names one of their years."""
        if filters.include_superseded:
            return filters
        asked = set(_YEAR.findall(question))
        if any(asked & years for years in self.superseded_years.values()):
            return replace(filters, include_superseded=True)  # keeps the access filter
        return filters

    def retrieve(
        self, question: str, k: int | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        """Return the top k hits for a question, best first, de-duplicated."""
        question = check_question(question)
        filters = self.effective_filters(question, filters or Filters())
        dense, lexical = self._rank(question, self.fusion.depth, filters)
        return self._to_hits(fuse(dense, lexical, self.fusion), k or self.settings.top_k)

    def sections(self, chunk_ids: list[str]) -> dict[str, str]:
        """The section (heading trail) of each given chunk, by id (from Chroma's metadata).

        The caller lists only chunks its user may read (the manifest's, by document).
        """
        got = self.collection.get(ids=chunk_ids, include=["metadatas"]) if chunk_ids else None
        if not got:
            return {}
        return {
            i: str(m.get("section") or "")
            for i, m in zip(got["ids"], got["metadatas"], strict=True)
        }

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every live chunk of one document, in reading order (for its section outline).

        The caller passes only the doc_id of a hit, which the filters already let its user read.
        """
        got = self.collection.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        chunks = [
            Chunk.from_record(i, d, m)
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if i in self._rows
        ]
        return sorted(chunks, key=lambda c: c.ordinal)

    def rankings(self, question: str, depth: int = 100) -> dict[str, list[str]]:
        """Return the bm25, dense and hybrid rankings (ids) for one question (for evaluation)."""
        dense, lexical = self._rank(question, depth, Filters(include_superseded=True))
        fused = fuse(dense, lexical, self.fusion)
        return {
            "bm25": [i for i, _ in lexical],
            "dense": [i for i, _ in dense],
            "hybrid": [i for i, _ in fused][:depth],
        }

    def _rank(
        self, question: str, depth: int, filters: Filters
    ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """Return the dense and the BM25 ranking of (chunk id, score)."""
        dense = self._dense(question, depth, filters)
        return dense, self.lexical.search(question, depth, self._mask(filters), self.synonyms)

    def _mask(self, filters: Filters) -> Any:
        if filters not in self._masks:
            if len(self._masks) > 256:  # one entry per filter and group set seen; keep it small
                self._masks.clear()
            self._masks[filters] = lexical_mask(self.lexical, filters)
        return self._masks[filters]

    def _dense(self, question: str, depth: int, filters: Filters) -> list[tuple[str, float]]:
        """Rank chunks by the mean of their own cosine and their best sentence's cosine.

        Both searches ask Chroma for ids and distances only: fetching metadata for hundreds of
        results cost 20-40 ms at 100,000 chunks, the search itself 3-12 ms. Filters are applied
        with the in-memory metadata columns kept beside BM25 (one lookup per id).
        """
        total = self._counts[0]
        if total == 0:
            return []
        vector = self.embedder.embed_query(question)
        allowed = self._allowed(filters)
        n = min(max(depth, self.fusion.chunk_depth), total)
        chunk_scores = {i: s for i, s in self._query(self.collection, vector, n) if allowed(i)}
        if len(chunk_scores) < min(depth, total) and chroma_where(filters) is not None:
            # A selective filter left too few: let Chroma filter (slower, but complete).
            found = self._query(self.collection, vector, n, chroma_where(filters))
            chunk_scores = {i: s for i, s in found if i in self._rows}
        best: dict[str, float] = {}
        if self.sentences is not None and self._counts[1]:
            m = min(self.fusion.sentence_depth, self._counts[1])
            for sid, score in self._query(self.sentences, vector, m):
                cid = sid.rsplit(":", 1)[0]
                if allowed(cid) and score > best.get(cid, -1.0):
                    best[cid] = score
        if not best or not chunk_scores:
            return sorted(chunk_scores.items(), key=lambda kv: -kv[1])[:depth]
        # Chunks found by only one search get that search's lowest score for the other (a bound).
        low_c, low_s = min(chunk_scores.values()), min(best.values())
        combined = {
            cid: (chunk_scores.get(cid, low_c) + best.get(cid, low_s)) / 2
            for cid in chunk_scores.keys() | best.keys()
        }
        return sorted(combined.items(), key=lambda kv: -kv[1])[:depth]

    def _allowed(self, filters: Filters) -> Any:
        mask, rows = self._mask(filters), self._rows
        if mask is None:  # only live chunks: not what a killed ingest left unlisted
            return lambda chunk_id: chunk_id in rows
        return lambda chunk_id: chunk_id in rows and bool(mask[rows[chunk_id]])

    @staticmethod
    def _query(
        collection: Any, vector: list[float], n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        result = collection.query(
            query_embeddings=[vector], n_results=n, where=where, include=["distances"]
        )
        return [
            (i, 1.0 - float(d))
            for i, d in zip(result["ids"][0], result["distances"][0], strict=True)
        ]

    def sentence_vectors(self, chunk_ids: list[str]) -> dict[tuple[str, int], list[float]]:
        """Stored vectors of the sentence units of some chunks, keyed by (chunk id, unit index).

        Ingest names unit k of a chunk "<chunk id>:<k>" (k < MAX_SENTENCES), so in a large
        index the units are fetched by id, an index lookup, where a metadata filter scans every
        unit (20 chunks, medians: 21 against 36 ms at 41,873 units, 14 against 160 ms at 415,135;
        13 against 11 ms at 4,191: below BY_ID_UNITS the filter is kept). A chunk whose units
        are named otherwise (an index built by an older `from_chunks`) is fetched by the filter.
        """
        if self.sentences is None or not chunk_ids:
            return {}
        chunk_ids = list(dict.fromkeys(chunk_ids))
        include = ["embeddings", "metadatas"]
        if self._counts[1] < BY_ID_UNITS:
            where = {"chunk_id": {"$in": chunk_ids}}
            return _keyed(_units(self.sentences.get(where=where, include=include)))
        ids = [f"{c}:{k}" for c in chunk_ids for k in range(MAX_SENTENCES)]
        found = _units(self.sentences.get(ids=ids, include=include))
        named = {c for i, c, k, _ in found if i == f"{c}:{k}"}
        odd = {i.rsplit(":", 1)[0] for i, c, k, _ in found if i != f"{c}:{k}"}
        odd |= {c for _, c, k, _ in found if k >= MAX_SENTENCES - 1}  # there may be more
        rest = [c for c in chunk_ids if c not in named or c in odd]
        if rest:
            found = [u for u in found if u[1] not in rest]
            found += _units(self.sentences.get(where={"chunk_id": {"$in": rest}}, include=include))
        return _keyed(found)

    def _to_hits(self, fused: list[tuple[str, Ranked]], k: int) -> list[Hit]:
        """Fetch the texts of the best candidates only (a few, not the whole ranking)."""
        wanted = [key for key, _ in fused[: k * 3]]
        got = (
            self.collection.get(ids=wanted, include=["documents", "metadatas"])
            if wanted
            else ({"ids": [], "documents": [], "metadatas": []})
        )
        records = {
            i: Chunk.from_record(i, d, m)
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }
        hits, seen = [], set()
        for key, ranked in fused:
            chunk = records.get(key)
            if chunk is None or chunk.content_hash in seen:
                continue
            seen.add(chunk.content_hash)
            hits.append(Hit(chunk, ranked.fused, ranked.dense, ranked.lexical))
            if len(hits) == k:
                break
        return hits
