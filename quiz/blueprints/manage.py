"""Managing one's quizzes: a title of its own, a copy for another class, archive, delete,
reopen, a new time limit. Every route is the owner's alone (another teacher's quiz is a 404)."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from .. import managing
from ..forms import whole_number
from .teach import owned_quiz_or_404, quiz_page_with

bp = Blueprint("manage", __name__, url_prefix="/teach")

MAX_LIMIT_MINUTES = 600


def _now():
    return current_app.config["CLOCK"]()


@bp.post("/quiz/<code>/title")
@login_required
def rename(code: str):
    quiz = owned_quiz_or_404(code)
    title = " ".join((request.form.get("title") or "").split())
    if not title or len(title) > managing.MAX_TITLE:
        return quiz_page_with(quiz, manage_errors={"title": _("Type a title of 1 to %(max)s characters.",
                                                             max=managing.MAX_TITLE)}, status=400)
    managing.rename(quiz, title)
    flash(_("Title saved."), "success")
    return redirect(url_for("teach.quiz_page", code=quiz.code))


@bp.post("/quiz/<code>/duplicate")
@login_required
def duplicate(code: str):
    copy = managing.duplicate(owned_quiz_or_404(code), _now())
    flash(_("A copy with its own code: give it to another class. Its results start empty."), "success")
    return redirect(url_for("teach.quiz_page", code=copy.code))


@bp.post("/quiz/<code>/archive")
@login_required
def archive(code: str):
    quiz = owned_quiz_or_404(code)
    archived = request.form.get("archived") == "1"
    managing.archive(quiz, archived, _now())
    flash(_("Archived: the quiz is out of your list, its results are kept.") if archived
          else _("The quiz is back in your list."), "success")
    return redirect(url_for("teach.quiz_page", code=quiz.code))


@bp.post("/quiz/<code>/delete")
@login_required
def delete(code: str):
    quiz = owned_quiz_or_404(code)
    if (request.form.get("confirm_code") or "").strip().upper() != quiz.code:
        return quiz_page_with(quiz, manage_errors={"delete": _("Type the quiz's code to confirm.")}, status=400)
    count = managing.delete(quiz)
    flash(ngettext("Quiz deleted, with %(num)d student's attempt.", "Quiz deleted, with %(num)d students' attempts.",
                   count), "success")
    return redirect(url_for("teach.dashboard"))


@bp.post("/quiz/<code>/reopen")
@login_required
def reopen(code: str):
    quiz = owned_quiz_or_404(code)
    managing.reopen(quiz, _now())
    flash(_("The quiz is open again: students can join. Those who handed in stay handed in."), "success")
    return redirect(url_for("teach.quiz_page", code=quiz.code))


@bp.post("/quiz/<code>/time-limit")
@login_required
def time_limit(code: str):
    quiz = owned_quiz_or_404(code)
    raw = (request.form.get("time_limit_minutes") or "").strip()
    minutes = None if raw == "" else whole_number(raw, 1, MAX_LIMIT_MINUTES)
    if raw and minutes is None:
        return quiz_page_with(quiz, manage_errors={"time_limit": _("Type a whole number of minutes from 1 to %(max)s, "
                                                                  "or leave it empty for no limit.",
                                                                  max=MAX_LIMIT_MINUTES)}, status=400)
    running = managing.change_time_limit(quiz, None if minutes is None else minutes * 60)
    flash(ngettext("Saved for students who join from now on; %(num)d quiz under way keeps the time it started with.",
                   "Saved for students who join from now on; %(num)d quizzes under way keep the time they started with.",
                   running), "success")
    return redirect(url_for("teach.quiz_page", code=quiz.code))
