"""Wording: draft text -> one verdict per sentence (supported, conflict, outdated, unsupported).

Each sentence is split into typed claims: every figure (a value with its unit and what it
measures), date or period, change of direction, named body or role, and place. A sentence is
supported only when one passage the documents hold (a sentence, or a table row read with its
caption) makes every claim, about the same thing; a claim the passage states differently is a
conflict naming both values; a claim no passage makes leaves the sentence unsupported. A false
"supported" is the harmful verdict, so when unsure the judge says unsupported.

The judging is pure: it takes a `lookup` that returns the retrieved passages for a draft
sentence with their alignment scores (the pipeline builds it on hybrid retrieval and the
evidence scorer). The claims and the passages' figures are read in `claims.py`; every English
pattern is in `language.py`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant import asides, editions
from assistant import language as lang
from assistant.cite import split_sentences
from assistant.claims import Claim, GlossaryRules, WordingPolicy
from assistant.compare_check import sentence_claims as claims
from assistant.conflict_order import ORDER, rank
from assistant.passage_check import Aligned, ClaimCheck, check_passage

__all__ = [
    "VERDICTS",
    "Aligned",
    "ClaimCheck",
    "SentenceVerdict",
    "check",
    "check_passage",
    "corrected",
    "judge",
    "numbers",
    "split_draft",
    "summary",
]

VERDICTS = ("supported", "conflict", "outdated", "unsupported")


@dataclass
class SentenceVerdict:
    """The judgement of one draft sentence."""

    sentence: str
    verdict: str
    reasons: list[str] = field(default_factory=list)
    element: str = ""
    draft_value: str = ""
    document_value: str = ""
    quote: str = ""
    source: dict[str, Any] | None = None
    suggestions: list[str] = field(default_factory=list)
    claims: list[ClaimCheck] = field(default_factory=list)
    corrected: str = ""  # the sentence with the documents' values in place of the draft's


def split_draft(text: str) -> list[str]:
    """Split a draft into sentences; strip HTML; break unpunctuated text on lines or ~40 words."""
    if re.search(r"<[a-zA-Z][^>]*>", text):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")
        for block in soup.find_all(["p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4"]):
            block.append("\n")  # block elements end lines; inline ones (b, a, span) do not
        text = soup.get_text("")
    out: list[str] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        for sentence in split_sentences(line):
            words = sentence.split()
            out += [" ".join(words[i : i + 40]) for i in range(0, len(words), 40)] or []
    return [s for s in out if re.search(r"[A-Za-z]{2}", s)]


def numbers(text: str) -> list[str]:
    """The figures of a text as written (years and dates are not figures)."""
    return [q.text.strip() for q in lang.quantities(text)]


# --- The verdict --------------------------------------------------------------------------------


def _outdated(v: SentenceVerdict, matched: str, entry: dict[str, Any]) -> SentenceVerdict:
    v.verdict, v.element, v.draft_value = "outdated", str(entry["old"]), matched
    v.document_value = str(entry["successor"])
    v.corrected = v.sentence.replace(matched, re.split(r" \(| - ", v.document_value)[0], 1)
    v.reasons.append(
        f"{matched} no longer exists: replaced by {entry['successor']} "
        f"from {entry.get('changed', 'an earlier date')}"
    )
    return v


def _cite(v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck]) -> SentenceVerdict:
    v.quote, v.source, v.claims = aligned.text, aligned.source, checks
    return v


def judge(
    sentence: str,
    current: list[Aligned],
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy | None = None,
) -> SentenceVerdict:
    """Judge one draft sentence against the passages retrieved for it (best aligned first)."""
    policy = policy or WordingPolicy()
    v = SentenceVerdict(sentence, "unsupported", suggestions=rules.suggestions(sentence))
    if (old := rules.outdated(sentence)) and not lang.NO_LONGER.search(sentence):
        return _outdated(v, *old)  # unless the draft itself says it ended ("was absorbed")
    related = [a for a in current[: policy.passages] if a.score >= policy.related]
    if not related:
        v.reasons.append("nothing in the documents backs this")
        return v
    said = claims(sentence, rules, policy)
    pool = [
        (a, check_passage(sentence, said, a, rules, policy)) for a in current[: policy.passages]
    ]
    checked = _dated_elsewhere([(a, c) for a, c in pool if a.score >= policy.related], pool)
    checked = _completed_nearby(checked, said)
    claim = _overclaim(sentence)
    backing = [a for a in related[:2] if claim and lang.says_as_much(claim.group(0), a.passage)]
    if claim and not backing:
        v.reasons.append(f'overclaim: the documents do not say "{claim.group(0)}"')
        return _cite(v, *checked[0])
    if claim and (title := _overclaim_of_old(claim.group(0), sentence, backing, rules)):
        _cite(v, *next(item for item in checked if item[0] is backing[0]))
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(f'the documents say "{claim.group(0)}" of {title} alone, now superseded')
        return v
    full = [(a, c) for a, c in checked if all(x.status == "found" for x in c)]
    if full and (stop := _stopped(sentence, full[0][0])):
        _cite(v, *full[0])
        v.reasons.append(f'the documents say this has stopped: "{stop}"')
        if any(a.status == "superseded" and a.score >= policy.related for a in everything):
            v.verdict, v.element = "outdated", "superseded"
        return v
    if full and (denied := lang.polarity_clash(sentence, full[0][0].text)):
        _cite(v, *full[0])
        v.verdict, v.element, v.document_value = "conflict", "direction", denied
        v.reasons.append(f'the documents say the opposite: "{denied}"')
        return v
    if full and _outranked(full[0][0], checked, policy, _named(said)):
        return _conflict_or_unsupported(v, checked, everything, rules, policy)
    if full and (said and _anchored(said) or full[0][0].score >= policy.supported):
        old = [
            (a, check_passage(sentence, said, a, rules, policy))
            for a in everything
            if a.status == "superseded" and a.score >= full[0][0].score
        ]
        standing = editions.standing(said, sentence)
        if found := editions.stale(standing, full[0][0].score, checked, old):
            return _stale(v, *full[0], *found)
        if later := editions.newer_value(said, checked):
            return _stale(v, *full[0], None, later)
        if full[0][0].score < policy.restated_ceiling and (
            was := editions.restated(said, full[0][0].score, everything, policy.outrank_margin)
        ):
            _cite(v, was, [])
            v.verdict, v.element = "outdated", "superseded"
            v.reasons.append(f"this is what the superseded {was.source.get('title')} said")
            return v
        return _supported(v, *full[0], rules)
    return _conflict_or_unsupported(v, checked, everything, rules, policy)


def _overclaim(sentence: str) -> re.Match[str] | None:
    """The first overclaim word ("all", "every") that is no part of a frequency ("every year").

    A frequency is a claim of its own, checked against the passage's.
    """
    spans = [(start, end) for _, _, start, end in lang.frequencies(sentence)]
    return next(
        (
            m
            for m in lang.OVERCLAIM.finditer(sentence)
            if not any(start <= m.start() < end for start, end in spans)
        ),
        None,
    )


def _overclaim_of_old(
    word: str, sentence: str, backing: list[Aligned], rules: GlossaryRules
) -> str:
    """The superseded edition the documents say an overclaim word of, when they say it of no other.

    "In the 2019 plan, reports came from Eastport Infirmary only. Reports now come from
    both ..." says "only" of the replaced edition alone: a draft that says it of today states
    what the old edition said. "" when a sentence of the `backing` passages says the word
    (or its group forms) of no replaced edition, or when the draft names that edition itself.
    """
    titles: list[str] = []
    for a in backing:
        for unit in split_sentences(a.passage):
            if not lang.says_as_much(word, unit):
                continue
            title = _edition_spoken_of(sentence, dataclasses.replace(a, text=unit), rules)
            if not title:
                return ""
            titles.append(title)
    return titles[0] if titles else ""


def _dated_elsewhere(
    checked: list[tuple[Aligned, list[ClaimCheck]]],
    pool: list[tuple[Aligned, list[ClaimCheck]]],
) -> list[tuple[Aligned, list[ClaimCheck]]]:
    """Each passage's checks, with a missing date found where another passage dates the figure.

    A passage that makes every claim but the period ("Burglary fell by 6.3%") is backed on
    it by a passage (of the `pool` retrieved for the sentence) that gives the same figures
    with that period and states no claim otherwise (its document's table: "2023/24: 1,050;
    Change: down 6.3%"): the period is found. Only dates the other passage finds as the
    latest period of its sentence, and only when every figure the draft gives is found in
    both with one value.
    """
    return [(a, _joined(a, checks, pool)) for a, checks in checked]


def _joined(
    a: Aligned, checks: list[ClaimCheck], checked: list[tuple[Aligned, list[ClaimCheck]]]
) -> list[ClaimCheck]:
    missing = [x for x in checks if x.status != "found"]
    figures = [x for x in checks if x.kind == "number"]
    if (
        not missing
        or not figures
        or any(x.kind != "date" or x.status != "missing" for x in missing)
    ):
        return checks
    own = {x.start: x for x in figures}
    for b, theirs in checked:
        if b is a or any(x.status == "conflict" for x in theirs):
            continue
        at = {x.start: x for x in theirs}
        same = all(
            (y := at.get(s)) is not None
            and y.status == "found"
            and y.document_value == x.document_value
            for s, x in own.items()
        )
        if same and all(
            (y := at.get(x.start)) and y.status == "found" and _latest(x.text, b.text)
            for x in missing
        ):
            return [dataclasses.replace(x, status="found") if x in missing else x for x in checks]
    return checks


# claims a neighbouring sentence may complete: descriptions, never a value a planted error
# changes (a figure, date, direction, body, place or name must all come from the one passage:
# a person the document names elsewhere, as a former holder, is no holder of the draft's post)
_DESCRIPTIVE = frozenset({"superlative", "counted", "comparison"})


def _completed_nearby(
    checked: list[tuple[Aligned, list[ClaimCheck]]], said: list[Claim]
) -> list[tuple[Aligned, list[ClaimCheck]]]:
    """Each passage's checks, with a descriptive claim it lacks found in another of its document.

    A draft often joins two sentences of one document into one ("Theft rose by 9% to 410,
    and is now the largest category": the figure in a table row, "the largest category" in
    the summary). A passage that makes every value the draft gives, states none otherwise and
    lacks only descriptive claims (a superlative, what is counted, a comparison) is completed
    by another passage of the same document and edition that finds those claims and states no
    claim otherwise. Figures, dates, directions, bodies, places and names are never taken from
    the second passage.
    """
    kinds = {c.start: c.kind for c in said}
    return [(a, _completed(a, checks, checked, kinds)) for a, checks in checked]


def _completed(
    a: Aligned,
    checks: list[ClaimCheck],
    checked: list[tuple[Aligned, list[ClaimCheck]]],
    kinds: dict[int, str],
) -> list[ClaimCheck]:
    missing = [x for x in checks if x.status != "found"]
    anchored = any(x.kind in ("number", "date") and x.status == "found" for x in checks)
    if (
        not missing
        or not anchored
        or any(x.status != "missing" or kinds.get(x.start) not in _DESCRIPTIVE for x in missing)
    ):
        return checks
    for b, theirs in checked:
        if b is a or not _same_document(a, b) or any(x.status == "conflict" for x in theirs):
            continue
        at = {x.start: x for x in theirs}
        if all((y := at.get(x.start)) is not None and y.status == "found" for x in missing):
            return [dataclasses.replace(x, status="found") if x in missing else x for x in checks]
    return checks


def _same_document(a: Aligned, b: Aligned) -> bool:
    """True when two passages are of one document and edition."""
    return a.status == b.status and a.source.get("doc_id") == b.source.get("doc_id")


def _latest(date: str, text: str) -> bool:
    """True when a draft's period is the latest the passage sentence gives (not a change's base).

    "Down 6.3%" in a row giving 2022/23 and 2023/24 is the change to 2023/24.
    """
    mine = [v for v, *_ in lang.period_spans(date)]
    given = [v for v, *_ in lang.period_spans(text)]
    return bool(mine and given) and lang.periods_meet({mine[0]}, {max(given)})


def _stale(
    v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck], old: Any, newer: Any
) -> SentenceVerdict:
    """Outdated: a replaced figure given as today's (editions.stale; `old` None: newer_value)."""
    _cite(v, aligned, checks)
    v.verdict, v.element = "outdated", "superseded"
    v.draft_value, v.document_value = newer.text, newer.document_value
    v.corrected = corrected(v.sentence, [newer])
    was = f"a superseded document ({old.source.get('title')})" if old else "an earlier period"
    v.reasons.append(
        f'"{newer.text}" is the figure of {was}; the current documents say "{newer.document_value}"'
    )
    return v


