"""Findings → Quiz: run every question kind, drop near-duplicates, cap, shuffle, number.

Deterministic by construction: every random choice comes from ``random.Random`` seeded
with a string (seeded through SHA-512, so PYTHONHASHSEED does not matter), iteration is
over lists and dicts only, and ids are SHA-1 digests of the kind and cited offsets.
"""
from __future__ import annotations

import hashlib
import random
import re
from typing import Any

from .article import Article
from .kinds import KINDS, Context
from .models import Findings, Question, Quiz

MAX_QUESTIONS = 12
# When the quiz is too long, every kind keeps one question; the rest go to the kinds
# that matter most for media literacy, in this order.
PRIORITY = ("claim_status", "rumour_cue", "source_kind", "fact_or_speculation",
            "headline", "disclosure", "author")
# Display entries holding one item per choice; they are reordered with the choices.
PER_CHOICE_DISPLAY = ("choice_words",)
_NOT_WORD = re.compile(r"[\W_]+")


def generate_quiz(article: Article, findings: Findings, seed: int = 0) -> Quiz:
    """The quiz for `article`: same article, findings and seed → identical quiz."""
    questions: list[Question] = []
    for name, build in KINDS.items():
        # One rng per kind, so adding or changing a kind never reshuffles the others.
        ctx = Context(article=article, findings=findings, rng=random.Random(f"{seed}:{name}"), kind=name,
                      taken=tuple((q.citations[0].start, q.citations[0].end) for q in questions))
        questions.extend(build(ctx))
    kept = cap(deduplicate(questions), MAX_QUESTIONS)
    shuffled = shuffle_choices(kept, random.Random(f"{seed}:choices"))
    return Quiz(title=article.title or findings.title, language=article.language, seed=seed,
                questions=assign_ids(shuffled))


def deduplicate(questions: list[Question]) -> list[Question]:
    """Keep the first of questions with the same prompt (ignoring case and punctuation),
    or of the same kind whose main citations overlap (the same sentence asked twice)."""
    kept: list[Question] = []
    prompts: list[str] = []
    for question in questions:
        prompt = _NOT_WORD.sub(" ", question.prompt.casefold()).strip()
        if prompt in prompts or any(k.kind == question.kind and _same_focus(k, question) for k in kept):
            continue
        prompts.append(prompt)
        kept.append(question)
    return kept


def cap(questions: list[Question], limit: int) -> list[Question]:
    """At most `limit` questions: first one of every kind present, then the others by
    kind PRIORITY; the result keeps the original (quiz) order."""
    first: list[int] = []
    rest: list[int] = []
    seen: list[str] = []
    for index, question in enumerate(questions):
        (rest if question.kind in seen else first).append(index)
        seen.append(question.kind)
    rest.sort(key=lambda i: _rank(questions[i].kind))  # stable: within a kind, builder order
    return [questions[i] for i in sorted((first + rest)[:limit])]


def shuffle_choices(questions: list[Question], rng: random.Random) -> list[Question]:
    """Shuffle choices, keeping answers right. Questions offering the same choices get the
    same order, so a student meets the claim-status scale the same way every time."""
    orders: dict[tuple[str, ...], list[int]] = {}
    shuffled = []
    for question in questions:
        key = tuple(question.choices)
        if key not in orders:
            orders[key] = rng.sample(range(len(key)), len(key))
        shuffled.append(_reorder(question, orders[key]))
    return shuffled


def assign_ids(questions: list[Question]) -> list[Question]:
    """``kind-xxxxxxxx`` from the kind and the cited offsets: stable across seeds and wording edits."""
    taken: list[str] = []
    result = []
    for question in questions:
        spans = ";".join(f"{c.start}-{c.end}" for c in question.citations)
        base = f"{question.kind}-{hashlib.sha1(f'{question.kind}:{spans}'.encode()).hexdigest()[:8]}"
        qid, n = base, 1
        while qid in taken:
            n += 1
            qid = f"{base}-{n}"
        taken.append(qid)
        result.append(question.model_copy(update={"id": qid}))
    return result


def _reorder(question: Question, order: list[int]) -> Question:
    data: dict[str, Any] = question.model_dump()
    data["choices"] = [question.choices[i] for i in order]
    data["answer"] = sorted(order.index(a) for a in question.answer)
    if question.choice_feedback:
        data["choice_feedback"] = [question.choice_feedback[i] for i in order]
    for key in PER_CHOICE_DISPLAY:
        if len(data["display"].get(key, ())) == len(order):
            data["display"][key] = [data["display"][key][i] for i in order]
    return Question.model_validate(data)


def _rank(kind: str) -> int:
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


def _same_focus(a: Question, b: Question) -> bool:
    """Their first (main) citations overlap."""
    x, y = a.citations[0], b.citations[0]
    return x.start < y.end and y.start < x.end
