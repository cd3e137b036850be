"""Counted words, bare months, ordinals: what a figure counts, and the words that date it (pure).

The figure checks compare values; what a figure counts was read only as overlap with the
passage's words near it, so a draft that kept the value and changed the noun ("2,850 children"
where the passage says 2,850 adults, "584 accidental fires" where it says deliberate) was
"supported" (scripts/wording_mutations.py: 48 of 106 mutated drafts still supported were such
noun swaps). Each lower-case word of the noun right after a figure is a claim: the figure's
sentence or table row (or the heading) must use a form of it, or else the passage's own figure
must count nothing the draft leaves out (the draft added a qualifier, it did not swap a word).
Round 6 tried the first half alone and lost faithful wording ("640 people answered" for "640
replies", dev paraphrases 0.904 to 0.827); the second half keeps those. A rate's base ("per
1,000 businesses") is checked against the base the passage writes ("per 1,000 residents").
A month named without a year ("meets in March, June, September and December") is a claim too:
the passage must name that month, and one naming other months only is a conflict; and so is an
ordinal that picks a stretch ("its first nine months", not "second").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant import language as lang
from assistant.claims import Claim, DocFigure, Reading, row_units, subject_start

# Words after a figure that are its unit or a bound, not what it counts: "per 1,000", "or more".
_UNIT_WORDS = frozenset(
    "per cent percent million billion thousand hundred times time year years month months "
    "week weeks day days hour hours or fewer more less over under than around about".split()
)
# Words that end the noun a figure counts: prepositions and linking words ("210 between May").
_ENDS = (
    frozenset(
        "between across during since after before among within against through until "
        "including compared versus like via together instead rather had has have was were is "
        "are be been will would could can may might should must do does did".split()
    )
    | lang.PARTICLES
    | lang.CLAUSE_END
)
_WORD = re.compile(r"[A-Za-z][\w'-]*|[^\sA-Za-z]")


def counted_claims(sentence: str, said: list[Claim], common: frozenset[str]) -> list[Claim]:
    """One claim per lower-case word of the noun each figure counts ("2,850 adults in ...").

    The noun runs from the figure to the first function word or punctuation, at most four
    words: "5,900 extra hours" is cut at "of patrols". Capitalised words (names, read by
    other claims), words ending in -ed or -ing (a verb's forms: "recorded"), unit words and the
    corpus's background words are passed over; a figure that is the earlier value of a change
    or a year counts nothing here.
    """
    taken = [(c.start, c.end) for c in said if c.kind != "number"]
    out = []
    for c in said:
        unit = c.value.unit if c.kind == "number" else "-"
        if c.old or not (unit == "" or unit.startswith("per")):
            continue
        for word, s in _noun_after(sentence, c.end):
            low = word.lower()
            if not _counted_word(word, common) or any(a <= s < b for a, b in taken):
                continue
            if low in _POPULATION and not _RATE_END.search(sentence[c.start : s]):
                continue  # "2,000 people" says no more than "2,300 responses" does
            base = frozenset({"base"}) if _RATE_END.search(sentence[c.start : s]) else frozenset()
            out.append(Claim("counted", word, s, s + len(word), (low, c.start), about=base))
    return out


def _noun_after(sentence: str, end: int) -> list[tuple[str, int]]:
    """The words of the noun phrase right after a figure, with where each starts."""
    out: list[tuple[str, int]] = []
    for m in _WORD.finditer(sentence, end):
        word = m.group(0)
        if not word[0].isalpha():
            if word in ",.;:()" or out:
                break
            continue  # "%" or "£" glued to the figure
        low = word.lower()
        if (low in lang.STOPWORDS or low in _ENDS) and low not in _UNIT_WORDS:
            break
        out.append((word, m.start()))
        if len(out) == 4:
            break
    return out


# What a rate is counted per: "per 1,000 residents", "per 100,000 population".
_RATE_BASE = re.compile(r"\bper\s+(?:[\d,]+|million|head)\s+([a-z]+)", re.I)
# The ways a rate per head of population names its base: one base, whichever word is used.
_POPULATION = frozenset("people persons population residents inhabitants head".split())
_RATE_END = re.compile(r"\bper\s+(?:[\d,]+|million)\s+$", re.I)


def check_counted(
    c: Claim,
    doc: Reading,
    acronyms: dict[str, str],
    sentence: str,
    fig: DocFigure | None,
    near: Callable[[str, list[str]], bool] = lambda word, others: False,
) -> tuple[str, str]:
    """A word of what a figure counts: found, missing, or a conflict (a rate's other base).

    Found where the figure's sentence or row (or the heading) uses the word, short forms
    spelled out; a rate's base other than the passage's is a conflict ("per 1,000 residents").

    A word the passage lacks is missing only where the passage's own figure (`fig`, the one the
    draft's figure was found as) counts something the draft does not name: the draft put its
    word in place of the passage's ("2,850 children" for "2,850 adults"). A qualifier the draft
    adds to a figure whose passage words it all keeps ("1,140 high-risk cases" for "Cases heard
    at MARAC: 1,140") narrows nothing the passage says otherwise, so it is not checked.

    A word the embedding model puts next to a word the passage's figure counts (`near`:
    near_words.NearWord, cosine 0.8) is that word said otherwise: "212 fatalities" for 212
    deaths (0.83), "homes" for houses (0.90). Measured on the model, different counted things
    stay under it: "arrests"/"weapons" 0.32, "offences"/"victims" 0.50, "boys"/"girls" 0.74,
    "offenders"/"criminals" 0.76; so do some words that mean one thing ("replies"/"responses"
    0.69, "shop theft"/"shoplifting" 0.78): those stay unchecked.
    """
    word, _ = c.value
    bases = _RATE_BASE.findall(doc.text) if "base" in c.about else []
    if bases:  # a rate's base: the passage's own ("per 1,000 residents", not businesses)
        same = [b.lower() for b in bases if word in _POPULATION and b.lower() in _POPULATION]
        hit = same or [b for b in bases if lang.same_word(word, b.lower())]
        return ("found", "") if hit else ("conflict", f"per {bases[0].lower()}")
    if fig is None:  # the figure was not found as one of the passage's: its check decides
        return "found", ""
    # where the figure sits: its sentence, or its table row (with caption), and the heading
    units = row_units(doc, fig.unit_index)
    where = " ".join([doc.text.split("\n", 1)[0], *(doc.units[i] for i in sorted(units))])
    if _uses(where, word, acronyms):
        return "found", ""
    mine = lang.terms(lang.mask_editions(sentence))
    # the passage's own words, background ones too ("violence" in a county's safety plans),
    # but not its names ("Cumbria"): a draft may leave a name out without changing the figure
    names = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][a-z]+", doc.units[fig.unit_index])}
    theirs = {w for w in _counts(doc, fig) if not re.search(r"\d", w) and w not in names}
    swapped = [w for w in theirs if not _uses(" ".join(mine), w, acronyms)]
    if swapped and near(word, count_words(doc, fig)):
        return "found", ""  # the draft names what the passage counts in other words
    return ("missing", "") if swapped else ("found", "")


def count_words(doc: Reading, fig: DocFigure) -> list[str]:
    """What a passage's figure counts, as written (lower case): row label and column, or noun."""
    if fig.row >= 0:
        label = re.split(r"\.\s+|:\s+", fig.label)[-1]
        words = _WORD.findall(f"{label} {fig.column}")
        return [w.lower() for w in words if w[0].isalpha() and w.lower() not in lang.STOPWORDS]
    return counted_nouns(doc.units[fig.unit_index], fig.q.end)


def counted_phrase(doc: Reading, fig: DocFigure) -> str:
    """A passage's figure with what it counts, as written: "5,900 extra patrol hours".

    A table cell's figure is given with its row label: "5,900 (Extra patrol hours)".
    """
    value = fig.q.text.strip()
    if fig.row >= 0 and (cell := _cell_noun(doc, fig)):
        return " ".join([value, *cell])
    if fig.row >= 0:
        label = re.split(r"\.\s+|:\s+", fig.label)[-1].strip()
        return f"{value} ({label})"
    words = [w for w, _ in _noun_after(doc.units[fig.unit_index], fig.q.end)]
    return " ".join([value, *words])


def counted_nouns(text: str, end: int) -> list[str]:
    """The words of the noun a figure ending at `end` counts, as written (lower case)."""
    return [w.lower() for w, _ in _noun_after(text, end) if _counted_word(w, frozenset())]


# What a figure counts, as compared: ("month", {}) for a length of time ("nine months"), else
# ("", the words of its noun): ("", {"hotspots"}) for "18 hotspots"; ("", {}) when it says none.
Counting = tuple[str, frozenset[str]]


def _counting(words: list[str], lower: frozenset[str] = frozenset()) -> Counting:
    """A noun's words (as written) read as what a figure counts: a time span or things.

    A capitalised first word counts where the corpus writes it in lower case (`lower`):
    "Weapons seized" opens a label, "Westhaven" is a name.
    """
    spans = [lang.time_span(w) for w in words if lang.time_span(w)]
    if spans:
        return spans[-1], frozenset()
    first = [w.lower() if w[1:].islower() and w.lower() in lower else w for w in words[:1]]
    # a number word is no noun, and a change's verb ends the noun ("offences fell")
    nouns = [
        w
        for w in first + words[1:]
        if not lang.change(f"{w} by") and w.lower() not in lang.NUMBER_WORDS
    ]
    return "", frozenset(w.lower() for w in nouns if _counted_word(w, frozenset()))


def draft_counting(
    sentence: str, q: lang.Quantity, lower: frozenset[str] = frozenset()
) -> Counting:
    """What a draft's figure counts: the noun right after it, else its clause's subject.

    A percentage says what it measures only as a change ("fell by around a fifth": the
    change in the clause's subject); a rate's noun is its base ("per 1,000 residents") and
    other units say nothing here.
    """
    return _text_counting(sentence, q, lower) if not q.unit.startswith("per") else ("", frozenset())


# A change's verb right before its value: "fell by", "down", "rose by".
_CHANGE_BY = re.compile(
    rf"(?:{lang.CHANGE_UP.pattern}|{lang.CHANGE_DOWN.pattern})\s+(?:by\s+)?$", re.I
)


def _text_counting(text: str, q: lang.Quantity, lower: frozenset[str]) -> Counting:
    if q.unit == "%":
        if not _CHANGE_BY.search(text[max(0, q.start - 30) : q.start]):
            return "", frozenset()
    elif q.unit != "" and not q.unit.startswith("per"):
        return "", frozenset()
    own = _counting([w for w, _ in _noun_after(text, q.end)], lower)
    if q.unit != "%" and own != ("", frozenset()):
        return own
    left = subject_start(text, q.start, q.end)
    if opening := _ARTICLE.match(text, left):  # "The ferry delays at the piers fell"
        left = opening.end()
    return ("", _counting([w for w, _ in _noun_after(text, left)], lower)[1])


_ARTICLE = re.compile(r"[\s,;:]*(?:the|a|an|its|their|this|these|those)\s+", re.I)


def doc_counting(doc: Reading, fig: DocFigure, lower: frozenset[str] = frozenset()) -> Counting:
    """What a passage's figure counts: the noun after it, a row label's head, a clause subject.

    A table cell given in a unit of time counts that time ("every six to eight weeks"); else
    a table cell counts what its row label opens with ("ASB incidents in the 18 hotspots": the
    incidents); a figure in its label counts the noun after it (the hotspots). In prose, a
    figure with no noun after it ("fell by 35.9%, from 780 to 500") counts the clause's
    subject ("ASB incidents in the hotspots": the incidents).
    """
    if fig.row >= 0 and fig.column and (span := _cell_span(doc, fig)):
        return span, frozenset()  # the cell's own length of time: "every six to eight weeks"
    if fig.row >= 0 and fig.column:  # the label's head, or the column's ("2023/24 | Arrests")
        label = re.split(r"\.\s+|:\s+", fig.label)[-1]
        own = _counting([w for w, _ in _noun_after(label, 0)], lower)
        column = _counting([w for w, _ in _noun_after(fig.column, 0)], lower)
        return own if own != ("", frozenset()) else column
    if fig.row >= 0:  # a figure of the label itself: "in the 18 hotspots"
        return _counting(
            [w for w, _ in _noun_after(lang.mask_editions(fig.label), fig.q.end)], lower
        )
    return _text_counting(doc.units[fig.unit_index], fig.q, lower)


def _cell_noun(doc: Reading, fig: DocFigure) -> list[str]:
    """The words right after a table cell's figure, in its cell ("every six to eight weeks")."""
    unit = doc.units[fig.unit_index]
    head = f" | {fig.column}: "
    at = unit.find(head)
    return [w for w, _ in _noun_after(unit[at + len(head) :], fig.q.end)] if at >= 0 else []


def _cell_span(doc: Reading, fig: DocFigure) -> str:
    """The unit of time a table cell's figure is given in ("Meets: every six to eight weeks")."""
    return _counting(_cell_noun(doc, fig))[0]


def counts_apart(mine: Counting, theirs: Counting) -> bool:
    """True when one of two figures is a length of time the other is not in.

    A length of time is comparable only with one in the same unit: "nine months" is no other
    value of 500 incidents, nor of "three weeks". A figure that names nothing it counts may be
    compared with any. Two counts of different named things are left to the figures' fit:
    keeping them apart too ("18 hotspots" against 780 incidents) turned conflicts found on a
    wrong pairing into "unsupported" on five calibration drafts for one paraphrase kept.
    """
    (mine_span, mine_words), (their_span, their_words) = mine, theirs
    if not (mine_span or mine_words) or not (their_span or their_words):
        return False
    return (mine_span or their_span) != "" and mine_span != their_span


def _counts(doc: Reading, fig: DocFigure) -> set[str]:
    """What a passage's figure counts: a cell's row label and column; in prose, its noun."""
    if fig.row >= 0:  # the row's own label (not a caption run into it) and its column
        label = re.split(r"\.\s+|:\s+", fig.label)[-1]
        return lang.terms(label) | lang.terms(fig.column)  # "Rate per 1,000 residents"
    return set(counted_nouns(doc.units[fig.unit_index], fig.q.end))


def _counted_word(word: str, common: frozenset[str]) -> bool:
    """True for a word that says what a figure counts (see `counted_claims`)."""
    low = word.lower()
    if word[0].isupper() or re.search(r"(?:ed|ing)$", low) or low in _UNIT_WORDS:
        return False
    return not (low in common or lang.base_word(low) in common or low in lang.STOPWORDS)


def _uses(text: str, word: str, acronyms: dict[str, str]) -> bool:
    """True when a text uses a form of the word, its short forms read as their expansions."""
    low = text.lower()
    for short, long in acronyms.items():
        if re.search(rf"\b{re.escape(short.lower())}\b", low):
            low += f" {long.lower()}"
    have = lang.terms(low)
    return any(lang.same_word(word, w) for w in have) or lang.related_form(word, have)


_MONTH = re.compile(rf"\b({lang.MONTHS})\b")


def month_claims(sentence: str, said: list[Claim]) -> list[Claim]:
    """Each month named without a year that no date or month claim covers."""
    taken = [(c.start, c.end) for c in said if c.kind in ("date", "month")]
    return [
        Claim("monthname", m.group(1), m.start(), m.end(), m.group(1).lower())
        for m in _MONTH.finditer(sentence)
        if not any(a <= m.start() < b for a, b in taken)
    ]


def check_month_name(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Found where the passage names the month; else a conflict or missing.

    A conflict where the passage sentence the draft sits in names other months only.
    """
    if re.search(rf"\b{c.value}\b", doc.text):
        return "found", ""
    unit = doc.units[anchor] if 0 <= anchor < len(doc.units) else ""
    if others := _MONTH.findall(unit):
        return "conflict", ", ".join(dict.fromkeys(others))
    return "missing", ""


_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I
)


# A count after an ordinal: "its first nine months", "the second three years".
_COUNT_AFTER = re.compile(r"^\s+(?:\d|(?:" + "|".join(lang.NUMBER_WORDS) + r")\b)", re.I)


def ordinal_claims(sentence: str, said: list[Claim]) -> list[Claim]:
    """Each ordinal that picks a stretch of time or items: "its first nine months".

    An ordinal inside a figure ("a third", "a tenth") is that figure's; one on its own ("will
    first be reviewed", "the first priority") is left to the sentence's other claims, as
    drafts reword those freely.
    """
    figures = [(c.start, c.end) for c in said if c.kind == "number"]
    return [
        Claim("ordinal", m.group(0), m.start(), m.end(), m.group(1).lower())
        for m in _ORDINAL.finditer(sentence)
        if _COUNT_AFTER.match(sentence[m.end() :])
        and not any(a <= m.start() < b for a, b in figures)
    ]


def check_ordinal(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Found where the passage uses the ordinal; else a conflict or missing.

    A conflict where the passage sentence the draft sits in uses another ordinal only
    ("second" where it says "first").
    """
    if re.search(rf"\b{c.value}\b", doc.text):
        return "found", ""
    unit = doc.units[anchor] if 0 <= anchor < len(doc.units) else ""
    if other := _ORDINAL.search(unit):
        return "conflict", other.group(0)
    return "missing", ""
