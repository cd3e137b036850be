"""Evidence: Query + hits -> Evidence (scored sentences, table rows and list items).

Each sentence of the top passages is read with its document title, section and (for a table
row) caption, and scored by the embedding model against the question plus IDF-weighted overlap
on stems and glossary synonyms. What the passages leave out of the question is weighed by how
much each missing word changes the question's meaning to the embedding model, so no single
everyday word ("runs", "cash", "went") can sink an answer; what the question constrains (the
period, the place or body named) is checked on each sentence as typed values.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from assistant import language as lang
from assistant.cite import split_sentences
from assistant.embed import Embedder
from assistant.lexical import Synonyms
from assistant.near_words import WordVectors, near_words, wordnet_words
from assistant.query import Query, count_phrase, whole_words
from assistant.short_forms import defined_forms, spelled
from assistant.types import Hit

Tokenize = Callable[[list[str]], list[list[str]]]


@dataclass(frozen=True)
class AnswerPolicy:
    """Sizes and weights of the extractive answerer (the abstention decision is in answer.py)."""

    max_sentences: int = 3  # the answer, then at most two supporting sentences
    lead_pool: int = 5  # the first line is chosen among this many best sentences...
    lead_ratio: float = 0.9  # ...scoring at least this share of the best (see compose._lead)
    candidate_hits: int = 10
    kind_hits: int = 10  # passages below those whose sentences count only if of the kind asked
    embed_top: int = 40  # only the lexically best sentences are embedded (latency bound)
    keep_ratio: float = 0.8  # supporting sentences must score this share of the best...
    min_gain: float = 0.15  # ...or cover at least this share of the question not yet covered
    gain_weight: float = 1.0
    redundancy: float = 0.85  # cosine above this to a chosen sentence -> skip it
    lexical_weight: float = 0.5
    type_bonus: float = 0.12  # a sentence of the kind asked for (a count, a change, a list...)
    constraint_weight: float = 0.3  # penalty for a sentence lacking the period / names asked
    old_figure_weight: float = 0.1  # penalty for a figure a current document quotes from an
    # edition it replaced ("this replaces the 2024 strategy's target of 5%")
    focus_rows: int = 8  # table rows re-embedded on the cells asked about (latency bound)
    count_top: int = 5  # "how many X": one of this many best sentences must give a number of X
    max_list_items: int = 12  # items shown for a list answer
    max_importance_words: int = 10  # question words whose weight the model judges


# How near (cosine of the two words' vectors) a question word and a sentence's word starting
# with it must be for the sentence to say it run together with another word: "shop" and
# "shoplifting" 0.54, "road" and "roadside" 0.79; words that merely start alike are further:
# "part"/"partnership" 0.37, "white"/"Whitehaven" 0.38, "home"/"homelessness" 0.38,
# "work"/"Workington" 0.47.
COMPOUND_COSINE = 0.5


@dataclass(frozen=True)
class Cell:
    """One cell of a table row: its column heading and value."""

    column: str
    value: str


@dataclass
class Candidate:
    """A sentence, list intro or table row from one hit, with its score."""

    text: str
    hit_index: int
    position: int
    context: str = ""  # a table row's caption
    before: str = ""  # the sentence before it in the passage
    joined: frozenset[str] = frozenset()  # question words it writes run together ("Shoplifting")
    label: str = ""  # a table row's label (first cell)
    cells: tuple[Cell, ...] = ()  # a table row's other cells
    tokens: frozenset[str] = frozenset()
    lexical: float = 0.0
    cosine: float = 0.0
    score: float = 0.0
    vector: list[float] | None = None
    focus_vector: list[float] | None = None  # a table row cut to the cells asked about
    counts: bool = False  # gives a number of what a "how many" question counts
    items: list[Candidate] = field(default_factory=list)  # the list this sentence introduces
    introduces: bool = False  # ...and it names something the question asks about
    meets: float = 1.0  # share of the question's constraints it carries
    unmet: tuple[str, ...] = ()  # the constraints it does not carry
    gives: bool = True  # gives a value of the type asked for (an amount, a person's name...)
    old_figure: str = ""  # title of the superseded edition whose figure the sentence quotes
    says_more: bool = True  # says something the question doesn't (not an echo of its words)
    pair: Candidate | None = None  # the row of the same table for the other side weighed

    @property
    def is_row(self) -> bool:
        """True for a table row."""
        return bool(self.cells)

    @property
    def is_item(self) -> bool:
        """True for a list item."""
        return self.text.startswith("- ")


_CELL_BREAK = re.compile(r"; (?=[A-Z0-9][^:;|]{0,60}: )")


def parse_row(line: str) -> tuple[str, tuple[Cell, ...]]:
    """Split a linearised table row "label | Column: value; Column: value" into fields."""
    label, _, rest = line.partition(" | ")
    cells = []
    for cell in _CELL_BREAK.split(rest):
        column, sep, value = cell.partition(": ")
        cells.append(Cell(column.strip(), value.strip()) if sep else Cell("", cell.strip()))
    return label.strip(), tuple(cells)


def _candidates(hits: list[Hit]) -> list[Candidate]:
    out = []
    for h_i, hit in enumerate(hits):
        caption = ""
        intro: Candidate | None = None
        previous = ""
        for pos, sentence in enumerate(split_sentences(hit.chunk.text)):
            before, previous = previous, sentence
            is_row, is_item = " | " in sentence, sentence.startswith("- ")
            if not is_row:
                caption = sentence if len(sentence) < 200 else ""
            if lang.CAPTION.match(sentence) or (not is_row and not is_item and len(sentence) < 25):
                continue
            cand = Candidate(sentence, h_i, pos, before=before)
            if is_row:
                cand.context = caption
                cand.label, cand.cells = parse_row(sentence)
            if is_item and intro is not None:
                intro.items.append(cand)
            elif not is_item:
                intro = cand if sentence.endswith(":") else None
            out.append(cand)
    return out


def stated(query: Query) -> frozenset[str]:
    """The figures the question itself states (they are not its answer)."""
    return lang.stated_numbers(query.text)


def fits(
    cand: Candidate, kind: str, target: str = "", quoted: frozenset[str] = frozenset()
) -> bool:
    """True when the sentence is of the kind the question asks for.

    A figure the question states (`quoted`, see `stated`) is not the figure it asks for.
    """
    if kind == "count":
        return cand.counts
    if kind == "define":  # "Channel is the programme..." says what Channel is
        return not cand.is_row and defines(cand.text, target)
    if kind == "change":  # a change stated, or the figures it is read from
        return bool(lang.CHANGE.search(cand.text)) or gives_series(cand)
    if kind == "list":
        return cand.introduces
    if kind == "row":
        return cand.is_row
    if kind == "compare":  # the two figures compared, or a series of one measure
        return lang.figure_count(drop_numbers(cand.text, quoted)) >= 2 or gives_series(cand)
    if kind == "date":  # a year that names a document's edition ("the 2024 strategy") is no date
        return bool(lang.ANY_DATE.search(lang.DATED_TITLE.sub(" ", cand.text)))
    return kind == "number" and lang.has_figure(drop_numbers(cand.text, quoted))


def says_start(cand: Candidate, query: Query) -> bool:
    """False when a question asks when something began and the sentence says nothing began."""
    return not lang.asks_start(query.text) or bool(
        lang.START_SAID.search(f"{cand.context} {cand.text}")
    )


def dates_other_event(cand: Candidate, query: Query) -> str:
    """The kind of event a sentence dates when a "when" question asks another ("" if none).

    "what date did the CSP publish its strategy?" is not answered by "The CSP was launched on
    4 August 2023": it dates the launch (see `lang.other_event`).
    """
    return lang.other_event(query.text, f"{cand.context} {cand.text}")


def unnamed_body(query: Query, around: str, text: str) -> tuple[str, ...]:
    """The body a "who chairs / who runs X?" question names, when a sentence does not name it.

    A role given for another body is not the one asked: "who chairs the domestic abuse
    board?" is not answered by "the two partnerships jointly lead this priority". The body
    may be named by the sentence, the one before it ("It is chaired by ..."), its row or its
    headings; a sentence saying a body of the kind asked is chaired by someone ("The Harbour
    Board is chaired by ...") may name it in other words ("the port board").
    """
    if query.value not in ("role", "person"):
        return ()
    said = f"{around} {text}"
    return tuple(
        " ".join(b)
        for b in lang.role_bodies(query.text)
        if not lang.names_body(said, b) and not lang.holds_role_of_kind(text, b[1])
    )


def gives_series(cand: Candidate) -> bool:
    """True when a sentence gives one measure's figures for two periods or more.

    A direction is read from the figures as well as the verbs: a row "2021/22: 1,020;
    2022/23: 1,090" or a sentence "from 48 in 2022 to 67 in 2023" shows which way it went.
    """
    if cand.is_row:
        dated = [c for c in cand.cells if lang.periods(c.column) and lang.has_figure(c.value)]
        return len(dated) >= 2
    return bool(lang.FROM_TO.search(cand.text))


def series_way(cand: Candidate) -> str:
    """Which way a table row's run of periods goes, first to last: "up", "down" or ""."""
    dated = sorted(
        (max(lang.periods(c.column)), v)
        for c in cand.cells
        if lang.periods(c.column) and (v := figure(c.value)) is not None
    )
    if len(dated) < 2 or dated[0][1] == dated[-1][1]:
        return ""
    return "up" if dated[-1][1] > dated[0][1] else "down"


def defines(text: str, name: str) -> bool:
    """True when a sentence opens on the name asked about and says what it is.

    "The Lighthouse scheme is a..." defines "lighthouse scheme"; "A Lighthouse panel is a
    meeting...", "The scheme is for..." and "Funding for the Lighthouse scheme is..." do not:
    the whole name must be the sentence's subject.
    """
    copula = lang.COPULA.search(text)
    if not copula or not name:
        return False
    words = re.findall(r"[a-z][\w'-]*", text[: copula.start()].lower())
    subject = [w for w in words if w not in ("the", "a", "an")]
    named = [w for w in name.split() if w not in lang.STOPWORDS]
    return (
        0 < len(subject) <= len(named) + 1
        and lang.same_word(subject[-1], named[-1])
        and all(any(lang.same_word(s, w) for s in subject) for w in named)
    )


def gives_count(text: str, noun: str) -> bool:
    """True when the text states a number of `noun`: "41 referrals", "referrals: 41", "of 210".

    Money, percentages, decimals (rates) and years are not counts, and the number and the noun
    must share a clause ("in nine months, and officers made..." counts no officers).
    """
    clauses = lang.CLAUSE_BREAK.split(lang.YEAR.sub(" ", text.lower()))
    return any(_clause_counts(lang.COUNT_TOKEN.findall(c), noun) for c in clauses)


def counts_in_text(
    cand: Candidate, query: Query, narrow: list[str], said_as: tuple[str, ...] = ()
) -> bool:
    """True when a sentence gives a number of what a "how many" question counts.

    The number must be of the thing counted, the sentence as read (with its headings and
    synonyms) must name the narrowest word of it (`narrow`, its tokens: "knife" in "knife
    offences"; "4,312 serious violence offences" does not count knife offences), and it must
    not be a number the question itself states: "how many of the 212 offences involved
    children?" is not answered by "there were 212 offences". `said_as`: the passages' words
    for the counted noun, where the model puts them near it ("children" for "kids").
    """
    if not all(lang.related_form(t, cand.tokens) for t in narrow):
        return False
    text = drop_numbers(f"{cand.context} {cand.text}", stated(query))
    return any(gives_count(text, noun) for noun in (query.target, *said_as))


def counts_anything(cand: Candidate, query: Query) -> bool:
    """True when a sentence (or a row's cells) gives a whole number the question does not state.

    For a "how many of X ..." question, which names no noun of its own to count: a list's
    number, a share or a year is no answer; the rest of the question is judged by the scores.
    """
    numbers = stated(query)
    cells = [c.value.strip() for c in cand.cells if c.value.strip() not in numbers]
    if any(re.fullmatch(r"\d[\d,]*", v) for v in cells):
        return True
    text = drop_numbers(cand.text, numbers)
    return any(
        _counts_a_noun(lang.COUNT_TOKEN.findall(c))
        for c in lang.CLAUSE_BREAK.split(lang.YEAR.sub(" ", text.lower()))
    )


def _counts_a_noun(toks: list[str]) -> bool:
    """True when a number in figures counts something: a word, no function word, follows it.

    "840 replies" counts replies; "Part 4 of the Act" counts nothing. A number in words is
    mostly a description ("the two councils"), not a count given.
    """
    return any(
        re.fullmatch(r"\d[\d,]*", tok)
        and toks[i + 1 : i + 2]
        and toks[i + 1] not in lang.STOPWORDS
        and re.fullmatch(r"[a-z][a-z'-]*", toks[i + 1])
        for i, tok in enumerate(toks)
    )


def refers_back(cand: Candidate) -> bool:
    """True when a sentence names no period and speaks of what the sentence before names.

    "Race was a factor in 64% of them" after "The police recorded 398 hate crimes in 2023/24"
    gives a 2023/24 share: the period and place of the sentence it leans on are its own.
    """
    return (
        bool(cand.before)
        and not cand.is_row
        and not lang.periods(cand.text)
        and bool(lang.LEANS_BACK.search(cand.text))
    )


def leaned_period(
    query: Query, cand: Candidate, text: str, heading: str, passage: str = ""
) -> tuple[float, tuple[str, ...]]:
    """`meets`, with the period of the sentence a sentence leans on (see `refers_back`).

    Only the period: "these hotspots" after a list of ten towns is not about one of them. But
    what a follow-up takes from the earlier turn is what the conversation is about: "how many
    of the wards hold one of those?" after a question on areas in the bottom 10% in England is
    answered by "11 of the wards contain one of those areas" in the passage giving them.
    """
    _, leaned = meets(query, f"{cand.before} {text}", heading)
    periods = {c.text for c in query.constraints if c.kind == "period"}
    taken = set(query.inherited) - periods  # a period leans on the sentence before only
    _, unsaid = meets(query, passage, heading) if taken else ((), ())
    unmet = tuple(
        u
        for u in cand.unmet
        if (u not in periods or u in leaned) and (u not in taken or u in unsaid)
    )
    return met_share(unmet, query), unmet


def drop_numbers(text: str, numbers: frozenset[str]) -> str:
    """The text without the given numbers (as written, "1,240"), each as a whole number."""
    if not numbers:
        return text
    alts = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
    return re.sub(rf"(?<![\d,.])(?:{alts})(?![\d]|[,.]\d)", " ", text)


def row_counts(cand: Candidate, nouns: tuple[str, ...]) -> bool:
    """True when a table row counts what is asked: its label, caption or a heading names it.

    `nouns` are the words of what is counted ("shoplifting offences"): a row labelled
    "Shoplifting" counts shoplifting offences. One of its cells must hold a whole number
    ("Eastmere (thefts recorded) | 2024: 49").
    """
    if not cand.is_row:
        return False
    named = f"{cand.context} {cand.label} " + " ".join(c.column for c in cand.cells)
    words = re.findall(r"[a-z]+", named.lower())
    wanted = [n for n in nouns if n not in lang.STOPWORDS]
    return any(lang.same_word(w, n) for w in words for n in wanted) and any(
        re.fullmatch(r"\d[\d,]*", c.value.strip()) for c in cand.cells
    )


def compound_row_counts(cand: Candidate, narrow: list[str]) -> bool:
    """True when a row's label says what is counted run together ("shop" in "Shoplifting").

    The words were read into the row by `EvidenceScorer._compounds`; a cell holds a whole number.
    """
    return (
        cand.is_row
        and bool(narrow)
        and all(t in cand.joined for t in narrow)
        and any(re.fullmatch(r"\d[\d,]*", c.value.strip()) for c in cand.cells)
    )


def _clause_counts(toks: list[str], noun: str) -> bool:
    for i, tok in enumerate(toks):
        if tok not in lang.NUMBER_WORDS and not re.fullmatch(r"\d[\d,]*", tok):
            continue
        if any(lang.same_word(w, noun) for w in toks[i + 1 : i + 5]):
            return True
        before = toks[max(0, i - 7) : i]
        if i and toks[i - 1] in lang.BEFORE_COUNT and any(lang.same_word(w, noun) for w in before):
            return True
    return False


def latest_year(cand: Candidate) -> int:
    """The last year of the latest period a sentence (or a row with its cells) gives (0: none)."""
    return max((last for _, last in _periods_given(cand)), default=0)


def recent_run(cand: Candidate, change: bool) -> tuple[int, int]:
    """How recent a sentence's figures are, then how many periods it gives (asked a change).

    "Still rising?" is shown by a run of years ending at the latest ("2021/22: 8,310;
    2022/23: 8,520; 2023/24: 8,640") better than by one step ("41%, up from 38%").
    """
    if not change:
        return latest_year(cand), 0
    # "the 2024 strategy" names an edition, not a year of the run
    return latest_year(cand), len(_periods_given(cand, lang.DATED_TITLE))


def _periods_given(cand: Candidate, drop: re.Pattern[str] | None = None) -> set[tuple[int, int]]:
    cells = " ".join(f"{c.column} {c.value}" for c in cand.cells)
    text = f"{cand.label} {cand.text} {cells}"
    return lang.periods(drop.sub(" ", text) if drop else text)


def focus_cells(cand: Candidate, asked: set[str], tokenize: Tokenize) -> tuple[Cell, ...]:
    """The cells of a row whose heading or value shares a word with the question (all if none).

    A row's period columns count when the question asks for that period.
    """
    if len(cand.cells) < 2:
        return cand.cells
    toks = tokenize([f"{c.column} {c.value}" for c in cand.cells])
    kept = tuple(c for c, t in zip(cand.cells, toks, strict=True) if asked & set(t))
    return kept if kept else cand.cells


def _offered(cands: list[Candidate], kind: str, depth: int) -> list[Candidate]:
    """The sentences of the first `depth` passages, and of deeper ones those of the kind asked.

    Deeper passages offer a change, a date or a list (with its items), not counts: a count from
    an unrelated passage would let a "how many" question the documents don't answer through.
    """
    kept = [
        c
        for c in cands
        if c.hit_index < depth
        or (kind in ("change", "date") and fits(c, kind))
        or (kind == "list" and len(c.items) >= 2)
    ]
    wanted = {id(c) for c in kept} | {id(it) for c in kept for it in c.items}
    return [c for c in cands if id(c) in wanted]


def coverage(weights: dict[str, float], found: set[str] | frozenset[str]) -> float:
    """IDF-weighted share of the question's terms among `found`."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in found) / total if total else 0.0


def unit_mean(vectors: list[list[float]]) -> list[float]:
    """The normalised mean of unit vectors (a list embedded as the bag of its lines)."""
    total = [sum(col) for col in zip(*vectors, strict=True)]
    norm = math.sqrt(sum(x * x for x in total)) or 1.0
    return [x / norm for x in total]


def cos(a: list[float], b: list[float]) -> float:
    """Cosine of two unit vectors.

    The products are summed one by one, in order, as `sum` over them always was: the same
    float, bit for bit, faster. A stored vector's numbers are numpy floats (each vector's are
    of one type), and so is then the cosine; numpy's cumulative sum adds in order (its dot
    product does not).
    """
    if not (a and b):
        return 0.0
    if len(a) != len(b):
        raise ValueError("cos: vectors of different lengths")
    kinds = {type(a[0]), type(b[0])}
    if np.float64 not in kinds or not kinds <= {float, np.float64}:
        return sum(map(operator.mul, a, b))
    total = np.cumsum(np.array(a, dtype=np.float64) * np.array(b, dtype=np.float64))[-1]
    return total if total else sum(map(operator.mul, a, b))  # 0 + -0.0 is 0.0 for `sum`


def meets(query: Query, text: str, heading: str = "") -> tuple[float, tuple[str, ...]]:
    """Share of the query's constraints a text carries, and the ones it does not.

    A period is met when the text names a period that contains it; a name when the text or its
    heading uses the word (any case). The periods of the heading (a document's title, its
    section) count only when the text names none: "4,922 in 2022/23" in a 2024-25 agreement is
    a 2022/23 figure. When a value is asked for, a heading's span of several years is the time
    a plan covers, not the year of a figure: "Plan 2024-2028" does not give a figure for 2024;
    nor does a plan's name quoted in the text ("raised in the consultation on the Plan
    2024-2028"), whatever is asked.
    A financial year asked for is also met by a month in it ("at 31 March 2025" for 2024/25).
    """
    if not query.constraints:
        return 1.0, ()
    own, headed = lang.periods(text), lang.periods(heading)
    value = bool(value_asked(query))
    words = set(lang.name_words(f"{heading} {text}"))
    unmet = []
    for c in query.constraints:
        mine = own - (lang.plan_spans(text) - c.periods)  # "Plan 2024-2028" dates no figure
        given = mine or (_heading_periods(headed, c.periods) if value else headed)
        if c.kind == "group":  # a word of the part asked about ("women"), any ending; a number
            stem = c.text[:-1] if len(c.text) > 3 and c.text.endswith("s") else c.text
            end = r"(?!\d)" if stem.isdigit() else ""  # "18" is not "186"
            ok = bool(re.search(rf"(?i)(?<!\w){re.escape(stem)}{end}", f"{heading} {text}"))
        elif c.kind == "split":  # by the unit asked: it names the unit, or two of its members
            ok = (  # each with a figure of its own, or it is a row giving figures for two
                any(lang.same_word(c.text, w) for w in words)  # columns other than periods;
                and bool(lang.DIGIT.search(lang.YEAR.sub(" ", text)))  # a breakdown gives figures
                or members_with_figures(text, c.among - set(query.names)) >= 2
                or len(member_figures(text, c.among - set(query.names))) >= ENUMERATED
                or splits_by_column(text)
            )
        elif c.kind != "period":  # a name, and not only inside a wider one ("England and
            ok = c.text in words and not lang.only_within_wider(  # Wales" for "England")
                c.text, f"{heading} {text}", query.text
            )
        elif all(last == first + 1 for first, last in c.periods):  # financial years asked
            ok = lang.periods_meet(c.periods, given | lang.financial_years(text))
        else:
            ok = lang.periods_meet(c.periods, given)
        if not ok:
            unmet.append(c.text)
    return met_share(unmet, query), tuple(unmet)


def members_with_figures(text: str, members: frozenset[str], reach: int = 5) -> int:
    """How many of the names a text gives each beside a figure of its own (periods aside).

    "1,900 alarms in Northvale and 1,250 in Eastmere" gives two; "work in Northvale and in
    Eastmere" none; "Northvale and Eastmere fitted 3,150" one figure, so one.
    """
    tokens = re.findall(r"\d[\d,.]*%?|[a-z][a-z']+", lang.YEAR.sub(" ", text.lower()))
    figures = [i for i, t in enumerate(tokens) if t[0].isdigit()]
    names, near = set(), set()  # the names with a figure in reach, and those figures
    for i, token in enumerate(tokens):
        if (name := lang.base_word(token)) in members and (
            mine := {f for f in figures if abs(f - i) <= reach}
        ):
            names.add(name)
            near |= mine
    return min(len(names), len(near))  # as many as there are both names and figures for


# Members a sentence must give figures for, clause by clause (`member_figures`), to break a
# figure down by them when its figures may be words ("Northvale has four; Eastmere three..."):
# two would take "Notes: ... the two Channel panels" in a row for a breakdown.
ENUMERATED = 3


def member_figures(text: str, members: frozenset[str]) -> list[tuple[str, float]]:
    """The names a sentence gives a figure of its own each, with that figure, in order.

    A sentence can give what a table's rows would: "Northvale has five sites; Eastmere has
    three" or "five in Northvale, three in Eastmere and two in Southby". Each clause (cut at
    semicolons, then at commas and "and" where it gives more than one figure) pairs the names
    in it with its one figure; a clause of several figures pairs none ("10 of the 18 are in
    Northvale").
    """
    return [(name, value) for name, value, _ in _member_clauses(text, members)]


def _member_clauses(text: str, members: frozenset[str]) -> list[tuple[str, float, str]]:
    """(name, figure, the clause giving it) for each name `member_figures` pairs."""
    out: dict[str, tuple[float, str]] = {}
    for part in text.split(";"):
        pieces = [part] if len(_figures(part)) <= 1 else re.split(r",|\band\b", part)
        for piece in pieces:
            found = _figures(piece)
            if len(found) != 1:
                continue
            for token in re.findall(r"[a-z][a-z']+", piece.lower()):
                if (name := lang.base_word(token)) in members:
                    out.setdefault(name, (found[0], part.strip()))
    return [(name, value, clause) for name, (value, clause) in out.items()]


def _figures(text: str) -> list[float]:
    """The figures of a clause, with a lone "one" held ("Eastmere has one", "one each")."""
    found = [q.value for q in lang.quantities(text)]
    return found or ([1.0] if lang.HELD_ONE.search(text) else [])


def extreme_clause(cand: Candidate, query: Query) -> str:
    """The clause of an enumerating sentence (`enumerates`) giving the member at the end asked.

    "Eastmere has two sites; Northvale has four; Westbrook has three", asked which has most:
    "Northvale has four". Empty when that clause opens the sentence (it leads as it is).
    """
    if not enumerates(cand, query):
        return ""
    given = _member_clauses(cand.text, _members(query))
    pick = max if lang.asked_end(query.text) == {"most"} else min
    clause = pick(given, key=lambda g: g[1])[2]
    if cand.text.startswith(clause):
        return ""
    clause = re.sub(r"^(?:and|but|while|whereas)\s+", "", clause.rstrip(" .;,"), flags=re.I)
    return clause[:1].upper() + clause[1:] + "."


def enumerates(cand: Candidate, query: Query) -> bool:
    """True when a sentence gives figures for members of the unit a superlative asks about.

    "Which town has the most sites?" is answered by "Northvale has five sites; Eastmere has
    three" as by a table of sites by town: at least two members, with different figures.
    """
    if cand.is_row or cand.unmet or len(lang.asked_end(query.text)) != 1:
        return False
    return len({v for _, v in member_figures(cand.text, _members(query))}) >= 2


def _members(query: Query) -> frozenset[str]:
    """The names that may be members of the unit a question asks a figure broken down by."""
    units = [c for c in query.constraints if c.kind == "split"]
    return frozenset().union(*(c.among for c in units)) - set(query.names)


def enumeration_first(cands: list[Candidate], query: Query, pool: int) -> list[Candidate]:
    """Put first the sentence giving each member's figure, asked which member is at one end.

    Among the `pool` best, when no table row gives a figure for what is asked (a table is read
    by `Evidence._extreme_row`): "Most sites are in town centres" does not say which town has
    most, "Northvale has four sites; Eastmere has three" does.
    """
    if tabled(cands):
        return cands
    listed = next((c for c in cands[:pool] if enumerates(c, query)), None)
    return cands if listed is None else [listed] + [c for c in cands if c is not listed]


def tabled(cands: list[Candidate]) -> bool:
    """True when a table row among the sentences gives a figure and lacks nothing asked."""
    return any(c.is_row and not c.unmet and _gives_figure(c) for c in cands)


def _gives_figure(row: Candidate) -> bool:
    return any(figure(cell.value) is not None for cell in row.cells)


def names_listed(intro: Candidate, listed: str) -> bool:
    """True when a list's intro, or two of its items, name the thing a list question asks for."""

    def says(text: str) -> bool:
        return any(lang.same_word(w, listed) for w in re.findall(r"[a-z]+", unowned(text)))

    return says(intro.text) or sum(says(i.text) for i in intro.items) >= 2


def pair_rows(cands: list[Candidate], query: Query) -> None:
    """Pair the rows of one table that each give a side the question weighs.

    "rate per head - Northvale v Eastmere" is answered by two rows of one table, each labelled
    by one place: together they carry both names, so neither lacks the other's; the answer
    gives them side by side (`Candidate.pair`).
    """
    names = {c.text for c in query.constraints if c.kind == "name"}
    rows = [c for c in cands if c.is_row and set(c.unmet) & names]
    for row in rows:
        lacking = set(row.unmet) & names
        for other in cands:
            same = other.is_row and other is not row and other.hit_index == row.hit_index
            if (
                same
                and other.context == row.context
                and lacking <= set(lang.name_words(other.label))
            ):
                row.unmet = tuple(u for u in row.unmet if u not in lacking)
                row.meets = met_share(row.unmet, query)
                row.pair = other
                break


def met_share(unmet: tuple[str, ...] | list[str], query: Query) -> float:
    """Share of a question's constraints a sentence carries, given those it does not.

    Only constraints count: a blank cell or a whole a part is asked of, also listed as unmet,
    lowers no share below what the constraints give.
    """
    if not query.constraints:
        return 1.0
    asked = {c.text for c in query.constraints}
    return 1 - len(set(unmet) & asked) / len(asked)


def rows_by_label(cands: list[Candidate], query: Query) -> None:
    """A row names the place asked for in its own label when another row of its table does.

    In a table of deaths "in Northvale, alongside the county and national figures", the caption
    names Northvale for every row, but only the row labelled "Northvale" gives its figure: a row
    of one table labelled otherwise lacks the name (unless `pair_rows` pairs it later).
    """
    names = {c.text for c in query.constraints if c.kind == "name"}
    rows = [c for c in cands if c.is_row and c.label]
    for row in rows:
        own = set(lang.name_words(row.label))
        lacking = {
            n
            for n in names - own - set(row.unmet)
            if any(
                o is not row
                and o.hit_index == row.hit_index
                and o.context == row.context
                and n in lang.name_words(o.label)
                for o in rows
            )
        }
        if lacking:
            row.unmet += tuple(sorted(lacking))
            row.meets = met_share(row.unmet, query)


def splits_by_column(text: str) -> bool:
    """True when a table row gives figures in two columns that are not only periods.

    "Victims under 25 | 2024 strategy: 34%; 2025 refresh: 31%" is broken down by edition;
    "Kits | 2023/24: 1,100; 2024/25: 1,240" only by year, which a breakdown by town is not.
    """
    if " | " not in text:
        return False
    cells = parse_row(text)[1]
    return (
        sum(
            bool(lang.DIGIT.search(c.value)) and bool(lang.terms(lang.YEAR.sub(" ", c.column)))
            for c in cells
        )
        >= 2
    )


def _heading_periods(
    headed: set[tuple[int, int]], asked: frozenset[tuple[int, int]]
) -> set[tuple[int, int]]:
    """A heading's periods that can date a value: single or financial years, or the span asked."""
    return {p for p in headed if p[1] - p[0] <= 1 or p in asked}


def unknown_body(query: Query, top: list[Hit]) -> str:
    """A body the question names that none of the passages names ("" when they all are).

    "the youth violence commission" over passages that name no commission is a body the
    documents don't have, however close their words; "the serious violence partnership" over
    passages naming the Safer Cumbria Partnership may be a paraphrase of a body they have,
    unless the question writes it as a proper name ("the Serious Violence Partnership"): that
    names one body, which no passage names. The body is returned as the question writes it.
    """
    bodies = lang.bodies_named(query.text)
    if not bodies:  # most questions name none: nothing to read in the passages
        return ""
    texts = [f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in top]
    kinds = {  # the kinds of body the passages name: "... Partnership" makes partnerships known
        m.group(0).split()[-1].lower().rstrip("s")
        for t in texts
        for m in lang.BODY_NAME.finditer(t)
    }
    for body in bodies:
        proper = lang.written_as_name(query.text, body)  # "the Harbour Safety Board"
        if (body[1] not in kinds or proper) and not any(lang.names_body(t, body) for t in texts):
            return lang.body_as_said(query.text, " ".join(body))
    return ""


def unknown_local_body(query: Query, top: list[Hit], synonyms: Synonyms) -> str:
    """A place's body, named by a short form, that no passage names ("" when none is).

    "the Eden CSP" (a place the corpus names, then a glossary short form spelling out a body,
    "community safety partnership") over passages that write neither "Eden CSP" nor "Eden
    community safety partnership" is a body the documents don't have: they may have the CSP
    of another place. Returned as the question writes it.
    """
    texts = " ".join(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in top)
    for name in query.names:
        for m in re.finditer(rf"(?i)\b{re.escape(name)}\s+([a-z]{{2,6}})\b", query.text):
            short = m.group(1)
            long = synonyms.spell_out(short.upper())
            if not long or not lang.bodies_named(long):
                continue
            forms = "|".join(re.escape(f) for f in (short, long))
            if not re.search(rf"(?i)\b{re.escape(name)}\s+(?:{forms})s?\b", texts):
                return m.group(0)
    return ""


def denied_body(query: Query, top: list[Hit]) -> str:
    """A sentence saying there is no body the question asks who holds or runs ("" otherwise).

    "who chairs the harbour violence unit?" over passages that name that unit only to say the
    county "does not have a Harbour Violence Unit" asks about a body the documents say is
    absent: every sentence naming it says so (a negation before the name, in its sentence).
    The first such sentence is returned, to say what the documents do say. A question asking
    a value of the body ("how much does the harbour violence unit get?") is read the same way:
    there is no such value. "What is X?" is not: that X is absent answers it.
    """
    asks_value = bool(value_asked(query)) or query.kind in ("count", "number")
    if not asks_value and not re.search(r"(?i)\bwho\b", query.text):
        return ""
    texts = [f"{h.chunk.title}. {h.chunk.text}" for h in top]
    for body in lang.bodies_named(query.text):
        said = [s for t in texts for s in split_sentences(t) if lang.names_body(s, body)]
        denied = [s for s in said if lang.denies_body(s, body)]
        if said and len(denied) == len(said):
            return denied[0]
    return ""


def short_forms_in(
    query: Query, top: list[Hit], known: Synonyms, words: frozenset[str]
) -> Synonyms:
    """The short forms a question makes up, read as the passages spell them (short_forms.py).

    "the SV strategy" over passages about the serious violence strategy reads "SV" as "serious
    violence"; "KSIs" where the passages write "KSI" is its plural. The glossary's acronyms
    are known already; one the passages define ("Drug and Alcohol Action Team (DAAT)") reads
    as the name defined too.
    """
    texts = [f"{h.chunk.title}. {h.chunk.text}" for h in top]
    text = " ".join((query.text, *query.context))
    pairs = spelled(text, texts, known.knows, words) + defined_forms(text, texts, known.knows)
    return Synonyms.from_pairs(pairs)


def unowned(text: str) -> str:
    """A text lower-cased without its possessives: "the board's aims are" lists no boards."""
    return re.sub(r"\b[a-z]+['’]s\b", " ", text.lower())


def value_asked(query: Query) -> str:
    """The type of value an answer must give: a "how many" question asks for a figure."""
    return query.value or ("figure" if query.kind == "count" else "")


def figure(value: str) -> float | None:
    """The first figure of a table cell as a value ("£1.2m" 1200000.0), None when it has none."""
    found = lang.quantities(value)
    return found[0].value if found else None


def gave(cand: Candidate, answered: str) -> bool:
    """True when a table row is the one an earlier answer gave (its label opens the answer).

    "is that up on the year before?" after "Pier theft, 2023/24: 412" asks about that row,
    whose other cells give the year before. The sentence an answer gave is no such help: it
    gave one figure, and the question asks for another.
    """
    if not answered or not cand.is_row or not cand.label:
        return False
    return answered.lower().startswith(f"{cand.label.lower()},")


def opposes(query: Query, cand: Candidate) -> bool:
    """True when a sentence names only the other end of the scale a question asks for.

    "Which town had the fewest thefts?" is not answered by "Northvale had the most thefts";
    a sentence naming both ends, or neither, may answer it.
    """
    asked = lang.asked_end(query.text)
    ends = lang.directions(cand.text) if len(asked) == 1 else frozenset()
    return bool(ends) and not ends & asked


def blank_cells(cand: Candidate, query: Query) -> tuple[str, ...]:
    """The periods asked for whose cells in a table row hold no figure ("2024: Not shown").

    Asked for a figure, a column spanning the period counts too: "Ambition for 2024-2027:
    Maintain reach" gives no figure for 2024/25, whatever figure another cell gives its own year.
    """
    figure = value_asked(query) == "figure"
    blank = []
    for c in query.constraints:
        if c.kind != "period":
            continue
        cells = [
            x
            for x in cand.cells
            if (columns := lang.periods(x.column)) & c.periods
            or figure
            and lang.periods_meet(c.periods, columns)
        ]
        if cells and not any(lang.DIGIT.search(x.value) for x in cells):
            blank.append(c.text)
    return tuple(blank)


# Two sentences whose shares of the question's meaning differ by less than this lack the same:
# a stray word ("Head of Partnerships" for "who heads") does not outrank a better score.
LACK_TOLERANCE = 0.02
# A sentence answers a question that asks for no particular value only when it has at least
# this many words of its own (not the question's, not figures): "Title | Value: Harbour Plan"
# only names what "what is the harbour plan?" asks about.
MIN_NEW = 3


@dataclass
class Evidence:
    """Scored sentences, and what the top passages leave out of the question."""

    query: Query
    candidates: list[Candidate]
    coverage: float  # IDF-weighted share of the question's terms found in the top passages
    missing: list[tuple[float, str]]  # (weight, question word) absent from the top passages
    missing_share: float = 0.0  # share of the question's meaning those words carry
    weights: dict[str, float] = field(default_factory=dict)  # question token -> weight
    has_count: bool = True  # a "how many" question: one of the best sentences gives a number
    carry: dict[str, float] = field(default_factory=dict)  # question token -> share of meaning
    constrained: frozenset[str] = frozenset()  # tokens of the periods and names asked for
    unsought: frozenset[str] = frozenset()  # a comparison's words ("worse"): figures say them
    lead_pool: int = 1  # the first line is chosen among this many best sentences (see `lead`)
    lead_ratio: float = 1.0
    unknown_body: str = ""  # a body the question names that no passage names ("x commission")
    denied_body: str = ""  # the sentence saying there is no body the question asks about
    published: tuple[str, ...] = ()  # the publication date of each top passage's document
    words: dict[str, str] = field(default_factory=dict)  # question token -> its word
    unseen: frozenset[str] = frozenset()  # question tokens the corpus never uses
    column_fit: dict[str, float] = field(default_factory=dict)  # heading -> its cosine with
    # the question, for the best table rows (`_extreme_row`; the cells a leading row shows)
    leaned: frozenset[str] = frozenset()  # tokens only of what a follow-up leans on
    unscored_rows: list[Candidate] = field(default_factory=list)  # table rows of the top
    # passages left out of the scoring (too few question words): a table is read whole

    @property
    def best(self) -> float:
        """Score of the best sentence (0 when there is none)."""
        return self.candidates[0].score if self.candidates else 0.0

    def features(self) -> dict[str, float]:
        """What the abstention model decides on (see answer.AbstentionModel)."""
        lead = self.candidates[0] if self.candidates else None
        second = self.candidates[1].score if len(self.candidates) > 1 else 0.0
        return {
            "best": self.best,
            "cosine": lead.cosine if lead else 0.0,
            "lexical": lead.lexical if lead else 0.0,
            "margin": self.best - second,
            "coverage": self.coverage,
            "missing_share": self.missing_share,
            "lead_missing": self.lead_missing,
            "measure_missing": self.measure_missing,
        }

    def lacking(self, cand: Candidate, extreme: bool = False) -> float:
        """Share of what the question measures a sentence lacks (see `measure_missing`).

        `extreme`: the sentence is the table row picked for the end of the scale asked
        (`_extreme_row`); it says that end by its figure, so the superlative is not lacking.
        """
        skip = self.constrained | self.unsought
        measure = {t: w for t, w in self.carry.items() if t not in skip}
        total = sum(measure.values())
        lacks = sum(w for t, w in measure.items() if not self._carries(t, cand, extreme))
        return round(lacks / total, 4) if total else 0.0

    def _carries(self, token: str, cand: Candidate, extreme: bool = False) -> bool:
        """True when a sentence writes a question word, or is the row at the end asked.

        A superlative is also carried by a sentence naming the same end in its own words:
        "the peak" by "the highest level"; a direction of change ("up") by a table row whose
        figures over its periods go that way. Asked when something ends (or starts), a span of
        years says it ("Plan 2024-2026"). A number is carried as a number ("1000" by "1,000"),
        and "rate" by a rate's base ("crimes per 1,000 residents").
        The words a follow-up leans on ("how many shop thefts
        in 2023/24?" under "is that up on the year before?") are carried by the table row the
        answer to them gave (`gave`): that answer already judged the row to say them.
        """
        ends = lang.directions(token)
        word = self.words.get(token, token)
        way = "up" if lang.UP.fullmatch(word) else "down" if lang.DOWN.fullmatch(word) else ""
        return (
            lang.related_form(token, cand.tokens)
            or bool(way)  # "going up" is said by a row's figures rising
            and cand.is_row
            and series_way(cand) == way
            or extreme
            and bool(ends)
            or bool(ends)
            and bool(ends & lang.directions(cand.text))  # read only when asked
            or self.query.kind == "date"
            and lang.says_span(token, cand.text)
            or token in self.leaned
            and gave(cand, self.query.leans_on)
            or lang.writes_number(word, f"{cand.context} {cand.text}")  # "1000" as "1,000"
            or lang.same_word(word, "rate")  # a rate is said by its base ("per 1,000")
            and bool(lang.RATE_BASE.search(f"{cand.context} {cand.text}"))
        )

    @property
    def lead(self) -> Candidate | None:
        """The sentence that answers, among those scored close to the best (None if none).

        Of the `lead_pool` best sentences scoring at least `lead_ratio` of the best, the first
        that gives what the question asks for (see `answers`) and lacks least of what it
        measures (within LACK_TOLERANCE): a table's introduction ("The table below shows...")
        or a sentence on a neighbouring measure does not lead when the row that answers scores
        nearly as well.
        Asked for the latest value, the sentence with the most recent period leads among those;
        asked which thing sits at one end of a scale, the table row there (`_extreme_row`).
        """
        return self._lead_pick()[0]

    def _lead_pick(self) -> tuple[Candidate | None, bool]:
        """The lead (see `lead`), and whether it is the row picked for the end asked."""
        if not self.candidates:
            return None, False
        top = self.candidates[0].score
        close = [c for c in self.candidates[: self.lead_pool] if c.score >= self.lead_ratio * top]
        fitting = [c for c in close if self.answers(c)] or close
        least = min(map(self.lacking, fitting))
        fitting = [c for c in fitting if self.lacking(c) <= least + LACK_TOLERANCE]
        if self.query.latest:  # "the latest figure": the most recent period leads
            change = self.query.kind == "change"
            return max(fitting, key=lambda c: recent_run(c, change)), False
        row = self._extreme_row(fitting[0])
        return (row, True) if row else (fitting[0], False)  # the best among those lacking least

    def _extreme_row(self, lead: Candidate) -> Candidate | None:
        """Asked for one end of a scale the leading sentence does not name, a table's row there.

        "Which town had the fewest thefts?", with a table of thefts by town among the best
        sentences, is answered by the row with the smallest figure in the column the question
        measures: the one naming the period it asks, then the one nearest it in meaning
        (`column_fit`: "killed or badly hurt" is "Total KSI", not "Killed"), then the one
        sharing most of its words; else the first.
        With no such table, a sentence giving each member's figure as a table would
        (`enumerates`: "Northvale has four; Eastmere has three") is the answer.
        """
        changed = lang.asked_change_end(self.query.text)
        asked = lang.asked_end(self.query.text)
        if changed is None and (len(asked) != 1 or lang.directions(lead.text) & asked):
            return None
        pool = self.candidates[: self.lead_pool]
        # the table that fits best: its row lacking least of the question (the first of
        # those), among twice the lead's pool: any row of a table stands for it, and a table
        # of a neighbouring measure may have more rows near the top
        wide = self.candidates[: 2 * self.lead_pool]
        rows = [c for c in wide if c.is_row and not c.unmet and _gives_figure(c)]
        row = min(rows, key=self.lacking) if rows else None
        if changed is not None:
            return self._changed_row(row, *changed) if row is not None else None
        if row is None:  # a sentence giving each member's figure, as rows do
            return next((c for c in pool if enumerates(c, self.query)), None)
        words = set(lang.name_words(self.query.text)) - lang.STOPWORDS
        periods = {p for c in self.query.constraints for p in c.periods}

        def fit(cell: Cell) -> tuple[bool, float, int]:
            return (
                bool(lang.periods(cell.column) & periods),
                self.column_fit.get(cell.column, 0.0),
                len(words & set(lang.name_words(cell.column))),
            )

        column = max(row.cells, key=fit).column  # the first of the best fitting
        rows = [
            (figure(cell.value), c)
            for c in self._table_rows(row)
            for cell in c.cells
            if cell.column == column and figure(cell.value) is not None
        ]
        if len(rows) >= 3:  # a total row ("Whole coast") is no member of the scale
            rows = [r for r in rows if r[0] < sum(v for v, _ in rows) - r[0]] or rows
        if len(rows) < 2:
            return None
        pick = max if asked == {"most"} else min
        return pick(rows, key=lambda r: r[0])[1]

    def _table_rows(self, row: Candidate) -> list[Candidate]:
        """The rows of the same table as `row`: the scored ones, then the rest of the table.

        A row left out of the scoring for sharing few words with the question ("Shoplifting"
        under "which kind of theft went up most?") is still a member of the scale; it is read
        as vetted as `row` (the same table, caption and passage), at its score.
        """

        def same(c: Candidate) -> bool:
            return c.is_row and c.hit_index == row.hit_index and c.context == row.context

        scored = [c for c in self.candidates if same(c)]
        rest = [
            replace(c, score=row.score, meets=row.meets, unmet=row.unmet, gives=row.gives)
            for c in self.unscored_rows
            if same(c)
        ]
        return scored + rest

    def _changed_row(self, row: Candidate, way: str, end: str) -> Candidate | None:
        """Asked which thing changed most (or least) one way, the row of `row`'s table there.

        "Which kind of theft went up the most?" over a table with a change column ("up 22.1%",
        "down 4.1%") is answered by the row with the largest rise; "the smallest fall" by the
        row with the least fall. Only rows that changed the way asked count; a total row (the
        one whose first figure is the sum of the others) is no member of the scale.
        """
        changes = [
            (value if way == "up" else -value, c)
            for c in self._table_rows(row)
            for cell in c.cells
            if (value := lang.signed_change(cell.value)) is not None
        ]
        changes = [(v, c) for v, c in changes if v > 0 and not self._total_row(c)]
        if not changes:
            return None
        pick = max if end == "most" else min
        return pick(changes, key=lambda r: r[0])[1]

    def _total_row(self, row: Candidate) -> bool:
        """True when a row's first figure is the sum of the other rows' first figures."""

        def first(c: Candidate) -> float:
            return next((v for cell in c.cells if (v := figure(cell.value)) is not None), 0.0)

        others = sum(first(c) for c in self._table_rows(row) if c is not row)
        return others > 0 and abs(first(row) - others) <= 0.005 * others

    @property
    def value_line(self) -> Candidate | None:
        """The line read for the type of value asked (None when there is none).

        The one the answer would lead with (`lead`), when it stands in for the best-scored one
        (`stands_in`); else the best-scored one. Deciding and leading read the same line.
        """
        shown = self.lead
        if shown is not None and self.stands_in(shown):
            return shown
        return self.candidates[0] if self.candidates else None

    def stands_in(self, cand: Candidate) -> bool:
        """True when a line may stand for the best-scored one in deciding whether to answer.

        It must lack none of the question's words the best-scored line carries, but a word
        asking for the value itself (`lang.says_value`: "runs" when a role is asked): "who runs
        the ferry boards?" may be decided on "the boards are chaired by harbour masters" below
        "councils must run a ferry board", while "how much was in round one of the fund?" is
        not decided on a grant's amount that names the fund but not round one.
        """
        top = self.candidates[0] if self.candidates else None
        if top is None or cand is top:
            return True
        kind = value_asked(self.query)
        return all(
            self._carries(t, cand)
            or not self._carries(t, top)
            or lang.says_value(self.words.get(t, t), kind)
            for t in self.carry
        )

    def answers(self, cand: Candidate) -> bool:
        """True when a sentence gives the periods, names, type of value and kind asked for."""
        kind = self.query.kind
        if not (kind or value_asked(self.query) or cand.says_more):
            return False  # "what is X?" is not answered by a line that only names X
        if lang.POINTER.search(cand.text) and not (cand.items or lang.has_figure(cand.text)):
            return False  # "The table below gives the figures" states none (a list's intro
            # is read with its items)
        q = self.query
        if opposes(q, cand) or not says_start(cand, q) or dates_other_event(cand, q):
            return False
        if kind == "list" and lang.other_count(q.text, cand.text, q.target):
            return False  # asked for "the 4 priorities", it lists five
        return not cand.unmet and cand.gives and (not kind or fits(cand, kind, q.target, stated(q)))

    @property
    def dated(self) -> bool:
        """True when the sentence that would lead (see `lead`) gives a date ("when" questions).

        Asked when something will happen, a date it did happen ("hosted a summit in 2022")
        is not the answer: the sentence must speak of the future, and of a date after its
        document was published ("elected on 2 May 2024" in a summary of July 2024 is past).
        """
        lead = self.lead
        if lead is None or not fits(lead, "date") or lang.POINTER.search(lead.text):
            return False  # "The table below lists ... during 2024/25" dates no event
        if not says_start(lead, self.query) or dates_other_event(lead, self.query):
            return False  # asked when it was set up: the date of a later event is no answer
        text = f"{lead.context} {lead.text}"
        if not lang.FUTURE_ASKED.search(self.query.text):
            return True
        published = self.published[lead.hit_index] if lead.hit_index < len(self.published) else ""
        return bool(lang.FUTURE_SAID.search(text)) and lang.dates_after(text, published)

    @property
    def target_only(self) -> bool:
        """Asked whether a target was hit, the sentence that would lead only states the target."""
        if not lang.PROGRESS_ASKED.search(self.query.text):
            return False
        lead = self.lead
        return lead is None or not lang.reports_outcome(f"{lead.context} {lead.text}")

    @property
    def measure_missing(self) -> float:
        """Share of what the question measures that the sentence that would lead lacks.

        What it measures is its meaning but the periods and names asked for: a sentence naming
        the place asked about must still be about the thing asked ("hate crime in Eastmere" is
        not answered by Eastmere's total crime). It is read on the sentence the answer would
        lead with (`lead`), not the best-scored one: abstaining judges the answer given.
        """
        lead, extreme = self._lead_pick()
        return self.lacking(lead, extreme) if lead else 1.0

    @property
    def lead_missing(self) -> float:
        """Share of the question's meaning the leading sentence (read with its headings) lacks."""
        lead, extreme = self._lead_pick()
        if lead is None:
            return 1.0
        return round(
            sum(
                w
                for t, w in self.carry.items()
                if t not in self.unsought and not self._carries(t, lead, extreme)
            ),
            4,
        )


class EvidenceScorer:
    """Scores sentences against a query with the embedding model and IDF-weighted overlap."""

    def __init__(
        self,
        embedder: Embedder,
        idf: Callable[[str], float],
        tokenize: Tokenize,
        policy: AnswerPolicy,
        stored: Callable[[list[str]], dict[tuple[str, int], list[float]]] | None = None,
        synonyms: Synonyms | None = None,
        common: frozenset[str] = frozenset(),
        superseded: dict[str, str] | None = None,
        titles: dict[str, str] | None = None,
    ) -> None:
        """Keep the model, the corpus statistics, the sizes and the stored vectors.

        `stored` returns sentence vectors computed at ingest (unit 0 is the heading, unit k the
        k-th sentence), so answering embeds only the question and any sentence not stored.
        """
        self.embedder, self.idf, self.policy = embedder, idf, policy
        self.tokenize = self._singular_short_forms(tokenize)
        # single words are kept apart from the answer memo (a bounded vocabulary of their own)
        self.word_vectors = WordVectors(getattr(embedder, "embedder", embedder).embed_documents)
        self.stored = stored
        self.synonyms = synonyms or Synonyms()
        self.common = common  # words the corpus uses in lower case (not names of people)
        self.superseded = superseded or {}  # doc_id -> title of the superseded documents
        self.titles = titles or self.superseded  # doc_id -> title of every document
        framing = sorted(lang.QUESTION_FRAMING | lang.function_words())
        self.framing = frozenset(t for toks in tokenize(framing) for t in toks)
        self.weighing = frozenset(t for toks in tokenize(sorted(lang.COMPARATIVES)) for t in toks)

    def _column_fit(self, query: Query, cands: list[Candidate]) -> dict[str, float]:
        """Each column heading of the rows among `cands` -> its cosine with the question.

        A heading is read with the expansion of the short forms it writes ("Total KSI" as
        "killed or seriously injured"), so a question in other words finds the column it means.
        """
        heads = sorted({c.column for cand in cands if cand.is_row for c in cand.cells})
        if not heads:
            return {}
        texts = [f"{h} {self.synonyms.spell_out(h)}".strip() for h in heads]
        q_vec = self.embedder.embed_query(query.search_text)
        vecs = self.embedder.embed_documents(texts)
        return {h: cos(q_vec, v) for h, v in zip(heads, vecs, strict=True)}

    def _singular_short_forms(self, tokenize: Tokenize) -> Tokenize:
        """`tokenize`, reading a short form's plural as its singular ("CSPs" as "CSP")."""
        unseen = self.idf("\0")

        def used(token: str) -> bool:
            return self.idf(token) < unseen

        def read(texts: list[str]) -> list[list[str]]:
            return [[lang.short_form_singular(t, used) for t in toks] for toks in tokenize(texts)]

        return read

    def question_terms(self, query: Query) -> tuple[dict[str, str], dict[str, float]]:
        """Map the question's content tokens to their words, and weight them by IDF.

        The turn's own words weigh double the words of what it leans on; what the question sets
        aside ("... rather than specified authorities") is not sought.
        """
        own = lang.CONTRAST.sub(" ", query.text)
        words = re.findall(r"[\w'/-]+", " ".join((own, *query.context)))
        out: dict[str, str] = {}
        for word, toks in zip(words, self.tokenize(words), strict=True):
            out.update({t: word for t in toks if t not in self.framing and t not in out})
        now = {t for toks in self.tokenize([own]) for t in toks}
        return out, {t: self.idf(t) * (2.0 if t in now else 1.0) for t in out}

    def score(self, query: Query, hits: list[Hit]) -> Evidence:
        """Score the sentences of the top hits; measure how much of the question they cover."""
        p = self.policy
        top = hits[: p.candidate_hits + p.kind_hits]
        cands = _offered(_candidates(top), query.kind, p.candidate_hits)
        q_terms, weights = self.question_terms(query)
        constrained = self._constrained(query)
        made_up = short_forms_in(query, top, self.synonyms, self.common)
        own, read, found = self._read(cands, top, made_up)
        absent = {t for t in q_terms if not lang.related_form(t, found)}
        near = self._near(absent - constrained, q_terms, top)
        if near:  # "kids" as "children"
            made_up = Synonyms(made_up.groups + Synonyms.from_pairs(near).groups, made_up.spelled)
            own, read, found = self._read(cands, top, made_up)
            absent = {t for t in q_terms if not lang.related_form(t, found)}
        self._compounds(q_terms, cands, own, read, constrained)
        evidence = Evidence(query, [], coverage(weights, set(q_terms) - absent), [], 0.0, weights)
        evidence.constrained = constrained
        evidence.leaned = frozenset(q_terms) - set(self.tokenize([query.text])[0])
        if query.kind == "compare":  # "is Eastmere or Northvale worse?": the figures say it
            evidence.unsought = frozenset(self.weighing & set(q_terms))
        self._weigh_missing(evidence, query, q_terms, weights, absent - evidence.unsought)
        self._lexical(query, cands, own, read, weights)
        asked = self.synonyms.expand(set(q_terms))  # "CSA" is no news to "what is the CSA?"
        for cand, toks in zip(cands, own, strict=True):
            cand.says_more = len({t for t in toks - asked if not t[0].isdigit()}) >= MIN_NEW
        ranked = sorted(cands, key=lambda c: -c.lexical)
        cands = ranked[: p.embed_top]
        evidence.unscored_rows = [c for c in ranked[p.embed_top :] if c.is_row]
        if cands:
            value, counted = value_asked(query), self._counted(query)
            narrow = [t for toks in self.tokenize(list(counted)) for t in toks]
            said_as = tuple(theirs for mine, theirs in near if mine == query.target.lower())
            whole = self._whole(query)
            named = self._named(query, made_up)
            given_figures = lang.given_values(query.text)
            share_only = value == "share" and not (  # no change asked ("by what % did X rise?")
                query.kind == "change" or lang.asks_change(query.text)
            )
            self._vectors(cands, top, weights, query)
            for cand in cands:
                cand.counts = bool(query.kind == "count" and query.target) and (
                    counts_in_text(cand, query, narrow, said_as)
                    or row_counts(cand, counted)
                    or compound_row_counts(cand, narrow)
                )
                text, heading = self._reading(cand, top)
                heading = f"{heading} {self.synonyms.spell_out(text)}"  # "SCP" names the SCP
                cand.meets, cand.unmet = meets(query, text, heading)
                leans = refers_back(cand)
                if cand.unmet and leans:  # "...in 64% of them" after "398 in 2023/24"
                    passage = top[cand.hit_index].chunk.text
                    cand.meets, cand.unmet = leaned_period(query, cand, text, heading, passage)
                cand.unmet += blank_cells(cand, query)
                whole_before = leans and lang.related_form(whole[1], self._tokens(cand.before))
                if whole[0] and not lang.related_form(whole[1], cand.tokens) and not whole_before:
                    cand.unmet += (whole[0],)  # a part of another whole
                cand.unmet += unnamed_body(query, f"{heading} {cand.label} {cand.before}", text)
                given = lang.without_values(text, given_figures)  # the whole, not its part
                if share_only:  # "what proportion...?": "up 7%" is a change, not a share
                    given = lang.without_changes(given)
                cand.gives = (
                    lang.names_another(cand.text, named, self.common)
                    if value == "agent"
                    else lang.gives_value(given, value, self.common)
                    and self._named_cells_give(cand, set(weights), value)
                )
                cand.old_figure = self._old_figure(cand, top, query)
            rows_by_label(cands, query)
            if lang.WEIGHS.search(query.text):
                pair_rows(cands, query)
            evidence.candidates = enumeration_first(self._rank(query, cands), query, p.lead_pool)
        evidence.lead_pool, evidence.lead_ratio = p.lead_pool, p.lead_ratio
        # the columns the question means: the end of a scale is read in (`_extreme_row`), and
        # the cells a row leading the answer shows (compose)
        evidence.column_fit = self._column_fit(query, evidence.candidates[: p.lead_pool])
        evidence.unknown_body = unknown_body(query, top) or unknown_local_body(
            query, top, self.synonyms
        )
        evidence.denied_body = "" if evidence.unknown_body else denied_body(query, top)
        evidence.words = q_terms
        evidence.unseen = frozenset(t for t in q_terms if self.idf(t) >= self.idf("\0"))
        evidence.published = tuple(h.chunk.published or "" for h in top)
        best = evidence.candidates[: p.count_top]
        evidence.has_count = not (query.kind == "count" and query.target) or any(
            c.counts for c in best
        )
        if query.kind == "number" and lang.HOW_MANY.search(query.text):  # "how many of X...",
            evidence.has_count = any(counts_anything(c, query) for c in best)  # "of the 212..."
        elif query.kind == "number" and lang.stated_numbers(query.text):  # "of the 212, what %"
            evidence.has_count = any(fits(c, "number", quoted=stated(query)) for c in best)
        return evidence

    def _compounds(
        self,
        q_terms: dict[str, str],
        cands: list[Candidate],
        own: list[set[str]],
        read: list[set[str]],
        constrained: frozenset[str],
    ) -> None:
        """A question word a sentence writes run together with another ("shop" in "Shoplifting").

        The sentence's word must start with the question word, go on for a word of its own, and
        the embedding model must put the two near (COMPOUND_COSINE): "road" reads in "roadside"
        and "shop" in "shoplifting", but "part" not in "partnership" nor "white" in "Whitehaven".
        Names and periods asked for are never read so.
        """
        asked = {
            t: w.lower()
            for t, w in q_terms.items()
            if len(w) >= 4 and w.isalpha() and t not in constrained
        }
        for i, cand in enumerate(cands):
            said = set(re.findall(r"[a-z]+", f"{cand.label} {cand.text}".lower()))
            pairs = [
                (t, f)
                for t, w in asked.items()
                if t not in read[i]
                for f in said
                if f.startswith(w) and len(f) - len(w) >= 4
            ]
            for t, f in pairs:
                vecs = self.word_vectors([q_terms[t].lower(), f])
                if float(vecs[0] @ vecs[1]) >= COMPOUND_COSINE:
                    own[i].add(t)
                    read[i].add(t)
                    cand.tokens = cand.tokens | {t}
                    cand.joined = cand.joined | {t}

    def _named(self, query: Query, made_up: Synonyms) -> set[str]:
        """The words of the names a question (and what it leans on) uses, short forms spelt out."""
        said = query.search_text
        spelt = (self.synonyms.spell_out(said), made_up.spell_out(said))
        return set(lang.name_words(" ".join((said, *spelt))))

    def _constrained(self, query: Query) -> frozenset[str]:
        """Tokens of the periods and names asked for ("21/22" as well as "2021/22")."""
        return frozenset(
            t for toks in self.tokenize([c.text for c in query.constraints]) for t in toks
        ) | {
            form
            for c in query.constraints
            for p in c.periods
            for y in p
            for form in (str(y), str(y)[2:])
        }

    def _near(
        self, absent: set[str], q_terms: dict[str, str], top: list[Hit]
    ) -> list[tuple[str, str]]:
        """Missing question words the best passages say in other words (near_words.py)."""
        asked = [q_terms[t] for t in sorted(absent) if not any(ch.isdigit() for ch in t)]
        if not asked or not top:
            return []
        texts = [f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in top[:3]]
        near = near_words(asked, texts, self.word_vectors)
        paired = {mine for mine, _ in near}
        unseen = {q_terms[t] for t in absent if self.idf(t) >= self.idf("\0")}
        rest = [a for a in asked if a.lower() not in paired and a in unseen]
        return near + wordnet_words(rest, texts, self.word_vectors)

    def _counted(self, query: Query) -> tuple[str, ...]:
        """The most specific word of what a "how many" question counts (the rarest in the corpus).

        A row labelled "Shoplifting" counts "shoplifting offences", but a "Domestic abuse
        incidents" row does not count "domestic homicides": the word that narrows the count
        most must label the row.
        """
        words = [w for w in count_phrase(query.text) or (query.target,) if w not in lang.STOPWORDS]
        toks = self.tokenize(words)
        rated = [(max(map(self.idf, t), default=0.0), -i) for i, t in enumerate(toks)]
        return (words[-max(rated)[1]],) if rated else ()  # ties: the first word (the modifier)

    def _whole(self, query: Query) -> tuple[str, str]:
        """The rarest word of the whole a "how many of the X were Y?" question takes a part of.

        As (word, token); ("", "") when the question takes no part of a named whole.
        """
        words = whole_words(query.text)
        toks = self.tokenize(list(words))
        rated = [(max(map(self.idf, t), default=0.0), i) for i, t in enumerate(toks) if t]
        if not rated:
            return "", ""
        i = max(rated)[1]
        return words[i], max(toks[i], key=self.idf)

    def _named_cells_give(self, cand: Candidate, asked: set[str], value: str) -> bool:
        """False when the columns of a row the question names hold no value of the type asked.

        "What's the baseline for X?" is not answered by X's row when its Baseline cell reads
        "to be set" and a figure sits only in its Target cell.
        """
        if not value or not cand.is_row:
            return True
        cells = [c for c in cand.cells if not lang.periods(c.column)]  # periods: `blank_cells`
        heads = self.tokenize([c.column for c in cells])
        named = [c for c, toks in zip(cells, heads, strict=True) if asked & set(toks)]
        if value == "role":  # a "Chair" column names the role its cell fills
            return True
        return not named or any(lang.gives_value(c.value, value, self.common) for c in named)

    def _old_figure(self, cand: Candidate, top: list[Hit], query: Query) -> str:
        """The superseded edition a current document's sentence quotes a figure from, if any.

        Not flagged when the question names that edition, or asks for the value before a
        change ("the target before the refresh"): then the old figure is the answer.
        """
        if top[cand.hit_index].chunk.status == "superseded" or not lang.has_figure(cand.text):
            return ""
        if lang.EARLIER_ASKED.search(query.text):
            return ""
        # a row's cell values speak, not its column headings ("2024 strategy: 238")
        text = " ".join(c.value for c in cand.cells) if cand.is_row else cand.text
        before = "" if cand.is_row else cand.before
        return lang.quoted_edition(text, before, self.titles, self.superseded, query.documents)

    @staticmethod
    def _reading(cand: Candidate, top: list[Hit]) -> tuple[str, str]:
        """A sentence as read (with its caption and list items), and its headings.

        A table row labelled with its period reads its caption as a heading: the caption's span
        ("Total recorded crime, 2019/20 to 2023/24") is what the table covers, and the row
        labelled 2022/23 gives no figure for 2023/24 (see `meets`).
        """
        chunk = top[cand.hit_index].chunk
        items = " ".join(i.text for i in cand.items)
        headings = f"{chunk.title} {chunk.section}"
        if cand.is_row and lang.periods(cand.label):
            return f"{cand.text} {items}", f"{cand.context} {headings}"
        return f"{cand.context} {cand.text} {items}", headings

    def _weigh_missing(
        self,
        evidence: Evidence,
        query: Query,
        q_terms: dict[str, str],
        weights: dict[str, float],
        absent: set[str],
    ) -> None:
        """Weigh each absent question word by its weight times how much it carries of the meaning.

        The model judges the meaning: the cosine lost when the word is taken out of the question
        ("who runs the board" barely moves without "runs"; "in Barrow" does without "Barrow").
        A follow-up is judged as read with what it leans on: in "is that more than the year
        before?" after a question on MARAC cases, "more" is not the whole meaning. Its own words
        still weigh double (see `question_terms`).
        """
        said = query.search_text
        own = [t for t in q_terms if q_terms[t].lower() in said.lower()]
        if not own:
            return
        judged = sorted(own, key=lambda t: -weights[t])[: self.policy.max_importance_words]
        words = [q_terms[t] for t in judged]
        variants = [re.sub(rf"(?i)(?<!\w){re.escape(w)}(?!\w)", " ", said) for w in words]
        # the question as said was embedded to retrieve its passages: that vector is reused (a
        # text's vector is the same alone or in a batch, see embed_memo.py)
        vecs = [self.embedder.embed_query(said), *self.embedder.embed_documents(variants)]
        carry = {t: max(0.0, 1 - cos(vecs[0], v)) for t, v in zip(judged, vecs[1:], strict=True)}
        total = sum(carry[t] * weights[t] for t in judged) or 1.0
        evidence.carry = {t: carry[t] * weights[t] / total for t in judged}
        missing = sorted(
            ((round(carry[t] * weights[t] / total, 3), q_terms[t]) for t in absent if t in carry),
            reverse=True,
        )
        evidence.missing = missing
        evidence.missing_share = round(sum(w for w, _ in missing), 4)

    def _read(
        self, cands: list[Candidate], top: list[Hit], made_up: Synonyms
    ) -> tuple[list[set[str]], list[set[str]], set[str]]:
        """Tokens of each sentence alone, and as read with its caption, title and section.

        Also returns every token of the three best passages (what the documents offer). An
        acronym reads as its expansion ("ASB" as "antisocial behaviour") and back; then a short
        form the question made up reads as the passages spell it (see `short_forms_in`).
        """
        texts = (
            [c.text for c in cands]
            + [f"{c.context} {c.text}" for c in cands]
            + [f"{h.chunk.title} {h.chunk.section}" for h in top]
            + [h.chunk.text for h in top[:3]]
        )
        known = self.synonyms
        tokens = [made_up.expand(known.expand(set(t))) for t in self.tokenize(texts)]
        n = len(cands)
        headings = tokens[2 * n : 2 * n + len(top)]
        found = set().union(*headings[:3], *tokens[2 * n + len(top) :]) if top else set()
        # a short form's words may be spread over a sentence and its headings ("the
        # Commissioner" under "Police, Fire and Crime Plan" reads as "PFCC")
        read = [
            made_up.expand(known.expand(tokens[n + i] | headings[c.hit_index]))
            for i, c in enumerate(cands)
        ]
        for cand, toks in zip(cands, read, strict=True):
            cand.tokens = frozenset(toks)
        return tokens[:n], read, found

    def _lexical(
        self,
        query: Query,
        cands: list[Candidate],
        own: list[set[str]],
        read: list[set[str]],
        weights: dict[str, float],
    ) -> None:
        """Set each sentence's IDF-weighted overlap with the question (half alone, half read).

        For a list question, an intro that names what is listed ("The six priorities are:"), or
        whose items name it ("Four bodies joined:" over "- the Youth Board;", "- the Housing
        Board."), is read with its items.
        """
        as_list = query.kind == "list"
        listed = query.target if as_list else ""
        index = {id(c): i for i, c in enumerate(cands)}
        for i, cand in enumerate(cands):
            mine, seen = own[i], read[i]
            names = names_listed(cand, listed) if listed else bool(mine & weights.keys())
            inline = bool(listed) and lang.lists_inline(cand.text, listed)
            cand.introduces = (len(cand.items) >= 2 or inline) and names
            if as_list and cand.introduces:
                mine = mine.union(*(own[index[id(it)]] for it in cand.items))
                seen = seen | mine
            cand.lexical = 0.5 * coverage(weights, mine) + 0.5 * coverage(weights, seen)

    def _vectors(
        self, cands: list[Candidate], top: list[Hit], weights: dict[str, float], query: Query
    ) -> None:
        """Vectors stored at ingest (embedding only what is missing); a list is its lines' bag."""
        pool = list({id(c): c for c in cands + [it for c in cands for it in c.items]}.values())
        known = (
            self.stored(sorted({top[c.hit_index].chunk.id for c in pool})) if self.stored else {}
        )
        for cand in pool:
            cand.vector = known.get((top[cand.hit_index].chunk.id, cand.position + 1))
        self._embed_missing(pool)
        self._focus_rows(cands, set(weights), query)
        for cand in cands:
            if cand.items:
                cand.vector = unit_mean(
                    [cand.vector or []] + [it.vector or [] for it in cand.items]
                )

    def _embed_missing(self, cands: list[Candidate]) -> None:
        """Embed the sentences with no vector stored at ingest."""
        missing = [c for c in cands if c.vector is None]
        if not missing:
            return
        texts = [f"{c.context} {c.text}".strip() for c in missing]
        for cand, vec in zip(missing, self.embedder.embed_documents(texts), strict=True):
            cand.vector = vec

    def _focus_rows(self, cands: list[Candidate], asked: set[str], query: Query) -> None:
        """Judge a table row by its label and the cells the question asks about.

        A whole row embeds poorly (measured: the row that answers "who leads the accommodation
        pathway?" scored below four prose sentences), so a row is re-embedded as its caption,
        label and only the cells whose heading or value shares a word with the question.
        """
        asked = asked | {t for p in query.asked_periods for t in self._period_tokens(p)}
        best = sorted((c for c in cands if c.is_row), key=lambda c: -c.lexical)
        rows = []
        for cand in best[: self.policy.focus_rows]:
            kept = focus_cells(cand, asked, self.tokenize)
            if len(kept) < len(cand.cells):
                cells = "; ".join(f"{c.column}: {c.value}" for c in kept)
                rows.append((cand, f"{cand.context} {cand.label}: {cells}".strip()))
        vectors = self.embedder.embed_documents([t for _, t in rows]) if rows else []
        for (cand, _), vec in zip(rows, vectors, strict=True):
            cand.focus_vector = vec

    def _tokens(self, text: str) -> set[str]:
        return set(self.tokenize([text])[0]) if text else set()

    def _period_tokens(self, period: tuple[int, int]) -> list[str]:
        return self.tokenize([lang.period_label(period)])[0]

    def _holder(self, cand: Candidate) -> bool:
        """True when a sentence says a post or a person holds a role, not only a body.

        "The board is chaired by the Director of Public Health" answers "who chairs the board?"
        more fully than "The board is chaired by Public Health", and so does "chaired by the
        council's Director of Communities"; "its Director of Public Health is vice-chair; it
        chairs the panel" names the post of another role.
        """
        for m in lang.HELD_BY.finditer(cand.text):  # its own words: a caption speaks of its table
            held = lang.POSSESSOR.sub("", cand.text[m.end() : m.end() + 80], count=1)
            name = " ".join(held.split()[:2])  # a person's name opens what follows "by"
            if lang.ROLE.match(held) or lang.gives_value(name, "person", self.common):
                return True
        return False

    def _rank(self, query: Query, cands: list[Candidate]) -> list[Candidate]:
        p = self.policy
        q_vec = self.embedder.embed_query(query.pointed_text)
        quoted = stated(query)  # once per question, not per sentence
        listing = not tabled(cands)  # a sentence giving members' figures stands for a table
        for cand in cands:
            vec = cand.vector or []
            cand.cosine = max(cos(q_vec, vec), cos(q_vec, cand.focus_vector or vec))
            bonus = p.type_bonus if fits(cand, query.kind, query.target, quoted) else 0.0
            if not says_start(cand, query):  # asked when X was set up, nothing here begins
                bonus = -p.type_bonus
            bonus += p.type_bonus if query.value and cand.gives else 0.0
            bonus += p.type_bonus if query.value == "role" and self._holder(cand) else 0.0
            bonus -= p.type_bonus if opposes(query, cand) else 0.0
            bonus += p.type_bonus if listing and enumerates(cand, query) else 0.0
            bonus += p.type_bonus if gave(cand, query.leans_on) else 0.0
            cand.score = (
                (1 - p.lexical_weight) * cand.cosine
                + p.lexical_weight * cand.lexical
                + bonus
                - p.constraint_weight * (1 - cand.meets)
                - (p.old_figure_weight if cand.old_figure else 0.0)
                - 0.02 * math.log1p(cand.hit_index)
            )
        return sorted(cands, key=lambda c: -c.score)
