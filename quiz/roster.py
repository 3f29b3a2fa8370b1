"""A quiz's class list and the teacher's hold on its attempts: the list students choose their
name from (with a personal code each, to print), letting a student in again, removing an
attempt. No Flask request here; the clock is passed in."""
from __future__ import annotations

from dataclasses import dataclass

from .extensions import db
from .joining import new_code
from .models import Answer, Attempt, PublishedQuiz, RosterEntry
from .names import BadName, clean_name, student_key

MAX_ROSTER = 300
PERSONAL_CODE_LENGTH = 6
MODES = ("pick", "codes")


@dataclass(frozen=True)
class RosterProblem:
    line: int
    text: str
    reason: str          # "bad_name" (with BadName's reason in `detail`), "duplicate", "too_many"
    detail: str = ""


def parse_names(text: str) -> tuple[list[str], list[RosterProblem]]:
    """One name per line (blank lines skipped); every problem named by its line."""
    names: list[str] = []
    keys: set[str] = set()
    problems: list[RosterProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            name = clean_name(line)
        except BadName as error:
            problems.append(RosterProblem(number, line.strip()[:80], "bad_name", error.reason))
            continue
        if student_key(name) in keys:
            problems.append(RosterProblem(number, name, "duplicate"))
            continue
        keys.add(student_key(name))
        names.append(name)
    if len(names) > MAX_ROSTER:
        problems.append(RosterProblem(0, "", "too_many"))
    return names, problems


def entries(quiz: PublishedQuiz) -> list[RosterEntry]:
    return list(db.session.execute(db.select(RosterEntry).filter_by(quiz_id=quiz.id)
                                   .order_by(RosterEntry.name)).scalars())


def set_roster(quiz: PublishedQuiz, names: list[str], mode: str) -> None:
    """Replace the class list. A student already on it keeps their personal code (it may be
    printed already); an empty list means anyone may type a name again."""
    kept = {entry.student_key: entry for entry in entries(quiz)}
    wanted = {student_key(name): name for name in names}
    for key, entry in kept.items():
        if key not in wanted:
            db.session.delete(entry)
    for key, name in wanted.items():
        if key in kept:
            kept[key].name = name
        else:
            db.session.add(RosterEntry(quiz_id=quiz.id, name=name, student_key=key,
                                       code=new_code(PERSONAL_CODE_LENGTH)))
    quiz.roster_mode = mode if wanted else ""
    db.session.commit()


def attempt_of(quiz: PublishedQuiz, attempt_id: int) -> Attempt | None:
    attempt = db.session.get(Attempt, attempt_id)
    return attempt if attempt is not None and attempt.quiz_id == quiz.id else None


def remove_attempt(attempt: Attempt) -> None:
    """The attempt and its answers are gone; the name is free again."""
    db.session.delete(attempt)
    db.session.commit()


def remove_empty_attempts(quiz: PublishedQuiz) -> int:
    """Every attempt of the quiz without a single saved answer (a name squatted, a flood of
    invented ones), handed in or not. Returns how many were removed."""
    answered = db.select(Answer.attempt_id).distinct()
    found = db.session.execute(db.select(Attempt).filter(Attempt.quiz_id == quiz.id,
                                                         Attempt.id.not_in(answered))).scalars().all()
    for attempt in found:
        db.session.delete(attempt)
    db.session.commit()
    return len(found)

