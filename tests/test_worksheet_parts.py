"""The worksheet's parts without the PDF engine: versions, paper layouts, print options,
and the HTML that WeasyPrint is given. (worksheet.feature reads real PDFs back.)"""
from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

import pytest
from pydantic import ValidationError

from question_bank.models import Question, Quiz
from question_bank.service import quiz_for, read_article, sample_path
from question_bank.worksheet import PrintOptions, make_variants, worksheet_html
from question_bank.worksheet.html import css_string
from question_bank.worksheet.printable import key_entry, lead_in, printed


@lru_cache(maxsize=2)
def sample(language: str = "fr"):
    article = read_article(sample_path(language))
    return article, quiz_for(article, seed=0)


def right_texts(question: Question) -> list[str]:
    return [question.choices[i] for i in question.answer]


def written_question(article) -> Question:
    passage = article.body[1]
    return Question(id="short-1", kind="short_answer", language=article.language,
                    prompt="Qui parle dans ce paragraphe ?", choices=[], answer=[], accepted=["un analyste", "l'analyste"],
                    explanation="Le paragraphe cite un analyste.",
                    citations=[article.cite(passage.start, passage.end)], display={"lines": 4})


# --- versions --------------------------------------------------------------------------------

def test_version_a_is_the_quiz_as_published():
    _article, quiz = sample()
    assert list(make_variants(quiz, 3)[0].questions) == quiz.questions


def test_versions_are_deterministic_and_differ_by_seed():
    _article, quiz = sample()
    first = make_variants(quiz, 3, seed=5)
    assert first == make_variants(quiz, 3, seed=5)
    assert [v.letter for v in first] == ["A", "B", "C"]
    assert first[1].questions != make_variants(quiz, 3, seed=6)[1].questions


def test_every_version_keeps_each_questions_right_answer():
    _article, quiz = sample("en")
    expected = {q.id: right_texts(q) for q in quiz.questions}
    for variant in make_variants(quiz, 4, seed=1):
        assert {q.id: right_texts(q) for q in variant.questions} == expected
        assert [q.id for q in variant.questions] != [] and len(variant.questions) == len(quiz.questions)


def test_versions_differ_in_question_order():
    _article, quiz = sample()
    orders = {tuple(q.id for q in v.questions) for v in make_variants(quiz, 4, seed=0)}
    assert len(orders) == 4


def test_mark_the_word_choices_move_with_their_words():
    _article, quiz = sample()
    for variant in make_variants(quiz, 3, seed=2):
        for question in variant.questions:
            words, owners = question.display.get("words"), question.display.get("choice_words")
            if not owners:
                continue
            for choice, indexes in zip(question.choices, owners):
                assert " ".join(words[i]["text"] for i in indexes) == choice


@pytest.mark.parametrize("count", [0, 27])
def test_version_count_is_bounded(count):
    _article, quiz = sample()
    with pytest.raises(ValueError):
        make_variants(quiz, count)


# --- print options -------------------------------------------------------------------------------

def test_copies_must_hold_every_version():
    with pytest.raises(ValidationError, match="2 copies cannot hold 3 versions"):
        PrintOptions(variants=3, copies=2)
    assert PrintOptions(variants=3).copy_count == 3
    assert PrintOptions(variants=2, copies=30).copy_count == 30


def test_unknown_paper_is_refused():
    with pytest.raises(ValidationError):
        PrintOptions(paper="a3")


# --- paper layouts ---------------------------------------------------------------------------------

def test_mark_the_word_prints_the_lead_in_and_the_sentence_apart():
    _article, quiz = sample()
    question = next(q for q in quiz.questions if q.display.get("choice_words"))
    sheet_question = printed(1, question)
    assert sheet_question.layout == "mark_word"
    assert "«" not in sheet_question.prompt and sheet_question.prompt.endswith("?")
    assert sheet_question.sentence in " ".join(question.display["sentence"]["text"].split())


def test_an_edited_prompt_that_no_longer_ends_with_the_sentence_is_printed_whole():
    assert lead_in("Entourez le mot qui exprime un doute.", "Il aurait signé.") == "Entourez le mot qui exprime un doute."
    assert lead_in("Quel mot ? « Il aurait signé. »", "Il aurait signé.") == "Quel mot ?"
    assert lead_in('Which word? "He would have signed…"', "He would have signed the deal.") == "Which word?"


def test_written_answers_get_ruled_lines_and_the_key_lists_accepted_answers():
    article, quiz = sample()
    question = written_question(article)
    sheet_question = printed(3, question)
    assert (sheet_question.layout, sheet_question.lines) == ("written", 4)
    assert key_entry(3, question).answers == ("un analyste", "l'analyste")
    html = worksheet_html(article, Quiz(title=quiz.title, language="fr", seed=0, questions=[question]), PrintOptions())
    assert len(re.findall(r'class="ruled-line"', html)) == 4
    assert "Réponses acceptées" in html


