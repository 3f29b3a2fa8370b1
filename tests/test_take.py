"""The student side of the web app, through Flask's test client against a real SQLite
database built by the real Alembic migration, with a clock the tests move by hand."""
from __future__ import annotations

import base64
import html
import json
import re
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quiz import create_app
from quiz.extensions import db
from quiz.models import Attempt, PublishedQuiz, Teacher
from databases import app_database

SAMPLE = Path(__file__).resolve().parent.parent / "question_bank" / "samples" / "rumeur-rachat.fr.txt"
START = datetime(2026, 3, 2, 9, 0, 0)
LIMIT = 600


class FakeClock:
    def __init__(self, now: datetime = START):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="module")
def generated():
    """(Article, Quiz) of the French sample: generated once for the whole module."""
    from quiz.publishing import preview

    return preview(SAMPLE.read_bytes())


@pytest.fixture(scope="module")
def generated_script():
    """The sample with markup in its title and a paragraph: it must show as text."""
    from quiz.publishing import preview

    text = SAMPLE.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    text = f"{title} <script>alert('t')</script>\n" + rest.replace(
        "Depuis une dizaine de jours,", "Depuis une dizaine de jours <script>alert('x')</script> <b>gras</b>,", 1)
    return preview(text.encode("utf-8"))


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def app(tmp_path, clock):
    from flask_migrate import upgrade

    app = create_app({"TESTING": True, **app_database(tmp_path, "t"),
                      "WTF_CSRF_ENABLED": False, "CLOCK": clock, "SECRET_KEY": "test",
                      "RATELIMIT_ENABLED": False, "BABEL_DEFAULT_LOCALE": "en"})  # English UI strings
    with app.app_context():
        upgrade()
        db.session.add(Teacher(email="t@example.org", password_hash="x", created_at=START))
        db.session.commit()
    return app


def publish(app, generated, **settings) -> str:
    from quiz.publishing import publish as do_publish

    article, quiz = generated
    settings.setdefault("time_limit_seconds", LIMIT)
    with app.app_context():
        owner = db.session.execute(db.select(Teacher)).scalar_one()
        return do_publish(owner, article, quiz, None, app.config["CLOCK"](), **settings).code


def questions_of(app, code: str) -> list[dict]:
    with app.app_context():
        return list(db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one().questions)


def attempts_of(app, code: str) -> list[dict]:
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        rows = db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id)).scalars()
        return [{"name": a.student_name, "token": a.token, "submitted_at": a.submitted_at,
                 "auto": a.auto_submitted, "score": a.score,
                 "answers": {x.question_id: list(x.choices) for x in a.answers}} for a in rows]


def join(client, code: str, name: str = "Léa Martin"):
    response = client.post(f"/join/{code}", data={"name": name})
    assert response.status_code == 302, response.data
    assert response.headers["Location"].endswith(f"/quiz/{code}")
    return response


def answer(client, code: str, question_id: str, choice: int):
    return client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [choice]})


def state(client, code: str) -> dict:
    response = client.get(f"/quiz/{code}/state")
    assert response.status_code == 200
    return response.get_json()


def wrong(question: dict) -> int:
    return next(i for i in range(len(question["choices"])) if i not in question["answer"])


def session_cookie(client) -> str:
    cookie = client.get_cookie("session")
    return cookie.value if cookie else ""


def decoded_session(value: str) -> str:
    """The signed cookie's payload, as text (itsdangerous: optional '.' + zlib, base64)."""
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode("utf-8")


# --- home and joining --------------------------------------------------------------------

def test_home_offers_a_code_form_and_the_teacher_login(app):
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    assert 'action="/join"' in page and 'name="code"' in page
    assert 'href="/login"' in page
    response = client.get("/join?code= k7m-2qx ")
    assert response.status_code == 302 and response.headers["Location"].endswith("/join/K7M2QX")


def test_unknown_code_is_a_404_page(app):
    client = app.test_client()
    assert client.get("/join/ZZZZZZ").status_code == 404
    assert client.get("/quiz/ZZZZZZ").status_code == 404


def test_quiz_page_without_an_attempt_sends_to_the_name_form(app, generated):
    code = publish(app, generated)
    client = app.test_client()
    response = client.get(f"/quiz/{code}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/join/{code}")
    assert client.get(f"/quiz/{code}/state").status_code == 403
    assert answer(client, code, questions_of(app, code)[0]["id"], 0).status_code == 403


