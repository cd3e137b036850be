"""Personal data in documents: synthetic examples, the real corpus, and ingest's flag/block."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index import build_index
from assistant.ingest import load_document, scan_corpus
from assistant.pii import find_personal_data, mask, valid_nhs_number
from assistant.store import open_collection
from assistant.types import Passage
from tests.fakes import HashEmbedder

ROOT = Path(__file__).resolve().parents[1]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.masked) for p in find_personal_data([Passage(text, "Contacts", 4)])]


@pytest.mark.parametrize(
    "number, valid",
    [
        ("943 476 5919", True),  # the NHS Data Dictionary's worked example
        ("9434765919", True),
        ("401-023-2137", True),
        ("943 476 5918", False),  # wrong check digit
        ("401 023 2138", False),
        ("000 000 0000", False),  # passes the arithmetic, never issued
        ("123 456 7890", False),  # check digit would be 10: no valid number
        ("943 476 591", False),
    ],
)
def test_nhs_check_digit(number: str, valid: bool) -> None:
    assert valid_nhs_number(number) is valid


def test_nhs_numbers_in_text_need_the_check_digit_and_plain_ones_need_the_word() -> None:
    assert _kinds("Patient 943 476 5919 was seen.") == [("nhs_number", "9** 4** 5***")]
    assert _kinds("Patient 943 476 5918 was seen.") == []
    assert _kinds("Her NHS number is 9434765919.") == [("nhs_number", "9*********")]
    assert _kinds("Reference 9434765919 in the log.") == []  # 10 bare digits: could be anything


@pytest.mark.parametrize(
    "text",
    [
        "Ring Jo on 07912 345678 after six.",
        "Ring Jo on 07912345678 after six.",
        "Ring Jo on +44 7912 345678 after six.",
        "Ring Jo on 07700 900123 after six.",  # Ofcom's drama range: still shaped like a mobile
        "His home number is 01228 221000.",
        "Her number is (01768) 217000.",
        "Call 020 7946 0958 for the landlord.",
    ],
)
def test_phone_numbers_a_person_answers_are_flagged(text: str) -> None:
    [(kind, masked)] = _kinds(text)
    assert kind == "phone" and sum(c.isdigit() for c in masked) <= 4  # a digit per group at most


@pytest.mark.parametrize(
    "text",
    [
        "Call the free helpline on 0800 555 111 or 0808 2000 247.",
        "Ring 101 or, in an emergency, 999; Samaritans are on 116 123.",
        "Contact the council on 0300 123 1234 or 0345 600 1234.",
        "In 2023/24 there were 4,312 offences against 3,998 in 2022/23 (up 7.9%).",
        "Funding of £1,234,567 over 2024-2027; 12,345,678 people; 01/04/2024 to 31/03/2025.",
        "The strategy runs 2019-2024 and 2024 2027; rate 12.5 per 1,000 population.",
        "Table 3: 1234567890 records were checked.",
    ],
)
def test_helplines_years_and_figures_are_not_flagged(text: str) -> None:
    assert _kinds(text) == []


def test_emails_in_prose_are_flagged_but_team_mailboxes_are_not() -> None:
    text = (
        "For a referral email jane.smith@example.org or the team at prevent@cumbria.police.uk, "
        "info@safercumbria.org.uk, or enquiries@council.gov.uk. Partners prevent harm early."
    )
    assert _kinds(text) == [("email", "j***.s****@e******.o**")]


def test_national_insurance_numbers_follow_hmrc_rules() -> None:
    assert _kinds("His NI number is AB 12 34 56 C.") == [("ni_number", "A* 1* 3* 5* C")]
    assert _kinds("Also JG123456A on file.") == [("ni_number", "J********")]
    for never_issued in ("QQ 12 34 56 C", "BG123456A", "DA123456A", "AO123456B", "AB123456E"):
        assert _kinds(f"Number {never_issued} here.") == [], never_issued


def test_a_name_next_to_an_address_or_birth_date_is_flagged_once() -> None:
    assert _kinds("Mr Peter Jones, 12 Acacia Road, Carlisle CA1 2AB attended.") == [
        ("name_and_address", "M* P**** J****, 1* A***** R***")
    ]
    assert _kinds("Sarah Brown (date of birth 12/03/1985) was referred.") == [
        ("name_and_birth_date", "S**** B**** (d*** o* b**** 1*/0*/1***")
    ]
    assert _kinds("Sam Hill, born on 4 July 1990, moved away.")[0][0] == "name_and_birth_date"


def test_public_officials_named_in_their_role_are_not_personal_data() -> None:
    text = (
        "The partnership is chaired by David Allen, Police, Fire and Crime Commissioner. "
        "Detective Superintendent Ann Marsh leads the police response to serious violence."
    )
    assert _kinds(text) == []


def test_an_organisation_address_is_not_a_person_next_to_one() -> None:
    assert _kinds("The board meets at Carleton Hall, Penrith CA10 2AU each quarter.") == []
    assert _kinds("Write to Cumbria House, 117 Botchergate, Carlisle CA1 1RD.") == []


def test_each_finding_keeps_its_page_and_section_and_never_the_value() -> None:
    [found] = find_personal_data([Passage("Mobile 07912 345678.", "2. Contacts", 7)])
    assert (found.page, found.section, found.where()) == (7, "2. Contacts", "p. 7, 2. Contacts")
    assert "345678" not in found.masked
    assert mask("a" * 100) == "a" + "*" * 58 + "…"


@pytest.mark.slow
def test_the_real_corpus_has_nothing_flagged() -> None:
    """The sample strategies name officials, a team mailbox and helplines: none is flagged.

    This is the check that the detector's rules are sensible on real documents (years, figures,
    table cells, the Prevent team's mailbox, the Commissioner's name).
    """
    scan = scan_corpus(ROOT / "corpus", max_file_mb=25)
    texts = {f.meta.source: load_document(f) for f in scan.files}
    assert any("David Allen" in d.text for d in texts.values())
    assert any("prevent@cumbria.police.uk" in d.text for d in texts.values())
    assert {source: d.personal_data for source, d in texts.items() if d.personal_data} == {}


PERSONAL = (
    "# Case note\n\n## Referral\n\nJo Bloggs, 14 Mill Lane, Kendal LA9 4AB, rang 07912 345678.\n"
)


def _settings(corpus: Path, tmp_path: Path, pii: str) -> Settings:
    return Settings(_env_file=None, corpus_dir=corpus, index_dir=tmp_path / "index", pii=pii)


@pytest.mark.slow
def test_ingest_flags_personal_data_masked_in_the_report(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.md").write_text(PERSONAL)
    (corpus / "plan.md").write_text("# Plan\n\nThe plan has four priorities.\n")
    report = build_index(_settings(corpus, tmp_path, "flag"), HashEmbedder())
    flagged = {o.source: o.personal_data for o in report.outcomes}
    assert [(p.kind, p.section) for p in flagged["note.md"]] == [
        ("phone", "Referral"),
        ("name_and_address", "Referral"),
    ]
    assert flagged["plan.md"] == ()
    saved = (tmp_path / "index" / "ingest-report.json").read_text()
    assert "345678" not in saved and "Bloggs" not in saved and "Mill Lane" not in saved
    assert json.loads(saved)["counts"]["added"] == 2
    again = build_index(_settings(corpus, tmp_path, "flag"), HashEmbedder())
    skipped = {o.source: o for o in again.outcomes}["note.md"]
    assert skipped.action == "skipped" and len(skipped.personal_data) == 2


def test_block_keeps_documents_with_personal_data_out_of_the_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.md").write_text(PERSONAL)
    (corpus / "plan.md").write_text("# Plan\n\nThe plan has four priorities.\n")
    build_index(_settings(corpus, tmp_path, "flag"), HashEmbedder())
    report = build_index(_settings(corpus, tmp_path, "block"), HashEmbedder())
    blocked = {o.source: o for o in report.outcomes}["note.md"]
    assert blocked.action == "blocked" and "personal data in 2 passage(s)" in blocked.reason
    collection, manifest = open_collection(_settings(corpus, tmp_path, "block"))
    sources = {m["source"] for m in collection.get(include=["metadatas"])["metadatas"]}
    assert sources == {"plan.md"} and set(manifest["documents"]) == {"plan"}
    off = build_index(_settings(corpus, tmp_path, "off"), HashEmbedder())
    assert {o.source: o.action for o in off.outcomes}["note.md"] == "added"
