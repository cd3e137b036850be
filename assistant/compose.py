"""Compose: Evidence -> Answer (the answer first, every claim cited; or a reasoned abstention).

The first line answers the question: the best sentence, a table row cut to the cells asked
about ("Eden, 2022/23: 16.9 (Table 1: ...)"), or a list's items. At most two supporting
sentences follow, each cited, none about another subject. The text is plain prose with [n]
markers; list items and table cells also travel as fields for the UI to lay out.
"""

from __future__ import annotations

import dataclasses
import re

from assistant import language as lang
from assistant.evidence import (
    AnswerPolicy,
    Candidate,
    Evidence,
    cos,
    coverage,
    dates_other_event,
    extreme_clause,
    says_start,
    value_asked,
)
from assistant.measure import measure_gap
from assistant.planned import only_planned
from assistant.query import VALUE_NAMES, counted, said_as
from assistant.types import Answer, AnswerSentence, Hit, Source

NO_ANSWER = "The documents don't cover this."
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)")


def plain(text: str) -> str:
    """Document text as plain prose: no Markdown emphasis, no list dash."""
    return _EMPHASIS.sub("", text[2:] if text.startswith("- ") else text).strip()


def make_source(n: int, hit: Hit) -> Source:
    """Turn a hit into a numbered source quoting the whole passage."""
    c = hit.chunk
    return Source(
        n,
        c.doc_id,
        c.title,
        c.section,
        c.page,
        c.published,
        c.status,
        c.text,
        c.id,
        round(hit.score, 4),
        c.source,
    )


def select(evidence: Evidence, policy: AnswerPolicy) -> list[Candidate]:
    """The best sentence, then up to two that add what the question asks and it lacks.

    A supporting sentence must be about the same thing (it carries the question's period and
    names, and is close to the best one's score) or cover a part of the question the best one
    leaves out; asked when something began, it says something began. A list answer stands
    alone: its items are the answer.
    """
    cands = evidence.candidates
    if not cands:
        return []
    lead = _lead(evidence)
    chosen, covered = [lead], set(lead.tokens)
    if lead.items and lead.introduces:
        return chosen
    while len(chosen) < policy.max_sentences:
        best, best_value = None, 0.0
        for cand in cands:
            if _skip(cand, chosen, policy) or not says_start(cand, evidence.query):
                continue
            gain = coverage(evidence.weights, cand.tokens - covered)
            close = cand.score >= policy.keep_ratio * lead.score
            value = cand.score + policy.gain_weight * gain
            if (close or gain >= policy.min_gain) and value > best_value:
                best, best_value = cand, value
        if best is None:
            break
        chosen.append(best)
        covered |= best.tokens
    return chosen[:1] + sorted(chosen[1:], key=lambda c: (c.hit_index, c.position))


def _lead(evidence: Evidence) -> Candidate:
    """The sentence that answers (Evidence.lead), or for a list question the best list."""
    cands = evidence.candidates
    if evidence.query.kind == "list":
        q = evidence.query
        lists = [
            c
            for c in cands[:5]
            if c.introduces and not c.unmet and not lang.other_count(q.text, c.text, q.target)
        ]
        if lists:  # a list set out item by item before one given in passing in a sentence
            return min(lists, key=lambda c: not c.items)
    return evidence.lead or cands[0]


def _skip(cand: Candidate, chosen: list[Candidate], policy: AnswerPolicy) -> bool:
    return (
        any(cand is c for c in chosen)
        or bool(cand.unmet)
        or cand.is_item
        or bool(cand.items)
        or any(cos(cand.vector or [], c.vector or []) >= policy.redundancy for c in chosen)
    )


def lead_sentence(
    cand: Candidate,
    n: int,
    policy: AnswerPolicy,
    asked: set[str],
    kind: str = "",
    question: str = "",
    fit: dict[str, float] | None = None,
) -> AnswerSentence:
    """The first line: a row as "Label, Column: value (caption)", a list with its items.

    A row keeps the cells the question names, or every cell when it asks about a change,
    weighs one thing against another or asks the value before a change (`question`: "the
    target before the 2025 refresh" is in the cell before the one it names). `fit` is each
    column heading's cosine with the question (`Evidence.column_fit`): see `_asked_cells`.
    """
    if cand.is_row:
        both = (
            kind == "change"
            or lang.asked_change_end(question) is not None  # "which went up the most?"
            or bool(lang.WEIGHS.search(question) or earlier(question))
        )
        cells = _asked_cells(cand, asked, keep_all=both, fit=fit or {})
        caption = f" ({plain(cand.context).rstrip(':.')})" if cand.context else ""
        return row_sentence(cand, n, cells, "answer", caption)
    items = tuple(plain(i.text) for i in cand.items[: policy.max_list_items])
    text = plain(cand.text)
    if names_its_subject_before(cand):
        text = f"{plain(cand.before)} {text}"
    if items and cand.introduces:
        text = f"{text.rstrip(':')}: " + "; ".join(i.rstrip(";.") for i in items) + "."
    return AnswerSentence(text, (n,), round(cand.score, 4), True, "", "answer", items=items)


