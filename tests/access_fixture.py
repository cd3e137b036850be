"""A tiny corpus with one official-sensitive document and one limited to a reader group."""

from __future__ import annotations

from pathlib import Path

SECRET_FACT = "The Harbour Protocol sets up 17 covert patrol hubs"
SECRET_QUESTION = "How many covert patrol hubs does the Harbour Protocol set up?"
GROUP_FACT = "Probation caseworkers meet the Kestrel panel every 9 days"
GROUP_QUESTION = "How often do probation caseworkers meet the Kestrel panel?"
OPEN_QUESTION = "Who chairs the Safer Cumbria Partnership?"

CATALOG = """documents:
  - file: strategy.md
    doc_id: strategy
    title: Partnership Strategy 2024
    published: 2024-09-30
    strand: partnership
  - file: harbour.md
    doc_id: harbour
    title: Harbour Protocol Briefing
    published: 2025-02-01
    strand: serious-violence
    classification: {classification}
  - file: kestrel.md
    doc_id: kestrel
    title: Kestrel Panel Note
    published: 2025-03-01
    strand: criminal-justice
    readers: [probation]
"""

STRATEGY = """# Partnership Strategy 2024

## Governance

The Safer Cumbria Partnership is chaired by the Police, Fire and Crime Commissioner. It meets
quarterly and brings together police, fire, councils and health partners.

## Patrols

Neighbourhood patrols cover every town centre on Friday and Saturday nights.
"""

HARBOUR = f"""# Harbour Protocol Briefing

## Deployment

{SECRET_FACT} along the West Cumbria coast. Hub locations are shared on a need-to-know basis.

## Review

The protocol is reviewed by the Harbour Protocol steering group every six months.
"""

KESTREL = f"""# Kestrel Panel Note

## Meetings

{GROUP_FACT} to review high-risk cases released from custody.
"""


def write_access_corpus(root: Path, classification: str = "official-sensitive") -> None:
    """Write the three documents and a catalog giving the harbour briefing `classification`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalog.yaml").write_text(CATALOG.format(classification=classification))
    (root / "strategy.md").write_text(STRATEGY)
    (root / "harbour.md").write_text(HARBOUR)
    (root / "kestrel.md").write_text(KESTREL)
