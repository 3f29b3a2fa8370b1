"""Who may start or resume which attempt. A typed name is not an identity: an attempt is
resumed only by the browser that holds its secret token, by its owner on another device
with the resume code the quiz page showed them, by a student on the class list with the
personal code printed for them, or once after the teacher let the student in again.
A name already taken is refused, new attempts are rate limited per address, and every
rule here takes the clock as an argument."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import bindparam

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from . import throttle
from .attempts import AttemptError, TooLate, close_if_overdue
from .extensions import db
from .models import Accommodation, Attempt, PublishedQuiz, RosterEntry
from .names import clean_name, student_key

# Read aloud and typed on a phone: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RESUME_CODE_LENGTH = 6
READMIT_FOR = timedelta(minutes=15)
SAME_FORM_FOR = timedelta(minutes=2)
JOIN_WINDOW = timedelta(minutes=1)
# Wrong resume or personal codes from one address for one quiz, per 10 minutes: 31^6 codes
# make guessing hopeless at that pace.
WRONG_CODES = 10
WRONG_CODE_WINDOW = timedelta(minutes=10)


class NameTaken(AttemptError):
    """Someone already joined with this name, and nothing proves this is them."""


class NotOnRoster(AttemptError):
    pass


class WrongCode(AttemptError):
    """The resume code or the personal code does not match."""


class TooManyJoins(AttemptError):
    """Too many new attempts or wrong codes from one address: wait a minute."""


class AlreadyJoined(AttemptError):
    """This browser is taking the quiz under another name."""

    def __init__(self, attempt: Attempt):
        super().__init__("already joined")
        self.attempt = attempt


@dataclass(frozen=True)
class JoinRequest:
    name: str
    address: str = ""
    held_token: str | None = None      # the token this browser holds for this quiz, if any
    resume_code: str = ""
    personal_code: str = ""
    nonce: str = ""                    # the join form's own random value: a double click sends it twice
    joins_per_minute: int | None = 60  # None: no limit (tests, a load benchmark)


def new_code(length: int = RESUME_CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def typed_code(raw: str) -> str:
    """What a student types ("k7q-x2m ") → "K7QX2M"."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:12]


def join(quiz: PublishedQuiz, request: JoinRequest, now: datetime) -> Attempt:
    """The attempt this request may take: resumed, taken over, or new. Raises BadName,
    NameTaken, NotOnRoster, WrongCode, TooManyJoins, AlreadyJoined or TooLate."""
    name = clean_name(request.name)
    key = student_key(name)
    held = _held_attempt(quiz, request.held_token)
    if held is not None and held.student_key == key:
        close_if_overdue(held, now)
        return held
    if held is not None and held.submitted_at is None:
        raise AlreadyJoined(held)
    entry = _roster_entry(quiz, key)
    if quiz.roster_mode and entry is None:
        raise NotOnRoster(key)
    if quiz.roster_mode == "codes" and typed_code(request.personal_code) != entry.code:
        _count_wrong_code(quiz, request.address, now)
        raise WrongCode("personal")
    existing = _attempt_named(quiz, key)
    if existing is None:
        return _start(quiz, entry.name if entry else name, key, request, now)
    if _same_form(existing, request, now):
        return existing
    if _may_take_over(existing, request, now):
        return _hand_over(existing, now)
    if request.resume_code:
        _count_wrong_code(quiz, request.address, now)
        raise WrongCode("resume")
    raise NameTaken(key)


def readmit(attempt: Attempt, now: datetime) -> None:
    """The teacher lets this student in again: their next join, on any device, takes the attempt."""
    attempt.rejoin_until = now + READMIT_FOR
    db.session.commit()


def _held_attempt(quiz: PublishedQuiz, token: str | None) -> Attempt | None:
    if not token:
        return None
    return db.session.execute(_lookup(Attempt, "token"), {"quiz_id": quiz.id, "value": token}).scalar_one_or_none()


