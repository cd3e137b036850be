"""A maintainer's corpus update: a new document to upload and a tiny eval set about it.

The eval set (3 questions, 1 wording case) and a baseline recorded before the document existed
go in a temporary folder that ASSISTANT_EVAL_DIR points at, never evals/. The baseline is
fabricated so that every part of the diff has something in it: the kestrel questions failed
before (they now pass), kes-03 passed before and now fails (its fact is planted wrong), the
wording case failed before, and the document itself is new.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from assistant.config import Settings
from assistant.store import read_manifest

UPLOAD_NAME = "Kestrel Panel Note (final).md"  # as a person's file might be called
SAVED_NAME = "kestrel-panel-note-final.md"  # after sanitize_name
DOC_ID = "kestrel-panel-note"
TITLE = "Kestrel Panel Note 2025"
KESTREL = b"""# Kestrel Panel Note

## Meetings

Probation caseworkers meet the Kestrel panel every 9 days to review high-risk cases released
from custody.

## Membership

The Kestrel panel is chaired by the Head of Probation Delivery for Cumbria.
"""
QUESTIONS = [
    {
        "id": "kes-01",
        "question": "How often do probation caseworkers meet the Kestrel panel?",
        "expected_docs": [DOC_ID],
        "must_include": ["every 9 days"],
        "category": "lookup",
    },
    {
        "id": "kes-02",
        "question": "Who chairs the Kestrel panel?",
        "expected_docs": [DOC_ID],
        "must_include": ["Head of Probation Delivery"],
        "category": "lookup",
    },
    {
        "id": "kes-03",
        "question": "How often does the Kestrel panel meet?",
        "expected_docs": [DOC_ID],
        "must_include": ["every 12 days"],  # planted wrong: newly failing
        "category": "lookup",
    },
]
WORDING = [
    {
        "id": "w-kes-01",
        "text": "Probation caseworkers meet the Kestrel panel every 9 days.",
        "expected_verdict": "supported",
        "expected_source": DOC_ID,
    }
]
BASELINE_ITEMS = {"kes-01": False, "kes-02": False, "kes-03": True, "w-kes-01": False}


def write_evals(folder: Path, settings: Settings) -> Path:
    """Write the eval set and the earlier baseline into folder; return the baseline's path.

    The baseline's document hashes are those of the index as it is now (before the upload).
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "questions.yaml").write_text(yaml.safe_dump({"questions": QUESTIONS}))
    (folder / "wording.yaml").write_text(yaml.safe_dump({"wording": WORDING}))
    indexed = read_manifest(settings).get("documents", {})
    documents = {doc: entry["file_hash"] for doc, entry in indexed.items()}
    baseline = {
        "summary": {"facts_all": 0.3333, "hit@5": 0.0, "wording_accuracy": 0.0},
        "sets": {},
        "items": BASELINE_ITEMS,
        "documents": documents,
        "corpus_version": "before-the-upload",
    }
    path = folder / "baseline.json"
    path.write_text(json.dumps(baseline, indent=2))
    return path
