"""Pipeline: wires ingest, index, retrieve and answer into one Assistant."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

from assistant import language as lang
from assistant.access import UNLIMITED, Access
from assistant.answer import AbstentionModel, answer_parts
from assistant.audit import LOCAL_USER, AuditLog, entry_for
from assistant.backup import check_index
from assistant.claims import GlossaryRules, background_words
from assistant.config import Settings
from assistant.embed import Embedder, OnnxEmbedder, SentenceTransformerEmbedder
from assistant.embed_memo import MemoEmbedder
from assistant.errors import AssistantError, IndexNotBuiltError, QuestionError
from assistant.evidence import AnswerPolicy, EvidenceScorer
from assistant.index import REPORT, build_index
from assistant.ingest import load_catalog
from assistant.lexical import Synonyms, tokenize
from assistant.near_words import NearWord
from assistant.outline import outline_answer
from assistant.query import Query, answer_kind, count_target, parse_query
from assistant.retrieve import Filters, HybridRetriever, check_question
from assistant.short_forms import spell_question, spelled
from assistant.spelling import Speller
from assistant.store import live_ids, open_collection, open_sentences, read_manifest
from assistant.token_memo import TokenMemo
from assistant.types import Answer, Hit, IngestReport
from assistant.wording import Aligned, SentenceVerdict, check, split_draft


def load_glossary(corpus_dir: Path) -> dict[str, Any]:
    """Read corpus/glossary.yaml (an empty glossary when there is none).

    Raises:
        AssistantError: the file is not valid YAML.
    """
    import yaml

    path = corpus_dir / "glossary.yaml"
    if not path.is_file():
        return {}
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise AssistantError(
            f"{path} is not valid YAML: fix it ({exc.__class__.__name__})"
        ) from exc


def make_embedder(settings: Settings) -> Embedder:
    """Return the configured real embedder (loaded on first use)."""
    if settings.embedding_backend == "torch":
        return SentenceTransformerEmbedder(settings.embedding_model, settings.embed_batch_size)
    return OnnxEmbedder(
        settings.embedding_model, settings.embed_batch_size, settings.model_cache_dir
    )


def interleave(parts: list[tuple[Query, list[Hit]]]) -> list[Hit]:
    """The passages of all parts of a question, best of each part first, each passage once."""
    rows = zip_longest(*(hits for _, hits in parts))
    return list({h.chunk.id: h for row in rows for h in row if h is not None}.values())


@dataclass
class Conversation:
    """The turns so far, used to resolve follow-up questions."""

    turns: list[tuple[Query, Answer]] = field(default_factory=list)


class Assistant:
    """Answers questions over one index."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        policy: AnswerPolicy | None = None,
        chat_model: Any = None,
        abstention: AbstentionModel | None = None,
        audit: AuditLog | bool = True,
    ) -> None:
        """Keep settings; open the index on first question.

        Args:
            settings: the configuration.
            embedder: the embedding model (default: the configured real one).
            policy: evidence scoring thresholds.
            chat_model: a LangChain chat model for LLM mode.
            abstention: the fitted abstention model.
            audit: the audit store every answer is recorded in; True (the default) opens
                `settings.audit_path`, False records nothing.
        """
        self.settings = settings
        if audit is True:
            key = settings.audit_key.get_secret_value() if settings.audit_key else None
            audit = AuditLog(settings.audit_path, key)
        self.audit = audit if isinstance(audit, AuditLog) else None
        self.embedder = embedder or make_embedder(settings)
        # rows cut to the cells asked about, questions without a word: embedded once per process
        self.answer_embedder = MemoEmbedder(self.embedder)
        self.answer_tokenize = TokenMemo(tokenize)  # the scorer's texts: tokenized once each
        self.policy = policy or AnswerPolicy()
        self.abstention = abstention or AbstentionModel.load()
        self._retriever: HybridRetriever | None = None
        self._glossaries: dict[frozenset[str], GlossaryRules] = {}  # by readable doc_ids
        self._places: frozenset[str] | None = None
        self._scorer: EvidenceScorer | None = None
        self._scorer_for: HybridRetriever | None = None
        self._speller: Speller | None = None
        self._speller_for: HybridRetriever | None = None
        self._checked = time.monotonic()  # when the published index was last compared
        self.chat_model = chat_model

    @property
    def scorer(self) -> EvidenceScorer:
        """Return the sentence scorer over the open index (built once per retriever)."""
        retriever = self.retriever
        if self._scorer is None or self._scorer_for is not retriever:
            self._scorer = EvidenceScorer(
                self.answer_embedder,
                retriever.lexical.idf,
                self.answer_tokenize,
                self.policy,
                retriever.sentence_vectors,
                retriever.synonyms,
                retriever.lexical.common,
                self.titles(superseded=True),
                self.titles(),
            )
            self._scorer_for = retriever
        return self._scorer

    @property
    def retriever(self) -> HybridRetriever:
        """Return the hybrid retriever, opening the index once.

        On a Chroma server another process may ingest: every `index_check_seconds` the
        published manifest is read again, and a new corpus version reopens the index.
        """
        if self._retriever is not None and self.settings.chroma_url and self._index_moved():
            self._retriever = None
            self._glossaries = {}
        if self._retriever is None:
            self._retriever = HybridRetriever(self.settings, self.embedder)
            self._retriever.synonyms = Synonyms.from_glossary(
                load_glossary(self.settings.corpus_dir)
            )
        return self._retriever

    def _index_moved(self) -> bool:
        """Whether another process published a different index since this one opened."""
        now = time.monotonic()
        if now - self._checked < self.settings.index_check_seconds:
            return False
        self._checked = now
        assert self._retriever is not None
        mine, published = self._retriever.manifest, read_manifest(self.settings)
        return any(mine.get(k) != published.get(k) for k in ("collection", "corpus_version"))

    def ask(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        conversation: Conversation | None = None,
        user: str = LOCAL_USER,
        record: bool = True,
    ) -> Answer:
        """Answer a question (a follow-up is resolved against the conversation first).

        Every answer is appended to the audit store (once, here, whichever entry point asked),
        unless `record` is False (the eval and the warm-up question) or the Assistant was
        built with `audit=False`. A refused question is not recorded: nothing was answered.

        Args:
            question: what the person typed.
            k: passages to retrieve.
            filters: strands, documents, dates, superseded documents.
            conversation: the earlier turns, for a follow-up (this answer is added to it).
            user: who asked, for the audit record ("local" when nobody is signed in).
            record: whether to append an audit record.

        Raises:
            QuestionError: the question is empty, too long or malformed (one-line reason).
            IndexNotBuiltError: there is no index.
            AuditError: the audit record cannot be written (the answer is not given).
        """
        question = check_question(question)
        started = time.perf_counter()
        history = [q for q, _ in conversation.turns] if conversation else []
        access = (filters or Filters()).access
        typed = self.speller.correct(question)  # "referalls" read as "referrals"
        query = self.parse(typed, history, access)
        parts = self.passages(query, k, filters)
        if (plain := self.spell(typed, parts)) != typed:  # "DA" read as "domestic abuse"
            query = self.parse(plain, history, access)
            parts = self.passages(query, k, filters)
        retrieved = time.perf_counter()
        answer = self._compose(query, parts)
        answer = replace(
            answer,
            question=question,
            condensed_query=query.search_text,
            timings={
                "retrieve_ms": round((retrieved - started) * 1000, 1),
                "answer_ms": round((time.perf_counter() - retrieved) * 1000, 1),
            },
        )
        if record and self.audit is not None:
            self.audit.append(entry_for(answer, user, self.retriever.manifest))
        if conversation is not None:  # a follow-up pointing back means what was answered
            said = answer.sentences[0].text if answer.grounded and answer.sentences else ""
            conversation.turns.append(
                (replace(query, answered=re.sub(r"\s*\[\d+\]", "", said)), answer)
            )
        return answer

    def parse(
        self, question: str, history: list[Query] | None = None, access: Access = UNLIMITED
    ) -> Query:
        """Type a question against the conversation and the corpus's names and titles."""
        titles = self.titles(access=access)
        names = self.retriever.lexical.names
        return parse_query(question, history, names, titles, self.places & names)

    @property
    def places(self) -> frozenset[str]:
        """The words of the places the glossary lists ("barrow", "furness"), read once."""
        if self._places is None:
            listed = load_glossary(self.settings.corpus_dir).get("places") or []
            self._places = frozenset(w for p in listed for w in lang.name_words(str(p)))
        return self._places

    @property
    def speller(self) -> Speller:
        """The corrector of misspelt words, over the open index's words (built once per index)."""
        retriever = self.retriever
        if self._speller is None or self._speller_for is not retriever:
            self._speller, self._speller_for = Speller(retriever.lexical.vocabulary), retriever
        return self._speller

    def spell(self, question: str, parts: list[tuple[Query, list[Hit]]]) -> str:
        """The question with the short forms it makes up spelled as its passages spell them."""
        top = [h for _, hits in parts for h in hits[: self.policy.candidate_hits]]
        texts = [f"{h.chunk.title}. {h.chunk.text}" for h in top]
        retriever = self.retriever
        lexical = retriever.lexical
        pairs = spelled(question, texts, retriever.synonyms.knows, lexical.common, lexical.phrases)
        return spell_question(question, pairs)

    def titles(self, superseded: bool = False, access: Access = UNLIMITED) -> dict[str, str]:
        """doc_id -> title of the documents this access may read (superseded only, if asked)."""
        return {
            doc_id: entry.get("title", "")
            for doc_id, entry in self.documents(access).items()
            if not superseded or entry.get("status") == "superseded"
        }

    def documents(self, access: Access = UNLIMITED) -> dict[str, dict[str, Any]]:
        """doc_id -> manifest entry of the indexed documents this access may read."""
        docs = self.retriever.manifest.get("documents", {})
        return {k: v for k, v in docs.items() if access.unlimited or access.allows_meta(v)}

    def passages(
        self, query: Query, k: int | None = None, filters: Filters | None = None
    ) -> list[tuple[Query, list[Hit]]]:
        """Each part of the query with its passages, from the documents it names if any.

        A part that names a document by its title is answered from that document (a
        superseded one only when it is the only one named), unless the caller chose documents.
        """
        depth = max(k or self.settings.top_k, self.policy.candidate_hits + self.policy.kind_hits)
        filters = filters or Filters()
        out = []
        for part in query.all_parts():
            own = filters
            if part.documents and not filters.doc_ids:
                old = set(part.documents) <= self.titles(superseded=True).keys()
                own = replace(
                    filters,
                    doc_ids=part.documents,
                    include_superseded=filters.include_superseded or old,
                )
            out.append((part, self.retriever.retrieve(part.search_text, k=depth, filters=own)))
        return out

    def align(
        self, sentence: str, depth: int = 10, access: Access = UNLIMITED
    ) -> tuple[list[Aligned], list[Aligned]]:
        """The passages retrieved for a draft sentence, best aligned first: current, then all.

        One retrieval over current and superseded documents this access may read, scored once
        by the evidence scorer; each passage is represented by its best sentence (a row read
        with its caption).
        """
        filters = Filters(include_superseded=True, access=access)
        hits = self.retriever.retrieve(sentence, k=depth, filters=filters)
        query = Query(sentence, kind=answer_kind(sentence), target=count_target(sentence))
        best: dict[int, Any] = {}
        for cand in self.scorer.score(query, hits).candidates:  # best first
            best.setdefault(cand.hit_index, cand)
        everything = []
        for i, cand in best.items():
            c = hits[i].chunk
            everything.append(
                Aligned(
                    f"{cand.context} {cand.text}".strip(),
                    c.text,
                    cand.score,
                    {"doc_id": c.doc_id, "title": c.title, "section": c.section, "page": c.page},
                    c.status,
                )
            )
        return [a for a in everything if a.status == "current"], everything

    def check_wording(
        self,
        text: str,
        progress: Callable[[int], None] | None = None,
        access: Access = UNLIMITED,
    ) -> list[SentenceVerdict]:
        """Judge a draft sentence by sentence against the documents this access may read.

        Raises:
            QuestionError: the draft has no sentences.
        """
        if not split_draft(text):
            raise QuestionError("The draft is empty: paste the text to check")

        def align(sentence: str) -> tuple[list[Aligned], list[Aligned]]:
            return self.align(sentence, access=access)

        return check(text, align, self.glossary_for(access), progress=progress)

    @property
    def glossary(self) -> GlossaryRules:
        """Return the comms rules from corpus/glossary.yaml (empty rules when absent)."""
        return self.glossary_for(UNLIMITED)

    def glossary_for(self, access: Access) -> GlossaryRules:
        """The comms rules, with the titles and names of the documents this access may read.

        Built once per set of readable documents: whether a body is named anywhere in the
        documents must not depend on a passage the user may not read.
        """
        key = frozenset(self.documents(access))  # also reopens the index if it moved
        if key not in self._glossaries:
            data = load_glossary(self.settings.corpus_dir)
            data["superseded_titles"] = list(self.titles(True, access).values())
            data["titles"] = list(self.titles(access=access).values())
            readable = {*data["titles"], *data["superseded_titles"]}
            catalog = load_catalog(self.settings.corpus_dir).values()
            data["publishers"] = {m.title: m.publisher for m in catalog if m.title in readable}
            data["lower_words"] = self.retriever.lexical.common
            texts = self._passages(access)
            data["corpus_text"] = "\n".join(texts).lower()
            data["background_words"] = background_words([t.split("\n", 2)[-1] for t in texts])
            data["near"] = NearWord(self.scorer.word_vectors)
            self._glossaries[key] = GlossaryRules(data)
        return self._glossaries[key]

    def _passages(self, access: Access = UNLIMITED) -> list[str]:
        """Every passage this access may read, with its title and section."""
        got = self.retriever.collection.get(include=["documents", "metadatas"])
        return [
            f"{m.get('title', '')}\n{m.get('section', '')}\n{d}"
            for d, m in zip(got["documents"], got["metadatas"], strict=True)
            if access.unlimited or access.allows_meta(m)
        ]

    def _compose(self, query: Query, parts: list[tuple[Query, list[Hit]]]) -> Answer:
        """Answer with the LLM when one is configured, falling back to extractive on failure.

        `parts` pairs each part of the question with its passages (one pair for most questions).
        The LLM sees the top passages of all parts, interleaved, each passage once.
        """
        if self.chat_model is None and not self.settings.llm:
            answer = answer_parts(query, parts, self.scorer, self.abstention)
            return outline_answer(answer, parts, self.retriever.document_chunks)
        from assistant.answer_llm import answer_llm, make_chat_model

        try:
            if self.chat_model is None:
                self.chat_model = make_chat_model(self.settings)
            shown = [(q, hits[: self.policy.candidate_hits]) for q, hits in parts]
            return answer_llm(
                query.text, interleave(shown), self.chat_model, self.embedder, query.context
            )
        except Exception as exc:  # noqa: BLE001 - any provider failure falls back, with a notice
            fallback = answer_parts(query, parts, self.scorer, self.abstention)
            reason = str(exc).splitlines()[0][:160] if str(exc) else exc.__class__.__name__
            return replace(
                fallback,
                notice=f"The language model failed ({reason}); this is the "
                "extractive answer." + (f" {fallback.notice}" if fallback.notice else ""),
            )

    def reindex(
        self, rebuild: bool = False, on_file: Callable[[int, int, str], None] | None = None
    ) -> IngestReport:
        """Re-ingest the corpus and reopen the index."""
        report = build_index(self.settings, self.embedder, rebuild=rebuild, on_file=on_file)
        self._retriever = None
        self._glossaries = {}  # the corpus's names and background words change with it
        return report


