"""UI formatting: answers and verdicts -> safe Markdown strings (pure, no Streamlit import)."""

from __future__ import annotations

_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$")

VERDICT_STYLE = {  # verdict -> (Streamlit callout, icon)
    "supported": ("success", "✅"),
    "conflict": ("error", "❌"),
    "outdated": ("warning", "🕰️"),
    "unsupported": ("info", "❔"),
}


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML so document text is shown as text, never interpreted."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


def answer_markdown(text: str) -> str:
    """Render answer lines as Markdown, leaving only our own bullets unescaped."""
    return "\n".join(
        "- " + escape_markdown(line[2:]) if line.startswith("- ") else escape_markdown(line)
        for line in text.splitlines()
    )


def source_label(n: int, title: str, page: int | None, status: str) -> str:
    """Return the expander label of a source: "[n] Title, p. N · SUPERSEDED"."""
    page_part = f", p. {page}" if page is not None else ""
    badge = " · SUPERSEDED" if status == "superseded" else ""
    return f"[{n}] {title}{page_part}{badge}"


def highlight(quote: str, sentences: list[str]) -> str:
    """Escape a quoted passage and bold the sentences the answer took from it."""
    out = escape_markdown(quote)
    for sentence in sorted(sentences, key=len, reverse=True):
        safe = escape_markdown(sentence.removeprefix("- "))
        if safe and safe in out:
            out = out.replace(safe, f"**{safe}**", 1)
    return out
