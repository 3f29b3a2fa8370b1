"""What the preview page carries besides the article and the seed: the teacher's choice of
kinds and counts, the questions they asked to replace, and their edits of generated
questions — read back from the form, checked as a bank question would be (the citation
stays at its offsets: it is never edited), with a message next to each field to fix.

The preview keeps no state on the server: the page holds it, and publishing or printing
makes the same quiz again from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from pydantic import ValidationError

from question_bank.kinds import KINDS
from question_bank.models import Question, Quiz

MAX_PER_KIND = 6
MAX_TEXT = 2000
MAX_CHOICES = 6
# Spaces typed or wrapped in a textarea collapse; French no-break spaces (before « : » and the
# like) are typography, and stay.
_SPACES = re.compile(r"[ \t\r\n]+")


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


@dataclass(frozen=True)
class PreviewOptions:
    counts: dict[str, int] | None = None        # how many questions of each kind, at most
    exclude: frozenset[str] = frozenset()        # questions replaced by another


@dataclass
class Edited:
    quiz: Quiz
    errors: dict[str, dict[str, str]] = field(default_factory=dict)   # question id → field → message


def options_from(form) -> PreviewOptions:
    """Counts and exclusions as the page sends them; a "replace" button adds its question."""
    counts = {}
    for name in KINDS:
        raw = (form.get(f"count-{name}") or "").strip()
        if raw.isdigit():
            counts[name] = min(int(raw), MAX_PER_KIND)
    exclude = {qid for qid in form.getlist("exclude") if qid}
    if form.get("replace"):
        exclude.add(form["replace"])
    return PreviewOptions(counts=counts or None, exclude=frozenset(exclude))


def apply_edits(quiz: Quiz, form) -> Edited:
    """The quiz with the teacher's edits (only fields that differ from what was generated)."""
    questions, errors = [], {}
    for question in quiz.questions:
        edited, problems = _edited(question, form)
        questions.append(edited)
        if problems:
            errors[question.id] = problems
    return Edited(quiz.model_copy(update={"questions": questions}), errors)


def _edited(question: Question, form) -> tuple[Question, dict[str, str]]:
    prefix = f"edit-{question.id}-"
    if form.get(prefix + "prompt") is None:
        return question, {}
    errors: dict[str, str] = {}
    prompt = _clean(form.get(prefix + "prompt"))
    explanation = _clean(form.get(prefix + "explanation"))
    if not prompt:
        errors["prompt"] = _("Write the question.")
    elif len(prompt) > MAX_TEXT:
        errors["prompt"] = _("Shorten the question to %(max)s characters.", max=MAX_TEXT)
    if not explanation:
        errors["explanation"] = _("Explain the answer: students read it in the review and on the answer key.")
    choices, answer = question.choices, question.answer
    if not KINDS.get(question.kind) or not KINDS[question.kind].mark_the_word:
        choices, answer = _choices(question, form, prefix, errors)
    if errors:
        return question, errors
    if (prompt, explanation, choices, answer) == (question.prompt, question.explanation, question.choices,
                                                  question.answer):
        return question, {}
    try:
        return Question.model_validate({**question.model_dump(), "prompt": prompt, "explanation": explanation,
                                        "choices": choices, "answer": answer,
                                        "choice_feedback": [] if choices != question.choices else question.choice_feedback}), {}
    except ValidationError:
        return question, {"choices": _("These choices cannot be used: check that they are all different.")}


def _choices(question: Question, form, prefix: str, errors: dict) -> tuple[list[str], list[int]]:
    rows = [_clean(form.get(f"{prefix}choice-{i}")) for i in range(MAX_CHOICES)]
    filled = [i for i, text in enumerate(rows) if text]
    choices = [rows[i] for i in filled]
    if len(choices) < 2:
        errors["choices"] = _("Give at least two choices.")
    elif len({c.casefold() for c in choices}) != len(choices):
        errors["choices"] = _("Two choices are the same.")
    raw = form.get(prefix + "correct") or ""
    correct = int(raw) if raw.isdigit() else -1
    if correct not in filled:
        errors["correct"] = _("Mark the right answer (a choice you filled in).")
        return question.choices, question.answer
    return choices, [filled.index(correct)]
