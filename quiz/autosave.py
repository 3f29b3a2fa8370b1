"""The autosave's short path: every answer a student picks comes here, so it reads only what
deciding needs, as plain columns (no ORM objects, no quiz text, no questions' JSON).

It handles the common case only: an open attempt, before its deadline. Anything else (no such
attempt, time up, handed in, a grace period) returns None and the caller takes the full path
(`attempts.save_answer`), which finishes an overdue attempt and says why an answer is refused.
The guarantees stay in the one statement both paths run (`attempts.store_if_open`): an answer
is stored only while the attempt row, read FOR SHARE, is not submitted.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from threading import Lock

from sqlalchemy import bindparam, select

from . import attempts, timing
from .extensions import db
from .models import Attempt, PublishedQuiz


@dataclass(frozen=True)
class Saved:
    seconds_left: int | None
    phase: str


def save_if_open(code: str, token: str, question_id: str, choices: list, text, now: datetime) -> Saved | None:
    """Store the answer and return what the page shows, or None for the full path.
    BadAnswer (from attempts.checked_answer) for an answer the question cannot take."""
    # On a connection of its own, outside the ORM session: Core statements need none of the
    # session's machinery (its transaction bookkeeping cost more than the two statements), and
    # closing the connection without a commit rolls back.
    with db.engine.connect() as connection:
        row = connection.execute(_attempt_row(), {"code": code, "token": token}).first()
        if row is None or row.submitted_at is not None:
            return None
        settings = attempts.attempt_settings(attempts.settings_of(row), row.own_limit, row.own_seconds)
        ends = timing.deadline(row.started_at, settings, attempts.accommodation_of(row))
        if timing.phase(ends, settings, now) != "open":
            return None
        counts = choice_counts(connection, row.quiz_id, row.code, row.created_at)
        if question_id not in counts:
            raise attempts.BadAnswer("question")
        choices, text = attempts.checked_answer(counts[question_id], choices, text)
        if not attempts.store_if_open(row.attempt_id, question_id, choices, text, now, connection=connection):
            return None      # handed in meanwhile: the full path says so
        connection.commit()
    return Saved(seconds_left=timing.seconds_left(ends, now), phase="open")


@lru_cache(maxsize=1)
def _attempt_row():
    """Built once, with bound parameters (building a statement per request costs more than running it).
    The quiz's and attempt's columns keep their names, so attempts.settings_of and
    accommodation_of read the row as they read the objects."""
    a, q = Attempt.__table__.c, PublishedQuiz.__table__.c
    return (select(a.id.label("attempt_id"), a.started_at, a.submitted_at, a.extra_multiplier, a.extra_seconds,
                   a.unlimited, a.own_limit, a.time_limit_seconds.label("own_seconds"),
                   q.id.label("quiz_id"), q.code, q.created_at, q.time_limit_seconds, q.on_expiry,
                   q.grace_seconds, q.closes_at, q.closed_at)
            .join_from(Attempt.__table__, PublishedQuiz.__table__, a.quiz_id == q.id)
            .where(q.code == bindparam("code"), a.token == bindparam("token")))


# A published quiz's questions never change (publishing freezes them; a copy is a new quiz),
# so each process keeps how many choices each question has. The key has the quiz's code and
# creation time besides its id: SQLite may give a deleted quiz's id to the next one.
CACHED_QUIZZES = 256
_counts: OrderedDict[tuple, dict[str, int]] = OrderedDict()
_counts_lock = Lock()


def choice_counts(connection, quiz_id: int, code: str, created_at: datetime) -> dict[str, int]:
    """{question id: number of choices} (0 for a written question)."""
    key = (quiz_id, code, created_at)
    with _counts_lock:
        if key in _counts:
            _counts.move_to_end(key)
            return _counts[key]
    questions = connection.execute(select(PublishedQuiz.__table__.c.questions)
                                   .where(PublishedQuiz.__table__.c.id == quiz_id)).scalar_one()
    counts = {question["id"]: len(question["choices"]) for question in questions}
    with _counts_lock:
        _counts[key] = counts
        while len(_counts) > CACHED_QUIZZES:
            _counts.popitem(last=False)
    return counts
