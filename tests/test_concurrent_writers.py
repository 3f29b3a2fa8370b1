"""Many students saving at once: every save is answered 200 and stored, never a 500 from
a locked database (SQLite waits for its write lock; PostgreSQL has row locks)."""
from __future__ import annotations

import re
import threading

from web_support import create_teacher, form_posting_to, make_app, publish_direct, stored_attempts, stored_quiz

STUDENTS = 12
ROUNDS = 4


def _student(app, code: str, name: str):
    client = app.test_client()
    assert client.post(f"/join/{code}", data={"name": name}).status_code == 302
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    return client, re.search(r'name="csrf-token" content="([^"]+)"', page)[1]


def test_concurrent_saves_and_submits_are_all_stored(tmp_path):
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    questions = stored_quiz(app, code)["questions"]
    students = [_student(app, code, f"Élève {n}") for n in range(STUDENTS)]
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(STUDENTS)

    def work(index: int) -> None:
        client, token = students[index]
        start.wait()   # everyone writes at the same moment
        for round_ in range(ROUNDS):
            for question in questions:
                choice = (index + round_) % len(question["choices"])
                response = client.post(f"/quiz/{code}/answer", json={"question_id": question["id"], "choices": [choice]},
                                       headers={"X-CSRFToken": token})
                with lock:
                    statuses.append(response.status_code)
        response = client.post(f"/quiz/{code}/submit", data={"csrf_token": token})
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(STUDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert len(statuses) == STUDENTS * (ROUNDS * len(questions) + 1)
    assert set(statuses) <= {200, 302}, sorted(set(statuses))
    attempts = {a["name"]: a for a in stored_attempts(app, code)}
    for index in range(STUDENTS):
        attempt = attempts[f"Élève {index}"]
        assert attempt["submitted_at"] is not None and attempt["score"] is not None
        assert attempt["answers"] == {q["id"]: [(index + ROUNDS - 1) % len(q["choices"])] for q in questions}


def test_a_save_waits_for_a_writer_holding_the_sqlite_lock_instead_of_failing(tmp_path):
    """Another process holds SQLite's write lock for longer than Python's default 5 s wait:
    the student's save waits for it and is stored (a 500 "database is locked" otherwise)."""
    import sqlite3
    import time

    from databases import postgres_url

    if postgres_url() is not None:
        return  # a SQLite lock: the PostgreSQL run has row locks instead (test above)
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    question = stored_quiz(app, code)["questions"][0]
    client, token = _student(app, code, "Lou")
    other = sqlite3.connect(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"), isolation_level=None,
                            check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")   # the write lock, as a long write elsewhere would hold it
    released = threading.Timer(6.0, lambda: other.execute("COMMIT"))
    released.start()
    started = time.monotonic()
    response = client.post(f"/quiz/{code}/answer", json={"question_id": question["id"], "choices": [0]},
                           headers={"X-CSRFToken": token})
    waited = time.monotonic() - started
    released.join()
    other.close()
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert waited >= 5.5, "the save did not wait for the lock: the test did not hold it"
    assert stored_attempts(app, code)[0]["answers"] == {question["id"]: [0]}


# --- two requests of one student at the same instant -----------------------------------------------
#
# Each test pauses one request at a chosen point (an SQLAlchemy hook: before a statement, or
# before its commit), lets the other request run meanwhile in another thread, then lets the
# first go on. Without the attempt's row lock, the second request finishes during the pause
# and the two collide.

PAUSE = 0.8


class _Interleave:
    """When the calling thread is about to run a statement starting with `at` (or, for
    at="COMMIT", to commit), run `other` in another thread and give it PAUSE seconds."""

    def __init__(self, app, at: str, other) -> None:
        from quiz.extensions import db

        self.at, self.other, self.thread, self.owner = at, other, None, None
        self.result: dict = {}
        with app.app_context():
            self.engine = db.engine

    def _pause(self) -> None:
        import time

        self.thread = threading.Thread(target=lambda: self.result.update(value=self.other()))
        self.thread.start()
        time.sleep(PAUSE)

    def _before_statement(self, conn, cursor, statement, params, context, executemany) -> None:
        if (self.thread is None and threading.current_thread() is self.owner
                and statement.lstrip().upper().startswith(self.at)):
            self._pause()

    def _before_commit(self, conn) -> None:
        if self.thread is None and threading.current_thread() is self.owner:
            self._pause()

    def _hook(self):
        return ("commit", self._before_commit) if self.at == "COMMIT" else ("before_cursor_execute", self._before_statement)

    def __enter__(self) -> "_Interleave":
        from sqlalchemy import event

        self.owner = threading.current_thread()
        event.listen(self.engine, *self._hook())
        return self

    def __exit__(self, *exc) -> None:
        from sqlalchemy import event

        event.remove(self.engine, *self._hook())
        if self.thread is not None:
            self.thread.join(timeout=60)
            assert not self.thread.is_alive(), "the other request never finished"


def _save(client, code, token, question_id, choice):
    return client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [choice]},
                       headers={"X-CSRFToken": token})


