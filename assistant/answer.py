"""Answer: question + hits -> Answer, by selecting and citing the sentences that answer it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.cite import split_sentences, terms
from assistant.embed import Embedder
from assistant.types import Answer, AnswerSentence, Hit, Source

_NUMERIC_QUESTION = re.compile(
    r"\b(how many|how much|what (?:was|is|were|are) the (?:rate|number|share|total|figure|"
    r"percentage|proportion|target|budget|grant)|what percentage|what proportion|rate|figure|"
    r"per 1,000|per cent|%|number of)\b", re.I)
_DIGIT = re.compile(r"\d")
NO_ANSWER = "The documents don't cover this. The closest passages are listed below as related."


@dataclass(frozen=True)
class AnswerPolicy:
    """Thresholds of the extractive answerer (calibrated on evals/questions.yaml)."""

    max_sentences: int = 4
    candidate_hits: int = 5
    abstain_below: float = 0.42  # best sentence score under this -> abstain
    keep_ratio: float = 0.80  # further sentences must score at least this share of the best
    redundancy: float = 0.88  # cosine above this to a chosen sentence -> skip it
    lexical_weight: float = 0.35
    number_bonus: float = 0.08  # questions asking "how many", "what rate"... prefer figures


@dataclass
class Candidate:
    """A sentence from one hit, with its score."""

    text: str
    hit_index: int
    position: int
    score: float = 0.0
    vector: list[float] | None = None


def _overlap(question_terms: set[str], text: str) -> float:
    if not question_terms:
        return 0.0
    return len(question_terms & terms(text)) / len(question_terms)


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _candidates(hits: list[Hit]) -> list[Candidate]:
    out = []
    for h_i, hit in enumerate(hits):
        for pos, sentence in enumerate(split_sentences(hit.chunk.text)):
            is_row = " | " in sentence
            if (is_row or len(sentence) >= 25) and len(terms(sentence)) >= (2 if is_row else 3):
                out.append(Candidate(sentence, h_i, pos))
    return out


def score_candidates(question: str, hits: list[Hit], embedder: Embedder, policy: AnswerPolicy
                     ) -> list[Candidate]:
    """Score every sentence of the top hits against the question (embedding + lexical)."""
    cands = _candidates(hits[: policy.candidate_hits])
    if not cands:
        return []
    q_vec = embedder.embed_query(question)
    vectors = embedder.embed_documents([c.text for c in cands])
    q_terms = terms(question)
    wants_number = bool(_NUMERIC_QUESTION.search(question))
    for cand, vec in zip(cands, vectors, strict=True):
        cand.vector = vec
        rank_prior = 0.03 * math.log1p(cand.hit_index)
        number_bonus = policy.number_bonus if wants_number and _DIGIT.search(cand.text) else 0.0
        cand.score = (1 - policy.lexical_weight) * _cos(q_vec, vec) + (
            policy.lexical_weight * _overlap(q_terms, cand.text)) - rank_prior + number_bonus
    return sorted(cands, key=lambda c: -c.score)


def select(cands: list[Candidate], policy: AnswerPolicy) -> list[Candidate]:
    """Pick the best sentence and any close runners-up that say something new."""
    if not cands:
        return []
    chosen = [cands[0]]
    for cand in cands[1:]:
        if len(chosen) == policy.max_sentences or cand.score < policy.keep_ratio * cands[0].score:
            break
        if all(_cos(cand.vector or [], c.vector or []) < policy.redundancy for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.hit_index, c.position))


def make_source(n: int, hit: Hit) -> Source:
    """Turn a hit into a numbered source quoting the whole passage."""
    c = hit.chunk
    return Source(n, c.doc_id, c.title, c.section, c.page, c.published, c.status, c.text, c.id,
                  round(hit.score, 4), c.source)


def compose(question: str, hits: list[Hit], chosen: list[Candidate], best: float,
            policy: AnswerPolicy) -> Answer:
    """Build the Answer: cited sentences, numbered sources, or an abstention."""
    if not chosen or best < policy.abstain_below:
        related = [make_source(i + 1, h) for i, h in enumerate(hits[:3])]
        return Answer(question, NO_ANSWER, [], [], grounded=False, related=related)
    numbers: dict[int, int] = {}
    sentences = []
    for cand in chosen:
        n = numbers.setdefault(cand.hit_index, len(numbers) + 1)
        sentences.append(AnswerSentence(cand.text, (n,), round(cand.score, 4)))
    sources = [make_source(n, hits[h]) for h, n in numbers.items()]
    text = render(sentences)
    notice = _superseded_notice(sources)
    return Answer(question, text, sentences, sources, grounded=True, notice=notice)


def render(sentences: list[AnswerSentence]) -> str:
    """Join sentences with their [n] markers; table rows and list items become bullets."""
    parts: list[str] = []
    for s in sentences:
        marker = "".join(f"[{n}]" for n in s.citations)
        body = s.text.lstrip("- ").rstrip()
        if " | " in s.text or s.text.startswith("- "):
            parts.append(f"\n- {body} {marker}")
        else:
            parts.append(f" {body} {marker}")
    return re.sub(r"^\s+", "", "".join(parts)).replace(" \n", "\n")


def _superseded_notice(sources: list[Source]) -> str:
    old = sorted({s.title for s in sources if s.status == "superseded"})
    if not old:
        return ""
    return "This answer uses a superseded document: " + "; ".join(old) + "."


def answer_extractive(question: str, hits: list[Hit], embedder: Embedder,
                      policy: AnswerPolicy | None = None) -> Answer:
    """Answer from the passages alone, every sentence cited (no LLM)."""
    policy = policy or AnswerPolicy()
    cands = score_candidates(question, hits, embedder, policy)
    best = cands[0].score if cands else 0.0
    return compose(question, hits, select(cands, policy), best, policy)
