"""Language: every English word list and pattern the answerer and the wording check use (pure).

Like bm25s's `stopwords.py`, this is the one module that spells out English. Everything else
imports from here; nobody writes a second list. Where a list is hand-written, its comment says
where it came from. Synonyms are not listed here: the glossary's acronyms (lexical.Synonyms) and
the embedding model (evidence.py weighs a missing word by how much it changes the question's
meaning) stand in for a thesaurus.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# The words that put a date at the end of a span ("from March to May 2024", "2025-2028",
# "runs until March 2028"): matched against the text just before the date.
SPAN_END = re.compile(r"(?:\b(?:to|until|till|through)|[-\u2013])\s*$", re.I)

# Function words that never carry a question's meaning (the usual English closed-class words,
# plus the request verbs people put in front of a question: "tell me", "please give").
STOPWORDS = frozenset(
    "a an and are as at be been by can do does did for from has have how in is it its of on or "
    "our that the their them there these they this to was were what when where which who whom why "
    "will with would about into than then also any all not no so such per i we you he she his her "
    "tell me please give list show".split()
)

# English function words as NLTK lists them (shipped by bm25s): "about", "our", "same", "only"...
# A question's own content is what is left once they are set aside ("what about 2024?" asks for
# 2024, not for "about"). Words that say which way or which side are kept ("going up?", "the
# year before", "over 25s"). The BM25 index keeps its smaller list.
DIRECTION_WORDS = frozenset(
    "up down before after above below over under more most few against".split()
)


@functools.cache
def function_words() -> frozenset[str]:
    """NLTK's English function words but the direction words (bm25s is imported on first use)."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS) - DIRECTION_WORDS


# Words that frame a question rather than say what it is about ("according to", "what does the
# document say"); they are never counted as evidence.
QUESTION_FRAMING = frozenset(
    "how many much what which who whom whose when where why is are was were do does did has have "
    "according quote quoted say says state states mention mentions describe explain list name "
    "give tell current currently now latest old edition belong belongs choose chose set out "
    "document documents often piece kind type sort".split()
    # words of the speaker's stance, not of what is asked: "what do we actually count as..."
    + "actually really basically exactly just even genuinely honestly".split()
)

# Cardinal number words (the ones documents spell out: "nine pathways", "six priorities").
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"}

YEAR = re.compile(r"\b(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?\b")
DATE = re.compile(rf"\b(?:\d{{1,2}} )?(?:{MONTHS}) \d{{4}}\b|\b(?:19|20)\d\d(?:/\d\d)?\b")
ANY_DATE = re.compile(rf"\b(?:19|20)\d\d(?:/\d\d)?\b|\b(?:{MONTHS})\b")
NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
DIGIT = re.compile(r"\d")

# Direction of change: verbs and comparatives for up and down.
UP = re.compile(
    r"\b(rose|risen|rise|rises|increased?|increasing|up|higher|more|grew|grown)\b", re.I
)
DOWN = re.compile(
    r"\b(fell|fallen|fall|falls|decreased?|decreasing|down|lower|less|fewer|"
    r"reduced|dropped|declined?)\b",
    re.I,
)
# A sentence that states a change with its size ("fell by 35.9%", "a 7% increase").
CHANGE = re.compile(
    r"\b(?:fell|fall|falls|down|up|rose|rise|rises|increased?|decreased?|reduc\w*|dropped|cut)\b"
    r"[^.;|]{0,30}?\d|\d[\d.,]*%?[^.;|]{0,20}\b(?:fall|reduction|increase|rise|drop|decrease)\b",
    re.I,
)

# Organisations: a capitalised name ending in one of the usual English heads of a body's name.
BODY = re.compile(
    r"\b(?:[A-Z][\w'&-]*,? (?:(?:and|of|for|&) )?)*[A-Z][\w'&-]* "
    r"(?:Board|Partnership|Council|Group|Commissioner|Service|Team|Constabulary|"
    r"Panel|Authority)\b"
)
OVERCLAIM = re.compile(
    r"\b(eliminated|eradicated|ended|all|every(?!\s+[\d£])|always|never|guarantees?|"
    r"only(?!\s+(?:about|around|some|nearly|almost|just|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|[\d£]))|"
    r"first (?:\w+ )?in (?:the country|england|the uk|britain)|first county|"
    r"lowest \w+ (?:rate )?of any|highest \w+ of any|100%|zero)\b",
    re.I,
)
# Words that say of a whole group what an overclaim's "all" or "every" says: each one of it.
WHOLE_GROUP = frozenset({"all", "every", "each", "both"})


def says_as_much(word: str, text: str) -> bool:
    """True when a text says what an overclaim word says.

    The word itself, or for "all" and "every" any word that says it of each of a group ("each
    pathway lead", "both hospitals").
    """
    word = word.lower()
    if word in text.lower():
        return True
    forms = WHOLE_GROUP if word in WHOLE_GROUP else frozenset()
    return any(re.search(rf"\b{f}\b", text, re.I) for f in forms)


# "most of them" is a share (the majority), not a superlative.
SUPERLATIVE = re.compile(
    r"\b(highest|lowest|largest|smallest|most(?!\s+of\b)|fewest|biggest|worst|best)\b", re.I
)
# A figure given as the earlier value of a change ("up from 72", "compared with 81").
FROM_VALUE = re.compile(
    r"\b(?:up|down|rising|falling|increased?|decreased?|rose|fell)? ?from "
    r"(£?\d[\d,]*(?:\.\d+)?%?)|\b(?:previously|compared with) (£?\d[\d,]*%?)",
    re.I,
)

# --- Question shapes (what kind of answer is asked for) --------------------------------------
NUMERIC_QUESTION = re.compile(
    r"\b(how many|how much|what (?:was|is|were|are) the (?:rate|number|share|total|figure|"
    r"percentage|proportion|target|budget|grant)|what percentage|what proportion|rate|figure|"
    r"per 1,000|per cent|number of|by how much)\b|%",
    re.I,
)
CHANGE_QUESTION = re.compile(
    r"\bby how much\b|\bhow (?:much )?(?:did|has|have|does|do|is|are) .*\b(?:chang(?:e|ed|es|ing)|"
    r"f[ae]ll(?:en|s|ing)?|r[io]s(?:e|en|es|ing)|(?:in|de)creas(?:e|ed|es|ing)|"
    r"drop(?:s|ped|ping)?|compar(?:e|ed|es|ing)|moved|shifted)\b|"
    # the same asked inside a request keeps a statement's order: "(tell me) how ASB has moved"
    r"\bhow\b[^?.;]*?\b(?:has|have|had)\s+(?:chang(?:ed)|moved|shifted|"
    r"r[io]sen|fallen|gone (?:up|down))\b|"
    r"\bwhat (?:was|is) the (?:change|fall|rise|increase|reduction|decrease)\b|"
    r"\b(?:up or down|down or up|go(?:ne)? up|go(?:ne)? down|rise or fall|risen or fallen)\b|"
    # what something did to a figure: "has it made a dent in", "any impact on", "did it work"
    r"\b(?:made|make|makes|making|any|what|much|an?) (?:real |big |much )?(?:dent|difference|"
    r"impact|effect)\b|\b(?:has|did|is) (?:it|this|that) work(?:ed|ing)?\b|"
    # a yes/no question on a direction: "are they going up?", "is X still rising?", "has car
    # crime come down at all?", "is hate crime on the rise?"
    r"(?:^|[-,;:\u2013?]\s)\s*(?:and\s+)?(?:is|are|has|have|had|was|were)\b[^?]*\b(?:rising|"
    r"falling|increasing|"
    r"decreasing|dropping|declining|growing|climbing|going (?:up|down)|gone (?:up|down)|"
    r"come down|getting (?:worse|better)|on the (?:rise|increase|way (?:up|down))|risen|fallen|"
    r"increased|decreased|dropped|declined|grown|improved|worsened|trending (?:up|down)|"
    r"(?:up|down) on (?:the|last|a)\b)\b",
    re.I | re.M,
)
WHEN_QUESTION = re.compile(
    r"^\s*(?:when|since when|(?:in |by |over |for )?(?:what|which) (?:year|years|date|dates|"
    r"month|period|time period))\b"
    r"|\b(?:and|,) when\b|\bby when\b",
    re.I,
)
# The words a question is asked with: a line with none of them ("KSIs on the roads in 2024?")
# is a phrase typed as into a search box.
INTERROGATIVE = re.compile(
    r"\b(?:what|what's|whats|which|who|who's|whom|whose|how|when|where|why|is|are|was|were|"
    r"do|does|did|has|have|had|can|could|will|would|should|tell|give|show|list)\b",
    re.I,
)
LIST_QUESTION = re.compile(r"^\s*(?:what|which) (?:are|were)\b|\blist\b|^\s*name\b", re.I)
TABLE_QUESTION = re.compile(r"\btables?\b", re.I)
HOW_MANY = re.compile(r"\bhow many\s+([^?]+)", re.I)
# "how many times did X happen?": the clause after the auxiliary says what happened.
HOW_MANY_TIMES = re.compile(
    r"\bhow many (?:times|occasions) (?:did|do|does|has|have|had|was|were|is|are|will)\s+([^?]+)",
    re.I,
)
# The units a length of time is counted in: "nine months", "three weeks", "5,900 patrol hours".
# A figure counting one of them is a duration, never the value of a count of things.
TIME_SPANS = frozenset(
    "minute minutes hour hours day days week weeks fortnight fortnights month months "
    "year years decade decades".split()
)


def time_span(word: str) -> str:
    """The unit of time a word counts in ("months" -> "month"; "" when it counts no time)."""
    low = word.lower()
    return low.rstrip("s") if low in TIME_SPANS else ""


# Words that end the clause of a happening: a time ("last year", "this year") or a next clause.
CLAUSE_END = frozenset("last this next each every and or but since during over".split())
LIST_THE = re.compile(r"^\s*(?:please )?(?:list|name) (?:all |the |its |their )*([^?]+)", re.I)
WHAT_ARE = re.compile(r"^\s*(?:what|which) (?:are|were) (?:the |its |their )?([^?]+)", re.I)
# "Which boards report to SCP?": which or what and a plural noun asks for the things (a list).
# A word in -s followed by "as", "if", "to"... is a verb: "what counts as", "what happens if".
WHICH_THINGS = re.compile(
    r"^\s*(?:and\s+)?(?:which|what)\s+(?!\w+s\s+(?:as|if|to|when|about|like|for|with)\b)([^?]+)",
    re.I,
)
# "Which hotspots are in Carlisle?", "what reference covers Bowness?": a question that picks
# things by what they are or where (the rows of a table whose cell holds the value it names).
WHICH_PICKS = re.compile(r"^\s*(?:and\s+)?(?:which|what)\b", re.I)
# What a question sets aside ("... rather than specified authorities") is not sought.
CONTRAST = re.compile(
    r"\b(?:rather than|other than|instead of|apart from|excluding)\b[^,;?]*", re.I
)
# A question weighing one thing against another ("Eastmere or Northvale?", "X v Y", "compared
# with"): its answer keeps both sides of a table row.
WEIGHS = re.compile(r"\b(?:or|v|vs|versus|against|compared?|comparison|than|between)\b", re.I)
# Words that end the noun phrase after "how many" / "what are the".
PHRASE_END = frozenset(
    "was were is are did do does have has had will would can could should sit there in on at "
    "of for from by to with that which who per across during went got".split()
)
# A breakdown asked for: "in each town", "broken down by council area", "which schools made the
# most referrals". The answer must give the figure by that unit, not the county's total.
SPLIT = re.compile(
    r"\b(?:in|for|by|across) (?:each|every) ([a-z]+)|"
    r"\b(?:broken down|split|breakdown|break down|broke down|separated|grouped) "
    r"(?:by|for each|per) (?:the |each )?([a-z]+)|"
    r"\bwhich ([a-z]+?)s? (?:\w+ ){0,3}?(?:the )?(?:most|highest|lowest|least|fewest|biggest)\b",
    re.I,
)
# "how many of the X were Y?": Y is the part of the whole asked about.
_PART_VERB = r"(?:are|were|is|was|involved|involve|had|have|came from|come from)"
SUBGROUP = re.compile(  # the whole (X) then the part (Y), in either order of the question
    rf"\bhow many of (?:the|them|those|these|our)\b([^?]*?)\b{_PART_VERB}\b([^?]+)|"
    rf"^\s*(?:and\s+)?of (?:the|those|these|our)\b([^?,]*?),? how many (?:\w+ )?"
    rf"{_PART_VERB}\b([^?]+)",
    re.I,
)
# A clause granting a background fact beside a sentence's point, at its start or end:
# "Although crime fell, ...", "..., even though crime has fallen." (group 1: the clause itself)
CONCESSIVE = re.compile(
    r"^(?:although|though|even though|whereas)\s+([^,;]+),\s*(?=\S)|"
    r",\s*(?:although|though|even though|whereas)\s+([^,;]+?)[.!]?\s*$",
    re.I,
)


