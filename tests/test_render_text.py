"""The plain-text quiz: lettered choices, then an answer key that cites the article."""
from __future__ import annotations

import re

import pytest
from quiz_builders import en_article, en_findings, fr_article, fr_findings

from question_bank.generate import generate_quiz
from question_bank.render_text import letter, render_quiz_text

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def fr_quiz():
    article = fr_article()
    quiz = generate_quiz(article, fr_findings(article), seed=2)
    return article, quiz, render_quiz_text(quiz, article)


@pytest.fixture(scope="module")
def en_quiz():
    article = en_article()
    quiz = generate_quiz(article, en_findings(article), seed=2)
    return article, quiz, render_quiz_text(quiz, article)


def answer_key(text: str, heading: str) -> str:
    return text.split(f"\n{heading}\n", 1)[1]


def test_french_text_has_questions_then_a_corrige(fr_quiz):
    article, quiz, text = fr_quiz
    assert text.startswith(article.title + "\n")
    assert "\nQuestions\n" in text and "\nCorrigé\n" in text
    assert text.index("\nQuestions\n") < text.index("\nCorrigé\n")
    for number, question in enumerate(quiz.questions, 1):
        assert f"\n{number}. {question.prompt}\n" in text
        for i, choice in enumerate(question.choices):
            assert f"   {letter(i)}. {choice}\n" in text


def test_the_key_gives_the_letters_of_the_right_answers(fr_quiz):
    _, quiz, text = fr_quiz
    key = answer_key(text, "Corrigé")
    for number, question in enumerate(quiz.questions, 1):
        letters = ", ".join("ABCDEF"[i] for i in question.answer)
        assert re.search(rf"^{number}\. {letters}$", key, re.MULTILINE)
        assert question.explanation in key


MARKS = re.compile(r"[«»“”\"]")


def test_french_citations_are_printed_with_guillemets(fr_quiz):
    _, quiz, text = fr_quiz
    key = answer_key(text, "Corrigé")
    for question in quiz.questions:
        for c in question.citations:
            if not MARKS.search(c.quote):
                assert f"   {c.passage} — «{NBSP}{c.quote}{NBSP}»\n" in key
    assert "¶1 — «" in key


def test_a_french_quote_that_opens_with_guillemets_nests_them(fr_quiz):
    _, quiz, text = fr_quiz
    key = answer_key(text, "Corrigé")
    assert any(c.quote.startswith("« Nous ne sommes pas à vendre »") for q in quiz.questions for c in q.citations)
    assert f"«{NBSP}“Nous ne sommes pas à vendre”, a déclaré Marie Dupont, sa directrice générale.{NBSP}»\n" in key
    assert not re.search(f"«{NBSP}«|»{NBSP}»", key)


def test_english_text_has_an_answer_key_with_straight_quotes(en_quiz):
    _, quiz, text = en_quiz
    key = answer_key(text, "Answer key")
    for question in quiz.questions:
        for c in question.citations:
            if not MARKS.search(c.quote):
                assert f'   {c.passage} — "{c.quote}"\n' in key
    assert "«" not in text and NBSP not in text


def test_letters_go_on_after_z():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]
