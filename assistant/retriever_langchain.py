"""LangChain edge: the hybrid retriever as a langchain_core BaseRetriever."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, PrivateAttr

from assistant.config import Settings
from assistant.retrieve import Filters, HybridRetriever


class SaferCumbriaRetriever(BaseRetriever):
    """Hybrid (BM25 + MiniLM) retrieval over an assistant index, for LangChain chains.

    Example:
        retriever = SaferCumbriaRetriever(index_dir="index", k=4)
        docs = retriever.invoke("Who chairs the Safer Cumbria Partnership?")
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index_dir: str = "index"
    corpus_dir: str = "corpus"
    chroma_url: str | None = None
    k: int = Field(4, gt=0)
    strands: list[str] = Field(default_factory=list)
    include_superseded: bool = False
    _hybrid: HybridRetriever | None = PrivateAttr(default=None)

    def _retriever(self) -> HybridRetriever:
        if self._hybrid is None:
            from assistant.pipeline import make_embedder

            settings = Settings(
                _env_file=None,
                index_dir=self.index_dir,  # type: ignore[call-arg]
                corpus_dir=self.corpus_dir,
                chroma_url=self.chroma_url,
            )
            self._hybrid = HybridRetriever(settings, make_embedder(settings))
        return self._hybrid

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[LCDocument]:
        filters = Filters(strands=tuple(self.strands), include_superseded=self.include_superseded)
        hits = self._retriever().retrieve(query, k=int(kwargs.get("k", self.k)), filters=filters)
        return [
            LCDocument(
                page_content=h.chunk.text,
                id=h.chunk.id,
                metadata={
                    "doc_id": h.chunk.doc_id,
                    "title": h.chunk.title,
                    "section": h.chunk.section,
                    "page": h.chunk.page,
                    "published": h.chunk.published,
                    "status": h.chunk.status,
                    "chunk_id": h.chunk.id,
                    "score": h.score,
                },
            )
            for h in hits
        ]
