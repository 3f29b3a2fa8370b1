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
        return bank.publish_from_bank(teacher, article, [record], now, time_limit_seconds=600,
                                      review_policy="after_submit").code


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


HOSTILE = '<script>alert("x")</script><a href="javascript:alert(1)">lien</a><img src=x onerror=alert(2)>'


def test_markup_in_an_article_and_a_question_is_inert_on_every_page(tmp_path):
    """Bank list, article page, question form, quiz, review and worksheet print view: the
    hostile text is shown as text, never as an element, a handler or a javascript: link."""
    from quiz import bank
    from quiz.extensions import db
    from quiz.models import Teacher
    from web_support import TEACHER_PASSWORD

    app = make_app(tmp_path, clock=FakeClock())
    create_teacher(app)
    text = sample_bytes("fr").decode("utf-8").replace("\n", "\n" + HOSTILE + "\n", 1)
    with app.app_context():
        now = app.config["CLOCK"]()
        teacher = db.session.execute(db.select(Teacher).filter_by(email=TEACHER_EMAIL)).scalar_one()
        article = bank.store_article(teacher, article_from_bytes(text.encode("utf-8")), now)
        start = article.text.index(HOSTILE)
        citation = bank.article_of(bank.article_item(article)).cite(start, start + len(HOSTILE))
        item = BankQuestion(article=article.ref, kind="multiple_choice", language="fr", prompt=f"Que dit {HOSTILE} ?",
                            choices=[HOSTILE, "Rien"], answer=[0], explanation=f"Parce que {HOSTILE}.",
                            citations=[citation], tags=["<b>tag</b>"], status="approved")
        record = bank.save_question(teacher, article, item, now)
        code = bank.publish_from_bank(teacher, article, [record], now, review_policy="after_submit").code
        article_id, question_id = article.id, record.id
    teacher_client = app.test_client()
    assert teacher_client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}).status_code == 302
    pages = {path: teacher_client.get(path) for path in (
        "/teach/bank/", f"/teach/bank/article/{article_id}", f"/teach/bank/question/{question_id}/edit",
        f"/teach/quiz/{code}", f"/teach/quiz/{code}/worksheet?format=html")}
    student = app.test_client()
    student.post(f"/join/{code}", data={"name": "Alex"})
    pages["quiz"] = student.get(f"/quiz/{code}")
    token = re.search(r'name="csrf-token" content="([^"]+)"', pages["quiz"].get_data(as_text=True))[1]
    student.post(f"/quiz/{code}/submit", data={"csrf_token": token})
    pages["review"] = student.get(f"/quiz/{code}/review")
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.get_data(as_text=True)
        elements = _elements(html)
        assert not [a for tag, a in elements if tag == "script" and "src" not in a], name   # only our own script files
        assert not [tag for tag, _a in elements if tag == "img"], name
        assert not [(tag, k) for tag, a in elements for k in a if k.startswith("on")], name
        assert not [(tag, k) for tag, a in elements for k, v in a.items()
                    if k in ("href", "src", "action", "formaction") and (v or "").strip().lower().startswith("javascript:")], name
        if name != f"/teach/quiz/{code}":   # the teacher's quiz page shows no article or question text
            assert "&lt;script&gt;" in html, f"{name}: the hostile text is not shown at all"


def _elements(html: str) -> list[tuple[str, dict]]:
    from html.parser import HTMLParser

    found: list[tuple[str, dict]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Reader(convert_charrefs=True).feed(html)
    return found
