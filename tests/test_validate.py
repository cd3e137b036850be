"""Malformed questions: each refused with a one-line reason, or cleaned and answered."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.errors import QuestionError
from assistant.validate import check_question, clean_question

ROOT = Path(__file__).resolve().parents[1]

REFUSED = {
    "": "empty",
    "   \t ": "empty",
    "\n\n\n\n": "empty",
    "\x00\x00": "empty",
    "\u202e\u200b\ufeff": "empty",
    "\x1b[31m\x1b[0m": "empty",
    "x" * 100_000: "100,000 characters",
    "|": "no words",
    "| | |\n|": "no words",
    "?!?!...;;;": "no words",
    "a ? b": "no words",
    "«»—–…": "no words",
    "Combien de renvois Prevent y a-t-il eu en 2023/24 ?": "looks French",
    "Wie viele Überweisungen gab es im Jahr 2023?": "looks German",
    "¿Cuántas derivaciones hubo en 2023?": "looks Spanish",
    "2023/24年有多少转介？": "another script",
    "Сколько было направлений?": "another script",
    "كم عدد الإحالات؟": "another script",
}


@pytest.mark.parametrize("question", list(REFUSED))
def test_malformed_questions_are_refused_with_one_line(question: str) -> None:
    with pytest.raises(QuestionError) as info:
        check_question(question)
    message = str(info.value)
    assert REFUSED[question] in message and "\n" not in message
    assert ": " in message  # the reason, then what to do


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("How many\x00 referrals?", "How many referrals?"),
        ("\x1b[31mHow many\x1b[0m referrals?", "How many referrals?"),
        ("\x1b]0;pwned\x07How many referrals?", "How many referrals?"),
        ("\u202eHow many \u2066referrals\u2069?\u200b", "How many referrals?"),
        ("How many\r\nreferrals?\n", "How many referrals?"),
        ("Which areas | have the | highest crime?", "Which areas | have the | highest crime?"),
    ],
)
def test_control_escape_and_format_characters_are_removed(raw: str, clean: str) -> None:
    assert clean_question(raw) == clean == check_question(raw)


@pytest.mark.parametrize(
    "question",
    [
        "Faint o atgyfeiriadau Prevent oedd yn 2023/24?",  # Welsh: answered, and abstains
        "Prevent referrals 2023/24",
        "What does the partnership say about Kraków or Zürich?",
        "How many referrals mention العربية speakers?",
        "Is β-testing of the app planned?",
        "x" * 2000,
    ],
)
def test_questions_the_answerer_should_see_pass(question: str) -> None:
    assert check_question(question)


def _questions(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "question" and isinstance(value, str):
                yield value
            else:
                yield from _questions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _questions(value)


def test_no_eval_question_is_refused() -> None:
    questions = [
        q
        for path in sorted((ROOT / "evals").glob("*questions*.yaml"))
        for q in _questions(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(questions) > 400
    for question in questions:
        check_question(question)
