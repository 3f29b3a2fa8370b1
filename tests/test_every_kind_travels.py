"""Every registered question kind, the newest included, is printed on paper (sheet and key) and
travels through every export format that can be read back: nothing is specific to the kinds a
format or a layout was written for."""
from __future__ import annotations

from html import unescape

import pytest

from question_bank.bank.build import bank_article
from question_bank.bank.items import BankFile, BankQuestion
from question_bank.formats import FORMATS
from question_bank.kinds import KINDS
from question_bank.models import Question, Quiz
from question_bank.service import SAMPLE_SOURCES, quiz_for, read_article, sample_path
from question_bank.worksheet import PrintOptions, worksheet_html

ARTICLE = read_article(sample_path("fr"))
GENERATED = quiz_for(ARTICLE, seed=0).questions


def one_question(kind: str, number: int) -> Question:
    """A generated question of that kind when the sample has one, else a plain choice question
    of that kind citing a paragraph (what the kind's builder makes on other articles)."""
    found = next((q for q in GENERATED if q.kind == kind), None)
    if found is not None:
        return found
    passage = ARTICLE.body[number % len(ARTICLE.body)]
    return Question(id=f"{kind}-travels", kind=kind, language="fr", prompt=f"Question de type {kind} numéro {number} ?",
                    choices=[f"Bonne réponse {number}", f"Autre réponse {number}", f"Troisième réponse {number}"],
                    answer=[0], explanation=f"Explication {number}.",
                    citations=[ARTICLE.cite(passage.start, passage.end)])


QUESTIONS = [one_question(kind, n) for n, kind in enumerate(KINDS)]


def test_every_kind_is_printed_on_the_sheet_and_in_the_key():
    quiz = Quiz(title=ARTICLE.title, language="fr", seed=0, questions=QUESTIONS)
    sheet = unescape(worksheet_html(ARTICLE, quiz, PrintOptions(), part="sheets"))
    key = unescape(worksheet_html(ARTICLE, quiz, PrintOptions(), part="key"))
    for question in QUESTIONS:
        opening = question.prompt.split("«")[0].strip()[:30]
        assert opening in sheet, question.kind
        assert question.choices[question.answer[0]][:30] in key or question.explanation[:30] in key, question.kind


@pytest.mark.parametrize("name", [name for name, fmt in FORMATS.items() if fmt.load is not None])
def test_every_kind_travels_through_each_format(name):
    item = bank_article(ARTICLE, source=SAMPLE_SOURCES["fr"])
    bank = BankFile(articles=[item], questions=[
        BankQuestion.from_question(q, item.ref, origin="generated", status="approved") for q in QUESTIONS])
    fmt = FORMATS[name]
    loaded = fmt.load(fmt.export(bank), {item.ref: item})
    assert [q.kind for q in loaded.questions] == [q.kind for q in bank.questions]
    assert [q.prompt for q in loaded.questions] == [q.prompt for q in bank.questions]
    assert [q.answer for q in loaded.questions] == [q.answer for q in bank.questions]
