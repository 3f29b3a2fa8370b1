"""A quiz's results for its teacher: one row per student, % correct per question, CSV.

Pure functions over a published quiz and its attempts (graded with `attempts.grade`);
the caller closes overdue attempts first, with the server's clock.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

from .attempts import grade
from .models import Attempt, PublishedQuiz

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class StudentRow:
    name: str
    started_at: datetime
    submitted_at: datetime | None
    auto_submitted: bool
    score: int | None                 # None while the attempt is still open
    total: int
    correct: dict[str, bool | None]   # question id → right / wrong / None (not submitted yet)


@dataclass(frozen=True)
class QuestionStat:
    number: int
    id: str
    prompt: str
    short_prompt: str
    right: int
    graded: int

    @property
    def percent(self) -> int | None:
        return None if not self.graded else round(100 * self.right / self.graded)


def student_rows(quiz: PublishedQuiz, attempts: list[Attempt]) -> list[StudentRow]:
    """One row per attempt, sorted by name; unsubmitted attempts have no score yet."""
    rows = []
    for attempt in attempts:
        total = len(quiz.questions)
        if attempt.submitted_at is None:
            correct = {q["id"]: None for q in quiz.questions}
            score = None
        else:
            graded = grade(attempt)
            correct = {r.question["id"]: r.correct for r in graded.results}
            score = graded.score
        rows.append(StudentRow(name=attempt.student_name, started_at=attempt.started_at,
                               submitted_at=attempt.submitted_at, auto_submitted=bool(attempt.auto_submitted),
                               score=score, total=total, correct=correct))
    return sorted(rows, key=lambda r: (r.name.casefold(), r.started_at))


def question_stats(quiz: PublishedQuiz, rows: list[StudentRow]) -> list[QuestionStat]:
    """% correct per question, over the submitted attempts only."""
    stats = []
    for number, question in enumerate(quiz.questions, start=1):
        marks = [row.correct.get(question["id"]) for row in rows if row.submitted_at is not None]
        stats.append(QuestionStat(number=number, id=question["id"], prompt=question["prompt"],
                                  short_prompt=shorten(question["prompt"]),
                                  right=sum(1 for m in marks if m), graded=len(marks)))
    return stats


def shorten(text: str, limit: int = 120) -> str:
    clean = " ".join(text.split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit].rsplit(" ", 1)[0] or clean[:limit]
    return cut.rstrip(" ,;:.") + "…"


# After a separator, too: a file written with "," and opened by a spreadsheet that splits on
# ";" (French Excel) would otherwise run "Léa;=cmd" as a formula in its second cell.
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;\t|])(\s*)(?=[=+\-@])")


def one_line(text: str) -> str:
    """A prompt on one line, its no-break spaces (French typography) kept."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text).strip()


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula is prefixed with a single quote, whatever
    separator the spreadsheet splits on."""
    cell = _FORMULA_AFTER_SEPARATOR.sub(r"\1\2'", cell)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


@dataclass(frozen=True)
class CsvDialect:
    """How a spreadsheet in the teacher's language reads CSV: French Excel splits on ";"."""
    delimiter: str
    headers: tuple[str, str, str, str, str]


CSV_DIALECTS = {
    "fr": CsvDialect(";", ("élève", "score", "total", "remis_le", "remis_automatiquement")),
    "en": CsvDialect(",", ("student", "score", "total", "submitted_at", "auto_submitted")),
}


def csv_text(quiz: PublishedQuiz, rows: list[StudentRow], language: str = "en") -> str:
    """A header row (student, score, total, submitted at, auto-submitted, Q1…Qn), a row of the
    questions' prompts under Q1…Qn, then one row per student with 1/0/empty per question.
    Starts with a byte-order mark so that Excel reads UTF-8 (accented names), and uses the
    separator of the teacher's language."""
    dialect = CSV_DIALECTS.get(language, CSV_DIALECTS["en"])
    numbers = [f"Q{n}" for n in range(1, len(quiz.questions) + 1)]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow([*dialect.headers, *numbers])
    writer.writerow([neutralise(cell) for cell in ["", "", "", "", "", *(one_line(q["prompt"]) for q in quiz.questions)]])
    ids = [q["id"] for q in quiz.questions]
    for row in rows:
        cells = [row.name,
                 "" if row.score is None else str(row.score),
                 str(row.total),
                 row.submitted_at.isoformat(timespec="seconds") if row.submitted_at else "",
                 "" if row.submitted_at is None else ("1" if row.auto_submitted else "0")]
        cells += ["" if row.correct.get(i) is None else ("1" if row.correct[i] else "0") for i in ids]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()
