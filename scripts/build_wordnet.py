"""Build `assistant/data/wordnet.tsv.gz`: each English word with its WordNet neighbours.

WordNet (Princeton, via Debian's `wordnet-base` package and NLTK's reader) is the general
synonym source of issue #12: a question word the documents never use ("break-ins") is looked up
here for the words WordNet puts beside it ("housebreaking", and its broader term "burglary").
For every noun and verb lemma of one word the line lists the one-word lemmas of its senses and
of each sense's direct broader term (hypernym); an irregular form ("replied", "children") has
its base word's line and the base word. Asking never imports NLTK (its import and
WordNet's load took 21 s here); it reads this file (`language.wordnet_neighbours`).

    python scripts/build_wordnet.py [--dict /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "wordnet.tsv.gz"
# WordNet's lexicographer files in their numbered order (lexnames(5WN)); Debian's package
# leaves out the `lexnames` file NLTK's reader needs.
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
POS_NUMBER = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}


def one_word(lemma: str) -> str:
    """The lemma when it is one lower-case word (letters and inner hyphens), else ""."""
    if lemma != lemma.lower():  # a proper name ("Cash", the singer)
        return ""
    return lemma if lemma.replace("-", "").isalpha() else ""


def neighbours(wn) -> tuple[dict[str, set[str]], Counter[str]]:  # noqa: ANN001 (NLTK's reader)
    """word -> the one-word lemmas of its noun and verb senses and of their hypernyms; and
    word -> its number of noun and verb senses."""
    out: dict[str, set[str]] = defaultdict(set)
    senses: Counter[str] = Counter()
    for synset in wn.all_synsets():
        if synset.pos() not in ("n", "v"):
            continue
        words = {w for w in map(one_word, synset.lemma_names()) if w}
        broader = {
            w for h in synset.hypernyms()
            for w in map(one_word, h.lemma_names()) if w
        }  # fmt: skip
        for word in words:
            out[word] |= (words | broader) - {word}
            senses[word] += 1
    return out, senses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    if not (args.dict / "data.noun").exists():
        print(f"No WordNet at {args.dict}: install Debian's wordnet-base.", file=sys.stderr)
        return 1
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpora" / "wordnet"  # NLTK reads only under its data path
        root.mkdir(parents=True)
        for f in args.dict.iterdir():
            if f.is_file():
                shutil.copy(f, root / f.name)
        (root / "lexnames").write_text(
            "".join(
                f"{i:02d}\t{n}\t{POS_NUMBER[n.split('.')[0]]}\n" for i, n in enumerate(LEXNAMES)
            )
        )
        if not (root / "index.sense").exists():
            (root / "index.sense").write_text("")
        nltk.data.path.insert(0, tmp)
        table, senses = neighbours(WordNetCorpusReader(str(root), None))
    for pos in ("noun", "verb"):  # irregular forms ("replied", "stabbed", "children")
        for line in (args.dict / f"{pos}.exc").read_text().splitlines():
            form, *bases = line.split()
            for base in (b for b in bases if b in table and form not in table):
                table[form] |= table[base] | {base}
                senses[form] = senses[base]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# WordNet 3.0 (Princeton University; WordNet licence): word, senses, neighbours\n")
        for word in sorted(table):
            f.write(f"{word}\t{senses[word]}\t{' '.join(sorted(table[word]))}\n")
    print(f"{len(table)} words -> {OUT} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
