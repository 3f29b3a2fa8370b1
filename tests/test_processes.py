"""Real server processes on one database, as a school runs it: `mlquiz run --workers 2`
(gunicorn) started twice, a student moved from one to the other mid-quiz, and a server
killed with SIGKILL mid-quiz then restarted. No state may live inside a process: the
attempt, its answers and deadline are in the database, the session in a signed cookie."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from databases import database_url

REPO = Path(__file__).resolve().parent.parent
MLQUIZ = str(Path(sys.executable).with_name("mlquiz"))
SAMPLE = REPO / "question_bank" / "samples" / "rumeur-rachat.fr.txt"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Deployment:
    env: dict
    code: str
    servers: dict

    def start(self, port: int) -> str:
        """`mlquiz run --workers 2` on `port`, in its own process group; returns its base URL."""
        process = subprocess.Popen([MLQUIZ, "run", "--workers", "2", "--port", str(port)], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                    self.servers[port] = process
                    return base
            except requests.RequestException:   # not listening yet, or a worker still booting
                time.sleep(0.2)
        process.kill()
        raise AssertionError(f"mlquiz run did not answer on {base}")

    def kill(self, port: int) -> None:
        """SIGKILL to the whole server (master and workers): nothing gets to clean up."""
        process = self.servers.pop(port)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture
def deployment(tmp_path):
    env = {**os.environ, "MLQUIZ_DATABASE_URL": database_url(tmp_path, "school"),
           "MLQUIZ_SECRET_KEY": "one-secret-for-every-worker-" + tmp_path.name, "PYTHONIOENCODING": "utf-8"}
    def mlquiz(*args, stdin: str = ""):
        done = subprocess.run([MLQUIZ, *args], env=env, input=stdin.encode(), capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()
    mlquiz("db", "upgrade")
    mlquiz("teacher", "create", "prof@example.org", stdin="long-enough-password\n")
    code = mlquiz("quiz", "create", str(SAMPLE), "--owner", "prof@example.org", "--time-limit", "900",
                 "--review", "after_submit").strip().rsplit("/", 1)[1]
    running = Deployment(env, code, {})
    yield running
    for port in list(running.servers):
        running.kill(port)


def questions_on(page: str) -> list[str]:
    return re.findall(r'data-question-id="([^"]+)"', page)


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page)[1]


def join(student: requests.Session, base: str, code: str, name: str) -> str:
    page = student.get(f"{base}/join/{code}").text
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    joined = student.post(f"{base}/join/{code}", data={"name": name, "csrf_token": form_token})
    assert joined.status_code == 200 and joined.url.endswith(f"/quiz/{code}"), joined.status_code
    return joined.text


def save(student: requests.Session, base: str, code: str, token: str, question: str, choice: int) -> None:
    response = student.post(f"{base}/quiz/{code}/answer", json={"question_id": question, "choices": [choice]},
                            headers={"X-CSRFToken": token, "Referer": f"{base}/quiz/{code}"})
    assert response.status_code == 200 and response.json()["saved"] is True, response.text


def checked(page: str, question: str) -> int | None:
    found = re.search(rf'id="q-{re.escape(question)}-(\d+)"[^>]*\bchecked\b', page)
    return int(found[1]) if found else None


def test_a_student_moves_between_two_servers_mid_quiz(deployment):
    a = deployment.start(free_port())
    b = deployment.start(free_port())
    student = requests.Session()
    page = join(student, a, deployment.code, "Camille")
    questions = questions_on(page)
    first, rest = questions[: len(questions) // 2], questions[len(questions) // 2:]
    for question in first:
        save(student, a, deployment.code, csrf_of(page), question, 1)

    on_b = student.get(f"{b}/quiz/{deployment.code}")   # the same browser, now served by the other server
    assert on_b.status_code == 200 and "Camille" in on_b.text
    assert [checked(on_b.text, q) for q in first] == [1] * len(first)
    for question in rest:
        save(student, b, deployment.code, csrf_of(on_b.text), question, 0)
    submitted = student.post(f"{b}/quiz/{deployment.code}/submit", data={"csrf_token": csrf_of(on_b.text)})
    assert submitted.status_code == 200 and submitted.url.endswith("/done")

    review = student.get(f"{a}/quiz/{deployment.code}/review")
    assert review.status_code == 200
    assert review.text.count('class="review-item') == len(questions)


def test_answers_acknowledged_before_a_sigkill_survive_the_restart(deployment):
    port = free_port()
    base = deployment.start(port)
    student = requests.Session()
    page = join(student, base, deployment.code, "Sacha")
    questions = questions_on(page)
    acknowledged = questions[:3]
    for question in acknowledged:
        save(student, base, deployment.code, csrf_of(page), question, 2)

    deployment.kill(port)
    with pytest.raises(requests.ConnectionError):
        student.get(f"{base}/healthz", timeout=2)
    base = deployment.start(port)

    resumed = student.get(f"{base}/quiz/{deployment.code}")   # the student reloads: same attempt
    assert resumed.status_code == 200
    assert [checked(resumed.text, q) for q in acknowledged] == [2, 2, 2]
    assert all(checked(resumed.text, q) is None for q in questions[3:])
    save(student, base, deployment.code, csrf_of(resumed.text), questions[3], 0)
    again = student.post(f"{base}/quiz/{deployment.code}/submit", data={"csrf_token": csrf_of(resumed.text)})
    assert again.status_code == 200 and again.url.endswith("/done")
    twice = student.post(f"{base}/quiz/{deployment.code}/submit", data={"csrf_token": csrf_of(resumed.text)})
    assert twice.status_code == 200 and twice.url.endswith("/done")   # a double submit changes nothing
