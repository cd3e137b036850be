"""Guard: an Assistant seen through one user's roles and read access (what the app's pages use).

The pages never hold the process-wide Assistant: they get a `UserAssistant`, which sets the
user's access on every retrieval (chat, wording check, the documents list, a source's file or
PDF page) and refuses what the user's roles do not allow. So a page cannot forget the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.access import User
from assistant.corpus_admin import EntryForm, Saved, save_upload, update_entry
from assistant.eval_diff import accept_baseline, run_corpus_eval
from assistant.evaluate import Progress
from assistant.pipeline import Assistant, Conversation, index_status
from assistant.retrieve import Filters
from assistant.suggest import Suggestion, suggest_questions
from assistant.types import Answer, IngestReport
from assistant.wording import SentenceVerdict


class UserAssistant:
    """The assistant as one signed-in (or local) user may use it."""

    def __init__(self, assistant: Assistant, user: User) -> None:
        """Bind the shared assistant to a user; nothing is loaded here."""
        self._assistant = assistant
        self.user = user

    @property
    def settings(self) -> Any:
        """The assistant's settings (paths of the corpus, index and feedback store)."""
        return self._assistant.settings

    @property
    def corpus_version(self) -> str | None:
        """The version of the index answers come from."""
        return self._assistant.retriever.manifest.get("corpus_version")  # type: ignore[no-any-return]

    def ask(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        conversation: Conversation | None = None,
    ) -> Answer:
        """Answer from the passages this user may read (their access replaces any given).

        The answer is recorded in the audit trail under the user's e-mail (or name).

        Raises:
            AccessDeniedError: the user may not chat.
        """
        self.user.require("chat")
        filters = replace(filters or Filters(), access=self.user.access)
        return self._assistant.ask(
            question,
            k=k,
            filters=filters,
            conversation=conversation,
            user=self.user.email or self.user.name,  # who asked, in the audit record
        )

    def check_wording(
        self, text: str, progress: Callable[[int], None] | None = None
    ) -> list[SentenceVerdict]:
        """Judge a draft against the passages this user may read.

        Raises:
            AccessDeniedError: the user may not use the wording check.
        """
        self.user.require("wording")
        return self._assistant.check_wording(text, progress, access=self.user.access)

    def documents(self) -> dict[str, dict[str, Any]]:
        """doc_id -> manifest entry of the documents this user may read (for the filters)."""
        return self._assistant.documents(self.user.access)

    def sections(self, per_document: int = 200) -> dict[str, list[str]]:
        """doc_id -> the section of each of its first chunks, of the documents this user reads."""
        ids = {d: e.get("chunk_ids", [])[:per_document] for d, e in self.documents().items()}
        found = self._assistant.retriever.sections([i for v in ids.values() for i in v])
        return {d: [found[i] for i in v if i in found] for d, v in ids.items()}

    def suggested_questions(self, n: int = 4) -> list[Suggestion]:
        """Up to n questions drawn from the headings of different documents this user may read."""
        names = self._assistant.retriever.lexical.names
        return suggest_questions(self.documents(), self.sections(), n, names)

    def source_path(self, source: str) -> Path | None:
        """The corpus file of a document this user may read, or None (not readable, or gone)."""
        readable = {e.get("source") for e in self.documents().values()}
        if not source or source not in readable:
            return None
        path = self.settings.corpus_dir / source
        return path if path.is_file() else None

    def status(self) -> dict[str, Any]:
        """The index status, listing only the documents this user may read.

        Raises:
            AccessDeniedError: the user may not see the documents page.
        """
        self.user.require("documents")
        status = index_status(self.settings)
        readable = self.documents().keys()
        shown = {k: v for k, v in status["per_document"].items() if k in readable}
        chunks = sum(v["chunks"] for v in shown.values())
        return {**status, "per_document": shown, "documents": len(shown), "chunks": chunks}

    def reindex(self, on_file: Callable[[int, int, str], None] | None = None) -> IngestReport:
        """Re-ingest the corpus.

        Raises:
            AccessDeniedError: the user may not re-index.
        """
        self.user.require("reindex")
        return self._assistant.reindex(on_file=on_file)

    def save_upload(self, name: str, data: bytes, replace: bool = False) -> Saved:
        """Check an uploaded file and write it into the corpus (see corpus_admin.save_upload).

        Raises:
            AccessDeniedError: the user may not update the corpus.
            CorpusUpdateError: the file was refused (one-line reason).
        """
        self.user.require("corpus_update")
        return save_upload(self.settings, name, data, replace)

    def save_entry(self, form: EntryForm) -> str:
        """Write one file's catalog entry (see corpus_admin.update_entry).

        Raises:
            AccessDeniedError: the user may not update the corpus.
            CorpusUpdateError: the entry was refused (one-line reason).
        """
        self.user.require("corpus_update")
        return update_entry(self.settings.corpus_dir, form)

    def run_eval(self, progress: Progress | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """Run the eval over the whole index, as the CLI does; return (report, baseline).

        Raises:
            AccessDeniedError: the user may not run evals.
        """
        self.user.require("evaluation")
        return run_corpus_eval(self._assistant, self.settings, progress)

    def accept_baseline(self, report: dict[str, Any]) -> Path:
        """Make an eval report the new baseline; return its path.

        Raises:
            AccessDeniedError: the user may not run evals.
        """
        self.user.require("evaluation")
        return accept_baseline(self.settings, report)
