"""Plant one error at a time in the faithful wording calibration drafts; count those supported.

Each draft of evals/wording_dev.yaml, wording_probe.yaml, wording_probe3.yaml and
wording_probe4.yaml that is expected "supported" and that the check supports is mutated one
element at a time: a figure, a year, a month, a direction word, a place, a body, a unit, a
counted noun, a bound, a rate given as a bare count ("68.3 per 1,000 residents" -> "68.3
residents"), and a name swapped for another name of the passage that backs the draft. A mutated
draft the check still calls "supported" is a candidate false "supported"; some mutations stay
true or are ungrammatical, so the count is an upper bound, read by hand. The swaps below are
test data for this probe only, never rules of the check. No held-out or blind item is read.

Run: python scripts/wording_mutations.py OUT.json   (needs: assistant ingest)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.pipeline import load_assistant  # noqa: E402

SETS = ("wording_dev", "wording_probe", "wording_probe3", "wording_probe4")
SWAPS = {
    "direction": "rose fell|risen fallen|increased decreased|increase decrease|higher lower|"
    "rising falling|grew dropped|up down|more fewer|cut raised|above below|doubled halved",
    "place": "Cumberland:Westmorland and Furness|Carlisle:Barrow-in-Furness|Barrow:Kendal|"
    "Kendal:Penrith|Whitehaven:Workington|Allerdale:Copeland|Eden:South Lakeland|"
    "England and Wales:Scotland|North West:North East",
    "month": "January March|March June|April October|June September|December November|"
    "September December|July May|August October|May July|October April|November January",
    "frequency": "monthly:quarterly|quarterly:monthly|every six weeks:every month|"
    "annually:every two years|every year:every two years|weekly:monthly|twice a year:once a year",
    "body": "Probation Service:police|police:Probation Service|Home Office:Ministry of Justice|"
    "Ministry of Justice:Home Office|Commissioner:Chief Constable|Chief Constable:Commissioner|"
    "Fire and Rescue Service:Ambulance Service|Prevent:Channel|Channel:Prevent|"
    "Cumbria Constabulary:Cumbria Fire and Rescue Service|"
    "Safer Cumbria Partnership:Cumbria Criminal Justice Board|"
    "Combating Drugs Partnership:Safer Cumbria Partnership|Youth Justice Service:Probation Service|"
    "Recovery Steps Cumbria:Cumbria Addictions Board|Director of Public Health:Chief Constable",
    "unit": "per 1,000:per 100,000|per 100,000:per 1,000|million:thousand|months:years|"
    "weeks:months|years:months|days:weeks",
    "noun": "men:women|women:men|victims:offenders|offenders:victims|adults:children|"
    "children:adults|burglary:robbery|shoplifting:burglary|knife:firearm|drug:alcohol|"
    "alcohol:drug|deaths:hospital admissions|violence:theft|day:night|young people:older people|"
    "residents:businesses|deliberate:accidental|rural:urban",
    "bound": "more than half:less than half|most:few|majority:minority|all:some|every:some|"
    "more than:less than|over:under|almost:more than|nearly:more than|first:second|"
    "two:three|three:four|four:five|five:six|six:seven",
}


def _pairs(spec: str) -> list[tuple[str, str]]:
    sep = ":" if ":" in spec else " "
    return [tuple(p.split(sep, 1)) for p in spec.split("|")]  # type: ignore[misc]


def mutations(text: str) -> Iterator[tuple[str, str, str]]:
    """(kind, what changed, mutated text) for each single swap, figure change and year shift."""
    for kind, spec in SWAPS.items():
        for a, b in _pairs(spec):
            flags = 0 if a[0].isupper() else re.I
            for m in re.finditer(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text, flags):
                rep = b[0].upper() + b[1:] if m.group(0)[0].isupper() else b
                yield kind, f"{m.group(0)}->{rep}", text[: m.start()] + rep + text[m.end() :]
    for m in re.finditer(r"(?<![\w/£.,-])(\d[\d,]*(?:\.\d+)?)(?![\d/])", text):
        token, value = m.group(1), float(m.group(1).replace(",", ""))
        if 1990 <= value <= 2035 and token.isdigit():
            new = str(int(value) + 1)
            yield "year", f"{token}->{new}", text[: m.start()] + new + text[m.end() :]
            continue
        more = value * 1.3 if value >= 4 else value + 2
        places = len(token.partition(".")[2])
        new = (
            f"{more:.{places}f}"
            if places
            else f"{round(more):,}"
            if "," in token
            else str(round(more))
        )
        yield "figure", f"{token}->{new}", text[: m.start()] + new + text[m.end() :]
    for m in re.finditer(r"\b(20\d\d)/(\d\d)\b", text):
        y = int(m.group(1))
        new = f"{y + 1}/{(y + 2) % 100:02d}"
        yield "year", f"{m.group(0)}->{new}", text[: m.start()] + new + text[m.end() :]


_RATE = re.compile(r"\b(\d[\d,.]*)((?: [a-z]+){0,3}) per (?:1,000|100,000|10,000)(?: [a-z]+)?\b")


def rate_as_count(text: str) -> Iterator[tuple[str, str, str]]:
    """A rate given as a count: "68.3 crimes per 1,000 residents" -> "68.3 crimes"."""
    for m in _RATE.finditer(text):
        yield "rate", m.group(0), text[: m.start()] + m.group(1) + m.group(2) + text[m.end() :]


def passage_names(text: str, passage: str) -> Iterator[tuple[str, str, str]]:
    """A body of the draft swapped for another body its backing passage names."""
    from assistant.claims import bodies, plain_name

    mine = bodies(text)
    theirs = [n for n, _ in bodies(passage)]
    for name, start in mine:
        for other in theirs:
            if plain_name(other) in plain_name(name) or plain_name(name) in plain_name(other):
                continue
            other = re.sub(r"^(?:the|The) ", "", other)
            mutated = text[:start] + other + text[start + len(name) :]
            yield "names", f"{name}->{other}", mutated
            break


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "wording_mutations.json")
    assistant = load_assistant(Settings())

    def verdict(text: str) -> str:
        got = [v.verdict for v in assistant.check_wording(text)]
        return next((v for v in got if v != "supported"), "supported")

    drafts = [
        c["text"]
        for name in SETS
        for c in yaml.safe_load((ROOT / "evals" / f"{name}.yaml").read_text())["wording"]
        if c.get("expected_verdict") == "supported"
    ]
    results = []
    for text in (t for t in drafts if verdict(t) == "supported"):
        backing = assistant.check_wording(text)[0].source or {}
        current, _ = assistant.align(text)
        passage = next((a.passage for a in current if a.source == backing), "")
        found = [*mutations(text), *rate_as_count(text), *passage_names(text, passage)]
        for kind, what, mutated in dict.fromkeys(found):
            if mutated != text:
                results.append(
                    {"kind": kind, "what": what, "text": mutated, "verdict": verdict(mutated)}
                )
    out.write_text(json.dumps(results, indent=1) + "\n")
    kept = Counter(r["kind"] for r in results if r["verdict"] == "supported")
    print(f"{sum(kept.values())} of {len(results)} mutated drafts still supported: {dict(kept)}")


if __name__ == "__main__":
    main()
