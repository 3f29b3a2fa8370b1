"""Questions from the bank reach students like generated ones: no key before submitting.
A short answer's accepted answers are its key: they must not be in any response either."""
from __future__ import annotations

import re

from question_bank.article import article_from_bytes
from question_bank.bank.items import BankQuestion
from web_support import TEACHER_EMAIL, FakeClock, create_teacher, csrf_token_in, make_app, sample_bytes

ACCEPTED = "le verbe valoriser au conditionnel présent"


def _published_short_answer(app) -> str:
    from quiz import bank
    from quiz.extensions import db
    from quiz.models import Teacher

    with app.app_context():
        now = app.config["CLOCK"]()
        teacher = db.session.execute(db.select(Teacher).filter_by(email=TEACHER_EMAIL)).scalar_one()
        article = bank.store_article(teacher, article_from_bytes(sample_bytes("fr")), now)
        quote = "Veltora valoriserait sa cible à 2,8 milliards d'euros, dette comprise."
        start = article.text.index(quote)
        citation = bank.article_of(bank.article_item(article)).cite(start, start + len(quote))
        item = BankQuestion(article=article.ref, kind="short_answer", language="fr",
                            prompt="Quelle forme verbale montre que le prix n'est pas confirmé ?",
                            accepted=[ACCEPTED], explanation="Le conditionnel signale une information non confirmée.",
                            citations=[citation], status="approved")
        record = bank.save_question(teacher, article, item, now)
        return bank.publish_from_bank(teacher, article, [record], now, time_limit_seconds=600).code


def test_a_short_answers_accepted_answers_stay_on_the_server_until_submission(tmp_path):
    app = make_app(tmp_path, clock=FakeClock())
    create_teacher(app)
    code = _published_short_answer(app)
    assert ACCEPTED not in sample_bytes("fr").decode("utf-8")
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    responses = [client.post(f"/join/{code}", data={"name": "Léo"})]
    page = client.get(f"/quiz/{code}")
    responses.append(page)
    html = page.get_data(as_text=True)
    question_id = re.search(r'data-question-id="([^"]+)"', html)[1]
    token = csrf_token_in(html)
    responses.append(client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "text": "le futur"},
                                 headers={"X-CSRFToken": token}))
    responses.append(client.get(f"/quiz/{code}/state"))
    responses.append(client.get(f"/quiz/{code}"))
    for response in responses:
        body = response.get_data(as_text=True)
        assert ACCEPTED not in body and "accepted" not in body, body[:300]
        assert "conditionnel signale" not in body
    assert 'value="le futur"' in responses[-1].get_data(as_text=True)   # a reload keeps the typed answer

    assert client.post(f"/quiz/{code}/submit", data={"csrf_token": token}).status_code == 302
    review = client.get(f"/quiz/{code}/review").get_data(as_text=True)
    assert ACCEPTED in review and "✗ Wrong" in review   # after submitting, the key is shown


def test_a_written_answer_is_graded_leniently_on_case_and_spaces_only():
    from quiz.attempts import written_matches

    assert written_matches("  Valoriserait. ", ["valoriserait"])
    assert not written_matches("valoriseraient", ["valoriserait"])
    assert not written_matches("a", ["à"])          # accents count
    assert not written_matches("   ", ["valoriserait"])


def test_a_choice_sent_for_a_written_question_is_refused(tmp_path):
    app = make_app(tmp_path, clock=FakeClock())
    create_teacher(app)
    code = _published_short_answer(app)
    client = app.test_client()
    client.post(f"/join/{code}", data={"name": "Léo"})
    html = client.get(f"/quiz/{code}").get_data(as_text=True)
    question_id = re.search(r'data-question-id="([^"]+)"', html)[1]
    token = csrf_token_in(html)
    for bad in ({"question_id": question_id, "choices": [0]}, {"question_id": question_id, "text": "x" * 301},
                {"question_id": question_id, "text": 5}):
        assert client.post(f"/quiz/{code}/answer", json=bad, headers={"X-CSRFToken": token}).status_code == 400


def test_an_import_over_the_size_limit_is_refused_with_a_plain_message(tmp_path):
    import io

    from question_bank.formats import MAX_IMPORT_BYTES
    from web_support import TEACHER_PASSWORD

    app = make_app(tmp_path, clock=FakeClock())
    create_teacher(app)
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}).status_code == 302
    huge = io.BytesIO(b"a: b\n" * (MAX_IMPORT_BYTES // 5 + 200_000))
    response = client.post("/teach/bank/import", data={"file": (huge, "bank.yaml")}, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "larger than 10 MB: nothing was imported" in response.get_data(as_text=True)
    from quiz.extensions import db
    from quiz.models import BankQuestion

    with app.app_context():
        assert db.session.execute(db.select(db.func.count(BankQuestion.id))).scalar() == 0
