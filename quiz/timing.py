"""Deadlines, as pure functions of the attempt and a clock reading.

The server alone decides when time is up (WCAG 2.2.1 accommodations included);
the page's clock is only a display. Nothing here reads the system clock: callers
pass `now`, so tests move time by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

Phase = Literal["open", "grace", "closed"]
# Network latency allowance: an answer sent in the last second still counts.
LATENCY_GRACE = timedelta(seconds=2)


@dataclass(frozen=True)
class Accommodation:
    """Extra time for one student: a multiplier, extra minutes, or no limit at all."""

    multiplier: float = 1.0
    extra_seconds: int = 0
    unlimited: bool = False


@dataclass(frozen=True)
class Settings:
    time_limit_seconds: int | None      # None: no time limit
    on_expiry: Literal["autosubmit", "grace"] = "autosubmit"
    grace_seconds: int = 0              # with "grace": time in which the student can only submit
    closes_at: datetime | None = None   # the teacher's hard close, caps every deadline


def deadline(started_at: datetime, settings: Settings, accommodation: Accommodation = Accommodation()) -> datetime | None:
    """start + limit × accommodation, capped by the quiz's close time; None when unlimited."""
    limit = None
    if settings.time_limit_seconds is not None and not accommodation.unlimited:
        seconds = settings.time_limit_seconds * accommodation.multiplier + accommodation.extra_seconds
        limit = started_at + timedelta(seconds=seconds)
    if settings.closes_at is None:
        return limit
    return settings.closes_at if limit is None else min(limit, settings.closes_at)


def submit_until(ends_at: datetime | None, settings: Settings) -> datetime | None:
    """The last moment a submission is accepted (the grace period, when the quiz has one)."""
    if ends_at is None:
        return None
    grace = timedelta(seconds=settings.grace_seconds) if settings.on_expiry == "grace" else timedelta(0)
    if settings.closes_at is not None and ends_at >= settings.closes_at:
        grace = timedelta(0)  # the teacher's close is final
    return ends_at + grace


def phase(ends_at: datetime | None, settings: Settings, now: datetime) -> Phase:
    """open: answers are saved; grace: the student may only submit; closed: nothing more counts."""
    if ends_at is None or now <= ends_at + LATENCY_GRACE:
        return "open"
    last = submit_until(ends_at, settings)
    if last is not None and now <= last + LATENCY_GRACE:
        return "grace"
    return "closed"


def seconds_left(ends_at: datetime | None, now: datetime) -> int | None:
    if ends_at is None:
        return None
    return max(0, int((ends_at - now).total_seconds()))
