"""The autosave's short path: every answer a student picks comes here, so it reads only what
deciding needs, as plain columns (no ORM objects, no quiz text, no questions' JSON).

It handles the common case only: an open attempt, before its deadline. Anything else (no such
attempt, time up, handed in, a grace period) returns None and the caller takes the full path
(`attempts.save_answer`), which finishes an overdue attempt and says why an answer is refused.
The guarantees stay in the one statement both paths run (`attempts.store_if_open`): an answer
is stored only while the attempt row, read FOR SHARE, is not submitted. A student's later saves
on the same worker skip the read: the row kept from the first goes into the statement's own
condition (`_guarded_upsert`), which stores nothing if the attempt was handed in, taken over by
another device, or had anything its deadline depends on changed; the row is then read again.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from threading import Lock

from sqlalchemy import bindparam, select

from . import attempts, driver_statement, timing
from .driver_statement import DriverStatement
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
        known = _known_row(code, token)
        if known is not None:
            # The attempt's row as this process last read it: one statement stores the answer
            # only if the row still holds what the deadline below was computed from.
            saved = _save(connection, known, token, question_id, choices, text, now, guarded=True)
            if saved is not None:
                return saved
            _forget(code, token)      # changed (extra time, a closing, a new device, handed in): read it again
        row = connection.execute(_attempt_row(), {"code": code, "token": token}).first()
        if row is None or row.submitted_at is not None:
            return None
        saved = _save(connection, row, token, question_id, choices, text, now, guarded=False)
        if saved is not None:
            _remember(code, token, row)
        return saved


def _save(connection, row, token: str, question_id: str, choices: list, text, now: datetime,
          guarded: bool) -> Saved | None:
    settings = attempts.attempt_settings(attempts.settings_of(row), row.own_limit, row.own_seconds)
    ends = timing.deadline(row.started_at, settings, attempts.accommodation_of(row))
    if timing.phase(ends, settings, now) != "open":
        return None
    counts = choice_counts(connection, row.quiz_id, row.code, row.created_at)
    if question_id not in counts:
        raise attempts.BadAnswer("question")
    choices, text = attempts.checked_answer(counts[question_id], choices, text)
    if guarded:
        stored = _guarded_upsert(connection.dialect).first(
            connection, {**_deadline_inputs(row), "token": token, "question_id": question_id,
                         "choices": choices, "text": text, "saved_at": now}) is not None
    else:
        stored = attempts.store_if_open(row.attempt_id, question_id, choices, text, now, connection=connection)
    if not stored:
        return None      # handed in meanwhile (or, guarded, the row changed): the caller reads it again
    driver_statement.commit(connection)   # SQLAlchemy's transaction, or the driver's when it ran there
    return Saved(seconds_left=timing.seconds_left(ends, now), phase="open")


# Each process keeps the attempt rows it has read (a student's next saves come within seconds).
# A kept row is only ever trusted through _guarded_upsert, which stores the answer in one
# statement only if, at that moment and under the attempt's row lock, the attempt is not
# handed in, this browser's token is still its token, and every column its deadline is
# computed from is unchanged; otherwise nothing is stored and the row is read again.
KEPT_ATTEMPTS = 4096
_rows: OrderedDict[tuple[str, str], object] = OrderedDict()
_rows_lock = Lock()


def _known_row(code: str, token: str):
    with _rows_lock:
        row = _rows.get((code, token))
        if row is not None:
            _rows.move_to_end((code, token))
        return row


def _remember(code: str, token: str, row) -> None:
    with _rows_lock:
        _rows[(code, token)] = row
        while len(_rows) > KEPT_ATTEMPTS:
            _rows.popitem(last=False)


def _forget(code: str, token: str) -> None:
    with _rows_lock:
        _rows.pop((code, token), None)


def _deadline_inputs(row) -> dict:
    """The kept row's values of every column the deadline depends on (started_at never changes)."""
    return {"attempt_id": row.attempt_id, "extra_multiplier": row.extra_multiplier,
            "extra_seconds": row.extra_seconds, "unlimited": row.unlimited, "own_limit": row.own_limit,
            "own_seconds": row.own_seconds, "quiz_seconds": row.time_limit_seconds,
            "closes_at": row.closes_at, "closed_at": row.closed_at}


_guarded_statements: dict[str, DriverStatement] = {}


def _guarded_upsert(dialect) -> DriverStatement:
    """Built and compiled once per database kind; run on the driver's cursor (driver_statement.py):
    the one statement of almost every autosave."""
    found = _guarded_statements.get(dialect.name)
    if found is None:
        found = _guarded_statements[dialect.name] = DriverStatement(_guarded_upsert_statement(dialect.name), dialect)
    return found


def _guarded_upsert_statement(dialect: str):
    """attempts.store_if_open's statement, with the kept row checked in its EXISTS."""
    a, q = Attempt.__table__.c, PublishedQuiz.__table__.c
    unchanged = (select(a.id).join_from(Attempt.__table__, PublishedQuiz.__table__, a.quiz_id == q.id)
                 .where(a.id == bindparam("attempt_id"), a.submitted_at.is_(None), a.token == bindparam("token"),
                        a.extra_multiplier == bindparam("extra_multiplier"),
                        a.extra_seconds == bindparam("extra_seconds"), a.unlimited == bindparam("unlimited"),
                        a.own_limit == bindparam("own_limit"),
                        a.time_limit_seconds.is_not_distinct_from(bindparam("own_seconds")),
                        q.time_limit_seconds.is_not_distinct_from(bindparam("quiz_seconds")),
                        q.closes_at.is_not_distinct_from(bindparam("closes_at")),
                        q.closed_at.is_not_distinct_from(bindparam("closed_at")))
                 .with_for_update(read=True, of=Attempt.__table__))
    return attempts.upsert_where(dialect, unchanged)


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
