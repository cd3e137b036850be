"""Mutation audit of the wording check: plant one error at a time in the documents' own sentences.

Sentences are sampled (fixed seed) from the current documents of the built index: prose
sentences of 8 to 45 words that carry a figure, a year, a place, a body or a direction of
change. From each, one mutant per kind of error that applies:

- figure: one figure moved by 10-50% (up or down), or swapped for another figure of the same
  document with the same unit;
- year: one year or financial year shifted by one;
- place: a place the glossary lists swapped for another it lists;
- body: a named body swapped for another the documents or the glossary name, of the same kind
  where there is one (a Council for a Council);
- direction: a word of change (language.CHANGE_UP / CHANGE_DOWN / SHARE_CHANGE, or a
  comparative) flipped ("rose" -> "fell", "higher" -> "lower");
- unit: a share made a count ("45%" -> "45"), a rate made a count ("68.3 crimes per 1,000
  residents" -> "68.3 crimes") or put on another base (per 1,000 -> per 100,000), a small count
  made a share ("37 referrals" -> "37% of referrals").

And two controls that must stay "supported": the sentence as written ("same") and the sentence
with an opening or closing adverbial moved to the other end ("reordered").

Each text is judged by the check (`Assistant.check_wording`); a text's verdict is its first
sentence's verdict other than "supported" (else "supported"). False "supported" is counted over
the mutants of sentences whose unmutated control the check supports (a mutant of a sentence the
check cannot back is unsupported anyway), and over all mutants. Some mutants stay true (a
figure swapped for an equal one is skipped; a place swap may still hold), so read the JSON
details by hand before calling a count a hole. The swaps below are this audit's test data,
never rules of the check; no eval item is read.

Run: python scripts/wording_mutations.py [--n 300] [--seed 13] [--index DIR] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import language as lang  # noqa: E402
from assistant.cite import split_sentences  # noqa: E402
from assistant.claims import bodies  # noqa: E402

KINDS = ("figure", "year", "place", "body", "direction", "unit")
CONTROLS = ("same", "reordered")

# Direction flips (test data of this audit): a word of change and its opposite.
_FLIP_PAIRS = (
    "rose fell|risen fallen|rise fall|rises falls|rising falling|increased decreased|"
    "increase decrease|increases decreases|increasing decreasing|up down|higher lower|"
    "larger smaller|doubled halved|growing shrinking|reduced increased|reduction increase|"
    "grew fell|greater smaller|declined rose|dropped rose|cut raised|growth fall"
)
FLIPS = {}
for _pair in _FLIP_PAIRS.split("|"):
    _a, _b = _pair.split()
    FLIPS.setdefault(_a, _b)
    FLIPS.setdefault(_b, _a)
COMPARATIVE = re.compile(r"\b(higher|lower|larger|smaller|greater)\b", re.I)


@dataclass
class Sentence:
    text: str
    doc_id: str
    title: str


# --- Sampling -----------------------------------------------------------------------------------


def corpus_sentences(assistant) -> list[Sentence]:  # noqa: ANN001 - the pipeline's Assistant
    """Prose sentences (8 to 45 words) of the current documents, sorted, without duplicates."""
    got = assistant.retriever.collection.get(include=["documents", "metadatas"])
    seen: dict[str, Sentence] = {}
    for text, meta in zip(got["documents"], got["metadatas"], strict=True):
        if meta.get("status") != "current":
            continue
        for s in split_sentences(text):
            s = re.sub(r"^- ", "", s).strip()
            words = s.split()
            if " | " in s or not 8 <= len(words) <= 45 or not re.search(r"[.!?]$", s):
                continue
            if lang.CAPTION.match(s) or s.lower().startswith(("illustrative", "source:")):
                continue
            seen.setdefault(s, Sentence(s, meta.get("doc_id", ""), meta.get("title", "")))
    return [seen[k] for k in sorted(seen)]


def carries(s: str, places: list[str]) -> bool:
    """A figure, a year, a place, a body or a direction of change."""
    return bool(
        lang.quantities(s)
        or lang.YEAR.search(s)
        or any(re.search(rf"\b{re.escape(p)}\b", s) for p in places)
        or bodies(s)
        or lang.CHANGE_UP.search(s)
        or lang.CHANGE_DOWN.search(s)
    )


def sample(sentences: list[Sentence], places: list[str], n: int, seed: int) -> list[Sentence]:
    pool = [s for s in sentences if carries(s.text, places)]
    return random.Random(seed).sample(pool, min(n, len(pool)))


# --- Mutants ------------------------------------------------------------------------------------


_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # "2," is no figure


def _put(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _fmt(value: float, like: str) -> str:
    """A value written as `like` is (decimals, thousands commas)."""
    places = len(like.partition(".")[2])
    if places:
        return f"{value:.{places}f}"
    return f"{round(value):,}" if "," in like or value >= 10_000 else str(round(value))


def figure_mutant(
    s: Sentence, rng: random.Random, others: dict[str, list[tuple[str, str]]]
) -> tuple[str, str] | None:
    quants = [q for q in lang.quantities(s.text) if re.search(r"\d", q.text)]
    if not quants:
        return None
    q = rng.choice(quants)
    m = re.search(_DIGITS, q.text)
    assert m  # a digit is there
    token = m.group(0)
    value = float(token.replace(",", ""))
    same_unit = [
        t for t, u in others.get(s.doc_id, []) if u == q.unit and t != token and t not in s.text
    ]
    if same_unit and rng.random() < 0.3:
        new = rng.choice(same_unit)
    else:
        factor = rng.uniform(1.1, 1.5) if rng.random() < 0.5 else rng.uniform(0.5, 0.9)
        new = _fmt(value * factor, token)
        if float(new.replace(",", "")) == value:
            new = _fmt(value + (1 if value < 10 else value * 0.2), token)
    if q.unit == "%" and float(new.replace(",", "")) > 100:
        new = _fmt(value * 0.7, token)
    if re.search(rf"(?<![\d.,]){re.escape(new)}(?![\d]|[.,]\d)", s.text):
        return None  # a value the sentence already gives ("Priorities 3, 3 and 4") is no error
    start = q.start + m.start()
    return f"{token}->{new}", _put(s.text, start, start + len(token), new)


_FY = re.compile(r"\b(20\d\d)/(\d\d)\b")
_PLAIN_YEAR = re.compile(r"(?<![\d/-])\b((?:19|20)\d\d)\b(?![/-]\d)")


def year_mutant(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    found = [("fy", m) for m in _FY.finditer(s.text)] + [
        ("y", m) for m in _PLAIN_YEAR.finditer(s.text)
    ]
    if not found:
        return None
    kind, m = rng.choice(found)
    shift = rng.choice((-1, 1))
    y = int(m.group(1)) + shift
    new = f"{y}/{(y + 1) % 100:02d}" if kind == "fy" else str(y)
    return f"{m.group(0)}->{new}", _put(s.text, m.start(), m.end(), new)


def _named(text: str, names: list[str]) -> list[tuple[str, int, int]]:
    """The names of `names` a text uses, longest first, without overlaps."""
    out: list[tuple[str, int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(a < m.end() and m.start() < b for _, a, b in out):
                out.append((name, m.start(), m.end()))
    return out


def place_mutant(s: Sentence, rng: random.Random, places: list[str]) -> tuple[str, str] | None:
    named = bodies(s.text)  # a place inside a body's name is the body kind's to change
    found = [
        (n, a, b)
        for n, a, b in _named(s.text, places)
        if not any(at <= a < at + len(body) for body, at in named)
    ]
    if not found:
        return None
    name, a, b = rng.choice(found)
    used = {n for n, _, _ in _named(s.text, places)}
    choices = [p for p in places if p not in used and p not in name and name not in p]
    new = rng.choice(choices)
    return f"{name}->{new}", _put(s.text, a, b, new)


def _head(name: str) -> str:
    return name.split()[-1]


def body_mutant(s: Sentence, rng: random.Random, pool: list[str]) -> tuple[str, str] | None:
    found = [(n, at) for n, at in bodies(s.text) if len(n.split()) > 1]
    if not found:
        return None
    name, at = rng.choice(found)
    used = {n.lower() for n, _ in found}
    unrelated = [
        p
        for p in pool
        if p.lower() not in used
        and p.lower() not in name.lower()
        and name.lower() not in p.lower()
        and p.lower() not in s.text.lower()
    ]
    alike = [p for p in unrelated if _head(p) == _head(name)]
    new = rng.choice(alike or unrelated)
    return f"{name}->{new}", _put(s.text, at, at + len(name), new)


def direction_mutant(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    found = []
    for pattern in (lang.CHANGE_UP, lang.CHANGE_DOWN, COMPARATIVE):
        for m in pattern.finditer(s.text):
            if m.group(0).lower() in FLIPS:
                found.append(m)
    for _, adjective, a, _ in lang.share_changes(s.text):
        if adjective.lower() in FLIPS:
            found.append(re.compile(re.escape(adjective)).search(s.text, a))
    found = [m for m in found if m]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group(0)
    new = FLIPS[word.lower()]
    new = new[0].upper() + new[1:] if word[0].isupper() else new
    return f"{word}->{new}", _put(s.text, m.start(), m.end(), new)


_COUNT_NOUN = re.compile(r"^\s+([a-z][a-z-]+s)\b")


def unit_mutant(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    options: list[tuple[str, str]] = []
    for q in lang.quantities(s.text):
        if not re.search(r"\d", q.text):
            continue
        if q.unit == "%":
            bare = re.sub(r"\s*(?:%|per\s*cent)$", "", q.text)
            options.append((f"{q.text}->{bare}", _put(s.text, q.start, q.end, bare)))
        elif q.unit.startswith("per "):
            rest = s.text[q.end :]
            m = re.match(
                r"((?:\s+[A-Za-z'-]+){0,3}?)\s+(?:per|for every|in every)\s+[\d,]+(?:\s+[a-z]+)?",
                rest,
            )
            said_rate = lang.RATE_BEFORE.search(s.text[max(0, q.start - 20) : q.start])
            if m and not said_rate:  # "a rate of 8.8 incidents" stays a rate without its base
                dropped = s.text[: q.end] + m.group(1) + rest[m.end() :]
                options.append((f"rate->count {m.group(0).strip()}", dropped))
            base = "1,000" if "100,000" in q.unit or "100000" in q.unit else "100,000"
            other = re.sub(r"\b(?:1,000|1000|100,000|100000)\b", base, s.text[q.end :], count=1)
            options.append((f"{q.unit}->per {base}", s.text[: q.end] + other))
        elif q.unit == "" and 2 <= q.value <= 100 and (m := _COUNT_NOUN.match(s.text[q.end :])):
            new = f"{q.text}% of {m.group(1)}"
            options.append(
                (f"{q.text} {m.group(1)}->{new}", _put(s.text, q.start, q.end + m.end(), new))
            )
    return rng.choice(options) if options else None


_OPENING = re.compile(
    r"^((?:In|During|Since|By|Across|Over|Between|From|At|For|Under|Through|Last)\b[^,]{2,60}),\s+"
    r"(\S)"
)
_CLOSING = re.compile(
    r"^([A-Z](?:[^,;]|,(?=\d))*\S)\s+((?:in|during|since|by)\s+(?:[a-z]+\s+){0,2}(?:19|20)\d\d(?:/\d\d)?)\.$"
)


def reordered(s: Sentence) -> str | None:
    """The sentence with its opening adverbial moved to the end, or its closing one to the front."""
    text = s.text
    if m := _OPENING.match(text):
        first, rest = m.group(1), text[m.start(2) :]
        if rest[:2].isupper() or re.match(r"[A-Z][a-z]*\b", rest) and _proper(rest):
            body = rest
        else:
            body = rest[0].lower() + rest[1:]
        body = body.rstrip(".")
        return f"{body[0].upper()}{body[1:]} {first[0].lower()}{first[1:]}."
    if m := _CLOSING.match(text):
        rest = m.group(1)
        rest = rest if _proper(rest) else rest[0].lower() + rest[1:]
        tail = m.group(2)
        return f"{tail[0].upper()}{tail[1:]}, {rest}."
    return None


def _proper(text: str) -> bool:
    """True when the first word is a name (capitalised elsewhere than at a sentence start)."""
    word = re.match(r"[A-Za-z'-]+", text)
    return bool(word) and (word.group(0).isupper() or word.group(0) not in _LOWER_FIRST)


_LOWER_FIRST = frozenset(
    "The A An This These That Those It Its There Their They Our We Most Some All Each Every "
    "Almost Around About Nearly More Fewer Over Under Across Crime Recorded Police Residents "
    "Women Men People Young Adults Children Drug Drugs Violence Domestic Reports Referrals One "
    "Two Three Four Five Six Seven Eight Nine Ten Half".split()
)


def mutants(
    s: Sentence,
    rng: random.Random,
    places: list[str],
    pool: list[str],
    others: dict[str, list[tuple[str, str]]],
) -> Iterator[tuple[str, str, str]]:
    """(kind, what changed, text) for each control and each kind of error that applies."""
    yield "same", "", s.text
    if r := reordered(s):
        yield "reordered", "", r
    makers: dict[str, Callable[[], tuple[str, str] | None]] = {
        "figure": lambda: figure_mutant(s, rng, others),
        "year": lambda: year_mutant(s, rng),
        "place": lambda: place_mutant(s, rng, places),
        "body": lambda: body_mutant(s, rng, pool),
        "direction": lambda: direction_mutant(s, rng),
        "unit": lambda: unit_mutant(s, rng),
    }
    for kind, make in makers.items():
        got = make()
        if got and got[1] != s.text:
            yield kind, got[0], got[1]


# --- Pools from the corpus and glossary ---------------------------------------------------------


def body_pool(sentences: list[Sentence], glossary: dict) -> list[str]:
    """Bodies the documents name at least twice, and the glossary's current ones."""
    counts: Counter[str] = Counter()
    for s in sentences:
        for name, _ in bodies(s.text):
            if len(name.split()) > 1 and not name.startswith(("The ", "the ")):
                counts[name] += 1
    old = {p.lower() for e in glossary.get("renamed_bodies", []) for p in e.get("patterns", [])}
    old |= {str(e.get("old", "")).lower() for e in glossary.get("renamed_bodies", [])}
    named = [n for n, c in counts.items() if c >= 2]
    named += [
        str(a["expansion"])
        for a in glossary.get("acronyms", [])
        if lang.BODY_NAME.fullmatch(str(a.get("expansion", "")))
    ]
    return sorted({n for n in named if n.lower() not in old})


