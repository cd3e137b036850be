"""Wording probes: drafts written from corpus/ (not from the eval sets), through the real pipeline.

For several passages of the sample documents: a faithful paraphrase in everyday comms wording,
and copies with exactly one planted error each (a figure, a unit, a year or period, a direction
of change, a body, a place, a superseded target). A draft with a planted error must never be
marked "supported"; a paraphrase should be. These were written before the wording check was
reworked for issue #13 (see the README's wording section for the counts before and after).
"""

from __future__ import annotations

import pytest

from tests import wording_probe3 as round3

# (id, draft, expected verdict, the element a conflict should name, or "" for any).
# Before the rework the check marked 9 of these 52 wrong drafts supported and 21 of the 24
# paraphrases supported; after it, 1 of 52 (KNOWN_MISSES) and 24 of 24. The second round added
# 38 everyday paraphrases (EVERYDAY: 30 of 38 supported before its changes, 38 after) and 6
# planted errors beside them (none supported).
# The comment above each group gives the passage the drafts are written from.
PROBES = [
    # ccsna-2025 1.1: 34,160 recorded crimes in 2023/24 (68.3 per 1,000), England 86.9
    (
        "crime-ok",
        "Police in Cumbria recorded 34,160 crimes in 2023/24, which works out at "
        "68.3 crimes for every 1,000 residents.",
        "supported",
        "",
    ),
    ("crime-figure", "Police in Cumbria recorded 31,160 crimes in 2023/24.", "conflict", "number"),
    (
        "crime-unit",
        "Cumbria's crime rate in 2023/24 was 68.3 per 100,000 residents.",
        "conflict",
        "number",
    ),
    ("crime-year", "Police in Cumbria recorded 34,160 crimes in 2021/22.", "conflict", "date"),
    (
        "crime-direction",
        "Total recorded crime in Cumbria rose by 2.7% in 2023/24.",
        "conflict",
        "direction",
    ),
    (
        "crime-place",
        "In 2023/24 Westmorland and Furness recorded 73.9 crimes per 1,000 "
        "residents, the higher of the two council areas.",
        "conflict",
        "",
    ),
    # operation-enhance 1 and 3: began July 2024, a £1m Home Office Hotspot Response Fund grant
    (
        "enhance-ok",
        "Operation Enhance, which started in July 2024, is paid for by a £1 million "
        "grant from the Home Office's Hotspot Response Fund.",
        "supported",
        "",
    ),
    (
        "enhance-figure",
        "Operation Enhance is paid for by a £2m grant from the Home Office's "
        "Hotspot Response Fund.",
        "conflict",
        "number",
    ),
    (
        "enhance-year",
        "Operation Enhance started in July 2023 with Home Office funding.",
        "conflict",
        "date",
    ),
    (
        "enhance-body",
        "Operation Enhance is funded by a £1m grant from the Ministry of Justice.",
        "conflict",
        "body",
    ),
    (
        "enhance-place",
        "Operation Enhance launched in July 2024, with the first patrols in Kendal and Barrow.",
        "conflict",
        "place",
    ),
    # operation-enhance 1: ASB fell by 35.9% and serious violence by 20.1% in the hotspots
    (
        "hotspots-ok",
        "In the hotspots, antisocial behaviour dropped by 35.9% on the same period a year before.",
        "supported",
        "",
    ),
    (
        "hotspots-direction",
        "ASB in the hotspots rose by 35.9% compared with a year earlier.",
        "conflict",
        "direction",
    ),
    (
        "hotspots-unit",
        "ASB in the hotspots fell by 35.9 incidents per 1,000 residents compared "
        "with a year earlier.",
        "conflict",
        "number",
    ),
    (
        "hotspots-figure",
        "Serious violence in the hotspots fell by 12.1% compared with a year earlier.",
        "conflict",
        "number",
    ),
    (
        "share-ok",
        "Although they make up only around 0.04% of the county's area, the 18 hotspots "
        "account for almost a quarter of its serious violence.",
        "supported",
        "",
    ),
    # svd-strategy-2025: reduce serious violence offences by 10% by March 2027 (was 5% by 2026)
    (
        "target-ok",
        "The partnership now aims to cut serious violence offences by 10% by March 2027.",
        "supported",
        "",
    ),
    (
        "target-superseded",
        "The partnership aims to cut serious violence offences by 5% by March 2026.",
        "outdated",
        "",
    ),
    (
        "target-figure",
        "The partnership aims to cut serious violence offences by 15% by March 2027.",
        "conflict",
        "number",
    ),
    (
        "target-year",
        "The partnership aims to cut serious violence offences by 10% by March 2028.",
        "conflict",
        "date",
    ),
    # svd-strategy-2025 3: domestic abuse-related violence 41% in 2023/24, up from 38%
    (
        "da-ok",
        "Domestic abuse-related violence made up 41% of serious violence in 2023/24, "
        "compared with 38% the year before.",
        "supported",
        "",
    ),
    (
        "da-direction",
        "The share of serious violence linked to domestic abuse fell to 41% in 2023/24.",
        "conflict",
        "direction",
    ),
    (
        "da-superseded",
        "38% of serious violence in Cumbria is domestic abuse-related.",
        "outdated",
        "",
    ),
    (
        "da-figure",
        "Some 31% of serious violence offences in 2023/24 were domestic abuse-related.",
        "conflict",
        "number",
    ),
    # cdp-annual-report 7: 3,050 adults in structured treatment by March 2025, up 7% on 2023/24
    (
        "treatment-ok",
        "By the end of March 2025, 3,050 adults in Cumbria were in structured "
        "treatment, 7% more than in 2023/24.",
        "supported",
        "",
    ),
    (
        "treatment-figure",
        "By the end of March 2025, 3,500 adults in Cumbria were in structured treatment.",
        "conflict",
        "number",
    ),
    (
        "treatment-direction",
        "The number of adults in structured treatment in Cumbria fell by 7% "
        "on 2023/24, to 3,050 by March 2025.",
        "conflict",
        "direction",
    ),
    # cdp-annual-report 6: Cumbria Constabulary closed 27 county lines in 2024/25
    (
        "lines-ok",
        "Cumbria Constabulary shut down 27 county lines running into the county during 2024/25.",
        "supported",
        "",
    ),
    (
        "lines-figure",
        "Cumbria Constabulary shut down 72 county lines running into the county during 2024/25.",
        "conflict",
        "number",
    ),
    (
        "lines-year",
        "Cumbria Constabulary shut down 27 county lines running into the county during 2022/23.",
        "conflict",
        "date",
    ),
    (
        "lines-body",
        "Greater Manchester Police shut down 27 county lines running into Cumbria during 2024/25.",
        "conflict",
        "body",
    ),
    # cdp-annual-report 5.3 table: Cumberland deaths registered 2022: 48; 2023: 67; 2024: 49
    (
        "deaths-ok",
        "Cumberland registered 49 drug poisoning deaths in 2024, down from 67 the year before.",
        "supported",
        "",
    ),
    ("deaths-year", "Cumberland registered 49 drug poisoning deaths in 2022.", "conflict", "date"),
    (
        "deaths-direction",
        "Drug poisoning deaths registered in Cumberland went up in 2024, to 49.",
        "conflict",
        "direction",
    ),
    # criminal-justice-plan 3.2, 5.2, 4.1: reoffending 24.8% (E&W 25.6%); 210 on IOM; chair
    (
        "reoffending-ok",
        "Cumbria's proven reoffending rate is 24.8%, a little under the England "
        "and Wales figure of 25.6%.",
        "supported",
        "",
    ),
    (
        "reoffending-unit",
        "Cumbria's proven reoffending rate is 24.8 per 1,000 people.",
        "conflict",
        "number",
    ),
    (
        "reoffending-figure",
        "Cumbria's proven reoffending rate is 28.4%, above the England and Wales figure of 25.6%.",
        "conflict",
        "number",
    ),
    ("iom-ok", "At 31 March 2024 there were 210 people on the IOM cohort.", "supported", ""),
    (
        "iom-figure",
        "At 31 March 2024 there were 120 people on the IOM cohort.",
        "conflict",
        "number",
    ),
    ("iom-year", "At 31 March 2022 there were 210 people on the IOM cohort.", "conflict", "date"),
    (
        "board-ok",
        "The Chief Constable of Cumbria Constabulary chairs the Cumbria Criminal Justice Board.",
        "supported",
        "",
    ),
    (
        "board-body",
        "The Cumbria Criminal Justice Board is chaired by the Police, Fire and Crime Commissioner.",
        "conflict",
        "body",
    ),
    (
        "vru-body",
        "The Cumbria Violence Reduction Unit leads the county's work on serious violence.",
        "unsupported",
        "",
    ),
    # ccsna-2025 1.1: 4,410 ASB incidents in 2023/24, down 10.4% on 2022/23
    (
        "asb-ok",
        "There were 4,410 ASB incidents in 2023/24, 10.4% fewer than in 2022/23.",
        "supported",
        "",
    ),
    ("asb-direction", "ASB incidents rose by 10.4% in 2023/24 to 4,410.", "conflict", "direction"),
    (
        "asb-figure",
        "There were 4,410 ASB incidents in 2023/24, 14.0% fewer than in 2022/23.",
        "conflict",
        "number",
    ),
    # pfcc-plan-summary 4: £1.68m to fund 46 neighbourhood staff
    (
        "staff-ok",
        "The Commissioner is putting £1.68 million into 46 extra neighbourhood staff.",
        "supported",
        "",
    ),
    (
        "staff-figure",
        "The Commissioner is putting £1.68m into 64 neighbourhood staff.",
        "conflict",
        "number",
    ),
    (
        "staff-body",
        "The Chief Constable is investing £1.68m to fund 46 neighbourhood staff.",
        "conflict",
        "body",
    ),
    # ccsna-2025 4.2: Carlisle highest (92.3 per 1,000), Eden lowest (42.1) in 2022/23
    (
        "districts-ok",
        "In 2022/23 Carlisle had the highest crime rate of the six former districts, "
        "at 92.3 crimes per 1,000 residents.",
        "supported",
        "",
    ),
    (
        "districts-place",
        "In 2022/23 Barrow-in-Furness had the highest crime rate of the six "
        "former districts, at 92.3 per 1,000.",
        "conflict",
        "",
    ),
    (
        "districts-low",
        "South Lakeland had the lowest crime rate of the former districts in 2022/23.",
        "conflict",
        "place",
    ),
    # ccsna-2025 1.1: 212 serious violence offences involved a knife or sharp instrument
    (
        "knife-ok",
        "A knife or sharp instrument was involved in 212 serious violence offences in 2023/24.",
        "supported",
        "",
    ),
    (
        "knife-figure",
        "A knife or sharp instrument was involved in 221 serious violence offences in 2023/24.",
        "conflict",
        "number",
    ),
    # criminal-justice-plan 3.2: 24.8%, slightly below the England and Wales rate of 25.6%
    (
        "compare-ok",
        "Cumbria's proven reoffending rate of 24.8% is slightly below the England and Wales rate.",
        "supported",
        "",
    ),
    (
        "compare-direction",
        "Cumbria's proven reoffending rate of 24.8% is above the England and Wales rate.",
        "conflict",
        "direction",
    ),
    # ccsna-2025 4.1: 68.3 per 1,000 in 2023/24 against 86.9 for England
    (
        "england-direction",
        "At 68.3 crimes per 1,000 residents, Cumbria's crime rate in 2023/24 "
        "was higher than England's.",
        "conflict",
        "direction",
    ),
    # community-safety-agreement / cjp 4.2: the Safer Cumbria Partnership meets quarterly
    ("meets-ok", "The Safer Cumbria Partnership board meets quarterly.", "supported", ""),
    ("meets-period", "The Safer Cumbria Partnership board meets monthly.", "conflict", ""),
    # cdp-annual-report 5.3: a death rate in 2019-21 almost double that of England and Wales
    (
        "double-ok",
        "Over 2019-21 Cumbria's drug poisoning death rate was almost double the rate "
        "for England and Wales.",
        "supported",
        "",
    ),
    (
        "double-figure",
        "Over 2019-21 Cumbria's drug poisoning death rate was almost three times "
        "the rate for England and Wales.",
        "conflict",
        "number",
    ),
    (
        "worst-place",
        "Over 2019-21 Barrow-in-Furness was among the five worst local authority "
        "areas in England and Wales for drug poisoning deaths.",
        "conflict",
        "place",
    ),
    # pfcc-plan-summary 3: six priorities; criminal-justice-plan 5.1: nine pathways
    (
        "priorities-ok",
        "The Police, Fire and Crime Plan 2024-2028 sets out six priorities.",
        "supported",
        "",
    ),
    (
        "priorities-figure",
        "The Police, Fire and Crime Plan 2024-2028 sets out five priorities.",
        "conflict",
        "number",
    ),
    (
        "pathways-figure",
        "Integrated Offender Management in Cumbria is organised around seven "
        "reducing reoffending pathways.",
        "conflict",
        "number",
    ),
    # pfcc-plan-summary 2: David Allen elected on 2 May 2024, replacing Peter McCall
    (
        "elected-ok",
        "David Allen was elected Police, Fire and Crime Commissioner for Cumbria on 2 May 2024.",
        "supported",
        "",
    ),
    (
        "elected-body",
        "Peter McCall was elected Police, Fire and Crime Commissioner for Cumbria on 2 May 2024.",
        "conflict",
        "body",
    ),
    (
        "consult-year",
        "The consultation on the Commissioner's plan ran from June to August 2023.",
        "conflict",
        "date",
    ),
    (
        "turnout-figure",
        "Turnout at the May 2024 Commissioner election was about 31%.",
        "conflict",
        "number",
    ),
    # ccsna-2025 1: shoplifting up 22.1%, now the largest category of acquisitive crime
    (
        "shoplifting-ok",
        "Shoplifting went up by 22.1% and is now the biggest single category of acquisitive crime.",
        "supported",
        "",
    ),
    ("shoplifting-figure", "Shoplifting went up by 12.1% in 2023/24.", "conflict", "number"),
    (
        "largest-body",
        "Burglary is now the largest single category of acquisitive crime in Cumbria.",
        "conflict",
        "",
    ),
    # ccsna-2025 3.3: Cumberland Council covers Allerdale, Carlisle and Copeland
    (
        "council-ok",
        "Cumberland Council covers the former districts of Allerdale, Carlisle and Copeland.",
        "supported",
        "",
    ),
    (
        "council-place",
        "Cumberland Council covers the former districts of Allerdale, Carlisle and Eden.",
        "conflict",
        "place",
    ),
    # criminal-justice-plan 4.2 / 8.2: strands and who leads them
    (
        "lead-ok",
        "The Serious Violence strand is led by the Serious Violence Duty Operational Group.",
        "supported",
        "",
    ),
    (
        "lead-body",
        "The Serious Violence strand is led by the Cumbria Prevent Board.",
        "conflict",
        "body",
    ),
]

