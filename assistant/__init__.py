"""Safer Cumbria strategy assistant: cited answers over the partnership's documents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.pipeline import Assistant

__all__ = ["Assistant", "AssistantError", "Settings", "load_assistant"]


def load_assistant(settings: Settings, **kwargs: Any) -> Assistant:
    """Return a ready Assistant (imports the heavy pipeline only when called)."""
    from assistant.pipeline import load_assistant as _load

    return _load(settings, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from assistant.pipeline import Assistant

        return Assistant
    raise AttributeError(name)
