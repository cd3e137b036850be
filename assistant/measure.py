"""Measure: question -> the words of what its figure measures, and whether a text gives that.

"proven reoffending rate for Barrow?" asks for a rate of proven reoffending; a sentence giving
Barrow's crime rate gives a rate, of something else. "sexual offences total for 2022/23" asks
for a total; a table of rates per 1,000 gives none. A "how many" question's thing counted is
checked in evidence.py (`counts_in_text`); this module decides when no close sentence gives a
number of it (`uncounted`), and reads the other ways a question names a measure: a noun phrase
before a measure word ("X rate", "X total", "X numbers", "X split between ...") or after one
("the number of X", "what % of X").

Its patterns are English, which belongs in language.py; they sit here for now because
language.py is already far over its size, and splitting it into a package by concern is the
next step. They are used by the answer decision (`answer.lacks_what_is_asked`) and by the
decline's wording (`compose.gap_reason`).
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.evidence import Evidence, members_with_figures, splits_by_column
from assistant.query import VALUE_NAMES, counted

# Words that name a measure of something, the something before or after them.
_HEADS = (
    r"rates?|totals?|counts?|numbers?|figures?|levels?|shares?|proportions?|percentages?|"
    r"per ?cent|%|splits?|breakdowns?|stats|statistics"
)
# "the number of people killed", "what % of women", "the rate of reoffending"
_AFTER = re.compile(rf"(?:^|(?<=\s))(?:{_HEADS})\s+of\s+((?:[\w'&/-]+\s*){{1,4}})", re.I)
# "proven reoffending rate", "sexual offences total", "drug offences split between ..."
_BEFORE = re.compile(rf"((?:[\w'&/-]+\s+){{1,4}})(?:{_HEADS})(?![\w%])", re.I)
_HEAD = re.compile(_HEADS, re.I)
# "which ward has the most shoplifting": what is ranked is measured too.
_RANKED = re.compile(
    r"\b(?:most|highest|lowest|biggest|largest|fewest|least)\s+((?:[\w'&/-]+\s*){1,3})", re.I
)
# Words that end a noun phrase read forwards, or start one read backwards.
_BOUNDARY = lang.PHRASE_END | lang.STOPWORDS | lang.CLAUSE_END | {"v", "vs", "versus"}
# A count asked for ("the total", "the number of"): a rate does not answer it ("how many" is
# checked in evidence.py)...
COUNT_ASKED = re.compile(r"\b(?:totals?|number of|numbers)\b", re.I)
# ...and a rate asked for ("rate", "per 1,000", "per head"): a count does not answer it.
RATE_ASKED = re.compile(r"\brates?\b|\bper (?:head|capita|person|resident|\d[\d,]*)\b", re.I)
_RATE_GIVEN = re.compile(
    r"\bper (?:head|capita|person|resident|\d[\d,]*)|\brates?\b|\d%|\bper ?cent\b", re.I
)
_NOT_COUNT = re.compile(r"\bper\s+\d[\d,]*|\d[\d,]*\.\d+|\d[\d,.]*\s?(?:%|per ?cent)", re.I)
# Comparatives and superlatives rank a measure ("the worst crime rate"); they are not its
# subject. The closed class of English comparatives a question ranks with:
_RANKS = frozenset("higher lower larger smaller bigger greater worse better fewer less".split())


def measured_words(question: str) -> tuple[str, ...]:
    """The words of the thing a question's figure measures ("" words when it names none).

    "reoffending rate cumberland v westmorland?" -> ("reoffending",); "the number of people
    killed on our roads" -> ("people", "killed"); "what is the rate?" -> ().
    """
    text = lang.CONTRAST.sub(" ", question)
    words: list[str] = []
    for m in (*_AFTER.finditer(text), *_RANKED.finditer(text)):
        for word in m.group(1).lower().split():
            if word in _BOUNDARY or _moves(word) or _HEAD.fullmatch(word):
                break
            words.append(word)
    for m in _BEFORE.finditer(text):
        phrase: list[str] = []
        for word in reversed(m.group(1).lower().split()):
            if (
                word in _BOUNDARY
                or word in lang.QUESTION_FRAMING
                or lang.DIGIT.search(word)
                or _moves(word)
                or _HEAD.fullmatch(word)  # "total number of": a measure word, not its subject
            ):
                break
            phrase.insert(0, word)
        words += phrase
    words = [w.strip("'-") for w in words]
    return tuple(
        dict.fromkeys(
            w
            for w in words
            if re.search("[a-z]", w) and w not in _RANKS and not lang.SUPERLATIVE.fullmatch(w)
        )
    )


def _moves(word: str) -> bool:
    """True for a verb of change ("change", "fell", "compared"): what a figure did, not what it is.

    Read by the change verbs a question asks with (`language.CHANGE_QUESTION`).
    """
    return bool(lang.CHANGE_QUESTION.search(f"how did it {word}"))


def kind_asked(question: str) -> str:
    """Return "count" or "rate" when a question asks for one and not the other ("" otherwise)."""
    count, rate = bool(COUNT_ASKED.search(question)), bool(RATE_ASKED.search(question))
    if count == rate:
        return ""
    return "count" if count else "rate"


def gives_kind(text: str, kind: str) -> bool:
    """True when a text gives a figure of the kind asked: a rate, or a count (not a rate).

    A text giving both (a count and its rate) gives either; a text with no figure gives
    neither, and is judged elsewhere (`language.gives_value`).
    """
    if not kind:
        return True
    rate = bool(_RATE_GIVEN.search(text)) and lang.has_figure(text)  # "rates" alone gives none
    if kind == "rate":
        return rate
    if not rate:
        return True
    # a count is a whole number ("five priorities" too): not "68.3" or "12%", nor the base of
    # "per 1,000"
    words = set(re.findall(r"[a-z]+", text.lower()))
    return lang.has_figure(_NOT_COUNT.sub(" ", text)) or bool(words & lang.NUMBER_WORDS.keys())


def lacking_measure(evidence: Evidence, min_carry: float) -> tuple[str, ...]:
    """The words of what the question measures that the sentence that would lead lacks.

    The sentence is read with the other sentences of its passage, which name what its figure
    counts ("58% of referrals" follows "64 Prevent referrals").
    A word counts only when the corpus uses it (a colloquial word is judged by its meaning,
    see evidence.py), it is no period or name asked for (those are constraints), and the
    embedding model says it carries at least `min_carry` of the question's meaning: "what %
    of people ..." is not lost on a row that never says "people".
    """
    lead = evidence.lead
    if lead is None:
        return ()
    # the sentence is read in its passage: "58% of referrals" after "64 Prevent referrals"
    passage = frozenset().union(
        *(c.tokens for c in evidence.candidates if c.hit_index == lead.hit_index)
    )
    measured = set(measured_words(evidence.query.text))
    return tuple(
        dict.fromkeys(
            word
            for token, word in evidence.words.items()
            if word.lower() in measured
            and token not in evidence.constrained
            and token not in evidence.unseen
            and evidence.carry.get(token, 0.0) >= min_carry
            and not lang.related_form(token, passage)
        )
    )


def wrong_kind(evidence: Evidence) -> str:
    """The kind of figure asked ("count" or "rate") when the leading sentence gives the other."""
    lead, kind = evidence.lead, kind_asked(evidence.query.text)
    if lead is None or not kind or gives_kind(f"{lead.context} {lead.text}", kind):
        return ""
    return kind


# A figure asked for split between the places named ("drug offences split between Cumberland
# and Westmorland and Furness"); "split by council" names its unit, see query.split_units.
SPLIT_BETWEEN = re.compile(
    r"\b(?:split|broken down|breakdown|break down|divided)\b(?!\s+(?:by|for each|per)\b)", re.I
)


def unsplit(evidence: Evidence) -> bool:
    """True when a figure is asked split between named places and the lead gives it for one.

    The lead must give a figure beside at least two of the names, be a row paired with the
    other place's row, or give figures in columns (see evidence.splits_by_column).
    """
    query, lead = evidence.query, evidence.lead
    names = frozenset(query.names)
    if lead is None or len(names) < 2 or not SPLIT_BETWEEN.search(query.text):
        return False
    if lead.pair is not None or splits_by_column(lead.text):
        return False
    return members_with_figures(f"{lead.context} {lead.label} {lead.text}", names) < 2


# A measured word carrying less of the question's meaning than this (to the embedding model)
# may be missing from the answer: "people" in "what % of people feel safe" carried 0.01-0.02
# on the calibration sets (dev and probes), the words that named another measure ("reoffending"
# beside a crime rate, "killed" beside a crime count, "women" beside all residents) 0.07-0.37.
MIN_CARRY = 0.04


# A question that opens on a verb asks something other than a figure ("is it up?", "list the
# priorities", "tell me about ...").
_VERB_OPENING = re.compile(
    r"^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|should|would|will|list|tell|"
    r"show|give|explain|describe|summari[sz]e|compare|define|name)\b",
    re.I,
)

# ...and so does one that asks on after its noun phrase ("MARAC cases - are they going up?"),
# or asks with a question word run together ("whats the difference ...").
_ASKS_MORE = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had)\s+(?:it|they|that|this|there|those|these|"
    r"we|the)\b|\b(?:what|how|who|where|when|why)s\b",
    re.I,
)


def _asks_more(question: str) -> bool:
    """True when a question is more than a noun phrase: it has a question word or a verb."""
    return any(p.search(question) for p in (lang.OWN_QUESTION, _VERB_OPENING, _ASKS_MORE))


def asks_figure(question: str) -> bool:
    """True when a question is a bare noun phrase naming things to count ("ASB incidents in X?").

    It has no question word and does not open on a verb, and its opening phrase (up to a
    preposition) ends on a plural noun: "push bike thefts in 2023/24?" asks how many.
    """
    if _asks_more(question):
        return False
    head: list[str] = []
    for word in re.findall(r"[a-z][a-z'&/-]*", question.lower()):
        if word in _BOUNDARY:
            break
        head.append(word)
    while len(head) > 1 and head[-1].endswith("ed"):  # "county lines closed in ...": the
        head.pop()  # participle after the noun ends the phrase
    last = head[-1] if head else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "'s"))


def uncounted(evidence: Evidence) -> str:
    """What a question counts, when no close sentence gives a number of it for what is asked.

    The sentence that would lead gives no number of it, and none of the best sentences that
    do carries the periods and groups asked ("398 hate crimes" does not count those against
    under-18s). Which sentence leads is not changed here: a counting sentence close by keeps
    the answer.
    """
    query, lead = evidence.query, evidence.lead
    if lead is None or query.kind != "count" or not query.target or lead.counts:
        return ""
    if any(c.counts and not c.unmet for c in evidence.candidates[: evidence.lead_pool]):
        return ""
    return counted(query)


def wider_figure(evidence: Evidence) -> str:
    """The wider category the leading sentence's figure counts, when a figure is asked ("").

    Asked for sexual offences, "14,440 violence and sexual offences" is a figure for both
    together (`language.wider_category`); a figure asked is one a value, a count or a number
    question asks for, and the sentence must give one.
    """
    query, lead = evidence.query, evidence.lead
    if lead is None or not (query.value or query.kind in ("count", "number")):
        return ""
    if not lang.has_figure(lead.text):
        return ""
    return lang.wider_category(query.text, lead.text)


def measure_gap(evidence: Evidence) -> str:
    """Why the leading sentence gives another measure than the one asked ("" when it doesn't)."""
    if what := uncounted(evidence):
        return f"The closest passage gives no number of \u201c{what}\u201d."
    query, lead = evidence.query, evidence.lead
    bare = not (query.kind or query.value or query.context) and not _asks_more(query.text)
    said = f"{lead.context} {lead.text}" if lead is not None else ""
    # a figure close by, for the period and names asked, keeps the answer (see `uncounted`)
    best = evidence.candidates[: evidence.lead_pool]
    figures = any(lang.has_figure(f"{c.context} {c.text}") and not c.unmet for c in best)
    if bare and lead is not None and asks_figure(query.text) and not figures:
        return "None of the closest passages gives a figure."
    # a bare noun phrase asks what "what is the <phrase>?" would: "cost of the new hub"
    value = lang.asked_value(f"what is the {query.text}") if bare else ""
    if value in ("money", "share") and lead is not None and not lang.gives_value(said, value):
        return f"The closest passage gives no {VALUE_NAMES[value]}."
    if unsplit(evidence):
        return "They don't give this figure separately for each of the places named."
    if kind := wrong_kind(evidence):
        other = "a rate" if kind == "count" else "a count"
        return f"The closest passage gives {other}, not the {kind} asked for."
    if wider := wider_figure(evidence):
        alone = wider.split(" and ", 1)[1]
        return f"The closest passage gives a figure for \u201c{wider}\u201d, not {alone} alone."
    if lacking := lacking_measure(evidence, MIN_CARRY):
        named = " ".join(lacking)
        return (
            f"The closest passage gives a figure for something else: it has no \u201c{named}\u201d."
        )
    return ""
