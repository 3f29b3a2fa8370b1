"""Limits counted in the database so that all workers and hosts agree: failed logins (per
client address and per account), and counted events such as new attempts and wrong codes.
The clock is passed in."""
from __future__ import annotations

from datetime import datetime, timedelta

from .extensions import db
from .models import LoginFailure, RateEvent

WINDOW = timedelta(minutes=1)
# 5 wrong passwords a minute from one address; 20 a minute against one account from
# anywhere, so that guessing from many addresses is slowed as well.
LIMITS = {"address": 5, "account": 20}
KEEP = timedelta(hours=1)


def keys(address: str, email: str) -> dict[str, str]:
    return {"address": f"address:{address}", "account": f"account:{email}"[:200]}


def refused(address: str, email: str, now: datetime) -> bool:
    """True when one of the limits is already reached for this address or account."""
    since = now - WINDOW
    for kind, key in keys(address, email).items():
        count = db.session.execute(db.select(db.func.count(LoginFailure.id))
                                   .filter(LoginFailure.key == key, LoginFailure.at > since)).scalar()
        if count >= LIMITS[kind]:
            return True
    return False


def record_failure(address: str, email: str, now: datetime) -> None:
    for key in keys(address, email).values():
        db.session.add(LoginFailure(key=key, at=now))
    # Old failures tell nothing any more: the table stays small without a scheduler.
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.at < now - KEEP))
    db.session.commit()


# --- counted events (new attempts, wrong codes) ---------------------------------------

EVENT_KEEP = timedelta(hours=1)


def count(key: str, since: datetime) -> int:
    return db.session.execute(db.select(db.func.count(RateEvent.id))
                              .filter(RateEvent.key == key[:200], RateEvent.at > since)).scalar()


def record(key: str, now: datetime) -> None:
    """Count one event; committed with the caller's transaction. Rows older than an hour go."""
    db.session.add(RateEvent(key=key[:200], at=now))
    db.session.execute(db.delete(RateEvent).where(RateEvent.at < now - EVENT_KEEP))