def _roster_entry(quiz: PublishedQuiz, key: str) -> RosterEntry | None:
    if not quiz.roster_mode:
        return None
    return db.session.execute(_lookup(RosterEntry, "student_key"), {"quiz_id": quiz.id, "value": key}).scalar_one_or_none()


def _attempt_named(quiz: PublishedQuiz, key: str) -> Attempt | None:
    return db.session.execute(_lookup(Attempt, "student_key"), {"quiz_id": quiz.id, "value": key}).scalar_one_or_none()


@lru_cache(maxsize=None)
def _lookup(model, column: str):
    """`model` of the quiz whose `column` is the value: built once with bound parameters (every
    join runs three or four of these; building each, with its cache key, cost about what
    running it costs)."""
    return db.select(model).where(model.quiz_id == bindparam("quiz_id"), getattr(model, column) == bindparam("value"))


def _same_form(attempt: Attempt, request: JoinRequest, now: datetime) -> bool:
    """The form that started this attempt, sent again moments later (a double click, a
    retried request): the same browser, which did not receive its token yet."""
    return (bool(request.nonce) and attempt.join_nonce == request.nonce[:32]
            and now - attempt.started_at <= SAME_FORM_FOR)


def _may_take_over(attempt: Attempt, request: JoinRequest, now: datetime) -> bool:
    """The resume code shown to its owner, the personal code already checked, or the teacher's leave."""
    if attempt.resume_code and typed_code(request.resume_code) == attempt.resume_code:
        return True
    if attempt.quiz.roster_mode == "codes":
        return True
    return attempt.rejoin_until is not None and attempt.rejoin_until > now


def _hand_over(attempt: Attempt, now: datetime) -> Attempt:
    """This browser takes the attempt: a new token (the old device is signed out of it) and a
    new resume code, so that a code read over a shoulder works once at most."""
    attempt.token = secrets.token_urlsafe(24)
    attempt.resume_code = new_code()
    attempt.rejoin_until = None
    db.session.commit()
    close_if_overdue(attempt, now)
    return attempt


def _start(quiz: PublishedQuiz, name: str, key: str, request: JoinRequest, now: datetime) -> Attempt:
    if quiz.closed_at is not None and quiz.closed_at <= now:
        raise TooLate("closed")
    if request.joins_per_minute is not None:
        join_key = f"join:{quiz.id}:{request.address}"
        if throttle.count(join_key, now - JOIN_WINDOW) >= request.joins_per_minute:
            raise TooManyJoins("joins")
        throttle.record(join_key, now)
    attempt = Attempt(quiz_id=quiz.id, student_name=name, student_key=key, token=secrets.token_urlsafe(24),
                      resume_code=new_code(), join_nonce=request.nonce[:32], started_at=now,
                      own_limit=True, time_limit_seconds=quiz.time_limit_seconds)
    granted = db.session.execute(_lookup(Accommodation, "student_key"), {"quiz_id": quiz.id, "value": key}).scalar_one_or_none()
    if granted is not None:
        attempt.extra_multiplier, attempt.extra_seconds, attempt.unlimited = \
            granted.multiplier, granted.extra_seconds, granted.unlimited
    db.session.add(attempt)
    token = attempt.token
    try:
        db.session.commit()
    except IntegrityError:
        # The same name joined at the same instant (a double click, or two workers): the first
        # stored is the attempt, and it is this browser's only if the same form sent both.
        db.session.rollback()
        existing = _attempt_named(quiz, key)
        if existing is not None and _same_form(existing, request, now):
            return existing
        raise NameTaken(key) from None
    # The commit expired the attempt: the view reads its token for the cookie, which would
    # load the whole row again. The token is the one just stored.
    set_committed_value(attempt, "token", token)
    return attempt


def _count_wrong_code(quiz: PublishedQuiz, address: str, now: datetime) -> None:
    key = f"code:{quiz.id}:{address}"
    if throttle.count(key, now - WRONG_CODE_WINDOW) >= WRONG_CODES:
        raise TooManyJoins("codes")
    throttle.record(key, now)
    db.session.commit()
