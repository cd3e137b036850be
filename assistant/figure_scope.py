"""Figure scope in a draft sentence: the period it opens on, a rate's base far after a figure.

Two readings the clause-bound ones of claims.py miss (pure): "In 2020, 318 people were
killed" gives 318 for 2020 though a comma stands between them, and "6.4 criminal damage and
arson offences per 100,000 residents" is a rate per 100,000, not a bare number.
"""

from __future__ import annotations

import dataclasses
import re

from assistant import language as lang

# A rate's base a few more words after a bare figure than language.RATE_AFTER reads:
# "6.4 criminal damage and arson offences per 100,000 residents".
_FAR_RATE = re.compile(
    r"^(?:\s+[A-Za-z'-]+){4,7}\s+(?:per|for every|in every)\s+"
    r"(1,000|1000|10,000|100,000|100000|100|million)\b"
)


def far_rate(q: lang.Quantity, sentence: str) -> lang.Quantity:
    """A draft's bare figure read as the rate whose base ends its noun phrase (see _FAR_RATE).

    Without it the figure stays a bare number, which may stand for a passage's rate of any base
    (language.same_unit), so "per 100,000" where the passage says "per 1,000" was never compared.
    """
    m = _FAR_RATE.match(sentence[q.end :]) if q.unit == "" else None
    if not m:
        return q
    base = m.group(1).replace(",", "")
    return dataclasses.replace(q, unit=f"per {1_000_000 if base == 'million' else int(base):,}")


# A sentence that opens on its period: "In 2020, 318 people were ...", "During 2023/24, ...".
_OPENING = re.compile(
    r"^\W*(?:in|during|throughout|for)\s+(?:the\s+(?:financial\s+)?year\s+)?$", re.I
)


def opening_period(
    text: str, start: int, found: list[tuple[tuple[int, int], str, int, int]], old: bool = False
) -> tuple[int, int] | None:
    """The period a sentence opens on, for a figure after it that has none of its own.

    "In 2020, 318 people were killed" gives 318 for 2020, though the comma puts the year in
    another clause; the earlier value of a change (`old`: "down from 641") is not given for it.
    `found` is the sentence's periods as language.period_spans gives them.
    """
    first = min(found, key=lambda p: p[2], default=None)
    if first is None or first[3] > start or old:
        return None
    opens = _OPENING.match(text[: first[2]]) and re.match(r"\s*,", text[first[3] :])
    return first[0] if opens else None
