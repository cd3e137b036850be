"""Planned: Evidence -> whether a "when did it happen?" question finds only a planned date.

"What date did the hospital start sharing its data?" is not answered by an action plan's
"Extend data sharing to the hospital ... by March 2026": a date after the document was
published, said of what is to be done, is when it is planned for, not when it happened.
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.evidence import Evidence

# A question about the past: "when did ...", "what date was ...", "which year were ...".
PAST_ASKED = re.compile(
    r"^\s*(?:and\s+)?(?:when|since when|what date|what day|what month|what year|which year)\b"
    r"[^?]*?\b(?:did|was|were|has|have|had)\b",
    re.I,
)
# ...unless it asks for a deadline or a plan ("when did they have to ...", "when was it due").
OBLIGED = re.compile(
    r"\b(?:have|has|had|need|needs|needed|meant|supposed|expected|planned|scheduled|going)\s+"
    r"to\b|\bdue\b|\bdeadline\b|\bby when\b",
    re.I,
)
_PUBLISHED = re.compile(r"\d{4}-\d\d")


def asks_past(question: str) -> bool:
    """True when a question asks when something already happened (not a deadline or a plan)."""
    return (
        bool(PAST_ASKED.search(question))
        and not OBLIGED.search(question)
        and not lang.FUTURE_ASKED.search(question)
    )


def planned_only(text: str, published: str) -> bool:
    """True when every date a text gives is after its document was published, said of a plan.

    "Timescale: By March 2026" in a 2025 plan is planned; "set up on 4 April 2023" is not.
    Unknown publication dates decide nothing.
    """
    if not _PUBLISHED.match(published or "") or not lang.FUTURE_SAID.search(text):
        return False
    dates = [m.group(0) for m in lang.DATE.finditer(text)]
    return bool(dates) and all(lang.dates_after(d, published) for d in dates)


def only_planned(evidence: Evidence) -> bool:
    """True when a question asks when something happened and the lead gives only a plan."""
    lead = evidence.lead
    if lead is None or evidence.query.kind != "date" or not asks_past(evidence.query.text):
        return False
    published = (
        evidence.published[lead.hit_index] if lead.hit_index < len(evidence.published) else ""
    )
    return planned_only(f"{lead.context} {lead.text}", published)
