"""UI formatting: hostile text rendered by a reference CommonMark parser stays literal text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant.ui_format import (
    answer_markdown,
    escape_markdown,
    highlight,
    source_caption,
    source_label,
)

# CommonMark with raw HTML on, plus GitHub's tables and strikethrough: what an unescaped string
# would turn into elements under.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "![x](http://127.0.0.1:9/remote.png)",
    "[click](javascript:alert(3))",
    "[click][r] and [r]: javascript:alert(4)",
    "<javascript:alert(5)> <http://127.0.0.1:9/a> <mail@example.org>",
    "&lt;b&gt; &#106;avascript&#58;alert(6) &amp;",
    "a | b | c",
    "*bold* _it_ **strong** ~~gone~~ `code` $x^2$",
    "# heading",
    "1. item",
    "- item",
    "> quote",
    "line \\ with backslash\\",
    ":material/home: :smile: :red[coloured]",
    "<!-- comment --> <![CDATA[x]]> <?php x ?>",
]


def _tags(rendered: str) -> set[str]:
    return set(re.findall(r"<(\w+)", rendered))


def _text(rendered: str) -> str:
    return html.unescape(re.sub(r"</?p>", "", rendered)).replace("\u2060", "").strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_one_literal_paragraph(text: str) -> None:
    rendered = MD.render(escape_markdown(text))
    assert _tags(rendered) == {"p"}
    assert _text(rendered) == text


def test_every_ascii_punctuation_mark_survives_as_itself() -> None:
    text = "".join(chr(c) for c in range(33, 127))
    rendered = MD.render(escape_markdown(text))
    assert _tags(rendered) == {"p"} and _text(rendered) == text


def test_newlines_cannot_start_a_block() -> None:
    text = "intro\n# heading\n===\n| a | b |\n|---|---|\n| c | d |\n    code\n- item\n> quote"
    rendered = MD.render(escape_markdown(text))
    assert _tags(rendered) == {"p"}
    assert _text(rendered).split() == text.split()


def test_streamlit_shortcodes_are_broken_with_an_invisible_joiner() -> None:
    out = escape_markdown(":smile: :material/home:")
    assert out == "\\:\u2060smile\\: \\:\u2060material/home\\:"
    assert escape_markdown("10:30:00 to 11:00") == "10\\:30\\:00 to 11\\:00"


def test_answer_lines_keep_only_our_bullets() -> None:
    out = answer_markdown("Lead [1].\n- item ![x](http://e.x/i.png)\n# not a heading")
    assert _tags(MD.render(out)) == {"ul", "li", "p"}
    assert out.splitlines()[1].startswith("- item \\!\\[x\\]\\(http\\:")


def test_source_label_and_caption_escape_document_metadata() -> None:
    label = source_label(2, "Plan ![t](http://127.0.0.1:9/t.png)", 4, "superseded")
    assert _tags(MD.render(label)) == {"p"}
    assert _text(MD.render(label)) == "[2] Plan ![t](http://127.0.0.1:9/t.png), p. 4 · SUPERSEDED"
    caption = source_caption("Markup <img src=x onerror=alert(1)>", "", "current")
    assert _tags(MD.render(caption)) == {"p"}
    assert _text(MD.render(caption)).startswith("Markup <img src=x onerror=alert(1)> · published")


def test_highlight_bolds_the_used_sentence_and_nothing_from_the_passage() -> None:
    quote = "Rates fell. <b>Click</b> [here](javascript:x)."
    out = highlight(quote, ["Rates fell."])
    assert out.startswith("**Rates fell\\.**") and _tags(MD.render(out)) == {"p", "strong"}


def test_a_conversation_exports_as_markdown_with_filters_and_sources() -> None:
    from assistant.ui_format import conversation_markdown, filters_line

    line = filters_line(["drugs"], ["Combating Drugs Partnership Annual Report"], True)
    assert line == (
        "Filters: strand drugs · documents: Combating Drugs Partnership Annual Report · "
        "superseded documents included"
    )
    assert filters_line([], [], False) == ""
    text = conversation_markdown(
        [
            ("How many?\nIn 2023/24", line, "There were 64. [1]\n\n**Sources**\n1. Report"),
            ("And?", "", "No."),
        ]
    )
    assert text.startswith("# Conversation with the Safer Cumbria strategy assistant\n")
    assert "## 1. How many? In 2023/24\n\n_Filters: strand drugs" in text
    assert "There were 64. [1]" in text and "1. Report" in text
    assert "## 2. And?\n\nNo.\n" in text


def test_the_page_icon_is_drawn_here_not_fetched() -> None:
    from assistant.ui_format import favicon

    icon = favicon()
    assert icon.size == (64, 64) and icon.getpixel((32, 32))[3] == 255  # opaque shield
    assert icon.getpixel((1, 62))[3] == 0  # on a clear ground
    app = (Path(__file__).resolve().parents[1] / "streamlit_app.py").read_text()
    assert "page_icon=favicon()" in app
