"""UI formatting: answers and verdicts -> safe Markdown strings (pure, no Streamlit import)."""

from __future__ import annotations

import functools
import re
from typing import Any

CHAT_PROMPT = "Ask about the Safer Cumbria documents"  # the chat box, warming up or ready
# Every character CommonMark lets a backslash escape that starts syntax in GitHub Markdown or in
# Streamlit's extensions: "&" (entities), "=" (setext headings), ":" (autolinks "http://",
# colour directives ":red[...]").
_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$&=:")
# Streamlit turns ":name:" into an emoji or ":material/name:" into an icon after escapes are
# undone, so a backslash cannot stop it; an invisible word joiner after the first colon does.
_SHORTCODE = re.compile(r":(?=[A-Za-z][\w/+-]*:)")  # ":smile:", not "10:30:00"

# Streamlit's Material icons ship with Streamlit; emoji need a font a stock Debian machine lacks.
VERDICT_STYLE = {  # verdict -> (Streamlit callout, icon)
    "supported": ("success", ":material/check_circle:"),
    "conflict": ("error", ":material/cancel:"),
    "outdated": ("warning", ":material/history:"),
    "unsupported": ("info", ":material/help:"),
}


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML so document text is shown as text, never interpreted."""
    text = _SHORTCODE.sub(":\u2060", text)
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


def answer_markdown(text: str) -> str:
    """Render answer lines as Markdown, leaving only our own bullets unescaped."""
    return "\n".join(
        "- " + escape_markdown(line[2:]) if line.startswith("- ") else escape_markdown(line)
        for line in text.splitlines()
    )


def filters_line(strands: list[str], titles: list[str], include_superseded: bool) -> str:
    """The filters an answer was given under, as one plain line ("" when there were none)."""
    parts = []
    if strands:
        parts.append("strand " + ", ".join(strands))
    if titles:
        parts.append("documents: " + "; ".join(titles))
    if include_superseded:
        parts.append("superseded documents included")
    return "Filters: " + " · ".join(parts) if parts else ""


def conversation_markdown(turns: list[tuple[str, str, str]]) -> str:
    """A conversation as a Markdown file, to keep or share.

    Each turn is (question, filters line, answer as Markdown with its numbered sources).
    """
    lines = ["# Conversation with the Safer Cumbria strategy assistant", ""]
    for n, (question, filters, answer) in enumerate(turns, start=1):
        lines += [f"## {n}. {' '.join(question.split())}", ""]
        if filters:
            lines += [f"_{filters}_", ""]
        lines += [answer, ""]
    return "\n".join(lines).rstrip() + "\n"


def source_label(n: int, title: str, page: int | None, status: str) -> str:
    """Return the expander label of a source: "[n] Title, p. N · SUPERSEDED" (title escaped).

    Streamlit renders labels as Markdown, images included: an unescaped title could load one.
    """
    page_part = f", p. {page}" if page is not None else ""
    badge = " · SUPERSEDED" if status == "superseded" else ""
    return f"\\[{n}\\] {escape_markdown(title)}{page_part}{badge}"


def source_caption(section: str, published: str, status: str) -> str:
    """Return the line under a source's label: its section, publication date and status."""
    return escape_markdown(
        f"{section or 'no section'} · published {published or 'unknown'} · {status}"
    )


def highlight(quote: str, sentences: list[str]) -> str:
    """Escape a quoted passage and bold the sentences the answer took from it."""
    out = escape_markdown(quote)
    for sentence in sorted(sentences, key=len, reverse=True):
        safe = escape_markdown(sentence.removeprefix("- "))
        if safe and safe in out:
            out = out.replace(safe, f"**{safe}**", 1)
    return out


CLAIM_COLOUR = {"found": "green", "conflict": "red", "missing": "gray"}  # wording claim status


def highlight_claims(sentence: str, claims: list) -> str:
    """A draft sentence as safe Markdown with each checked claim coloured by what was found.

    Green: the documents make the claim; red: they state it differently (their value follows
    in brackets); grey: no passage makes it. All text is escaped; only our colour markers and
    bold are Markdown.
    """
    out, at = [], 0
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < at or claim.end > len(sentence):
            continue  # overlapping or stale spans are left as plain text
        out.append(escape_markdown(sentence[at : claim.start]))
        colour = CLAIM_COLOUR.get(claim.status, "gray")
        text = escape_markdown(sentence[claim.start : claim.end])
        out.append(f":{colour}[**{text}**]")
        if claim.status == "conflict" and claim.document_value:
            out.append(f" :{colour}[(documents: {escape_markdown(claim.document_value)})]")
        at = claim.end
    out.append(escape_markdown(sentence[at:]))
    return "".join(out)


@functools.cache
def favicon() -> Any:
    """The page's icon, a shield drawn here (a PIL image, served by the app itself).

    Given a Material icon (":material/shield:"), Streamlit's page makes the browser fetch it from
    fonts.gstatic.com on every visit: offline it fails, and a public-sector page should make no
    request its users did not ask for.
    """
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    shield = [(32, 4), (58, 13), (55, 38), (32, 60), (9, 38), (6, 13)]
    ImageDraw.Draw(image).polygon(shield, fill=(0, 83, 155, 255))
    return image
