"""The room as the teacher sees it while a quiz runs: who has joined, how far each student
is, time left, who has handed in. Read from the database on every call, so any worker serves
it, and in one query however many students there are (the page asks every few seconds).
Nothing here writes: an attempt past its deadline shows as "time is up" until the next save,
submit or results page closes it."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from flask_babel import format_decimal
from flask_babel import gettext as _

from . import timing
from .attempts import attempt_settings, settings_of
from .extensions import db
from .models import Answer, Attempt, PublishedQuiz


@dataclass(frozen=True)
class StudentNow:
    id: int
    name: str
    answered: int
    phase: str                 # open | grace | closed (time is up) | submitted
    seconds_left: int | None   # None: no limit, or handed in
    extra: str                 # extra time granted, in words ("" if none)
    score: int | None


def describe_extra(multiplier: float, extra_seconds: int, unlimited: bool) -> str:
    if unlimited:
        return _("no time limit")
    parts = []
    if multiplier and multiplier != 1:
        parts.append(_("time × %(factor)s", factor=format_decimal(multiplier)))
    if extra_seconds:
        parts.append(_("+ %(minutes)s min", minutes=extra_seconds // 60))
    return ", ".join(parts)


def students_now(quiz: PublishedQuiz, now: datetime) -> list[StudentNow]:
    # Only this quiz's answers are counted (the view is asked every few seconds by every
    # teacher watching: counting every quiz's answers grew with the whole database).
    answered = (db.select(Answer.attempt_id, db.func.count(Answer.id).label("n"))
                .join(Attempt, Attempt.id == Answer.attempt_id).filter(Attempt.quiz_id == quiz.id)
                .group_by(Answer.attempt_id).subquery())
    rows = db.session.execute(
        db.select(Attempt.id, Attempt.student_name, Attempt.started_at, Attempt.submitted_at, Attempt.score,
                  Attempt.extra_multiplier, Attempt.extra_seconds, Attempt.unlimited, Attempt.own_limit,
                  Attempt.time_limit_seconds, db.func.coalesce(answered.c.n, 0))
        .outerjoin(answered, answered.c.attempt_id == Attempt.id)
        .filter(Attempt.quiz_id == quiz.id).order_by(Attempt.started_at, Attempt.id)).all()
    settings = settings_of(quiz)
    extras: dict[tuple, str] = {}   # most students share the same accommodation: worded once
    students = []
    for (attempt_id, name, started_at, submitted_at, score, multiplier, extra_seconds, unlimited, own_limit,
         limit, count) in rows:
        rules = attempt_settings(settings, own_limit, limit)
        ends = timing.deadline(started_at, rules, timing.Accommodation(multiplier, extra_seconds, unlimited))
        phase = "submitted" if submitted_at is not None else timing.phase(ends, rules, now)
        students.append(StudentNow(id=attempt_id, name=name, answered=int(count), phase=phase,
                                   seconds_left=None if phase == "submitted" else timing.seconds_left(ends, now),
                                   extra=_extra(extras, multiplier, extra_seconds, unlimited),
                                   score=score if submitted_at is not None else None))
    return students


def _extra(words: dict[tuple, str], multiplier: float, extra_seconds: int, unlimited: bool) -> str:
    key = (multiplier, extra_seconds, unlimited)
    if key not in words:
        words[key] = describe_extra(multiplier, extra_seconds, unlimited)
    return words[key]


def snapshot(quiz: PublishedQuiz, now: datetime, closed: bool) -> dict:
    """The live view's JSON: counts first (the projector shows only those), then every student."""
    students = students_now(quiz, now)
    return {"total": len(quiz.questions), "closed": closed,
            "counts": {"joined": len(students),
                       "handed_in": sum(1 for s in students if s.phase == "submitted"),
                       "working": sum(1 for s in students if s.phase in ("open", "grace"))},
            "students": [asdict(s) for s in students]}