def test_an_empty_name_is_refused(app, generated):
    code = publish(app, generated)
    response = app.test_client().post(f"/join/{code}", data={"name": "   "})
    assert response.status_code == 400
    assert attempts_of(app, code) == []


def test_session_cookie_is_httponly_and_samesite(app, generated):
    code = publish(app, generated)
    client = app.test_client()
    header = join(client, code).headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header


# --- the quiz page and the key ------------------------------------------------------------

def test_quiz_page_shows_article_and_radios_and_never_the_key(app, generated):
    code = publish(app, generated)
    questions = questions_of(app, code)
    client = app.test_client()
    bodies = [client.get(f"/join/{code}").get_data(as_text=True)]
    bodies.append(join(client, code).get_data(as_text=True))
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    bodies.append(page)
    bodies.append(answer(client, code, questions[0]["id"], 0).get_data(as_text=True))
    bodies.append(answer(client, code, "no-such-question", 0).get_data(as_text=True))
    bodies.append(client.get(f"/quiz/{code}/state").get_data(as_text=True))
    bodies.append(client.get("/static/take.js").get_data(as_text=True))
    bodies.append(client.get(f"/quiz/{code}").get_data(as_text=True))
    bodies.append(session_cookie(client))
    bodies.append(decoded_session(session_cookie(client)))

    # The article, with visible ¶ labels and passage anchors.
    assert '<h2 class="article-title" id="p-titre">' in page
    assert 'id="p-1"' in page and 'id="p-3"' in page and "¶3" in page
    # Every question is a fieldset of radios named after it, posting to the summary without JS
    # (never straight to /submit), behind a disabled default button so that Enter sends nothing.
    assert f'action="/quiz/{code}/summary"' in page and f'action="/quiz/{code}/submit"' not in page
    assert re.search(r'<form[^>]*id="quiz-form">\s*<button type="submit" disabled', page)
    for question in questions:
        assert f'id="q-{question["id"]}"' in page
        assert page.count(f'name="q-{question["id"]}"') == len(question["choices"])
    assert 'type="checkbox"' not in page

    for body in bodies:
        assert '"answer"' not in body and "'answer'" not in body
        assert "citations" not in body and "explanation" not in body
        for question in questions:
            assert question["explanation"] not in body


def test_mark_the_word_buttons_point_at_choices_only(app):
    """Which sentence a rumour_cue question takes depends on the quiz's seed (another question
    may hold the sentence): the first of a few seeds whose quiz has one is published."""
    from quiz.publishing import preview

    made = (preview(SAMPLE.read_bytes(), seed=seed) for seed in range(20))
    with_cue = next((g for g in made if any(q.kind == "rumour_cue" for q in g[1].questions)), None)
    assert with_cue is not None, "the sample should give rumour_cue questions"
    code = publish(app, with_cue)
    client = app.test_client()
    join(client, code)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    cues = [q for q in questions_of(app, code) if q["kind"] == "rumour_cue"]
    assert cues, "the sample should give rumour_cue questions"
    for question in cues:
        block = page.split(f'id="q-{question["id"]}"', 1)[1].split("</fieldset>", 1)[0]
        buttons = [(re.search(r'data-choice="(\d+)"', attrs), html.unescape(text)) for attrs, text in
                   re.findall(r'<button type="button" class="word"([^>]*)>([^<]*)</button>', block)]
        words = question["display"]["words"]
        assert [text for _, text in buttons] == [w["text"] for w in words]
        for index, (found, _text) in enumerate(buttons):
            choice = found.group(1) if found else ""
            owners = [c for c, indexes in enumerate(question["display"]["choice_words"]) if index in indexes]
            assert choice == (str(owners[0]) if owners else "")


# --- answering ------------------------------------------------------------------------

def test_autosave_stores_the_answer(app, generated, clock):
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    client = app.test_client()
    join(client, code)
    clock.advance(30)
    response = answer(client, code, question["id"], 1)
    assert response.status_code == 200
    assert response.get_json() == {"saved": True, "seconds_left": LIMIT - 30, "phase": "open"}
    assert answer(client, code, question["id"], 2).status_code == 200
    assert attempts_of(app, code)[0]["answers"] == {question["id"]: [2]}


