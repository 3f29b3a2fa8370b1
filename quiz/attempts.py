"""A student's attempt: save answers, submit, grade — with the clock passed in (who may
start or resume one is `quiz.joining`). The server's clock and `timing` decide what counts; nothing here trusts
the browser. Overdue attempts are closed lazily, whenever they are read."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text, bindparam, update
from sqlalchemy.dialects import postgresql, sqlite

from . import timing
from .extensions import db
from .models import Accommodation, Answer, Attempt, PublishedQuiz
from .names import student_key


# INSERT … ON CONFLICT DO UPDATE, spelled by each database we run on.
UPSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class AttemptError(Exception):
    """Something the student did that the server refuses, with a message for them."""


class TooLate(AttemptError):
    pass


class AlreadySubmitted(AttemptError):
    pass


class BadAnswer(AttemptError):
    pass


@dataclass(frozen=True)
class QuestionResult:
    question: dict
    chosen: list[int]
    correct: bool
    text: str = ""          # a written answer, as typed


@dataclass(frozen=True)
class Grade:
    score: int
    total: int
    results: list[QuestionResult]


def settings_of(quiz: PublishedQuiz) -> timing.Settings:
    """The quiz's timing rules (a PublishedQuiz, or any row with its columns' names)."""
    return timing.Settings(time_limit_seconds=quiz.time_limit_seconds, on_expiry=quiz.on_expiry,
                           grace_seconds=quiz.grace_seconds, closes_at=quiz.closes_at or quiz.closed_at)


def settings_for(attempt: Attempt) -> timing.Settings:
    """The quiz's rules as this attempt started under them (its own time limit, if recorded)."""
    return attempt_settings(settings_of(attempt.quiz), attempt.own_limit, attempt.time_limit_seconds)


def attempt_settings(quiz_settings: timing.Settings, own_limit: bool, limit: int | None) -> timing.Settings:
    return replace(quiz_settings, time_limit_seconds=limit) if own_limit else quiz_settings


def accommodation_of(attempt) -> timing.Accommodation:
    """The attempt's extra time (an Attempt, or any row with its columns' names)."""
    return timing.Accommodation(attempt.extra_multiplier, attempt.extra_seconds, attempt.unlimited)


def ends_at(attempt: Attempt) -> datetime | None:
    return timing.deadline(attempt.started_at, settings_for(attempt), accommodation_of(attempt))


def phase(attempt: Attempt, now: datetime) -> str:
    if attempt.submitted_at is not None:
        return "submitted"
    return timing.phase(ends_at(attempt), settings_for(attempt), now)


MAX_WRITTEN = 300


def save_answer(attempt: Attempt, question_id: str, choices: list[int], now: datetime, text: str | None = None) -> None:
    """One choice for a choice question, or `text` for a written one (choices then empty)."""
    close_if_overdue(attempt, now)
    if attempt.submitted_at is not None:
        raise AlreadySubmitted("submitted")
    if phase(attempt, now) != "open":
        raise TooLate("late")
    question = _question(attempt.quiz, question_id)
    choices, text = checked_answer(len(question["choices"]), choices, text)
    if not store_if_open(attempt.id, question_id, choices, text, now):
        db.session.rollback()
        raise AlreadySubmitted("submitted")
    db.session.expire(attempt, ["answers"])
    db.session.commit()


def checked_answer(choice_count: int, choices: list, text) -> tuple[list[int], str | None]:
    """The answer as stored, or BadAnswer: a text for a written question (choice_count 0), else
    one choice among choice_count (every choice question we publish has a single right answer)."""
    if not choice_count:
        if choices or not isinstance(text, str) or len(text) > MAX_WRITTEN:
            raise BadAnswer("text")
        return [], " ".join(text.split())
    if text is not None or len(choices) != 1 or any(
            isinstance(c, bool) or not isinstance(c, int) or not 0 <= c < choice_count for c in choices):
        raise BadAnswer("choice")
    return sorted(set(choices)), None


def save_posted(attempt: Attempt, form, now: datetime) -> None:
    """The answers a posted form carries (`form.get("q-<id>")`: the page without JavaScript,
    or an answer not autosaved yet), saved where they differ from what is stored. Unreadable
    fields are ignored (a digit that is not ASCII, a number too long to be a choice)."""
    posted = [(question, form.get(f"q-{question['id']}")) for question in attempt.quiz.questions]
    posted = [(question, raw) for question, raw in posted if raw is not None]
    # The page with JavaScript posts no answer (each was autosaved): the stored ones are not read.
    if not posted or attempt.submitted_at is not None or phase(attempt, now) != "open":
        return
    saved = {a.question_id: (list(a.choices), a.text) for a in attempt.answers}
    for question, raw in posted:
        stored_choices, stored_text = saved.get(question["id"], ([], None))
        try:
            if not question["choices"]:
                if stored_text != " ".join(raw.split()):
                    save_answer(attempt, question["id"], [], now, text=raw)
            elif raw.isascii() and raw.isdigit() and len(raw) <= 3 and stored_choices != [int(raw)]:
                save_answer(attempt, question["id"], [int(raw)], now)
        except AttemptError:
            continue


