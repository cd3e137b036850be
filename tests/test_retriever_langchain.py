"""LangChain's standard retriever suite against the real hybrid index."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.retriever_langchain import SaferCumbriaRetriever
from tests.corpus_fixture import write_good

pytestmark = pytest.mark.slow


@functools.cache
def _index() -> tuple[str, str]:
    from assistant.config import Settings
    from assistant.index import build_index
    from assistant.pipeline import make_embedder

    root = Path(tempfile.mkdtemp(prefix="lc-retriever-"))
    write_good(root / "corpus")
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index")
    build_index(settings, make_embedder(settings))
    return str(root / "index"), str(root / "corpus")


class TestSaferCumbriaRetriever(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[SaferCumbriaRetriever]:
        return SaferCumbriaRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        index_dir, corpus_dir = _index()
        return {"index_dir": index_dir, "corpus_dir": corpus_dir}

    @property
    def retriever_query_example(self) -> str:
        return "Who chairs the Partnership and how often does it meet?"


def test_documents_carry_citation_metadata() -> None:
    index_dir, corpus_dir = _index()
    docs = SaferCumbriaRetriever(index_dir=index_dir, corpus_dir=corpus_dir, k=2).invoke(
        "Prevent referrals"
    )
    assert docs[0].metadata["doc_id"] == "prevent"
    assert {"title", "section", "page", "published", "status", "chunk_id"} <= set(docs[0].metadata)
