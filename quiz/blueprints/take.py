"""Students: join with a code and a name, answer, submit, review.

Views stay thin: `quiz.attempts` decides what counts, with the server's clock
(`current_app.config["CLOCK"]`). Before submission a page only ever sees a question's
public part (prompt, choices, display) — never its answer, explanation or citations.
"""
from __future__ import annotations

import json

import functools
import secrets
from datetime import timedelta

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import Text, cast
from sqlalchemy.orm import contains_eager, defer

from .. import attempts, autosave, joining, page_parts, throttle, timing
from ..extensions import db
from ..models import Attempt, PublishedQuiz, RosterEntry
from .join_refusals import JOIN_REFUSED, refusal_message
from ..publishing import by_code, clean_code
from ..student_view import highlighted_passages, review_results

bp = Blueprint("take", __name__)


@bp.app_template_filter("clock")
def clock(seconds: int | None) -> str:
    """600 → "10:00", 3725 → "1:02:05": what the visible clock shows."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@bp.app_template_filter("duration")
def duration(seconds: int | None) -> str:
    """600 → "10 min", 90 → "1 min 30 s": durations in words."""
    if seconds is None:
        return ""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    if minutes and secs:
        return _("%(minutes)s min %(seconds)s s", minutes=minutes, seconds=secs)
    if minutes:
        return _("%(minutes)s min", minutes=minutes)
    return _("%(seconds)s s", seconds=secs)


def _now():
    return current_app.config["CLOCK"]()


# --- lookups -----------------------------------------------------------------------

def _quiz_or_404(code: str):
    """The quiz of a join page or join, without its large columns, and its number of questions
    counted by the database: neither the page nor the join decodes the questions' JSON."""
    found = db.session.execute(_quiz_for_join(), {"code": clean_code(code)}).first()
    if found is None:
        return None, 0, _quiz_not_found()
    quiz, question_count = found
    return quiz, question_count, None


@functools.lru_cache(maxsize=1)
def _quiz_for_join():
    """Built once with a bound parameter (json_array_length: SQLite's JSON1 and PostgreSQL's json)."""
    return (db.select(PublishedQuiz, db.func.json_array_length(PublishedQuiz.questions))
            .where(PublishedQuiz.code == db.bindparam("code"))
            .options(defer(PublishedQuiz.article_text), defer(PublishedQuiz.passages), defer(PublishedQuiz.questions)))


def _quiz_not_found():
    return render_template("pages/take/error.html", title=_("Quiz not found"),
                           message=_("No quiz has this code. Check the code with your teacher.")), 404


def _held_token(code: str) -> str | None:
    """The attempt token this browser's session holds for the quiz of this (clean) code."""
    return (session.get("attempts") or {}).get(code)


def _attempt_for(quiz: PublishedQuiz) -> Attempt | None:
    token = _held_token(quiz.code)
    if not token:
        return None
    return db.session.execute(_attempt_of_quiz(), {"token": token, "quiz_id": quiz.id}).scalar_one_or_none()


@functools.lru_cache(maxsize=1)
def _attempt_of_quiz():
    return db.select(Attempt).where(Attempt.token == db.bindparam("token"), Attempt.quiz_id == db.bindparam("quiz_id"))


def _attempt_by_code(code: str, with_article: bool = True) -> Attempt | None:
    """This browser's attempt at the quiz of the URL, with its quiz, in one query: every
    autosave comes through here."""
    clean = clean_code(code)
    token = _held_token(clean)
    if not token:
        return None
    return db.session.execute(_attempt_with_quiz(with_article), {"code": clean, "token": token}).scalar_one_or_none()


@functools.lru_cache(maxsize=2)
def _attempt_with_quiz(with_article: bool):
    """Built once with bound parameters (building it per request cost more than running it).
    Without the article (autosaves, state requests), the quiz's text and passages are not
    loaded: they are the largest columns, and only pages show them."""
    quiz = contains_eager(Attempt.quiz)
    if not with_article:
        quiz = quiz.defer(PublishedQuiz.article_text).defer(PublishedQuiz.passages)
    return (db.select(Attempt).join(Attempt.quiz).options(quiz)
            .where(PublishedQuiz.code == db.bindparam("code"), Attempt.token == db.bindparam("token")))


