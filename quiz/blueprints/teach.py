"""Teachers: their quizzes, one quiz's students and extra time, closing, results.
(Making a quiz from an article is `compose`.)

Views stay thin: `quiz.publishing` makes and stores quizzes, `quiz.attempts` decides
deadlines, `quiz.results` computes scores. Time is `current_app.config["CLOCK"]` only.
Every page is the owner's alone: another teacher's quiz is a 404.
"""
from __future__ import annotations

from datetime import timezone
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import attempts, results, room, roster, timing
from ..extensions import db
from ..models import Accommodation, Attempt, PublishedQuiz
from ..forms import whole_number
from ..printing import DEFAULTS as PRINT_DEFAULTS
from ..publishing import by_code, owner_of

bp = Blueprint("teach", __name__, url_prefix="/teach")

MULTIPLIER_RANGE = (1.0, 4.0)
MINUTES_RANGE = (1, 240)


def _now():
    return current_app.config["CLOCK"]()


@bp.app_template_filter("teach_time")
def teach_time(value) -> str:
    """Stored times are naive UTC: shown short, in the school's time zone (MLQUIZ_TIMEZONE) and
    the way the teacher's browser writes dates (en-GB 01/12/2026, en-US 12/1/26, fr 01/12/2026)."""
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_datetime

    moment = value.replace(tzinfo=timezone.utc)
    return babel_datetime(moment, "short", tzinfo=ZoneInfo(current_app.config["TIMEZONE"]), locale=_date_locale())


# The regional ways of writing dates a teacher's browser may ask for, per interface language;
# the first is the default (English without a region is written the British way here).
DATE_LOCALES = {"fr": ["fr_FR", "fr_BE", "fr_CH", "fr_CA"], "en": ["en_GB", "en_US", "en_IE", "en_AU", "en_CA", "en_NZ"]}


def _date_locale() -> str:
    ui = str(get_locale())
    regional = DATE_LOCALES.get(ui, [ui])
    asked = request.accept_languages.best_match([loc.replace("_", "-") for loc in regional])
    return asked.replace("-", "_") if asked else regional[0]


def owned_quiz_or_404(code: str) -> PublishedQuiz:
    quiz = by_code(code)
    if quiz is None or quiz.owner_id != current_user.id:
        abort(404)
    return quiz


def _attempts_of(quiz: PublishedQuiz) -> list[Attempt]:
    """The quiz's attempts, each closed first if its deadline has passed (lazy close)."""
    found = db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id).order_by(Attempt.started_at)).scalars().all()
    now = _now()
    for attempt in found:
        attempts.close_if_overdue(attempt, now)
    return list(found)


def _is_closed(quiz: PublishedQuiz, now) -> bool:
    return any(t is not None and t <= now for t in (quiz.closed_at, quiz.closes_at))


# --- dashboard ---------------------------------------------------------------------

@bp.get("/")
@login_required
def dashboard():
    counts = db.select(Attempt.quiz_id, db.func.count(Attempt.id).label("n")).group_by(Attempt.quiz_id).subquery()
    rows = db.session.execute(
        db.select(PublishedQuiz, db.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.quiz_id == PublishedQuiz.id)
        .filter(PublishedQuiz.owner_id == current_user.id)
        .order_by(PublishedQuiz.created_at.desc(), PublishedQuiz.id.desc())).all()
    now = _now()
    show_archived = request.args.get("archived") == "1"
    quizzes = [{"quiz": quiz, "attempts": n, "closed": _is_closed(quiz, now)} for quiz, n in rows
               if (quiz.archived_at is not None) == show_archived]
    archived = sum(1 for quiz, _n in rows if quiz.archived_at is not None)
    return render_template("pages/teach/dashboard.html", quizzes=quizzes, show_archived=show_archived,
                           archived=archived)


# --- one quiz ---------------------------------------------------------------------

