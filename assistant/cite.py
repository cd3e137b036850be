"""Cite: sentences and terms for matching answers to passages (pure)."""

from __future__ import annotations

import re

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences; table rows and list items stay whole lines."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if " | " in line or line.startswith("- "):
            out.append(line)
            continue
        out.extend(s.strip() for s in _SENT_END.split(line) if s.strip())
    return _join_wrapped(out)


def _join_wrapped(parts: list[str]) -> list[str]:
    """Re-join prose lines wrapped mid-sentence (hard-wrapped Markdown, PDF lines)."""
    joined: list[str] = []
    for part in parts:
        prose = " | " not in part and not part.startswith("- ")
        if (
            joined
            and prose
            and not re.search(r"[.!?:;\"”)]$", joined[-1])
            and " | " not in joined[-1]
        ):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined
