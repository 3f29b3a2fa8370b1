"""One teacher firing many analyses at once: the extra ones are refused with a plain message,
whichever worker serves them, while another teacher's analysis goes through.

First two app instances on one database, each served by its own threaded HTTP server (two
workers that share nothing but the database), with the first analysis held open so that the
timing is the test's; then `mlquiz run --workers 2` (gunicorn processes) for real."""
from __future__ import annotations

import re
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from databases import database_url
from test_processes import MLQUIZ, Deployment, free_port
from web_support import TEACHER_PASSWORD, create_teacher, make_app, sample_bytes

ANNE, BRUNO = "anne@example.org", "bruno@example.org"
BUSY = "You are already analysing an article; wait for it to finish, then try again."
ARTICLE = sample_bytes("en").decode("utf-8")


def article(number: int, repeat: int = 1) -> str:
    """The English sample under a title of its own (never in the analysis cache)."""
    body = ARTICLE.split("\n", 1)[1]
    return f"Edition {number}: {ARTICLE.splitlines()[0]}\n" + body * repeat


def logged_in(base: str, email: str) -> requests.Session:
    browser = requests.Session()
    browser.headers["Accept-Language"] = "en"
    page = browser.get(f"{base}/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    data = {"email": email, "password": TEACHER_PASSWORD, **({"csrf_token": token[1]} if token else {})}
    assert browser.post(f"{base}/login", data=data, allow_redirects=False).status_code == 302
    return browser


def paste(browser: requests.Session, base: str, text: str) -> requests.Response:
    page = browser.get(f"{base}/teach/new").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    return browser.post(f"{base}/teach/new", data={"text": text, **({"csrf_token": token[1]} if token else {})},
                        timeout=180)


def serve(app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def two_workers(tmp_path):
    """Two app instances (two workers' worth of engines, sessions and caches) on one database."""
    from quiz import create_app

    first = make_app(tmp_path)
    for email in (ANNE, BRUNO):
        create_teacher(first, email)
    second = create_app({key: first.config[key] for key in
                         ("TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "WTF_CSRF_ENABLED", "RATELIMIT_ENABLED")}
                        | ({"SQLALCHEMY_ENGINE_OPTIONS": first.config["SQLALCHEMY_ENGINE_OPTIONS"]}
                           if "SQLALCHEMY_ENGINE_OPTIONS" in first.config else {}))
    servers = [serve(first), serve(second)]
    yield first, [base for _server, base in servers]
    for server, _base in servers:
        server.shutdown()


def test_extra_analyses_from_one_teacher_are_refused_on_every_worker_and_another_teacher_is_not(two_workers,
                                                                                              monkeypatch):
    import quiz.analysis_cache as analysis_cache

    app, (one, two) = two_workers
    real = analysis_cache.analyse_alone
    entered, release = threading.Event(), threading.Event()
    analysed = []

    def held_first(article_):
        """The first analysis waits for the test; every other one runs as usual."""
        analysed.append(article_.title)
        if not entered.is_set():
            entered.set()
            assert release.wait(60)
        return real(article_)

    # Held before the process's one-analysis lock: both "workers" live in this one process.
    monkeypatch.setattr(analysis_cache, "analyse_alone", held_first)
    anne_one, anne_two, bruno = logged_in(one, ANNE), logged_in(two, ANNE), logged_in(two, BRUNO)
    with ThreadPoolExecutor(max_workers=12) as pool:
        first = pool.submit(paste, anne_one, one, article(0))
        assert entered.wait(60), "the first analysis never started"
        extra = [pool.submit(paste, anne_one if n % 2 else anne_two, one if n % 2 else two, article(n))
                 for n in range(1, 9)]
        other_teacher = pool.submit(paste, bruno, two, article(100))
        refused = [future.result() for future in extra]
        bruno_page = other_teacher.result()
        release.set()
        first_page = first.result()

    assert [r.status_code for r in refused] == [429] * 8
    assert all(BUSY in " ".join(r.text.split()) for r in refused)
    assert all(r.headers.get("Retry-After") == "5" for r in refused)
    assert bruno_page.status_code == 200 and 'name="keep"' in bruno_page.text   # not held up by Anne
    assert first_page.status_code == 200 and 'name="keep"' in first_page.text
    assert sorted(analysed) == sorted([article(0).splitlines()[0], article(100).splitlines()[0]])

    from quiz.extensions import db
    from quiz.models import HeavyJob

    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(HeavyJob)).scalar() == 0   # slots freed
    assert paste(anne_two, two, article(9)).status_code == 200   # and Anne may analyse again


@pytest.fixture
def gunicorn(tmp_path):
    env = {**__import__("os").environ, "MLQUIZ_DATABASE_URL": database_url(tmp_path, "school"),
           "MLQUIZ_SECRET_KEY": "one-secret-for-every-worker-" + tmp_path.name, "PYTHONIOENCODING": "utf-8"}
    for args, stdin in ((("db", "upgrade"), ""), (("teacher", "create", ANNE), TEACHER_PASSWORD + "\n"),
                        (("teacher", "create", BRUNO), TEACHER_PASSWORD + "\n")):
        done = subprocess.run([MLQUIZ, *args], env=env, input=stdin.encode(), capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
    deployment = Deployment(env, "", {})
    yield deployment.start(free_port())
    for port in list(deployment.servers):
        deployment.kill(port)


def test_with_two_gunicorn_workers_one_teachers_burst_runs_one_analysis_at_a_time(gunicorn):
    """Six analyses of a long article sent at once by one teacher, one by another teacher:
    gunicorn spreads them over its two processes; only the database knows what runs. The other
    teacher's analysis may share a process with the first one: it waits for it, and does not
    fail (spaCy's pipelines are not safe from two threads at once)."""
    base = gunicorn
    anne = [logged_in(base, ANNE) for _ in range(6)]        # six tabs
    bruno = logged_in(base, BRUNO)
    start = threading.Barrier(7)

    def at_once(browser, text):
        start.wait(30)
        return paste(browser, base, text)

    with ThreadPoolExecutor(max_workers=7) as pool:
        # A long article (the sample eight times over: an analysis of a second or more) keeps
        # the first analysis running while the others arrive.
        annes = [pool.submit(at_once, browser, article(n, repeat=8)) for n, browser in enumerate(anne)]
        brunos = pool.submit(at_once, bruno, article(50))
        anne_pages, bruno_page = [f.result() for f in annes], brunos.result()

    statuses = sorted(r.status_code for r in anne_pages)
    assert bruno_page.status_code == 200, bruno_page.status_code
    assert statuses.count(200) >= 1 and statuses.count(429) >= 4, statuses
    assert set(statuses) <= {200, 429}, statuses
    assert all(BUSY in " ".join(r.text.split()) for r in anne_pages if r.status_code == 429)
