"""The quiz page's pieces that are the same for every student, rendered once per process and
kept (quiz/page_parts.py): a change of the quiz is seen by the next student, each interface
language has its own pieces, they never carry the answer key, and a page built from kept
pieces is the page built from fresh ones."""
from __future__ import annotations

import html
import re

import pytest

from quiz import page_parts
from quiz.extensions import db
from quiz.models import PublishedQuiz
from web_support import create_teacher, make_app, publish_direct, stored_quiz


@pytest.fixture(autouse=True)
def nothing_kept():
    page_parts.clear()
    yield
    page_parts.clear()


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path, BABEL_DEFAULT_LOCALE="en")
    create_teacher(app)
    return app


def joined(app, code: str, name: str, language: str = "en"):
    client = app.test_client()
    response = client.post(f"/join/{code}", data={"name": name}, headers={"Accept-Language": language})
    assert response.status_code == 302, response.data
    return client


def page(client, code: str, language: str = "en") -> str:
    response = client.get(f"/quiz/{code}", headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def kept_html() -> str:
    """Everything the process keeps, as one text."""
    pieces = []
    for parts in list(page_parts._kept.values()):
        pieces += [str(parts.article), str(parts.messages)]
        for q in parts.questions:
            pieces += [str(q.fieldset[0]), str(q.fieldset[1]), str(q.head)]
            pieces += [str(half) for choice in q.choices for half in choice]
    return "\n".join(pieces)


def test_a_change_of_the_quiz_is_seen_by_the_next_student(app):
    code = publish_direct(app)
    first = page(joined(app, code, "Léa Martin"), code)
    quiz = stored_quiz(app, code)
    old_prompt = quiz["questions"][0]["prompt"]
    assert html.escape(old_prompt, quote=False) in first and page_parts.kept() == 1
    # Edited as stored (no feature edits a published quiz today: the pieces must not rely on it).
    new_prompt = "Prompt changed by the teacher: which sentence is a rumour?"
    word = re.search(r"\b[a-zà-ÿ]{6,}\b", quiz["article_text"])[0]
    with app.app_context():
        record = db.session.get(PublishedQuiz, quiz["id"])
        record.questions = [{**quiz["questions"][0], "prompt": new_prompt}, *quiz["questions"][1:]]
        record.article_text = quiz["article_text"].replace(word, word.upper())   # same offsets
        db.session.commit()
    second = page(joined(app, code, "Tom Roux"), code)
    assert new_prompt in second and html.escape(old_prompt, quote=False) not in second
    assert word.upper() in second
    assert page_parts.kept() == 2


def test_two_languages_do_not_share_pieces(app):
    code = publish_direct(app)
    french, english = joined(app, code, "Léa Martin", "fr"), joined(app, code, "Tom Roux", "en")
    for _ in range(2):   # the second time, both come from kept pieces
        fr_page, en_page = page(french, code, "fr"), page(english, code, "en")
        assert 'class="question-number" lang="fr"' in fr_page and 'class="question-number" lang="en"' not in fr_page
        assert 'class="question-number" lang="en"' in en_page and 'class="question-number" lang="fr"' not in en_page
        assert 'data-msg-saved="Enregistré"' in fr_page and 'data-msg-saved="Saved"' in en_page
        if 'class="word-picker"' in fr_page:
            assert "Choisissez un mot dans la phrase" in fr_page and "Choose a word in the sentence" in en_page
            assert "Choose a word" not in fr_page and "Choisissez un mot" not in en_page
    assert page_parts.kept() == 2


def test_the_kept_pieces_never_carry_the_answer_key(app):
    code = publish_direct(app)
    for language in ("fr", "en"):
        page(joined(app, code, f"Élève {language}", language), code, language)
    kept = kept_html()
    quiz = stored_quiz(app, code)
    assert kept and page_parts.kept() == 2
    # No field of the key, as JSON or as an attribute (the clock's messages do say "answer").
    assert not re.search(r"""["'](answer|explanation|citations|accepted|choice_feedback|correct)["']""", kept)
    assert not re.search(r"data-(answer|correct|explanation|citation|accepted|feedback)", kept, re.I)
    assert not re.search(r"explanation|citation|feedback|correct", kept, re.I)
    article = quiz["article_text"]
    for question in quiz["questions"]:
        assert question["explanation"] not in kept
        for secret in [*(question.get("accepted") or []), *(question.get("choice_feedback") or [])]:
            if secret.strip() and secret not in article and secret not in question["choices"]:
                assert html.escape(secret, quote=False) not in kept, secret


def test_a_page_from_kept_pieces_is_the_page_from_fresh_ones(app):
    code = publish_direct(app)
    client = joined(app, code, "Léa Martin")
    questions = stored_quiz(app, code)["questions"]
    saved = client.post(f"/quiz/{code}/answer", json={"question_id": questions[0]["id"], "choices": [1]})
    assert saved.status_code == 200
    fresh = page(client, code)
    assert page_parts.kept() == 1
    from_kept = page(client, code)
    assert from_kept == fresh
    # The student's own answer is checked, on the pieces every student shares.
    assert re.search(rf'id="q-{questions[0]["id"]}-1"[^>]*\s+checked>', from_kept)
    assert not re.search(rf'id="q-{questions[0]["id"]}-0"[^>]*\s+checked>', from_kept)
    other = page(joined(app, code, "Tom Roux"), code)
    assert not re.search(r"\schecked>", other)


def test_at_most_max_quizzes_are_kept(app, monkeypatch):
    monkeypatch.setattr(page_parts, "MAX_QUIZZES", 2)
    codes = [publish_direct(app) for _ in range(3)]
    for n, code in enumerate(codes):
        page(joined(app, code, f"Élève {n}"), code)
    assert page_parts.kept() == 2


def test_the_join_page_counts_the_quizs_questions_in_each_language(app):
    """The join page takes the number of questions from the database (json_array_length), not
    from the decoded questions: the count it shows is the quiz's."""
    quiz = stored_quiz(app, code := publish_direct(app))
    count = len(quiz["questions"])
    english = app.test_client().get(f"/join/{code}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    french = app.test_client().get(f"/join/{code}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert f"{count} questions" in english and f"{count} questions" in french
    one = publish_direct(app, keep=[quiz_questions_first_id(app)])
    assert "1 question ·" in " ".join(app.test_client().get(f"/join/{one}").get_data(as_text=True).split())


def quiz_questions_first_id(app) -> str:
    from web_support import preview_of, sample_bytes

    return preview_of(sample_bytes("fr"))[1].questions[0].id
