"""Limits counted in the database so that all workers and hosts agree: failed logins (per
client address and per account), and counted events such as new attempts and wrong codes.
The clock is passed in."""
from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, delete, func, insert, select

from .extensions import db
from .models import LoginFailure, RateEvent

WINDOW = timedelta(minutes=1)
# Refused for a minute: 5 wrong passwords for one account from one address, or 20 from one
# address whatever the accounts. Never refused for the account as a whole: anyone could then
# lock a teacher out by failing on purpose. Guessing one account from many addresses is slowed
# instead: past 10 failures a minute, every try at that account waits a little longer.
LIMITS = {"pair": 5, "address": 20}
SLOW_AFTER = 10
STEP_SECONDS = 0.25
MAX_DELAY_SECONDS = 3.0
KEEP = timedelta(hours=1)


def keys(address: str, email: str) -> dict[str, str]:
    return {"pair": f"pair:{address}|{email}"[:200], "address": f"address:{address}",
            "account": f"account:{email}"[:200]}


def _failures(key: str, now: datetime) -> int:
    return db.session.execute(db.select(db.func.count(LoginFailure.id))
                              .filter(LoginFailure.key == key, LoginFailure.at > now - WINDOW)).scalar()


def refused(address: str, email: str, now: datetime) -> bool:
    """True when this address has failed too often, for this account or for any."""
    named = keys(address, email)
    return any(_failures(named[kind], now) >= limit for kind, limit in LIMITS.items())


def delay_seconds(address: str, email: str, now: datetime) -> float:
    """How long a try at this account waits: 0 until many failures, from anywhere, this minute."""
    return delay_for(_failures(keys(address, email)["account"], now))


def delay_for(failures: int) -> float:
    return min(MAX_DELAY_SECONDS, STEP_SECONDS * max(0, failures - SLOW_AFTER))


def record_failure(address: str, email: str, now: datetime) -> None:
    for key in keys(address, email).values():
        db.session.add(LoginFailure(key=key, at=now))
    # Old failures tell nothing any more: the table stays small without a scheduler.
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.at < now - KEEP))
    db.session.commit()


# --- counted events (new attempts, wrong codes) ---------------------------------------

EVENT_KEEP = timedelta(hours=1)


def count(key: str, since: datetime) -> int:
    return db.session.execute(_statements()["count"], {"key": key[:200], "since": since}).scalar()


def record(key: str, now: datetime) -> None:
    """Count one event; committed with the caller's transaction. Rows older than an hour go."""
    statements = _statements()
    db.session.execute(statements["insert"], {"key": key[:200], "at": now})
    db.session.execute(statements["forget"], {"before": now - EVENT_KEEP})


@lru_cache(maxsize=1)
def _statements() -> dict:
    """Built once with bound parameters, on the table (no ORM object to flush): every join and
    every join page counts here, and building the statements per call (with their cache keys)
    cost more than running them."""
    events = RateEvent.__table__
    return {"count": select(func.count(events.c.id)).where(events.c.key == bindparam("key"),
                                                           events.c.at > bindparam("since")),
            "insert": insert(events).values(key=bindparam("key"), at=bindparam("at")),
            "forget": delete(events).where(events.c.at < bindparam("before"))}