def store_if_open(attempt_id: int, question_id: str, choices: list[int], text: str | None, now: datetime,
                  connection=None) -> bool:
    """Insert or update the answer in one statement, only while the attempt is not submitted.

    The attempt row is read FOR SHARE (PostgreSQL; SQLite runs the whole statement under its
    write lock): a submit running at once in another worker either waits for this answer and
    scores it, or has already finished, and then nothing is stored (False). Two saves of one
    question at once end in one row (ON CONFLICT). Every autosave takes this path, so it is
    one round trip, with no read of the attempt's other answers. `connection`: the caller's
    (the autosave's short path has its own, outside the ORM session); else the session's."""
    connection = connection if connection is not None else db.session.connection()
    stored = connection.execute(_upsert_statement(connection.dialect.name), {"attempt_id": attempt_id, "question_id": question_id,
                                            "choices": choices, "text": text, "saved_at": now}).first()
    return stored is not None


@lru_cache(maxsize=None)
def _upsert_statement(dialect: str):
    """The autosave's one statement, built once per database kind with bound parameters:
    building it for every request (and its cache key) cost more CPU than running it."""
    still_open = (db.select(Attempt.id).where(Attempt.id == bindparam("attempt_id"), Attempt.submitted_at.is_(None))
                  .with_for_update(read=True))
    return upsert_where(dialect, still_open)


def upsert_where(dialect: str, still_open):
    """The answer's INSERT … ON CONFLICT DO UPDATE, run only where the `still_open` select finds a row."""
    row = db.select(bindparam("attempt_id", type_=Integer), bindparam("question_id", type_=String),
                    bindparam("choices", type_=JSON), bindparam("text", type_=Text),
                    bindparam("saved_at", type_=DateTime)).where(still_open.exists())
    # The table, not the mapped class: with parameters, an ORM insert would be a bulk insert.
    answers = Answer.__table__
    insert = UPSERTS[dialect](answers).from_select(["attempt_id", "question_id", "choices", "text", "saved_at"], row)
    return insert.on_conflict_do_update(
        index_elements=[answers.c.attempt_id, answers.c.question_id],
        set_={"choices": insert.excluded.choices, "text": insert.excluded.text, "saved_at": insert.excluded.saved_at},
    ).returning(answers.c.id)   # (rowcount is -1 here with psycopg: RETURNING says it for both)


def written_matches(text: str, accepted: list[str]) -> bool:
    """Capital letters, spaces and a final full stop do not count; accents and spelling do."""
    def fold(value: str) -> str:
        return " ".join(value.split()).rstrip(".!").casefold()
    return bool(text.strip()) and fold(text) in {fold(a) for a in accepted}


def submit(attempt: Attempt, now: datetime) -> None:
    """Idempotent: a second submit (double click, retry) leaves the first one's result. The
    grade is stored with it (`_finish`); reading it again here, after the commit expired the
    quiz, would reload the quiz's whole row, article included, for a redirect."""
    close_if_overdue(attempt, now)
    if attempt.submitted_at is None:
        _finish(attempt, now, automatic=False)


def end_at_closing(attempt: Attempt, now: datetime) -> None:
    """The teacher closes the quiz: an attempt still open is handed in now, with what was saved
    (a grace period is for time running out, not for a teacher who ends the quiz)."""
    close_if_overdue(attempt, now)
    if attempt.submitted_at is None:
        _finish(attempt, now, automatic=True, reason="closed")


def handed_in_how(attempt: Attempt) -> str | None:
    """"student" (the student handed in), "closed" (open when the teacher closed the quiz),
    "time" (time ran out), or None while open. Stored when the attempt ends (ended_by); an
    attempt ended before that was recorded is read from its times: one ended by the closing is
    stamped with the quiz's closing time, one whose time ran out with its deadline."""
    if attempt.submitted_at is None:
        return None
    if attempt.ended_by is not None:
        return attempt.ended_by
    if not attempt.auto_submitted:
        return "student"
    closed = attempt.quiz.closed_at
    return "closed" if closed is not None and attempt.submitted_at >= closed else "time"


def close_if_overdue(attempt: Attempt, now: datetime) -> None:
    """An attempt left open is closed at its deadline; what was saved before counts."""
    if attempt.submitted_at is not None:
        return
    current = phase(attempt, now)
    if current == "closed" or (current == "grace" and attempt.quiz.on_expiry == "autosubmit"):
        _finish(attempt, ends_at(attempt) or now, automatic=True, reason="time")