def test_a_written_question_needs_accepted_answers():
    article, _quiz = sample()
    data = written_question(article).model_dump()
    with pytest.raises(ValidationError, match="accepted answers"):
        Question.model_validate({**data, "accepted": [" "]})
    with pytest.raises(ValidationError, match="accepted answers"):
        Question.model_validate({**data, "answer": [0]})


def test_multiple_choice_questions_get_one_box_per_choice():
    article, quiz = sample()
    html = worksheet_html(article, quiz, PrintOptions(), part="sheets")
    boxes = len(re.findall(r'<span class="box"></span>', html))
    assert boxes == sum(len(q.choices) for q in quiz.questions if not q.display.get("choice_words"))


def test_key_citations_keep_the_quote_exactly_and_name_its_passage():
    article, quiz = sample()
    for number, question in enumerate(quiz.questions, 1):
        for citation, printed_citation in zip(question.citations, key_entry(number, question).citations):
            assert printed_citation.passage == citation.passage
            assert printed_citation.quote == " ".join(citation.quote.split())


def _with_notes(question: Question) -> Question:
    notes = [f"Note sur « {choice} »" for choice in question.choices]
    return Question.model_validate({**question.model_dump(), "choice_feedback": notes})


def test_choice_notes_follow_their_choices_into_every_version_and_its_key():
    _article, quiz = sample()
    noted = Quiz(title=quiz.title, language=quiz.language, seed=0,
                 questions=[_with_notes(q) if q.choices else q for q in quiz.questions])
    moved = 0
    for variant in make_variants(noted, 3, seed=2):
        for number, question in enumerate(variant.questions, 1):
            assert question.choice_feedback == [f"Note sur « {c} »" for c in question.choices]
            entry = key_entry(number, question)
            words = bool(question.display.get("choice_words"))
            for index, (choice, note) in enumerate(zip(question.choices, question.choice_feedback)):
                assert (choice if words else chr(ord("A") + index), note) in [(f.letter, f.text) for f in entry.feedback]
            original = next(q for q in noted.questions if q.id == question.id)
            moved += question.choices != original.choices
    assert moved, "no version reordered any choice: the test proved nothing"


def test_choice_notes_are_printed_in_the_key_only():
    article, quiz = sample()
    question = next(q for q in quiz.questions if q.choices and not q.display.get("choice_words"))
    noted = Quiz(title=quiz.title, language="fr", seed=0, questions=[_with_notes(question)])
    key = unescape(worksheet_html(article, noted, PrintOptions(), part="key"))
    assert "Si l'élève a choisi" in key
    assert "<strong>B</strong> — Note sur" in key
    assert "Note sur" not in worksheet_html(article, noted, PrintOptions(), part="sheets")


def test_choice_notes_must_match_the_choices():
    article, quiz = sample()
    question = next(q for q in quiz.questions if q.choices)
    with pytest.raises(ValidationError, match="feedbacks for"):
        Question.model_validate({**question.model_dump(), "choice_feedback": ["seulement une"]})
    with pytest.raises(ValidationError, match="no choices"):
        Question.model_validate({**written_question(article).model_dump(), "choice_feedback": ["x"]})


# --- the HTML given to WeasyPrint ----------------------------------------------------------------------

def test_the_worksheet_follows_the_article_language_not_the_interface():
    article, quiz = sample("fr")
    html = worksheet_html(article, quiz, PrintOptions())
    assert '<html lang="fr">' in html and "Nom\u00a0:" in html and "Corrigé" in html
    english = worksheet_html(*sample("en"), PrintOptions())
    assert '<html lang="en">' in english and "Name:" in english and "Answer key" in english


def test_paper_size_reaches_the_page_rule():
    article, quiz = sample()
    assert "size: letter;" in worksheet_html(article, quiz, PrintOptions(paper="letter"))
    assert "size: A4;" in worksheet_html(article, quiz, PrintOptions())


def test_labels_are_escaped_inside_css_strings():
    assert css_string('page "1"') == '"page \\22 1\\22 "'
    assert css_string("page") == '"page"'


def test_citation_labels_on_the_sheet_match_the_article_passages():
    article, quiz = sample()
    html = worksheet_html(article, quiz, PrintOptions(), part="sheets")
    labels = re.findall(r'<span class="label">([^<]+)</span>', html)
    assert labels == [p.label for p in article.passages]
    cited = {c.passage for q in quiz.questions for c in q.citations}
    assert cited <= set(labels)



def test_french_print_keeps_marks_with_their_words_without_changing_a_letter():
    from question_bank.worksheet.html import keep_marks

    text = "Le mariage de l'année ? « Non », dit-il : c'est faux ; http://x.fr/?a=1"
    kept = keep_marks(text, "fr")
    assert kept == ("Le mariage de l'année\u00a0? «\u00a0Non\u00a0», dit-il\u00a0: c'est faux\u00a0; http://x.fr/?a=1")
    assert kept.replace("\u00a0", " ") == text
    assert keep_marks(text, "en") == text