def _with_attempt(api: bool, article: bool = False):
    """The quiz of the URL and this browser's attempt at it, or the right refusal:
    for pages a 404 page or the name form, for the JSON endpoints a 404 or 403 error.
    `article`: load the quiz's text and passages with it, for the pages that show the article
    (the quiz and the review); the others (summary, done, submit) skip its largest columns."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(code: str):
            attempt = _attempt_by_code(code, with_article=article)
            if attempt is not None:
                return view(attempt.quiz, attempt)
            return _no_attempt(code, api)
        return wrapper
    return decorate


def _no_attempt(code: str, api: bool):
    quiz = by_code(code)
    if quiz is None:
        return _error(404, _("No quiz has this code.")) if api else _quiz_not_found()
    return _error(403, _("Join the quiz first.")) if api else redirect(url_for("take.join", code=quiz.code))


# The session cookie keeps this browser's latest quizzes only: a cookie is at most 4 kB, and
# one that grew with every quiz ever joined would stop the browser from joining any more.
REMEMBERED_QUIZZES = 20


def _remember(code: str, token: str) -> None:
    tokens = dict(session.get("attempts") or {})
    tokens.pop(code, None)
    tokens[code] = token
    while len(tokens) > REMEMBERED_QUIZZES:
        tokens.pop(next(iter(tokens)))
    session["attempts"] = tokens
    session.permanent = False


def _state(attempt: Attempt, now) -> dict:
    attempts.close_if_overdue(attempt, now)
    current = attempts.phase(attempt, now)
    if current == "submitted":
        # Why, so that the page says the right thing before it leaves ("time is up" or "closed")
        return {"phase": current, "seconds_left": None, "submit_seconds_left": None,
                "ended_by": attempts.handed_in_how(attempt)}
    ends = attempts.ends_at(attempt)
    last = timing.submit_until(ends, attempts.settings_for(attempt))
    return {"phase": current, "seconds_left": timing.seconds_left(ends, now),
            "submit_seconds_left": timing.seconds_left(last, now)}


def _private_page(template: str, **context):
    """A page of one student's attempt: never kept by a browser's or a proxy's cache."""
    response = current_app.make_response(render_template(template, **context))
    response.headers["Cache-Control"] = "no-store"
    return response


def _error(status: int, message: str):
    return jsonify({"error": message}), status


# --- pages -------------------------------------------------------------------------

@bp.get("/")
def home():
    return render_template("pages/take/home.html")


@bp.get("/join")
def join_by_code():
    code = "".join(ch for ch in (request.args.get("code") or "").upper() if ch.isalnum())
    if not code:
        return redirect(url_for("take.home"))
    return redirect(url_for("take.join", code=code))


def _join_page(quiz: PublishedQuiz, question_count: int, current: Attempt | None, form=None, error: str | None = None,
               status: int = 200):
    form = form or {}
    roster = (db.session.execute(db.select(RosterEntry.name).filter_by(quiz_id=quiz.id).order_by(RosterEntry.name))
              .scalars().all() if quiz.roster_mode else [])
    now = _now()
    closed = any(moment is not None and moment <= now for moment in (quiz.closed_at, quiz.closes_at))
    return render_template("pages/take/join.html", quiz=quiz, current=current, roster=roster, closed=closed,
                           question_count=question_count,
                           name=form.get("name", ""), resume_code=form.get("resume_code", ""),
                           nonce=form.get("nonce") or secrets.token_urlsafe(16), error=error), status


# Wrong join codes from one address: a code is six letters from 31, but a script trying them
# all would find quizzes it was not given. 30 wrong codes in 10 minutes, then a pause.
WRONG_CODES = 30
WRONG_CODE_WINDOW = timedelta(minutes=10)


@bp.route("/join/<code>", methods=["GET", "POST"])
def join(code: str):
    key = f"badcode:{request.remote_addr or ''}"
    limited = current_app.config.get("RATELIMIT_ENABLED", True)
    if limited and throttle.count(key, _now() - WRONG_CODE_WINDOW) >= WRONG_CODES:
        return render_template("pages/take/error.html", title=_("Too many wrong codes"),
                               message=_("Too many wrong codes from this connection: wait ten minutes, then "
                                         "check the code with your teacher.")), 429, {"Retry-After": "600"}
    quiz, question_count, missing = _quiz_or_404(code)
    if missing:
        if limited:
            throttle.record(key, _now())
            db.session.commit()
        return missing
    current = _attempt_for(quiz)
    if request.method == "GET":
        return _join_page(quiz, question_count, current)
    form = request.form
    config = current_app.config
    join_request = joining.JoinRequest(
        name=form.get("name") or "", address=request.remote_addr or "", held_token=_held_token(quiz.code),
        resume_code=form.get("resume_code") or "", personal_code=form.get("personal_code") or "",
        nonce=form.get("nonce") or "",
        joins_per_minute=config["JOINS_PER_MINUTE"] if config.get("RATELIMIT_ENABLED") else None)
    code = quiz.code     # read before joining commits: after it, reading the quiz reloads its row
    try:
        attempt = joining.join(quiz, join_request, _now())
    except JOIN_REFUSED as error:
        message, status = refusal_message(error)
        return _join_page(quiz, question_count, current, form, message, status)
    _remember(code, attempt.token)
    return redirect(url_for("take.take", code=code))


