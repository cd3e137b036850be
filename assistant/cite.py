"""Cite: sentences and terms for matching answers to passages (pure)."""

from __future__ import annotations

import re

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
_WORD = re.compile(r"[a-z0-9£%][a-z0-9£%.,/'-]*[a-z0-9%]|[a-z0-9]", re.I)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
STOPWORDS = frozenset(
    "a an and are as at be been by can do does did for from has have how in is it its of on or "
    "our that the their them there these they this to was were what when where which who whom why "
    "will with would about into than then also any all not no so such per i we you he she his her "
    "tell me please give list show".split()
)


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


def terms(text: str) -> set[str]:
    """Return the content words of a text, lower-cased, with a light plural strip."""
    words = {w.lower().strip(".,") for w in _WORD.findall(text)}
    return {
        w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w and w not in STOPWORDS
    }