def index_status(settings: Settings) -> dict[str, Any]:
    """Describe the index: documents, chunks, model, last ingest, failures.

    Raises:
        IndexNotBuiltError: there is no index.
    """
    collection, manifest = open_collection(settings)
    check = check_index(collection, open_sentences(settings, manifest), manifest)
    report_path = settings.index_dir / REPORT
    import json

    report = json.loads(report_path.read_text()) if report_path.is_file() else {"files": []}
    failed = [f for f in report["files"] if f["action"] in ("failed", "missing", "blocked")]
    docs = manifest.get("documents", {})
    return {
        "documents": len(docs),
        "chunks": len(live_ids(manifest) or ()),
        "check": check,
        "embedding_model": manifest.get("signature", {}).get("embedding_model"),
        "chunker_version": manifest.get("signature", {}).get("chunker_version"),
        "last_ingest": manifest.get("last_ingest"),
        "corpus_version": manifest.get("corpus_version"),
        "chroma": settings.chroma_url or str(settings.index_dir / "chroma"),
        "per_document": {
            k: {
                "title": v["title"],
                "status": v["status"],
                "strand": v.get("strand", ""),
                "published": v.get("published", ""),
                "pages": v["pages"],
                "chunks": len(v["chunk_ids"]),
                "source": v["source"],
            }
            for k, v in sorted(docs.items())
        },
        "failed": failed,
    }


def load_assistant(
    settings: Settings, embedder: Embedder | None = None, audit: AuditLog | bool = True
) -> Assistant:
    """Return an Assistant, building the index first if there is none (said on stderr)."""
    assistant = Assistant(settings, embedder, audit=audit)
    manifest = read_manifest(settings)
    if not manifest.get("collection"):
        print(
            f"No index at {settings.index_dir}/: building it from {settings.corpus_dir}/ ...",
            file=sys.stderr,
        )
        assistant.reindex()
    elif any("classification" not in e for e in manifest.get("documents", {}).values()):
        # Indexed before classifications existed: readers would see nothing until the chunks
        # carry them. An ingest adds them without re-embedding.
        print("Index predates classifications: adding them (no re-embedding) ...", file=sys.stderr)
        assistant.reindex()
    try:
        assistant.retriever  # noqa: B018 - open now so errors surface here, not mid-chat
    except IndexNotBuiltError:
        assistant.reindex(rebuild=True)
    return assistant
