"""Answer: question + hits -> Answer, by selecting and citing the sentences that answer it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.cite import split_sentences
from assistant.embed import Embedder
from assistant.types import Answer, AnswerSentence, Hit, Source

NO_ANSWER = "The documents don't cover this. The closest passages are listed below as related."
_NUMERIC_QUESTION = re.compile(
    r"\b(how many|how much|what (?:was|is|were|are) the (?:rate|number|share|total|figure|"
    r"percentage|proportion|target|budget|grant)|what percentage|what proportion|rate|figure|"
    r"per 1,000|per cent|number of|by how much)\b|%",
    re.I,
)
_DIGIT = re.compile(r"\d")
# Words that frame a question rather than say what it is about; they never count as evidence.
QUESTION_FRAMING = frozenset(
    "how many much what which who whom whose when where why is are was were do does did has have "
    "according quote quoted say says state states mention mentions describe explain list name "
    "give tell current currently now latest old edition belong belongs choose chose set out "
    "document documents often".split()
)
_CAPTION = re.compile(r"^(table|figure|chart|source|note)s?\b[^|]*$", re.I)


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds of the extractive answerer (calibrated on evals/questions.yaml)."""

    max_sentences: int = 4
    candidate_hits: int = 8
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
    number_bonus: float = 0.08  # questions asking "how many", "what rate"... prefer figures


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


def _candidates(hits: list[Hit]) -> list[Candidate]:
    out = []
    for h_i, hit in enumerate(hits):
        caption = ""
        for pos, sentence in enumerate(split_sentences(hit.chunk.text)):
            is_row = " | " in sentence
            if not is_row:
                caption = sentence if len(sentence) < 200 else ""
            if _CAPTION.match(sentence) or (not is_row and len(sentence) < 25):
                continue
            out.append(Candidate(sentence, h_i, pos, caption if is_row else ""))
    return out


def _coverage(weights: dict[str, float], found: set[str] | frozenset[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in found) / total if total else 0.0


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


@dataclass
class Evidence:
    """Scored sentences plus what the top passages leave out of the question."""

    candidates: list[Candidate]
    coverage: float  # IDF-weighted share of the question's terms found in the top passages
    missing: list[tuple[float, str]]  # (idf, question word) absent from the top passages
    weights: dict[str, float] = field(default_factory=dict)  # question token -> weight

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
    ) -> None:
        """Keep the model, the corpus statistics, the thresholds and the stored vectors.

        `stored` returns sentence vectors computed at ingest (unit 0 is the heading, unit k the
        k-th sentence), so answering embeds only the question and any sentence not stored.
        """
        self.embedder, self.idf, self.tokenize, self.policy = embedder, idf, tokenize, policy
        self.stored = stored
        self.framing = frozenset(t for toks in tokenize(sorted(QUESTION_FRAMING)) for t in toks)

    def _question_terms(self, question: str) -> tuple[dict[str, str], dict[str, float]]:
        """Map content tokens to their words, and weight them by IDF.

        A condensed follow-up is "current | earlier"; the current turn's words weigh double.
        """
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
        top = hits[: p.candidate_hits]
        cands = _candidates(top)
        q_terms, weights = self._question_terms(question)
        texts = (
            [c.text for c in cands]
            + [f"{c.context} {c.text}" for c in cands]
            + [f"{h.chunk.title} {h.chunk.section} {h.chunk.text}" for h in top[:3]]
        )
        tokens = self.tokenize(texts) if texts else []
        n = len(cands)
        found = set().union(*tokens[2 * n :]) if top else set()
        missing = sorted(
            ((round(self.idf(t), 2), q_terms[t]) for t in set(q_terms) - found), reverse=True
        )
        evidence = Evidence([], _coverage(weights, found), missing, weights)
        for i, cand in enumerate(cands):
            cand.tokens = frozenset(tokens[n + i])
            # A table row's caption helps, but the row's own labels must match too.
            cand.lexical = 0.5 * _coverage(weights, set(tokens[i])) + 0.5 * _coverage(
                weights, cand.tokens
            )
        cands = sorted(cands, key=lambda c: -c.lexical)[: p.embed_top]
        if cands:
            ids = sorted({top[c.hit_index].chunk.id for c in cands})
            known = self.stored(ids) if self.stored else {}
            for cand in cands:
                cand.vector = known.get((top[cand.hit_index].chunk.id, cand.position + 1))
            evidence.candidates = self._rank(question, cands)
        return evidence

    def _rank(self, question: str, cands: list[Candidate]) -> list[Candidate]:
        p = self.policy
        q_vec = self.embedder.embed_query(question)
        missing = [c for c in cands if c.vector is None]
        for cand, vec in zip(
            missing,
            self.embedder.embed_documents([f"{c.context} {c.text}".strip() for c in missing]),
            strict=True,
        ):
            cand.vector = vec
        wants_number = bool(_NUMERIC_QUESTION.search(question))
        for cand in cands:
            vec = cand.vector or []
            bonus = p.number_bonus if wants_number and _DIGIT.search(cand.text) else 0.0
            cand.score = (
                (1 - p.lexical_weight) * _cos(q_vec, vec)
                + p.lexical_weight * cand.lexical
                + bonus
                - 0.02 * math.log1p(cand.hit_index)
            )
        return sorted(cands, key=lambda c: -c.score)


def select(evidence: Evidence, policy: AnswerPolicy) -> list[Candidate]:
    """Pick the best sentence, then the ones that add the question terms still uncovered."""
    cands = evidence.candidates
    if not cands:
        return []
    chosen = [cands[0]]
    covered = set(cands[0].tokens)
    while len(chosen) < policy.max_sentences:
        best, best_value = None, 0.0
        for cand in cands:
            if cand in chosen or any(
                _cos(cand.vector or [], c.vector or []) >= policy.redundancy for c in chosen
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
    return sorted(chosen, key=lambda c: (c.hit_index, c.position))


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
    text = NO_ANSWER
    if evidence and evidence.missing and evidence.missing[0][0] >= 2.5:
        text += f" None of them mentions \u201c{evidence.missing[0][1]}\u201d."
    return Answer(question, text, [], [], grounded=False, related=related)


def compose(question: str, hits: list[Hit], chosen: list[Candidate]) -> Answer:
    """Build the Answer: cited sentences and numbered sources."""
    numbers: dict[int, int] = {}
    sentences = []
    for cand in chosen:
        n = numbers.setdefault(cand.hit_index, len(numbers) + 1)
        sentences.append(AnswerSentence(cand.text, (n,), round(cand.score, 4), True, cand.context))
    sources = [make_source(n, hits[h]) for h, n in numbers.items()]
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
    evidence = scorer.score(question, hits)
    if not evidence.answerable(scorer.policy):
        return abstain(question, hits, evidence)
    return compose(question, hits, select(evidence, scorer.policy))
