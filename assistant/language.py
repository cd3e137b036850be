"""Language: every English word list and pattern the answerer and the wording check use (pure).

Like bm25s's `stopwords.py`, this is the one module that spells out English. Everything else
imports from here; nobody writes a second list. Where a list is hand-written, its comment says
where it came from. Synonyms are not listed here: the glossary's acronyms (lexical.Synonyms) and
the embedding model (evidence.py weighs a missing word by how much it changes the question's
meaning) stand in for a thesaurus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# Function words that never carry a question's meaning (the usual English closed-class words,
# plus the request verbs people put in front of a question: "tell me", "please give").
STOPWORDS = frozenset(
    "a an and are as at be been by can do does did for from has have how in is it its of on or "
    "our that the their them there these they this to was were what when where which who whom why "
    "will with would about into than then also any all not no so such per i we you he she his her "
    "tell me please give list show".split()
)

# Words that frame a question rather than say what it is about ("according to", "what does the
# document say"); they are never counted as evidence.
QUESTION_FRAMING = frozenset(
    "how many much what which who whom whose when where why is are was were do does did has have "
    "according quote quoted say says state states mention mentions describe explain list name "
    "give tell current currently now latest old edition belong belongs choose chose set out "
    "document documents often piece kind type sort".split()
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
    r"\b(eliminated|eradicated|ended|all|every|always|never|guarantees?|"
    r"first (?:\w+ )?in (?:the country|england|the uk|britain)|first county|"
    r"lowest \w+ (?:rate )?of any|highest \w+ of any|100%|zero)\b",
    re.I,
)
SUPERLATIVE = re.compile(
    r"\b(highest|lowest|largest|smallest|most|fewest|biggest|worst|best)\b", re.I
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
    r"\bby how much\b|\bhow (?:did|has|have|does|do) .*\b(?:change|fall|rise|increase|decrease|"
    r"drop|compare)\b|\bwhat (?:was|is) the (?:change|fall|rise|increase|reduction|decrease)\b|"
    r"\b(?:up or down|down or up|go(?:ne)? up|go(?:ne)? down|rise or fall|risen or fallen)\b",
    re.I,
)
WHEN_QUESTION = re.compile(
    r"^\s*(?:when|since when|(?:in |by )?what (?:year|date|month))\b"
    r"|\b(?:and|,) when\b|\bby when\b",
    re.I,
)
LIST_QUESTION = re.compile(r"^\s*(?:what|which) (?:are|were)\b|\blist\b|^\s*name\b", re.I)
TABLE_QUESTION = re.compile(r"\btables?\b", re.I)
HOW_MANY = re.compile(r"\bhow many\s+([^?]+)", re.I)
WHAT_ARE = re.compile(r"^\s*(?:what|which) (?:are|were) (?:the |its |their )?([^?]+)", re.I)
# What a question sets aside ("... rather than specified authorities") is not sought.
CONTRAST = re.compile(
    r"\b(?:rather than|other than|instead of|apart from|excluding)\b[^,;?]*", re.I
)
# Words that end the noun phrase after "how many" / "what are the".
PHRASE_END = frozenset(
    "was were is are did do does have has had will would can could should sit there in on at "
    "of for from by to with that which who per across during went got".split()
)
BEFORE_COUNT = frozenset(": was were is are at to of totalled reached numbered stood".split())
CLAUSE_BREAK = re.compile(r",\s|;|\(|\)|\.\s|\b(?:and|or|but|while|whereas)\b")
COUNT_TOKEN = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:['-][a-z]+)*|:")
CAPTION = re.compile(r"^(table|figure|chart|source|note)s?\b[^|]*$", re.I)

# --- What value a question asks for, and whether a sentence gives one -------------------------
# A question can ask for a value of a type (an amount of money, a person's name, a share, an
# age, a length of time). A sentence that gives no value of that type does not answer it, however
# close its topic: "how much did the board get?" is not answered by "the board received money".
MONEY_NOUN = (
    r"(?:money|cash|funding|funds?|grants?|budgets?|costs?|spen[dt]|spending|salary|"
    r"salaries|paid|pay|precept|allocat\w*|worth|quid|£)"
)
ASKS_VALUE = {
    "money": re.compile(
        rf"\bhow much\b[^?]*\b{MONEY_NOUN}(?!\w)|£|\bwhat(?:'s| is| was| are| were)? (?:the )?"
        r"(?:\w+ ){0,4}(?:budget|salary|cost|precept)\b",
        re.I,
    ),
    # A person's name asked for about a role ("what's the name of the director?").
    "person": re.compile(
        r"\b(?:name|names|named|called)\b(?=[^?]*\b(?:director|chair|chairs|head|commissioner|"
        r"officer|lead|leads|manager|chief|superintendent|inspector|person|people|minister|"
        r"councillor|mp|vice-chair|co-chair)\b)|\b(?:director|chair|head|commissioner|officer|"
        r"manager|chief|superintendent|inspector|vice-chair|co-chair)\b[^?]*\b(?:called|named|"
        r"name)\b",
        re.I,
    ),
    "share": re.compile(
        r"\b(?:what|which) (?:proportion|percentage|share|fraction)\b|\bwhat per ?cent\b|"
        r"\bhow many (?:out of|in every)\b|\bwhat %",
        re.I,
    ),
    "age": re.compile(r"\b(?:average|median|mean) age\b|\bhow old\b|\bwhat age\b", re.I),
    "duration": re.compile(
        r"\bhow long\b|\bwait(?:ing)? (?:time|times|period|list)\b|\baverage wait", re.I
    ),
}
GIVES_VALUE = {
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
    ),
}


def has_figure(text: str) -> bool:
    """True when a text gives a figure: a number in digits that is not a year, date or period."""
    return bool(re.search(r"\d", _PERIOD.sub(" ", DATE.sub(" ", text))))


# The words a document's title ends on; "the Community Safety Agreement" names a document.
DOC_TYPE = re.compile(
    r"\b(strategy|plan|agreement|assessment|report|briefing|overview|refresh)\b", re.I
)


def named_documents(
    text: str, titles: dict[str, str], most: int = 3, years: bool = False
) -> tuple[str, ...]:
    """The documents a question names by their title ("the Community Safety Agreement").

    A title word such as "agreement" names a document with the words before it, all from one
    title. A name that fits more than `most` titles ("the plan") names none; one that fits several
    editions names the edition whose year the question gives, when it gives one. With
    `years`, a year is a title word too ("the 2024 strategy").
    """
    word = r"[a-z0-9']+" if years else r"[a-z']+"
    words = {d: {base_word(w) for w in re.findall(word, t.lower())} for d, t in titles.items()}
    found: list[str] = []
    for m in DOC_TYPE.finditer(text):
        before = re.findall(word, text[: m.start()].lower())[-4:]
        named = [base_word(m.group(1).lower())]
        for word in reversed(before):
            w = base_word(word.lower())
            if w in STOPWORDS or not any(w in ws and named[0] in ws for ws in words.values()):
                break
            named.append(w)
        fits = [d for d, ws in words.items() if len(named) > 1 and set(named) <= ws]
        dated = [d for d in fits if periods(titles[d]) & periods(text)]
        fits = dated or fits
        if 0 < len(fits) <= most:
            found += fits
    return tuple(dict.fromkeys(found))


# A person's name: two capitalised words, neither of which the corpus uses as a common word.
NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) ((?:Mc|Mac|O')?[A-Z][a-z'-]+)\b")


def asked_value(text: str) -> str:
    """The type of value a question asks for (money, person, share, age, duration), or ""."""
    return next((kind for kind, pattern in ASKS_VALUE.items() if pattern.search(text)), "")


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
    return bool(GIVES_VALUE[kind].search(text))


# --- Conversation: follow-ups and questions that ask two things -------------------------------
FOLLOW_START = re.compile(
    r"^(and|but|also|what about|how about|and what about|what of|then|so|or)\b", re.I
)
PRONOUN = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b", re.I
)
# A sentence that begins by pointing back at the one before ("Its target is 5%").
LEADING_PRONOUN = re.compile(r"^\s*(it|its|it's|this|these|they|their|that)\b", re.I)
# A definitional question names its own subject: "What is Prevent?", "what's CONTEST".
DEFINITION = re.compile(
    r"^\s*(?:what|who)(?:'s| is| are| was| were)\s+(?!it\b|that\b|this\b)", re.I
)
PART_BREAK = re.compile(
    r"\s*(?:;|,?\s+and)\s+(?=(?:who|whom|whose|what|which|how|when|where|why|does|do|did|is|"
    r"are|was|were|has|have)\b)",
    re.I,
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


def same_word(a: str, b: str) -> bool:
    """A light lemma match: "referrals"/"referral", "crimes"/"crime", "responses"/"responded"."""
    return a.rstrip("s") == b.rstrip("s") or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


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
    r"\b((?:19|20)\d\d)\s*(?:/|-|–|to)\s*((?:19|20)?\d\d)\b|\b((?:19|20)\d\d)\b|"
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


def period_spans(text: str) -> list[tuple[tuple[int, int], set[tuple[int, int]]]]:
    """Where a text names periods: each match's span and the periods it names."""
    return [(m.span(), periods(m.group(0))) for m in _PERIOD.finditer(text)]


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
        for m in re.finditer(r"(?<=[a-z,;(] )([A-Za-z][a-z'-]{2,})\b", text):
            word = base_word(m.group(1))
            (capital if word[0].isupper() else lower)[word.lower()] += 1
            seen.add(word.lower())
        docs.update(seen)
    months = {m.lower() for m in MONTHS.split("|")}
    return frozenset(
        w
        for w, c in capital.items()
        if c >= 2
        and c >= 9 * lower[w]
        and w not in months
        and w not in STOPWORDS
        and docs[w] <= max_share * max(n, 1)
    )


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the corpus uses in lower case (so not as a person's or place's name)."""
    return frozenset(w for text in texts for w in re.findall(r"(?<![A-Za-z'-])[a-z][a-z'-]+", text))
