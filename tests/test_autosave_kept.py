"""The autosave keeps the attempt rows it has read (quiz/autosave.py) and trusts a kept row
only through one guarded statement: a change of anything the deadline depends on, a new
device, or a hand-in made elsewhere is seen by the very next save, which is then refused as
before. Each test saves once first, so that the attempt's row is kept, then changes it the
way a teacher, another device or another worker would."""
from __future__ import annotations

from datetime import timedelta

import pytest

from quiz import autosave, timing
from quiz.attempts import grant_extra_time
from quiz.extensions import db
from quiz.publishing import by_code
from web_support import FakeClock, create_teacher, make_app, publish_direct, stored_attempts, stored_quiz

LIMIT = 600


@pytest.fixture(autouse=True)
def nothing_kept():
    autosave._rows.clear()
    yield
    autosave._rows.clear()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def app(tmp_path, clock):
    app = make_app(tmp_path, clock=clock)
    create_teacher(app)
    return app


def student(app, code: str, name: str = "Léa Martin"):
    client = app.test_client()
    assert client.post(f"/join/{code}", data={"name": name}).status_code == 302
    return client


def save(client, code: str, question_id: str, choice: int):
    return client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [choice]})


def test_extra_time_taken_back_is_seen_by_the_next_save(app, clock):
    code = publish_direct(app, time_limit_seconds=LIMIT)
    with app.app_context():
        grant_extra_time(by_code(code), "Léa Martin", timing.Accommodation(multiplier=2.0), clock())
    client = student(app, code)
    first, second = [q["id"] for q in stored_quiz(app, code)["questions"][:2]]
    assert save(client, code, first, 0).get_json()["seconds_left"] == 2 * LIMIT
    assert len(autosave._rows) == 1
    with app.app_context():
        grant_extra_time(by_code(code), "Léa Martin", None, clock())   # the teacher takes it back
    clock.advance(seconds=LIMIT + 60)          # past the deadline without it, before the one with it
    refused = save(client, code, second, 1)
    assert refused.status_code == 409
    stored = stored_attempts(app, code)[0]
    assert stored["answers"] == {first: [0]} and stored["submitted_at"] is not None


def test_an_earlier_closing_time_is_seen_by_the_next_save(app, clock):
    code = publish_direct(app, time_limit_seconds=LIMIT)
    client = student(app, code)
    first, second = [q["id"] for q in stored_quiz(app, code)["questions"][:2]]
    assert save(client, code, first, 0).status_code == 200
    with app.app_context():
        quiz = by_code(code)
        quiz.closes_at = clock() + timedelta(seconds=30)
        db.session.commit()
    clock.advance(seconds=60)
    assert save(client, code, second, 1).status_code == 409
    assert stored_attempts(app, code)[0]["answers"] == {first: [0]}


def test_the_old_device_of_an_attempt_taken_over_saves_nothing(app, clock):
    code = publish_direct(app, time_limit_seconds=LIMIT)
    old = student(app, code)
    first, second = [q["id"] for q in stored_quiz(app, code)["questions"][:2]]
    assert save(old, code, first, 0).status_code == 200
    page = old.get(f"/quiz/{code}").get_data(as_text=True)
    resume_code = page.split('class="code">', 1)[1].split("<", 1)[0]
    new = app.test_client()
    taken = new.post(f"/join/{code}", data={"name": "Léa Martin", "resume_code": resume_code})
    assert taken.status_code == 302
    assert save(old, code, second, 1).status_code == 403       # signed out of the attempt
    assert save(new, code, second, 0).status_code == 200
    assert stored_attempts(app, code)[0]["answers"] == {first: [0], second: [0]}


def test_an_attempt_handed_in_elsewhere_takes_no_more_answers(app, clock):
    code = publish_direct(app, time_limit_seconds=LIMIT)
    client = student(app, code)
    first, second = [q["id"] for q in stored_quiz(app, code)["questions"][:2]]
    assert save(client, code, first, 0).status_code == 200
    other_tab = app.test_client()
    other_tab.set_cookie("session", client.get_cookie("session").value)
    assert other_tab.post(f"/quiz/{code}/submit").status_code == 302
    assert save(client, code, second, 1).status_code == 409
    assert stored_attempts(app, code)[0]["answers"] == {first: [0]}


def test_unchanged_rows_keep_saving_in_one_statement_and_every_answer_is_stored(app, clock):
    code = publish_direct(app, time_limit_seconds=LIMIT)
    client = student(app, code)
    questions = [q["id"] for q in stored_quiz(app, code)["questions"]]
    for n, question in enumerate(questions):
        clock.advance(seconds=5)
        response = save(client, code, question, n % 2)
        assert response.status_code == 200 and response.get_json()["seconds_left"] == LIMIT - 5 * (n + 1)
    assert stored_attempts(app, code)[0]["answers"] == {q: [n % 2] for n, q in enumerate(questions)}


def test_the_drivers_path_stores_what_sqlalchemys_path_stores(app, clock):
    """Most saves run their one statement on the driver's cursor (quiz/driver_statement.py);
    where the engine is watched, SQLAlchemy runs it. Both store the same values, in the same
    stored form (SQLite keeps dates as text: a different form would break comparisons)."""
    from sqlalchemy import event, text

    code = publish_direct(app, time_limit_seconds=LIMIT)
    client = student(app, code)
    first, second, third = [q["id"] for q in stored_quiz(app, code)["questions"]][:3]
    assert save(client, code, first, 0).status_code == 200          # reads the row and keeps it
    clock.advance(seconds=7)
    assert save(client, code, second, 1).status_code == 200         # the driver's cursor
    with app.app_context():
        engine = db.engine

    def watching(*_args):
        return None

    event.listen(engine, "before_cursor_execute", watching)
    try:
        assert save(client, code, third, 1).status_code == 200      # SQLAlchemy's, the same statement
    finally:
        event.remove(engine, "before_cursor_execute", watching)
    with app.app_context():
        rows = {row.question_id: row for row in db.session.execute(text(
            "select question_id, cast(choices as text) as choices, cast(saved_at as text) as saved_at from answer"))}
    assert rows[second].choices == rows[third].choices == "[1]"
    assert rows[second].saved_at == rows[third].saved_at
    assert len(rows[first].saved_at) == len(rows[second].saved_at)
    assert stored_attempts(app, code)[0]["answers"] == {first: [0], second: [1], third: [1]}