def _second_tab(app, client):
    """Another client with the same session cookie: the same student in a second tab."""
    tab = app.test_client()
    with client.session_transaction() as session:
        cookie = dict(session)
    with tab.session_transaction() as session:
        session.update(cookie)
    return tab


def _quiz_with_all_but_one_answered(tmp_path):
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    questions = stored_quiz(app, code)["questions"]
    client, token = _student(app, code, "Lou")
    for question in questions[1:]:
        assert _save(client, code, token, question["id"], question["answer"][0]).status_code == 200
    return app, code, questions, client, token


def test_a_submit_arriving_while_an_answer_is_being_saved_waits_and_scores_it(tmp_path):
    """The last autosave is about to commit when the submit click arrives (another worker):
    the submit waits for it, and the acknowledged answer is in the score."""
    app, code, questions, client, token = _quiz_with_all_but_one_answered(tmp_path)
    last, other_tab = questions[0], _second_tab(app, client)
    with _Interleave(app, "COMMIT",
                     lambda: other_tab.post(f"/quiz/{code}/submit", data={"csrf_token": token}).status_code) as race:
        saved = _save(client, code, token, last["id"], last["answer"][0])
    assert race.thread is not None, "the save never reached its commit"
    assert saved.status_code == 200 and saved.get_json()["saved"]
    assert race.result["value"] == 302
    attempt = stored_attempts(app, code)[0]
    assert attempt["answers"][last["id"]] == last["answer"]
    assert attempt["score"] == len(questions), "the submit scored without an answer it acknowledged"


def test_an_answer_arriving_while_the_attempt_is_being_submitted_is_refused_not_lost(tmp_path):
    """The submit is about to commit its score when an autosave arrives: the save waits, then
    is refused (409) — never acknowledged and stored beside a score that left it out."""
    app, code, questions, client, token = _quiz_with_all_but_one_answered(tmp_path)
    last, other_tab = questions[0], _second_tab(app, client)
    with _Interleave(app, "COMMIT",
                     lambda: _save(other_tab, code, token, last["id"], last["answer"][0])) as race:
        submitted = client.post(f"/quiz/{code}/submit", data={"csrf_token": token})
    assert race.thread is not None, "the submit never reached its commit"
    assert submitted.status_code == 302
    assert race.result["value"].status_code == 409, race.result["value"].get_data(as_text=True)
    attempt = stored_attempts(app, code)[0]
    assert last["id"] not in attempt["answers"]
    assert attempt["score"] == len(questions) - 1


def test_two_first_saves_of_one_question_at_once_update_one_answer(tmp_path):
    """A retried autosave (or two tabs) sends the first answer to a question twice at once:
    both are answered 200 and one answer is stored, the one saved last (a 500 otherwise)."""
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    question = stored_quiz(app, code)["questions"][0]
    client, token = _student(app, code, "Lou")
    other_tab = _second_tab(app, client)
    with _Interleave(app, "COMMIT", lambda: _save(other_tab, code, token, question["id"], 1).status_code) as race:
        first = _save(client, code, token, question["id"], 0)
    assert race.thread is not None
    assert first.status_code == 200, first.get_data(as_text=True)[:300]
    assert race.result["value"] == 200
    # The paused save had written its row: the other one waited for it, then updated that row.
    assert stored_attempts(app, code)[0]["answers"] == {question["id"]: [1]}


def test_a_double_click_on_join_gives_one_attempt(tmp_path):
    """The name form sent twice at once (double click, slow network): both land in the same
    attempt, never a 500 from the unique (quiz, name) constraint. The browser has no token yet
    on either request; the form's own random nonce, sent twice, is what says it is one student."""
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    first, second = app.test_client(), app.test_client()
    form = form_posting_to(first.get(f"/join/{code}").get_data(as_text=True), f"/join/{code}")
    data = {**dict(form.values()), "name": "Lou"}
    with _Interleave(app, "INSERT INTO ATTEMPT",
                     lambda: second.post(f"/join/{code}", data=data).status_code) as race:
        response = first.post(f"/join/{code}", data=data)
    assert race.thread is not None
    assert response.status_code == 302 and race.result["value"] == 302
    assert len(stored_attempts(app, code)) == 1
    pages = [c.get(f"/quiz/{code}") for c in (first, second)]
    assert [p.status_code for p in pages] == [200, 200]


def test_two_students_typing_one_name_at_once_get_one_attempt_and_a_refusal(tmp_path):
    """Two different join forms with the same name at the same instant: the first stored is
    the attempt; the other student is told the name is taken (409), never let into it."""
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    first, second = app.test_client(), app.test_client()
    with _Interleave(app, "INSERT INTO ATTEMPT",
                     lambda: second.post(f"/join/{code}", data={"name": "Lou", "nonce": "b" * 22}).status_code) as race:
        response = first.post(f"/join/{code}", data={"name": "Lou", "nonce": "a" * 22})
    assert race.thread is not None
    assert sorted([response.status_code, race.result["value"]]) == [302, 409]
    assert len(stored_attempts(app, code)) == 1