SUBJECT_WORDS = 25  # the longest sentence before a first line that it takes with it


def names_its_subject_before(cand: Candidate) -> bool:
    """True when a sentence opens by pointing back ("It is chaired by ...") at a sentence before.

    A first line must say what it is about, so it takes the sentence it leans on with it: the
    one before it in the same passage, when that is a short whole sentence of its own (not a
    heading, row or list item, and not itself pointing further back): a long one would bury the
    answer.
    """
    before = cand.before.strip()
    return (
        bool(before)
        and len(before.split()) <= SUBJECT_WORDS
        and not cand.is_row
        and bool(lang.LEADING_PRONOUN.match(cand.text))
        and before[-1] in ".!?"
        and " | " not in before
        and not before.startswith("- ")
        and not lang.LEADING_PRONOUN.match(before)
    )


def earlier(question: str) -> bool:
    """True when a question asks for a value from before something changed it."""
    return bool(lang.EARLIER_ASKED.search(question))


def row_sentence(
    cand: Candidate, n: int, cells: tuple[tuple[str, str], ...], role: str, caption: str = ""
) -> AnswerSentence:
    """A table row as prose, "Label, Column: value; Column: value", never with its pipe."""
    body = "; ".join(f"{c}: {v}" if c else v for c, v in cells)
    return AnswerSentence(
        f"{plain(cand.label)}, {body}{caption}",
        (n,),
        round(cand.score, 4),
        True,
        cand.context,
        role,
        cells=cells,
        label=plain(cand.label),
        quote=cand.text,
    )


# Kinds of question that ask for a figure, a date or a definition: they are answered by a
# cell or a sentence, never by picking the rows of a table.
_FIGURE_KINDS = frozenset({"count", "number", "change", "compare", "date", "define"})


def rows_picked(evidence: Evidence) -> list[Candidate]:
    """The rows of one table whose cell holds the value a "which/what ..." question names.

    "Which hotspots are in Carlisle?" is answered by the rows whose Town cell says Carlisle,
    each with its label, not by a sentence about the towns. A row qualifies when it carries
    every constraint of the question, gives no figure (a table of figures answers a figure
    question, cell by cell) and a cell other than its label holds a name the question gives
    (a place, a body, a category). The table is the one whose such
    row scores best; its rows come in table order. Empty for a question asking a figure, a
    date, one end of a scale or a definition, and when no row qualifies.
    """
    q = evidence.query
    names = [c.text for c in q.constraints if c.kind == "name"]
    if (
        not names
        or q.kind in _FIGURE_KINDS
        or q.value
        or not lang.WHICH_PICKS.match(q.text)
        or lang.directions(q.text)
    ):
        return []
    rows = [
        c
        for c in evidence.candidates
        if c.is_row
        and not c.unmet
        and not any(lang.DIGIT.search(cell.value) for cell in c.cells)
        and _holds(c, names)
    ]
    if not rows:
        return []
    best = max(rows, key=lambda c: c.score)
    same = [r for r in rows if r.hit_index == best.hit_index and r.context == best.context]
    return sorted(same, key=lambda c: c.position)


def _holds(row: Candidate, names: list[str]) -> bool:
    """True when a cell of a row (not its label) holds one of the names."""
    return any(_names_any(cell.value, names) for cell in row.cells)


def _names(value: str, name: str) -> bool:
    words = set(lang.name_words(value))
    return bool(words) and set(lang.name_words(name)) <= words


def picked_cells(
    row: Candidate, evidence: Evidence, asked: set[str]
) -> tuple[tuple[str, str], ...]:
    """A picked row's cells to show, in the row's order.

    Its first cell (what the row is), the first cell whose value holds a name the question
    gives, and those whose heading the question names: nothing else of the row.
    """
    names = [c.text for c in evidence.query.constraints if c.kind == "name"]
    holding = next((c for c in row.cells if _names_any(c.value, names)), None)
    return tuple(
        (c.column, c.value)
        for i, c in enumerate(row.cells)
        if i == 0 or c is holding or asked & {w.lower() for w in re.findall(r"[\w/]+", c.column)}
    )


