"""PII: passages -> the ones that look like personal data (kind, page, masked), for the report.

Phone numbers come from `phonenumbers` (Google's libphonenumber metadata, offline). The rest are
patterns written here, because the maintained detector, presidio-analyzer, needs a spaCy model
downloaded at run time for names (its NLP engine loads en_core_web_lg by default), and its
pattern recognizers for the UK (NHS check digit, NI number) are the same rules as below; nothing
may download a model here. Each pattern follows its published rule:

- NHS number: 10 digits, the last a modulus-11 check digit (NHS Data Dictionary); a check
  result of 10 means the number is invalid.
- National Insurance number: two prefix letters (not D, F, I, Q, U, V; the second not O; the
  prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued), six digits, a suffix A-D (HMRC).
- A person's name next to a street address, a postcode or a date of birth. A name alone is not
  flagged: a strategy names public officials in their public role (a chair, a commissioner) and
  that is not the sensitive kind of personal data. An official named next to an office address
  is flagged, because the text cannot tell an office from a home: the maintainer decides.

Helplines and organisation numbers (freephone 0800/0808, 03 and 08 numbers, 101, 999, 116 123)
and team mailboxes (info@, enquiries@, or named with words the document uses, like prevent@)
are not personal data and are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from assistant.language import MONTHS, NAME_PAIR, STOPWORDS
from assistant.types import Passage, PersonalData

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# Shared mailboxes of an organisation (hand list of the usual role names, RFC 2142 and common
# UK public-sector ones): not a person's address.
ROLE_MAILBOXES = frozenset(
    "info enquiries enquiry contact contactus hello admin office press media foi comms "
    "communications support help helpdesk team webmaster postmaster noreply no-reply reception "
    "safeguarding community.safety partnership secretariat".split()
)
# A UK mobile written in the usual shapes, including unallocated ranges phonenumbers rejects
# (07700 900xxx is Ofcom's range for drama, and what synthetic text uses).
UK_MOBILE = re.compile(r"(?<![\d+])(?:\+44\s?7|\(?07)\d{3}\)?\s?\d{3}\s?\d{3}(?!\d)")
NI_NUMBER = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
NHS_GROUPED = re.compile(r"(?<![\d,.-])\d{3}[ -]\d{3}[ -]\d{4}(?![\d,-]|\.\d)")
NHS_PLAIN = re.compile(r"\bNHS\b[^.\d]{0,30}\b(\d{10})\b", re.I)
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")
STREET = re.compile(
    r"\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,2}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Close|"
    r"Drive|Way|Terrace|Crescent|Place|Court|Gardens|Grove|Row|Square|Walk|Hill|View|Mews)\b"
)
_DATE = (
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d\d|\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS}) \d{{4}}"
)
BIRTH_DATE = re.compile(
    rf"\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\W{{0,4}}(?:{_DATE})\b", re.I
)
# The last word of a building's or street's name: "Carleton Hall, Penrith CA10 2AU" is an
# organisation's address, not a person next to one.
PLACE_WORDS = frozenset(
    "Hall House Centre Center Court Park Station Office Offices Building Buildings Road Street "
    "Lane Avenue Close Drive Way Terrace Crescent Place Gardens Grove Row Square Walk Hill View "
    "Mews Hospital School College Church Barracks Quay Wharf Works Farm Mill Estate".split()
)
TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?")
_NEAR = 80  # characters between a name and the address or birth date it is next to
_PHONE_TYPES = ("FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER", "VOIP", "PAGER")
_MONTH_NAMES = frozenset(MONTHS.split("|"))


def find_personal_data(passages: Iterable[Passage]) -> list[PersonalData]:
    """Return each passage's matches that look like personal data, masked, with page and section.

    Names are two capitalised words the document never writes in lower case (as in
    language.gives_value), so "Community Safety" in a document that speaks of "community
    safety" is not a name.
    """
    passages = list(passages)
    prose = [EMAIL.sub(" ", p.text) for p in passages]
    common = {w for text in prose for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
    found: dict[tuple[str, str, int | None], PersonalData] = {}
    for passage in passages:
        for kind, text in _matches(passage.text, common | STOPWORDS):
            item = PersonalData(kind, mask(text), passage.page, passage.section)
            found.setdefault((kind, item.masked, passage.page), item)
    return list(found.values())


def _matches(text: str, common: set[str] | frozenset[str]) -> Iterator[tuple[str, str]]:
    phones = list(find_phones(text))
    yield from (("phone", t) for _, t in phones)
    yield from _numbers_and_emails(text, common, [span for span, _ in phones])
    yield from _people(text, common)


def _numbers_and_emails(
    text: str, common: set[str] | frozenset[str], phones: list[tuple[int, int]]
) -> Iterator[tuple[str, str]]:
    emails = EMAIL.finditer(text)
    yield from (("email", m.group()) for m in emails if _personal_email(m.group(), common))
    yield from (("ni_number", m.group()) for m in NI_NUMBER.finditer(text))
    for span, number in _nhs_candidates(text):
        if valid_nhs_number(number) and not any(_overlaps(span, p) for p in phones):
            yield "nhs_number", text[span[0] : span[1]]


def _people(text: str, common: set[str] | frozenset[str]) -> Iterator[tuple[str, str]]:
    """Yield names next to an address or a birth date, each name once per kind."""
    names = _names(text, common)
    # next to an address, "Carleton Hall" is the building, not Mr Hall
    housed = [n for n in names if text[n[0] : n[1]].split()[-1] not in PLACE_WORDS]
    for kind, patterns, people in (
        ("name_and_address", (STREET, POSTCODE), housed),
        ("name_and_birth_date", (BIRTH_DATE,), names),
    ):
        flagged: set[tuple[int, int]] = set()
        for pattern in patterns:
            for name, passage in _next_to_name(text, pattern, people):
                if name not in flagged:
                    flagged.add(name)
                    yield kind, passage


def find_phones(text: str) -> Iterator[tuple[tuple[int, int], str]]:
    """Yield ((start, end), number) for UK phone numbers a person could answer.

    Numbers must be written with the trunk 0 or +44, so a count or a year range never reads as
    one; freephone, shared-cost, premium and 03 (UAN) numbers are organisations' lines.
    """
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberType

    personal = {getattr(PhoneNumberType, name) for name in _PHONE_TYPES}
    seen: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=Leniency.VALID):
        raw = match.raw_string.lstrip("(")
        if raw.startswith(("0", "+44")) and phonenumbers.number_type(match.number) in personal:
            seen.append((match.start, match.end))
            yield (match.start, match.end), match.raw_string
    for m in UK_MOBILE.finditer(text):
        if not any(_overlaps(m.span(), s) for s in seen):
            yield m.span(), m.group()


def valid_nhs_number(digits: str) -> bool:
    """Return True when 10 digits pass the NHS modulus-11 check."""
    digits = re.sub(r"\D", "", digits)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _nhs_candidates(text: str) -> Iterator[tuple[tuple[int, int], str]]:
    for m in NHS_GROUPED.finditer(text):
        yield m.span(), m.group()
    for m in NHS_PLAIN.finditer(text):
        yield m.span(1), m.group(1)


def _personal_email(address: str, common: set[str] | frozenset[str]) -> bool:
    """Tell a person's mailbox from a team's, which is named with words the document uses."""
    local = address.split("@", 1)[0].lower()
    words = re.split(r"[._+-]", local)
    return not all(w in common or w in ROLE_MAILBOXES or w.isdigit() for w in words) and not (
        local in ROLE_MAILBOXES or local.startswith("noreply")
    )


def _names(text: str, common: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    spans = [m.span() for m in TITLED_NAME.finditer(text)]
    for m in NAME_PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() in common or last.lower() in common or first in _MONTH_NAMES:
            continue
        spans.append(m.span())
    return spans


def _next_to_name(
    text: str, pattern: re.Pattern[str], names: list[tuple[int, int]]
) -> Iterator[tuple[tuple[int, int], str]]:
    """Yield (name span, the text from name to match) for each match with a name near it."""
    for m in pattern.finditer(text):
        near = [n for n in names if 0 <= max(m.start() - n[1], n[0] - m.end()) <= _NEAR]
        if near:
            name = near[0]
            yield name, text[min(name[0], m.start()) : max(name[1], m.end())]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def mask(text: str, keep: int = 1, longest: int = 60) -> str:
    """Hide personal data but keep its shape: each word's first character, the rest as *.

    "jane.smith@example.org" -> "j***.s****@e******.o**"; "07700 900123" -> "0**** 9*****".
    Line breaks become spaces and the result is at most `longest` characters.
    """
    flat = re.sub(r"\s+", " ", text)
    masked = re.sub(r"\w+", lambda m: m.group()[:keep] + "*" * (len(m.group()) - keep), flat)
    return masked if len(masked) <= longest else masked[: longest - 1] + "…"
