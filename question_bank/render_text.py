"""A quiz as plain text: the questions with lettered choices, then the answer key.

For the terminal and for a quick copy-paste; the worksheet (HTML/PDF) is rendered elsewhere.
Headings come from ``templates/questions/<lang>/_text.j2``. Quotes are printed word for word
as they stand in the article, so a reader can find them by their ¶ label; only their own
quotation marks are nested (question_bank/quoting.py).
"""
from __future__ import annotations

from string import ascii_uppercase

from .article import Article
from .models import Citation, Question, Quiz
from .quoting import quote_passage
from .wording import labels


def render_quiz_text(quiz: Quiz, article: Article) -> str:
    headings = labels(quiz.language, "_text.headings")
    title = quiz.title or article.title
    lines = [title, "=" * len(title), "", headings["questions"], "-" * len(headings["questions"]), ""]
    for number, question in enumerate(quiz.questions, 1):
        lines += _question_lines(number, question) + [""]
    lines += [headings["answer_key"], "-" * len(headings["answer_key"]), ""]
    for number, question in enumerate(quiz.questions, 1):
        lines += _key_lines(number, question, headings) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def letter(index: int) -> str:
    """A, B, … Z, then AA, AB… (no quiz needs that many, but never crash)."""
    return ascii_uppercase[index] if index < 26 else letter(index // 26 - 1) + ascii_uppercase[index % 26]


def _question_lines(number: int, question: Question) -> list[str]:
    return [f"{number}. {question.prompt}"] + [
        f"   {letter(i)}. {choice}" for i, choice in enumerate(question.choices)]


def _key_lines(number: int, question: Question, headings: dict[str, str]) -> list[str]:
    letters = ", ".join(letter(i) for i in question.answer)
    lines = [f"{number}. {letters}", f"   {question.explanation}"]
    return lines + [f"   {_citation(c, question.language, headings)}" for c in question.citations]


def _citation(citation: Citation, language: str, headings: dict[str, str]) -> str:
    # One line, the passage's own quotation marks nested; every word as in the article.
    quote = quote_passage(citation.quote, language, marks=(headings["quote_open"], headings["quote_close"]))
    return f"{citation.passage} — {quote}"