@pytest.mark.parametrize("body", [None, {"question_id": 3, "choices": [0]}, {"question_id": "x", "choices": [0]},
                                  {"choices": [0]}, {"question_id": "Q", "choices": []},
                                  {"question_id": "Q", "choices": ["0"]}, {"question_id": "Q", "choices": [True]},
                                  {"question_id": "Q", "choices": [99]}, {"question_id": "Q", "choices": 0}])
def test_bad_answers_are_400(app, generated, body):
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    client = app.test_client()
    join(client, code)
    if body is None:
        response = client.post(f"/quiz/{code}/answer", data="not json", content_type="application/json")
    else:
        body = {k: (question["id"] if v == "Q" else v) for k, v in body.items()}
        response = client.post(f"/quiz/{code}/answer", json=body)
    assert response.status_code == 400
    assert "error" in response.get_json()
    assert attempts_of(app, code)[0]["answers"] == {}


def test_reload_resumes_with_the_server_time(app, generated, clock):
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    client = app.test_client()
    join(client, code)
    answer(client, code, question["id"], 1)
    clock.advance(180)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert re.search(rf'id="q-{question["id"]}-1"[^>]*checked', page)
    assert 'data-seconds-left="420"' in page
    assert state(client, code) == {"phase": "open", "seconds_left": 420, "submit_seconds_left": 420}
    assert len(attempts_of(app, code)) == 1


def test_same_name_on_a_new_device_needs_the_resume_code(app, generated, clock):
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    first = app.test_client()
    join(first, code, "Léa Martin")
    answer(first, code, question["id"], 1)
    resume_code = re.search(r'class="resume-code">[^<]*<strong class="code">(\w+)<',
                            first.get(f"/quiz/{code}").get_data(as_text=True)).group(1)
    clock.advance(120)
    second = app.test_client()
    refused = second.post(f"/join/{code}", data={"name": "  léa   MARTIN "})
    assert refused.status_code == 409 and "already joined with this name" in refused.get_data(as_text=True)
    assert second.get(f"/quiz/{code}").status_code == 302          # back to the name form
    join_with_code = second.post(f"/join/{code}", data={"name": "  léa   MARTIN ", "resume_code": resume_code.lower()})
    assert join_with_code.status_code == 302
    page = second.get(f"/quiz/{code}").get_data(as_text=True)
    assert re.search(rf'id="q-{question["id"]}-1"[^>]*checked', page)
    assert state(second, code)["seconds_left"] == 480
    assert len(attempts_of(app, code)) == 1
    # The first device is signed out of the attempt, and the code it showed is spent.
    assert first.get(f"/quiz/{code}/state").status_code == 403
    third = app.test_client()
    assert third.post(f"/join/{code}", data={"name": "Léa Martin", "resume_code": resume_code}).status_code == 403


def test_another_students_cookie_is_not_enough_to_see_their_attempt(app, generated):
    code = publish(app, generated)
    lea, sam = app.test_client(), app.test_client()
    join(lea, code, "Léa")
    join(sam, code, "Sam")
    tokens = {a["name"]: a["token"] for a in attempts_of(app, code)}
    assert tokens["Léa"] != tokens["Sam"]
    assert tokens["Léa"] not in sam.get(f"/quiz/{code}").get_data(as_text=True)


# --- time ---------------------------------------------------------------------------

def test_answer_in_the_latency_allowance_counts_but_a_late_one_is_refused(app, generated, clock):
    code = publish(app, generated)
    first, second = questions_of(app, code)[:2]
    client = app.test_client()
    join(client, code)
    clock.advance(LIMIT + 1)
    assert answer(client, code, first["id"], 0).status_code == 200
    clock.advance(2)   # deadline + 3 s: past the 2 s allowance
    response = answer(client, code, second["id"], 0)
    assert response.status_code == 409
    assert response.get_json()["error"]
    assert second["id"] not in attempts_of(app, code)[0]["answers"]


def test_autosubmit_at_the_deadline_keeps_what_was_saved(app, generated, clock):
    code = publish(app, generated, review_policy="after_submit")
    first, second, third = questions_of(app, code)[:3]
    client = app.test_client()
    join(client, code)
    answer(client, code, first["id"], first["answer"][0])
    answer(client, code, second["id"], wrong(second))
    clock.advance(11 * 60)
    assert state(client, code) == {"phase": "submitted", "seconds_left": None, "submit_seconds_left": None,
                                   "ended_by": "time"}
    assert answer(client, code, third["id"], 0).status_code == 409
    (attempt,) = attempts_of(app, code)
    assert attempt["auto"] and attempt["submitted_at"] == START + timedelta(seconds=LIMIT)
    assert attempt["score"] == 1 and third["id"] not in attempt["answers"]
    response = client.get(f"/quiz/{code}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/quiz/{code}/done")
    done = client.get(f"/quiz/{code}/done").get_data(as_text=True)
    assert "1 out of" in done