def _lock_if_open(attempt: Attempt) -> bool:
    """Lock the attempt's row (PostgreSQL; the write lock on SQLite) until the next commit, then
    read its answers again: an answer being saved at this instant (it holds the row FOR SHARE)
    is waited for and scored, and no answer can be stored afterwards. False if the attempt was
    submitted meanwhile."""
    locked = db.session.execute(_lock_statement(), {"attempt_id": attempt.id})
    db.session.expire(attempt, ["answers"])
    return locked.rowcount == 1


@lru_cache(maxsize=1)
def _lock_statement():
    """Built once, on the table (Core: no ORM synchronisation to do): every hand-in runs it."""
    attempts = Attempt.__table__
    return (update(attempts).where(attempts.c.id == bindparam("attempt_id"), attempts.c.submitted_at.is_(None))
            .values(submitted_at=None))


def stored_answers(attempt_id: int) -> dict[str, tuple[list[int], str | None]]:
    """{question id: (choices, text)} as stored, read as plain rows in the session's transaction."""
    return {row.question_id: (list(row.choices), row.text)
            for row in db.session.execute(_stored_answers_statement(), {"attempt_id": attempt_id})}


@lru_cache(maxsize=1)
def _stored_answers_statement():
    answers = Answer.__table__
    return db.select(answers.c.question_id, answers.c.choices, answers.c.text).where(
        answers.c.attempt_id == bindparam("attempt_id"))


def _finish(attempt: Attempt, when: datetime, automatic: bool, reason: str = "student") -> None:
    if not _lock_if_open(attempt):
        db.session.rollback()   # finished by another request: its result stands
        return
    # The answers as stored now, under the lock, read as plain rows (the score needs no ORM objects).
    saved = {question_id: (choices, text or "") for question_id, (choices, text) in stored_answers(attempt.id).items()}
    attempt.submitted_at = when
    attempt.auto_submitted = automatic
    attempt.ended_by = reason
    attempt.score = sum(result.correct for result in _results(attempt.quiz.questions, saved))
    db.session.commit()


def grade(attempt: Attempt) -> Grade:
    saved = {a.question_id: (list(a.choices), a.text or "") for a in attempt.answers}
    results = _results(attempt.quiz.questions, saved)
    return Grade(score=sum(r.correct for r in results), total=len(results), results=results)


def _results(questions: list[dict], saved: dict[str, tuple[list[int], str]]) -> list[QuestionResult]:
    """Each question's result from the saved answers ({question id: (choices, text)})."""
    results = []
    for question in questions:
        chosen, text = saved.get(question["id"], ([], ""))
        correct = (written_matches(text, question.get("accepted") or []) if not question["choices"]
                   else sorted(chosen) == sorted(question["answer"]))
        results.append(QuestionResult(question, chosen, correct, text))
    return results


def grant_extra_time(quiz: PublishedQuiz, name: str, grant: timing.Accommodation | None,
                     now: datetime) -> tuple[str, str]:
    """Record extra time for a student by name (None removes it) and apply it at once to
    their attempt in progress. Returns ("applied" | "finished" | "pending", their name)."""
    key = student_key(name)
    granted = db.session.execute(db.select(Accommodation).filter_by(quiz_id=quiz.id, student_key=key)).scalar_one_or_none()
    if grant is None:
        if granted is not None:
            db.session.delete(granted)
        grant = timing.Accommodation()
    else:
        if granted is None:
            granted = Accommodation(quiz_id=quiz.id, student_key=key)
            db.session.add(granted)
        granted.multiplier, granted.extra_seconds, granted.unlimited = grant.multiplier, grant.extra_seconds, grant.unlimited
    db.session.commit()
    attempt = db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id, student_key=key)).scalar_one_or_none()
    if attempt is None:
        return "pending", name
    close_if_overdue(attempt, now)  # time already over stays over: extra time never reopens an attempt
    if attempt.submitted_at is not None:
        return "finished", attempt.student_name
    attempt.extra_multiplier, attempt.extra_seconds, attempt.unlimited = grant.multiplier, grant.extra_seconds, grant.unlimited
    db.session.commit()
    return "applied", attempt.student_name


def can_review(attempt: Attempt, now: datetime) -> bool:
    if attempt.submitted_at is None:
        return False
    quiz = attempt.quiz
    return quiz.review_policy == "after_submit" or (quiz.closed_at is not None and quiz.closed_at <= now)


def _question(quiz: PublishedQuiz, question_id: str) -> dict:
    for question in quiz.questions:
        if question["id"] == question_id:
            return question
    raise BadAnswer("question")