def _stopped(sentence: str, backing: Aligned) -> str:
    """The words of the backing sentence that say the thing stopped ("no longer").

    Empty when the sentence says no such thing, or the draft says so too.
    """
    said = lang.NO_LONGER.search(backing.text)
    return said.group(0) if said and not lang.NO_LONGER.search(sentence) else ""


def _named(said: list[Claim]) -> set[str]:
    return {str(c.value).lower() for c in said if c.kind == "document"}


def _title(aligned: Aligned) -> str:
    return str(aligned.source.get("title", "")).lower()


def _outranked(
    backing: Aligned,
    checked: list[tuple[Aligned, list[ClaimCheck]]],
    policy: WordingPolicy,
    named: frozenset[str] | set[str] = frozenset(),
) -> bool:
    """True when a passage aligned better than the backing one states a claim otherwise.

    A weaker passage that happens to hold the draft's value (31% of victims under 25) does not
    back a sentence whose closest passage gives another value for it (41% of violence
    domestic abuse-related): the closest reading wins, and the verdict is a conflict. A passage
    of the document the draft names, aligned nearly as well, outranks one of another document
    ("the plan has six priorities" against another strategy's five). A passage aligned above
    `policy.supported` outranks a backing one aligned below it on a draft whose only values
    are dates ("in 2025/26" where the sentence the draft matches says 2024/25).
    """
    own = _title(backing) in named
    for aligned, checks in checked:
        near = aligned.score >= backing.score - 2 * policy.outrank_margin
        theirs = not own and _title(aligned) in named and near
        if aligned.score < backing.score + policy.outrank_margin and not theirs:
            continue
        kinds = ("number", "date", "body", "place") + (("document",) if theirs else ())
        values = [x for x in checks if x.kind in kinds]
        # a passage the draft matches strongly, where the backing one is weak, is about the
        # same thing even when the claim it states otherwise is the draft's only one
        strong = aligned.score >= policy.supported > backing.score and all(
            x.kind == "date" for x in checks if x.kind in kinds
        )
        # a body is a claim of who does the thing: the closer passage says who, so its naming
        # another body outranks a weaker passage that merely names the draft's (a members list)
        who = bool(values) and all(x.kind == "body" for x in values)
        found = any(x.status == "found" for x in values)
        if any(x.status == "conflict" for x in checks) and (found or strong or who):
            return True
    return False


