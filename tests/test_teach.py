"""The teacher side of the web app: login, new quiz (paste/upload/sample → preview →
publish), the quiz page with accommodations and closing, results and CSV, French and
English UI. Real app, real Alembic migration, real SQLite file in tmp_path, Flask's test
client, and a clock the tests move by hand."""
from __future__ import annotations

import csv
import functools
import html
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from quiz import create_app
from quiz.extensions import db
from quiz.models import Accommodation, Attempt, PublishedQuiz, Teacher
from quiz.publishing import preview
from databases import app_database

SAMPLES = Path(__file__).resolve().parent.parent / "question_bank" / "samples"
SAMPLE_FR = SAMPLES / "rumeur-rachat.fr.txt"
SAMPLE_EN = SAMPLES / "takeover-talk.en.txt"
START = datetime(2026, 3, 2, 9, 0, 0)
EMAIL, PASSWORD = "prof@example.org", "correct horse battery"
OTHER_EMAIL, OTHER_PASSWORD = "autre@example.org", "another good password"


class FakeClock:
    def __init__(self, now: datetime = START):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class EnglishBrowser(FlaskClient):
    """A browser asking for English pages unless a request says otherwise (the site's default is French)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def clock():
    return FakeClock()


def build_app(tmp_path, clock, **extra):
    from flask_migrate import upgrade

    config = {"TESTING": True, **app_database(tmp_path, "t"),
              "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test", "CLOCK": clock, "RATELIMIT_ENABLED": False}
    config.update(extra)
    app = create_app(config)
    app.test_client_class = EnglishBrowser
    with app.app_context():
        upgrade()
        for email, password in ((EMAIL, PASSWORD), (OTHER_EMAIL, OTHER_PASSWORD)):
            db.session.add(Teacher(email=email, password_hash=generate_password_hash(password), created_at=clock()))
        db.session.commit()
    return app


@pytest.fixture
def app(tmp_path, clock):
    return build_app(tmp_path, clock)


def login(app, email=EMAIL, password=PASSWORD):
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.status_code
    return client


@functools.lru_cache(maxsize=4)
def generated(path: Path, seed: int | None = None):
    """(Article, Quiz) of a sample (with the preview page's seed, when given)."""
    from quiz.publishing import preview

    return preview(path.read_bytes(), seed=seed)


def publish_sample(app, path: Path = SAMPLE_FR, keep=None, owner=EMAIL, **settings) -> str:
    from quiz.publishing import publish

    article, quiz = generated(path)
    with app.app_context():
        teacher = db.session.execute(db.select(Teacher).filter_by(email=owner)).scalar_one()
        return publish(teacher, article, quiz, keep, app.config["CLOCK"](), **settings).code


def join(app, code: str, name: str):
    student = app.test_client()
    response = student.post(f"/join/{code}", data={"name": name})
    assert response.status_code == 302, response.status_code
    return student


def text_of(response) -> str:
    """The page's visible text, tags removed and entities decoded, spaces collapsed."""
    body = response.get_data(as_text=True)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def keep_ids(page: str) -> list[str]:
    return re.findall(r'name="keep" value="([^"]+)"', page)


def hidden(page: str, name: str) -> str:
    found = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', page)
    assert found, name
    return html.unescape(found.group(1))


def stored(app, code: str):
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        db.session.expunge(quiz)
        return quiz


# --- login ------------------------------------------------------------------------------

def test_login_works_and_a_wrong_password_is_401(app):
    client = app.test_client()
    wrong = client.post("/login", data={"email": EMAIL, "password": "nope"})
    assert wrong.status_code == 401
    assert "Wrong email or password." in text_of(wrong)
    right = client.post("/login", data={"email": EMAIL.upper(), "password": PASSWORD})
    assert right.status_code == 302 and right.headers["Location"].endswith("/teach/")
    assert client.get("/teach/").status_code == 200


def test_the_sixth_failed_login_in_a_minute_is_refused(tmp_path, clock):
    app = build_app(tmp_path, clock, RATELIMIT_ENABLED=True)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "10.11.12.13"
    for _ in range(5):
        assert client.post("/login", data={"email": EMAIL, "password": "nope"}).status_code == 401
    refused = client.post("/login", data={"email": EMAIL, "password": PASSWORD})
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    assert "Too many failed attempts" in text_of(refused)   # even the right password waits
    clock.advance(seconds=61)
    assert client.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302


def test_failed_logins_are_counted_by_every_worker(tmp_path, clock):
    """Two app instances on one database, as two gunicorn workers or hosts: failures seen by
    one count for the other, since the limit lives in the database, not in a process."""
    first = build_app(tmp_path, clock, RATELIMIT_ENABLED=True)
    second = create_app({**first.config, "SQLALCHEMY_DATABASE_URI": first.config["SQLALCHEMY_DATABASE_URI"]})
    one, two = first.test_client(), second.test_client()
    for client in (one, two):
        client.environ_base["REMOTE_ADDR"] = "10.0.0.7"
    for client in (one, two, one, two, one):
        assert client.post("/login", data={"email": EMAIL, "password": "nope"}).status_code == 401
    assert two.post("/login", data={"email": EMAIL, "password": "nope"}).status_code == 429
    assert one.post("/login", data={"email": EMAIL, "password": "nope"}).status_code == 429


def test_guessing_one_account_from_many_addresses_is_slowed_but_never_locks_the_teacher_out(tmp_path, clock):
    waits: list[float] = []
    app = build_app(tmp_path, clock, RATELIMIT_ENABLED=True, SLEEP=waits.append)
    for n in range(14):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.1.0.{n}"
        assert client.post("/login", data={"email": EMAIL, "password": f"guess {n}"}).status_code == 401
    assert waits[:11] == [0.0] * 11 and waits[11:] == [0.25, 0.5, 0.75]
    teacher = app.test_client()
    teacher.environ_base["REMOTE_ADDR"] = "10.1.0.99"
    assert teacher.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302
    assert waits[-1] == 1.0


def test_one_address_spraying_many_accounts_is_refused(tmp_path, clock):
    app = build_app(tmp_path, clock, RATELIMIT_ENABLED=True)
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "10.2.0.1"
    for n in range(20):
        assert client.post("/login", data={"email": f"t{n}@school.test", "password": "x"}).status_code == 401
    assert client.post("/login", data={"email": "t99@school.test", "password": "x"}).status_code == 429


def test_logging_out_ends_the_session_on_the_server(app):
    client = app.test_client()
    assert client.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302
    copied = client.get_cookie("session").value
    assert client.post("/logout").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/teach/").status_code == 302   # sent to the login page
    again = app.test_client()
    assert again.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302
    assert again.get("/teach/").status_code == 200


def test_an_unknown_email_costs_the_same_password_check_as_a_known_one(app, monkeypatch):
    import quiz.blueprints.auth as auth

    checked: list[str] = []
    real = auth.check_password_hash
    monkeypatch.setattr(auth, "check_password_hash", lambda h, p: checked.append(h.split("$")[0]) or real(h, p))
    client = app.test_client()
    client.post("/login", data={"email": EMAIL, "password": "nope"})
    client.post("/login", data={"email": "nobody@school.test", "password": "nope"})
    assert len(checked) == 2 and checked[0] == checked[1]   # the same hashing method, run both times


# --- who may see what ---------------------------------------------------------------------

def test_teacher_pages_require_login(app):
    code = publish_sample(app)
    anonymous = app.test_client()
    for url in ("/teach/", "/teach/new", f"/teach/quiz/{code}", f"/teach/quiz/{code}/results",
                f"/teach/quiz/{code}/results.csv"):
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].split("?")[0].endswith("/login"), url
    for url in (f"/teach/quiz/{code}/close", f"/teach/quiz/{code}/accommodation", "/teach/publish", "/teach/new"):
        assert anonymous.post(url, data={"name": "Léa", "kind": "unlimited"}).status_code == 302, url
    assert stored(app, code).closed_at is None