# Faithful paraphrases in everyday comms wording (issue #13, second round), written from corpus/
# only: rounding, reordered clauses, synonyms for verbs and nouns, figures in words, financial
# years written another way, two facts of one passage in one sentence. The comment above each
# group names the passage.
EVERYDAY = [
    # operation-enhance 3 and 5: patrol hours, arrests, weapons; the hotspot table
    (
        "para-patrol-hours",
        "Almost 6,000 extra patrol hours were put in during the first nine months "
        "of Operation Enhance.",
    ),
    (
        "para-arrests-weapons",
        "Officers on hotspot patrols made 186 arrests and seized 23 weapons.",
    ),
    ("para-asb-counts", "ASB incidents in the hotspots came down from 780 to 500."),
    (
        "para-sv-fifth",
        "Serious violence in the 18 hotspots dropped by around a fifth on the year before.",
    ),
    (
        "para-hotspot-split",
        "Ten of the hotspots are in Cumberland and the other eight are in Westmorland and Furness.",
    ),
    (
        "para-grant-words",
        "Cumbria was allocated one million pounds from the Home Office Hotspot Response Fund.",
    ),
    (
        "para-koper",
        "Officers make short patrols of about 15 minutes at random times, moving between hotspots.",
    ),
    # prevent-overview: referrals table and text; the board's chair; the duty's start; CONTEST
    (
        "para-referrals",
        "Of the 64 Prevent referrals made in Cumbria in 2023-24, 11 were taken on as "
        "Channel cases.",
    ),
    (
        "para-right-wing",
        "Extreme right-wing ideology was the most common concern, behind 39% of referrals.",
    ),
    (
        "para-under-18",
        "More than half of Prevent referrals in 2023/24 concerned children and young "
        "people under 18.",
    ),
    (
        "para-prevent-chair",
        "The Cumbria Prevent Board is led by the Assistant Chief Constable of Cumbria "
        "Constabulary.",
    ),
    ("para-duty-date", "The Prevent duty has applied since July 2015."),
    ("para-contest", "The current version of CONTEST came out in July 2023."),
    # cdp-annual-report-2024-25 5, 6, 7, 9
    ("para-naloxone", "Partners handed out 1,240 naloxone kits across Cumbria in 2024-25."),
    (
        "para-young-treatment",
        "The specialist young people's service was working with 310 young people in "
        "treatment in 2024/25.",
    ),
    (
        "para-continuity",
        "Continuity of care after prison improved from 41% to 46%, but is still below "
        "the England figure of 52%.",
    ),
    (
        "para-cuckooing",
        "During 2024/25 police and partners made 41 safeguarding referrals linked to cuckooing.",
    ),
    (
        "para-lines-up",
        "Cumbria Constabulary closed 27 county lines in 2024/25, up from 19 the year before.",
    ),
    (
        "para-drug-offences",
        "Recorded drug offences went up from 1,620 in 2023/24 to 1,710 in 2024/25.",
    ),
    (
        "para-treatment-rounded",
        "Just over 3,000 adults were in structured treatment in Cumbria by the end of March 2025.",
    ),
    (
        "para-national-deaths",
        "The 5,448 drug poisoning deaths registered in England and Wales in 2023 were the "
        "highest number since records began in 1993.",
    ),
    (
        "para-harm-to-hope",
        "From Harm to Hope committed almost £900 million of additional funding over its "
        "first three years.",
    ),
    (
        "para-county-deaths",
        "Across Cumbria 72 drug poisoning deaths were registered in 2022, up from 65 in 2021.",
    ),
    # criminal-justice-plan 4.1, 5, 7: IOM target, who leads the IOM group, nine pathways
    (
        "para-iom-target",
        "The plan aims to cut reoffending by the IOM cohort by 15% by March 2026.",
    ),
    (
        "para-iom-group",
        "The Probation Service and Cumbria Constabulary jointly lead the IOM Strategic Group.",
    ),
    (
        "para-pathways-words",
        "Integrated Offender Management in Cumbria is built around nine pathways for "
        "reducing reoffending.",
    ),
    # pfcc-plan-summary 2, 4, 5
    (
        "para-consultation",
        "The consultation on the Commissioner's plan received 2,300 responses.",
    ),
    (
        "para-turnout",
        "Turnout at the May 2024 election of the Commissioner was around one in five.",
    ),
    (
        "para-female-victims",
        "In 2022/23 Cumbria Constabulary recorded 11,241 offences where the victim was female.",
    ),
    (
        "para-asb-2022",
        "Recorded ASB incidents fell by 23.6% in 2022/23, to 4,922.",
    ),
    # ccsna-2025 1, 3: serious violence, domestic abuse, population
    (
        "para-sv-fell",
        "Serious violence offences came down 4.8% in 2023/24, to 4,105.",
    ),
    (
        "para-da-crimes",
        "Of the 8,640 domestic abuse incidents, 5,210 were recorded as crimes.",
    ),
    (
        "para-population",
        "About 273,000 of Cumbria's roughly 500,000 residents live in Cumberland.",
    ),
    (
        "para-older",
        "Roughly a quarter of people living in Cumbria are aged 65 or over.",
    ),
    (
        "para-eden",
        "Eden had the lowest crime rate of the former districts in 2022/23, at 42.1 "
        "crimes per 1,000 residents.",
    ),
    # svd-strategy-2025 2: grant, victims under 25, number of priorities
    (
        "para-svd-grant",
        "Cumbria's Serious Violence Duty grant has gone up to £164,000 a year, from £157,000.",
    ),
    (
        "para-under-25",
        "Around a third of serious violence victims in 2023/24 were under 25.",
    ),
    (
        "para-five-priorities",
        "The 2025 refresh of the serious violence strategy sets five priorities instead of four.",
    ),
]
PROBES += [(name, draft, "supported", "") for name, draft in EVERYDAY]
# Planted errors on the passages above, in the same everyday wording: the readings that let the
# paraphrases through (fractions as bounds, "led by", spelled-out money, tables, contact details)
# must still catch them.
PROBES += [
    (
        "para-err-share",
        "More than two thirds of Prevent referrals in 2023/24 concerned children and young "
        "people under 18.",
        "conflict",
        "number",
    ),
    (
        "para-err-third",
        "Around a third of Prevent referrals in 2023/24 concerned children and young people "
        "under 18.",
        "conflict",
        "number",
    ),
    (
        "para-err-chair",
        "The Cumbria Prevent Board is led by the Chief Constable of Cumbria Constabulary.",
        "conflict",
        "body",
    ),
    (
        "para-err-grant",
        "Cumbria was allocated two million pounds from the Home Office Hotspot Response Fund.",
        "conflict",
        "number",
    ),
    (
        "para-err-lowest",
        "Carlisle had the lowest crime rate of the former districts in 2022/23.",
        "conflict",
        "place",
    ),
    (
        "para-err-email",
        "Anyone worried that someone is being drawn into terrorism can email "
        "prevent@cumbria.gov.uk.",
        "unsupported",
        "",
    ),
]