def test_grace_period_allows_submitting_but_not_answering(app, generated, clock):
    code = publish(app, generated, on_expiry="grace", grace_seconds=120)
    first, second = questions_of(app, code)[:2]
    client = app.test_client()
    join(client, code)
    answer(client, code, first["id"], first["answer"][0])
    clock.advance(LIMIT + 30)
    assert state(client, code) == {"phase": "grace", "seconds_left": 0, "submit_seconds_left": 90}
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert 'id="grace-notice"' in page and 'id="grace-notice" hidden' not in page
    assert answer(client, code, second["id"], second["answer"][0]).status_code == 409
    response = client.post(f"/quiz/{code}/submit", data={f"q-{second['id']}": str(second["answer"][0])})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/quiz/{code}/done")
    (attempt,) = attempts_of(app, code)
    assert not attempt["auto"] and attempt["score"] == 1
    assert attempt["answers"] == {first["id"]: first["answer"]}


def test_after_the_grace_period_a_submit_counts_as_automatic(app, generated, clock):
    code = publish(app, generated, on_expiry="grace", grace_seconds=120)
    client = app.test_client()
    join(client, code)
    clock.advance(13 * 60)
    assert state(client, code)["phase"] == "submitted"
    client.post(f"/quiz/{code}/submit")
    (attempt,) = attempts_of(app, code)
    assert attempt["auto"] and attempt["submitted_at"] == START + timedelta(seconds=LIMIT)


def test_submit_without_javascript_saves_the_posted_radios(app, generated, clock):
    code = publish(app, generated)
    questions = questions_of(app, code)
    client = app.test_client()
    join(client, code)
    form = {f"q-{q['id']}": str(q["answer"][0]) for q in questions[:3]}
    form["q-nonsense"] = "1"
    form[f"q-{questions[3]['id']}"] = "not a number"
    client.post(f"/quiz/{code}/submit", data=form)
    (attempt,) = attempts_of(app, code)
    assert attempt["score"] == 3 and len(attempt["answers"]) == 3


def test_double_submit_is_idempotent(app, generated, clock):
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    client = app.test_client()
    join(client, code)
    answer(client, code, question["id"], question["answer"][0])
    first = client.post(f"/quiz/{code}/submit")
    submitted = attempts_of(app, code)[0]["submitted_at"]
    clock.advance(5)
    second = client.post(f"/quiz/{code}/submit", data={f"q-{question['id']}": str(wrong(question))})
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].endswith(f"/quiz/{code}/done")
    (attempt,) = attempts_of(app, code)
    assert attempt["submitted_at"] == submitted and attempt["score"] == 1
    assert answer(client, code, question["id"], wrong(question)).status_code == 409