def test_another_teachers_quiz_is_404(app):
    code = publish_sample(app)
    other = login(app, OTHER_EMAIL, OTHER_PASSWORD)
    for url in (f"/teach/quiz/{code}", f"/teach/quiz/{code}/results", f"/teach/quiz/{code}/results.csv"):
        assert other.get(url).status_code == 404, url
    assert other.post(f"/teach/quiz/{code}/close").status_code == 404
    assert other.post(f"/teach/quiz/{code}/accommodation",
                      data={"name": "Léa", "kind": "unlimited", "value": ""}).status_code == 404
    assert code not in other.get("/teach/").get_data(as_text=True)
    assert stored(app, code).closed_at is None
    owner = login(app)
    assert code in owner.get("/teach/").get_data(as_text=True)


# --- new quiz ---------------------------------------------------------------------------

def test_pasted_article_shows_questions_with_their_citations(app):
    teacher = login(app)
    form = teacher.get("/teach/new").get_data(as_text=True)
    assert 'name="text"' in form and 'name="file"' in form and 'name="sample"' in form
    assert 'name="csrf_token"' in form
    response = teacher.post("/teach/new", data={"text": SAMPLE_EN.read_text(encoding="utf-8")})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    _article, quiz = generated(SAMPLE_EN, seed=int(hidden(page, "seed")))
    assert keep_ids(page) == [q.id for q in quiz.questions]
    assert all(f'value="{qid}"\n                     checked' in page or f'value="{qid}" checked' in page
               or re.search(rf'value="{re.escape(qid)}"\s+checked', page) for qid in keep_ids(page))
    text = text_of(response)
    for question in quiz.questions:
        assert question.prompt in text
        for citation in question.citations:
            # The passage's own quotation marks are nested (" → ‘ ’): its words are the article's.
            quote = " ".join(citation.quote.split())
            shown = re.sub(r'(^|(?<=\s))"', "‘", quote).replace('"', "’")
            assert f"{citation.passage} — “{shown}”" in text
    assert "“\"" not in text and "\"”" not in text
    assert "¶1" in text and "correct answer" in text
    assert 'name="csrf_token"' in page
    assert "<script>" not in page


def test_an_uploaded_text_file_is_previewed_and_published_as_uploaded(app):
    teacher = login(app)
    data = SAMPLE_EN.read_bytes()
    page = teacher.post("/teach/new", data={"text": "", "file": (io.BytesIO(data), "takeover.TXT")},
                        content_type="multipart/form-data").get_data(as_text=True)
    assert keep_ids(page) == [q.id for q in generated(SAMPLE_EN, seed=int(hidden(page, "seed")))[1].questions]
    response = teacher.post("/teach/publish", data={"article_data": hidden(page, "article_data"), "seed": hidden(page, "seed"),
                                                    "keep": keep_ids(page), "time_limit_minutes": "",
                                                    "on_expiry": "autosubmit", "review_policy": "after_submit"})
    code = response.headers["Location"].rsplit("/", 1)[1]
    quiz = stored(app, code)
    assert quiz.article_text == data.decode("utf-8") and quiz.time_limit_seconds is None
    assert len(quiz.questions) == len(keep_ids(page))