def _attempt_view(attempt: Attempt, now) -> dict:
    current = attempts.phase(attempt, now)
    ends = attempts.ends_at(attempt)
    return {"id": attempt.id, "name": attempt.student_name, "answered": len(attempt.answers),
            "readmit_open": attempt.rejoin_until is not None and attempt.rejoin_until > now,
            "started_at": attempt.started_at, "phase": current,
            "submitted_at": attempt.submitted_at, "auto_submitted": attempt.auto_submitted,
            "handed_in": attempts.handed_in_how(attempt),
            "score": attempt.score, "seconds_left": None if current == "submitted" else timing.seconds_left(ends, now),
            "extra": room.describe_extra(attempt.extra_multiplier, attempt.extra_seconds, attempt.unlimited)}


def quiz_page_with(quiz: PublishedQuiz, form=None, errors=None, status: int = 200, print_form=None, print_errors=None,
                   roster_form=None, roster_errors=None, manage_errors=None):
    """The quiz page; `form`/`errors` are the extra-time form's, `print_*` the print form's,
    `roster_*` the class list's."""
    now = _now()
    found = _attempts_of(quiz)
    granted = db.session.execute(db.select(Accommodation).filter_by(quiz_id=quiz.id)
                                 .order_by(Accommodation.student_key)).scalars().all()
    names = {a.student_key: a.student_name for a in found}   # as the student typed it, once joined
    return render_template(
        "pages/teach/quiz.html", quiz=quiz, closed=_is_closed(quiz, now),
        join_url=url_for("take.join", code=quiz.code, _external=True),
        attempts=[_attempt_view(a, now) for a in found],
        accommodations=[{"key": names.get(g.student_key, g.student_key),
                         "what": room.describe_extra(g.multiplier, g.extra_seconds, g.unlimited)} for g in granted],
        form=form or {}, errors=errors or {},
        print_form={key: (print_form or {}).get(key, value) for key, value in PRINT_DEFAULTS.items()},
        print_errors=print_errors or {}, roster_entries=roster.entries(quiz),
        roster_form=roster_form or {}, roster_errors=roster_errors or {}, manage_errors=manage_errors or {},
        running=sum(1 for a in found if a.submitted_at is None)), status


@bp.get("/quiz/<code>")
@login_required
def quiz_page(code: str):
    return quiz_page_with(owned_quiz_or_404(code))


@bp.post("/quiz/<code>/accommodation")
@login_required
def accommodation(code: str):
    quiz = owned_quiz_or_404(code)
    form = request.form
    name = " ".join((form.get("name") or "").split())
    kind = form.get("kind") or ""
    raw = (form.get("value") or "").strip().replace(",", ".")
    errors = {}
    if not name or len(name) > 80:
        errors["name"] = _("Type the student's name as they type it to join (at most 80 characters).")
    multiplier, extra_seconds, unlimited = 1.0, 0, False
    if kind == "multiplier":
        try:
            multiplier = float(raw)
        except ValueError:
            multiplier = 0.0
        if not MULTIPLIER_RANGE[0] <= multiplier <= MULTIPLIER_RANGE[1]:
            errors["value"] = _("Type a multiplier from 1 to 4, for example 1.5.")
    elif kind == "minutes":
        minutes = whole_number(raw, *MINUTES_RANGE)
        if minutes is None:
            errors["value"] = _("Type a whole number of minutes from 1 to 240.")
        else:
            extra_seconds = minutes * 60
    elif kind == "unlimited":
        unlimited = True
    elif kind != "none":
        errors["kind"] = _("Choose the kind of extra time.")
    if errors:
        return quiz_page_with(quiz, form=form, errors=errors, status=400)

    grant = None if kind == "none" else timing.Accommodation(multiplier, extra_seconds, unlimited)
    outcome, student = attempts.grant_extra_time(quiz, name, grant, _now())
    if outcome == "applied":
        flash(_("Saved. %(name)s's quiz in progress now ends with the new time.", name=student), "success")
    elif outcome == "finished":
        flash(_("Saved, but %(name)s has already finished: their attempt is not reopened.", name=student), "success")
    else:
        flash(_("Saved. %(name)s will get it when they join.", name=student), "success")
    # "#main": the confirmation shows at the top (the form's own "#accommodations" would carry over).
    return redirect(url_for("teach.quiz_page", code=quiz.code) + "#main")