def concessive_clause(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, clause) of a concessive clause opening or closing a sentence, if any.

    The span covers the connective and its comma; the clause is the fact it grants
    ("crime has fallen"), to be checked as a statement of its own.
    """
    m = CONCESSIVE.search(sentence)
    return (m.start(), m.end(), m.group(1) or m.group(2)) if m else None


# A non-restrictive relative clause after a sentence's subject: "The board, which meets in
# March, reports to ...": groups subj, body (what the clause says of the subject), rest.
RELATIVE_ASIDE = re.compile(
    r"^(?P<subj>[A-Z].{2,80}?),\s+(?:who|which)\s+(?P<body>[^;]+?),\s+(?P<rest>[a-z].*)$"
)


# Words after a verb that make it a phrasal verb ("ended up", "turned out", "signed off").
PARTICLES = frozenset("up out in on at to into off down back away through over".split())
BEFORE_COUNT = frozenset(": was were is are at to of totalled reached numbered stood".split())
CLAUSE_BREAK = re.compile(r",\s|;|\(|\)|\.\s|\b(?:and|or|but|while|whereas)\b")
COUNT_TOKEN = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:['-][a-z]+)*|:")
CAPTION = re.compile(r"^(table|figure|chart|source|note)s?\b[^|]*$", re.I)
# A sentence that points to a table or list rather than stating anything ("The table below
# gives headline figures for ...", "Table 4 shows ...", "These are set out below").
POINTER = re.compile(
    r"\b(?:table|chart|figure|list|box)s? (?:below|above|that follows)\b|\bthe following "
    r"(?:table|chart|figure|list)\b|\b(?:table|chart|figure) \d+ (?:shows|gives|sets out|lists|"
    r"summarises)\b|\b(?:set out|shown|listed|summarised|given) (?:below|in the table)\b",
    re.I,
)

# A sentence that announces the list after it: "... agree the following eight
# recommendations.", "The plan sets out five priorities:", "These are the following aims:".
# Group 1 is the count (a digit or number word, optional), group 2 the listed noun.
_COUNT_WORD = r"\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one"))
ANNOUNCES = re.compile(
    rf"\bfollowing (?:({_COUNT_WORD}) )?(?:[a-z-]+ ){{0,2}}?([a-z]+s)\s*[:.]?\s*$"
    rf"|\b({_COUNT_WORD}) (?:[a-z-]+ ){{0,2}}?([a-z]+s)\s*:\s*$",
    re.I,
)


def announced_list(sentence: str) -> tuple[str, int | None] | None:
    """The noun and count of the list a sentence announces, or None.

    "agree the following eight recommendations." -> ("recommendations", 8); "sets out five
    priorities:" -> ("priorities", 5); "the following aims:" -> ("aims", None).
    """
    match = ANNOUNCES.search(sentence)
    if not match or POINTER.search(sentence):  # "the following table shows rates."
        return None
    count, noun = (match.group(1), match.group(2)) if match.group(2) else match.group(3, 4)
    if count is None:
        return noun.lower(), None
    return noun.lower(), int(NUMBER_WORDS.get(count.lower(), count))


_COUNTED = re.compile(rf"\b({_COUNT_WORD})((?: [a-z-]+){{1,3}})", re.I)
# An inline list after its noun: "set four priorities: night-time violence, knife crime and ..."
_INLINE_ITEMS = re.compile(r":\s+([^:]+?(?:[,;][^,;:]+)+)$")


def listed_count(text: str, noun: str) -> int | None:
    """How many of `noun` a text says there are: "the 4 priorities" -> 4 ("priorities").

    The count stands before the noun with at most two words between ("five new priorities").
    """
    for match in _COUNTED.finditer(text):
        words = match.group(2).lower().split()
        if any(same_word(w, noun) for w in words):
            count = match.group(1).lower()
            return int(NUMBER_WORDS.get(count, count))
    return None


def other_count(question: str, text: str, noun: str) -> bool:
    """True when a question and a sentence both count `noun` and the counts differ.

    "What were the 4 priorities?" is not answered by "agreed five priorities for this refresh:".
    """
    asked = listed_count(question, noun) if noun else None
    return asked is not None and listed_count(text, noun) not in (None, asked)


_LIST_VERBS = frozenset("are were is was include includes included being".split())


def lists_inline(sentence: str, noun: str) -> bool:
    """True when a sentence names `noun` just before a colon and gives the items after it.

    "... set four priorities: a; b; and c." and "The shared priorities are: a, b and c." list
    priorities; "Priorities were set in 2024: the board met, agreed and ..." does not end its
    noun phrase at the colon; "Goal: ..." defines a term, and a singular noun names one item.
    """
    head = re.findall(r"[a-z]+", sentence.partition(":")[0].lower())
    while head and head[-1] in _LIST_VERBS:
        head.pop()
    if len(head) < 2:  # "Pathway: one of the nine areas ..." defines a term
        return False
    near = head[-3:]
    return any(same_word(w, noun) and w.endswith("s") for w in near) and (
        len(inline_items(sentence)) >= 2
    )


def inline_items(text: str) -> list[str]:
    """The items of a list a sentence gives after a colon ("four aims: a, b, c and d").

    Split at commas and "and", so an item that itself holds "and" comes apart: the result
    tells a list from a clause after a colon, not how many items there are.
    """
    match = _INLINE_ITEMS.search(text)
    if not match:
        return []
    parts = re.split(r"[,;]\s*(?:and\s+|or\s+)?|\s+and\s+", match.group(1).rstrip(" ."))
    return [p.strip() for p in parts if p.strip()]


# --- Headings that make good suggested questions (assistant/suggest.py) -----------------------
# A heading that names no topic of its own: front and back matter, and the framing sections
# of a report (hand-written from the UK public-sector reports in corpus/).
GENERIC_HEADINGS = frozenset(
    {
        "contents", "glossary", "foreword", "introduction", "summary", "executive summary",
        "overview", "background", "purpose", "scope", "method", "methodology", "about",
        "about this page", "about this report", "about this document", "key findings",
        "signatories", "related documents", "references", "bibliography", "appendix", "annex",
        "acknowledgements", "contact us", "contacts", "further information", "document control",
        "version history", "frequently asked questions", "data sources", "sources and caveats",
        "the framework", "progress table", "summary table", "reporting", "annual review",
        "next steps", "conclusion", "conclusions", "recommendations",
    }
)  # fmt: skip
# Headings that begin a clause rather than name a topic ("What we will do differently"), and
# numbering before a heading ("5.3", "Priority 2:", "5.1 Priority 1:", "Chapter 4.", "A.").
CLAUSE_HEADING = re.compile(r"^(?:what|why|how|who|where|when|foreword|appendix|annex)\b", re.I)
# Headings about the document's own structure rather than a subject ("The four strands",
# "Comparison table", "Headline figures", "Membership", "Risks").
STRUCTURAL_HEADING = re.compile(
    r"^(?:the|a|an|our|this|these|its|about|other|links?)\b|\b(?:tables?|figures?|summary|"
    r"comparison|membership|review|reviewing|risks?|delivery|publication|actions|dates|"
    r"framework|measures|measuring|reporting|introduction|purpose|gaps|commentary|results|"
    r"progress|changes|so far)\b",
    re.I,
)
HEADING_NUMBER = re.compile(r"^(?:(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[A-Za-z]+ \d+[:.])\s+)+")

# --- Everyday short forms ---------------------------------------------------------------------
# Short forms of general English that staff type in a hurry ("op enhance", "on the yr before").
# They join the glossary's acronyms (lexical.Synonyms), so each form finds the other. Hand-written
# from common English usage, not from any question; the corpus's own acronyms stay in
# corpus/glossary.yaml.
EVERYDAY_SHORT_FORMS = (
    ("op", "operation"), ("ops", "operations"), ("yr", "year"), ("yrs", "years"),
    ("govt", "government"), ("dept", "department"), ("approx", "approximately"),
    ("info", "information"), ("stats", "statistics"), ("mgmt", "management"),
    ("tgt", "target"), ("avg", "average"), ("esp", "especially"), ("qtr", "quarter"),
)  # fmt: skip

# --- What value a question asks for, and whether a sentence gives one -------------------------
# A question can ask for a value of a type (an amount of money, a person's name, a share, an
# age, a length of time). A sentence that gives no value of that type does not answer it, however
# close its topic: "how much did the board get?" is not answered by "the board received money".
MONEY_NOUN = (
    r"(?:money|cash|funding|funds?|grants?|budgets?|cost(?:s|ing)?|spen[dt]|spending|salary|"
    r"salaries|paid|pay|precept|allocat\w*|worth|quid|£)"
)
ASKS_VALUE = {
    "money": re.compile(
        rf"\bhow much\b[^?]*\b{MONEY_NOUN}(?!\w)|£|\bwhat(?:'?s| is| was| are| were)? (?:the )?"
        r"(?:\w+ ){0,4}(?:budget|salary|cost|precept|(?:contract|grant|annual|total) value)\b",
        re.I,
    ),
    # A person's name asked for about a role ("what's the name of the director?"), also in a
    # request after the question ("who chairs it? need a name").
    "person": re.compile(
        r"\b(?:name|names|named|called)\b(?=[^?]*\b(?:director|chair|chairs|head|commissioner|"
        r"officer|lead|leads|manager|chief|superintendent|inspector|person|people|minister|"
        r"councillor|mp|vice-chair|co-chair)\b)|^\s*(?:and\s+)?who\b.*\bnames?\b|\b(?:director|chair|head|commissioner|officer|"
        r"manager|chief|superintendent|inspector|vice-chair|co-chair)\b[^?]*\b(?:called|named|"
        r"name)\b"
        # "who is the Chief Constable?": a post one person holds, asked who holds it now. A post
        # held by a post ("who is the SRO?" -- the Commissioner) or a chair (see "role") is not.
        r"|^\s*(?:and\s+)?who(?:'s| is| was)\s+(?:the |our |cumbria's )?(?:current |new |present )?"
        r"(?:(?:deputy|assistant) )?(?:director of|chief (?:constable|executive|superintendent|"
        r"inspector)|(?:police,? fire and crime |police and crime )?commissioner|p[f]?cc)\b",
        re.I,
    ),
    # Who holds a role in a body ("who chairs the board?", "who runs the group?").
    "role": re.compile(
        r"^\s*(?:and\s+)?who(?:'s| is| are)?\b[^?]*\b(?:co-?chairs?|chairs?|chaired|leads?|led|"
        r"heads?|headed|runs?|manages?|oversees?|convenes?|in charge)\b",
        re.I,
    ),
    # Any other "who" question ("who does the old board's job now?", "who delivers it?"): a
    # body or a person, named (see `names_another`).
    "agent": re.compile(r"^\s*(?:(?:and|so|but)\s+)?who(?:'s|\s+is|\s+are)?\b", re.I),
    # Where to send or report something, or how to reach someone ("where do I send a referral?",
    # "what's the email for it?"): an email address, phone number or web address answers it.
    "contact": re.compile(
        r"\bwhere (?:do|should|can|would|could|does|must) (?:i|we|you|they|staff|people|one) "
        r"(?:\w+ )?(?:send|submit|e-?mail|post)\b|"
        r"\b(?:e-?mail|contact|postal) (?:address|details)\b|\b(?:phone|telephone|contact) "
        r"numbers?\b|\b(?:the|an|its|their|which|what) e-?mail\b|\bneed (?:the|an) e-?mail\b",
        re.I,
    ),
    "share": re.compile(
        r"\b(?:what|which) (?:proportion|percentage|share|fraction)\b|\bwhat per ?cent\b|"
        r"\bhow many (?:out of|in every)\b|\bwhat %",
        re.I,
    ),
    "age": re.compile(
        r"\b(?:average|median|mean) age\b|\bhow old\b|\bwhat age\b|\bages? (?:profile|breakdown|"
        r"range|ranges|groups?|bands?|split|mix)\b|\b(?:by|split by|broken down by) age\b",
        re.I,
    ),
    # The month something happened in ("which month had the most calls?").
    "month": re.compile(r"\b(?:which|what) months?\b", re.I),
    # A day asked for ("the exact date it started", "what day"): a month and year is no answer.
    "day": re.compile(r"\b(?:exact|precise|actual) date\b|\b(?:what|which|on what) day\b", re.I),
    # A calendar date, not a year ("what date will it be published?", "need the date"): a
    # bare year does not give it. "To date" and "up to date" ask for no date.
    "date": re.compile(
        r"\b(?:what|which|exact|on what) (?:date|day)\b|"
        r"\b(?:the|a) (?:\w+ )?dates?\b(?<!\bto date)",
        re.I,
    ),
    # A time something takes ("how long", "waiting times", "the average response time").
    "duration": re.compile(
        r"\bhow long\b|\bwait(?:ing)? (?:time|times|period|list)\b|\baverage wait|"
        r"\b(?:response|journey|travel|turnaround|processing|attendance) times?\b",
        re.I,
    ),
    # How often something happens ("how often does the board meet?").
    "frequency": re.compile(
        r"\bhow (?:often|frequently|regularly)\b|\bwhat frequency\b|"
        r"\bhow many times (?:a|per|each|every) \w+",
        re.I,
    ),
    # Any figure: a rate, a count, a total, a baseline ("what's the baseline for X?"). Last, so
    # the more specific types above win.
    # Staff often type just the noun phrase ("KSI numbers for 2024", "shoplifting figures for
    # Barrow"), so the noun asks for a figure with or without a question word before it.
    "figure": re.compile(
        r"\b(?:rates?|numbers?|population|totals?|figures?|baselines?|counts?|stats|statistics)"
        r"\b|\bhow (?:big|large|small)\b|\bsize of\b",
        re.I,
    ),
}
GIVES_VALUE = {
    # An email address, a phone number (UK style or a short service number such as 101), a web
    # address, or a named team to send it to.
    "contact": re.compile(
        r"[\w.+-]+@[\w-]+\.[\w.-]+|\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b|\b(?:call|ring|dial|phone|"
        r"telephone|on) (?:101|111|999)\b|\bwww\.[\w-]+\.[\w./-]+|\bhttps?://\S+|"
        # a named team to send it to ("to the Prevent team", "to your local Channel hub")
        r"\bto (?:the |your |a |our )?(?:[a-z]+ ){0,2}?(?-i:[A-Z][\w'-]*)(?: [\w'-]+){0,3} "
        r"(?:team|unit|hub|desk|helpline)\b",
        re.I,
    ),
    # Any role, not only the one asked: "who runs the group?" is answered by "chaired by".
    "role": re.compile(
        r"\b(?:co-?chair\w*|vice-chair\w*|chair\w*|led by|leads?|lead (?:agency|body|board|"
        r"officer|partner)|heads?|headed|run by|runs|managed by|manages|oversees|overseen|"
        r"convene[sd]?|convener|responsible owner|in charge|accountable)\b",
        re.I,
    ),
    "money": re.compile(r"£\s?\d|\b\d[\d,.]*\s?(?:pounds|million|billion|m|bn|k)\b", re.I),
    "share": re.compile(
        r"\d\s?%|\bper ?cent\b|\bper (?:1,000|100,000|10,000|100)\b|\bone in \w+|"
        r"\b(?:half|third|quarter|fifth|tenth|two-thirds|three-quarters)s?\b|"
        r"\b\d[\d,]* (?:of|out of) (?:the |all |its |every )?\d|"
        r"\bof (?:which|whom|these|them) \d|\bof the \d[\d,]*\b[^.;]*?\b\d",  # part of a whole
        re.I,
    ),
    "age": re.compile(
        r"\baged? (?:under |over |between )?\d|\b\d+[- ]years?[- ]olds?\b|"
        r"\b(?:under|over)[- ]\d+s?\b",
        re.I,
    ),
    "duration": re.compile(
        r"\b(?:\d[\d,.]*|a|one|two|three|four|five|six|twelve) (?:minutes?|hours?|days?|weeks?|"
        r"months?|years?)\b",
        re.I,
    ),  # spelt out ("six priorities"); digits are read by has_figure (not a year, date or period)
    "month": re.compile(rf"\b(?:{MONTHS})\b"),
    "day": re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})\b|\b(?:{MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?\b|"
        rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    ),
    "date": re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})\b|\b(?:{MONTHS}) (?:\d{{1,2}}(?:st|nd|rd|th)?|"
        rf"(?:19|20)\d\d)\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    ),
    "frequency": re.compile(
        r"\b(?:daily|weekly|fortnightly|monthly|quarterly|termly|annually|yearly|biannually)\b|"
        r"\b(?:once|twice|\w+ times) (?:a|per|each|every) (?:day|week|fortnight|month|quarter|"
        r"term|year)\b|\bevery (?:[\w-]+ ){0,3}?"  # "every six to eight weeks"
        r"(?:days?|weeks?|fortnight|months?|quarters?|years?)\b",
        re.I,
    ),
    "figure": re.compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
        r"fifty|hundred|dozen)\b",
        re.I,
    ),
}


# A number that names a part of a document ("Table 7", "section 4.2"), is part of a code or a
# name ("OE-07", "the A595", "Covid-19") or tells the time ("22:00", "3pm"), not a figure.
PART_NUMBER = re.compile(
    r"\b(?:table|figure|chart|section|page|annex|appendix|part|chapter|paragraph)s? [\d.]+|"
    r"\b[A-Za-z]+-?\d+\b|"
    r"\b\d{1,2}:\d\d\b|\b\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)\b",  # a time of day
    re.I,
)


_ANY_DIGIT = re.compile(r"\d")


def stated_numbers(text: str) -> frozenset[str]:
    """The figures a question refers to as given: "of the 212 offences", "those 64 referrals".

    Only a number after "the", "those", "these", "its" or "their" is one the question has; a
    draft sentence's own figures ("in 39% of referrals") are claims, not given. Years and
    periods are never figures.
    """
    if not _ANY_DIGIT.search(text):  # no number at all (the cutting below only removes)
        return frozenset()
    plain = _PERIOD.sub(" ", DATE.sub(" ", PART_NUMBER.sub(" ", text)))
    given = r"(?i)\b(?:the|those|these|its|their)\s+(\d[\d,]*(?:\.\d+)?)(?<![,.])(?![\d%])"
    return frozenset(form for n in re.findall(given, plain) for form in number_forms(n))


def number_forms(number: str) -> tuple[str, ...]:
    """A whole number as written and as the other way of writing it: "1620" and "1,620"."""
    if not re.fullmatch(r"\d[\d,]*", number):
        return (number,)
    plain = number.replace(",", "")
    return tuple(dict.fromkeys((number, plain, f"{int(plain):,}")))


# The words between a part and its whole ("four of the 18 hotspots", "11 of its 64 referrals").
PART_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|those\s+|these\s+)?", re.I)


# The past tense of common irregular verbs ("went", "got"); the regular ones end in -ed. The
# auxiliaries ("was", "were", "had", "did") are left out: "how many were X" names its own X.
IRREGULAR_PAST = frozenset(
    "became began came found gave got held kept knew left made met ran said saw sent stood "
    "took told went".split()
)


def is_past_verb(word: str) -> bool:
    """True for a verb in the past tense ("ended", "went"), as a word alone can show it."""
    word = word.lower()
    return (len(word) > 3 and word.endswith("ed")) or word in IRREGULAR_PAST


# The words that weigh one thing against another ("worse", "safer"): a comparison is answered
# by the two figures compared, so no passage need write the word itself.
COMPARATIVES = frozenset(
    "better worse higher lower more fewer less bigger smaller larger greater safer riskier "
    "busier quieter".split()
)
_COMPARATIVE = "|".join(sorted(COMPARATIVES))
# A comparison asks for the figures compared: "are we better or worse than the national
# average?", "did police shut more lines this year than last?", "is Eastmere or Northvale
# worse?", "which is higher, Eastmere or Northvale?"
# ("more than 100 burglaries" is a threshold, not a comparison)
COMPARE_QUESTION = re.compile(
    rf"\b(?:{_COMPARATIVE})\b[^?]{{0,60}}\bthan\b(?!\s+(?:£\s?)?\d)|"
    rf"\b(?:is|are|was|were|has|have|did|does|do)\b[^?,;]{{1,40}}\bor\s+(?!(?:{_COMPARATIVE})\b)"
    rf"[^?,;]{{1,40}}?\b(?:{_COMPARATIVE})\b|"
    rf"\bwhich\b[^?,;]{{0,20}}\b(?:{_COMPARATIVE})\b[^?]{{1,40}}\bor\b",
    re.I,
)


def figure_count(text: str) -> int:
    """How many figures a text gives (numbers in digits that are not years, dates or periods)."""
    if not _ANY_DIGIT.search(text):
        return 0
    bare = _PERIOD.sub(" ", DATE.sub(" ", PART_NUMBER.sub(" ", text)))
    return len(re.findall(r"\d[\d,]*(?:\.\d+)?", bare))


def has_figure(text: str) -> bool:
    """True when a text gives a figure: a number in digits that is not a year, date or period.

    Nor is the number of a table, section or page a figure.
    """
    if not _ANY_DIGIT.search(text):  # most sentences: no number to cut years and dates from
        return False
    return bool(re.search(r"\d", _PERIOD.sub(" ", DATE.sub(" ", PART_NUMBER.sub(" ", text)))))


# The words a document's title ends on; "the Community Safety Agreement" names a document.
DOC_TYPE_WORDS = r"(strategy|plan|agreement|assessment|report|briefing|overview|refresh)"
DOC_TYPE = re.compile(rf"\b{DOC_TYPE_WORDS}\b", re.I)
# A year that is part of a document's name ("the 2024 strategy", "2023/24 annual report") names
# an edition, not the period a figure is asked for.
DATED_TITLE = re.compile(
    rf"\b(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?(?:'s)?\s+"
    rf"(?:(?!(?:and|or|in|on|at|for|of|to|with|the|a|an|by|from)\b)[A-Za-z,-]+\s+){{0,5}}?"
    rf"{DOC_TYPE_WORDS}\b",
    re.I,
)


def edition_said(edition: str, corpus: str) -> bool:
    """True when a corpus (lower case) names an edition of the draft's kind with its year.

    "the 2024 strategy" is said where the corpus gives 2024 before "strategy" (within five
    words on one line: "2024 Serious Violence Duty Response Strategy") or right after it
    ("Strategy 2024", "Annual Report 2024/25"); "the 2026 refresh" is said nowhere when the
    refresh is 2025's.
    """
    year = re.match(r"(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?", edition)
    kind = DOC_TYPE.findall(edition)
    if not year or not kind or not corpus:
        return True
    y, k = re.escape(year.group(0).lower()), re.escape(kind[-1].lower())
    return bool(
        re.search(rf"\b{y}(?:'s)? +(?:[a-z,:-]+ +){{0,5}}?{k}\b", corpus)
        or re.search(rf"\b{k}:? +{y}(?![\d/-])", corpus)
    )


# The years a document's name covers after it ("Plan 2024-2028"): the time a plan runs, which
# dates none of the figures a sentence quoting that name gives.
TITLE_SPAN = re.compile(rf"\b{DOC_TYPE_WORDS}\s+((?:19|20)\d\d[/-]\d\d(?:\d\d)?)\b", re.I)


def plan_spans(text: str) -> set[tuple[int, int]]:
    """The spans of several years that follow a document's name in a text ("Plan 2024-2028")."""
    found = (periods(m.group(2)) for m in TITLE_SPAN.finditer(text))
    return {p for ps in found for p in ps if p[1] - p[0] > 1}


