"""Configuration from MLQUIZ_* environment variables, with safe defaults for one laptop."""
from __future__ import annotations

import os
from datetime import datetime, timezone

DEFAULT_SECRET = "dev-only-change-me"


def utc_now() -> datetime:
    """The one real clock. Stored times are naive UTC; tests replace CLOCK in the config."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def from_environment(instance_path: str) -> dict:
    database = os.environ.get("MLQUIZ_DATABASE_URL") or f"sqlite:///{os.path.join(instance_path, 'mlquiz.sqlite')}"
    return {
        "SECRET_KEY": os.environ.get("MLQUIZ_SECRET_KEY", DEFAULT_SECRET),
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
        "BABEL_DEFAULT_LOCALE": "fr",
        "CLOCK": utc_now,
    }


def production_hardening(config: dict) -> None:
    """Behind HTTPS in production, cookies travel only over TLS."""
    if config.get("ENV_NAME") == "production":
        config["SESSION_COOKIE_SECURE"] = True
        config["REMEMBER_COOKIE_SECURE"] = True


def check_production_secret(config: dict) -> None:
    if config.get("ENV_NAME") == "production" and config.get("SECRET_KEY") in (None, "", DEFAULT_SECRET):
        raise RuntimeError("MLQUIZ_SECRET_KEY must be set to a long random value in production")
