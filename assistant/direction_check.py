"""Direction check: the change a passage states, from its table's figures before its words (pure).

"Fell" is a conflict where the table gives 72 then 81, even where no sentence says "rose".
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import Claim, DocFigure, Reading, clause_of, overlap
from assistant.figure_check import series


def doc_direction(
    doc: Reading,
    anchors: list[int],
    found: list[DocFigure],
    sentence: str,
    subject: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """The change the passage states where the draft's claims sit: from figures, then words.

    With no figure to anchor it, a change is read only from a sentence that names all of
    `subject` (what the draft says changed), so "domestic abuse-related violence fell" is not
    backed by "violence fell". Returns (direction, what shows it): "1,620 (2023/24) to 1,710
    (2024/25)" from a table.
    """
    for f in found:
        if shown := _figure_direction(doc, f):
            return shown
        before = doc.units[f.unit_index][max(0, f.q.start - 30) : f.q.start] if f.row < 0 else ""
        if said := lang.change(before):  # "rose by 4.7% ..., and then fell by 2.7%"
            word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(before)
            return said, word.group(0) if word else said
    words = lang.terms(sentence)
    ranked = sorted(range(len(doc.units)), key=lambda i: -overlap(words, lang.terms(doc.units[i])))
    for i in [*anchors, *ranked[:2]]:
        text = doc.units[i]
        if subject and not found and overlap(subject, lang.terms(text)) < len(subject):
            continue
        m = lang.FROM_TO.search(text)
        values = [lang.quantities(g) for g in m.groups()] if m else []
        if m and all(values) and values[0][0].value != values[1][0].value:
            return ("up" if values[1][0].value > values[0][0].value else "down"), m.group(0)
        if said := lang.change(text):
            word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(text)
            return said, word.group(0) if word else said
        if i in anchors and lang.CHANGE_UP.search(text) and lang.CHANGE_DOWN.search(text):
            return "", ""  # both ways where the draft's claims sit: unsure
    return "", ""


def _figure_direction(doc: Reading, f: DocFigure) -> tuple[str, str] | None:
    """A change a table shows for a figure: the same row's (or column's) earlier period."""
    if f.row < 0 or f.period is None or f.old:
        return None
    earlier = [g for g in series(doc, f) if g.period and g.period < f.period]
    if not earlier:
        return None
    g = max(earlier, key=lambda g: g.period or (0, 0))
    if g.q.value == f.q.value:
        return None
    shown = (
        f"{g.q.text.strip()} ({lang.period_label(g.period)}) to "
        f"{f.q.text.strip()} ({lang.period_label(f.period)})"
    )
    return ("up" if f.q.value > g.q.value else "down"), shown


def change_subject(sentence: str, c: Claim, common: frozenset[str]) -> frozenset[str]:
    """What a change is said of: the content words of its clause, but for the background."""
    left, right = clause_of(sentence, c.start, c.end)
    words = lang.terms(lang.mask_editions(sentence[left:right]))
    return frozenset(
        w
        for w in map(lang.base_word, words)
        if w not in common and not lang.change(f"{w} by") and not re.search(r"\d", w)
    )
