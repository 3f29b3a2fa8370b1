"""How much heavy work one teacher may start: analysing an article (spaCy over every
passage) and laying out a PDF (WeasyPrint). Pure rules over what the database says is running
and what started lately; nothing here reads the system clock (callers pass `now`).

Without a limit, a teacher who clicks "Preview" ten times in a row, or prints class sets in
several tabs, ties up every worker process while students wait for their autosaves.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

WINDOW = timedelta(minutes=1)
# A slot held longer than this belongs to a worker that died mid-job (gunicorn restarts a stuck
# worker after 60 s): the teacher is not blocked for ever by a job nobody is running.
STALE_AFTER = timedelta(minutes=2)
# Nobody knows when a running job ends; a few seconds is what an analysis or a PDF takes.
BUSY_RETRY_SECONDS = 5


@dataclass(frozen=True)
class HeavyLimits:
    at_once: int = 1        # heavy jobs one teacher may have running at the same time
    per_minute: int = 10    # heavy jobs one teacher may start in any minute


def stale_before(now: datetime) -> datetime:
    """A job started before this instant no longer holds its slot."""
    return now - STALE_AFTER


def seconds_to_wait(recent_starts: Sequence[datetime], now: datetime, limits: HeavyLimits) -> int | None:
    """None when one more job may start now; else the whole seconds until the oldest start
    that matters leaves the one-minute window."""
    within = sorted(at for at in recent_starts if at > now - WINDOW)
    if len(within) < limits.per_minute:
        return None
    leaves_at = within[len(within) - limits.per_minute] + WINDOW
    return max(1, math.ceil((leaves_at - now).total_seconds()))
