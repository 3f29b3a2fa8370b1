"""A teacher's own quizzes: rename, duplicate for another class, archive, delete, reopen,
change the time limit. The clock is passed in; the caller checks ownership."""
from __future__ import annotations

from datetime import datetime

from .extensions import db
from .models import Accommodation, Answer, Attempt, PublishedQuiz, RosterEntry
from .publishing import _new_code, new_seed, opaque_id

MAX_TITLE = 200


def rename(quiz: PublishedQuiz, title: str) -> None:
    quiz.title = " ".join(title.split())[:MAX_TITLE]
    db.session.commit()


def duplicate(quiz: PublishedQuiz, now: datetime) -> PublishedQuiz:
    """The same article and questions for another class: a new code, new question ids and seed,
    open, with no attempt, class list or extra time of the original."""
    questions = [{**question, "id": opaque_id()} for question in quiz.questions]
    copy = PublishedQuiz(code=_new_code(), owner_id=quiz.owner_id, title=quiz.title, language=quiz.language,
                         article_text=quiz.article_text, source=quiz.source, passages=list(quiz.passages),
                         questions=questions, seed=new_seed(), time_limit_seconds=quiz.time_limit_seconds,
                         on_expiry=quiz.on_expiry, grace_seconds=quiz.grace_seconds,
                         review_policy=quiz.review_policy, created_at=now)
    db.session.add(copy)
    db.session.commit()
    return copy


def archive(quiz: PublishedQuiz, archived: bool, now: datetime) -> None:
    quiz.archived_at = now if archived else None
    db.session.commit()


def delete(quiz: PublishedQuiz) -> int:
    """The quiz and everything students left in it; how many attempts went with it."""
    attempt_ids = db.select(Attempt.id).filter(Attempt.quiz_id == quiz.id)
    count = db.session.execute(db.select(db.func.count()).select_from(attempt_ids.subquery())).scalar()
    db.session.execute(db.delete(Answer).where(Answer.attempt_id.in_(attempt_ids)))
    for model in (Attempt, Accommodation, RosterEntry):
        db.session.execute(db.delete(model).where(model.quiz_id == quiz.id))
    db.session.delete(quiz)
    db.session.commit()
    return count


def reopen(quiz: PublishedQuiz, now: datetime) -> None:
    """Students can join again; attempts already handed in stay handed in."""
    quiz.closed_at = None
    if quiz.closes_at is not None and quiz.closes_at <= now:
        quiz.closes_at = None
    db.session.commit()


def change_time_limit(quiz: PublishedQuiz, seconds: int | None) -> int:
    """The new limit for students who join from now on; how many attempts under way keep theirs."""
    quiz.time_limit_seconds = seconds
    db.session.commit()
    return db.session.execute(db.select(db.func.count(Attempt.id))
                              .filter(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_(None))).scalar()