def test_csrf_is_required_on_answers(tmp_path, clock, generated):
    from flask_migrate import upgrade

    app = create_app({"TESTING": True, **app_database(tmp_path, "c"),
                      "WTF_CSRF_ENABLED": True, "CLOCK": clock, "SECRET_KEY": "test", "BABEL_DEFAULT_LOCALE": "en"})
    with app.app_context():
        upgrade()
        db.session.add(Teacher(email="t@example.org", password_hash="x", created_at=START))
        db.session.commit()
    code = publish(app, generated)
    question = questions_of(app, code)[0]
    client = app.test_client()
    form_page = client.get(f"/join/{code}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form_page).group(1)
    assert client.post(f"/join/{code}", data={"name": "Léa"}).status_code == 400
    assert client.post(f"/join/{code}", data={"name": "Léa", "csrf_token": token}).status_code == 302
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    meta = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    body = {"question_id": question["id"], "choices": [0]}
    assert client.post(f"/quiz/{code}/answer", json=body).status_code == 400
    assert client.post(f"/quiz/{code}/answer", json=body, headers={"X-CSRFToken": meta}).status_code == 200


# --- done and review --------------------------------------------------------------------

def test_review_highlights_cited_quotes_and_links_both_ways(app, generated):
    code = publish(app, generated, review_policy="after_submit")
    questions = questions_of(app, code)
    client = app.test_client()
    join(client, code)
    answer(client, code, questions[0]["id"], questions[0]["answer"][0])
    assert client.get(f"/quiz/{code}/review").status_code == 403
    client.post(f"/quiz/{code}/submit")
    done = client.get(f"/quiz/{code}/done").get_data(as_text=True)
    assert f"1 out of {len(questions)}" in done and f'href="/quiz/{code}/review"' in done
    page = client.get(f"/quiz/{code}/review").get_data(as_text=True)
    assert f"1 out of {len(questions)}" in page
    article = page.split('<article', 1)[1].split("</article>", 1)[0]
    plain = re.sub(r"<[^>]+>", "", article)
    for question in questions:
        assert f'id="q-{question["id"]}"' in page
        assert str(escape_html(question["explanation"])) in page
        for n, citation in enumerate(question["citations"], start=1):
            cite_id = f"cite-{question['id']}-{n}"
            assert page.count(f'<mark class="cite" id="{cite_id}">') == 1
            assert f'href="#{cite_id}"' in page                # question → passage
            after_mark = article.split(f'id="{cite_id}">', 1)[1]
            # The mark starts the quote, and a link back to the question follows it.
            assert re.sub(r"<[^>]+>", "", after_mark).startswith(str(escape_html(citation["quote"])))
            assert f'href="#q-{question["id"]}"' in article
    assert "Fusion Veltora" in plain


def test_review_waits_for_the_teacher_when_the_quiz_says_so(app, generated, clock):
    code = publish(app, generated, review_policy="after_close")
    client = app.test_client()
    join(client, code)
    client.post(f"/quiz/{code}/submit")
    done = client.get(f"/quiz/{code}/done").get_data(as_text=True)
    assert "your teacher will open the review" in done.lower()
    assert "/review" not in done
    assert client.get(f"/quiz/{code}/review").status_code == 403
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        quiz.closed_at = clock()
        db.session.commit()
    assert client.get(f"/quiz/{code}/review").status_code == 200


def test_a_closed_quiz_refuses_new_students(app, generated, clock):
    code = publish(app, generated)
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        quiz.closed_at = clock()
        db.session.commit()
    clock.advance(1)
    response = app.test_client().post(f"/join/{code}", data={"name": "Late Comer"})
    assert response.status_code == 409
    assert attempts_of(app, code) == []


def test_article_markup_is_shown_as_text(app, generated_script):
    code = publish(app, generated_script, review_policy="after_submit")
    client = app.test_client()
    join(client, code)
    pages = [client.get(f"/quiz/{code}").get_data(as_text=True)]
    client.post(f"/quiz/{code}/submit")
    pages.append(client.get(f"/quiz/{code}/review").get_data(as_text=True))
    for page in pages:
        assert "<script>alert" not in page and "<b>gras" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        assert "&lt;b&gt;gras&lt;/b&gt;" in page


def escape_html(text: str):
    from markupsafe import escape

    return escape(text)


def test_state_json_has_no_key(app, generated):
    code = publish(app, generated)
    client = app.test_client()
    join(client, code)
    assert set(json.loads(client.get(f"/quiz/{code}/state").data)) == {"phase", "seconds_left",
                                                                     "submit_seconds_left"}


# --- the autosave's short path -------------------------------------------------------------

def _statements_during(app, action) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()).lower())

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_an_autosave_reads_one_row_and_writes_one_without_the_quiz_text_or_questions(app, generated):
    """An answer of an attempt this process has not seen yet is one read of the attempt's
    columns and one upsert; the next answers of the attempt are the upsert alone (it checks
    the row it was read as, autosave._guarded_upsert). The article and the questions' JSON
    (the largest columns) are not read once the quiz is known."""
    from quiz import autosave

    code = publish(app, generated)
    client = app.test_client()
    join(client, code)
    questions = questions_of(app, code)
    assert answer(client, code, questions[0]["id"], 0).get_json()["saved"] is True   # the first loads the quiz
    autosave._rows.clear()       # as another worker, which has not read this attempt yet
    statements = _statements_during(app, lambda: answer(client, code, questions[1]["id"], 1))
    data = [s for s in statements if s.startswith(("select", "insert", "update", "delete"))]
    assert len(data) == 2, data
    assert data[0].startswith("select") and data[1].startswith("insert")
    assert not any("article_text" in s or "questions" in s or "passages" in s for s in data), data
    statements = _statements_during(app, lambda: answer(client, code, questions[2]["id"], 0))
    data = [s for s in statements if s.startswith(("select", "insert", "update", "delete"))]
    assert len(data) == 1 and data[0].startswith("insert"), data
    assert not any("article_text" in s or "questions" in s or "passages" in s for s in data), data
    assert attempts_of(app, code)[0]["answers"] == {questions[0]["id"]: [0], questions[1]["id"]: [1],
                                                    questions[2]["id"]: [0]}