def _names_any(value: str, names: list[str]) -> bool:
    return any(_names(value, n) for n in names)


def _asked_cells(
    cand: Candidate, asked: set[str], keep_all: bool = False, fit: dict[str, float] | None = None
) -> tuple[tuple[str, str], ...]:
    """The cells whose heading the question names (every cell when it names none).

    A question about a change keeps every cell: the change needs both figures. A heading's
    numbers are read as numbers ("per 1,000" is named by "per 1000"). When the question names
    one heading in words but the model puts another nearer its meaning (`fit`: "killed or
    badly hurt" names "Killed" and means "Total KSI"), both are kept.
    """
    every = tuple((c.column, c.value) for c in cand.cells)
    kept = tuple((c.column, c.value) for c in cand.cells if asked & _heading_words(c.column))
    # naming two headings ("killed or seriously injured") asks of them together: a total
    # beside them is theirs too
    if keep_all or len(kept) != 1 or not any(lang.DIGIT.search(v) for _, v in kept):
        return every
    figures = [c for c in cand.cells if c.column in (fit or {}) and lang.DIGIT.search(c.value)]
    best = max(figures, key=lambda c: (fit or {})[c.column], default=None)
    if best is None or best.column == kept[0][0]:
        return kept
    return tuple((c.column, c.value) for c in cand.cells if c.column in (best.column, kept[0][0]))


def _heading_words(column: str) -> set[str]:
    """A column heading's words in lower case, its numbers without separators ("1000")."""
    return {w.lower() for w in re.findall(r"[\w/]+", re.sub(r"(?<=\d),(?=\d{3})", "", column))}


def compose(parts: list[tuple[Evidence, list[Hit]]], policy: AnswerPolicy) -> Answer:
    """Build the Answer from each covered part's chosen sentences and their numbered sources.

    The first part's best sentence leads; the same passage picked twice gets one number.
    """
    numbers: dict[str, int] = {}
    hits: dict[str, Hit] = {}
    leads: list[AnswerSentence] = []
    support: list[AnswerSentence] = []
    old: dict[int, str] = {}
    for evidence, part_hits in parts:
        asked = _asked_words(evidence)
        chosen = select(evidence, policy)
        picked = rows_picked(evidence) if chosen else []
        for row in picked:  # the rows whose cell holds the value the question names lead
            row_hit = part_hits[row.hit_index]
            m = numbers.setdefault(row_hit.chunk.id, len(numbers) + 1)
            hits[row_hit.chunk.id] = row_hit
            leads.append(row_sentence(row, m, picked_cells(row, evidence, asked), "answer"))
        for i, cand in enumerate(chosen):
            if i and (cand is chosen[0].pair or any(cand is r for r in picked)):
                continue  # given beside the lead already
            hit = part_hits[cand.hit_index]
            n = numbers.setdefault(hit.chunk.id, len(numbers) + 1)
            hits[hit.chunk.id] = hit
            if cand.old_figure:
                old[n] = cand.old_figure
            if i == 0 and (clause := extreme_clause(cand, evidence.query)):
                score = round(cand.score, 4)  # the clause naming the end asked, then the whole
                leads.append(AnswerSentence(plain(clause), (n,), score, True, "", "answer"))
                support.append(AnswerSentence(plain(cand.text), (n,), score, True, "", "support"))
            elif i == 0 and picked and any(cand is r for r in picked):
                continue
            elif i == 0 and not picked:
                q = evidence.query
                fit = evidence.column_fit
                leads.append(lead_sentence(cand, n, policy, asked, q.kind, q.text, fit))
                if cand.pair is not None:  # the other side weighed, from the same table
                    leads.append(lead_sentence(cand.pair, n, policy, asked, q.kind, q.text, fit))
            elif cand.is_row:
                every = tuple((c.column, c.value) for c in cand.cells)
                support.append(row_sentence(cand, n, every, "support"))
            else:
                support.append(
                    AnswerSentence(
                        plain(cand.text), (n,), round(cand.score, 4), True, cand.context, "support"
                    )
                )
    sentences = _once(leads + support)
    sources = [make_source(n, hits[cid]) for cid, n in numbers.items()]
    return Answer(
        parts[0][0].query.text,
        render(sentences),
        sentences,
        sources,
        grounded=True,
        notice=" ".join(x for x in (superseded_notice(sources), old_figure_notice(old)) if x),
    )


