"""A quiz's results for its teacher: one row per student, % correct per question, CSV.

Pure functions over a published quiz and its attempts (graded with `attempts.grade`);
the caller closes overdue attempts first, with the server's clock.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from .attempts import grade, handed_in_how
from .models import Attempt, PublishedQuiz

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class StudentRow:
    attempt_id: int
    name: str
    started_at: datetime
    submitted_at: datetime | None
    auto_submitted: bool
    handed_in: str | None             # student | closed (by the teacher) | time (ran out) | None (open)
    score: int | None                 # None while the attempt is still open
    total: int
    correct: dict[str, bool | None]   # question id → right / wrong / None (not submitted yet)
    chosen: dict[str, list[int]] = field(default_factory=dict)   # question id → choices picked (submitted only)
    written: dict[str, str] = field(default_factory=dict)        # question id → written answer (submitted only)


@dataclass(frozen=True)
class ChoiceShare:
    """How many of the submitted students picked one choice of a question."""
    letter: str
    text: str
    count: int
    percent: int
    is_key: bool


@dataclass(frozen=True)
class QuestionStat:
    number: int
    id: str
    prompt: str
    short_prompt: str
    right: int
    graded: int
    spread: tuple[ChoiceShare, ...] = ()         # every choice, in the published order
    unanswered: int = 0                         # submitted without answering it
    citations: tuple[dict, ...] = ()            # the passages that prove the key, for the discussion

    @property
    def percent(self) -> int | None:
        return None if not self.graded else round(100 * self.right / self.graded)


def student_rows(quiz: PublishedQuiz, attempts: list[Attempt]) -> list[StudentRow]:
    """One row per attempt, sorted by name; unsubmitted attempts have no score yet."""
    rows = []
    for attempt in attempts:
        total = len(quiz.questions)
        chosen: dict[str, list[int]] = {}
        written: dict[str, str] = {}
        if attempt.submitted_at is None:
            correct = {q["id"]: None for q in quiz.questions}
            score = None
        else:
            graded = grade(attempt)
            correct = {r.question["id"]: r.correct for r in graded.results}
            chosen = {r.question["id"]: list(r.chosen) for r in graded.results}
            written = {r.question["id"]: r.text for r in graded.results if r.text}
            score = graded.score
        rows.append(StudentRow(attempt_id=attempt.id, name=attempt.student_name, started_at=attempt.started_at,
                               submitted_at=attempt.submitted_at, auto_submitted=bool(attempt.auto_submitted),
                               handed_in=handed_in_how(attempt),
                               score=score, total=total, correct=correct, chosen=chosen, written=written))
    return sorted(rows, key=lambda r: (r.name.casefold(), r.started_at))


def question_stats(quiz: PublishedQuiz, rows: list[StudentRow]) -> list[QuestionStat]:
    """% correct per question and the spread of choices, over the submitted attempts only."""
    stats = []
    submitted = [row for row in rows if row.submitted_at is not None]
    for number, question in enumerate(quiz.questions, start=1):
        qid = question["id"]
        marks = [row.correct.get(qid) for row in submitted]
        picks = [row.chosen.get(qid, []) for row in submitted]
        unanswered = sum(1 for row, chosen in zip(submitted, picks) if not chosen and not row.written.get(qid))
        stats.append(QuestionStat(number=number, id=qid, prompt=question["prompt"],
                                  short_prompt=shorten(question["prompt"]),
                                  right=sum(1 for m in marks if m), graded=len(marks),
                                  spread=_spread(question, picks), unanswered=unanswered,
                                  citations=tuple(question.get("citations") or ())))
    return stats


def _spread(question: dict, picks: list[list[int]]) -> tuple[ChoiceShare, ...]:
    counts = [sum(1 for chosen in picks if index in chosen) for index in range(len(question["choices"]))]
    total = len(picks)
    return tuple(ChoiceShare(letter=LETTERS[i], text=choice, count=counts[i],
                             percent=round(100 * counts[i] / total) if total else 0,
                             is_key=i in question["answer"])
                 for i, choice in enumerate(question["choices"]))


def answer_text(question: dict, row: StudentRow) -> str:
    """What a student answered, as the teacher reads it: "B. …", a written answer, or ""."""
    if not question["choices"]:
        return row.written.get(question["id"], "")
    return choices_text(question, row.chosen.get(question["id"], []))


def choices_text(question: dict, indexes: list[int]) -> str:
    """Choices by letter and text ("B. …"), as the results and the key show them."""
    return "; ".join(f"{LETTERS[i]}. {question['choices'][i]}" for i in indexes if 0 <= i < len(question["choices"]))


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


def _local(moment: datetime, zone: str) -> str:
    """A stored naive-UTC time in the school's zone: "2026-12-01T20:46:25+01:00"."""
    return moment.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


@dataclass(frozen=True)
class CsvDialect:
    """How a spreadsheet in the teacher's language reads CSV: French Excel splits on ";"."""
    delimiter: str
    headers: tuple[str, str, str, str, str]


CSV_DIALECTS = {
    "fr": CsvDialect(";", ("élève", "score", "total", "remis_le", "remis_automatiquement")),
    "en": CsvDialect(",", ("student", "score", "total", "submitted_at", "auto_submitted")),
}


def csv_text(quiz: PublishedQuiz, rows: list[StudentRow], language: str = "en", zone: str = "UTC") -> str:
    """A header row (student, score, total, submitted at, auto-submitted, Q1…Qn), a row of the
    questions' prompts under Q1…Qn, then one row per student with 1/0/empty per question.
    Starts with a byte-order mark so that Excel reads UTF-8 (accented names), and uses the
    separator of the teacher's language. Times are the school's (`zone`), with their offset
    from UTC (ISO 8601), as the pages show them."""
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
                 _local(row.submitted_at, zone) if row.submitted_at else "",
                 "" if row.submitted_at is None else ("1" if row.auto_submitted else "0")]
        cells += ["" if row.correct.get(i) is None else ("1" if row.correct[i] else "0") for i in ids]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()
