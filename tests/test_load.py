"""Load: 10 threads, 200 questions, one real Assistant; no errors, no cross-talk, full audit."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from assistant.audit import AuditLog
from assistant.pipeline import Assistant, Conversation

ROOT = Path(__file__).resolve().parents[1]
THREADS, TURNS, SCRIPTS = 10, 20, 5  # two threads per script: their answers must agree


def _scripts() -> list[list[str]]:
    """Five 20-turn conversations from the eval questions (follow-ups follow their turn)."""
    data = yaml.safe_load((ROOT / "evals" / "questions.yaml").read_text(encoding="utf-8"))
    questions = [item["question"] for item in data["questions"]]
    return [questions[k * TURNS : (k + 1) * TURNS] for k in range(SCRIPTS)]


@pytest.mark.slow
def test_ten_threads_two_hundred_questions_one_assistant(
    sample_index, real_embedder, tmp_path: Path
) -> None:
    store = AuditLog(tmp_path / "audit.sqlite3")
    assistant = Assistant(sample_index, real_embedder, audit=store)
    assistant.ask("What does the partnership do?", record=False)  # open the index once
    scripts = _scripts()
    answers: dict[int, list] = {}
    conversations: dict[int, Conversation] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def user(t: int) -> None:
        convo, got = Conversation(), []
        start.wait()
        try:
            for question in scripts[t % SCRIPTS]:
                got.append(assistant.ask(question, conversation=convo, user=f"user{t}"))
        except BaseException as exc:  # handed to the test thread below
            errors.append(exc)
        answers[t], conversations[t] = got, convo

    threads = [threading.Thread(target=user, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=1800)
    assert not errors, errors[:3]

    for t in range(THREADS):
        asked = scripts[t % SCRIPTS]
        assert [a.question for a in answers[t]] == asked  # each answer to its own question
        turns = conversations[t].turns  # each conversation holds its own turns only
        assert [q.text for q, _ in turns] == asked
        assert all(a is b for (_, a), b in zip(turns, answers[t], strict=True))
        twin = answers[t + SCRIPTS] if t < SCRIPTS else answers[t - SCRIPTS]
        assert [a.text for a in answers[t]] == [a.text for a in twin]  # same script, same text
        assert [a.condensed_query for a in answers[t]] == [a.condensed_query for a in twin]

    check = store.verify()
    assert check.ok and check.records == THREADS * TURNS
    rows = store.rows()
    for t in range(THREADS):
        mine = [r for r in rows if r["user"] == f"user{t}"]
        assert [r["question"] for r in mine] == scripts[t % SCRIPTS]
        assert [r["answer"] for r in mine] == [a.text for a in answers[t]]
        assert [r["condensed_question"] for r in mine] == [a.condensed_query for a in answers[t]]