def _once(sentences: list[AnswerSentence]) -> list[AnswerSentence]:
    """Each sentence said once, first where it answers, its citations joined.

    Two parts of a question answered by the same sentence show it once, and so does a
    supporting sentence the first line already quotes with the sentence after it.
    """
    kept: dict[str, AnswerSentence] = {}
    for s in sentences:
        within = next((k for k in kept if s.role == "support" and s.text in k), s.text)
        first = kept.get(within)
        if first is None:
            kept[s.text] = s
        else:
            cites = tuple(dict.fromkeys(first.citations + s.citations))
            kept[within] = dataclasses.replace(first, citations=cites)
    return list(kept.values())


def _asked_words(evidence: Evidence) -> set[str]:
    query = evidence.query
    words = {w.lower() for w in re.findall(r"[\w/]+", query.search_text)} - lang.STOPWORDS
    return words | {lang.period_label(p) for p in query.asked_periods}


def render(sentences: list[AnswerSentence]) -> str:
    """The direct answer on the first line, the supporting sentences on the next.

    A question of several parts gets each part's answer on that first line, as the answer
    card shows them together: "how many X, and what share were Y?" is answered at once.
    """
    leads = " ".join(f"{s.text} {_marks(s)}" for s in sentences if s.role == "answer")
    rest = " ".join(f"{s.text} {_marks(s)}" for s in sentences if s.role != "answer")
    return "\n".join(x for x in (leads, rest) if x)


def _marks(s: AnswerSentence) -> str:
    return "".join(f"[{n}]" for n in s.citations)


def old_figure_notice(old: dict[int, str]) -> str:
    """Flag each cited passage that quotes a figure from an edition since replaced."""
    return " ".join(
        f"[{n}] quotes a figure from {title}, which a newer edition replaced."
        for n, title in sorted(old.items())
    )


def superseded_notice(sources: list[Source]) -> str:
    """Say when an answer rests on a superseded document."""
    old = sorted({s.title for s in sources if s.status == "superseded"})
    if not old:
        return ""
    return "This answer uses a superseded document: " + "; ".join(old) + "."


def abstain(question: str, hits: list[Hit], reason: str = "") -> Answer:
    """Say the documents don't cover it (and what is missing), listing the nearest passages."""
    related = [make_source(i + 1, h) for i, h in enumerate(hits[:3])]
    text = f"{NO_ANSWER} {reason}".strip() + " The closest passages are listed as related."
    return Answer(question, text, [], [], grounded=False, related=related)


def gap_reason(evidence: Evidence) -> str:
    """Say what the passages lack, when that is clear: a constraint, a key word, a count."""
    lead = evidence.candidates[0] if evidence.candidates else None
    if evidence.unknown_body:
        article = "an" if evidence.unknown_body[:1].lower() in "aeiou" else "a"
        return f"None of them mentions {article} \u201c{evidence.unknown_body}\u201d."
    if evidence.denied_body:
        return f"They say there is none: \u201c{evidence.denied_body}\u201d"
    if lead and lead.unmet:
        return near_miss(evidence, lead)
    if (shown := evidence.lead) is not None and shown.unmet:
        return near_miss(evidence, shown)
    if evidence.target_only:
        return "They give the target, not how far it has been met."
    if not evidence.has_count and not evidence.query.target:
        return "None of them gives a figure other than the one the question states."
    if not evidence.has_count:
        return f"None of them gives a number of \u201c{counted(evidence.query)}\u201d."
    if (line := evidence.value_line) is not None and not line.gives:
        return value_gap(evidence, line)
    if other := measure_gap(evidence):
        return other
    if (shown := evidence.lead) is not None and lang.finding_pending(
        evidence.query.text, shown.text
    ):
        return "The closest passage says it is still to be done or under way; it gives no finding."
    if only_planned(evidence):
        return "They give the date it is planned for, not when it happened."
    if lead and (other := dates_other_event(evidence.lead or lead, evidence.query)):
        asked = sorted(lang.events_asked(evidence.query.text))[0]
        return f"The closest passage dates a {EVENT_NAMES[other]}, not a {EVENT_NAMES[asked]}."
    if lead and evidence.query.kind == "date" and not says_start(lead, evidence.query):
        return "None of the closest passages says when it began."
    if evidence.missing and evidence.missing[0][0] >= 0.25:
        return f"None of them mentions \u201c{missing_phrase(evidence)}\u201d."
    return ""


# How a decline names the kinds of event a "when" question asks about (lang.EVENTS).
EVENT_NAMES = {
    "publish": "publication",
    "meet": "meeting",
    "elect": "election",
    "start": "start or launch",
}


