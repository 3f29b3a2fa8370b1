"""Heavy work per teacher — analysing an article, laying out a PDF — limited in the database,
so that every worker process and host counts the same jobs (`mlquiz run --workers 2`).

A teacher has `at_once` slots (HeavyJob rows keyed by teacher and slot number): a job runs only
in a slot it inserted, and the primary key refuses a second insert into a held slot, whatever
worker tries it. Jobs started are counted as RateEvent rows for `per_minute`. The rules
themselves (stale slots, the seconds to wait) are pure, in heavy_limits.py.
"""
from __future__ import annotations

import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, ContextManager, Iterator

from flask import current_app
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from .extensions import db
from .heavy_limits import BUSY_RETRY_SECONDS, WINDOW, HeavyLimits, seconds_to_wait, stale_before
from .models import HeavyJob, RateEvent
from .throttle import EVENT_KEEP

JOBS = HeavyJob.__table__
EVENTS = RateEvent.__table__

# What a teacher is told while a job of theirs runs, by the kind of job that is running.
BUSY_MESSAGES: dict[str, Callable[[], str]] = {
    "analysis": lambda: _("You are already analysing an article; wait for it to finish, then try again."),
    "print": lambda: _("You are already printing a worksheet; wait for it to finish, then try again."),
}


class HeavyWorkRefused(Exception):
    """Not now: `running` is the kind of the teacher's job still running (None: the minute's
    quota is used up), `retry_after` the seconds to wait."""

    def __init__(self, running: str | None, retry_after: int):
        super().__init__(running or "per-minute limit")
        self.running = running
        self.retry_after = retry_after

    def message(self) -> str:
        if self.running is not None:
            return BUSY_MESSAGES[self.running]()
        return _("You have started many analyses and printouts in the last minute: wait %(seconds)s seconds, "
                 "then try again.", seconds=self.retry_after)


@dataclass(frozen=True)
class Slot:
    teacher_id: int
    number: int
    token: str


def limits_of(config) -> HeavyLimits:
    return HeavyLimits(at_once=max(1, config["HEAVY_AT_ONCE"]), per_minute=max(1, config["HEAVY_PER_MINUTE"]))


@contextmanager
def heavy_job(teacher_id: int, kind: str, now: datetime, limits: HeavyLimits) -> Iterator[Slot]:
    """Run the block as one of the teacher's heavy jobs, or raise HeavyWorkRefused."""
    slot = claim(teacher_id, kind, now, limits)
    try:
        yield slot
    finally:
        release(slot)


def for_current_teacher(kind: str) -> Callable[[], ContextManager]:
    """What a view hands to the code that does the heavy work: called when that work starts
    (a cached analysis never calls it), with the app's clock and limits."""
    config = current_app.config
    teacher_id = current_user.id
    return lambda: heavy_job(teacher_id, kind, config["CLOCK"](), limits_of(config))


def claim(teacher_id: int, kind: str, now: datetime, limits: HeavyLimits) -> Slot:
    """A free slot of the teacher's, then one more start this minute; each step is committed
    at once, on its own connection, so that every other worker sees it."""
    if kind not in BUSY_MESSAGES:   # every kind of heavy job says what it is while it runs
        raise ValueError(f"unknown kind of heavy job: {kind!r}")
    token = secrets.token_hex(16)
    number = next((n for n in range(limits.at_once) if _take(teacher_id, n, kind, token, now)), None)
    if number is None:
        raise HeavyWorkRefused(_running_kind(teacher_id) or kind, BUSY_RETRY_SECONDS)
    slot = Slot(teacher_id, number, token)
    # Counted while holding the slot: with one slot, two starts never read the count together.
    wait = _count_start(teacher_id, now, limits)
    if wait is not None:
        release(slot)
        raise HeavyWorkRefused(None, wait)
    return slot


def release(slot: Slot) -> None:
    with db.engine.begin() as connection:
        connection.execute(delete(JOBS).where(JOBS.c.teacher_id == slot.teacher_id, JOBS.c.slot == slot.number,
                                              JOBS.c.token == slot.token))


def _take(teacher_id: int, number: int, kind: str, token: str, now: datetime) -> bool:
    """Insert the slot's row; if it is held, take it over only when its job is stale."""
    values = {"kind": kind, "token": token, "started_at": now}
    try:
        with db.engine.begin() as connection:
            connection.execute(insert(JOBS).values(teacher_id=teacher_id, slot=number, **values))
        return True
    except IntegrityError:
        pass
    with db.engine.begin() as connection:
        taken = connection.execute(update(JOBS).where(
            JOBS.c.teacher_id == teacher_id, JOBS.c.slot == number, JOBS.c.started_at < stale_before(now)).values(**values))
    return taken.rowcount == 1


def _running_kind(teacher_id: int) -> str | None:
    with db.engine.connect() as connection:
        return connection.execute(select(JOBS.c.kind).where(JOBS.c.teacher_id == teacher_id)
                                  .order_by(JOBS.c.started_at).limit(1)).scalar()


def _count_start(teacher_id: int, now: datetime, limits: HeavyLimits) -> int | None:
    """Seconds to wait if the minute's starts are used up; else the start is recorded."""
    key = f"heavy:{teacher_id}"
    with db.engine.begin() as connection:
        starts = connection.execute(select(EVENTS.c.at).where(EVENTS.c.key == key, EVENTS.c.at > now - WINDOW)).scalars().all()
        wait = seconds_to_wait(starts, now, limits)
        if wait is None:
            connection.execute(insert(EVENTS).values(key=key, at=now))
            connection.execute(delete(EVENTS).where(EVENTS.c.at < now - EVENT_KEEP))
    return wait