def named_documents(
    text: str, titles: dict[str, str], most: int = 3, years: bool = False
) -> tuple[str, ...]:
    """The documents a question names by their title ("the Community Safety Agreement").

    A title word such as "agreement" names a document with the words before it, all from one
    title. A name that fits more than `most` titles ("the plan") names none; one that fits several
    editions names the edition whose year the question gives, when it gives one. With
    `years`, a year is a title word too ("the 2024 strategy").
    """
    token = r"[a-z0-9']+" if years else r"[a-z']+"
    words = {d: {base_word(w) for w in re.findall(token, t.lower())} for d, t in titles.items()}
    found: list[str] = []
    for m in DOC_TYPE.finditer(text):
        before = re.findall(token, text[: m.start()].lower())[-4:]
        named = [base_word(m.group(1).lower())]
        for word in reversed(before):
            w = base_word(word)
            if w in STOPWORDS or not any(w in ws and named[0] in ws for ws in words.values()):
                break
            named.append(w)
        fits = [d for d, ws in words.items() if len(named) > 1 and set(named) <= ws]
        dated = [d for d in fits if periods(titles[d]) & periods(text)]
        fits = dated or fits
        if 0 < len(fits) <= most:
            found += fits
    return tuple(dict.fromkeys(found))


def quoted_edition(
    text: str,
    before: str,
    titles: dict[str, str],
    superseded: Iterable[str],
    named: Iterable[str] = (),
    apart: bool = False,
) -> str:
    """The replaced edition a current document's sentence speaks of, if any ("" if none).

    `titles` maps doc_id to title for every document, `superseded` holds the replaced ones:
    "the 2024 strategy's target was 5%" speaks of one, and so does "Its target was 5%" after a
    sentence naming it; "the 2025 refresh of the ... Strategy" names the current edition. An
    edition the reader names too (`named`) is not flagged: then the old statement is the point.
    With `apart` (the wording check), nor is a name that fits several editions when the text
    has none of the words that set the replaced one apart ("reports on the Response Strategy
    delivery plan": the series).
    """
    if LEADING_PRONOUN.match(text):
        text = f"{before} {text}"
    every = set(named_documents(text, titles, years=True))
    found = every & set(superseded)
    found -= set(named)
    words = terms(text)
    found = {t for t in found if not apart or len(every) < 2 or _own_words(t, every) & words}
    return titles[sorted(found)[0]] if found else ""


def names_newer_edition(text: str, old: str, titles: Iterable[str], least: int = 3) -> bool:
    """True when a text names another edition of the replaced document `old` by its own words.

    "the refreshed strategy" names "... Strategy: 2025 Annual Refresh" (an edition sharing at
    least `least` words with "... Strategy 2024"), and no word of the 2024 edition's own but
    its year.
    """
    words = terms(text)
    series = [t for t in titles if t != old and len(terms(t) & terms(old)) >= least]
    # a year is read as the edition's only where the text names it (named_documents); here a
    # year in the text is more often when something happened ("first met in 2024")
    if not series or {w for w in _own_words(old, [old, *series]) if not w.isdigit()} & words:
        return False
    own = set().union(*(_own_words(t, [t, old]) for t in series))
    return any(same_word(w, x) for w in own for x in words if not x.isdigit())


def _own_words(title: str, titles: Iterable[str]) -> set[str]:
    """The words of a title that no other of `titles` has: "2024" of "... Strategy 2024"."""
    others = set().union(*(terms(t) for t in titles if t != title))
    return terms(title) - others


# A person's name: two capitalised words, neither of which the corpus uses as a common word.
NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) ((?:Mc|Mac|O')?[A-Z][a-z'-]+)\b")


# A run of capitalised words, joined by "of", "and", "for", "the" or "&": a name in a sentence.
CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w'’-]*)*")


def names_another(text: str, asked: set[str], common: frozenset[str]) -> bool:
    """True when a text names a body, person or place the question does not (`asked`).

    "Who does the old Harbour Board's job now?" is answered by a sentence naming who does
    ("... now carried by the Coast Forum"), not by one naming only the Harbour Board. A name
    is a run of capitalised words, or one capitalised word the corpus never writes in lower
    case (`common` holds those it does) or a short form in capitals: "The" opening a sentence
    names no one, and nor does a month or a day.
    """
    for run in CAPITAL_RUN.findall(text):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", run) if w[0].isupper()]
        low = [base_word(w.lower().replace("’", "'")) for w in words]
        if len(words) == 1 and low[0] in common and not (words[0].isupper() and len(words[0]) > 1):
            continue
        if any(re.fullmatch(f"{MONTHS}|{DAYS}", w) for w in words):
            continue
        if any(w not in asked for w in low):
            return True
    return False


# The size of a change in per cent ("an increase of 7%", "rose by 7%", "up 7%", "a 7% fall"):
# no share of a whole, so "what proportion completed?" is not answered by "it rose by 7%".
CHANGE_SIZE = re.compile(
    r"\b(?:(?:an? )?(?:increase|decrease|rise|fall|drop|reduction|cut)s? (?:of|by)|(?:rose|risen|"
    r"fell|fallen|dropped|grew|grown|increased|decreased|reduced|declined|went up|went down|"
    # a bare "up"/"down" after a break or "was" ("Direction: Up 7%"), not "made up 35% of"
    r"(?:(?<=[:,;(|] )|(?<=\()|^|(?<=\bwas )|(?<=\bwere )|(?<=\bis )|(?<=\bare ))(?:up|down))"
    r"(?: by)?) (?:around |about |almost |nearly |over |some |just )?"
    r"\d[\d.,]*\s?(?:%|per ?cent)"
    r"|\b\d[\d.,]*\s?(?:%|per ?cent) (?:increase|decrease|rise|fall|drop|reduction|higher|lower|"
    r"up|down|more|fewer|less)\b",
    re.I,
)


def asks_change(text: str) -> bool:
    """True when a question asks about a change ("by what % did X rise?", "how has X changed")."""
    return bool(
        CHANGE_QUESTION.search(text)
        or UP.search(text)
        or DOWN.search(text)
        or re.search(r"(?i)\bchang", text)
    )


def without_changes(text: str) -> str:
    """A text without the sizes of its changes in per cent (`CHANGE_SIZE`)."""
    return CHANGE_SIZE.sub(" ", text)


def asked_value(text: str) -> str:
    """The type of value a question asks for (money, person, role, share, age...), or ""."""
    return next((kind for kind, pattern in ASKS_VALUE.items() if pattern.search(text)), "")


def says_value(word: str, kind: str) -> bool:
    """True when a question word is one a value of the kind asked is said with.

    "runs" in "who runs the board?" asks for the role itself: a line giving the role says it in
    its own words ("chaired by"), so it need not write "runs".
    """
    pattern = GIVES_VALUE.get(kind)
    return bool(pattern and pattern.fullmatch(word))


def gives_value(text: str, kind: str, common: frozenset[str] = frozenset()) -> bool:
    """True when a text gives a value of the kind asked for ("" asks for nothing in particular).

    A person is two adjacent capitalised words the corpus never uses in lower case (`common`
    holds the words it does), so "Director of Public Health" names a role, not a person.
    """
    if not kind:
        return True
    if kind == "person":
        return any(
            a.lower() not in common and b.lower() not in common and a not in MONTHS.split("|")
            for a, b in NAME_PAIR.findall(text)
        )
    if kind == "figure" and has_figure(text):
        return True
    return bool(GIVES_VALUE[kind].search(text))


# --- The ends of a span of years ----------------------------------------------------------------
# "When does the plan end?" is answered by the plan's span ("Plan 2024-2026"): a verb for the
# start or the end of something is carried by a span of years, which says both.
SPAN_END_VERB = frozenset("end finish expire run start begin commence".split())  # not "last"
YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:-|\u2013|to|until)\s*(?:19|20)\d\d\b", re.I)


def says_span(token: str, text: str) -> bool:
    """True when a question's start or end verb is carried by a span of years in the text."""
    verb = any(same_word(token, v) for v in SPAN_END_VERB)  # a stem: "finish" for "finishes"
    return verb and bool(YEAR_SPAN.search(text))


