"""Answer: Query + hits -> Answer, through evidence and compose (thin; LLM mode beside it).

Whether the passages answer a part of the question is decided by a small logistic model over
a few evidence features (best score, cosine, lexical coverage, how much of the question's
meaning is missing, constraint coverage), fitted on the dev split only by
benchmarks/calibrate_abstention.py and stored in assistant/abstention.json. A part whose best
sentence lacks the period or name asked for is never answered with a neighbouring fact.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant import language as lang
from assistant.compose import abstain, compose, gap_reason
from assistant.evidence import AnswerPolicy, Evidence, EvidenceScorer
from assistant.measure import measure_gap
from assistant.planned import only_planned
from assistant.query import Query
from assistant.types import Answer, Hit

MODEL_FILE = Path(__file__).with_name("abstention.json")

__all__ = [
    "AbstentionModel",
    "AnswerPolicy",
    "EvidenceScorer",
    "answer_parts",
    "answer_query",
    "lacks_what_is_asked",
]


@dataclass(frozen=True)
class AbstentionModel:
    """Logistic regression: P(the passages answer the question) from evidence features."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    means: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> AbstentionModel:
        """Read the fitted model (coefficients over standardised features)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["threshold"], data["means"], data["scales"])

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability that the evidence answers the question."""
        z = self.bias + sum(
            w * (features[k] - self.means.get(k, 0.0)) / (self.scales.get(k, 1.0) or 1.0)
            for k, w in self.weights.items()
        )
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def answers(self, evidence: Evidence) -> bool:
        """True when the evidence answers the question and carries what it constrains."""
        if lacks_what_is_asked(evidence):
            return False
        return self.probability(evidence.features()) >= self.threshold


def lacks_what_is_asked(evidence: Evidence) -> bool:
    """True when the best sentence cannot answer, whatever the scores.

    It (or the line the answer would lead with, `Evidence.lead`) lacks the period or name asked
    for (or a table gives that period no figure), or the type
    of value asked for (an amount, a person's name...), or a "how many" question finds no number
    of what it counts, or a "when" question no date in the sentence that would lead, or the
    question names a body no passage names (or names only to say there is none), or asks
    whether a target was hit and the sentence that would lead only states the target, or gives
    a figure of another measure (a rate for a count, a crime rate for a reoffending rate; see
    measure.py), or asked when something happened, gives only the date it is planned for
    (planned.py), or asked what a study found, says it is still to be done.
    """
    lead = evidence.candidates[0] if evidence.candidates else None
    if lead is None or lead.unmet or not evidence.has_count:
        return True
    if (shown := evidence.lead) is not None and shown.unmet:
        return True  # the line the answer would lead with lacks the period or name asked
    if (line := evidence.value_line) is None or not line.gives:
        return True  # the line the decision reads gives no value of the type asked
    if shown is not None and lang.finding_pending(evidence.query.text, shown.text):
        return True  # asked what a study found, it is still to be done
    if evidence.target_only:
        return True
    if evidence.unknown_body or evidence.denied_body:
        return True
    if evidence.query.kind == "date" and not evidence.dated:
        return True
    return bool(measure_gap(evidence)) or only_planned(evidence)


def answer_parts(
    query: Query,
    parts: list[tuple[Query, list[Hit]]],
    scorer: EvidenceScorer,
    model: AbstentionModel,
) -> Answer:
    """Answer each part of a question from its own passages; say which parts are not covered.

    When no part is covered the answer abstains, saying what is missing; when some are, a notice
    names the parts the documents don't cover.
    """
    scored = [(scorer.score(q, hits), hits) for q, hits in parts]
    answered = [model.answers(ev) for ev, _ in scored]  # decided once per part
    covered = [part for part, yes in zip(scored, answered, strict=True) if yes]
    if not covered:
        first, hits = scored[0]
        lead = [hits[first.candidates[0].hit_index]] if first.candidates else []
        nearest = list({h.chunk.id: h for h in lead + hits}.values())
        return abstain(query.text, nearest, gap_reason(first))
    share = replace(scorer.policy, max_sentences=max(1, scorer.policy.max_sentences // len(parts)))
    answer = compose(covered, share)
    gaps = [
        ev.query.text.rstrip(" ?.")
        for (ev, _), yes in zip(scored, answered, strict=True)
        if not yes
    ]
    if gaps:
        missing = "; ".join(f"\u201c{g}\u201d" for g in gaps)
        note = f"The documents don't cover this part of the question: {missing}."
        answer = replace(answer, notice=" ".join(x for x in (note, answer.notice) if x))
    return replace(answer, question=query.text)


def answer_query(
    query: Query, hits: list[Hit], scorer: EvidenceScorer, model: AbstentionModel
) -> Answer:
    """Answer a one-part query from its passages alone, every sentence cited (no LLM)."""
    return answer_parts(query, [(query, hits)], scorer, model)
