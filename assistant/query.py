"""Query: question + earlier turns -> Query (parts, kind, constraints) (pure).

A follow-up ("and in Carlisle?") keeps the earlier turn as a field, never as text glued to the
question; a question asking two things is split into parts; the kind of answer asked for (a
count, a change, a date, a list, a table row, a figure), the type of value it asks for (an
amount of money, a person's name, a share, an age, a length of time) and what the answer must
carry (the period and the named places or bodies) are worked out once, here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant import language as lang


@dataclass(frozen=True)
class Constraint:
    """Something the answer must carry: a period asked for, or a place or body named."""

    kind: str  # period | name | group | split
    text: str  # as the question says it ("2021/22", "carlisle")
    periods: frozenset[tuple[int, int]] = frozenset()
    among: frozenset[str] = frozenset()  # split: the corpus's names, members of any breakdown


@dataclass(frozen=True)
class Query:
    """A typed question: its own words, what it leans on, and what the answer must carry."""

    text: str
    context: tuple[str, ...] = ()  # the earlier turn or first part it leans on
    kind: str = ""  # row | count | change | date | list | define | compare | number | "" (any)
    target: str = ""  # the noun a "how many" question counts or a "what are" question lists
    value: str = ""  # type asked: money, person, role, share, age, duration, frequency, month...
    constraints: tuple[Constraint, ...] = ()
    parts: tuple[Query, ...] = field(default=(), compare=False)
    documents: tuple[str, ...] = ()  # doc_ids of the documents it names by title
    inherited: tuple[str, ...] = ()  # constraints a follow-up takes from the earlier turn
    answered: str = field(default="", compare=False)  # what this turn was answered with
    leans_on: str = field(default="", compare=False)  # the earlier answer "is that up?" means

    @property
    def standalone(self) -> bool:
        """True when the question needs nothing said before it."""
        return not self.context

    @property
    def search_text(self) -> str:
        """The words to retrieve with: the question, then what it leans on."""
        return " ".join((self.text, *self.context))

    @property
    def pointed_text(self) -> str:
        """The words to rank sentences by: the search words, then the answer it points back at.

        "is that up on the year before?" after "how many shop thefts in 2023/24?" asks about
        the figure given ("Shoplifting, 2023/24: 3,420"), so the row that gave it ranks first.
        """
        return " ".join(filter(None, (self.search_text, self.leans_on)))

    @property
    def asked_periods(self) -> frozenset[tuple[int, int]]:
        """The periods the answer must be about."""
        return frozenset(p for c in self.constraints if c.kind == "period" for p in c.periods)

    @property
    def latest(self) -> bool:
        """True when the question asks for the most recent value without naming its period."""
        return not self.asked_periods and bool(lang.LATEST.search(self.text))

    @property
    def names(self) -> tuple[str, ...]:
        """The places or bodies the answer must name."""
        return tuple(c.text for c in self.constraints if c.kind == "name")

    def all_parts(self) -> tuple[Query, ...]:
        """The parts to answer one by one (the query itself when it asks one thing)."""
        return self.parts or (self,)


def the_ask(
    message: str, names: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()
) -> str:
    """What a message asks, without who asks or why.

    "For the scrutiny panel next week, could you remind me how ASB has moved?" asks "how ASB
    has moved?"; "Could you list the pathways? A member asked about them at the last panel."
    asks the first sentence; "A retailer said shoplifting went up by about 12%. Is that right?"
    asks whether shoplifting went up (the claimed figure is what is checked, not a word the
    documents must hold). A sentence that does not ask stays when it says the type of value
    wanted ("need the date") or when the ask leans on it ("I'm looking at knife crime. How
    many in 23/24?"); a purpose naming a period or a place of the corpus stays ("For 2023/24,
    how many ...").
    """
    message = _introduced(message.strip(), places)
    sentences = [s for s in lang.SENTENCE_END.split(message) if s]
    if len(sentences) > 1:
        sentences = _asking(_claims_checked(sentences), names)
    return _unwrapped(" ".join(sentences), names)


# Who asks or why, set off from the ask by a dash: "IDVA manager here - are incidents up?"
_INTRODUCTION = re.compile(r"^([^?]{3,120}?)\s+[-\u2013\u2014]+\s+(\S.*)$", re.S)


def _introduced(message: str, places: frozenset[str]) -> str:
    """The message without an introduction a dash sets off from the ask.

    "Retail crime officer here - which theft went up most last year?" asks the part after the
    dash. Only an introduction saying who asks or why goes (`lang.ASKER`): the topic the ask
    leans on stays ("SVD grant - how much a year do we get?"), and so does an introduction
    that asks itself or names a period or a place ("Carlisle officer here - how many?").
    """
    m = _INTRODUCTION.match(message)
    if not m:
        return message
    intro, ask = m.groups()
    words = set(lang.name_words(intro))
    if lang.ASKING.match(intro) or lang.periods(intro) or words & places:
        return message
    asks = lang.INTERROGATIVE.search(ask) or "?" in ask
    return ask if asks and lang.ASKER.search(intro) else message


def _claims_checked(sentences: list[str]) -> list[str]:
    """A claim followed by "is that right?" becomes the ask, without its source or figure."""
    out: list[str] = []
    for s in sentences:
        rest = lang.CONFIRMS.sub("", s)
        if out and lang.CONFIRMS.match(s) and len(lang.terms(rest)) <= 1:
            claim = lang.ATTRIBUTION.sub("", out.pop(), count=1)
            out.append(lang.CLAIMED_FIGURE.sub("", claim).rstrip(" .") + "?")
        else:
            out.append(s)
    return out


def _asking(sentences: list[str], names: frozenset[str] = frozenset()) -> list[str]:
    def asks(s: str) -> bool:
        return s.endswith("?") or bool(lang.ASKING.match(s) or lang.REQUESTS.search(s))

    first = next((i for i, s in enumerate(sentences) if asks(s)), None)
    if first is None:
        return sentences
    leans = not _stands_alone(_unwrapped(sentences[first]))
    return [
        s
        for i, s in enumerate(sentences)
        if asks(s)
        or (i < first and leans)
        or (
            len(s.split()) < STATEMENT_WORDS
            and not (lang.ASKER.search(s) and not _constrains(s, names))
        )
        or NEEDS.match(s)
    ]


STATEMENT_WORDS = 7  # a shorter non-question ("need the date", "old v new") says what is wanted,
# unless it says who asks or why ("I'm preparing for scrutiny") and names no place or period
# ...and so does one saying what the asker needs, however long ("need a name for the invites")
NEEDS = re.compile(r"(?i)^\s*(?:i\s+|we\s+)?(?:need|want|would like|am after)\b")


def _unwrapped(text: str, names: frozenset[str] = frozenset()) -> str:
    """The ask without a leading purpose ("For the panel next week, ") or request.

    A request is "could you remind me", "I was wondering"; a purpose stays when it names a
    period or a place of the corpus, or the ask needs it.
    """
    for _ in range(2):  # "I was wondering, for budget scrutiny, how much ..."
        purpose = lang.PURPOSE.match(text)
        rest = text[purpose.end() :] if purpose else ""
        if purpose and not _constrains(purpose.group(0), names) and _stands_alone(rest):
            text = rest
        asked = lang.REQUEST.sub("", text, count=1)
        if asked != text:
            text = lang.EMBEDDED.sub(r"\1 \3 \2?", asked.strip())
    return text.strip() or text


def _stands_alone(ask: str) -> bool:
    """True when an ask's first part names enough of its own and points back at nothing.

    Enough is three content words, not counting periods or question words.
    """
    first = lang.PART_BREAK.split(ask)[0]  # "... and what is being done about it?" leans inside
    own = {w for w in lang.terms(first) if w not in lang.QUESTION_FRAMING and not lang.periods(w)}
    return len(own) > 2 and not lang.POINTS_BACK.search(first)


def _constrains(phrase: str, names: frozenset[str]) -> bool:
    low = phrase.lower()
    return bool(lang.periods(phrase) or lang.DIGIT.search(phrase)) or any(
        re.search(rf"\b{re.escape(n)}\b", low) for n in names
    )


def is_follow_up(question: str) -> bool:
    """Return True when the question leans on an earlier one.

    "and in Carlisle?", "who chairs it?", "what about 2022?" and "how many arrests on those
    patrols?" lean on what was asked before; "What is Prevent?" names its own subject and
    stands alone.
    """
    text = question.strip()
    content = lang.terms(text)
    if lang.FOLLOW_START.search(text) or lang.REFERS_BACK.search(text):
        return True
    if lang.DEFINITION.search(text) and content:
        return False
    return len(content) <= 1 or (bool(lang.PRONOUN.search(text)) and len(content) <= 3)


def answer_kind(text: str) -> str:
    """What kind of sentence answers the question ("" when any kind will do)."""
    if lang.TABLE_QUESTION.search(text):
        return "row"
    if count_target(text):
        return "count"
    if lang.CHANGE_QUESTION.search(text):
        return "change"
    if lang.WHEN_QUESTION.search(text):
        return "date"
    if lang.LIST_QUESTION.search(text) or things_asked(text):
        return "list"
    if defined(text):
        return "define"
    if lang.COMPARE_QUESTION.search(text):
        return "compare"
    return "number" if lang.NUMERIC_QUESTION.search(text) else ""


def defined(text: str) -> str:
    """The name a "what is X?" question asks about ("" for other questions).

    "What is the Lighthouse scheme?" -> "lighthouse scheme"; "what is the population of
    Westbrook?" asks for a value, not what a thing is.
    """
    match = lang.WHAT_IS.search(text)
    words = match.group(1).lower().split() if match else []
    if not words or any(w in lang.PHRASE_END for w in words):
        return ""
    return " ".join(words)


def period_figure(text: str, kind: str, constraints: tuple[Constraint, ...]) -> str:
    """The value "figure" when a phrase typed as into a search box names a period, only.

    "KSIs on the county's roads in 2024?" asks for that period's figure: a sentence with no
    figure, or a plan running over the period ("Plan 2024-2027"), does not answer it. A
    question put in words says what it asks ("what is the aim for 2024/25?" asks for text),
    and one asking which thing sits at one end asks for a name: both are left alone.
    """
    if kind or lang.INTERROGATIVE.search(text) or lang.directions(text):
        return ""
    if not any(c.kind == "period" for c in constraints):
        return ""
    return "figure"


def count_target(text: str) -> str:
    """The noun a "how many <noun phrase>" question counts ("" for any other question)."""
    if event := occurrence(text):
        return event[-1]
    return _head_noun(lang.HOW_MANY.search(text))


def occurrence(text: str) -> tuple[str, ...]:
    """What a "how many times did X happen?" question counts: the happening, its last word.

    "how many times did children go missing last year?" counts the times children went
    missing ("missing"): a figure of missing episodes answers it, one of children does not.
    A times-a-year frequency or a ratio ("how many times higher") is no count of happenings.
    """
    match = lang.HOW_MANY_TIMES.search(text)
    words: list[str] = []
    for word in match.group(1).lower().split() if match else []:
        word = word.strip(",;:?.|")
        if (
            not word
            or word in lang.PHRASE_END
            or word in lang.CLAUSE_END
            or lang.DIGIT.search(word)
        ):
            break
        words.append(word)
    return (words[-1],) if words else ()


def list_target(text: str) -> str:
    """The noun a "what are the <noun phrase>" or "list the <noun phrase>" question lists."""
    return _head_noun(lang.WHAT_ARE.search(text) or lang.LIST_THE.search(text)) or things_asked(
        text
    )


def things_asked(text: str) -> str:
    """The plural noun a "which <things> ..." question asks for ("" for other questions).

    "Which boards report to the partnership?" lists boards; "which year had the most X?" and
    "which towns had the most thefts?" ask for one end of a scale, not a list.
    """
    words = _noun_phrase(lang.WHICH_THINGS.search(text))[:3]
    if not words or lang.directions(text) or words[0] in lang.STOPWORDS:
        return ""
    plural = (w for w in words if w.endswith("s") and not w.endswith(("ss", "us", "is")))
    return next(plural, "")  # the first: "which boards report to..." lists boards


def count_phrase(text: str) -> tuple[str, ...]:
    """The words of what a "how many" question counts ("shoplifting", "offences")."""
    return occurrence(text) or _noun_phrase(lang.HOW_MANY.search(text))


def counted(query: Query) -> str:
    """What a "how many" question counts, as its words say it ("shop thefts"), for a decline."""
    return " ".join(count_phrase(query.text)) or query.target


# How an answer names the type of value a question asked for (`Query.value`).
VALUE_NAMES = {
    "money": "amount of money",
    "person": "person's name",
    "role": "chair, lead or other role",
    "agent": "body or person",
    "contact": "email address, phone number or other contact",
    "share": "share or percentage",
    "age": "age",
    "duration": "length of time",
    "frequency": "frequency",
    "month": "month",
    "day": "exact date (day)",
    "date": "date",
    "figure": "figure",
}


def _head_noun(match: re.Match[str] | None) -> str:
    """The last word of the noun phrase a match starts (up to a verb or preposition)."""
    words = _noun_phrase(match)
    return words[-1] if words else ""


def _noun_phrase(match: re.Match[str] | None) -> tuple[str, ...]:
    words: list[str] = []
    head = match.group(1).lower().split()[:2] if match else []
    if head and head[0].endswith("ed") and head[1:] in ([], *([p] for p in lang.PARTICLES)):
        return ()  # "how many ended up in X": a verb, no noun (it counts what it leans on)
    for word in match.group(1).lower().split() if match else []:
        word = word.strip(",;:?.|")  # a "|" the user typed is not a word
        if word in lang.PHRASE_END or not word:
            break
        words.append(word.split("'")[0] if word.endswith("'s") else word)
    for i, word in enumerate(words[:-1]):  # "people ended up in hospital": a verb and its
        if word.endswith("ed") and words[i + 1] in lang.PARTICLES:  # particle end the noun
            words = words[:i]
            while words and words[-1].endswith("ly"):  # "actually ended up": an adverb
                words.pop()
            break
    while len(words) > 1 and lang.is_past_verb(words[-1]):  # "weapons seized", "reports came
        words.pop()  # (from)": a verb after the noun ends the phrase
    return tuple(words)


# The base of a rate ("per head", "per 1,000 residents") is a unit, not a name asked about.
RATE_BASE = re.compile(r"(?i)\bper\s+[a-z]+")
# An age group a figure is asked for ("under 18s", "aged 18-24", "65 year olds"): a figure for
# all ages does not answer it. A bare "under 25" is an age only before nothing that measures
# something else ("under 10%", "under 5 minutes").
AGE_GROUP = re.compile(
    r"\b(?:under|over)[ -]?(\d{1,2})s\b|\baged (?:under |over )?(\d{1,2})\b|"
    r"\b(\d{1,2})(?:[ -](?:to|-)[ -]?\d{1,2})?[ -]years?[ -]olds?\b|"
    r"\b(?:under|over)[ -](\d{1,2})\b(?![%.,]?\d|\s*(?:%|per|minutes?|hours?|days?|weeks?|"
    r"months?|years?|miles?))",
    re.I,
)


def constraints_of(text: str, names: frozenset[str] = frozenset()) -> tuple[Constraint, ...]:
    """What a question constrains its answer to.

    The periods it asks about, the proper names (from the corpus) it uses, the part of a whole
    it asks about ("group", see `subgroup_words`) and the unit it asks a figure broken down by
    ("split", see `split_units`).
    """
    text = lang.CONTRAST.sub(" ", text)
    dated = lang.DATED_TITLE.sub(" ", text)
    out = [Constraint("period", lang.period_label(p), frozenset({p})) for p in lang.periods(dated)]
    words = lang.name_words(RATE_BASE.sub(" ", text))  # "per head" names no one
    out += [Constraint("name", w) for w in dict.fromkeys(words) if w in names]
    groups = subgroup_words(text)
    out += [Constraint("group", w) for w in groups]
    out += [Constraint("group", a) for a in age_groups(text) if a not in groups]
    out += [Constraint("split", w, among=names) for w in split_units(text)]
    return tuple(out)


def age_groups(text: str) -> tuple[str, ...]:
    """The ages of the age groups a question asks about ("under 18s" -> "18")."""
    return tuple(dict.fromkeys(next(filter(None, m.groups())) for m in AGE_GROUP.finditer(text)))


def whole_words(text: str) -> tuple[str, ...]:
    """The words of the whole "how many of the X were Y?" takes a part of (X, no figures).

    "how many of the 212 knife offences involved children?" takes its part of knife offences:
    a sentence about children in other offences does not answer it.
    """
    m = lang.SUBGROUP.search(text)
    whole = (m.group(1) or m.group(3) or "") if m else ""
    words = re.findall(r"[a-z][a-z'-]*", whole.lower())
    return tuple(w for w in words if w not in lang.STOPWORDS and w not in lang.DEGREE_WORDS)


def whole_phrase(text: str) -> str:
    """The whole "how many of the X were Y?" takes a part of, as the question says it.

    "how many of the 212 knife offences involved children?": "the 212 knife offences".
    """
    m = lang.SUBGROUP.search(text)
    if not m:
        return ""
    i = 1 if m.group(1) is not None else 3
    det = re.search(r"(?i)\b(?:the|those|these|our)\s*$", text[: m.start(i)])
    return " ".join(f"{det.group(0) if det else ''} {m.group(i)}".split())


def said_as(text: str, asked: tuple[str, ...]) -> tuple[str, ...]:
    """The constraints asked, each as the question says it (duplicates once).

    Words of one whole ("how many of the 212 knife offences ...") are named by that whole ("the
    212 knife offences"); an age ("18") by its group ("under 18s"); names the question joins
    with "and" ("westmorland and furness") by the two together; a particle or stopword ("out")
    only when nothing else is named. Anything else stays as asked.
    """
    whole, words = whole_phrase(text), set(whole_words(text))
    ages = {next(filter(None, m.groups())): m.group(0) for m in AGE_GROUP.finditer(text)}
    out: list[str] = []
    for a in dict.fromkeys(asked):
        said = whole if a in words and whole else ages.get(a, a)
        joined = out and re.search(
            rf"(?i)\b{re.escape(out[-1])}\s+(?:and|&)\s+{re.escape(said)}\b", text
        )
        if joined:
            out[-1] = joined.group(0)
        elif said not in out:
            out.append(said)
    plain = tuple(p for p in out if p not in lang.PARTICLES and p not in lang.STOPWORDS)
    return plain or tuple(out)  # "run out of X": "out" names nothing when more is named


def split_units(text: str) -> tuple[str, ...]:
    """The unit a question asks a figure broken down by ("in each town": "town").

    Ages and months are types of value (`lang.ASKS_VALUE`), checked as such.
    """
    units = (next(filter(None, m.groups())).lower() for m in lang.SPLIT.finditer(text))
    # "which one went up the most?" picks one of what it named, it names no unit
    skip = ("age", "month", "year", "one", "ones")
    return tuple(dict.fromkeys(u for u in units if u not in skip))


def subgroup_words(text: str) -> tuple[str, ...]:
    """The words of the part of a whole that "how many of the X were Y?" asks about (Y).

    "how many of the adults in treatment are women?" asks for women: a figure for all adults
    in treatment does not answer it.
    """
    m = lang.SUBGROUP.search(text)
    if not m:
        return ()
    part = m.group(2) or m.group(4)
    parts = [w for raw in re.findall(r"[\w']+", part.lower()) for w in raw.split("_")]
    words = [re.sub(r"^(\d+)s$", r"\1", w) for w in parts]  # "18s" -> "18"
    words = [w for w in words if w not in lang.STOPWORDS and (len(w) > 1 or w.isdigit())]
    words = [w for w in words if not lang.PRONOUN.fullmatch(w)]  # "have one of those": the
    if words == ["one"]:  # part is what was asked before, not a group of its own
        return ()
    figures = [w for w in words if w.isdigit()]  # "the bottom 10%", "under-18s": the figure
    return tuple(dict.fromkeys(figures or words))  # names the part; its words paraphrase


def _merge(
    own: tuple[Constraint, ...],
    earlier: tuple[Constraint, ...],
    places: frozenset[str] = frozenset(),
) -> tuple[Constraint, ...]:
    """A follow-up keeps the earlier constraints of each kind it does not restate.

    A place restates only the earlier places, a name of another sort only the earlier names
    of that sort (see `_sort`): after "how many Operation Lantern patrols in Eastmere?",
    "and in Northvale?" still asks about Operation Lantern.
    """
    kinds = {_sort(c, places) for c in own}
    return own + tuple(c for c in earlier if _sort(c, places) not in kinds)


def _sort(constraint: Constraint, places: frozenset[str]) -> str:
    """A constraint's kind, a name told apart as a place (one of `places`) or any other name."""
    if constraint.kind == "name" and constraint.text in places:
        return "place"
    return constraint.kind


def parse_query(
    question: str,
    history: list[Query] | None = None,
    names: frozenset[str] = frozenset(),
    titles: dict[str, str] | None = None,
    places: frozenset[str] = frozenset(),
) -> Query:
    """Turn a question (and the conversation so far) into a typed Query.

    Args:
        question: the user's words, as typed.
        history: earlier turns' queries, oldest first.
        names: proper names of the corpus (see `proper_names`), the places and bodies a
            question can constrain the answer to.
        titles: doc_id -> title of the corpus's documents; a part that names one by its title
            ("according to the Community Safety Agreement") is answered from it.
        places: the words of the places the corpus names (of `names`, those that are places):
            a follow-up's place restates an earlier place, not an earlier programme or body.

    Returns:
        The query, with its parts when it asks more than one thing.
    """
    question = the_ask(" ".join(question.split()), names, places)  # a newline or tab: a space
    previous = history[-1] if history else None
    follows = previous is not None and is_follow_up(question)
    context = ()
    if follows and previous:
        own = constraints_of(question, names)
        own += relative_periods(question, own, previous)
        context = tuple(
            _restate(text, previous.constraints, question, own, places)
            for text in (previous.text, *previous.context)
        )
    pieces = split_parts(question)
    parts = []
    for i, piece in enumerate(pieces):
        leans = i > 0 and _leans_on_first(piece)
        ctx = context if i == 0 else ((pieces[0], *context) if leans else ())
        own = constraints_of(piece, names)
        kind = answer_kind(piece)
        target = count_target(piece) or list_target(piece) or defined(piece)
        value = lang.asked_value(piece)
        inherited: tuple[str, ...] = ()
        if i == 0 and follows and previous:
            stated = own + relative_periods(piece, own, previous)
            own = _merge(stated, carried(previous, piece), places)
            inherited = tuple(c.text for c in own[len(stated) :])
            if not lang.OWN_QUESTION.search(piece):  # "and young people?" asks the same again
                kind = kind or previous.kind
                target = target or previous.target
                value = value or previous.value
            elif lang.asked_value(f"{piece.rstrip(' ?')} {previous.text}") == "person":
                value = value or "person"  # "what's their name?" after "who chairs the board?"
        elif leans:
            own = _merge(own, constraints_of(pieces[0], names), places)
        value = value or period_figure(piece, kind, own)
        docs = lang.named_documents(piece, titles or {})
        leans_on = ""
        if i == 0 and follows and previous and lang.POINTS_AT_ANSWER.search(piece):
            leans_on = previous.answered  # "is that up?": the figure just given
        parts.append(
            Query(
                piece,
                ctx,
                kind,
                target,
                value,
                own,
                documents=docs,
                inherited=inherited,
                leans_on=leans_on,
            )  # fmt: skip
        )
    if len(parts) == 1:
        return parts[0]
    return replace(
        parts[0],
        text=question.strip(),
        constraints=_union(parts),
        parts=tuple(parts),
        documents=tuple(dict.fromkeys(d for p in parts for d in p.documents)),
    )


def carried(previous: Query, question: str = "") -> tuple[Constraint, ...]:
    """The constraints a follow-up (`question`) takes from the earlier turn.

    Of a question of several parts, only those every part shares: after "referrals in 2023/24,
    and how many went to the panel?", "what share of those were under 18?" keeps 2023/24 but
    not the panel, which only the second part asked about. A follow-up asking a question of
    its own ("how many are in Northvale?") does not take the breakdown the earlier one asked
    for ("which town has the most X?"): that was the shape of its answer. One asking how
    things stand now ("who runs it now?") does not take the earlier period.
    """
    shared = previous.constraints
    if previous.parts:
        shared = tuple(c for c in shared if all(c in p.constraints for p in previous.parts))
    dropped = set()
    if lang.OWN_QUESTION.search(question):
        dropped.add("split")
    if lang.LATEST.search(question):
        dropped.add("period")
    return tuple(c for c in shared if c.kind not in dropped)


def relative_periods(
    question: str, own: tuple[Constraint, ...], previous: Query
) -> tuple[Constraint, ...]:
    """A follow-up's period given relative to the earlier one ("what about the year before?").

    Empty when the follow-up names a period of its own or asks for none relative to another.
    """
    if any(c.kind == "period" for c in own):
        return ()
    moved = lang.shifted_periods(question, previous.asked_periods)
    return tuple(Constraint("period", lang.period_label(p), frozenset({p})) for p in sorted(moved))


def _written(question: str, c: Constraint) -> list[str]:
    """How a question writes a constraint; its label when given relatively ("the year before")."""
    return [question[a:b] for a, b in _spans(question, c)] or [c.text]


def _restate(
    text: str,
    earlier: tuple[Constraint, ...],
    question: str,
    own: tuple[Constraint, ...],
    places: frozenset[str] = frozenset(),
) -> str:
    """The earlier question with the periods or names a follow-up restates put in their place.

    After "how many hotspots are in Carlisle?", "and in Barrow?" leans on "how many hotspots
    are in Barrow?", so the earlier place is not sought again. A place takes the place of an
    earlier place only, not of a programme's name (see `_sort`).
    """
    for kind in ("period", "place", "name"):
        said = [c for c in own if _sort(c, places) == kind]
        new = list(dict.fromkeys(w for c in said for w in _written(question, c)))
        old = [c for c in earlier if _sort(c, places) == kind]
        if not new or not old:
            continue
        spans = [m for c in old for m in _spans(text, c)]
        for i, (start, end) in enumerate(sorted(spans, reverse=True)):
            put = " and ".join(new) if i == len(spans) - 1 else ""
            text = f"{text[:start]}{put}{text[end:]}"
    return re.sub(r"\s{2,}", " ", text).strip()


def _spans(text: str, constraint: Constraint) -> list[tuple[int, int]]:
    """Where a constraint is written in a question (a period in any spelling, a name's word)."""
    if constraint.kind == "period":
        return [(s, e) for v, _, s, e in lang.period_spans(text) if v in constraint.periods]
    words = re.finditer(r"[A-Za-z][A-Za-z'-]+", text)
    return [m.span() for m in words if lang.base_word(m.group(0).lower()) == constraint.text]


def _union(parts: list[Query]) -> tuple[Constraint, ...]:
    return tuple(dict.fromkeys(c for p in parts for c in p.constraints))


def split_parts(question: str) -> list[str]:
    """Split a question that asks two or more things into its parts.

    A fragment with fewer than two content words ("what was it") stays with the part before,
    unless it asks a type of value of its own ("and what % was race?" asks for a share).
    """
    pieces: list[str] = []
    for piece in lang.PART_BREAK.split(question.strip()):
        piece = piece.strip(" ,;")
        own = len(lang.terms(piece)) >= 2 or (lang.terms(piece) and lang.asked_value(piece))
        if pieces and not own:
            pieces[-1] = f"{pieces[-1]}; {piece}"
        elif piece:
            pieces.append(piece)
    return pieces or [question.strip()]


def _leans_on_first(piece: str) -> bool:
    """A part that says "it", "that board"... or too little to stand alone needs the first.

    Too little is two words or fewer, not counting periods or words naming only a kind of
    figure ("what was the 2023/24 number in the needs assessment?").

    So does a count whose verb follows "how many" at once ("... and how many ended up going to
    Channel?" counts what the first part names; "how many were grass fires?" names its own).
    """
    how_many = lang.HOW_MANY.search(piece)
    verb = (how_many.group(1).split() or [""])[0] if how_many else ""
    counts_nothing = lang.is_past_verb(verb)
    own = {w for w in lang.terms(piece) if w not in lang.FIGURE_WORDS and not lang.periods(w)}
    return bool(lang.PRONOUN.search(piece)) or len(own) <= 2 or counts_nothing