@bp.post("/quiz/<code>/close")
@login_required
def close(code: str):
    quiz = owned_quiz_or_404(code)
    now = _now()
    if quiz.closed_at is None or quiz.closed_at > now:
        quiz.closed_at = now
        db.session.commit()
    for attempt in db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id, submitted_at=None)).scalars():
        attempts.end_at_closing(attempt, now)
    if quiz.review_policy == "after_close":
        flash(_("Quiz closed. Students can now see their answers reviewed."), "success")
    else:
        flash(_("Quiz closed: no new student can join, and attempts still in progress end now."), "success")
    return redirect(url_for("teach.quiz_page", code=quiz.code))


# --- results --------------------------------------------------------------------------

# --- the room, live ---------------------------------------------------------------------

LIVE_POLL_SECONDS = 3


@bp.get("/quiz/<code>/live")
@login_required
def live(code: str):
    """Who has joined, how far each student is, time left, handed in: updated by itself."""
    quiz = owned_quiz_or_404(code)
    now = _now()
    return render_template("pages/teach/live.html", quiz=quiz, state=room.snapshot(quiz, now, _is_closed(quiz, now)),
                           poll_seconds=LIVE_POLL_SECONDS)


@bp.get("/quiz/<code>/live.json")
@login_required
def live_json(code: str):
    """What the watchers of one quiz share for a moment (quiz/live_cache.py) is the response's
    body itself: a poll checks the owner with one small row, and only the poll that refreshes
    the share loads the quiz, reads the room and serializes it (at 1,000 students, loading the
    quiz's questions and encoding the room on every poll cost more than the rest of the poll)."""
    found = owner_of(code)   # the owner is checked before anything shared is read
    if found is None or found[1] != current_user.id:
        abort(404)
    now = _now()
    body = current_app.extensions["mlquiz_live"].get((found[0], str(get_locale())), now, lambda: _live_body(code, now))
    return Response(body, mimetype="application/json", headers={"Cache-Control": "no-store"})


def _live_body(code: str, now) -> bytes:
    quiz = owned_quiz_or_404(code)
    return (current_app.json.dumps(room.snapshot(quiz, now, _is_closed(quiz, now))) + "\n").encode()


@bp.get("/quiz/<code>/projector")
@login_required
def projector(code: str):
    """For the classroom screen: the join code in big letters, the address and a QR code."""
    import segno

    quiz = owned_quiz_or_404(code)
    now = _now()
    join_url = url_for("take.join", code=quiz.code, _external=True)
    qr = segno.make_qr(join_url, error="m").svg_inline(scale=10, omitsize=True, title=_("QR code to join the quiz"))
    return render_template("pages/teach/projector.html", quiz=quiz, join_url=join_url, qr_svg=qr,
                           state=room.snapshot(quiz, now, _is_closed(quiz, now)), poll_seconds=LIVE_POLL_SECONDS)


@bp.get("/quiz/<code>/results")
@login_required
def results_page(code: str):
    quiz = owned_quiz_or_404(code)
    rows = results.student_rows(quiz, _attempts_of(quiz))
    return render_template("pages/teach/results.html", quiz=quiz, rows=rows,
                           stats=results.question_stats(quiz, rows))


@bp.get("/quiz/<code>/results/<int:attempt_id>")
@login_required
def student_result(code: str, attempt_id: int):
    """One student's answers, question by question, beside the key."""
    quiz = owned_quiz_or_404(code)
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.quiz_id != quiz.id:
        abort(404)
    attempts.close_if_overdue(attempt, _now())
    [row] = results.student_rows(quiz, [attempt])
    answers = [{"number": n, "question": q, "answer": results.answer_text(q, row), "correct": row.correct.get(q["id"]),
                "key": results.choices_text(q, q["answer"]) if q["choices"] else ", ".join(q.get("accepted") or [])}
               for n, q in enumerate(quiz.questions, start=1)]
    return render_template("pages/teach/student_result.html", quiz=quiz, row=row, answers=answers)


@bp.get("/quiz/<code>/results.csv")
@login_required
def results_csv(code: str):
    quiz = owned_quiz_or_404(code)
    rows = results.student_rows(quiz, _attempts_of(quiz))
    response = Response(results.csv_text(quiz, rows, str(get_locale()), current_app.config["TIMEZONE"]),
                        mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="mlquiz-{quiz.code}-results.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response
