"""Short forms: the abbreviations people type, read as the passages spell them out (pure).

Staff type "DA incidents", "the SV strategy", "w&f" or "the home office sv duty grant". The
glossary knows the corpus's own acronyms (lexical.Synonyms); these are the ones people make up.
Each is read from the passages retrieved for the question, the way Schwartz and Hearst read an
abbreviation from the words around it: the phrase whose initials spell it, used at least twice.
A short form typed in lower case could be an ordinary word ("vs"), so it is read only as a name
the passages write in capitals beside the question's neighbouring word ("sv duty" -> "Serious
Violence Duty").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from assistant import language as lang

# A short form typed in capitals ("SV", "CJ", "KSIs", "W&F"); a trailing lower-case "s" is a
# plural ("KSIs" is KSI). Letters joined by "&" are a short form in any case ("w&f").
SHORT_FORM = re.compile(r"(?<![\w&])([A-Z][A-Z&]*[A-Z]|[A-Za-z](?:&[A-Za-z])+)(s?)(?![\w&])")
# Two to four lower-case letters standing alone ("sv", "da"): a short form only if the corpus
# never writes it as a word and the passages spell it out beside the question's own words.
LOWER_FORM = re.compile(r"(?<![\w&'’-])([a-z]{2,4})(?![\w&'’-])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|&")
NEAR = 3  # how many words from the phrase the question's neighbouring word may stand


def short_forms(text: str) -> list[tuple[str, str]]:
    """The capitalised short forms a text uses, as (written, singular): ("KSIs", "KSI")."""
    return [(m.group(0), m.group(1)) for m in SHORT_FORM.finditer(text)]


def lower_short_forms(text: str, words: frozenset[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The lower-case short forms a text may use, each with its neighbouring content words.

    `words` are the words the corpus writes (and English function words): "sv" is not one of
    them, "kids" may not be either but no phrase of four words beside the question's own will
    spell it.
    """
    tokens = [m for m in re.finditer(r"[\w'’&-]+", text)]
    out = []
    for i, m in enumerate(tokens):
        form = m.group(0)
        if not LOWER_FORM.fullmatch(form) or form in words or lang.is_function_word(form):
            continue
        near = [t.group(0).lower() for t in tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 3]]
        near = [w for w in near if not lang.is_function_word(w) and w.isalpha()]
        if near:
            out.append((form, tuple(near)))
    return out


def spell_out(
    short: str,
    texts: Iterable[str],
    least: int = 2,
    beside: tuple[str, ...] = (),
    named: bool = False,
) -> str:
    """The phrase a short form abbreviates in these texts ("" when none does at least twice).

    "SV" in passages about serious violence is "serious violence"; "W&F" is "Westmorland and
    Furness" (joining words are skipped when matching initials). The phrase used most often
    wins: the one the most passages use (a table repeating one label doesn't outvote prose),
    then the one the best-ranked passage uses, then the one used most often.

    With `beside`, a use counts only when one of those words stands within NEAR words of the
    phrase ("sv" beside "duty" is the "serious violence" of "serious violence duty"). With
    `named`, only a name the texts write in capitals counts ("Serious Violence Duty"): a short
    form typed in lower case ("vs") may be an English word nobody spells out.
    """
    letters = short.replace("&", "").lower()
    counts: Counter[str] = Counter()
    passages: Counter[str] = Counter()  # how many texts use it: a table's repeated label is one
    first: dict[str, int] = {}  # the best-ranked text that uses it
    for rank, text in enumerate(texts):
        here: set[str] = set()
        words = _WORD.findall(text)
        lower = [w.lower() for w in words]
        for i, word in enumerate(words):
            if word.lower() in lang.JOINING_WORDS or word[0].lower() != letters[0]:
                continue
            taken = _initials_phrase(words, i, letters)
            if not taken or named and not all(w[0].isupper() for w in taken if w != "&"):
                continue
            around = lower[max(0, i - NEAR) : i] + lower[i + len(taken) : i + len(taken) + NEAR]
            if not beside or set(beside) & set(around):
                # "domestic abuse-related" spells "domestic abuse": the suffix is no initial
                taken = [*taken[:-1], taken[-1].split("-")[0]]
                here.add(phrase := " ".join(taken).lower())
                counts[phrase] += 1
        passages.update(here)
        first.update({p: rank for p in here if p not in first})
    best = max(
        counts, key=lambda p: (passages[p], _tight(p, short), -first[p], counts[p]), default=""
    )
    return best if best and counts[best] >= least else ""


