"""Turn an article into a published quiz with a short join code."""
from __future__ import annotations

import secrets
from contextlib import nullcontext
from datetime import datetime
from functools import lru_cache

from sqlalchemy import bindparam
from sqlalchemy.orm import defer

from question_bank.article import Article, article_from_bytes
from question_bank.models import Passage, Question, Quiz
from question_bank.service import findings_for, quiz_for

from .extensions import db
from .models import PublishedQuiz, Teacher

# No 0/O, 1/I/L: codes are read aloud and typed by students.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_SOURCE = 300


def new_seed() -> int:
    """A generator seed nobody can guess. The generator is open source and deterministic: with
    a known seed (it used to be 0 for every web quiz), a student who pastes the article into
    `mlquiz generate` gets the quiz's exact choice order and key."""
    return secrets.randbelow(2**31)


def preview(data: bytes, seed: int | None = None, **options) -> tuple[Article, Quiz]:
    """Article and generated questions, for the teacher to choose from (raises ArticleError).
    Without a seed, a new random one: the preview page keeps it to publish the same quiz.
    `options` are the teacher's (counts per kind, questions replaced)."""
    article = article_from_bytes(data)
    return article, quiz_for(article, seed=new_seed() if seed is None else seed, findings=findings_for(article),
                             **options)


def compose_preview(data: bytes, now: datetime, seed: int | None = None, heavy=nullcontext,
                    **options) -> tuple[Article, Quiz, dict[str, int]]:
    """The preview's article, its quiz with the teacher's options, and how many sound questions
    of each kind it supports (what the teacher can ask for), from one analysis (kept: the
    preview's updates and publishing do not analyse the article again). The analysis, when it
    runs, runs inside `heavy()` (the teacher's heavy-work limit)."""
    from question_bank.generate import available

    from .analysis_cache import cached_findings

    article = article_from_bytes(data)
    findings = cached_findings(article, now, heavy)
    seed = new_seed() if seed is None else seed
    return article, quiz_for(article, seed=seed, findings=findings, **options), available(article, findings, seed)


def publish(owner: Teacher, article: Article, quiz: Quiz, keep: list[str] | None, now: datetime,
            time_limit_seconds: int | None = None, on_expiry: str = "autosubmit", grace_seconds: int = 0,
            review_policy: str = "after_close", closes_at: datetime | None = None,
            source: str | None = None) -> PublishedQuiz:
    questions = [q.model_dump(mode="json") for q in quiz.questions if keep is None or q.id in keep]
    if not questions:
        raise ValueError("no questions selected")
    for question in questions:
        question["id"] = opaque_id()
    record = PublishedQuiz(
        code=_new_code(), owner_id=owner.id, title=(quiz.title or article.title)[:500], language=quiz.language,
        article_text=article.text, source=(article.describe_source() if source is None else source)[:MAX_SOURCE],
        passages=[p.model_dump() for p in article.passages], questions=questions, seed=quiz.seed,
        time_limit_seconds=time_limit_seconds, on_expiry=on_expiry, grace_seconds=grace_seconds,
        review_policy=review_policy, closes_at=closes_at, created_at=now)
    db.session.add(record)
    db.session.commit()
    return record


def opaque_id() -> str:
    """A published question's id, which students' pages carry: random, because a generated id
    (its kind and cited offsets) or a bank id would tell a student which question it is."""
    return "q" + secrets.token_hex(6)


def clean_code(code: str) -> str:
    """What a student types or a link carries ("k7qx-2m") → the stored code ("K7QX2M")."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def by_code(code: str, article: bool = True) -> PublishedQuiz | None:
    """`article=False`: without the article's text and passages, the largest columns (the join
    page every student opens does not show them; reading them later still works, lazily)."""
    return db.session.execute(_by_code(article), {"code": clean_code(code)}).scalar_one_or_none()


@lru_cache(maxsize=2)
def _by_code(article: bool):
    """Built once with a bound parameter: every join page and join looks its quiz up here, and
    building the statement (its options and cache key) cost about what running it costs."""
    query = db.select(PublishedQuiz).where(PublishedQuiz.code == bindparam("code"))
    if not article:
        query = query.options(defer(PublishedQuiz.article_text), defer(PublishedQuiz.passages))
    return query


def owner_of(code: str) -> tuple[int, int] | None:
    """(quiz id, owner id) of the quiz with this code, or None: one small row, for a request
    that only checks who owns the quiz (the live view's poll, every 3 s per watcher)."""
    return db.session.execute(_owner_of(), {"code": clean_code(code)}).one_or_none()


@lru_cache(maxsize=1)
def _owner_of():
    return db.select(PublishedQuiz.id, PublishedQuiz.owner_id).where(PublishedQuiz.code == bindparam("code"))


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if by_code(code) is None:
            return code


def article_of(record: PublishedQuiz) -> Article:
    """The article exactly as published (same text and ¶ numbering as its citations)."""
    return Article(text=record.article_text, language=record.language,  # type: ignore[arg-type]
                   passages=tuple(Passage.model_validate(p) for p in record.passages))


def quiz_of(record: PublishedQuiz, seed: int = 0) -> Quiz:
    """The questions as frozen at publication, answer keys included (teachers only)."""
    return Quiz(title=record.title, language=record.language,  # type: ignore[arg-type]
                seed=seed, questions=[Question.model_validate(q) for q in record.questions])