def figure_pool(sentences: list[Sentence]) -> dict[str, list[tuple[str, str]]]:
    """doc_id -> (figure token, unit) of every figure its sentences give."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in sentences:
        for q in lang.quantities(s.text):
            if m := re.search(_DIGITS, q.text):
                out[s.doc_id].append((m.group(0), q.unit))
    return out


# --- Running ------------------------------------------------------------------------------------


def audit(assistant, n: int = 300, seed: int = 13, progress: bool = True) -> list[dict]:  # noqa: ANN001
    """Judge the controls and mutants of `n` sampled sentences; one record per text."""
    from assistant.pipeline import load_glossary

    glossary = load_glossary(assistant.settings.corpus_dir)
    places = [str(p) for p in glossary.get("places", [])]
    sentences = corpus_sentences(assistant)
    pool = body_pool(sentences, glossary)
    others = figure_pool(sentences)
    chosen = sample(sentences, places, n, seed)
    rng = random.Random(seed)
    records = []
    for i, s in enumerate(chosen, 1):
        base = None
        for kind, what, text in mutants(s, rng, places, pool, others):
            got = assistant.check_wording(text)
            bad = next((v for v in got if v.verdict != "supported"), None)
            verdict = bad.verdict if bad else "supported"
            base = verdict if kind == "same" else base
            records.append(
                {
                    "kind": kind,
                    "what": what,
                    "sentence": s.text,
                    "doc_id": s.doc_id,
                    "text": text,
                    "verdict": verdict,
                    "element": bad.element if bad else "",
                    "base_supported": base == "supported",
                    "reasons": bad.reasons[:2] if bad else [],
                }
            )
        if progress:
            bar = "#" * (30 * i // len(chosen))
            print(f"\r[{bar:<30}] {i}/{len(chosen)}", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return records


def summary(records: list[dict]) -> list[tuple[str, int, int, int, int]]:
    """(kind, texts, of supported sentences, supported among those, supported among all)."""
    rows = []
    for kind in (*CONTROLS, *KINDS):
        mine = [r for r in records if r["kind"] == kind]
        base = [r for r in mine if r["base_supported"]]
        rows.append(
            (
                kind,
                len(mine),
                len(base),
                sum(r["verdict"] == "supported" for r in base),
                sum(r["verdict"] == "supported" for r in mine),
            )
        )
    return rows


def table(records: list[dict]) -> str:
    lines = [
        f"{'kind':<10} {'texts':>6} {'base ok':>8} {'supported':>10} {'rate':>6} {'all':>5}",
    ]
    total = [0, 0, 0]
    for kind, texts, base, ok, every in summary(records):
        rate = ok / base if base else 0.0
        lines.append(f"{kind:<10} {texts:>6} {base:>8} {ok:>10} {rate:>6.3f} {every:>5}")
        if kind in KINDS:
            total = [total[0] + texts, total[1] + base, total[2] + ok]
    rate = total[2] / total[1] if total[1] else 0.0
    lines.append(f"{'mutants':<10} {total[0]:>6} {total[1]:>8} {total[2]:>10} {rate:>6.3f}")
    lines.append(
        "base ok: mutants of sentences whose unmutated text is supported; supported/rate: of "
        "those, still 'supported' (false supported for a mutant, paraphrase kept for a control)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=300, help="sentences to sample (default 300)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--index", type=Path, help="index directory (default: settings)")
    parser.add_argument("--json", type=Path, help="write every judged text here")
    args = parser.parse_args(argv)

    from assistant.config import Settings
    from assistant.pipeline import load_assistant

    settings = Settings(index_dir=args.index) if args.index else Settings()
    records = audit(load_assistant(settings), args.n, args.seed)
    print(table(records))
    if args.json:
        args.json.write_text(json.dumps(records, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