def _anchored(said: list[Claim]) -> bool:
    """True when the claims pin the passage down, not only names.

    A figure, date, frequency or contact detail (an email or web address) does.
    """
    return any(c.kind in ("number", "date", "frequency", "contact") for c in said)


def _supported(
    v: SentenceVerdict, aligned: Aligned, checks: list[ClaimCheck], rules: GlossaryRules
) -> SentenceVerdict:
    _cite(v, aligned, checks)
    if title := _edition_spoken_of(v.sentence, aligned, rules):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(f"this describes {title}, which has been superseded")
        return v
    v.verdict = "supported"
    v.reasons.append(
        f"every claim ({len(checks)}) is in one passage" if checks else "matches the documents"
    )
    return v


def _edition_spoken_of(sentence: str, aligned: Aligned, rules: GlossaryRules) -> str:
    """The superseded document the matching passage sentence speaks of ("" if none).

    A current document that says "Its headline target was 5%" after naming the 2024 strategy
    backs a draft about the 2024 strategy, not a draft that presents 5% as today's target.
    """
    old = rules.superseded_titles
    titles = {t: t for t in [*rules.titles, *old]}
    # the draft speaks of the old edition when its words fit that title alone
    named = lang.named_documents(sentence, titles, most=1, years=True)
    text = lang.drop_compared_editions(aligned.text)
    spelled = (t for t in old if t.lower() in text.lower() and t not in named)
    if title := next(spelled, ""):
        return title
    units = split_sentences(aligned.passage)
    at = next((i for i, u in enumerate(units) if aligned.text.strip() in u), -1)
    before = units[at - 1] if at > 0 else ""
    title = lang.quoted_edition(text, before, titles, old, named, apart=True)
    return "" if title and lang.names_newer_edition(sentence, title, rules.titles) else title