def value_gap(evidence: Evidence, lead: Candidate) -> str:
    """Say what the closest passage gives instead of the type of value asked.

    Asked the date, a year is not it ("They give the year, 2024, not the date"); asked how
    much of a figure the question states goes on a part, the whole restated is not it.
    """
    query = evidence.query
    name = VALUE_NAMES[value_asked(query)]
    text = f"{lead.context} {lead.text}"
    years = sorted({m.group(0) for m in lang.YEAR.finditer(text)})
    if query.value in ("date", "day") and years:
        said = f"the year, {years[0]}," if len(years) == 1 else f"only years ({', '.join(years)})"
        return f"The closest passage gives {said} not the {name}."
    given = lang.given_values(query.text)
    if given and lang.without_values(text, given) != text:
        return (
            "The closest passage gives only the figure the question states, "
            f"no {name} for the part asked."
        )
    return f"The closest passage gives no {name}."


def missing_phrase(evidence: Evidence) -> str:
    """The most important missing word, with the missing words written next to it in the question.

    "how many break ins on homes" over passages with neither "break" nor "ins" misses "break
    ins", not "ins": a decline names the words together as the question wrote them. A word
    beside it joins only if it carries at least half as much of the question's meaning.
    """
    top, word = evidence.missing[0]
    gone = {  # words that carry about as much of the meaning ("after" in "after lockdown" not)
        w.lower()
        for weight, w in evidence.missing
        if weight >= top / 2 and not lang.is_function_word(w.lower())
    }
    words = re.findall(r"[\w'-]+", evidence.query.text)
    at = next((i for i, w in enumerate(words) if w.lower() == word.lower()), None)
    if at is None:
        return word
    start, end = at, at + 1
    while start > 0 and words[start - 1].lower() in gone:
        start -= 1
    while end < len(words) and words[end].lower() in gone:
        end += 1
    return " ".join(words[start:end])


def near_miss(evidence: Evidence, lead: Candidate) -> str:
    """Say what the documents give instead of the period or name asked for."""
    bodies = {" ".join(b) for b in lang.bodies_named(evidence.query.text)}
    if set(lead.unmet) <= bodies - {c.text for c in evidence.query.constraints}:
        said = ", ".join(lang.body_as_said(evidence.query.text, b) for b in lead.unmet)
        role = VALUE_NAMES[value_asked(evidence.query)]
        return f"The closest passage gives the {role} of another body, not the \u201c{said}\u201d."
    asked = ", ".join(spelled(said_as(evidence.query.text, lead.unmet), evidence))
    periods_asked = {lang.period_label(p) for p in evidence.query.asked_periods}
    if set(lead.unmet) & periods_asked:
        given = [p for p in periods_with_figures(lead) if lang.period_label(p) not in periods_asked]
        have = ", ".join(lang.period_label(p) for p in given)
        return f"They have no figure for {asked}" + (
            f"; the closest passage gives {have}." if have else "."
        )
    splits = {c.text for c in evidence.query.constraints if c.kind == "split"}
    if set(lead.unmet) <= splits:  # a breakdown asked for: the figure is not split that way
        return f"They don't break this down by {asked}."
    text = f"{lead.label} {lead.text}"
    names = {c.text for c in evidence.query.constraints if c.kind == "name"}
    if len(lead.unmet) == 1 and lead.unmet[0] in names:  # "England" met only by "England and
        if wider := lang.wider_name(lead.unmet[0], text):  # Wales": say what it is given for
            return f"They give this for {wider}, not {asked} alone."
    return f"They don't give this for {asked}."


def periods_with_figures(lead: Candidate) -> list[tuple[int, int]]:
    """The periods a passage gives a figure for.

    A row's columns holding one ("2023: Not shown" gives none), else the periods its sentence
    (or a row's caption) names.
    """
    if lead.is_row:
        columns = {
            p for c in lead.cells if lang.DIGIT.search(c.value) for p in lang.periods(c.column)
        }
        if columns:
            return sorted(columns)
    return sorted(lang.periods(f"{lead.context} {lead.text}"))


def spelled(phrases: tuple[str, ...], evidence: Evidence) -> list[str]:
    """Each phrase with the proper names in it as the passages spell them.

    "westmorland and furness": "Westmorland and Furness"; a name none of them uses starts with a
    capital.
    """
    names = {c.text for c in evidence.query.constraints if c.kind == "name"}
    text = " ".join(f"{c.context} {c.label} {c.text}" for c in evidence.candidates[:20])

    def spell(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() not in names or word != word.lower():
            return word
        found = re.search(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text)
        return found.group(0) if found and found.group(0) != word else word.capitalize()

    return [re.sub(r"[A-Za-z][\w'-]*", spell, p) for p in phrases]
