"""Steps for manage_quizzes.feature: the quiz page's management forms, posted as a browser would
(every form is read from the page, CSRF on)."""
from __future__ import annotations

import re
from types import SimpleNamespace

from pytest_bdd import given, parsers, scenarios, then, when

from web_support import (FakeClock, TEACHER_EMAIL, TEACHER_PASSWORD, create_teacher, form_posting_to, forms_in, make_app,
                         publish_direct, stored_attempts, stored_quiz)

scenarios("manage_quizzes.feature")


def _join(app, code: str, name: str):
    student = app.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    form = form_posting_to(page, f"/join/{code}")
    response = student.post(f"/join/{code}", data={**dict(form.values()), "name": name})
    return student, response


@given(parsers.parse('a teacher with a published 10 minute quiz that "{name}" has joined'), target_fixture="room")
def published_and_joined(tmp_path, name):
    clock = FakeClock()
    app = make_app(tmp_path, clock, csrf=True, BABEL_DEFAULT_LOCALE="en")
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    _student, response = _join(app, code, name)
    assert response.status_code == 302, response.status_code
    teacher = app.test_client()
    login = teacher.get("/login").get_data(as_text=True)
    form = next(f for f in forms_in(login) if any(x.get("name") == "password" for x in f.fields))
    assert teacher.post("/login", data={**dict(form.values()), "email": TEACHER_EMAIL,
                                        "password": TEACHER_PASSWORD}).status_code == 302
    return SimpleNamespace(app=app, clock=clock, code=code, teacher=teacher, response=None)


def _submit_from_quiz_page(room, action: str, **fields):
    page = room.teacher.get(f"/teach/quiz/{room.code}").get_data(as_text=True)
    form = form_posting_to(page, f"/teach/quiz/{room.code}/{action}")
    room.response = room.teacher.post(f"/teach/quiz/{room.code}/{action}", data={**dict(form.values()), **fields})
    return room.response


@when(parsers.parse('the teacher renames the quiz "{title}" from its page'))
def rename(room, title):
    assert _submit_from_quiz_page(room, "title", title=title).status_code == 302


@when("the teacher duplicates it from its page")
def duplicate(room):
    response = _submit_from_quiz_page(room, "duplicate")
    assert response.status_code == 302
    room.copy = response.headers["Location"].rstrip("/").rsplit("/", 1)[1]


@then(parsers.parse('the copy has the title "{title}", a code of its own and no student'))
def copy_is_fresh(room, title):
    copy = stored_quiz(room.app, room.copy)
    assert copy["title"] == title and room.copy != room.code
    assert stored_attempts(room.app, room.copy) == []


@when("the teacher archives the quiz from its page")
def archive(room):
    assert _submit_from_quiz_page(room, "archive").status_code == 302


@then("the quiz is not in the teacher's list but in the archived ones")
def archived(room):
    assert room.code not in room.teacher.get("/teach/").get_data(as_text=True)
    assert room.code in room.teacher.get("/teach/?archived=1").get_data(as_text=True)


@when("the teacher deletes the quiz from its page, typing its code")
def delete(room):
    assert _submit_from_quiz_page(room, "delete", confirm_code=room.code).status_code == 302


@then(parsers.parse("the quiz and {name}'s attempt are gone"))
def gone(room, name):
    assert room.teacher.get(f"/teach/quiz/{room.code}").status_code == 404
    with room.app.app_context():
        from quiz.extensions import db
        from quiz.models import Attempt
        assert db.session.execute(db.select(Attempt).filter_by(student_name=name)).first() is None


@when(parsers.parse("the teacher changes the time limit to {minutes:d} minutes from its page"))
def change_limit(room, minutes):
    assert _submit_from_quiz_page(room, "time-limit", time_limit_minutes=str(minutes)).status_code == 302


@then(parsers.parse("the page says {count:d} quiz under way keeps the time it started with"))
def page_says_running(room, count):
    page = room.teacher.get(room.response.headers["Location"]).get_data(as_text=True)
    assert f"{count} quiz under way keeps the time it started with" in " ".join(page.split())


@then(parsers.parse("a student who joins now has {new:d} minutes while {name} keeps {old:d}"))
def limits(room, new, name, old):
    _student, response = _join(room.app, room.code, "Sam Diallo")
    assert response.status_code == 302
    state = {s["name"]: s for s in room.teacher.get(f"/teach/quiz/{room.code}/live.json").get_json()["students"]}
    assert state["Sam Diallo"]["seconds_left"] == new * 60
    assert state[name]["seconds_left"] == old * 60


@when("the teacher closes the quiz from its page")
def close(room):
    assert _submit_from_quiz_page(room, "close").status_code == 302


@when("the teacher reopens the quiz from its page")
def reopen(room):
    assert _submit_from_quiz_page(room, "reopen").status_code == 302


@then("a new student can join")
def can_join(room):
    _student, response = _join(room.app, room.code, "Noé Petit")
    assert response.status_code == 302 and re.search(r"/quiz/", response.headers["Location"])
