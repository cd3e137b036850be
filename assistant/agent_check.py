"""Who does it, for any passive verb: "is produced by the Harbour Board" (pure).

language.RELATION reads the verbs of governance ("chaired by", "funded by"); a draft says who
does anything else the same way ("is produced by", "is published by", "was set up by"). Such a
named agent is a claim: found where a passage gives the same verb the same agent (or has that
agent do it: "the Harbour Board produces"), a conflict where it gives the verb another agent,
and missing otherwise, so a draft that credits a passage's work to another body is never
"supported".
"""

from __future__ import annotations

import re

from assistant import language as lang
from assistant.claims import Claim, Reading, plain_name

# A passive verb and its named agent: "(is) produced by (the) Counter Terrorism Policing". The
# agent is a name, not a date ("a 10% cut by March 2028").
_AGENT = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|en)|run|set|led|held|built|sent|met|kept|made|paid)(?:\s+up)?"
    rf"\s+by\s+(?:the\s+)?(?!(?:{lang.MONTHS})\b)(?P<who>[A-Z][^,.;()]*)"
)
# Where an agent's name ends: "Counter Terrorism Policing with input from local partners".
_AGENT_END = re.compile(r"\s(?:with|and|in|for|to|on|at|as|by|from|under|which|who|every)\s.*$")
_GOVERNANCE = re.compile(lang.RELATION.pattern.split(r")\s+by")[0] + ")$", re.I)


def _agent(text: str) -> str:
    return _AGENT_END.sub("", text).strip()


def agent_claims(sentence: str, taken: list[Claim]) -> list[Claim]:
    """The named agents of a sentence's passive verbs that language.RELATION does not read."""
    out = []
    for m in _AGENT.finditer(sentence):
        verb = m.group("verb").lower()
        if _GOVERNANCE.search(verb) or any(
            c.kind == "relation" and c.start == m.start("who") for c in taken
        ):
            continue
        who = _agent(m.group("who"))
        s = m.start("who")
        out.append(Claim("agent", who, s, s + len(who), (verb, plain_name(who))))
    return out


_LEAD_COLUMN = re.compile(r"^(?:lead|leads|led by|owner|responsible|delivered by|who)$", re.I)


def _lead_cell(unit: str) -> str:
    """Who a table row's lead column names ("... | Lead: Harbour Police with the Board")."""
    for cell in unit.partition(" | ")[2].split("; "):
        column, _, value = cell.partition(": ")
        if _LEAD_COLUMN.match(column.strip()):
            return _agent(re.sub(r"^(?:the)\s+", "", value.strip(), flags=re.I))
    return ""


def check_agent(
    c: Claim, doc: Reading, anchor: int = -1, acronyms: dict[str, str] | None = None
) -> tuple[str, str]:
    """The agent the passage gives the draft's verb: found, a conflict (theirs) or missing.

    A table row that names who leads its action backs the draft's agent for it ("set up by the
    Harbour Police" for "... | Lead: Harbour Police with the Board"); the row the draft sits in
    naming another lead is a conflict.
    """
    verb, who = c.value
    spelled = {k.lower(): plain_name(v) for k, v in (acronyms or {}).items()}
    who = spelled.get(who, who)  # "OPFCC": "office of the police, fire and crime commissioner"
    if 0 <= anchor < len(doc.units) and " | " in doc.units[anchor]:
        row = doc.units[anchor].partition(" | ")[0]  # the row's cells: caption and label alike
        leads = [x for u in doc.units if u.partition(" | ")[0] == row and (x := _lead_cell(u))]
        if leads:
            return ("found", "") if _same(who, plain_name(leads[0])) else ("conflict", leads[0])
    stem = verb[: max(4, len(verb) - 3)]  # "produced" -> "produc": "produces", "production"
    theirs = ""
    for unit in doc.units:
        for m in _AGENT.finditer(unit):
            if m.group("verb").lower() != verb:
                continue
            agent = plain_name(_agent(m.group("who")))
            if _same(who, spelled.get(agent, agent)):
                return "found", ""
            theirs = theirs or _agent(m.group("who"))
        low = unit.lower()
        at = low.find(who)
        if at >= 0 and re.search(
            rf"\b{re.escape(stem)}\w*", low[at + len(who) : at + len(who) + 40]
        ):
            return "found", ""  # the agent does it: "the Harbour Board produces the profile"
    return ("conflict", theirs) if theirs else ("missing", "")


# Who does it, in the active: "The Harbour Board leads on ferry thefts". The doer is a
# capitalised name (or a short form) right before a verb of who does what ("chairs" is a role,
# checked by compare_check.check_role).
_DOES = "lead|fund|run|host|commission|coordinate|oversee|manage|deliver|produce|publish|convene"
_ACTIVE = re.compile(
    r"(?P<who>\b[A-Z][\w'&-]*(?:\s+(?:(?:and|of|for|the|on)\s+)*[A-Z][\w'&-]*)*)\s+"
    r"(?:(?:also|jointly|now|currently|still)\s+)?"
    rf"(?P<verb>(?:{_DOES})(?:s|es)?)\b(?!\s+by\b)"
)


def doer_claims(sentence: str) -> list[Claim]:
    """The doers a sentence names for its verbs of who does what (in the active)."""
    out = []
    for m in _ACTIVE.finditer(sentence):
        who = re.sub(r"^(?:The|In|At|By|For|And|With)\s+", "", m.group("who"))
        s = m.end("who") - len(who)
        stem = _base(m.group("verb"))
        out.append(Claim("doer", who, s, m.end("who"), (stem, plain_name(who))))
    return out


def _base(verb: str) -> str:
    verb = verb.lower()
    return next((v for v in _DOES.split("|") if verb in (v, v + "s", v + "es")), verb)


def check_doer(c: Claim, doc: Reading, anchor: int) -> tuple[str, str]:
    """Who the passage sentence the draft sits in says does it: the same doer, or another.

    "The Coastguard leads on ferry thefts" against "The Harbour Board leads on ferry thefts" is
    a conflict; where that sentence names no doer for the verb, nothing is contradicted
    (found: the sentence's other claims decide).
    """
    stem, who = c.value
    if not 0 <= anchor < len(doc.units):
        return "found", ""
    unit = doc.units[anchor]
    theirs = [
        re.sub(r"^(?:The|In|At|By|For|And|With)\s+", "", m.group("who"))
        for m in _ACTIVE.finditer(unit)
        if _base(m.group("verb")) == stem
    ]
    theirs += [
        _agent(m.group("who"))
        for m in _AGENT.finditer(unit)
        if m.group("verb").lower().startswith(stem[:4])
    ]
    if not theirs or any(_same(who, plain_name(t)) for t in theirs):
        return "found", ""
    return "conflict", theirs[0]


def _same(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or a in b or b in a