def test_a_saved_web_page_is_previewed_and_published(app):
    teacher = login(app)
    data = (Path(__file__).resolve().parent / "fixtures" / "page.fr.html").read_bytes()
    response = teacher.post("/teach/new", data={"file": (io.BytesIO(data), "page.html")},
                            content_type="multipart/form-data")
    assert response.status_code == 200, text_of(response)[:300]
    page = response.get_data(as_text=True)
    assert keep_ids(page) and "¶1" in text_of(response)
    published = teacher.post("/teach/publish", data={"article_data": hidden(page, "article_data"),
                                                     "seed": hidden(page, "seed"), "keep": keep_ids(page)[:1],
                                                     "on_expiry": "autosubmit", "review_policy": "after_submit"})
    assert published.status_code == 302
    _article, shown = preview(data, seed=int(hidden(page, "seed")))
    prompt = next(q.prompt for q in shown.questions if q.id == keep_ids(page)[0])
    assert [q["prompt"] for q in stored(app, published.headers["Location"].rsplit("/", 1)[1]).questions] == [prompt]


@pytest.mark.parametrize("data, message", [
    ({"text": "   \n  "}, "Paste the article's text, upload a file, or use the sample article."),
    ({"text": "Un mot. Deux."}, "The article is empty or too short to make questions from."),
    ({"text": "x" * 20, "file": (io.BytesIO(b"\x00\x01\x02PK\x03\x04" * 50), "article.txt")},
     "This looks like a binary file, not an article"),
    ({"text": "x" * 20, "file": (io.BytesIO(b"<p>hi</p>"), "article.odt")},
     "Upload a .txt file, a saved web page (.html), a PDF or a Word document (.docx)."),
])
def test_unusable_article_gives_a_plain_message_and_keeps_the_text(app, data, message):
    teacher = login(app)
    response = teacher.post("/teach/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert message in text_of(response)
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", response.get_data(as_text=True), re.S).group(1)
    assert html.unescape(textarea) == data["text"]
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar() == 0


def test_an_article_over_the_size_limit_gets_the_plain_message(app):
    teacher = login(app)
    response = teacher.post("/teach/new", data={"text": "a" * (3 * 1024 * 1024)})
    assert response.status_code == 400
    assert "The article is too long (more than 1 MB)" in text_of(response)
    response = teacher.post("/teach/new", data={"file": (io.BytesIO(b"%PDF" + b"x" * 11_000_000), "big.pdf")},
                            content_type="multipart/form-data")
    assert response.status_code == 413
    assert "too large (more than 10 MB for a document" in text_of(response)


def test_a_pdf_or_a_word_document_is_read_as_its_article(app):
    import docx
    from weasyprint import HTML

    paragraphs = ["Le quai nord du port de Brévannes fermera le 1er juin, a annoncé mardi la chambre de commerce, "
                  "qui gère le site depuis 1998 et veut regrouper l'activité sur le quai sud.",
                  "Selon des sources syndicales, une quarantaine d'emplois seraient menacés par cette décision, "
                  "que la direction justifie par la baisse du trafic depuis deux ans."]
    title = "Le port de Brévannes ferme un quai"
    pdf = HTML(string=f"<body style='width:11cm'><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
               + "</body>").write_pdf()
    document = docx.Document()
    document.add_heading(title, 1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    word = io.BytesIO()
    document.save(word)
    teacher = login(app)
    for data, name in ((pdf, "port.pdf"), (word.getvalue(), "port.docx")):
        page = teacher.post("/teach/new", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
        assert page.status_code == 200, (name, text_of(page)[:500])
        text = text_of(page)
        assert title in text and "Selon des sources syndicales, une quarantaine d'emplois seraient menacés" in text
    broken = teacher.post("/teach/new", data={"file": (io.BytesIO(b"%PDF-1.7 not really"), "scan.pdf")},
                          content_type="multipart/form-data")
    assert broken.status_code == 400 and "No text could be read from this document" in text_of(broken)


def test_publish_keeps_exactly_the_chosen_questions_with_the_settings(app):
    teacher = login(app)
    page = teacher.post("/teach/new", data={"sample": "fr"}).get_data(as_text=True)
    ids = keep_ids(page)
    assert len(ids) >= 4
    assert re.search(r"¶\d+ — «\xa0[^»]+\xa0»", html.unescape(page))   # French quotes for a French article
    chosen = [ids[1], ids[3]]
    data = {"article_data": hidden(page, "article_data"), "seed": hidden(page, "seed"), "keep": chosen,
            "time_limit_minutes": "12", "on_expiry": "grace", "grace_minutes": "3", "review_policy": "after_close"}
    response = teacher.post("/teach/publish", data=data)
    assert response.status_code == 302
    code = re.fullmatch(r".*/teach/quiz/([A-Z0-9]+)", response.headers["Location"]).group(1)
    quiz = stored(app, code)
    _article, shown = preview(SAMPLE_FR.read_bytes(), seed=int(hidden(page, "seed")))
    prompts = {q.id: q.prompt for q in shown.questions}
    assert [q["prompt"] for q in quiz.questions] == [prompts[qid] for qid in chosen]
    assert (quiz.time_limit_seconds, quiz.on_expiry, quiz.grace_seconds, quiz.review_policy) == \
        (720, "grace", 180, "after_close")
    assert quiz.article_text == SAMPLE_FR.read_text(encoding="utf-8")
    quiz_page = teacher.get(f"/teach/quiz/{code}")
    assert code in text_of(quiz_page)
    assert f"http://localhost/join/{code}" in quiz_page.get_data(as_text=True)


def test_publish_refuses_bad_settings_and_saves_nothing(app):
    teacher = login(app)
    page = teacher.post("/teach/new", data={"sample": "fr"}).get_data(as_text=True)
    base = {"article_data": hidden(page, "article_data"), "seed": "0", "on_expiry": "autosubmit",
            "review_policy": "after_submit"}
    none_kept = teacher.post("/teach/publish", data={**base, "time_limit_minutes": ""})
    assert none_kept.status_code == 400 and "Keep at least one question." in text_of(none_kept)
    bad_limit = teacher.post("/teach/publish", data={**base, "keep": keep_ids(page)[:1], "time_limit_minutes": "-3"})
    assert bad_limit.status_code == 400 and "Type a whole number of minutes from 1 to 600" in text_of(bad_limit)
    # The teacher's choice survives the error: only the first question is still ticked.
    assert len(re.findall(r'name="keep" value="[^"]+"\s+checked', bad_limit.get_data(as_text=True))) == 1
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar() == 0


# --- the quiz page: accommodations, closing ------------------------------------------------

def ends_at(app, code, name):
    from quiz import attempts

    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        attempt = db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id,
                                                                  student_key=attempts.student_key(name))).scalar_one()
        return attempts.ends_at(attempt), attempt.submitted_at


def test_extra_time_granted_during_an_attempt_extends_the_deadline(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Sam Diallo")
    assert ends_at(app, code, "Sam Diallo")[0] == START + timedelta(minutes=10)
    clock.advance(minutes=8)
    teacher = login(app)
    response = teacher.post(f"/teach/quiz/{code}/accommodation", data={"name": "  sam   DIALLO ", "kind": "multiplier",
                                                                       "value": "1,5"})
    assert response.status_code == 302
    assert ends_at(app, code, "Sam Diallo") == (START + timedelta(minutes=15), None)
    teacher.post(f"/teach/quiz/{code}/accommodation", data={"name": "Sam Diallo", "kind": "minutes", "value": "20"})
    assert ends_at(app, code, "Sam Diallo")[0] == START + timedelta(minutes=30)
    clock.advance(minutes=10)   # 18 minutes in: still open thanks to the extra time
    page = teacher.get(f"/teach/quiz/{code}")
    assert "In progress, 12:00 left" in text_of(page)
    teacher.post(f"/teach/quiz/{code}/accommodation", data={"name": "Sam Diallo", "kind": "unlimited", "value": ""})
    assert ends_at(app, code, "Sam Diallo")[0] is None
    with app.app_context():
        granted = db.session.execute(db.select(Accommodation)).scalar_one()
        assert (granted.student_key, granted.unlimited) == ("sam diallo", True)


def test_extra_time_granted_before_joining_applies_at_join(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    teacher = login(app)
    teacher.post(f"/teach/quiz/{code}/accommodation", data={"name": "Léa Martin", "kind": "minutes", "value": "5"})
    assert "Léa Martin will get it when they join" in text_of(teacher.get(f"/teach/quiz/{code}"))
    join(app, code, "léa martin")
    assert ends_at(app, code, "Léa Martin")[0] == START + timedelta(minutes=15)


@pytest.mark.parametrize("data, message", [
    ({"name": "Léa", "kind": "multiplier", "value": "5"}, "Type a multiplier from 1 to 4"),
    ({"name": "Léa", "kind": "multiplier", "value": "abc"}, "Type a multiplier from 1 to 4"),
    ({"name": "Léa", "kind": "minutes", "value": "0"}, "Type a whole number of minutes from 1 to 240."),
    ({"name": "Léa", "kind": "minutes", "value": "241"}, "Type a whole number of minutes from 1 to 240."),
    ({"name": "  ", "kind": "unlimited", "value": ""}, "Type the student's name"),
    ({"name": "Léa", "kind": "forever", "value": ""}, "Choose the kind of extra time."),
])
def test_accommodation_form_errors_are_shown_next_to_the_field(app, data, message):
    code = publish_sample(app, time_limit_seconds=600)
    teacher = login(app)
    response = teacher.post(f"/teach/quiz/{code}/accommodation", data=data)
    assert response.status_code == 400
    assert message in text_of(response)
    assert 'aria-invalid="true"' in response.get_data(as_text=True) or data["kind"] == "forever"
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Accommodation.id))).scalar() == 0


