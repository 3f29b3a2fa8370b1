"""Versions A, B, … of one quiz for paper: the same questions, in another order, with the
choices reordered, so neighbours in a classroom do not share answers.

Version A is the quiz exactly as generated (the order students meet online). Every other
version is drawn from ``random.Random`` seeded with the quiz seed and the version letter,
so the same quiz and seed always print the same versions, and its key is made from the
very questions it prints.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..generate import shuffle_choices
from ..models import Question, Quiz
from ..render_text import letter

MAX_VARIANTS = 26
# Drawing again when a version repeats an earlier order; with 3+ questions a repeat is
# already rare, so a few draws are plenty.
_DRAWS = 20


@dataclass(frozen=True)
class Variant:
    letter: str
    questions: tuple[Question, ...]


def make_variants(quiz: Quiz, count: int, seed: int | None = None) -> list[Variant]:
    """`count` versions of `quiz` (1–26). Two versions share an order only when the quiz
    is too small to allow another one (a one-question quiz)."""
    if not 1 <= count <= MAX_VARIANTS:
        raise ValueError(f"the number of versions must be from 1 to {MAX_VARIANTS}")
    seed = quiz.seed if seed is None else seed
    variants = [Variant("A", tuple(quiz.questions))]
    for index in range(1, count):
        name = letter(index)
        rng = random.Random(f"{seed}:variant:{name}")
        variants.append(Variant(name, _distinct_draw(quiz.questions, rng, [v.questions for v in variants])))
    return variants


def _distinct_draw(questions: list[Question], rng: random.Random, earlier: list[tuple[Question, ...]]):
    drawn: tuple[Question, ...] = tuple(questions)
    for _ in range(_DRAWS):
        order = rng.sample(questions, len(questions))
        drawn = tuple(shuffle_choices(order, rng))
        if all(_layout(drawn) != _layout(other) for other in earlier):
            break
    return drawn


def _layout(questions: tuple[Question, ...]) -> tuple:
    """What a student sees of the order: question ids and each question's choices."""
    return tuple((q.id, tuple(q.choices)) for q in questions)