# --- A message's ask and what surrounds it --------------------------------------------------
# A chat message often says who asks and why before or after what it asks: "For the scrutiny
# panel next week, could you remind me how ...", "Could you list ...? A member asked about them
# at the last panel." Only the ask says what the answer must carry.
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=\S)")
# A sentence that asks: a question word, an auxiliary or a request opens it.
ASKING = re.compile(
    r"^\s*(?:who|whom|whose|what|what's|whats|which|how|when|where|why|is|are|was|were|do|does|"
    r"did|has|have|had|can|could|would|will|should|list|give|tell|show|name|explain|describe|"
    r"summarise|summarize|remind|please)\b",
    re.I,
)
# The asker's request around the ask: "could you (please) remind me", "I was wondering (,)".
_REQUEST = (
    r"(?:(?:could|can|would|will) you (?:please |pls |just )*(?:remind me|let me know|"
    r"tell me|confirm|check)?|i was wondering|i wonder|i'd like to (?:know|check)|"
    r"i want to (?:know|check)|i need to (?:know|check)|do you know|please)\b"
)
REQUEST = re.compile(rf"^\s*{_REQUEST}[\s,]*", re.I)  # opening the ask: dropped
# A sentence that asks by a request anywhere in it: "Ahead of scrutiny I'd like to check ...".
REQUESTS = re.compile(rf"\b{_REQUEST}", re.I)
# An ask that points back at what was said before it ("how many were there in it?"): the
# pronouns that refer, not "this"/"that", which as often point at a noun ("this year").
POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|these|those|he|she|his|her)\b", re.I)
# A question asked inside a request keeps a statement's order: "(remind me) what the nine
# pathways are" asks "what are the nine pathways".
EMBEDDED = re.compile(r"^(what|which|who|where|when)\s+(.+?)\s+(is|are|was|were)\s*\?*$", re.I)
# A leading purpose: "For the scrutiny panel next week, ", "Ahead of scrutiny, ", "For
# background to a youth panel item: ". It names what the answer is for (a meeting, a paper),
# and runs to the comma before the ask; its own words are no part of what is asked.
PURPOSE_NOUN = (
    r"(?:meeting|panel|scrutiny|committee|briefing|paper|report|presentation|agenda|item|"
    r"letter|email|background|session|forum|workshop|consultation|bid|debate)s?"
)
# Who asks, or why, said before the ask: "Retail crime officer here", "IDVA service manager",
# "Putting together a briefing for the inspector", "I'm new in post".
ASKER = re.compile(
    r"(?i)\bhere\s*$|^\s*(?:i|i'm|im|i've|we|we're|we've|as an?|new|putting|preparing|"
    r"writing|working|drafting|doing)\b|\b(?:officer|manager|lead|worker|coordinator|"
    r"co-ordinator|analyst|inspector|sergeant|councillor|nurse|teacher|volunteer|adviser|"
    r"advisor|practitioner|commissioner|director|head|chair)s?\s*$|\b" + PURPOSE_NOUN + r"\b"
)
PURPOSE = re.compile(
    rf"^\s*(?:for|ahead of|before|in preparation for)\b[^?:]{{0,80}}?\b{PURPOSE_NOUN}\b"
    r"[^?:,]{0,30}[,:]\s+(?=(?:could|can|would|will|please|i|what|what's|whats|which|who|how|"
    r"when|where|why|is|are|was|were|do|does|did|has|have|list|give|tell|remind)\b)",
    re.I,
)
# A claim put up for checking: "X said that shoplifting went up by 12%. Is that right?"
CONFIRMS = re.compile(
    r"^\s*(?:is|was|are) (?:that|this|it|they) (?:still )?(?:right|true|correct|accurate|so|"
    r"the case)\b|^\s*(?:am i right|true|right|correct)\b",
    re.I,
)
# Who said it, before what was said: "A retailer at our business crime forum said (that) ".
ATTRIBUTION = re.compile(
    r"^[^.?!]{0,120}?\b(?:said|says|told (?:me|us)|claimed|claims|mentioned|reckons|"
    r"suggested|heard|read)\b(?: that)?\s+",
    re.I,
)
# The figure a claim puts forward: what is checked, not something the documents must say.
CLAIMED_FIGURE = re.compile(
    r"\s*\b(?:by |to |of )?(?:about |around |roughly |nearly |almost |over |more than |"
    r"less than |some )?£?\d[\d,.]*\s*(?:%|per ?cent\b)",
    re.I,
)


# --- Conversation: follow-ups and questions that ask two things -------------------------------
FOLLOW_START = re.compile(
    r"^(and|but|also|what about|how about|and what about|what of|then|so|or|"
    # "same for Eastport?", "the same again for 2022?", "ditto for the north": the question
    # before, asked of something else
    r"(?:(?:and|but|now|ok|okay),? )?(?:(?:and )?the )?same (?:again |thing |question )?"
    r"(?:for|in|with|but|about|on)|ditto)\b",
    re.I,
)
# Words of degree that rank what follows ("the least safe wards"): no part of what is named.
DEGREE_WORDS = frozenset("most least more less fewer fewest".split())
# A sentence that leans on the one before it ("64% of them", "these", "they", "its").
LEANS_BACK = re.compile(r"\b(?:them|they|these|those|this|its|their)\b", re.I)
PRONOUN = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b", re.I
)
# A follow-up that asks a question of its own ("what was the most common ideology in those?")
# rather than the same question again about something else ("and young people?", "what about
# 2022?") or about part of its answer ("which of those are new?"): it does not take on the
# earlier question's kind of answer.
OWN_QUESTION = re.compile(
    r"\b(?:who|whom|whose|when|where|why|which(?! of)|what(?! about| of)|how(?! about))\b",
    re.I,
)


# A question about what is still to come ("when is the next summit?", "when will it start?"),
# and a sentence that speaks of the future ("will", "due", "by March 2026", "from April").
def dates_after(text: str, published: str) -> bool:
    """True when a text names a date later than `published` ("2024-07-01"; "" when unknown).

    A year alone is later when it is not before the published year ("due in spring 2025" in a
    2025 document may be ahead); a month and year must be after the published month.
    """
    if not re.match(r"\d{4}-\d\d", published or ""):
        return True
    year, month = int(published[:4]), int(published[5:7])
    months = MONTHS.split("|")
    for m in DATE.finditer(text):
        named = [i + 1 for i, name in enumerate(months) if name in m.group(0)]
        last = max(periods(m.group(0)), default=(0, 0))[1] or int(m.group(0)[-4:])
        if (last, named[0]) > (year, month) if named else last >= year:
            return True
    return False


# Asked whether a target was hit ("has the cohort hit the 15% cut yet?"): the answer reports
# an outcome, not the target again. "how many would we need to hit the target?" asks a figure.
_PROGRESS = r"(?:hit|met|achieved|reached|on track|on course|missed|exceeded)"
_AIM = r"(?:target|goal|ambition|aim|reduction|cut|commitment)s?"
PROGRESS_ASKED = re.compile(  # "has it hit the target?" or "was the target hit?"
    rf"\b(?:has|have|had|did|are|is)\b(?:(?!\bto\b)[^?])*?\b{_PROGRESS}\b[^?]*\b{_AIM}\b|"
    rf"\b(?:has|have|had|did|are|is|was|were)\b[^?]*\b{_AIM}\b(?:(?!\bto\b)[^?])*?"
    rf"\b(?:get|got|been|be)?\s*{_PROGRESS}\b",
    re.I,
)
# An outcome against a target: it was met or missed, or a change since ("fell by 6%") that is
# not itself the target ("to cut reoffending by 15% by March 2026", "Target: reduce by 15%").
OUTCOME = re.compile(
    r"\b(?:met|achieved|exceeded|missed|on track|on course|ahead of|behind|so far|to date)\b",
    re.I,
)
TARGET_SAID = re.compile(
    rf"\btargets?\b|\baims? to\b|\bambitions?\b|\bto (?:cut|reduce|increase|lower|raise)\b|"
    rf"\bby (?:the end of )?(?:{MONTHS}) (?:19|20)\d\d\b",
    re.I,
)


def reports_outcome(text: str) -> bool:
    """True when a text says how things went against a target, not only what the target is."""
    return bool(OUTCOME.search(text)) or bool(CHANGE.search(text)) and not TARGET_SAID.search(text)


FUTURE_ASKED = re.compile(r"\b(?:next|will|upcoming|going to|due|planned|scheduled)\b", re.I)
FUTURE_SAID = re.compile(
    rf"\b(?:will|due|planned|plans?|next|scheduled|expected|to be|intends?|aims? to|until)\b|"
    rf"\b(?:by|from) (?:the end of |early |late |mid-)?(?:{MONTHS}|(?:19|20)\d\d)",
    re.I,
)
# Asked what a study or review found ("what did the evaluation conclude?"), a sentence saying
# it is still to be done or under way ("Complete the evaluation of ...", "the evaluation is
# looking at ...", "will report") gives no finding. Hand-written from everyday English.
FINDING_ASKED = re.compile(
    r"\bwhat (?:did|has|have|had)\b[^?]*\b(?:conclude|concluded|find|found|show|shown|"
    r"recommend|recommended)\b|\b(?:findings|conclusions?)\b",
    re.I,
)
UNDER_WAY = re.compile(
    r"^\s*(?:-\s*)?(?:complete|carry out|deliver|undertake|commission|finish|publish)\b|"
    r"\b(?:is|are) (?:\w+ )?(?:looking at|checking|examining|assessing|considering|reviewing)\b|"
    r"\bwill (?:report|conclude|publish|be (?:published|completed|reported))\b|"
    r"\bto be (?:completed|published|reported)\b",
    re.I,
)


def finding_pending(question: str, text: str) -> bool:
    """True when a question asks what something found and the text says it is not done yet."""
    return bool(FINDING_ASKED.search(question)) and bool(UNDER_WAY.search(text))


# A question that asks for the most recent figure without naming its period.
LATEST = re.compile(
    r"\b(?:latest|most recent|newest|current(?:ly)?|now|these days|at the moment|"
    r"up to date|so far|to date)\b",
    re.I,
)
# Words that point back at an earlier turn whatever else the question says: a plural or
# personal pronoun ("in those", "on those patrols", "who did he replace") or a question that
# opens on "that" or "it" ("is that up or down on the year before?").
REFERS_BACK = re.compile(
    r"\b(they|them|their|those|these|he|she|his|him|her)\b|"
    r"^\s*(?:is|was|has|had|did|does|do|are|were) (?:that|it|this)\b",
    re.I,
)
# Words naming only a kind of figure, not what it measures: a part asking "what was the
# 2023/24 number in the needs assessment?" measures what the part before it names.
FIGURE_WORDS = frozenset(
    "number numbers figure figures total totals count counts rate rates amount share proportion "
    "percentage level levels value values stat stats".split()
)
# A follow-up asking about the very figure just given: "is that up on the year before?", "how
# does that compare with 2022/23?" (not "what share of those were under 18?", a part of it).
POINTS_AT_ANSWER = re.compile(
    r"^\s*(?:(?:and|so|but)\s+)?(?:(?:is|was|has|had|did|does|do|are|were)|how (?:does|did|do|is|"
    r"was)) (?:that|it|this)\b",
    re.I,
)
# A sentence that begins by pointing back at the one before ("Its target is 5%").
LEADING_PRONOUN = re.compile(r"^\s*(it|its|it's|this|these|they|their|that)\b", re.I)
# A definitional question names its own subject: "What is Prevent?", "what's CONTEST".
DEFINITION = re.compile(
    r"^\s*(?:what|who)(?:'s| is| are| was| were)\s+(?!it\b|that\b|this\b)", re.I
)
# "What is X?" asking what a thing is: the question is only its name (no "of", "for", verb...).
WHAT_IS = re.compile(
    r"^\s*(?:what|who)(?:'s|s| is| are)\s+(?:the |a |an )?((?:[\w'-]+ ){0,5}[\w'-]+)\s*\??\s*$",
    re.I,
)
# A sentence that says what something is: its subject, then "is", "are", "means"...
COPULA = re.compile(r"\b(?:is|are|was|means|refers to|describes)\b", re.I)
PART_BREAK = re.compile(
    r"\s*(?:;|,?\s+and)\s+(?=(?:who|whom|whose|what|which|how|when|where|why|does|do|did|is|"
    r"are|was|were|has|have)\b)",
    re.I,
)

# --- Text addressed to a language model (prompt injection) ------------------------------------
# Strategy documents describe, report and plan; they never tell a reader to drop its instructions,
# adopt a role or reply in a set way. These are the usual phrasings of prompt injection (OWASP
# LLM01 examples; the "ignore previous instructions" family in public injection datasets),
# written by hand: the maintained detectors are classifier models we do not ship.
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|the|your|my|these|those)\s+)*"
    r"(?:(?:previous|prior|above|earlier|preceding|original|other|system)\s+)?"
    r"(?:instructions?|prompts?|rules|directions|guidelines|context|passages|messages)\b"
    r"|\byou (?:are now|must now|will now|should now|must (?:reply|answer|respond|say))\b"
    r"|\b(?:new|updated|real|actual) (?:system )?instructions?\b|\bsystem prompt\b"
    r"|(?:^|[.!?:,]\s+|\band\s+)(?:please\s+|now\s+)?(?:reply|respond|answer|say|output|print"
    r"|write)\b[^.!?\n]{0,40}?\b(?:only|exactly|verbatim|with (?:this|the following|a|an|the) "
    r"(?:link|url|text|word|message|phrase))\b"
    r"|^\s*(?:system|assistant)\s*:",
    re.I | re.M,
)
# A link or markup in generated text, to the next space: URLs, Markdown links and images, tags.
LINK_OR_MARKUP = re.compile(
    r"(?:\b(?:https?|javascript|vbscript|data|file):|\bwww\.|<[a-z/!]|\]\(|\]\[|!\[)\S*", re.I
)


_WORD = re.compile(r"[a-z0-9£%][a-z0-9£%.,/'-]*[a-z0-9%]|[a-z0-9]", re.I)


def terms(text: str) -> set[str]:
    """Return the content words of a text, lower-cased, with a light plural strip."""
    words = {w.lower().strip(".,") for w in _WORD.findall(text)}
    return {
        w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w and w not in STOPWORDS
    }


def vowel_swap(a: str, b: str) -> bool:
    """True when two words differ only by one vowel in the same place ("began"/"begin")."""
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def short_form_singular(token: str, used: Callable[[str], bool]) -> str:
    """The singular of a short form's plural the stemmer leaves apart ("csps" -> "csp").

    The stemmer drops a plural "s" only after a stem holding a vowel ("icbs" -> "icb"), so a
    short form with none keeps it ("CSPs" stays "csps" beside "CSP"'s "csp"). A short form that
    ends in "s" ("NHS", "CPS") is no plural: the singular must be a word the documents `used`.
    """
    stem = token[:-1]
    if len(token) < 3 or not token.endswith("s") or re.search(r"[aeiouy\d]", stem):
        return token
    return stem if used(stem) else token


def same_word(a: str, b: str) -> bool:
    """A light lemma match: "referrals"/"referral", "crimes"/"crime", "responses"/"responded"."""
    return a.rstrip("s") == b.rstrip("s") or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


# The endings that make a verb a noun: "management" (managed), "coordination" (coordinated).
VERB_NOUN_END = re.compile(r"(?:ment|tion|sion|ance|ence|ship)s?$")


def noun_of_verb(verb: str, words: Iterable[str]) -> bool:
    """True when `words` hold the verb made a noun ("managed" -> "management")."""
    verb = verb.lower()
    return any(VERB_NOUN_END.search(w) and same_word(verb, w) for w in words)


def writes_number(token: str, text: str) -> bool:
    """True when a text writes the whole number a token is, with or without separators.

    The tokenizer splits "1,000" into "000", so "per 1000" in a question never finds "per
    1,000" by its tokens; compared as numbers, it does.
    """
    if not token.isdigit():
        return False
    return any(n.replace(",", "") == token for n in re.findall(r"(?<![\d.])\d[\d,]*", text))