@bp.get("/quiz/<code>")
def take(code: str):
    found = _attempt_for_page(code)
    if found is None:
        return _no_attempt(code, api=False)
    attempt, questions_json, article_text, passages_json = found
    quiz = attempt.quiz
    now = _now()
    state = _state(attempt, now)
    if state["phase"] == "submitted":
        return redirect(url_for("take.done", code=quiz.code))
    stored = attempts.stored_answers(attempt.id)    # plain rows: no ORM object per answer
    chosen = {question_id: choices for question_id, (choices, _text) in stored.items()}
    written = {question_id: text for question_id, (_choices, text) in stored.items() if text is not None}
    parts = page_parts.page_parts(quiz.language, questions_json, article_text, passages_json, str(get_locale()))
    return _private_page("pages/take/quiz.html", quiz=quiz, attempt=attempt, parts=parts, chosen=chosen,
                         written=written, state=state, on_expiry=quiz.on_expiry)


def _attempt_for_page(code: str):
    """(attempt with its quiz, the quiz's questions JSON, article text, passages JSON) as stored,
    in one query: the quiz page's pieces are kept by that content (page_parts), so the
    questions and passages are not decoded for a page whose pieces are kept."""
    clean = clean_code(code)
    token = _held_token(clean)
    if not token:
        return None
    return db.session.execute(_attempt_with_content(), {"code": clean, "token": token}).first()


@functools.lru_cache(maxsize=1)
def _attempt_with_content():
    """Built once with bound parameters. The quiz object loads none of its large columns (a
    reader of quiz.questions, such as grading at the deadline, still gets them lazily); they
    come as stored text beside it."""
    quiz = (contains_eager(Attempt.quiz).defer(PublishedQuiz.article_text).defer(PublishedQuiz.passages)
            .defer(PublishedQuiz.questions))
    return (db.select(Attempt, cast(PublishedQuiz.questions, Text), PublishedQuiz.article_text,
                      cast(PublishedQuiz.passages, Text))
            .join(Attempt.quiz).options(quiz)
            .where(PublishedQuiz.code == db.bindparam("code"), Attempt.token == db.bindparam("token")))


@bp.post("/quiz/<code>/answer")
def answer(code: str):
    """Every autosave: the short path (autosave.py) while the attempt is open, else the full one."""
    clean = clean_code(code)
    token = _held_token(clean)
    data = _answer_payload()
    if token and _readable_answer(data):
        try:
            saved = autosave.save_if_open(clean, token, data["question_id"], data.get("choices", []),
                                          data.get("text"), _now())
        except attempts.BadAnswer:
            return _error(400, _("This answer could not be read."))
        if saved is not None:
            return _saved_response(saved.seconds_left, saved.phase)
    attempt = _attempt_by_code(code, with_article=False)
    if attempt is None:
        return _no_attempt(code, api=True)
    return _answer_full(attempt, data)


def _saved_response(seconds_left: int | None, phase: str):
    """What jsonify would send, built directly: its provider's machinery was a twentieth of an
    autosave's CPU, for three fields."""
    body = json.dumps({"saved": True, "seconds_left": seconds_left, "phase": phase})
    return current_app.response_class(body, mimetype="application/json")


def _readable_answer(data) -> bool:
    if not isinstance(data, dict):
        return False
    question_id, choices, text = data.get("question_id"), data.get("choices", []), data.get("text")
    return not (not isinstance(question_id, str) or not isinstance(choices, list) or (not choices and text is None)
                or any(type(c) is not int for c in choices) or (text is not None and not isinstance(text, str)))


