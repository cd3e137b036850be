"""Lexical index: chunk texts -> bm25s index (stemming, English stopwords) beside Chroma.

Chroma's own sparse/BM25 search refuses to run locally (chromadb 1.5.9: "Sparse vector indexing
is not enabled in local"), so BM25 lives in index/bm25/ and is rebuilt from the chunk texts
whenever the corpus version changes. bm25s has no incremental add; a rebuild of the sample corpus
takes well under a second and of 100,000 chunks a few seconds, so rebuilding is the simple choice.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import language as lang
from assistant.language import EVERYDAY_SHORT_FORMS, common_words, proper_names
from assistant.short_forms import named_phrases
from assistant.spelling import corpus_words

if TYPE_CHECKING:
    import numpy as np

# The rule the corpus's names and lower-case words are read by (language.proper_names); an index
# saved under another is rebuilt when opened. 3: hyphenated names read in parts. 4: forms of
# a background name ("Cumbrian") are background too. 5: the initials of its names are kept
# (short_forms.named_phrases). 6: every word it writes is kept (spelling.py).
WORDS_RULE = 6


@functools.cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-case, drop English stopwords, and stem."""
    import bm25s

    return bm25s.tokenize(  # type: ignore[no-any-return]
        texts, stopwords="en", stemmer=_stemmer(), show_progress=False, return_ids=False
    )


@dataclass(frozen=True)
class Synonyms:
    """Acronyms and their expansions as token groups ("ASB" <-> "antisocial behaviour").

    The documents write "ASB" where a question says "antisocial behaviour" (and the other way
    round); BM25 and the sentence scorer both see either form as the other.
    """

    groups: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    spelled: tuple[tuple[str, str], ...] = ()  # (short form, expansion) as the glossary writes them

    @classmethod
    def from_glossary(cls, glossary: dict[str, Any]) -> Synonyms:
        """Build from corpus/glossary.yaml's `acronyms` (term, expansion) and English short forms.

        The everyday short forms ("yr" for "year") are language.EVERYDAY_SHORT_FORMS.
        """
        own = [
            (str(a["term"]), str(a["expansion"]))
            for a in glossary.get("acronyms") or []
            if isinstance(a, dict) and a.get("term") and a.get("expansion")
        ]
        return cls.from_pairs([*own, *EVERYDAY_SHORT_FORMS])

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Synonyms:
        """Build from (short form, expansion) pairs."""
        pairs = list(pairs)
        toks = tokenize([text for pair in pairs for text in pair]) if pairs else []
        groups = [
            (frozenset(toks[2 * i]), frozenset(toks[2 * i + 1]))
            for i in range(len(pairs))
            if toks[2 * i] and toks[2 * i + 1]
        ]
        return cls(tuple(groups), tuple((a, b) for a, b in pairs if a.isupper()))

    def spell_out(self, text: str) -> str:
        """The expansions of the capitalised short forms a text writes ("SCP" -> its name)."""
        written = (re.search(rf"\b{re.escape(short)}\b", text) for short, _ in self.spelled)
        return " ".join(long for (_, long), hit in zip(self.spelled, written, strict=True) if hit)

    def knows(self, short: str) -> bool:
        """True when a short form is one of the groups' own ("CSA" in the glossary)."""
        toks = frozenset(tokenize([short])[0])
        return bool(toks) and any(toks == group for group, _ in self.groups)

    def expand(self, tokens: set[str] | frozenset[str]) -> set[str]:
        """Add the other form of every acronym or expansion the tokens contain.

        Each group looks at the tokens given, not at what other groups added, so unrelated
        groups don't chain ("CSP" -> "community safety partnership", + "agreement" -> "CSA").
        """
        out = set(tokens)
        for short, long in self.groups:
            if short <= tokens:
                out |= long
            elif long <= tokens:
                out |= short
        return out


def wordnet_words(text: str, vocabulary: frozenset[str]) -> list[str]:
    """The corpus's words WordNet puts beside the words of `text` the corpus never writes.

    Only words outside the vocabulary are looked up, so a word the documents use keeps its own
    meaning; an empty vocabulary (an index built before it was kept) adds nothing.
    """
    if not vocabulary:
        return []
    found = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", text):
        if any(form in vocabulary for form in lang.lemma_forms(word)):
            continue
        for near in lang.wordnet_neighbours(word):
            found += [f for f in (near, f"{near}s") if f in vocabulary]  # or its plural
    return list(dict.fromkeys(found))