def related_form(word: str, found: set[str] | frozenset[str]) -> bool:
    """True when `found` holds a form of `word` the stemmer leaves apart.

    "comparison"/"compared" share a 6-letter prefix; a strong verb's forms differ by one vowel
    ("begin"/"began", "fall"/"fell").
    """
    if word in found:
        return True
    if len(word) >= 6 and any(f[:6] == word[:6] for f in found if len(f) >= 6):
        return True
    return any(vowel_swap(word, f) for f in found)


# --- Periods: years, financial years, ranges, compared as values ------------------------------
_PERIOD = re.compile(
    # "2023 to 2024" is a period, "2022 to 70" a year and a figure ("from 90 in 2022 to 70")
    r"\b((?:19|20)\d\d)(?:\s*(?:/|-|–)\s*|\s+to\s+(?=(?:19|20)\d\d\b))((?:19|20)?\d\d)\b|"
    r"\b((?:19|20)\d\d)\b|"
    r"(?<![\d,.£])\b(\d\d)/(\d\d)\b(?![\d/])"
)


def periods(text: str) -> set[tuple[int, int]]:
    """Every period a text names, as (first year, last year).

    "2023/24", "2023-24", "2023 to 2024" and "23/24" are all (2023, 2024); "2024" is
    (2024, 2024); "2024-2028" is (2024, 2028). Two-digit pairs count only as a financial
    year (the second one more than the first), so "16/9" or a page range is not a period.
    """
    out: set[tuple[int, int]] = set()
    for m in _PERIOD.finditer(text):
        if m.group(1):
            first, last = int(m.group(1)), m.group(2)
            end = int(last) if len(last) == 4 else first - first % 100 + int(last)
            if first <= end <= first + 10:
                out.add((first, end))
            else:
                out.add((first, first))
        elif m.group(3):
            out.add((int(m.group(3)),) * 2)
        elif int(m.group(5)) == int(m.group(4)) + 1:
            out.add((2000 + int(m.group(4)), 2000 + int(m.group(5))))
    return out


MONTH_DATE = rf"(?:\d{{1,2}} )?({MONTHS}) ((?:19|20)\d\d)"
MONTH_SPAN = re.compile(rf"\b{MONTH_DATE}\s*(?:to|until|-|\u2013)\s*{MONTH_DATE}\b")
YEAR_END = re.compile(r"\b(?:\d{1,2} )?March ((?:19|20)\d\d)\b")


def financial_years(text: str) -> set[tuple[int, int]]:
    """The financial years (April to March) a text gives figures for by their months.

    A year's end ("at 31 March 2025", "by the end of March 2025") stands for 2024/25, as does
    "April 2024 to March 2025"; a span that covers only part of a year ("July 2024 to March
    2025") stands for none, nor does a month in the middle of one.
    """
    out = set()
    for m1, y1, m2, y2 in MONTH_SPAN.findall(text):
        if (m1, m2) == ("April", "March") and int(y2) == int(y1) + 1:
            out.add((int(y1), int(y2)))
    for year in YEAR_END.findall(MONTH_SPAN.sub(" ", text)):
        out.add((int(year) - 1, int(year)))
    return out


def month_spans(text: str) -> list[tuple[tuple[int, int, int, int], str, int, int]]:
    """Spans from one month to another: ((first year, month, last year, month), text, s, e).

    "April 2025 to March 2028" is (2025, 4, 2028, 3): one period, compared as a whole (it is the
    plan "2025-2028"), not two dates each looked for on its own.
    """
    months = MONTHS.split("|")
    return [
        (
            (
                int(m.group(2)),
                months.index(m.group(1)) + 1,
                int(m.group(4)),
                months.index(m.group(3)) + 1,
            ),
            m.group(0),
            m.start(),
            m.end(),
        )
        for m in MONTH_SPAN.finditer(text)
        if int(m.group(2)) <= int(m.group(4))
    ]


def months_long(text: str) -> set[int]:
    """How many months each span from one month to another lasts, both months counted.

    "July 2024 to March 2025" lasts nine months: a draft's "the nine months of the operation"
    is that span written as its length.
    """
    return {(y2 - y1) * 12 + m2 - m1 + 1 for (y1, m1, y2, m2), *_ in month_spans(text)}


# A period given relative to the one a conversation is about ("and the year before?").
RELATIVE_YEAR = re.compile(
    r"\b(?:year|twelve months) (before|earlier|prior|after|later)\b|"
    r"\b(previous|prior|preceding|following|next) year\b|\b(?:a|one) year (earlier|on)\b",
    re.I,
)


# A question asking for the value something had before it changed ("what was the target before
# the refresh changed it?", "the previous target", "what did it use to be"): the earlier value
# leads. A period relative to another ("the year before") is RELATIVE_YEAR, not this.
EARLIER_ASKED = re.compile(
    r"\b(?:(?<!year )(?<!month )(?<!week )(?<!day )before|previous(?:ly)?|original(?:ly)?|"
    r"used? to be)\b(?!\s+(?:year|month|week|day)\b)",
    re.I,
)


# A clause that gives only the value something is compared with: ", compared with 641 the year
# before", "against 86.9": what it measures is said in the clause before.
COMPARED_VALUE = re.compile(
    r"^[,;\s]*(?:(?:as )?compared (?:with|to)|against|versus|vs\.?)\s+(?:about |around |some )?$",
    re.I,
)


# "up on the year before", "compared with the previous year": the year a change is measured
# from, not the one asked about.
BASELINE_BEFORE = re.compile(
    r"\b(?:on|than|against|from|since|over|compared? (?:with|to)|versus|vs)\s+(?:the\s+|a\s+)?$",
    re.I,
)


