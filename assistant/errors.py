"""Errors: one root, each message says how to fix the problem."""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every user-facing error; the CLI prints it as one line."""


class ConfigError(AssistantError):
    """A setting is missing or wrong."""


class CorpusEmptyError(AssistantError):
    """The corpus folder has no documents to index."""


class IndexNotBuiltError(AssistantError):
    """No usable index exists yet."""


class IndexVersionError(AssistantError):
    """The index was written by another Chroma, chunker or model version."""


class IndexLockedError(AssistantError):
    """Another process is writing the index."""


class ModelUnavailableError(AssistantError):
    """The embedding model cannot be loaded."""


class DocumentError(AssistantError):
    """One corpus file cannot be read; the message is the reason shown in the ingest report."""


class UsageError(AssistantError):
    """A command was given a malformed value (the CLI exits 2, as for bad usage)."""


class QuestionError(UsageError):
    """The question is empty or malformed."""


class AuditError(AssistantError):
    """The audit store cannot be written or read, or its hash chain is broken."""