def _conflict_or_unsupported(
    v: SentenceVerdict,
    checked: list[tuple[Aligned, list[ClaimCheck]]],
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> SentenceVerdict:
    """A conflict where a passage on the same thing states a claim otherwise, else unsupported."""

    def weight(item: tuple[Aligned, list[ClaimCheck]]) -> tuple[int, float]:
        return sum(x.status != "missing" for x in item[1]), item[0].score

    # a passage aligned nearly as well as the best one is about the same thing, so its other
    # date or figure is a conflict even where it makes none of the sentence's other claims
    near = checked[0][0].score - policy.outrank_margin
    clashing = [
        (a, c)
        for a, c in checked
        if any(x.status == "conflict" for x in c)
        and (any(x.status == "found" for x in c) or a is checked[0][0] or a.score >= near)
    ]
    if not clashing:
        _cite(v, *checked[0])
        missing = [x for x in checked[0][1] if x.status != "found"]
        v.reasons.append(
            "not found in the documents: " + "; ".join(_missing_text(x) for x in missing)
            if missing
            else "only loosely related passages found"
        )
        return v
    aligned, checks = max(clashing, key=weight)
    _cite(v, aligned, checks)
    first = min(
        (x for x in checks if x.status == "conflict"),
        key=lambda x: (rank(x, checks, aligned), x.start),
    )
    v.element, v.draft_value, v.document_value = first.kind, first.text, first.document_value
    # a figure the passage gives as is, for another place, stays: the place is corrected
    v.corrected = corrected(
        v.sentence, [x for x in checks if rank(x, checks, aligned) < len(ORDER)]
    )
    if old := _superseded(v.sentence, first, everything, rules, policy):
        v.verdict, v.element = "outdated", "superseded"
        v.reasons.append(
            f'"{first.text}" comes from a superseded document ({old.source.get("title")}); '
            f'the current one says "{first.document_value}"'
        )
        return v
    v.verdict = "conflict"
    v.reasons += [
        f'{x.kind} differs: draft says "{x.text}", documents say "{x.document_value}"'
        for x in checks
        if x.status == "conflict"
    ]
    return v


def _missing_text(x: ClaimCheck) -> str:
    return f"{x.text} ({x.document_value})" if x.document_value else x.text


def _superseded(
    sentence: str,
    conflict: ClaimCheck,
    everything: list[Aligned],
    rules: GlossaryRules,
    policy: WordingPolicy,
) -> Aligned | None:
    """The superseded passage that makes every figure and date claim of the sentence, if any.

    Figures and dates as the draft states them: a frequency ("reported every quarter") is
    checked as a figure, but one the old edition does not give is no value it states otherwise.
    """
    said = claims(sentence, rules, policy)
    if conflict.kind not in ("number", "date"):
        return None
    values = {c.start for c in said if c.kind in editions.VALUE_KINDS}
    for a in (x for x in everything if x.status == "superseded" and x.score >= policy.related):
        checks = check_passage(sentence, said, a, rules, policy)
        if editions.values_found([x for x in checks if x.start in values]):
            return a
    return None


def corrected(sentence: str, checks: list[ClaimCheck]) -> str:
    """The sentence with each conflicting claim replaced by the documents' value."""
    out = sentence
    for x in sorted(checks, key=lambda x: -x.start):
        if x.status != "conflict" or not x.document_value:
            continue
        value = x.document_value
        if x.kind == "direction" and (share := lang.share_changes(f"{x.text} share")):
            value = "larger" if share[0][0] == "down" else "smaller"  # "a smaller share"
        elif x.kind == "direction":  # say the documents' direction as a verb
            value = "fell" if lang.change(f"{x.text} by") == "up" else "rose"
        out = out[: x.start] + value + out[x.end :]
    return out


def check(
    text: str,
    lookup: Callable[[str], tuple[list[Aligned], list[Aligned]]],
    rules: GlossaryRules,
    policy: WordingPolicy | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[SentenceVerdict]:
    """Judge every sentence of a draft."""
    verdicts = []
    for sentence in split_draft(text):
        current, everything = lookup(sentence)
        v = judge(sentence, current, everything, rules, policy)
        if v.verdict in ("unsupported", "conflict") and (aside := asides.split_aside(sentence)):
            v = _judged_apart(v, aside, lookup, rules, policy)
        verdicts.append(v)
        if progress:
            progress(1)
    return verdicts


def _judged_apart(
    v: SentenceVerdict,
    aside: asides.Aside,
    lookup: Callable[[str], tuple[list[Aligned], list[Aligned]]],
    rules: GlossaryRules,
    policy: WordingPolicy | None,
) -> SentenceVerdict:
    """A sentence with an aside, judged as its point and the fact the aside grants.

    "Theft rose to 410, even though crime overall has fallen": the clause grants a fact the
    passage backing the point need not state, and a passage about the clause may pair its
    words with the point's figures. So does "The plan, which runs to 2028, commits ...". The
    point and the aside (each retrieved for on its own) are judged apart: supported when
    both are. An unsupported sentence whose only unchecked claims sit in the aside takes a
    conflict or outdated part's verdict; any other verdict stands.
    """
    sentence = v.sentence
    start, end = aside.own
    unchecked = [x for x in v.claims if x.status != "found"]
    if v.verdict == "unsupported" and (
        not v.claims or any(not start <= x.start < end for x in unchecked)
    ):
        return v
    parts = []
    for spans in (aside.point, aside.granted):
        text = asides.part_text(sentence, spans)
        current, everything = lookup(text)
        parts.append((judge(text, current, everything, rules, policy), spans))
    wrong = [(p, spans) for p, spans in parts if p.verdict in ("conflict", "outdated")]
    if wrong and v.verdict == "unsupported":
        return _placed(*wrong[0], sentence)
    if all(p.verdict == "supported" for p, _ in parts):
        whole = _placed(*parts[0], sentence)
        whole.claims += _placed(*parts[1], sentence).claims
        said = parts[1][0]
        whole.reasons.append(f'"{said.sentence}" is backed by another passage: "{said.quote}"')
        return whole
    return v


def _placed(part: SentenceVerdict, spans: asides.Spans, sentence: str) -> SentenceVerdict:
    """A part's verdict as the whole sentence's: its claims at their place in the sentence."""
    moved = asides.place_claims(spans, part.claims)
    fixed = corrected(sentence, moved) if part.corrected else ""
    return dataclasses.replace(part, sentence=sentence, claims=moved, corrected=fixed)


def summary(verdicts: list[SentenceVerdict]) -> dict[str, Any]:
    """Counts per verdict and the JSON list."""
    counts = {v: sum(1 for x in verdicts if x.verdict == v) for v in VERDICTS}
    return {
        "summary": {
            **counts,
            "sentences": len(verdicts),
            "all_supported": counts["supported"] == len(verdicts) > 0,
        },
        "sentences": [asdict(v) for v in verdicts],
    }
