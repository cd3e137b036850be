"""Direction check: the change a passage states, from its table's figures before its words (pure).

"Fell" is a conflict where the table gives 72 then 81, even where no sentence says "rose".
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import (
    Claim,
    DocFigure,
    Reading,
    clause_of,
    overlap,
    row_units,
    subject_start,
)
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
    if shown := _between_found(doc, found):
        return shown
    for f in found:
        if shown := _figure_direction(doc, f) or _row_change(doc, f):
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
        if said := _segment_change(text, subject):
            return said
        if i in anchors and lang.CHANGE_UP.search(text) and lang.CHANGE_DOWN.search(text):
            return "", ""  # both ways where the draft's claims sit: unsure
    return "", ""


def _segment_change(text: str, subject: frozenset[str]) -> tuple[str, str] | None:
    """The change a passage sentence states of `subject`: its part that names it most.

    A sentence with two changes ("thefts fell from 90 to 70, while boat crime rose") is read
    in parts, one per change (see `change_segments`); the part naming most of what the draft
    says changed decides. None when no part states a change, or when parts naming the subject
    equally well state different ones (unsure: the claim is then not found).
    """
    parts = [(overlap(subject, lang.terms(seg)), seg) for seg in change_segments(text)]
    said = [(score, way) for score, seg in parts if (way := _stated_change(seg))]
    if not said:
        return None
    top = max(score for score, _ in said)
    best = {way for score, way in said if score == top}
    return best.pop() if len(best) == 1 else ("", "")


def _stated_change(text: str) -> tuple[str, str] | None:
    """(direction, what shows it) for a change a text states: its "from X to Y", else its verb."""
    m = lang.FROM_TO.search(text)
    values = [lang.quantities(g) for g in m.groups()] if m else []
    if m and all(values) and values[0][0].value != values[1][0].value:
        return ("up" if values[1][0].value > values[0][0].value else "down"), m.group(0)
    if said := lang.change(text):
        word = (lang.CHANGE_UP if said == "up" else lang.CHANGE_DOWN).search(text)
        return said, word.group(0) if word else said
    return None


def change_segments(text: str) -> list[str]:
    """A sentence cut into one part per change it states, at the last break between changes.

    "Thefts fell from 90 to 70, while boat crime rose from 40 to 55" is two parts, cut at
    "while"; a sentence with one change (or none) is one part.
    """
    words = [m.start() for p in (lang.CHANGE_UP, lang.CHANGE_DOWN) for m in p.finditer(text)]
    words.sort()
    cuts = [0]
    for a, b in zip(words, words[1:], strict=False):
        breaks = [m.start() for m in lang.CLAIM_BREAK.finditer(text, a, b)]
        if breaks:
            cuts.append(breaks[-1])
    return [text[x:y] for x, y in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def own_figures(
    sentence: str,
    c: Claim,
    said: list[Claim],
    found_for: dict[int, DocFigure],
    found: list[DocFigure],
) -> list[DocFigure]:
    """The passage figures that show the change of direction claim `c`.

    In a draft with one change, every figure found; in one with several ("thefts fell to 70
    while boat crime rose to 55"), only those of figures in the change's own clause, so one
    change is never read from the figures of another. A clause that only gives a change's
    values ("ASB fell again in 2024, down 9% to 410") gives them to the clause before it (see
    `subject_start`): they are the figures of that clause's change too.
    """
    if sum(x.kind == "direction" for x in said) < 2:
        return found
    left, right = clause_of(sentence, c.start, c.end)
    return [
        f
        for start, f in found_for.items()
        if left <= start < right or left <= subject_start(sentence, start, start) < right
    ]


def moved_to(sentence: str, c: Claim, said: list[Claim], found_for: dict[int, DocFigure]) -> str:
    """The way the draft's own found figures move where it says a change "to" one of them.

    "94% feel safe by day, but after dark that drops to 69%": both figures are the passage's,
    so the drop is the passage's too ("up", "down", or "" when the draft does not say "to" a
    figure right after the change, or either figure is not found, or they differ in unit).
    """
    later = next((x for x in said if x.kind == "number" and x.start > c.end), None)
    if later is None or not lang.CHANGE_TO.fullmatch(sentence[c.end : later.start]):
        return ""
    before = [x for x in said if x.kind == "number" and x.end <= c.start and x.start in found_for]
    new, old = found_for.get(later.start), found_for[before[-1].start] if before else None
    if new is None or old is None or not lang.same_unit(new.q, old.q) or old.old or new.old:
        return ""
    return "up" if new.q.value > old.q.value else "down" if new.q.value < old.q.value else ""


def _between_found(doc: Reading, found: list[DocFigure]) -> tuple[str, str] | None:
    """The change between two figures of one table series the draft gives both of.

    "rose from 67 in 2023 to 49 in 2024" against a row "2022: 48; 2023: 67; 2024: 49": the
    change the draft states is the one from its earlier figure to its later one (a fall), not
    the one into its earlier figure from the period before.
    """
    dated = [f for f in found if f.row >= 0 and f.period is not None and not f.old]
    pairs = [
        (g, f)
        for f in dated
        for g in series(doc, f)
        if g in dated and g.period and f.period and g.period < f.period
    ]
    if not pairs:
        return None
    g = min((g for g, _ in pairs), key=lambda g: g.period or (0, 0))
    f = max((f for _, f in pairs), key=lambda f: f.period or (0, 0))
    if g.q.value == f.q.value or g not in series(doc, f):
        return None
    shown = (
        f"{g.q.text.strip()} ({lang.period_label(g.period)}) to "
        f"{f.q.text.strip()} ({lang.period_label(f.period)})"
    )
    return ("up" if f.q.value > g.q.value else "down"), shown


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


# A table cell that is a direction: "Change: down 35.9%", "Direction: Up, reflecting ...".
_CELL_WAY = re.compile(r"^\s*(up|down)\b", re.I)


def _row_change(doc: Reading, f: DocFigure) -> tuple[str, str] | None:
    """The change a figure's table row states in a cell of its own ("Change: down 35.9%").

    A row giving a baseline, a later value and their change states the change in words the
    figures of its period columns may not show (months are no periods).
    """
    if f.row < 0:
        return None
    for i in sorted(row_units(doc, f.unit_index)):
        cell = doc.units[i].partition(" | ")[2].partition(": ")[2]
        if m := _CELL_WAY.match(cell):
            return m.group(1).lower(), cell.strip()
        if said := lang.change(cell):
            return said, cell.strip()
    return None


def change_subject(sentence: str, c: Claim, common: frozenset[str]) -> frozenset[str]:
    """What a change is said of: the content words of its clause, but for the background."""
    left, right = clause_of(sentence, c.start, c.end)
    words = lang.terms(lang.mask_editions(sentence[left:right]))
    return frozenset(
        w
        for w in map(lang.base_word, words)
        if w not in common and not lang.change(f"{w} by") and not re.search(r"\d", w)
    )