def test_an_autosave_after_the_deadline_takes_the_full_path_and_is_refused(app, generated, clock):
    code = publish(app, generated)
    client = app.test_client()
    join(client, code)
    question = questions_of(app, code)[0]
    assert answer(client, code, question["id"], 0).status_code == 200
    clock.advance(LIMIT + 10)
    refused = answer(client, code, question["id"], 1)
    assert refused.status_code == 409
    stored = attempts_of(app, code)[0]
    assert stored["submitted_at"] is not None and stored["auto"] is True   # handed in at its deadline
    assert stored["answers"] == {question["id"]: [0]}


def test_an_autosave_for_a_question_the_quiz_does_not_have_is_refused(app, generated):
    code = publish(app, generated)
    client = app.test_client()
    join(client, code)
    question = questions_of(app, code)[0]
    assert answer(client, code, "not-a-question", 0).status_code == 400
    assert answer(client, code, question["id"], len(question["choices"])).status_code == 400
    assert attempts_of(app, code)[0]["answers"] == {}


def test_the_choice_counts_kept_per_process_belong_to_one_quiz_only(app, generated):
    """A quiz id SQLite hands again after a deletion must not find the old quiz's questions."""
    from quiz import autosave

    code = publish(app, generated)
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz).filter_by(code=code)).scalar_one()
        first = autosave.choice_counts(db.session.connection(), quiz.id, quiz.code, quiz.created_at)
        assert first == {q["id"]: len(q["choices"]) for q in quiz.questions}
        quiz.questions = [{**quiz.questions[0], "id": "replaced", "choices": ["a", "b", "c"]}]
        quiz.created_at = quiz.created_at + timedelta(seconds=1)   # as a new quiz with the same id
        db.session.commit()
        assert autosave.choice_counts(db.session.connection(), quiz.id, quiz.code, quiz.created_at) == {"replaced": 3}
        db.session.rollback()


def test_pages_without_the_article_do_not_read_the_article_text(app, generated):
    """The join page, joining, the summary, the submit and the done page never show the
    article: its text and passages (the largest columns) are not read for them; the quiz page
    reads them."""
    code = publish(app, generated)
    client = app.test_client()
    for page in (lambda: client.get(f"/join/{code}"), lambda: join(client, code)):
        data = [s for s in _statements_during(app, page) if s.startswith("select")]
        assert data and not any("article_text" in s or "passages" in s for s in data), data
    for page in (lambda: client.get(f"/quiz/{code}/summary"), lambda: client.post(f"/quiz/{code}/submit"),
                 lambda: client.get(f"/quiz/{code}/done")):
        data = [s for s in _statements_during(app, page) if s.startswith("select")]
        assert data and not any("article_text" in s or "passages" in s for s in data), data
    other = app.test_client()
    join(other, code, name="Tom Roux")
    shown = [s for s in _statements_during(app, lambda: other.get(f"/quiz/{code}")) if s.startswith("select")]
    assert any("article_text" in s for s in shown), shown


def test_each_request_gets_the_pages_strings_in_its_own_language(app, generated):
    """The templates look the translations up once per request: one student's language never
    leaks into the next request's page."""
    code = publish(app, generated)
    french, english = app.test_client(), app.test_client()
    join(french, code)
    join(english, code, name="Tom Roux")
    for _ in range(2):
        fr_page = french.get(f"/quiz/{code}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
        en_page = english.get(f"/quiz/{code}", headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert "Chaque réponse est enregistrée dès que vous la choisissez." in fr_page
        assert "Each answer is saved as soon as you choose it." in en_page
        assert "Chaque réponse" not in en_page and "Each answer is saved" not in fr_page
