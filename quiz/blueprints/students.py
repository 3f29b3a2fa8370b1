"""Teachers hold who takes their quiz: the class list (with personal codes to print), letting
a student in again on a new device, removing an attempt or every empty one.
Every page is the owner's alone: another teacher's quiz is a 404."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from .. import joining, roster
from ..names import MAX_NAME
from .teach import owned_quiz_or_404, quiz_page_with

bp = Blueprint("students", __name__, url_prefix="/teach")


def _attempt_or_404(quiz, attempt_id: int):
    attempt = roster.attempt_of(quiz, attempt_id)
    if attempt is None:
        abort(404)
    return attempt


def _back(quiz, anchor: str = "students-heading"):
    return redirect(url_for("teach.quiz_page", code=quiz.code) + f"#{anchor}")


@bp.post("/quiz/<code>/attempt/<int:attempt_id>/readmit")
@login_required
def readmit(code: str, attempt_id: int):
    quiz = owned_quiz_or_404(code)
    attempt = _attempt_or_404(quiz, attempt_id)
    joining.readmit(attempt, current_app.config["CLOCK"]())
    flash(_("%(name)s can join again within 15 minutes, on any device, with the same name: the device they "
            "used before is signed out of the quiz.", name=attempt.student_name), "success")
    return _back(quiz)


@bp.post("/quiz/<code>/attempt/<int:attempt_id>/remove")
@login_required
def remove(code: str, attempt_id: int):
    quiz = owned_quiz_or_404(code)
    attempt = _attempt_or_404(quiz, attempt_id)
    name = attempt.student_name
    roster.remove_attempt(attempt)
    flash(_("%(name)s's attempt and answers are removed; the name is free again.", name=name), "success")
    return _back(quiz)


@bp.post("/quiz/<code>/attempts/remove-empty")
@login_required
def remove_empty(code: str):
    quiz = owned_quiz_or_404(code)
    count = roster.remove_empty_attempts(quiz)
    flash(ngettext("%(num)d attempt without any answer removed.", "%(num)d attempts without any answer removed.",
                   count), "success")
    return _back(quiz)


def _problem_text(problem: roster.RosterProblem) -> str:
    if problem.reason == "too_many":
        return _("A class list holds at most %(max)s names.", max=roster.MAX_ROSTER)
    if problem.reason == "duplicate":
        return _("Line %(line)s: %(name)s is already on the list.", line=problem.line, name=problem.text)
    if problem.detail == "too_long":
        return _("Line %(line)s: a name has at most %(max)s characters.", line=problem.line, max=MAX_NAME)
    return _("Line %(line)s: %(name)s contains invisible characters or letters of mixed alphabets.",
             line=problem.line, name=problem.text)


@bp.post("/quiz/<code>/roster")
@login_required
def set_roster(code: str):
    quiz = owned_quiz_or_404(code)
    text = request.form.get("names") or ""
    mode = request.form.get("mode") or "pick"
    names, problems = roster.parse_names(text)
    errors = {}
    if mode not in roster.MODES:
        errors["mode"] = _("Choose how students join.")
    if problems:
        errors["names"] = " ".join(_problem_text(p) for p in problems[:10])
    if errors:
        return quiz_page_with(quiz, roster_form={"names": text, "mode": mode}, roster_errors=errors, status=400)
    roster.set_roster(quiz, names, mode)
    if names:
        flash(ngettext("Class list saved: %(num)d student.", "Class list saved: %(num)d students.", len(names)),
              "success")
    else:
        flash(_("Class list removed: students type their name again."), "success")
    return _back(quiz, "roster-heading")


@bp.get("/quiz/<code>/codes")
@login_required
def codes(code: str):
    """Slips to cut out: each student's name, personal code, and how to join."""
    quiz = owned_quiz_or_404(code)
    response = current_app.make_response(render_template(
        "pages/teach/codes.html", quiz=quiz, entries=roster.entries(quiz),
        join_url=url_for("take.join", code=quiz.code, _external=True)))
    response.headers["Cache-Control"] = "no-store"
    return response
