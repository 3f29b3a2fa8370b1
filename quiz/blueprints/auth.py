"""Teacher login. Students have no accounts."""
from __future__ import annotations

import secrets
from functools import lru_cache

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import update
from werkzeug.security import check_password_hash, generate_password_hash

from .. import throttle
from ..extensions import db
from ..models import Teacher

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("pages/login.html")
    email = (request.form.get("email") or "").strip().lower()[:200]
    address = request.remote_addr or "unknown"
    now = current_app.config["CLOCK"]()
    limited = current_app.config.get("RATELIMIT_ENABLED", True)
    if limited and throttle.refused(address, email, now):
        flash(_("Too many failed attempts: wait a minute, then try again."), "error")
        return render_template("pages/login.html", email=email), 429, {"Retry-After": "60"}
    if limited:
        current_app.config["SLEEP"](throttle.delay_seconds(address, email, now))
    teacher = db.session.execute(db.select(Teacher).filter_by(email=email)).scalar_one_or_none()
    # The same hash check whether the email exists or not: the time taken tells nothing.
    password_ok = check_password_hash(teacher.password_hash if teacher else _unknown_hash(),
                                      request.form.get("password") or "")
    if teacher is None or not password_ok:
        if limited:
            throttle.record_failure(address, email, now)
        flash(_("Wrong email or password."), "error")
        return render_template("pages/login.html", email=email), 401
    if not teacher.session_token:
        _first_session_token(teacher)
    login_user(teacher)
    return redirect(url_for("teach.dashboard"))


def _first_session_token(teacher: Teacher) -> None:
    """Give the account its session token once: two first logins at the same moment (two
    browsers, two workers) must end with the same token, or the loser's cookie is refused at
    once (make bench-load's teachers on one account were sent back to the login page). Only an
    empty token is replaced, in one statement; then everyone reads the one that was stored."""
    db.session.execute(update(Teacher).where(Teacher.id == teacher.id, Teacher.session_token == "")
                       .values(session_token=secrets.token_hex(16)))
    db.session.commit()
    db.session.refresh(teacher)


@bp.post("/logout")
@login_required
def logout():
    """Ends the session on the server: a new token makes every copy of the cookie worthless
    (the teacher's other browsers are logged out too)."""
    current_user.session_token = secrets.token_hex(16)
    db.session.commit()
    logout_user()
    return redirect(url_for("take.home"))


@lru_cache(maxsize=1)
def _unknown_hash() -> str:
    """A hash of a random password, checked when the email is unknown (never matches)."""
    return generate_password_hash(secrets.token_hex(16))
