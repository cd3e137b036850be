"""Answer: question + hits -> Answer, by selecting and citing the sentences that answer it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.cite import MONTHS, split_sentences
from assistant.embed import Embedder
from assistant.lexical import Synonyms
from assistant.types import Answer, AnswerSentence, Hit, Source

NO_ANSWER = "The documents don't cover this. The closest passages are listed below as related."
_NUMERIC_QUESTION = re.compile(
    r"\b(how many|how much|what (?:was|is|were|are) the (?:rate|number|share|total|figure|"
    r"percentage|proportion|target|budget|grant)|what percentage|what proportion|rate|figure|"
    r"per 1,000|per cent|number of|by how much)\b|%",
    re.I,
)
_DIGIT = re.compile(r"\d")
_CHANGE_QUESTION = re.compile(
    r"\bby how much\b|\bhow (?:did|has|have|does|do) .*\b(?:change|fall|rise|increase|decrease|"
    r"drop|compare)\b|\bwhat (?:was|is) the (?:change|fall|rise|increase|reduction|decrease)\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?:fell|fall|falls|down|up|rose|rise|rises|increased?|decreased?|reduc\w*|dropped|cut)\b"
    r"[^.;|]{0,30}?\d|\d[\d.,]*%?[^.;|]{0,20}\b(?:fall|reduction|increase|rise|drop|decrease)\b",
    re.I,
)
_WHEN_QUESTION = re.compile(
    r"^\s*(?:when|(?:in |by )?what (?:year|date|month))\b|\b(?:and|,) when\b|\bby when\b", re.I
)
_DATE = re.compile(rf"\b(?:19|20)\d\d(?:/\d\d)?\b|\b(?:{MONTHS})\b")
_LIST_QUESTION = re.compile(r"^\s*(?:what|which) (?:are|were)\b|\blist\b|^\s*name\b", re.I)


def answer_kind(question: str) -> str:
    """What kind of sentence answers the question (it earns AnswerPolicy.type_bonus).

    row (the question names a table), count, change, date, list, number, or any (""). A
    follow-up that asks no kind of its own ("and serious violence? | by how much did ASB
    fall?") asks what the earlier question asked.
    """
    for part in question.split(" | "):
        kind = _kind(part)
        if kind:
            return kind
    return ""


def _kind(current: str) -> str:
    if re.search(r"\btables?\b", current, re.I):
        return "row"
    if count_target(current):
        return "count"
    if _CHANGE_QUESTION.search(current):
        return "change"
    if _WHEN_QUESTION.search(current):
        return "date"
    if _LIST_QUESTION.search(current):
        return "list"
    return "number" if _NUMERIC_QUESTION.search(current) else ""


def fits(cand: Candidate, kind: str) -> bool:
    """True when the sentence is of the kind the question asks for."""
    if kind == "count":
        return cand.counts
    if kind == "change":
        return bool(_CHANGE.search(cand.text))
    if kind == "list":
        return cand.introduces
    if kind == "row":
        return " | " in cand.text
    if kind == "date":
        return bool(_DATE.search(cand.text))
    return kind == "number" and bool(_DIGIT.search(cand.text))


# Words that frame a question rather than say what it is about; they never count as evidence.
QUESTION_FRAMING = frozenset(
    "how many much what which who whom whose when where why is are was were do does did has have "
    "according quote quoted say says state states mention mentions describe explain list name "
    "give tell current currently now latest old edition belong belongs choose chose set out "
    "document documents often piece kind type sort".split()
)
_CONTRAST = re.compile(
    r"\b(?:rather than|other than|instead of|apart from|excluding)\b[^,;?|]*", re.I
)
_CAPTION = re.compile(r"^(table|figure|chart|source|note)s?\b[^|]*$", re.I)


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds of the extractive answerer (calibrated on evals/questions.yaml)."""

    max_sentences: int = 4
    candidate_hits: int = 10
    kind_hits: int = 10  # passages below those whose sentences count only if of the kind asked
    embed_top: int = 40  # only the lexically best sentences are embedded (latency bound)
    abstain_below: float = 0.45  # best sentence score under this -> abstain
    min_coverage: float = 0.45  # share of the question's (IDF-weighted) terms in the top passages
    max_missing_idf: float = (
        3.5  # a question term this rare, absent from the top passages -> abstain
    )
    keep_ratio: float = 0.75  # further sentences must score at least this share of the best...
    min_gain: float = 0.1  # ...or cover at least this share of the question not yet covered
    gain_weight: float = 1.0
    redundancy: float = 0.85  # cosine above this to a chosen sentence -> skip it
    lexical_weight: float = 0.5
    type_bonus: float = 0.12  # a sentence of the kind asked for (a count, a change, a list...)
    focus_rows: int = 8  # table rows re-embedded on the cells asked about (latency bound)
    count_top: int = 10  # "how many X": one of this many best sentences must give a number of X
    max_list_items: int = 12  # bullets shown under a sentence that introduces a list


@dataclass
class Candidate:
    """A sentence (or table row) from one hit, with its score."""

    text: str
    hit_index: int
    position: int
    context: str = ""  # a table row's caption, shown with it
    tokens: frozenset[str] = frozenset()
    lexical: float = 0.0
    score: float = 0.0
    vector: list[float] | None = None
    focus_vector: list[float] | None = None  # a table row cut to the cells asked about
    counts: bool = False  # gives a number of what a "how many" question counts
    items: list[Candidate] = field(default_factory=list)  # the list this sentence introduces
    introduces: bool = False  # ...and it names something the question asks about


def _candidates(hits: list[Hit]) -> list[Candidate]:
    out = []
    for h_i, hit in enumerate(hits):
        caption = ""
        intro: Candidate | None = None
        for pos, sentence in enumerate(split_sentences(hit.chunk.text)):
            is_row, is_item = " | " in sentence, sentence.startswith("- ")
            if not is_row:
                caption = sentence if len(sentence) < 200 else ""
            if _CAPTION.match(sentence) or (not is_row and not is_item and len(sentence) < 25):
                continue
            cand = Candidate(sentence, h_i, pos, caption if is_row else "")
            if is_item and intro is not None:
                intro.items.append(cand)
            elif not is_item:
                intro = cand if sentence.endswith(":") else None
            out.append(cand)
    return out


_HOW_MANY = re.compile(r"\bhow many\s+([^?|]+)", re.I)
_WHAT_ARE = re.compile(r"^\s*(?:what|which) (?:are|were) (?:the |its |their )?([^?|]+)", re.I)
_PHRASE_END = frozenset(
    "was were is are did do does have has had will would can could should sit there in on at "
    "of for from by to with that which who per across during".split()
)
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred dozen".split()
)
_BEFORE_COUNT = frozenset(": was were is are at to of totalled reached numbered stood".split())
_CLAUSE_BREAK = re.compile(r",\s|;|\(|\)|\.\s|\b(?:and|or|but|while|whereas)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?\b")
_COUNT_TOKEN = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?|[a-z]+(?:['-][a-z]+)*|:")


def count_target(question: str) -> str:
    """The noun a "how many <noun phrase>" question counts ("" for any other question)."""
    return _head_noun(_HOW_MANY.search(question.split(" | ")[0]))


def list_target(question: str) -> str:
    """The noun a "what are the <noun phrase>" question lists ("priorities"), for any turn."""
    for part in question.split(" | "):
        if noun := _head_noun(_WHAT_ARE.search(part)):
            return noun
    return ""


def _head_noun(match: re.Match[str] | None) -> str:
    """The last word of the noun phrase a match starts (up to a verb or preposition)."""
    words: list[str] = []
    for word in match.group(1).lower().split() if match else []:
        word = word.strip(",;:?.")
        if word in _PHRASE_END or not word:
            break
        words.append(word.split("'")[0] if word.endswith("'s") else word)
    return words[-1] if words else ""


def _vowel_swap(a: str, b: str) -> bool:
    """True when two words differ only by one vowel in the same place ("began"/"begin")."""
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def _same_word(a: str, b: str) -> bool:
    # A light lemma match: "referrals"/"referral", "responses"/"responded", "crimes"/"crime".
    return a.rstrip("s") == b.rstrip("s") or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def gives_count(text: str, noun: str) -> bool:
    """True when the text states a number of `noun`: "41 referrals", "referrals: 41", "of 210".

    Money, percentages, decimals (rates) and years are not counts, and the number and the noun
    must share a clause ("in nine months, and officers made..." counts no officers).
    """
    clauses = _CLAUSE_BREAK.split(_YEAR.sub(" ", text.lower()))
    return any(_clause_counts(_COUNT_TOKEN.findall(c), noun) for c in clauses)


def _clause_counts(toks: list[str], noun: str) -> bool:
    for i, tok in enumerate(toks):
        if tok not in _NUMBER_WORDS and not re.fullmatch(r"\d[\d,]*", tok):
            continue
        if any(_same_word(w, noun) for w in toks[i + 1 : i + 5]):
            return True
        if (
            i
            and toks[i - 1] in _BEFORE_COUNT
            and any(_same_word(w, noun) for w in toks[max(0, i - 7) : i])
        ):
            return True
    return False


def _offered(cands: list[Candidate], kind: str, depth: int) -> list[Candidate]:
    """The sentences of the first `depth` passages, and of deeper ones those of the kind asked.

    The passage with "ASB incidents in the hotspots fell by 35.9%" ranks 14th for "by how much
    did antisocial behaviour fall in the hotspots?". Deeper passages offer a change, a date or
    a list (with its items), not counts: a count from an unrelated passage would let a "how
    many" question that the documents don't answer through.
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


def _absent(asked: set[str], found: set[str]) -> set[str]:
    """The question's tokens that the passages never use.

    The stemmer leaves derivations apart ("comparison"/"compared"): a shared 6-letter prefix
    counts as found. Nor does it join a strong verb's forms ("begin"/"began", "fall"/"fell"):
    one vowel for another counts as found.
    """
    prefixes = {t[:6] for t in found if len(t) >= 6}
    absent = {t for t in asked - found if len(t) < 6 or t[:6] not in prefixes}
    return {t for t in absent if not any(_vowel_swap(t, f) for f in found)}


def _coverage(weights: dict[str, float], found: set[str] | frozenset[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in found) / total if total else 0.0


_CELL_BREAK = re.compile(r"; (?=[A-Z0-9][^:;|]{0,60}: )")


def focus_row(row: str, asked: set[str], tokenize: Callable[[list[str]], list[list[str]]]) -> str:
    """A table row cut to its label and the cells that share a word with the question.

    Rows read "label | Column: value; Column: value" (see loaders.linearize_table). The whole
    row comes back when no cell matches.
    """
    label, _, rest = row.partition(" | ")
    cells = _CELL_BREAK.split(rest)
    if len(cells) < 2:
        return row
    kept = [c for c, toks in zip(cells, tokenize(cells), strict=True) if asked & set(toks)]
    return f"{label} | " + "; ".join(kept) if kept and len(kept) < len(cells) else row


def _unit_mean(vectors: list[list[float]]) -> list[float]:
    """The normalised mean of unit vectors (a list embedded as the bag of its lines)."""
    total = [sum(col) for col in zip(*vectors, strict=True)]
    norm = math.sqrt(sum(x * x for x in total)) or 1.0
    return [x / norm for x in total]


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


@dataclass
class Evidence:
    """Scored sentences plus what the top passages leave out of the question."""

    candidates: list[Candidate]
    coverage: float  # IDF-weighted share of the question's terms found in the top passages
    missing: list[tuple[float, str]]  # (idf, question word) absent from the top passages
    weights: dict[str, float] = field(default_factory=dict)  # question token -> weight
    counted: str = ""  # the noun a "how many" question counts
    has_count: bool = True  # ...and whether one of the best sentences gives a number of it

    @property
    def best(self) -> float:
        """Score of the best sentence (0 when there is none)."""
        return self.candidates[0].score if self.candidates else 0.0

    def answerable(self, policy: AnswerPolicy) -> bool:
        """Decide whether the passages answer the question (thresholds calibrated on the evals)."""
        rarest = max((idf for idf, _ in self.missing), default=0.0)
        return (
            bool(self.candidates)
            and self.best >= policy.abstain_below
            and (self.coverage >= policy.min_coverage and rarest < policy.max_missing_idf)
            and self.has_count
        )


class EvidenceScorer:
    """Scores sentences against a question with the embedding model and IDF-weighted overlap."""

    def __init__(
        self,
        embedder: Embedder,
        idf: Callable[[str], float],
        tokenize: Callable[[list[str]], list[list[str]]],
        policy: AnswerPolicy,
        stored: Callable[[list[str]], dict[tuple[str, int], list[float]]] | None = None,
        synonyms: Synonyms | None = None,
    ) -> None:
        """Keep the model, the corpus statistics, the thresholds and the stored vectors.

        `stored` returns sentence vectors computed at ingest (unit 0 is the heading, unit k the
        k-th sentence), so answering embeds only the question and any sentence not stored.
        """
        self.embedder, self.idf, self.tokenize, self.policy = embedder, idf, tokenize, policy
        self.stored = stored
        self.synonyms = synonyms or Synonyms()
        self.framing = frozenset(t for toks in tokenize(sorted(QUESTION_FRAMING)) for t in toks)

    def _question_terms(self, question: str) -> tuple[dict[str, str], dict[str, float]]:
        """Map content tokens to their words, and weight them by IDF.

        A condensed follow-up is "current | earlier"; the current turn's words weigh double.
        What the question sets aside ("... rather than specified authorities") is not sought.
        """
        question = _CONTRAST.sub(" ", question)
        current = question.split(" | ")[0]
        words = re.findall(r"[\w'/-]+", question)
        out: dict[str, str] = {}
        for word, toks in zip(words, self.tokenize(words), strict=True):
            out.update({t: word for t in toks if t not in self.framing and t not in out})
        now = {t for toks in self.tokenize([current]) for t in toks}
        weights = {t: self.idf(t) * (2.0 if t in now else 1.0) for t in out}
        return out, weights

    def score(self, question: str, hits: list[Hit]) -> Evidence:
        """Score the sentences of the top hits; measure how much of the question they cover."""
        p = self.policy
        top = hits[: p.candidate_hits + p.kind_hits]
        kind = answer_kind(question)
        cands = _offered(_candidates(top), kind, p.candidate_hits)
        q_terms, weights = self._question_terms(question)
        own, read, found = self._read(cands, top)
        absent = _absent(set(q_terms), found)
        missing = sorted(((round(self.idf(t), 2), q_terms[t]) for t in absent), reverse=True)
        coverage = _coverage(weights, set(q_terms) - absent)
        evidence = Evidence([], coverage, missing, weights, counted=count_target(question))
        self._lexical(question, kind, cands, own, read, weights)
        cands = sorted(cands, key=lambda c: -c.lexical)[: p.embed_top]
        if cands:
            self._vectors(cands, top, weights)
            for cand in cands:
                cand.counts = bool(evidence.counted) and gives_count(
                    f"{cand.context} {cand.text}", evidence.counted
                )
            evidence.candidates = self._rank(question, kind, cands)
        evidence.has_count = not evidence.counted or any(
            c.counts for c in evidence.candidates[: p.count_top]
        )
        return evidence

    def _read(
        self, cands: list[Candidate], top: list[Hit]
    ) -> tuple[list[set[str]], list[set[str]], set[str]]:
        """Tokens of each sentence alone, and as read with its caption, title and section.

        Also returns every token of the three best passages (what the documents offer). An
        acronym reads as its expansion ("ASB" as "antisocial behaviour") and back.
        """
        texts = (
            [c.text for c in cands]
            + [f"{c.context} {c.text}" for c in cands]
            + [f"{h.chunk.title} {h.chunk.section}" for h in top]
            + [h.chunk.text for h in top[:3]]
        )
        tokens = [self.synonyms.expand(set(t)) for t in self.tokenize(texts)] if texts else []
        n = len(cands)
        headings = tokens[2 * n : 2 * n + len(top)]
        found = set().union(*headings[:3], *tokens[2 * n + len(top) :]) if top else set()
        read = [tokens[n + i] | headings[c.hit_index] for i, c in enumerate(cands)]
        for cand, toks in zip(cands, read, strict=True):
            cand.tokens = frozenset(toks)
        return tokens[:n], read, found

    def _lexical(
        self,
        question: str,
        kind: str,
        cands: list[Candidate],
        own: list[set[str]],
        read: list[set[str]],
        weights: dict[str, float],
    ) -> None:
        """Set each sentence's IDF-weighted overlap with the question (half alone, half read).

        For a list question, an intro that names what is listed ("The six priorities are:") is
        read with its items; a table row's caption helps, but its own labels must match too.
        """
        as_list = kind == "list"
        listed = list_target(question) if as_list else ""
        index = {id(c): i for i, c in enumerate(cands)}
        for i, cand in enumerate(cands):
            mine, seen = own[i], read[i]
            names = (
                any(_same_word(w, listed) for w in re.findall(r"[a-z]+", cand.text.lower()))
                if listed
                else bool(mine & weights.keys())
            )
            cand.introduces = len(cand.items) >= 2 and names
            if as_list and cand.introduces:
                mine = mine.union(*(own[index[id(it)]] for it in cand.items))
                seen = seen | mine
            cand.lexical = 0.5 * _coverage(weights, mine) + 0.5 * _coverage(weights, seen)

    def _vectors(self, cands: list[Candidate], top: list[Hit], weights: dict[str, float]) -> None:
        """Vectors stored at ingest (embedding only what is missing); a list is its lines' bag."""
        pool = list({id(c): c for c in cands + [it for c in cands for it in c.items]}.values())
        known = (
            self.stored(sorted({top[c.hit_index].chunk.id for c in pool})) if self.stored else {}
        )
        for cand in pool:
            cand.vector = known.get((top[cand.hit_index].chunk.id, cand.position + 1))
        self._embed_missing(pool)
        self._focus_rows(cands, set(weights))
        for cand in cands:
            if cand.items:
                cand.vector = _unit_mean(
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

    def _focus_rows(self, cands: list[Candidate], asked: set[str]) -> None:
        """Judge a table row by its label and the cells the question asks about.

        A whole row embeds poorly (measured: the row that answers "who leads the accommodation
        pathway?" scored below four prose sentences), so a row is re-embedded as its caption,
        label and only the cells whose heading or value shares a word with the question.
        """
        best = sorted((c for c in cands if " | " in c.text), key=lambda c: -c.lexical)
        rows = [
            (c, focus_row(c.text, asked, self.tokenize)) for c in best[: self.policy.focus_rows]
        ]
        rows = [(c, f) for c, f in rows if f != c.text]
        texts = [f"{c.context} {f}".strip() for c, f in rows]
        vectors = self.embedder.embed_documents(texts) if texts else []
        for (cand, _), vec in zip(rows, vectors, strict=True):
            cand.focus_vector = vec

    def _rank(self, question: str, kind: str, cands: list[Candidate]) -> list[Candidate]:
        p = self.policy
        q_vec = self.embedder.embed_query(question)
        for cand in cands:
            vec = cand.vector or []
            bonus = p.type_bonus if fits(cand, kind) else 0.0
            cand.score = (
                (1 - p.lexical_weight)
                * max(_cos(q_vec, vec), _cos(q_vec, cand.focus_vector or vec))
                + p.lexical_weight * cand.lexical
                + bonus
                - 0.02 * math.log1p(cand.hit_index)
            )
        return sorted(cands, key=lambda c: -c.score)


def select(evidence: Evidence, policy: AnswerPolicy) -> list[Candidate]:
    """Pick the best sentence, then the ones that add the question terms still uncovered.

    A list (a sentence with its items) is taken once: a second list would bury the first.
    """
    cands = evidence.candidates
    if not cands:
        return []
    chosen = [cands[0]]
    covered = set(cands[0].tokens)
    while len(chosen) < policy.max_sentences:
        best, best_value = None, 0.0
        for cand in cands:
            if (
                any(cand is c for c in chosen)
                or (cand.items and any(c.items for c in chosen))  # one list per answer
                or any(_cos(cand.vector or [], c.vector or []) >= policy.redundancy for c in chosen)
            ):
                continue
            gain = _coverage(evidence.weights, cand.tokens - covered)
            close = cand.score >= policy.keep_ratio * cands[0].score
            if (close or gain >= policy.min_gain) and cand.score + policy.gain_weight * gain > (
                best_value
            ):
                best, best_value = cand, cand.score + policy.gain_weight * gain
        if best is None:
            break
        chosen.append(best)
        covered |= best.tokens
    # The answer leads with the best sentence; the rest follow in passage order.
    return chosen[:1] + sorted(chosen[1:], key=lambda c: (c.hit_index, c.position))


def make_source(n: int, hit: Hit) -> Source:
    """Turn a hit into a numbered source quoting the whole passage."""
    c = hit.chunk
    return Source(
        n,
        c.doc_id,
        c.title,
        c.section,
        c.page,
        c.published,
        c.status,
        c.text,
        c.id,
        round(hit.score, 4),
        c.source,
    )


def abstain(question: str, hits: list[Hit], evidence: Evidence | None = None) -> Answer:
    """Say the documents don't cover it (and what is missing), listing the nearest passages."""
    related = [make_source(i + 1, h) for i, h in enumerate(hits[:3])]
    return Answer(question, NO_ANSWER + _gap(evidence), [], [], grounded=False, related=related)


def _gap(evidence: Evidence | None) -> str:
    """Say what the passages lack, when that is clear: a rare term, or the number asked for."""
    if evidence and evidence.missing and evidence.missing[0][0] >= 2.5:
        return f" None of them mentions \u201c{evidence.missing[0][1]}\u201d."
    if evidence and not evidence.has_count:
        return f" None of them gives a number of \u201c{evidence.counted}\u201d."
    return ""


def compose(question: str, picked: list[tuple[Hit, Candidate]], max_items: int = 12) -> Answer:
    """Build the Answer: cited sentences (a list's items as bullets) and numbered sources.

    The same passage picked for two parts of a question gets one number.
    """
    numbers: dict[str, int] = {}
    hits: dict[str, Hit] = {}
    sentences, seen = [], set()
    for hit, cand in picked:
        for part in [cand, *cand.items[:max_items]]:
            key = (hit.chunk.id, part.position)
            if key in seen:
                continue
            seen.add(key)
            n = numbers.setdefault(hit.chunk.id, len(numbers) + 1)
            hits[hit.chunk.id] = hit
            sentences.append(
                AnswerSentence(part.text, (n,), round(part.score, 4), True, part.context)
            )
    sources = [make_source(n, hits[cid]) for cid, n in numbers.items()]
    return Answer(
        question,
        render(sentences),
        sentences,
        sources,
        grounded=True,
        notice=_superseded_notice(sources),
    )


def render(sentences: list[AnswerSentence]) -> str:
    """Join sentences with their [n] markers; table rows and list items become bullets."""
    parts: list[str] = []
    for s in sentences:
        marker = "".join(f"[{n}]" for n in s.citations)
        body = s.text[2:] if s.text.startswith("- ") else s.text
        if " | " in s.text or s.text.startswith("- "):
            label = f"{s.context.rstrip(':.')}: " if s.context else ""
            parts.append(f"\n- {label}{body} {marker}")
        else:
            parts.append(
                f"{' ' if parts and not parts[-1].startswith(chr(10)) else chr(10)}{body} {marker}"
            )
    return "".join(parts).strip()


def _superseded_notice(sources: list[Source]) -> str:
    old = sorted({s.title for s in sources if s.status == "superseded"})
    if not old:
        return ""
    return "This answer uses a superseded document: " + "; ".join(old) + "."


def answer_extractive(question: str, hits: list[Hit], scorer: EvidenceScorer) -> Answer:
    """Answer from the passages alone, every sentence cited (no LLM); abstain when weak."""
    return answer_parts(question, [(question, hits)], scorer)


def answer_parts(
    question: str, parts: list[tuple[str, list[Hit]]], scorer: EvidenceScorer
) -> Answer:
    """Answer each part of a question from its own passages; say which parts are not covered.

    A question asking two things ("who chairs X, and who chairs Y?") gets the best sentences
    for each part, the sentence budget shared between the parts. When no part is covered the
    answer abstains; when some are, a notice names the parts the documents don't cover.
    """
    policy = scorer.policy
    scored = [(q, hits, scorer.score(q, hits)) for q, hits in parts]
    covered = [(q, hits, ev) for q, hits, ev in scored if ev.answerable(policy)]
    if not covered:
        return abstain(question, parts[0][1], scored[0][2])
    share = replace(policy, max_sentences=max(1, policy.max_sentences // len(parts)))
    picked = [(hits[c.hit_index], c) for _, hits, ev in covered for c in select(ev, share)]
    answer = compose(question, picked, policy.max_list_items)
    gaps = [q.split(" | ")[0].rstrip(" ?.") for q, _, ev in scored if not ev.answerable(policy)]
    if gaps:
        missing = "; ".join(f"\u201c{g}\u201d" for g in gaps)
        note = f"The documents don't cover this part of the question: {missing}."
        answer = replace(answer, notice=" ".join(x for x in (note, answer.notice) if x))
    return answer