def shifted_periods(text: str, earlier: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The earlier periods moved by the year a text asks for ("the year before": back one).

    Empty when the text asks for no year relative to another.
    """
    m = RELATIVE_YEAR.search(text)
    if not m or BASELINE_BEFORE.search(text[: m.start()]):
        return set()
    word = next(g for g in m.groups() if g).lower()
    step = 1 if word in ("after", "later", "following", "next", "on") else -1
    return {(a + step, b + step) for a, b in earlier}


def period_label(period: tuple[int, int]) -> str:
    """Write a period as the documents do: 2024, 2023/24, 2024-2028."""
    first, last = period
    if first == last:
        return str(first)
    return f"{first}/{str(last)[2:]}" if last == first + 1 else f"{first}-{last}"


def periods_meet(asked: set[tuple[int, int]], given: set[tuple[int, int]]) -> bool:
    """True when a period asked for lies within a period the text gives.

    "2024" is met by "2024", "2024/25" or "2024-2028"; "2023/24" by "2023/24" or "2023-2026",
    but not by "2024" or "2022/23": a neighbouring year is a different figure.
    """
    return any(g[0] <= a[0] and a[1] <= g[1] for a in asked for g in given)


def base_word(word: str) -> str:
    """A word without its possessive ending ("cumbria's" -> "cumbria")."""
    return word[:-2] if word.endswith("'s") else word.rstrip("'-")


# The word for a place's people, or its adjective, made from the place's name: "Cumbrian(s)"
# from Cumbria, "European" from Europe; and the few that are not made by an ending.
DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("eans", "e"), ("ean", "e"))
DEMONYMS = {
    "english": "england",
    "british": "britain",
    "scottish": "scotland",
    "scots": "scotland",
    "welsh": "wales",
    "irish": "ireland",
    "lancastrian": "lancashire",
    "lancastrians": "lancashire",
}


# A town named with where it stands ("Barrow-in-Furness", "Stratford-upon-Avon") is called by
# its first name for short ("Barrow", "Stratford").
_PLACE_QUALIFIED = re.compile(r"^([A-Za-z]+)-(?:in|on|upon|under|by|le|en|next)-[A-Za-z]", re.I)


def place_short_form(name: str) -> str:
    """The short name of a town named with where it stands ("" when it has none)."""
    m = _PLACE_QUALIFIED.match(name.strip())
    return m.group(1) if m else ""


def one_place(a: str, b: str) -> bool:
    """True when two place names are one place: the same, or a town and its short name."""
    a, b = a.strip().lower(), b.strip().lower()
    return a == b or place_short_form(a) == b or place_short_form(b) == a


def demonym_places(word: str) -> list[str]:
    """The place names (lower case) a people or adjective word may be made from.

    "Cumbrian" and "Cumbrians" give "cumbria"; "Scottish" gives "scotland". A word that is no
    such form gives none. Only candidates: the caller keeps those the documents use.
    """
    w = base_word(word.lower())
    out = [DEMONYMS[w]] if w in DEMONYMS else []
    out += [w[: -len(end)] + stem for end, stem in DEMONYM_ENDINGS if w.endswith(end)]
    return out


def proper_names(texts: Iterable[str], max_share: float = 0.3) -> frozenset[str]:
    """The words the corpus writes as proper names: places, bodies, programmes.

    A word is a name when nearly every use of it inside a sentence is capitalised ("Carlisle",
    "Eden", "Prevent"), so a question typed in lower case can still be checked for the place it
    asks about. A name used in more than `max_share` of the texts ("Cumbria") is the corpus's
    background and constrains nothing; month names are dates, not names.
    """
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        seen = set()
        for m in re.finditer(r"(?<=[a-z,;(] )([A-Za-z][A-Za-z'-]{2,})\b", text):
            for part in m.group(1).split("-"):  # "Barrow-in-Furness": Barrow, Furness
                word = base_word(part)
                if not re.fullmatch(r"[A-Za-z][a-z']{2,}", word):  # not "in", nor "ICBs"
                    continue
                (capital if word[0].isupper() else lower)[word.lower()] += 1
                seen.add(word.lower())
        docs.update(seen)
    months = {m.lower() for m in MONTHS.split("|")}
    background = [  # names the corpus uses everywhere ("Cumbria"), not common words ("Crime")
        w
        for w, c in capital.items()
        if len(w) >= 6 and c >= 9 * lower[w] and docs[w] > max_share * max(n, 1)
    ]
    return frozenset(
        w
        for w, c in capital.items()
        if c >= 2
        and c >= 9 * lower[w]
        and w not in months
        and w not in STOPWORDS
        and docs[w] <= max_share * max(n, 1)
        and not any(w.startswith(b[:-1]) for b in background)  # "Cumbrian", "Eastmerian"
    )


def name_words(text: str) -> list[str]:
    """The words of a text as names are matched: lower case, hyphenated names in parts."""
    return [base_word(w) for w in re.findall(r"[a-z][a-z']+", text.lower())]


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the corpus uses in lower case (so not as a person's or place's name)."""
    return frozenset(w for text in texts for w in re.findall(r"(?<![A-Za-z'-])[a-z][a-z'-]+", text))


# --- Values: figures, dates and changes compared as values (the wording check) ---------------
# Added for the wording check (#13). A figure is read as a value with a unit, so "a quarter",
# "25%" and "one in four" are one value, and "£1m", "£1 million" and "1,000,000 pounds" another.

FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
# Words that make a figure approximate, and which way: "about" either side, "nearly" at most,
# "more than" at least.
APPROX_WORDS = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "close to": "about",
    "almost": "under",
    "nearly": "under",
    "just under": "under",
    "under": "under",
    "less than": "under",
    "fewer than": "under",
    "up to": "under",
    "over": "over",
    "more than": "over",
    "just over": "over",
    "above": "over",
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_COUNT_WORDS = {w: v for w, v in NUMBER_WORDS.items() if w not in ("zero", "one")}
# "one" held as a count: "Eastmere has one", "Bowness and Keswick have one each" (not "one of").
HELD_ONE = re.compile(
    r"\b(?:has|have|had|holds?|held|with)\s+(?:only\s+|just\s+)?one\b(?!\s+of\b)|\bone each\b",
    re.I,
)
_NUM = r"\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
# The part of a share in words ("six in ten", "3 in 10"): a small count, never a year after it.
_SMALL = r"two|three|four|five|six|seven|eight|nine|[2-9](?=\s+in\s+(?:10|[1-9]\d?)\b)"
FIGURE = re.compile(
    r"(?:\b(?P<approx>" + "|".join(sorted(APPROX_WORDS, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?P<onein>\b(?P<k>one|1|" + _SMALL + r")\s+in\s+(?P<of>" + _NUM + r"))\b"
    r"|(?P<frac>\b(?:(?P<times>a|one|two|three|four)[\s-]+)(?P<part>half|third|quarter|fifth|"
    r"tenth)s?\b|\bhalf(?= of\b))"
    r"|(?P<cur>£)?(?P<num>(?<![\w.,/])(?:" + _NUM + r"|one(?=\s+(?:thousand|million|billion)\b)))"
    r"(?:(?P<scale>\s*(?:thousand|million|billion)\b|(?<=\d)(?:m|bn|k)\b))?"
    r"(?P<unit>\s*%|\s+per\s*cent\b|\s+per\s+(?:1,000|1000|10,000|100,000|100000|100)\b|"
    r"\s+per\s+million\b|\s+pounds\b|-year\b|\s+years?\b|\s+times\b)?)",
    re.I,
)
# A number that names a part of a document or a list position, not a figure.
NOT_A_FIGURE = re.compile(
    r"\b(?:section|table|figure|chart|priority|page|part|chapter|tier|phase|level|step|annex|"
    r"appendix|paragraph|no\.?|number|article|schedule|clause|covid|per|"
    r"(?:for|in|out of) every)[\s-]*$",
    re.I,
)
TWICE = re.compile(r"\b(?:twice|double|doubled)\b", re.I)
FULL_DATE = re.compile(rf"\b(?:(\d{{1,2}}) )?({MONTHS}) ((?:19|20)\d\d)\b")

# Changes a sentence states (strict: "up" only as "up by", "up from" or "up 5%"; "set up",
# "more than" and "shut down 27 lines" are not changes).
CHANGE_UP = re.compile(
    r"\b(?:rose|risen|rising|rises?|increased?|increases|increasing|grew|grown|grows?|growing|"
    r"growth|went up|gone up|doubled|climb(?:ed|s|ing)?|soared|jumped|edged up|"
    # a phrasal verb's "up" is no change: "set up by", "made up 39%", "signed up by"
    r"(?<!set )(?<!sets )(?<!made )(?<!makes )(?<!make )(?<!signed )(?<!taken )(?<!took )"
    r"up(?= (?:by|from)\b| £?\d))\b",
    re.I,
)
CHANGE_DOWN = re.compile(
    r"\b(?:fell|fallen|falling|falls?|decreased?|decreases|decreasing|declined?|declines|"
    r"declining|dropped|drops?|reduced?|reduces|reducing|reduction|cut|cuts|halved|went down|"
    r"gone down|slipped|dipped|plunged|tumbled|edged down|"
    r"(?<!shut )(?<!closed )(?<!close )(?<!shuts )(?<!crack )(?<!clamp )(?<!broke )(?<!track )"
    r"down(?= (?:by|from)\b| £?\d))\b",
    re.I,
)
# A headline's change, with no verb: "Burglary up across Eastport", "Thefts down in Westhaven"
# (the word before is a noun: a verb's particle, "set up in", "grew up in", "closed down in",
# is no change; "went up" and "up by" are CHANGE_UP's). Only before a named place.
HEADLINE_CHANGE = re.compile(
    r"(?<=[a-z] )(?<!ed )(?<!en )(?<!wn )(?<!set )(?<!sets )(?<!made )(?<!makes )(?<!make )"
    r"(?<!took )(?<!grew )(?<!went )(?<!shut )(?<!broke )(?<!built )(?<!came )(?<!stood )"
    r"(?<!put )(?<!held )(?<!ing )\b(up|down)(?= (?:across|in|throughout|at) [A-Z])",
)
# A share said to have changed: "now accounts for a smaller share", "a growing proportion" (the
# adjective is the claim). Not a comparison between groups: "a smaller share than Eastport";
# a comparison with an earlier time is a change ("a smaller share than before", "than last year").
_THAN_EARLIER = r"than\s+(?:before|previously|earlier|it (?:was|used to)|last\b|a year ago)"
SHARE_CHANGE = re.compile(
    r"\b(?:(smaller|lower|shrinking|falling|declining|diminishing)|"
    r"(larger|bigger|higher|greater|growing|rising|increasing))\s+"
    rf"(?=(?:share|proportion|percentage|fraction)\b(?![^.;]{{0,40}}\b(?!{_THAN_EARLIER})than\b))",
    re.I,
)


def share_changes(text: str) -> list[tuple[str, str, int, int]]:
    """(direction, adjective, start, end) of each change of a share a text states."""
    return [
        (
            "down" if m.group(1) else "up",
            m.group(0).strip(),
            m.start(),
            m.start() + len(m.group(0).strip()),
        )
        for m in SHARE_CHANGE.finditer(text)
    ]


# "from 48 in 2022 to 67 in 2023": the two values of a change, in order.
FROM_TO = re.compile(
    r"\bfrom (£?\d[\d,]*(?:\.\d+)?%?)(?: in [\w/-]+)? to (£?\d[\d,]*(?:\.\d+)?%?)", re.I
)

# Bodies and roles: a capitalised name ending in a body's head word (wider than BODY), or a
# post ("Director of Public Health", "Senior Responsible Owner", "Chief Constable").
BODY_NAME = re.compile(
    r"\b(?:[A-Z][\w'&-]*,? (?:(?:and|of|for|&|the|on) )*)*[A-Z][\w'&-]* "
    r"(?:Board|Partnership|Council|Group|Commissioner|Service|Services|Team|Constabulary|Panel|"
    r"Authority|Unit|Office|Agency|Trust|Forum|Committee|Network|Alliance|Hub|Hubs|Centre|"
    r"Commission|Department|Ministry|Police|Prison|Court|Partnerships|Boards)\b"
)
# Where "and" joins two bodies inside one run of capitalised words: after a body's head noun
# ("Cumbria Constabulary and Westmorland and Furness Council"). Not after "Police": "Police and
# Crime Commissioner" is one role.
BODY_JOIN = re.compile(
    r"\b(?:Board|Partnership|Council|Group|Service|Services|Team|Constabulary|Panel|"
    r"Authority|Unit|Office|Agency|Trust|Forum|Committee|Network|Alliance|Centre|Commission|"
    r"Department|Partnerships|Boards)(\s+and\s+)(?=[A-Z])"
)
# A body a question names in any case ("the youth violence commission"): the word before a
# noun that only names an organisation. Not "group", "service" or "team": "age group" and
# "service users" are not bodies.
BODY_NOUN = (
    r"(?:board|partnership|commission|panel|unit|forum|committee|alliance|agency|trust|"
    r"taskforce|fund|network)s?"
)
BODY_ASKED = re.compile(rf"\b([a-z][a-z'-]+)\s+({BODY_NOUN})\b", re.I)


def bodies_named(text: str) -> list[tuple[str, str]]:
    """(modifier, noun) of each body a text names: [("violence", "commission")]."""
    return [
        (m.group(1).lower(), m.group(2).lower().rstrip("s"))
        for m in BODY_ASKED.finditer(text)
        if m.group(1).lower() not in STOPWORDS
    ]


def names_body(text: str, body: tuple[str, str]) -> bool:
    """True when a text names the body: its modifier (any ending) right before its noun."""
    word, noun = body
    stem = word[:-1] if len(word) > 4 and word.endswith("s") else word
    # the noun whole: "Crime Commissioner" names no "crime commission"
    return bool(re.search(rf"(?i)\b{re.escape(stem)}[\w'-]*\s+{re.escape(noun)}s?\b", text))


# The role a "who chairs X?" question asks of a body X, right before X's name.
_ROLE_OF = (
    r"\b(?:co-?chairs?|chairs?|chaired|chairing|leads?|leading|led|heads?(?:\s+up)?|headed|"
    r"runs?|running|manages?|managing|oversees?|convenes?|in charge)\s+(?:of\s+)?"
    r"(?:the\s+|our\s+|a\s+|an\s+|this\s+|that\s+)?"
)


def role_bodies(question: str) -> list[tuple[str, str]]:
    """The bodies (`bodies_named`) whose role a "who chairs X?" question asks for.

    "who chairs the county ferry board?" asks for the ferry board's chair; "who runs the
    ferry checks under the ferry board?" for whoever runs the checks (the board is context).
    """
    out = []
    for body in bodies_named(question):
        word, noun = (re.escape(w) for w in body)
        for m in re.finditer(
            rf"(?i){_ROLE_OF}((?:[\w'-]+\s+){{0,3}}?){word}\w*\s+{noun}", question
        ):
            if not any(w.lower() in STOPWORDS for w in m.group(1).split()):
                out.append(body)
                break
    return out


def written_as_name(text: str, body: tuple[str, str]) -> bool:
    """True when a text writes a body as a proper name, in capitals ("the Quay Safety Board").

    A name written so is the name of one body, not a description of a kind the passages may
    call otherwise ("the quay safety board").
    """
    word, noun = (re.escape(w) for w in body)
    return bool(re.search(rf"\b[A-Z][\w'-]*\s+[A-Z]{word[1:]}\w*\s+[A-Z]{noun[1:]}s?\b", text))


def holds_role_of_kind(text: str, noun: str) -> bool:
    """True when a text says a body of that kind is chaired, led or run by someone.

    "The Northvale Harbour Board is chaired by the harbour master" gives the chair of a board,
    which may be the board a question calls by other words ("the port board").
    """
    return bool(
        re.search(
            rf"\b[A-Z][\w'-]*\s+{re.escape(noun)}s?\b,?\s+(?:(?:is|are|was|were)\s+)?"
            rf"{HELD_BY.pattern}",
            text,
            re.I,
        )
    )


def body_as_said(text: str, body: str) -> str:
    """A body ("abuse board") as a text writes it, with the word before its modifier.

    "who chairs the cumbria-wide domestic abuse board?": "domestic abuse board".
    """
    word, _, noun = body.partition(" ")
    pattern = rf"(?i)\b(?:(?!the\b|a\b|an\b)[\w-]+\s+)?{re.escape(word)}\s+{re.escape(noun)}s?\b"
    found = re.search(pattern, text)
    return found.group(0) if found else body


def denies_body(sentence: str, body: tuple[str, str]) -> bool:
    """True when a sentence names the body only after a negation ("does not have a X Unit")."""
    word, noun = body
    stem = word[:-1] if len(word) > 4 and word.endswith("s") else word
    found = re.search(rf"(?i)\b{re.escape(stem)}[\w'-]*\s+{re.escape(noun)}s?\b", sentence)
    return bool(found) and bool(NEGATION.search(sentence[: found.start()]))


ROLE = re.compile(
    r"\b(?:(?:Deputy|Assistant|Detective) )?(?:Director of [A-Z][\w ]*?[A-Z]\w+|"
    r"Chief (?:Constable|Executive|Superintendent|Inspector)|Senior Responsible Owner|"
    r"(?:Police, Fire and Crime|Police and Crime) Commissioner)\b"
)
# A rank word that makes a title another, lower post: "Assistant Chief Constable" is not the
# Chief Constable ("Detective" is left out: a Detective Chief Superintendent holds that rank).
_RANK_BEFORE = re.compile(r"\b(?:deputy|assistant|vice|acting|interim|associate)[\s-]+$", re.I)


def names_post(name: str, text: str) -> bool:
    """True when a text names `name` (lower case) as itself, not as the tail of a lower rank.

    "the assistant chief constable of cumbria constabulary" names "cumbria constabulary" but
    not "chief constable"; a name that carries the rank itself matches as usual.
    """
    at = text.find(name)
    while at >= 0:
        if not _RANK_BEFORE.search(text[max(0, at - 20) : at]):
            return True
        at = text.find(name, at + 1)
    return False


# A verb that says something started: "began", "got under way", "was set up", "came into force".
STARTED = (
    r"(?:began|begun|begins?|beginning|started|starts?|starting|launched|launch(?:es|ing)?|"
    r"(?:got|gets|getting|went|goes|going) (?:under ?way|live)|set up|established|commenced|"
    r"commences?|introduced|founded|formed|created|(?:came|come|comes) into (?:force|effect|"
    r"being))"
)
# ...right before the date it started ("began in July 2024", "was set up on 4 April 2023").
_STARTED_AT = re.compile(
    rf"\b{STARTED}\s+(?:in|on|from|during|at)?\s*(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$",
    re.I,
)


# A "when" question about a beginning ("when was the board set up?", "when did it start?"):
# only a sentence that says something began answers it, not one dated by another event. To
# "start sharing data" asks when the sharing happens, which a date of the sharing answers.
START_ASKED = re.compile(
    r"\b(?:set up|founded|established|formed|created|launched|launch|introduced|"
    r"(?:came|come) into (?:force|effect|being))\b|"
    r"\b(?:started|start|began|begin)\b(?!\s+\w+ing\b)",
    re.I,
)
START_SAID = re.compile(rf"\b(?:{STARTED}|since)\b", re.I)


# The kinds of event a "when" question can ask the date of, besides a start (START_ASKED):
# each as a question says it and as a sentence does. Hand-written from everyday English, not
# from any question. A sentence dating one of these answers no question asking another: "when
# was the strategy published?" is not answered by "the CSP was launched on 4 August 2023".
EVENTS = {
    "publish": re.compile(
        r"\b(?:publish(?:ed|es|ing)?|publication|(?:came|come|comes|coming) out|releas(?:e|ed|es)|"
        r"issued)\b",
        re.I,
    ),
    "meet": re.compile(r"\b(?:met|meet|meets|meeting|convened)\b", re.I),
    "elect": re.compile(r"\b(?:elect|elected|election|re-elected|voted in)\b", re.I),
    "start": START_SAID,
}


def events_said(text: str) -> frozenset[str]:
    """The kinds of event (EVENTS) a text speaks of."""
    return frozenset(kind for kind, pattern in EVENTS.items() if pattern.search(text))


def events_asked(question: str) -> frozenset[str]:
    """The kinds of event a "when" question asks the date of (none for other questions)."""
    if not WHEN_QUESTION.search(question):
        return frozenset()
    asked = events_said(START_ASKED.sub(" ", question)) - {"start"}
    return asked | ({"start"} if asks_start(question) else frozenset())


def other_event(question: str, text: str) -> str:
    """The event a sentence dates when it is not the one a "when" question asks ("" if none).

    "what date did X publish its strategy?" over "X was launched on 4 August 2023" gives
    "start": the sentence dates the launch, not the publication. A sentence saying the event
    asked, or none of the kinds, may answer.
    """
    asked = events_asked(question)
    said = events_said(text)
    if not asked or not said or asked & said:
        return ""
    return sorted(said)[0]


def asks_start(question: str) -> bool:
    """True when a "when" question asks when something began ("when was it set up?")."""
    return bool(WHEN_QUESTION.search(question)) and bool(START_ASKED.search(question))


def starts_at(text: str, start: int) -> bool:
    """True when the date at `start` is said as the time something started ("began in")."""
    return bool(_STARTED_AT.search(text[max(0, start - 40) : start]))


# where a list of people starts its next holder: "the Director of X, Y Council, and a Chief
# Superintendent of Z" (an article after "and", so "Westmorland and Furness" stays one name)
HOLDER_JOIN = re.compile(r",?\s+and\s+(?:an?|the)\s+")
# the words between a change and the figure it ends at: "drops to 69%"
CHANGE_TO = re.compile(r"\s+to\s+")
# where a table cell's or a sentence's statement ends: its list of holders goes no further
CELL_END = re.compile(r";|\s\|\s|\.(?:\s|$)")

CLAIM_BREAK = re.compile(r",(?=\s)|[;:()]|\s(?:and|but|while|whereas|which|who)\s|\s[-–]\s")


@dataclass(frozen=True)
class Quantity:
    """A figure read as a value: "a quarter" is 25.0 "%", "£1m" is 1,000,000.0 "£"."""

    value: float
    unit: str  # "%", "£", "per 1,000", "per 100,000", "year", "times" or "" (a count)
    text: str  # as written
    start: int
    end: int
    approx: str = ""  # "" | "about" | "under" (nearly, almost) | "over" (more than)
    step: float = 1.0  # the precision it is written to: "24%" 1.0, "24.3%" 0.1, "£1.2m" 100,000
    coarse: bool = False  # a common fraction in words ("a third", "one in five")


def _number(token: str) -> tuple[float, float]:
    """A number token as (value, step): "2,284" (2284, 1), "4.8" (4.8, 0.1), "six" (6, 1)."""
    token = token.lower().replace(",", "")
    if token == "one":  # only before a scale word: "one million pounds"
        return 1.0, 1.0
    if token in _COUNT_WORDS:
        return float(_COUNT_WORDS[token]), 1.0
    decimals = len(token.partition(".")[2])
    return float(token), 10.0**-decimals


def _unit(raw: str, currency: bool) -> str:
    raw = raw.strip().lower()
    if currency or raw == "pounds":
        return "£"
    if raw in ("%", "per cent", "percent"):
        return "%"
    if raw.startswith("per"):
        base = raw.split()[-1].replace(",", "")
        return "per " + f"{1_000_000 if base == 'million' else int(base):,}"
    if raw.startswith("-year") or raw.startswith("year"):
        return "year"
    return "times" if raw == "times" else ""


def quantity(m: re.Match[str], offset: int = 0) -> Quantity:
    """The value of one FIGURE match."""
    approx = APPROX_WORDS.get((m.group("approx") or "").lower(), "")
    start, end = m.start() + offset, m.end() + offset
    if m.group("onein"):
        of, _ = _number(m.group("of"))
        part = 1.0 if m.group("k").lower() in ("one", "1") else _number(m.group("k"))[0]
        return _fraction(100.0 * part / of, m.group(0), start, end, approx)
    if m.group("frac"):
        times = m.group("times") or ""
        times = _number(times)[0] if times.lower() not in ("", "a", "one") else 1  # "A quarter"
        part = FRACTIONS[(m.group("part") or "half").lower()]
        return _fraction(times * part, m.group(0), start, end, approx)
    value, step = _number(m.group("num"))
    scale = SCALES.get((m.group("scale") or "").strip().lower(), 1.0)
    unit = _unit(m.group("unit") or "", bool(m.group("cur")))
    if scale > 1 and step >= 1:  # "£1m" is not "anything from £0.5m to £1.5m": a tenth either way
        step = 0.1
    return Quantity(value * scale, unit, m.group(0), start, end, approx, step * scale)


def _fraction(value: float, text: str, start: int, end: int, approx: str) -> Quantity:
    """A share written as a common fraction in words ("a third", "one in five").

    It is as precise as "£1m" (a tenth of its value), so "a third" stands for 31.7%-35%, the
    way a writer rounds to the nearest fraction.
    """
    return Quantity(value, "%", text, start, end, approx, value / 10, coarse=True)


# The common fractions writers round a share to (tenths, fifths, quarters, thirds, half), in %.
COMMON_SHARES = sorted(
    {round(100 * k / n, 4) for n in (2, 3, 4, 5, 10) for k in range(1, n)} | {100.0}
)


def _next_share(value: float, way: str) -> float:
    """The next common fraction above (way "over") or below ("under") a share.

    The shares are rounded (two thirds is 66.6667), so a share within 0.001 is the same one.
    """
    if way == "over":
        return min((v for v in COMMON_SHARES if v > value + 1e-3), default=100.0)
    return max((v for v in COMMON_SHARES if v < value - 1e-3), default=0.0)


def _masked_dates(text: str) -> str:
    """The text with dates, years and periods blanked out (same length)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    return _PERIOD.sub(blank, FULL_DATE.sub(blank, text))


def quantities(text: str) -> list[Quantity]:
    """Every figure a text states, as values (years, dates and section numbers are not figures)."""
    masked = _masked_dates(text)
    out = []
    for m in FIGURE.finditer(masked):
        before = masked[max(0, m.start() - 12) : m.start()]
        numbering = re.match(r"\d+\.\s", masked[m.start() : m.end() + 2]) and not m.group("unit")
        if m.group(0).strip() and not NOT_A_FIGURE.search(before) and not numbering:
            out.append(quantity(m))
    out = [_rate(q, masked) for q in out]
    out += [Quantity(2.0, "times", m.group(0), m.start(), m.end()) for m in TWICE.finditer(text)]
    return sorted(out, key=lambda q: q.start)


# A figure a question names as given ("how much of the 164k grant", "of those 212 offences").
_GIVEN_BEFORE = re.compile(r"\b(?:the|those|these|its|their|that|this|our)\s+£?$", re.I)


def given_values(question: str) -> frozenset[float]:
    """The values of the figures a question names as given (`stated_numbers`, by value).

    "how much of the 164k grant goes on mentoring?" gives 164,000: a sentence saying "the
    grant of £164,000" restates the whole, and gives no amount for the part asked.
    """
    return frozenset(
        q.value
        for q in quantities(question)
        if _GIVEN_BEFORE.search(question[max(0, q.start - 12) : q.start])
    )


def without_values(text: str, values: frozenset[float]) -> str:
    """The text with its figures of the given values blanked out (same length)."""
    if not values:
        return text
    out = text
    for q in quantities(text):
        if any(abs(q.value - v) <= 0.005 * max(abs(v), 1.0) for v in values):
            out = out[: q.start] + " " * (q.end - q.start) + out[q.end :]
    return out


RATE_AFTER = re.compile(
    r"^(?:\s+[A-Za-z'-]+){1,3}\s+(?:per|for every|in every|out of every)\s+"
    r"(1,000|1000|10,000|100,000|100000|100|million)\b"
)
RATE_BEFORE = re.compile(r"\brate (?:of|was|is|at|stood at)\s+$", re.I)


def _rate(q: Quantity, text: str) -> Quantity:
    """A bare number read as a rate when "per 1,000" follows its noun ("68.3 crimes per 1,000")."""
    m = RATE_AFTER.match(text[q.end :]) if q.unit == "" else None
    if not m:
        rate = q.unit == "" and RATE_BEFORE.search(text[max(0, q.start - 20) : q.start])
        return Quantity(q.value, "rate", q.text, q.start, q.end, q.approx, q.step) if rate else q
    base = m.group(1).replace(",", "")
    unit = f"per {1_000_000 if base == 'million' else int(base):,}"
    return Quantity(q.value, unit, q.text, q.start, q.end, q.approx, q.step)


def same_unit(draft: Quantity, doc: Quantity) -> bool:
    """True when a document's figure is in the draft's unit.

    A draft's bare number may stand for a document's rate ("68.3" for "68.3 per 1,000"), and a
    rate written without its base ("a rate of 86.9") for any rate; a rate never for a count.
    """
    if draft.unit == doc.unit:
        return True
    if doc.unit == "rate":
        return draft.unit == "" or draft.unit.startswith("per ")
    return draft.unit in ("", "rate") and doc.unit.startswith("per ")


def same_value(
    draft: Quantity, doc: Quantity, tolerance: float, over_tolerance: float | None = None
) -> bool:
    """True when a document's figure is the draft's, as a value.

    Units must agree (a bare number may stand for a rate, never for a percentage or money). A
    draft figure may round the document's to its own precision ("24%" for 24.3%); an
    approximate one ("nearly 2,300") may differ by at most `tolerance` of its value, on the
    side its word allows (a lower bound, "more than", by `over_tolerance`). A bound on a common
    fraction in words reaches the next common fraction: "more than half" is 50%-60%, "almost a
    quarter" 20%-25%.
    """
    if not same_unit(draft, doc):
        return False
    if draft.coarse and draft.approx in ("over", "under"):  # "more than half" for 58%
        nxt = _next_share(draft.value, draft.approx)
        return min(draft.value, nxt) - 1e-9 <= doc.value <= max(draft.value, nxt) + 1e-9
    gap, slack = doc.value - draft.value, draft.step / 2 + 1e-9
    if abs(gap) <= slack:
        return True
    room = tolerance * abs(draft.value) + slack
    if draft.approx == "about":
        return abs(gap) <= room
    if draft.approx == "under":
        return -room <= gap <= slack
    if draft.approx == "over":  # a lower bound: "more than a third" for 35.9%
        wider = (tolerance if over_tolerance is None else over_tolerance) * abs(draft.value)
        return -slack <= gap <= max(wider, round_step(draft)) + slack
    return False


def round_step(q: Quantity) -> float:
    """The step a round figure is rounded to, at most half its value: "2,000" 1,000, "80" 10.

    A lower bound on a round figure ("over 2,000 responses") stands for anything up to the
    next round figure (2,300 is over 2,000; 3,100 is over 3,000, not over 2,000). 0 for a
    fraction, money or a rate.
    """
    value = abs(q.value)
    if value < 10 or value != int(value) or q.unit not in ("", "%"):
        return 0.0
    step = 1.0
    while value % (step * 10) == 0:
        step *= 10
    return min(step, value / 2)


def full_dates(text: str) -> list[tuple[tuple[int, int, int], str, int, int]]:
    """Dates with a month: ((year, month, day or 0), text, start, end)."""
    months = MONTHS.split("|")
    return [
        (
            (int(m.group(3)), months.index(m.group(2)) + 1, int(m.group(1) or 0)),
            m.group(0),
            m.start(),
            m.end(),
        )
        for m in FULL_DATE.finditer(text)
    ]


def period_spans(text: str) -> list[tuple[tuple[int, int], str, int, int]]:
    """Periods outside full dates, with where they are: ((first, last), text, start, end)."""
    masked = FULL_DATE.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    for m in _PERIOD.finditer(masked):
        found = periods(m.group(0))
        if found:
            out.append((min(found), m.group(0), m.start(), m.end()))
    return out


def change(text: str) -> str:
    """Return "up", "down" or "" for the change a text states (strict change words only)."""
    up, down = bool(CHANGE_UP.search(text)), bool(CHANGE_DOWN.search(text))
    return "up" if up and not down else "down" if down and not up else ""


# Who does what: "chaired by the Assistant Chief Constable", "led by both CSPs" (not "run by
# and for people in recovery": that names no one).
RELATION = re.compile(
    r"\b(?:co-)?(chaired|led|run|convened|overseen|hosted|funded|provided|delivered|managed|"
    r"commissioned|coordinated)\s+by\s+(?!(?:and|or)\s)(?:the\s+)?([^,.;()]+)",
    re.I,
)
# A contact detail a draft gives (an email or web address): the documents must give it as is.
CONTACT = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b(?:https?://|www\.)[\w./?=&%-]*[\w/]", re.I
)

# "chaired by the ...": what follows names who holds the role.
# Whose post follows "by": "the council's", "its", "their" ("chaired by its Director of...").
POSSESSOR = re.compile(r"^(?:(?:the\s+)?[\w-]+'s\s+|its\s+|their\s+)", re.I)
HELD_BY = re.compile(
    r"\b(?:co-?chaired|chaired|led|headed|run|managed|convened|overseen)\s+(?:jointly\s+)?by\s+"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)
# British spellings the shipped English list may lack, as their American forms: "scrutinises"
# is "scrutinizes", "behaviour" is "behavior", "analyse" is "analyze", "centre" is "center".
BRITISH_SPELLINGS = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"our"), "or"),
    (re.compile(r"yse(s|d)?$"), r"yze\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
)
# Words that join a name's words ("Westmorland and Furness"): no initial of a short form.
JOINING_WORDS = frozenset("and of the for in on to &".split())


def is_function_word(word: str) -> bool:
    """True for an English function word (this module's stopwords or NLTK's, via bm25s)."""
    return word in STOPWORDS or word in function_words()


# Relations that name the same thing in everyday wording: the one who heads a board "chairs"
# or "leads" it. A passage's relation with the draft's own verb is read first.
# Verbs of one relation: who chairs or leads a body; who runs a service (its provider).
_RUNS = frozenset({"run", "provided", "delivered", "managed"})
SAME_RELATION = {
    "led": frozenset({"chaired"}),
    "chaired": frozenset({"led"}),
    **{verb: _RUNS - {verb} for verb in _RUNS},
}
MOST = frozenset("highest largest most biggest".split())  # superlatives of the largest value
LEAST = frozenset("lowest smallest fewest least".split())
# A noun for the top of a series ("which year was the peak?", "the peak is in summer").
PEAK = frozenset({"peak"})
# A superlative that picks one end of a scale; "at most", "at least", "most of" pick none.
_DIRECTED = re.compile(
    r"(?<!\bat )\b(highest|largest|most|biggest|lowest|smallest|fewest|least|peak)\b(?!\s+of\b)",
    re.I,
)


def only_within_wider(name: str, text: str, question: str) -> bool:
    """True when a text uses a name only joined by "and" to another name the question lacks.

    "England and Wales 25.6%" is a figure for a wider area than "England": it gives none for
    England, unless the question names Wales too. A pair on its own reads the same way ("run
    from Merseyside and Greater Manchester" is not said of Merseyside alone); the last two of
    a longer list ("in Barrow, Carlisle and Copeland") are said of each.
    """
    asked = set(name_words(question))
    wider = bare = False
    for m in re.finditer(rf"(?i)(?<![\w-]){re.escape(name)}(?![\w-])", text):
        before = re.search(
            r"(?<![\w-])([A-Z][a-z']+) (?:and|&) $", text[max(0, m.start() - 30) : m.start()]
        )
        after = re.match(r" (?:and|&) ([A-Z][a-z']+)(?![\w-])", text[m.end() :])
        other = (before or after).group(1) if before or after else ""
        proper = m.group(0)[0].isupper()  # "run out and back" joins no name
        start = m.start() - (len(before.group(0)) if before else 0)
        listed = re.search(r",\s*$", text[:start])  # "Barrow, Carlisle and Copeland": each
        if proper and other and not listed and base_word(other.lower()) not in asked:
            wider = True
        else:
            bare = True
    return wider and not bare


def wider_category(question: str, text: str) -> str:
    """The category a text names only joined by "and" to something the question lacks ("").

    "14,440 violence and sexual offences" counts a wider category than "sexual offences": it
    gives no figure for them alone, unless the question names violence too. The words after
    "and" must be two or more of the question's own, in its order; a list ("theft, violence
    and sexual offences") says each of its members, and so does a text that names the
    question's words outside the pair as well.
    """
    asked = " ".join(w for w in name_words(question) if w not in STOPWORDS)
    spans, wider = [], ""
    for m in re.finditer(r"(?i)(?<!, )\b([a-z]+) (?:and|&) ((?:[a-z]+ ){1,2}[a-z]+)\b", text):
        other, tail = m.group(1).lower(), m.group(2).lower().split()
        if other in STOPWORDS or re.search(rf"\b{other}\b", asked):
            continue
        for n in range(len(tail), 1, -1):
            phrase = " ".join(tail[:n])
            if re.search(rf"\b{phrase}\b", asked):
                spans.append((m.start(), m.start(2) + len(phrase)))
                wider = wider or f"{m.group(1)} and {m.group(2)[: len(phrase)]}"
                break
    if not wider:
        return ""
    bare = text
    for start, end in reversed(spans):
        bare = bare[:start] + " " + bare[end:]
    phrase = wider.split(" and ", 1)[1]
    return "" if re.search(rf"(?i)\b{re.escape(phrase)}\b", bare) else wider


def wider_name(name: str, text: str) -> str:
    """The pair of names a text joins a name into ("England and Wales" for "england"), or ""."""
    n = re.escape(name)
    m = re.search(
        rf"(?i:(?<![\w-]){n})(?![\w-]) (?:and|&) [A-Z][a-z']+(?![\w-])|"
        rf"(?<![\w-])[A-Z][a-z']+ (?:and|&) (?i:{n})(?![\w-])",
        text,
    )
    return m.group(0) if m and m.group(0)[0].isupper() else ""


# A superlative a thing is said to hold ("had the fewest", "recorded the highest", "is lowest");
# one that describes a group ("in the most deprived areas", "about the most serious offences")
# picks no end.
_HELD_END = re.compile(
    r"(?i)\b(?:has|had|have|saw|sees|see|recorded|records|record|got|gets|get|is|was|are|were|"
    r"ranks?|ranked|sits?|sat)\s+(?:the\s+)?(?:very\s+)?"
    r"(highest|largest|most|biggest|lowest|smallest|fewest|least|peak)\b(?!\s+of\b)"
)


def asked_end(text: str) -> frozenset[str]:
    """The end of a scale a question asks which thing sits at ("which town had the fewest?").

    Only a question that picks ("which", "what", "who", "where", "when") asks for one end, and
    only with a superlative the thing is said to hold: "how many of the most deprived areas..."
    counts within a group, and "what share were in the most deprived areas" describes one.
    """
    m = re.search(r"(?i)\b(?:which|what|who|where|when)\b(.*)", text)
    if not m or re.search(r"(?i)\bhow (?:many|much)\b", text):
        return frozenset()
    return directions(" ".join(h.group(1) for h in _HELD_END.finditer(m.group(1))))


# A change a pick question asks the end of: "which crime went up the most?", "where was the
# biggest fall?" (the verb or noun says which way; the superlative which end).
_CHANGED_END = re.compile(
    r"(?i)\b(?P<verb>rose|risen|rises?|increased?|increases|grew|grown|grows?|(?:went|gone|go|goes)"
    r" (?:up|down)|climbed|fell|fallen|falls?|decreased?|decreases|dropped|drops?|declined?|"
    r"reduced)\s+(?:the\s+)?(?:very\s+)?(?P<end>most|least|fastest|furthest|sharpest)\b(?!\s+of\b)|"
    r"\b(?P<size>biggest|largest|greatest|sharpest|steepest|fastest|smallest)\s+"
    r"(?P<noun>rises?|increases?|growth|falls?|drops?|decreases?|reductions?|declines?)\b"
)


def asked_change_end(text: str) -> tuple[str, str] | None:
    """The way and end of a change a pick question asks about, or None.

    "Which kind of theft went up the most?" asks ("up", "most"): the thing whose figure rose
    by the largest amount; "where was the smallest fall?" asks ("down", "least"). Only a
    question that picks asks it ("how much did theft go up the most" does not); "and by how
    much?" after the pick asks the size of the change picked.
    """
    pick = re.search(r"(?i)\b(?:which|what|where|who)\b", text)
    if not pick or re.search(r"(?i)\bhow (?:many|much)\b", text[: pick.start()]):
        return None
    m = _CHANGED_END.search(text, pick.start())
    if not m:
        return None
    way = change(m.group("verb") or m.group("noun"))
    end = "least" if (m.group("size") or m.group("end")).lower() in LEAST else "most"
    return (way, end) if way else None


def signed_change(value: str) -> float | None:
    """A table cell's change as a signed figure: "up 22.1%" 22.1, "down 4.1%" -4.1, else None."""
    found = quantities(value)
    way = change(value)
    if not found or not way:
        return None
    return found[0].value if way == "up" else -found[0].value


def directions(text: str) -> frozenset[str]:
    """The ends of a scale a text's superlatives pick: "most" (the largest value), "least".

    "Which town had the fewest thefts?" picks "least"; "Northvale had the highest rate and
    Eastmere the lowest" both; "at least 40" and "most of them" neither.
    """
    words = {m.group(1).lower() for m in _DIRECTED.finditer(text)}
    return frozenset(d for d, ends in (("most", MOST | PEAK), ("least", LEAST)) if words & ends)


RATE_BASE = re.compile(r"\bper\s+(1,000|1000|10,000|100,000|100000|100|million)\b", re.I)


def rate_unit(text: str) -> str:
    """The rate a heading gives its figures ("Crime per 1,000 residents" -> "per 1,000"), or ""."""
    m = RATE_BASE.search(text)
    if not m:
        return ""
    base = m.group(1).replace(",", "")
    return f"per {1_000_000 if base == 'million' else int(base):,}"


def mask_editions(text: str) -> str:
    """The text with the years that name a document's edition blanked ("the 2024 strategy").

    Such a year says which document, not the period a figure or a change is given for.
    """
    return DATED_TITLE.sub(lambda m: re.sub(r"\d", " ", m.group(0)), text)


# A period that is the base of a comparison: "on 2021/22", "since the 2024 strategy (2022/23)",
# "against 2022/23", "fewer than in 2022/23". A figure beside it is given for a later period.
BASE_BEFORE = re.compile(
    r"(?:\b(?:since|against|compared (?:with|to))\b[^.;|:]{0,25}|\b(?:on|from)\s+(?:the\s+)?"
    r"|\bthan\s+(?:in\s+)?(?:the\s+)?)$",
    re.I,
)


# A figure right before the period it is given for: "455 in ", "£1.2m for ".
DATED_FIGURE = re.compile(r"\d[\d,.]*%?\s+(?:in|for|during)\s+$")


# A base a figure is compared with ("compared with 2023/24 levels", "measured against"), not a
# start ("from 2016", "since 2012").
COMPARED_BASE = re.compile(r"\b(?:against|compared (?:with|to))\b[^.;|:]{0,25}$", re.I)


def is_base_period(text: str, start: int) -> bool:
    """True when the period starting at `start` is what a change is measured from."""
    return bool(BASE_BEFORE.search(text[max(0, start - 40) : start]))


# The period a change's value is measured from: "down 4.8% on 2022/23", "12% higher than in
# 2021", "up 6 compared with the 2023/24". Not a start ("from 2016", "since 2012").
CHANGE_BASE = re.compile(
    r"\d%?\s+(?:\w+\s+)?(?:on|against|compared (?:with|to)|than)\s+(?:in\s+)?(?:the\s+)?$", re.I
)


def is_change_base(text: str, start: int) -> bool:
    """True when the period starting at `start` is the base of a change's value just before."""
    return bool(CHANGE_BASE.search(text[max(0, start - 40) : start]))


# An edition named as the base of a comparison ("change since the 2024 strategy"), or as the
# source of a change's earlier value ("up from £157,000 a year under the 2024 strategy"), is not
# the document a sentence speaks of.
COMPARED_EDITION = re.compile(
    rf"\b(?:since|against|compared (?:with|to)|than|from\s+£?\d[^;]{{0,25}}?\s(?:under|in))"
    rf"\s+the\s+(?:[\w/'-]+\s+){{0,5}}?"
    rf"{DOC_TYPE_WORDS}\b",
    re.I,
)


def drop_compared_editions(text: str) -> str:
    """The text without the editions it names only to compare with."""
    return COMPARED_EDITION.sub(" ", text)


# --- Comparisons and frequencies (the wording check's claims beyond figures) ------------------

# A comparison a sentence states: "below the England rate", "higher than England's". A
# comparative followed by a figure ("more than 5,900 hours") is the figure's bound, not a
# comparison; one followed by a time ("fewer than in 2022/23", "higher than a year earlier") is
# a change over time, so a direction.
COMPARE_MORE = re.compile(
    r"\b(?:above|higher than|greater than|more than|larger than|bigger than|exceed(?:s|ed|ing)?|"
    r"outstrip(?:s|ped)?|worse than)\b",
    re.I,
)
COMPARE_LESS = re.compile(
    r"\b(?:below|lower than|less than|fewer than|smaller than|better than)\b", re.I
)
_COMPARE_FIGURE = re.compile(
    r"\s+(?:(?:a|an|one|half|twice|double|about|around|nearly|almost)\b|[\d£]|"
    r"(?:" + "|".join(NUMBER_WORDS) + r")\b)",
    re.I,
)
_COMPARE_TIME = re.compile(
    r"\s+(?:(?:in|on|during|at)\s+)?(?:the\s+)?(?:(?:19|20)\d\d|year|previous|last|"
    r"same (?:period|months|time)|a year (?:earlier|before|ago)|before|earlier|"
    r"(?:\d+|one|two|three|five|ten) years? (?:earlier|before|ago))",
    re.I,
)


def comparisons(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, way, start, end) of each comparison a text states.

    kind is "comparison" (with another place or group: "below the England rate") or
    "direction" (with an earlier time: "10.4% fewer than in 2022/23"); way is "more" or "less".
    """
    out = []
    for way, pattern in (("more", COMPARE_MORE), ("less", COMPARE_LESS)):
        for m in pattern.finditer(text):
            rest = text[m.end() :]
            if _COMPARE_TIME.match(rest):
                out.append(("direction", way, m.start(), m.end()))
            elif not (_COMPARE_FIGURE.match(rest) or re.match(r"\s*(?:ever|usual)\b", rest)):
                out.append(("comparison", way, m.start(), m.end()))
    return sorted(out, key=lambda c: c[2])


# How often something happens, as times a year: "quarterly" and "each quarter" are 4, "every six
# weeks" 8.7.
_PER_YEAR = {"week": 52.0, "fortnight": 26.0, "month": 12.0, "quarter": 4.0, "year": 1.0}
_ADVERB_PER_YEAR = {
    "weekly": 52.0,
    "fortnightly": 26.0,
    "monthly": 12.0,
    "quarterly": 4.0,
    "annually": 1.0,
    "yearly": 1.0,
    "biannually": 2.0,
}
_TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "six times": 6}
FREQUENCY = re.compile(
    r"\b(?:(?P<adverb>" + "|".join(_ADVERB_PER_YEAR) + r")|"
    r"(?:every|each) (?:(?P<n>\d+|two|three|four|five|six|eight|other) )?"
    r"(?P<each>week|fortnight|month|quarter|year)s?|"
    r"(?P<times>once|twice|three times|four times|six times) an? "
    r"(?P<per>week|fortnight|month|quarter|year))\b",
    re.I,
)


def frequencies(text: str) -> list[tuple[float, str, int, int]]:
    """(times a year, text, start, end) of each frequency a text states ("meets quarterly")."""
    out = []
    for m in FREQUENCY.finditer(text):
        if m.group("adverb"):
            value = _ADVERB_PER_YEAR[m.group("adverb").lower()]
        elif m.group("each"):
            n = (m.group("n") or "1").lower()
            count = 2.0 if n == "other" else float(NUMBER_WORDS.get(n, n))
            value = _PER_YEAR[m.group("each").lower()] / count
        else:
            value = _TIMES[m.group("times").lower()] * _PER_YEAR[m.group("per").lower()]
        out.append((round(value, 2), m.group(0), m.start(), m.end()))
    return out


def title_spans(text: str, titles: Iterable[str]) -> list[tuple[str, int, int]]:
    """(title, start, end) where a text names a document by its title, case aside.

    A title is matched up to any colon ("Police, Fire and Crime Plan 2024-2028: Summary" is
    named by "the Police, Fire and Crime Plan 2024-2028"); its years name the edition.
    """
    out = []
    for title in sorted(set(titles), key=len, reverse=True):
        name = title.split(":")[0].strip()
        for m in re.finditer(re.escape(name), text, re.I):
            if not any(s <= m.start() < e for _, s, e in out):
                out.append((title, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


# A passage sentence saying something stopped: a draft that states it as standing is out of date.
NO_LONGER = re.compile(
    r"\b(?:no longer|ceased|(?:was|were|has been|have been) (?:(?:all|both|later|then|since|"
    r"formally|each) )?(?:abolished|replaced|merged|absorbed|folded))\b",
    re.I,
)


# A clause that says something is not so: "is not a Violence Reduction Unit area".
NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|cannot)\b|\b\w+n't\b", re.I)


def polarity_clash(draft: str, backing: str, least: int = 2) -> str:
    """The clause of `backing` that denies what a clause of `draft` states, or the reverse.

    Each draft clause is set beside the backing clause sharing most content words with it (at
    least `least`); when one of the two is negated and the other is not ("Cumbria is a Violence
    Reduction Unit area" against "Cumbria is not a Violence Reduction Unit area"), or when the
    two give opposite bare comparatives ("lower among ..." against "higher among ..."), that
    backing clause is returned. "" when every clause agrees.
    """
    cut = re.compile(rf"{CLAIM_BREAK.pattern}|\.\s|\s\|\s")  # a sentence or caption ends one too
    theirs = [c for c in cut.split(backing) if c and c.strip()]
    for mine in (c for c in cut.split(draft) if c and c.strip()):
        words = terms(mine) - STOPWORDS
        scored = [(sum(any(same_word(w, x) for x in terms(c)) for w in words), c) for c in theirs]
        best, clause = max(scored, key=lambda s: s[0], default=(0, ""))
        if best < least:
            continue
        if bool(NEGATION.search(mine)) != bool(NEGATION.search(clause)):
            return clause.strip()
        ways = _bare_comparatives(mine), _bare_comparatives(clause)
        if len(ways[0]) == len(ways[1]) == 1 and ways[0] != ways[1]:
            return clause.strip()  # "considerably lower among ..." against "considerably higher"
    return ""


# A comparative said of a group without naming what it is compared with ("reoffending is
# considerably higher among people released from short sentences"); "higher than ..." is a
# comparison claim of its own (see `comparisons`), checked against what it names.
BARE_MORE = re.compile(r"\b(?:higher|greater|larger|bigger)\b(?!\s+than\b)", re.I)
BARE_LESS = re.compile(r"\b(?:lower|smaller|fewer)\b(?!\s+than\b)", re.I)


def _bare_comparatives(clause: str) -> set[str]:
    """The ways ("more", "less") of the bare comparatives of a clause."""
    return {way for way, p in (("more", BARE_MORE), ("less", BARE_LESS)) if p.search(clause)}


# A role in a board: chair, vice-chair, co-chair ("chairs", "co-chaired by", "Chair:").
ROLE_WORD = re.compile(r"\b(?:(vice|co|deputy)[- ])?chair(?:s|ed|man|woman|person)?\b", re.I)


def roles(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) of each board role a text names: kind chair, vice or co.

    A deputy chair is a vice-chair; "chairs", "chaired" and "Chair:" are the chair.
    """
    out = []
    for m in ROLE_WORD.finditer(text):
        prefix = (m.group(1) or "").lower()
        out.append(({"deputy": "vice"}.get(prefix, prefix) or "chair", m.group(0), *m.span()))
    return out


# A month naming an event it modifies, with no year: "the June meeting", "its March review".
MONTH_EVENT = re.compile(rf"\b({MONTHS})\s+(?!(?:19|20)\d\d\b)([a-z][a-z-]+)\b")


def month_events(text: str) -> list[tuple[str, str, int, int]]:
    """(month, the noun it modifies, start, end) of each "June meeting" a text names."""
    return [
        (m.group(1), m.group(2).lower(), m.start(), m.end()) for m in MONTH_EVENT.finditer(text)
    ]


# --- WordNet: the general synonym source -------------------------------------------------------
# `assistant/data/wordnet.tsv.gz`, built from Princeton WordNet 3.0 by scripts/build_wordnet.py:
# each one-word noun or verb with the one-word lemmas of its senses and of their broader terms.
# Read here rather than through NLTK, whose import and WordNet load took 21 s on this machine.
WORDNET_FILE = Path(__file__).resolve().parent / "data" / "wordnet.tsv.gz"

# WordNet's own rules for taking an ending off (its `morphy`), tried in order.
_DETACH = (
    ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"),
    ("men", "man"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
    ("ing", "e"), ("ing", ""),
)  # fmt: skip


# A word of more senses than this is not looked up: WordNet lists every sense ("books" as
# records, "window" as a time or a pane), and each wrong sense pairs a question word with an
# unrelated passage word. Measured on the calibration sets: all senses broke 4 answers for 1.
WORDNET_SENSES = 1
# ...unless the model vouches for the pair as well (near_words.wordnet_words): a word of up to
# this many senses pairs with a neighbour the model puts at least WORDNET_CONFIRM from it.
WORDNET_CONFIRMED_SENSES = 3


@functools.cache
def wordnet_table(senses: int = WORDNET_SENSES) -> dict[str, tuple[str, ...]]:
    """Word -> its WordNet neighbours, for words of at most `senses` senses.

    Empty when the data file is missing.
    """
    import gzip

    if not WORDNET_FILE.exists():
        return {}
    table = {}
    with gzip.open(WORDNET_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, count, rest = line.rstrip("\n").split("\t")
                if int(count) <= senses:
                    table[word] = tuple(rest.split())
    return table


def wordnet_neighbours(word: str, senses: int = WORDNET_SENSES) -> tuple[str, ...]:
    """The words WordNet puts beside `word` (its synonyms and their broader terms).

    "break-ins" -> ("burglary", "housebreaking"); "kids" -> ("child", ...). The word is tried
    as written, then without an inflectional ending; a word of more than `senses` senses has
    none.
    """
    table = wordnet_table(senses)
    for form in lemma_forms(word):
        if form in table:
            return table[form]
    return ()


def lemma_forms(word: str) -> list[str]:
    """`word` in lower case, then the forms WordNet's ending rules make of it (longer than 2)."""
    word = base_word(word.lower())
    made = [word[: -len(end)] + put for end, put in _DETACH if word.endswith(end)]
    return [word] + [form for form in made if len(form) > 2]