# Planted errors the check still marks supported, with the reason (the honest remainder).
KNOWN_MISSES: dict[str, str] = {}


def _param(p: tuple[str, str, str, str], misses: dict[str, str]):
    if p[0] in misses:
        return pytest.param(*p, id=p[0], marks=pytest.mark.xfail(reason=misses[p[0]], strict=True))
    return pytest.param(*p, id=p[0])


# This module's probes, then round 3's (tests/wording_probe3.py), run by the same two tests.
ERRORS = [_param(p, KNOWN_MISSES) for p in PROBES if p[2] != "supported"] + [
    _param(p, round3.KNOWN_MISSES) for p in round3.PROBES if p[2] != "supported"
]
FAITHFUL = [_param(p, {}) for p in PROBES if p[2] == "supported"] + [
    _param(p, round3.KNOWN_STRICT) for p in round3.PROBES if p[2] == "supported"
]
FIELDS = ("name", "draft", "expected", "element")


@pytest.fixture(scope="module")
def checker(sample_index, real_embedder):
    from assistant.pipeline import Assistant

    return Assistant(sample_index, real_embedder)


@pytest.mark.slow
@pytest.mark.parametrize(FIELDS, ERRORS)
def test_a_draft_with_a_planted_error_is_never_supported(
    checker, name: str, draft: str, expected: str, element: str
) -> None:
    verdict = checker.check_wording(draft)[0]
    assert verdict.verdict != "supported", (name, verdict.reasons)


@pytest.mark.slow
@pytest.mark.parametrize(FIELDS, FAITHFUL)
def test_a_faithful_paraphrase_is_supported(
    checker, name: str, draft: str, expected: str, element: str
) -> None:
    verdict = checker.check_wording(draft)[0]
    assert verdict.verdict == "supported", (name, verdict.reasons)


CONFLICTS = [
    pytest.param(*p, id=p[0])
    for p in PROBES
    if p[2] == "conflict" and p[3] and p[0] not in KNOWN_MISSES
]


@pytest.mark.slow
def test_most_planted_conflicts_name_the_element_that_differs(checker) -> None:
    """At least 85% of planted conflicts with a known element are judged so, naming it."""
    named = [
        p.values[0]
        for p in CONFLICTS
        if (v := checker.check_wording(p.values[1])[0]).verdict == "conflict"
        and v.element == p.values[3]
    ]
    assert len(named) >= 0.85 * len(CONFLICTS), sorted(
        {p.values[0] for p in CONFLICTS} - set(named)
    )