@dataclass
class LexicalIndex:
    """A bm25s index plus the chunk ids in index order."""

    ids: list[str]
    model: Any
    version: str
    fields: dict[str, list[Any]]  # filterable metadata columns, in index order
    df: dict[str, int] = field(default_factory=dict)  # token -> number of chunks containing it
    names: frozenset[str] = frozenset()  # the corpus's proper names (language.proper_names)
    common: frozenset[str] = frozenset()  # words it uses in lower case (language.common_words)
    phrases: dict[str, str] = field(default_factory=dict)  # initials -> name (short_forms.py)
    vocabulary: frozenset[str] = frozenset()  # every word it writes, lower-cased (spelling.py)

    @classmethod
    def build(
        cls,
        ids: list[str],
        texts: list[str],
        version: str,
        fields: dict[str, list[Any]] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> LexicalIndex:
        """Index texts (title and section already included by the caller)."""
        import bm25s

        model = bm25s.BM25(k1=k1, b=b)
        tokens = tokenize(texts) if texts else []
        if texts:
            model.index(tokens, show_progress=False)
        df: dict[str, int] = {}
        for doc in tokens:
            for tok in set(doc):
                df[tok] = df.get(tok, 0) + 1
        names, common = proper_names(texts), common_words(texts)
        phrases, vocabulary = named_phrases(texts), corpus_words(texts)
        return cls(list(ids), model, version, fields or {}, df, names, common, phrases, vocabulary)

    def save(self, folder: Path) -> None:
        """Write the index to a new folder, then swap it in whole.

        Readers and an ingest may each rebuild BM25 at the same moment (a reader finds it stale
        after a killed ingest, or on a Chroma server after another process's ingest); writing in
        place could leave one's model beside the other's ids. Whichever swap lands last serves.
        """
        tag = f"{os.getpid()}-{threading.get_ident()}"
        tmp, old = (folder.with_name(f"{folder.name}.{kind}-{tag}") for kind in ("tmp", "old"))
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self.model.save(str(tmp))
        meta = {
            "version": self.version,
            "ids": self.ids,
            "fields": self.fields,
            "df": self.df,
            "names": sorted(self.names),
            "common": sorted(self.common),
            "phrases": self.phrases,
            "vocabulary": sorted(self.vocabulary),
            "words_rule": WORDS_RULE,
        }
        (tmp / "ids.json").write_text(json.dumps(meta))
        try:
            if folder.exists():
                folder.rename(old)
            tmp.rename(folder)
        except OSError:
            pass  # another process swapped its copy in at the same moment: that one serves
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, version: str | None = None) -> LexicalIndex | None:
        """Load a saved index, or None when the caller must rebuild it.

        That is when there is none, it is of another corpus version, or it is damaged (a writer
        killed while saving).
        """
        import bm25s

        meta = folder / "ids.json"
        if not meta.is_file():
            return None
        try:
            data = json.loads(meta.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None
        if data.get("words_rule") != WORDS_RULE:
            return None  # its names were read by an older rule (or not kept): rebuilt by the caller
        if version is not None and data["version"] != version:
            return None
        try:
            model = bm25s.BM25.load(str(folder)) if data["ids"] else bm25s.BM25()
        except Exception:  # noqa: BLE001 - half-written files fail in many ways; rebuild
            return None
        return cls(
            data["ids"],
            model,
            data["version"],
            data.get("fields", {}),
            data.get("df", {}),
            frozenset(data["names"]),
            frozenset(data["common"]),
            data.get("phrases", {}),
            frozenset(data.get("vocabulary", ())),
        )

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token (unknown tokens count as rare)."""
        n = max(len(self.ids), 1)
        return math.log(1 + (n - self.df.get(token, 0) + 0.5) / (self.df.get(token, 0) + 0.5))

    def search(
        self,
        query: str,
        k: int,
        mask: np.ndarray | None = None,
        synonyms: Synonyms | None = None,
    ) -> list[tuple[str, float]]:
        """Return up to k (chunk id, BM25 score) pairs with a positive score."""
        tokens = tokenize([query])
        unseen = wordnet_words(query, self.vocabulary)
        if unseen and tokens[0]:  # "break-ins" finds the documents' "burglary"
            more = tokenize([" ".join(unseen)])[0]
            tokens = [tokens[0] + [t for t in more if t not in tokens[0]]]
        if synonyms and tokens[0]:
            tokens = [tokens[0] + sorted(synonyms.expand(set(tokens[0])) - set(tokens[0]))]
        if not self.ids or not tokens[0]:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.model.retrieve(
            tokens, k=k, show_progress=False, weight_mask=mask, n_threads=1
        )
        pairs = zip(docs[0], scores[0], strict=True)
        return [(self.ids[int(i)], float(s)) for i, s in pairs if s > 0]
