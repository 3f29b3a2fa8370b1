"""Findings → Quiz: every kind proposes questions; only sound ones are kept.

A question is kept when the findings behind its key are sure enough for its kind
(`QuestionKind.min_confidence`), its text reads well (whole sentences, balanced quotation
marks, nothing cut inside a word), and it is about a sentence no more important question
already asks about (which also keeps two keys from contradicting, or one from giving away
another). A short quiz of sound questions beats a long padded one: the cap is a ceiling,
not a target. Kinds are tried by priority; the quiz keeps registry order.

Deterministic by construction: every random choice comes from ``random.Random`` seeded
with a string (seeded through SHA-512, so PYTHONHASHSEED does not matter), iteration is
over lists and dicts only, and ids are SHA-1 digests of the kind and cited offsets.
"""
from __future__ import annotations

import hashlib
import random
import re
from functools import lru_cache
from typing import Any

from .article import Article
from .kinds import KINDS, Context
from .kinds._text import RESTATES, content_stems
from .kinds.context import split_sentences
from .models import Findings, Question, Quiz
from .readable import problems as text_problems

MAX_QUESTIONS = 12
# Display entries holding one item per choice; they are reordered with the choices.
PER_CHOICE_DISPLAY = ("choice_words",)
_NOT_WORD = re.compile(r"[\W_]+")


def generate_quiz(article: Article, findings: Findings, seed: int = 0, max_questions: int = MAX_QUESTIONS,
                  kinds: list[str] | None = None, counts: dict[str, int] | None = None,
                  exclude: frozenset[str] = frozenset()) -> Quiz:
    """The quiz for `article`: same article, findings, seed and options → identical quiz.
    A teacher's options: `kinds` keeps only those kinds, `counts` sets how many questions of
    each kind at most, `exclude` drops questions by id (asking for another in their place);
    `max_questions` is a ceiling."""
    candidates = [q for q in assign_ids(propose(article, findings, seed, kinds)) if q.id not in exclude]
    kept = cap(select(candidates, article, counts), max_questions if counts is None else sum(counts.values()))
    # The article takes part in the order: with one seed for every article (a worksheet's
    # default), the genre question's key would sit at the same letter in every quiz.
    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:12]
    shuffled = shuffle_choices(kept, random.Random(f"{seed}:{digest}:choices"))
    return Quiz(title=article.title or findings.title, language=article.language, seed=seed, questions=shuffled)


def available(article: Article, findings: Findings, seed: int = 0) -> dict[str, int]:
    """How many sound questions each kind can make for this article (before one per sentence
    and the cap): what a teacher can ask for in the preview."""
    found: dict[str, int] = {}
    for question in propose(article, findings, seed):
        if sure_enough(question) and not text_problems(question, article):
            found[question.kind] = found.get(question.kind, 0) + 1
    return found


def propose(article: Article, findings: Findings, seed: int, kinds: list[str] | None = None) -> list[Question]:
    """Every question each kind can make, in registry order, before any is dropped."""
    questions: list[Question] = []
    for name, kind in KINDS.items():
        if kinds is not None and name not in kinds:
            continue
        # One rng per kind, so adding or changing a kind never reshuffles the others.
        ctx = Context(article=article, findings=findings, rng=random.Random(f"{seed}:{name}"), kind=name,
                      taken=tuple((q.citations[0].start, q.citations[0].end) for q in questions))
        questions.extend(kind.build(ctx))
    return questions


def select(questions: list[Question], article: Article, counts: dict[str, int] | None = None) -> list[Question]:
    """The sound ones, most important kind first, one per sentence, at most `counts[kind]` of
    a kind when given; returned in quiz order."""
    order = {name: i for i, name in enumerate(KINDS)}
    ranked = sorted(range(len(questions)), key=lambda i: (_priority(questions[i].kind), i))
    kept: list[int] = []
    prompts: list[str] = []
    taken: dict[str, int] = {}
    for index in ranked:
        question = questions[index]
        if counts is not None and taken.get(question.kind, 0) >= counts.get(question.kind, 0):
            continue
        if not sure_enough(question) or text_problems(question, article):
            continue
        prompt = _NOT_WORD.sub(" ", question.prompt.casefold()).strip()
        if prompt in prompts or any(_same_focus(questions[k], question, article) for k in kept):
            continue
        prompts.append(prompt)
        kept.append(index)
        taken[question.kind] = taken.get(question.kind, 0) + 1
    return [questions[i] for i in sorted(kept, key=lambda i: (order.get(questions[i].kind, len(order)), i))]


def sure_enough(question: Question) -> bool:
    kind = KINDS.get(question.kind)
    return kind is None or question.confidence >= kind.min_confidence


def cap(questions: list[Question], limit: int) -> list[Question]:
    """At most `limit` questions: first one of every kind present, then the others by
    kind priority; the result keeps the original (quiz) order."""
    first: list[int] = []
    rest: list[int] = []
    seen: list[str] = []
    for index, question in enumerate(questions):
        (rest if question.kind in seen else first).append(index)
        seen.append(question.kind)
    first.sort(key=lambda i: _priority(questions[i].kind))
    rest.sort(key=lambda i: _priority(questions[i].kind))  # stable: within a kind, builder order
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


def _priority(kind: str) -> int:
    found = KINDS.get(kind)
    return found.priority if found else 100


def _same_focus(a: Question, b: Question, article: Article) -> bool:
    """They are about the same sentence: their cited passages overlap, the headline aside
    (every article-level question may cite the headline)."""
    return any(x.start < y.end and y.start < x.end for x in focus(a, article) for y in focus(b, article))


def focus(question: Question, article: Article):
    """The passages a question is about: its citations, the headline aside; none for a kind
    whose citations are examples (the genre question's sentence that shows a report)."""
    kind = KINDS.get(question.kind)
    if kind is not None and kind.cites_examples:
        return []
    title = article.passages[0] if article.passages and article.passages[0].kind == "title" else None
    if title is None:
        return list(question.citations)
    in_title = lambda c: c.start >= title.start and c.end <= title.end  # noqa: E731
    body = [c for c in question.citations if not in_title(c)]
    if any(in_title(c) for c in question.citations) and not (kind is not None and kind.headline_form):
        # A question on the headline is also about the body sentence that restates it: news
        # leads repeat their headline (the inverted pyramid), and one statement asked twice
        # gives one answer away with the other (reviewed blind, round 13).
        body += restating(article, title)
    return body


MIN_HEADLINE_WORDS = 3


@lru_cache(maxsize=16)      # asked for every pair of questions `select` compares
def restating(article: Article, title) -> tuple:
    """The body sentences that repeat most of the headline's words (compared by their first
    five letters, so "denies" and "denied" match)."""
    words = content_stems(article.text[title.start:title.end], article.language)
    if len(words) < MIN_HEADLINE_WORDS:
        return ()
    found = []
    for sentence in split_sentences(article):
        if sentence.start < title.end:
            continue
        seen = content_stems(article.text[sentence.start:sentence.end], article.language)
        if len(words & seen) >= RESTATES * len(words):
            found.append(sentence)
    return tuple(found)