def _answer_full(attempt: Attempt, data):
    if not _readable_answer(data):
        return _error(400, _("This answer could not be read."))
    question_id, choices, text = data["question_id"], data.get("choices", []), data.get("text")
    now = _now()
    # Read before saving: a save moves no deadline, and after its commit the attempt and the
    # quiz would be read from the database again just for this.
    state = _state(attempt, now)
    try:
        attempts.save_answer(attempt, question_id, choices, now, text=text)
    except attempts.AlreadySubmitted:
        return _error(409, _("Your answers were already submitted: this one was not saved."))
    except attempts.TooLate:
        return _error(409, _("Time is up: this answer was not saved."))
    except attempts.BadAnswer:
        return _error(400, _("This answer could not be read."))
    return _saved_response(state["seconds_left"], state["phase"])


# An answer is a question id, a choice or a short written text: a few hundred bytes. A body
# far larger, or nested deeper than an answer can be, is refused before it is parsed
# (100,000 nested brackets used to exhaust the parser's recursion: a 500).
MAX_ANSWER_BYTES = 8 * 1024


def _answer_payload():
    if request.content_length is not None and request.content_length > MAX_ANSWER_BYTES:
        return None
    raw = request.get_data(cache=False)[:MAX_ANSWER_BYTES + 1]
    if len(raw) > MAX_ANSWER_BYTES or raw.count(b"[") + raw.count(b"{") > 20 or b"\\u0000" in raw or b"\x00" in raw:
        return None   # (a NUL character cannot be stored by PostgreSQL)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


@bp.get("/quiz/<code>/state")
@_with_attempt(api=True)
def state(quiz: PublishedQuiz, attempt: Attempt):
    response = jsonify(_state(attempt, _now()))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/quiz/<code>/summary")
@_with_attempt(api=False)
def summary_post(quiz: PublishedQuiz, attempt: Attempt):
    """The quiz page's button: save what the form carries, then show the summary (never hand in)."""
    attempts.save_posted(attempt, request.form, _now())
    return redirect(url_for("take.summary", code=quiz.code))


@bp.get("/quiz/<code>/summary")
@_with_attempt(api=False)
def summary(quiz: PublishedQuiz, attempt: Attempt):
    """Before handing in, as Moodle's attempt summary: which questions are answered, which are not."""
    now = _now()
    state = _state(attempt, now)
    if state["phase"] == "submitted":
        return redirect(url_for("take.done", code=quiz.code))
    answered = {a.question_id for a in attempt.answers if a.choices or (a.text or "").strip()}
    rows = [{"number": n, "id": q["id"], "prompt": q["prompt"], "answered": q["id"] in answered}
            for n, q in enumerate(quiz.questions, start=1)]
    return _private_page("pages/take/summary.html", quiz=quiz, attempt=attempt, rows=rows, state=state,
                         on_expiry=quiz.on_expiry, unanswered=sum(not r["answered"] for r in rows))


@bp.post("/quiz/<code>/submit")
@_with_attempt(api=False)
def submit(quiz: PublishedQuiz, attempt: Attempt):
    """Hand in (the summary page's button). Answers the form carries are saved first."""
    now = _now()
    code = quiz.code     # read before the commit, which expires the quiz: reading it after reloads its whole row
    attempts.save_posted(attempt, request.form, now)
    attempts.submit(attempt, now)
    return redirect(url_for("take.done", code=code))


@bp.get("/quiz/<code>/done")
@_with_attempt(api=False)
def done(quiz: PublishedQuiz, attempt: Attempt):
    now = _now()
    attempts.close_if_overdue(attempt, now)
    if attempt.submitted_at is None:
        return redirect(url_for("take.take", code=quiz.code))
    reviewable = attempts.can_review(attempt, now)
    grade = attempts.grade(attempt) if reviewable else None
    return render_template("pages/take/done.html", quiz=quiz, attempt=attempt, reviewable=reviewable,
                           grade=grade, answered=len(attempt.answers), total=len(quiz.questions),
                           handed_in=attempts.handed_in_how(attempt))


@bp.get("/quiz/<code>/review")
@_with_attempt(api=False, article=True)
def review(quiz: PublishedQuiz, attempt: Attempt):
    now = _now()
    attempts.close_if_overdue(attempt, now)
    if not attempts.can_review(attempt, now):
        return render_template("pages/take/error.html", title=_("Review not open yet"),
                               message=_("Your answers are saved. Your teacher will open the review.")), 403
    grade = attempts.grade(attempt)
    results = review_results(grade)
    return render_template("pages/take/review.html", quiz=quiz, attempt=attempt, grade=grade,
                           results=results, passages=highlighted_passages(quiz, results))