def _tight(phrase: str, short: str) -> bool:
    """True when a phrase's every word gives an initial, or the short form writes its "&".

    "DA" typed alone reads "domestic abuse" before "damage and arson" when both are as common:
    a skipped joining word is typed as "&" when the writer means it ("W&F").
    """
    return "&" in short or not any(w in lang.JOINING_WORDS for w in phrase.split())


def _initials_phrase(words: list[str], start: int, letters: str) -> list[str]:
    """The words from `start` whose initials (joining words skipped) spell `letters`."""
    taken, k = [], 0
    for word in words[start:]:
        if k == len(letters):
            break
        if word.lower() in lang.JOINING_WORDS and taken:
            taken.append(word)
            continue
        if word[0].lower() != letters[k] or word.isupper() and len(word) > 1:
            return []
        taken.append(word)
        k += 1
    return taken if k == len(letters) else []


# A run of capitalised words, joining words allowed between them ("Westmorland and Furness").
_NAME_RUN = re.compile(r"[A-Z][a-z]+(?:(?:\s+(?:and|of|the|for|&))*\s+[A-Z][a-z]+)+")


def named_phrases(texts: Iterable[str], least: int = 2, longest: int = 5) -> dict[str, str]:
    """Initials -> the name the texts write most often with them (at least `least` times).

    Built once over the whole corpus (lexical.LexicalIndex), so a short form of a name reads as
    the name even when the passages retrieved for a question don't write it: "W&F" is
    "westmorland and furness" however the question's topic is worded.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        for run in _NAME_RUN.findall(text):
            words = run.split()
            caps = [i for i, w in enumerate(words) if w[0].isupper()]
            for a, start in enumerate(caps):
                for end in caps[a + 1 : a + longest]:
                    counts[" ".join(words[start : end + 1])] += 1
    table: dict[str, str] = {}
    for phrase, n in counts.most_common():
        if n < least:
            break
        key = "".join(w[0] for w in phrase.split() if w.lower() not in lang.JOINING_WORDS).lower()
        table.setdefault(key, phrase.lower())
    return table


def spelled(
    text: str,
    texts: list[str],
    knows: Callable[[str], bool],
    words: frozenset[str],
    names: dict[str, str] | None = None,
) -> list[tuple[str, str]]:
    """The short forms a question makes up, each with what it reads as in these passages.

    A short form the glossary knows (`knows`) or the passages write as it is needs no reading
    ("KSIs" over passages that write "KSI" reads as "KSI"). One the passages don't spell out
    may be a corpus name's initials (`names`, see `named_phrases`).
    """
    joined = " ".join(texts)
    pairs = []
    for written, single in short_forms(text):
        if knows(written):
            continue
        if re.search(rf"(?<!\w){re.escape(single)}(?!\w)", joined):
            if single != written:
                pairs.append((written, single))
        elif phrase := spell_out(single, texts) or (names or {}).get(
            single.replace("&", "").lower(), ""
        ):
            pairs.append((written, phrase))
    for written, near in lower_short_forms(text, words):
        if not knows(written) and (phrase := spell_out(written, texts, beside=near, named=True)):
            pairs.append((written, phrase))
    return pairs


def spell_question(text: str, pairs: list[tuple[str, str]]) -> str:
    """The question with each short form it makes up spelled out ("KSIs" stays: a plural)."""
    for written, phrase in pairs:
        if written.lower().rstrip("s") == phrase.lower():
            continue
        text = re.sub(rf"(?<![\w&]){re.escape(written)}(?![\w&])", phrase, text)
    return text


def defined_forms(
    text: str, texts: list[str], knows: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """The corpus's own short forms a question uses, each with the name the passages define it by.

    A passage that writes "the Harbour Watch Forum (HWF)" defines "HWF": a sentence that
    writes only the name ("the Harbour Watch Forum now meets monthly") still speaks of the HWF
    the question asks about. Only a name written just before the short form in brackets, whose
    initials spell it, defines it; one the glossary knows (`knows`) is known already.
    """
    joined = " ".join(texts)
    pairs = []
    for written, single in dict.fromkeys(short_forms(text)):
        if knows(written) or len(single) < 2 or "&" in single:
            continue
        for m in re.finditer(rf"\(\s*{re.escape(single)}s?\s*\)", joined):
            words = _WORD.findall(joined[max(0, m.start() - 200) : m.start()])
            found = _defined_by(words, single.lower())
            if found:
                pairs.append((written, found))
                break
    return pairs


def _defined_by(words: list[str], letters: str) -> str:
    """The name ending `words` whose initials (joining words skipped) spell `letters`."""
    for start in range(len(words) - 1, max(-1, len(words) - 3 * len(letters) - 1), -1):
        taken = _initials_phrase(words, start, letters)
        if taken and len(taken) == len(words) - start and words[start][0].isupper():
            return " ".join(taken).lower()
    return ""