def test_extra_time_does_not_reopen_an_attempt_whose_time_is_over(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Sam")
    clock.advance(minutes=11)
    teacher = login(app)
    teacher.post(f"/teach/quiz/{code}/accommodation", data={"name": "Sam", "kind": "minutes", "value": "30"})
    ends, submitted = ends_at(app, code, "Sam")
    assert submitted == START + timedelta(minutes=10)


def test_closing_ends_attempts_and_opens_the_review_after_close(app, clock):
    code = publish_sample(app, time_limit_seconds=None, review_policy="after_close")
    student = join(app, code, "Léa")
    student.post(f"/quiz/{code}/submit")
    assert student.get(f"/quiz/{code}/review").status_code == 403
    late = join(app, code, "Sam")
    clock.advance(minutes=5)
    teacher = login(app)
    response = teacher.post(f"/teach/quiz/{code}/close")
    assert response.status_code == 302
    assert stored(app, code).closed_at == START + timedelta(minutes=5)
    clock.advance(seconds=5)
    assert student.get(f"/quiz/{code}/review").status_code == 200
    assert late.post(f"/quiz/{code}/answer", json={"question_id": "x", "choices": [0]}).status_code == 409
    assert ends_at(app, code, "Sam")[1] == START + timedelta(minutes=5)
    assert app.test_client().post(f"/join/{code}", data={"name": "Newcomer"}).status_code == 409
    assert "Closed" in text_of(teacher.get("/teach/"))
    assert "Close the quiz now" not in text_of(teacher.get(f"/teach/quiz/{code}"))


# --- results --------------------------------------------------------------------------

def test_results_page_and_csv(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    quiz = stored(app, code)
    first = quiz.questions[0]
    lea = join(app, code, "Léa Martin")
    assert lea.post(f"/quiz/{code}/answer", json={"question_id": first["id"], "choices": first["answer"]}).status_code == 200
    lea.post(f"/quiz/{code}/submit")
    join(app, code, "=cmd|' /C calc'!A0")
    clock.advance(minutes=10, seconds=30)   # the second student's time ran out; a third joins now
    join(app, code, "Zoé Late")
    teacher = login(app)

    page = teacher.get(f"/teach/quiz/{code}/results")
    assert page.status_code == 200
    text = text_of(page)
    assert f"1/{len(quiz.questions)}" in text and "Yes, when time ran out" in text and "Still in progress" in text
    assert "50%" in text   # question 1: one right of the two submitted

    response = teacher.get(f"/teach/quiz/{code}/results.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")   # Excel reads UTF-8 only with its byte-order mark
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    ids = [q["id"] for q in quiz.questions]
    assert rows[0] == ["student", "score", "total", "submitted_at", "auto_submitted",
                       *[f"Q{n}" for n in range(1, len(ids) + 1)]]
    assert rows[1][:5] == [""] * 5 and rows[1][5] == quiz.questions[0]["prompt"]
    by_name = {row[0]: row for row in rows[2:]}
    assert set(by_name) == {"'=cmd|' /C calc'!A0", "Léa Martin", "Zoé Late"}
    total = str(len(ids))
    # In the school's zone (MLQUIZ_TIMEZONE, Europe/Paris here) with its offset, as the pages show it.
    assert by_name["Léa Martin"][:5] == ["Léa Martin", "1", total, "2026-03-02T10:00:00+01:00", "0"]
    assert by_name["Léa Martin"][5:] == ["1"] + ["0"] * (len(ids) - 1)
    assert by_name["'=cmd|' /C calc'!A0"][1:5] == ["0", total, "2026-03-02T10:10:00+01:00", "1"]
    assert by_name["Zoé Late"][1:] == ["", total, "", ""] + [""] * len(ids)


def test_closing_the_quiz_hands_in_the_attempts_still_open_and_says_so(app, clock):
    """Not "time ran out": the teacher ended the quiz, and every page says that, at once
    (even with a grace period, which is for time running out)."""
    code = publish_sample(app, time_limit_seconds=1800, on_expiry="grace", grace_seconds=120)
    quiz = stored(app, code)
    first = quiz.questions[0]
    noe = join(app, code, "Noé Petit")
    noe.post(f"/quiz/{code}/answer", json={"question_id": first["id"], "choices": first["answer"]})
    late = join(app, code, "Ana Ruiz")
    clock.advance(minutes=5)
    teacher = login(app)
    teacher.post(f"/teach/quiz/{code}/close")
    state = {s["name"]: s["phase"] for s in teacher.get(f"/teach/quiz/{code}/live.json").get_json()["students"]}
    assert state == {"Noé Petit": "submitted", "Ana Ruiz": "submitted"}
    results = text_of(teacher.get(f"/teach/quiz/{code}/results"))
    assert "Yes, when you closed the quiz" in results and "when time ran out" not in results
    # The open quiz page learns why (take.js says "your teacher closed the quiz", not "time is up").
    assert noe.get(f"/quiz/{code}/state").get_json() == {"phase": "submitted", "seconds_left": None,
                                                        "submit_seconds_left": None, "ended_by": "closed"}
    done = text_of(noe.get(f"/quiz/{code}/done"))
    assert "The teacher closed the quiz" in done and "Time ran out" not in done
    assert late.get(f"/quiz/{code}/done").status_code == 200
    # Reopened and closed again: the first closing still reads as a closing (the reason is stored).
    teacher.post(f"/teach/quiz/{code}/reopen")
    clock.advance(minutes=1)
    teacher.post(f"/teach/quiz/{code}/close")
    results = text_of(teacher.get(f"/teach/quiz/{code}/results"))
    assert "Yes, when you closed the quiz" in results and "when time ran out" not in results


def test_csv_cells_that_look_like_formulas_are_neutralised():
    from quiz.results import neutralise

    assert [neutralise(c) for c in ("=1+1", "+33 6", "-2", "@SUM(A1)", "Léa", "")] == \
        ["'=1+1", "'+33 6", "'-2", "'@SUM(A1)", "Léa", ""]
    # Split on another separator than the file's, the second cell would start a formula.
    assert [neutralise(c) for c in ("Léa;=cmd", "Léa, =cmd", "Jean-Marc", "2026-03-02T09:00:00")] == \
        ["Léa;'=cmd", "Léa, '=cmd", "Jean-Marc", "2026-03-02T09:00:00"]


def test_the_french_results_csv_opens_in_french_excel(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    quiz = stored(app, code)
    lea = join(app, code, "Léa Martin")
    lea.post(f"/quiz/{code}/submit")
    teacher = login(app)
    teacher.post("/lang", data={"lang": "fr"})
    body = teacher.get(f"/teach/quiz/{code}/results.csv").get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["élève", "score", "total", "remis_le", "remis_automatiquement",
                       *[f"Q{n}" for n in range(1, len(quiz.questions) + 1)]]
    assert rows[2][:3] == ["Léa Martin", "0", str(len(quiz.questions))]


# --- language -------------------------------------------------------------------------

def test_french_or_english_ui_from_the_browser_and_the_switch(app):
    teacher = login(app)
    fr = teacher.get("/teach/new", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert "Nouveau quiz" in text_of(fr) and "Collez l’article" in text_of(fr)
    assert '<html lang="fr">' in fr.get_data(as_text=True)
    en = teacher.get("/teach/new", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "New quiz" in text_of(en) and "Paste the article" in text_of(en)
    switched = teacher.post("/lang", data={"lang": "fr", "next": "/teach/new"})
    assert switched.status_code == 302 and switched.headers["Location"].endswith("/teach/new")
    after = teacher.get("/teach/new", headers={"Accept-Language": "en"})
    assert "Nouveau quiz" in text_of(after)
    teacher.post("/lang", data={"lang": "en", "next": "/teach/"})
    assert "My quizzes" in text_of(teacher.get("/teach/", headers={"Accept-Language": "fr"}))


def test_french_error_message_for_an_unusable_article(app):
    teacher = login(app)
    teacher.post("/lang", data={"lang": "fr", "next": "/teach/new"})
    response = teacher.post("/teach/new", data={"text": "Trop court."})
    assert response.status_code == 400
    assert "L’article est vide ou trop court" in text_of(response)


def test_every_ui_string_has_a_compiled_french_translation():
    """Every string extracted by babel.cfg is in the compiled French catalogue (re-run
    pybabel extract/update/compile after adding UI strings)."""
    import gettext

    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = Path(__file__).resolve().parent.parent
    with open(root / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    with open(root / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog
    missing = set()
    for filename, _line, message, _comments, _context in extract_from_dir(str(root), method_map, options_map):
        msgid = message[0] if isinstance(message, (tuple, list)) else message
        if msgid and not catalogue.get(msgid) and not catalogue.get((msgid, 0)):
            missing.add(f"{filename}: {msgid}")
        if isinstance(message, (tuple, list)):
            # French has three plural forms here (0–1, millions, the rest): an empty one shows
            # the English for those counts ("24 questions … were already in your bank").
            for form in range(3):
                if not catalogue.get((msgid, form)):
                    missing.add(f"{filename}: {msgid} (plural form {form})")
    assert not missing, sorted(missing)


def test_behind_a_trusted_proxy_the_limit_counts_the_students_address_not_the_proxys(tmp_path, clock):
    app = build_app(tmp_path, clock, RATELIMIT_ENABLED=True, TRUSTED_PROXIES=1)
    proxy = app.test_client()
    proxy.environ_base["REMOTE_ADDR"] = "10.9.9.9"
    for _ in range(5):
        assert proxy.post("/login", data={"email": OTHER_EMAIL, "password": "nope"},
                          headers={"X-Forwarded-For": "192.0.2.1"}).status_code == 401
    assert proxy.post("/login", data={"email": OTHER_EMAIL, "password": "nope"},
                      headers={"X-Forwarded-For": "192.0.2.1"}).status_code == 429
    assert proxy.post("/login", data={"email": EMAIL, "password": PASSWORD},
                      headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 302


# --- the room, live; the projector; after the quiz -------------------------------------

def test_the_live_view_says_who_joined_how_far_they_are_and_who_handed_in(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    quiz = stored(app, code)
    first, second = quiz.questions[0], quiz.questions[1]
    lea = join(app, code, "Léa Martin")
    lea.post(f"/quiz/{code}/answer", json={"question_id": first["id"], "choices": first["answer"]})
    lea.post(f"/quiz/{code}/answer", json={"question_id": second["id"], "choices": [0]})
    sam = join(app, code, "Sam Diallo")
    sam.post(f"/quiz/{code}/submit")
    clock.advance(minutes=4)
    teacher = login(app)
    state = teacher.get(f"/teach/quiz/{code}/live.json")
    assert state.status_code == 200 and state.headers["Cache-Control"] == "no-store"
    data = state.get_json()
    assert data["counts"] == {"joined": 2, "working": 1, "handed_in": 1}
    by_name = {s["name"]: s for s in data["students"]}
    assert by_name["Léa Martin"]["answered"] == 2 and by_name["Léa Martin"]["phase"] == "open"
    assert by_name["Léa Martin"]["seconds_left"] == 6 * 60
    assert by_name["Sam Diallo"]["phase"] == "submitted" and by_name["Sam Diallo"]["seconds_left"] is None
    page = teacher.get(f"/teach/quiz/{code}/live")
    assert page.status_code == 200
    text = text_of(page)
    assert "Léa Martin" in text and f"2/{len(quiz.questions)}" in text and "Handed in" in text
    # The live view says how far each student is, not what they chose (that waits for the results).
    assert set(by_name["Léa Martin"]) == {"id", "name", "answered", "phase", "seconds_left", "extra", "score"}
    assert "choices" not in json.dumps(data)


def test_the_live_view_is_the_owners_alone(app):
    code = publish_sample(app, time_limit_seconds=600)
    other = login(app, OTHER_EMAIL, OTHER_PASSWORD)
    for url in (f"/teach/quiz/{code}/live", f"/teach/quiz/{code}/live.json", f"/teach/quiz/{code}/projector"):
        assert other.get(url).status_code == 404
        assert app.test_client().get(url).status_code == 302   # to the login page


def test_the_projector_page_shows_the_code_the_address_a_qr_code_and_the_count(app):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Léa Martin")
    page = login(app).get(f"/teach/quiz/{code}/projector")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert code in body and f"/join/{code}" in body
    svg = body[body.index("<svg"):body.index("</svg>") + 6]
    # The QR code is the join address's own: segno draws the same modules for it (and no other).
    import segno

    drawn = re.search(r' d="([^"]+)"', svg).group(1)
    expected = segno.make_qr(f"http://localhost/join/{code}", error="m").svg_inline(scale=10, omitsize=True)
    assert drawn == re.search(r' d="([^"]+)"', expected).group(1)
    other = segno.make_qr(f"http://localhost/join/{code}X", error="m").svg_inline(scale=10, omitsize=True)
    assert drawn != re.search(r' d="([^"]+)"', other).group(1)
    assert re.search(r'data-count="joined">1<', body)


def test_after_the_quiz_the_teacher_sees_the_spread_of_choices_and_each_students_answers(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    quiz = stored(app, code)
    first = quiz.questions[0]
    wrong = next(i for i in range(len(first["choices"])) if i not in first["answer"])
    for name, choice in (("Léa Martin", first["answer"][0]), ("Sam Diallo", wrong), ("Zoé Roux", wrong)):
        student = join(app, code, name)
        student.post(f"/quiz/{code}/answer", json={"question_id": first["id"], "choices": [choice]})
        student.post(f"/quiz/{code}/submit")
    teacher = login(app)
    text = text_of(teacher.get(f"/teach/quiz/{code}/results"))
    letter = "ABCDEFGH"[wrong]
    squash = lambda t: " ".join(t.split())  # noqa: E731  (the page's text has its spaces collapsed)
    assert squash(f"{letter}. {first['choices'][wrong]}") in text and "67% (2)" in text and "33% (1)" in text
    assert squash(first["citations"][0]["quote"])[:40] in text   # the passage that proves the key, for the discussion

    with app.app_context():
        from quiz.models import Attempt
        sam_id = db.session.execute(db.select(Attempt.id).filter_by(student_name="Sam Diallo")).scalar_one()
    detail = text_of(teacher.get(f"/teach/quiz/{code}/results/{sam_id}"))
    assert "Sam Diallo" in detail and squash(f"{letter}. {first['choices'][wrong]}") in detail and "wrong" in detail
    key = "ABCDEFGH"[first["answer"][0]]
    assert squash(f"Key: {key}. {first['choices'][first['answer'][0]]}") in detail
    assert login(app, OTHER_EMAIL, OTHER_PASSWORD).get(f"/teach/quiz/{code}/results/{sam_id}").status_code == 404


# --- managing one's quizzes ----------------------------------------------------------------

def test_a_quiz_gets_a_title_of_its_own_and_a_copy_for_another_class(app):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Léa Martin")
    teacher = login(app)
    assert teacher.post(f"/teach/quiz/{code}/title", data={"title": "  3e B —  rumeurs  "}).status_code == 302
    assert stored(app, code).title == "3e B — rumeurs"
    assert teacher.post(f"/teach/quiz/{code}/title", data={"title": "  "}).status_code == 400
    copied = teacher.post(f"/teach/quiz/{code}/duplicate")
    assert copied.status_code == 302
    copy_code = copied.headers["Location"].rsplit("/", 1)[1]
    original, copy = stored(app, code), stored(app, copy_code)
    assert copy_code != code and copy.title == original.title and copy.article_text == original.article_text
    assert [q["prompt"] for q in copy.questions] == [q["prompt"] for q in original.questions]
    assert not {q["id"] for q in copy.questions} & {q["id"] for q in original.questions}   # ids of its own
    assert copy.seed != original.seed and copy.time_limit_seconds == 600
    assert teacher.get(f"/teach/quiz/{copy_code}/live.json").get_json()["counts"]["joined"] == 0


def test_an_archived_quiz_leaves_the_list_and_keeps_its_results(app):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Léa Martin")
    teacher = login(app)
    teacher.post(f"/teach/quiz/{code}/archive", data={"archived": "1"})
    assert code not in text_of(teacher.get("/teach/"))
    assert code in text_of(teacher.get("/teach/?archived=1"))
    assert "Léa Martin" in text_of(teacher.get(f"/teach/quiz/{code}/results"))
    teacher.post(f"/teach/quiz/{code}/archive", data={"archived": "0"})
    assert code in text_of(teacher.get("/teach/"))


def test_deleting_a_quiz_needs_its_code_and_takes_its_attempts(app):
    code = publish_sample(app, time_limit_seconds=600)
    quiz = stored(app, code)
    lea = join(app, code, "Léa Martin")
    lea.post(f"/quiz/{code}/answer", json={"question_id": quiz.questions[0]["id"], "choices": [0]})
    teacher = login(app)
    assert teacher.post(f"/teach/quiz/{code}/delete", data={"confirm_code": "WRONG"}).status_code == 400
    assert login(app, OTHER_EMAIL, OTHER_PASSWORD).post(f"/teach/quiz/{code}/delete",
                                                       data={"confirm_code": code}).status_code == 404
    assert teacher.post(f"/teach/quiz/{code}/delete", data={"confirm_code": code.lower()}).status_code == 302
    with app.app_context():
        from quiz.models import Answer, Attempt
        assert db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(Answer.id))).scalar() == 0
    assert lea.get(f"/quiz/{code}").status_code in (302, 404)


def test_a_closed_quiz_can_be_reopened_for_those_who_have_not_handed_in(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    done = join(app, code, "Léa Martin")
    done.post(f"/quiz/{code}/submit")
    teacher = login(app)
    teacher.post(f"/teach/quiz/{code}/close")
    assert app.test_client().post(f"/join/{code}", data={"name": "Sam Diallo"}).status_code != 302
    assert teacher.post(f"/teach/quiz/{code}/reopen").status_code == 302
    join(app, code, "Sam Diallo")
    state = teacher.get(f"/teach/quiz/{code}/live.json").get_json()
    assert {s["name"]: s["phase"] for s in state["students"]} == {"Léa Martin": "submitted", "Sam Diallo": "open"}


def test_a_new_time_limit_applies_to_those_who_join_afterwards_not_to_running_attempts(app, clock):
    code = publish_sample(app, time_limit_seconds=600)
    join(app, code, "Léa Martin")
    teacher = login(app)
    page = teacher.post(f"/teach/quiz/{code}/time-limit", data={"time_limit_minutes": "20"}, follow_redirects=True)
    assert "1 quiz under way keeps the time it started with" in text_of(page)
    join(app, code, "Sam Diallo")
    clock.advance(minutes=11)
    state = {s["name"]: s for s in teacher.get(f"/teach/quiz/{code}/live.json").get_json()["students"]}
    assert state["Léa Martin"]["phase"] != "open"              # her 10 minutes are over
    assert state["Sam Diallo"]["seconds_left"] == 9 * 60       # his 20 minutes are not
    assert teacher.post(f"/teach/quiz/{code}/time-limit", data={"time_limit_minutes": "0"}).status_code == 400
    assert teacher.post(f"/teach/quiz/{code}/time-limit", data={"time_limit_minutes": ""}).status_code == 302
    assert stored(app, code).time_limit_seconds is None


# --- long articles, one analysis ------------------------------------------------------------

def test_an_article_is_analysed_once_from_its_preview_to_its_publication(app, monkeypatch):
    import quiz.analysis_cache as cache

    calls = []
    real = cache.findings_for
    monkeypatch.setattr(cache, "findings_for", lambda article: calls.append(article.title) or real(article))
    teacher = login(app)
    page = teacher.post("/teach/new", data={"sample": "fr"}).get_data(as_text=True)
    assert len(calls) == 1
    from web_support import form_posting_to
    from werkzeug.datastructures import MultiDict
    form = form_posting_to(page, "/teach/publish")
    data = MultiDict(form.values())
    refreshed = teacher.post("/teach/preview", data=data)
    assert refreshed.status_code == 200 and len(calls) == 1
    published = teacher.post("/teach/publish", data=data)
    assert published.status_code == 302, text_of(published)[:400]
    assert len(calls) == 1   # the preview's analysis, kept in the database, served both


def test_a_very_long_article_is_refused_before_it_is_analysed(app, monkeypatch):
    import quiz.analysis_cache as cache

    monkeypatch.setattr(cache, "findings_for", lambda article: pytest.fail("analysed"))
    paragraph = "Le conseil municipal a voté mardi le budget des écoles de la ville pour l'année prochaine. "
    text = "Un très long article\n\n" + "\n\n".join(paragraph * 3 for _ in range(800))
    assert len(text) > cache.MAX_WEB_ARTICLE_CHARS
    response = login(app).post("/teach/new", data={"text": text})
    assert response.status_code == 400
    assert "The article is very long (more than 200,000 characters)" in text_of(response)


def test_a_server_process_loads_the_models_when_it_starts(tmp_path, clock, monkeypatch):
    import threading

    import quiz

    started = threading.Event()
    monkeypatch.setattr(quiz, "warm_up", started.set)
    build_app(tmp_path, clock, PRELOAD_MODELS=True)
    assert started.wait(10), "no warm-up when the app starts"
    monkeypatch.undo()
    quiz.warm_up()   # loads both languages' models and rule packs without error


def test_an_app_made_for_a_command_or_a_test_does_not_load_the_models(tmp_path, clock, monkeypatch):
    import quiz

    monkeypatch.setattr(quiz, "warm_up", lambda: pytest.fail("warm-up without PRELOAD_MODELS"))
    build_app(tmp_path, clock)


def test_times_are_shown_in_the_schools_zone_and_the_teachers_way_of_writing_dates(app, clock):
    code = publish_sample(app, time_limit_seconds=600)   # published at 2026-03-02 09:00 UTC, 10:00 in Paris
    teacher = login(app)
    teacher.post("/lang", data={"lang": "en"})
    british = text_of(teacher.get(f"/teach/quiz/{code}", headers={"Accept-Language": "en-GB,en;q=0.8"}))
    american = text_of(teacher.get(f"/teach/quiz/{code}", headers={"Accept-Language": "en-US,en;q=0.8"}))
    assert "02/03/2026, 10:00" in british and "UTC" not in british
    assert "3/2/26, 10:00" in american
    teacher.post("/lang", data={"lang": "fr"})
    assert "02/03/2026 10:00" in text_of(teacher.get(f"/teach/quiz/{code}"))


def test_a_time_zone_that_does_not_exist_stops_the_app_with_a_plain_message(tmp_path, clock):
    with pytest.raises(RuntimeError, match="MLQUIZ_TIMEZONE"):
        build_app(tmp_path, clock, TIMEZONE="Mars/Olympus")


def test_the_help_page_says_how_to_bring_an_article_and_what_each_kind_trains(app):
    from question_bank.kinds import KINDS

    teacher = login(app)
    teacher.post("/lang", data={"lang": "en"})
    text = text_of(teacher.get("/help"))
    assert "paste only its address" in text and "PDF" in text
    for kind in KINDS.values():
        assert kind.labels["en"] in text and kind.trains["en"] in text
    teacher.post("/lang", data={"lang": "fr"})
    assert all(kind.labels["fr"] in text_of(teacher.get("/help")) for kind in KINDS.values())


def test_cpu_per_route_is_logged_only_when_asked(tmp_path, clock):
    from quiz.route_cpu import summary

    folder = tmp_path / "cpu"
    app = build_app(tmp_path, clock, ROUTE_CPU_LOG=str(folder))
    client = app.test_client()
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
    client.get("/join/NOPE99")
    routes = summary(str(folder))
    assert routes["health.healthz"][0] == 3 and routes["health.healthz"][1] > 0
    assert routes["take.join"][0] == 1
    (tmp_path / "other").mkdir()
    quiet = build_app(tmp_path / "other", clock)
    quiet.test_client().get("/healthz")
    assert not list((tmp_path / "other").glob("**/*.tsv"))
