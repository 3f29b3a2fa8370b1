"""A quiz as plain text: the questions with lettered choices, then the answer key.

For the terminal and for a quick copy-paste; the worksheet (HTML/PDF) is rendered elsewhere.
Headings come from ``templates/questions/<lang>/_text.j2``. Quotes are printed exactly as
they stand in the article, so a reader can find them by their ¶ label.
"""
from __future__ import annotations

import re
from string import ascii_uppercase

from .article import Article
from .models import Citation, Question, Quiz
from .wording import labels

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


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
    return lines + [f"   {_citation(c, headings)}" for c in question.citations]


def _citation(citation: Citation, headings: dict[str, str]) -> str:
    quote = _LINE_BREAKS.sub(" ", citation.quote)  # one line; other characters exactly as in the article
    return f"{citation.passage} — {headings['quote_open']}{quote}{headings['quote_close']}"
