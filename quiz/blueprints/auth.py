"""Teacher login. Students have no accounts."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user
from werkzeug.security import check_password_hash

from ..extensions import db, limiter
from ..models import Teacher

bp = Blueprint("auth", __name__)


def _failed_login_only(response) -> bool:
    """Only failed attempts count toward the limit."""
    return response.status_code == 401


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"], deduct_when=_failed_login_only)
def login():
    if request.method == "GET":
        return render_template("pages/login.html")
    email = (request.form.get("email") or "").strip().lower()
    teacher = db.session.execute(db.select(Teacher).filter_by(email=email)).scalar_one_or_none()
    if teacher is None or not check_password_hash(teacher.password_hash, request.form.get("password") or ""):
        flash(_("Wrong email or password."), "error")
        return render_template("pages/login.html", email=email), 401
    login_user(teacher)
    return redirect(url_for("teach.dashboard"))


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("take.home"))
