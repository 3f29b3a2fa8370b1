"""Configuration from MLQUIZ_* environment variables, with safe defaults for one laptop."""
from __future__ import annotations

import os
import secrets
import time
from datetime import datetime, timezone

DEFAULT_SECRET = "dev-only-change-me"


def utc_now() -> datetime:
    """The one real clock. Stored times are naive UTC; tests replace CLOCK in the config."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def from_environment(instance_path: str) -> dict:
    database = os.environ.get("MLQUIZ_DATABASE_URL") or f"sqlite:///{os.path.join(instance_path, 'mlquiz.sqlite')}"
    return {
        "SECRET_KEY": os.environ.get("MLQUIZ_SECRET_KEY") or instance_secret(instance_path),
        "SQLALCHEMY_DATABASE_URI": database,
        "ENV_NAME": os.environ.get("MLQUIZ_ENV", "development"),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "TRUSTED_PROXIES": int(os.environ.get("MLQUIZ_TRUSTED_PROXIES", "0") or 0),
        # A CSRF token lives as long as the session that holds it (Flask-WTF's default is one
        # hour): a quiz may run for ten hours or without a limit, and every autosave and the
        # final submit carry the token the page was loaded with.
        "WTF_CSRF_TIME_LIMIT": None,
        "RATELIMIT_ENABLED": True,
        # New attempts per quiz from one address per minute: a class behind one school router
        # joins within a minute or two; a script inventing names is stopped.
        "JOINS_PER_MINUTE": int(os.environ.get("MLQUIZ_JOINS_PER_MINUTE", "60") or 60),   # failed-login limits, counted in the database (quiz/throttle.py)
        # Heavy work per teacher (an article's analysis, a PDF), counted in the database so that
        # every worker agrees (quiz/heavy_jobs.py): so many at once, so many started a minute.
        "HEAVY_AT_ONCE": int(os.environ.get("MLQUIZ_HEAVY_AT_ONCE", "1") or 1),
        "HEAVY_PER_MINUTE": int(os.environ.get("MLQUIZ_HEAVY_PER_MINUTE", "10") or 10),
        # A pasted address is fetched from the server: how long it may take, and whether the
        # server's own network may be read (never in production; tests serve pages on loopback).
        "FETCH_TIMEOUT": float(os.environ.get("MLQUIZ_FETCH_TIMEOUT", "10") or 10),
        "FETCH_ALLOW_PRIVATE": os.environ.get("MLQUIZ_FETCH_ALLOW_PRIVATE", "") == "1",
        # Load the language models when a server process starts rather than on the first
        # teacher's article (~14 s on a cold process). `mlquiz run` sets it.
        "PRELOAD_MODELS": os.environ.get("MLQUIZ_PRELOAD_MODELS", "") == "1",
        # Times on teachers' pages are shown in the school's zone (stored in UTC).
        "TIMEZONE": os.environ.get("MLQUIZ_TIMEZONE", "Europe/Paris") or "Europe/Paris",
        # make bench-load: CPU per request by route, written to this folder (off when unset).
        "ROUTE_CPU_LOG": os.environ.get("MLQUIZ_ROUTE_CPU_LOG", ""),
        # The live class view is shared by the teachers watching one quiz for this long, per
        # worker (quiz/live_cache.py); 0 computes it on every poll.
        "LIVE_CACHE_SECONDS": float(os.environ.get("MLQUIZ_LIVE_CACHE_SECONDS", "2") or 0),
        "BABEL_DEFAULT_LOCALE": "fr",
        "CLOCK": utc_now,
        "SLEEP": time.sleep,   # the login delay after many failures on one account (tests record it)
    }


SECRET_FILE = "secret_key"


def instance_secret(instance_path: str) -> str:
    """The session-signing key of this installation when MLQUIZ_SECRET_KEY is not set: random,
    made on first run and kept in instance/ (readable by its owner only), so that no two
    installations share a key and nobody can forge a teacher's cookie from a public default.
    Several workers starting at once agree: the first to create the file wins, the others read it."""
    path = os.path.join(instance_path, SECRET_FILE)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):   # another worker may be writing it this very moment
            with open(path, encoding="ascii") as handle:
                secret = handle.read().strip()
            if secret:
                return secret
            time.sleep(0.01)
        raise RuntimeError(f"{path} is empty: delete it and start again") from None
    secret = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secret + "\n")
    return secret


def production_hardening(config: dict) -> None:
    """Behind HTTPS in production, cookies travel only over TLS."""
    if config.get("ENV_NAME") == "production":
        config["SESSION_COOKIE_SECURE"] = True
        config["REMEMBER_COOKIE_SECURE"] = True


def check_production_secret(config: dict) -> None:
    """In production the key is given explicitly: every host behind a load balancer needs the same."""
    if config.get("ENV_NAME") == "production" and (config.get("SECRET_KEY") in (None, "", DEFAULT_SECRET)
                                                    or not os.environ.get("MLQUIZ_SECRET_KEY")):
        raise RuntimeError("MLQUIZ_SECRET_KEY must be set to a long random value in production")
