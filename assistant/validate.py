"""Validate: a typed question -> the cleaned question, or a QuestionError with a one-line reason.

Every entry point (CLI, Python API, app) reaches `check_question` through `Assistant.ask`, so a
malformed question is refused the same way everywhere: empty, too long, no words (only
punctuation or `|`), or written in a script the documents don't use. Terminal escape sequences,
control characters (NUL) and invisible format characters (a right-to-left override, zero-width
spaces) are removed first, so they can neither reach the answer nor change how it reads.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from assistant.errors import QuestionError

MAX_QUESTION_CHARS = 2000
# ECMA-48 escape sequences: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), and any
# other two-character ESC sequence. A terminal would act on them; a question never needs them.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
_WORD = re.compile(r"[^\W_]{2,}")  # two letters or digits in a row, in any script
LATIN_SHARE = 0.75  # below this share of Latin letters, the question is not in English
_LETTERS = re.compile(r"[^\W\d_]+")
# The languages whose function words bm25s ships (from NLTK), besides English. Welsh has no
# list there: a Welsh question is answered, and abstains as the documents don't match it.
OTHER_LANGUAGES = {
    "French": "STOPWORDS_FRENCH",
    "German": "STOPWORDS_GERMAN",
    "Spanish": "STOPWORDS_SPANISH",
    "Italian": "STOPWORDS_ITALIAN",
    "Portuguese": "STOPWORDS_PORTUGUESE",
    "Dutch": "STOPWORDS_DUTCH",
    "Danish": "STOPWORDS_DANISH",
    "Norwegian": "STOPWORDS_NORWEGIAN",
    "Swedish": "STOPWORDS_SWEDISH",
    "Turkish": "STOPWORDS_TURKISH",
}


def clean_question(text: str) -> str:
    """Return the question without escape sequences, control or format characters.

    Control characters (category Cc: NUL, BEL, ...) become spaces; format characters (Cf:
    the bidirectional overrides and isolates, zero-width spaces, the byte-order mark) are
    dropped; runs of whitespace become one space.
    """
    text = _ESCAPE.sub(" ", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc":
            kept.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            kept.append(ch)
    return " ".join("".join(kept).split())


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters)


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    import bm25s.stopwords

    return {name: frozenset(getattr(bm25s.stopwords, v)) for name, v in OTHER_LANGUAGES.items()}


def other_language(text: str) -> str | None:
    """Name the language a Latin-script question is written in, when it is not English.

    Only the function words one list has and the other lacks count ("a", "y" and "en" are in
    both English's and French's), so a French question with "y a-t-il" is still French.
    """
    from assistant.language import function_words

    english = function_words()
    words = [w.lower() for w in _LETTERS.findall(text)]
    best, margin = None, 0
    for name, found in _function_words().items():
        theirs = sum(w in found and w not in english for w in words)
        ours = sum(w in english and w not in found for w in words)
        if theirs >= 2 and theirs > 2 * ours and theirs - ours > margin:
            best, margin = name, theirs - ours
    return best


def check_question(question: str) -> str:
    """Return the cleaned question.

    Raises:
        QuestionError: empty, too long, without words, or not in the documents' script; the
            message is one line that says what to do.
    """
    if not isinstance(question, str):
        raise QuestionError("The question must be text: type a question about the documents")
    cleaned = clean_question(question)
    if not cleaned:
        raise QuestionError("The question is empty: type a question about the documents")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(cleaned):,} characters long: keep it under "
            f"{MAX_QUESTION_CHARS:,} characters"
        )
    if not _WORD.search(cleaned):
        raise QuestionError(
            "The question has no words to search for (only punctuation, symbols or single "
            "letters): ask about the documents in words"
        )
    if _latin_share(cleaned) < LATIN_SHARE:
        raise QuestionError(
            "The question is written in another script; the documents are in English: ask it "
            "in English"
        )
    if language := other_language(cleaned):
        raise QuestionError(
            f"The question looks {language}; the documents are in English: ask it in English"
        )
    return cleaned
