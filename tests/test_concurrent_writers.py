"""Many students saving at once: every save is answered 200 and stored, never a 500 from
a locked database (SQLite waits for its write lock; PostgreSQL has row locks)."""
from __future__ import annotations

import re
import threading

from web_support import create_teacher, make_app, publish_direct, stored_attempts, stored_quiz

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
