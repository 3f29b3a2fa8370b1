"""Security that is part of "done" for the web app (issue 3): the answer key never reaches
the browser before submission, CSRF on every POST, article text always escaped, students
kept out of teacher pages and other teachers' quizzes, cookie flags, and no production
start with the default secret. Real app, real migration, real SQLite file, test client.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from http.cookies import SimpleCookie

import pytest

from databases import database_url
from web_support import (
    TEACHER_EMAIL, TEACHER_PASSWORD, FakeClock, create_teacher, csrf_token_in, form_posting_to, make_app,
    path_of, publish_direct, sample_bytes, stored_attempts, stored_quiz,
)

OTHER_EMAIL = "autre@example.org"


def normalise(text: str) -> str:
    return " ".join(html.unescape(text).split())


def form_token(page: str) -> str:
    m = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page)
    assert m, "no csrf_token field in the form"
    return m.group(1)


def login(app, email=TEACHER_EMAIL, password=TEACHER_PASSWORD, csrf=True):
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    data = {"email": email, "password": password}
    if csrf:
        data["csrf_token"] = form_token(page)
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.status_code
    return client


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def site(tmp_path, clock):
    """CSRF on: these tests post exactly what the pages give them."""
    app = make_app(tmp_path, clock, csrf=True)
    create_teacher(app)
    create_teacher(app, OTHER_EMAIL, "another good password")
    return app


@pytest.fixture
def code(site):
    # Review right after submitting: the most open policy, so a key that leaks anywhere shows here.
    return publish_direct(site, time_limit_seconds=600, review_policy="after_submit")


# --- (a) the answer key never reaches the browser before submission -----------------

def forbidden_strings(quiz: dict) -> list[str]:
    """Explanations (whole and first sentence) that are not already in the article or a
    question's public text: finding one in a response means the key leaked."""
    public = normalise(quiz["article_text"] + " " + " ".join(
        q["prompt"] + " " + " ".join(q["choices"]) for q in quiz["questions"]))
    found = []
    for q in quiz["questions"]:
        explanation = " ".join(q["explanation"].split())
        candidates = [explanation] + [s for s in re.split(r"(?<=[.!?])\s+", explanation) if len(s) >= 30]
        found += [c for c in candidates if c not in public]
    assert found, "the quiz has no explanation to look for"
    return found


KEY_PATTERNS = [
    (re.compile(r'"answer"\s*:'), 'JSON key "answer"'),
    (re.compile(r'"explanation"\s*:'), 'JSON key "explanation"'),
    (re.compile(r'"status"\s*:'), 'JSON key "status"'),
    (re.compile(r'"citations"\s*:'), 'JSON key "citations"'),
    (re.compile(r"&#34;(answer|explanation|status|citations)&#34;\s*:"), "escaped JSON key of the answer key"),
    (re.compile(r"data-(answer|correct|explanation|status|citation)s?(?![\w-])", re.I), "data attribute of the answer key"),
    (re.compile(r'<mark\b', re.I), "a highlighted citation"),
    (re.compile(r'id="cite-', re.I), "a citation anchor"),
]


def scan(responses, quiz: dict, app) -> list[str]:
    """Every leak in these responses: body, headers and cookies (session cookie decoded)."""
    leaks = []
    explanations = forbidden_strings(quiz)
    serializer = app.session_interface.get_signing_serializer(app)
    for label, response in responses:
        body = response.get_data(as_text=True)
        headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
        cookies = []
        for raw in response.headers.getlist("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(raw)
            for morsel in jar.values():
                if morsel.key == app.config.get("SESSION_COOKIE_NAME", "session") and morsel.value:
                    cookies.append(json.dumps(serializer.loads(morsel.value), ensure_ascii=False))
                else:
                    cookies.append(morsel.value)
        if response.is_json:  # \u00e9 escapes would hide a leak from a plain text search
            body += "\n" + json.dumps(response.get_json(), ensure_ascii=False)
        for where, text in (("body", body), ("headers", headers), ("cookie", "\n".join(cookies))):
            flat = normalise(text)
            for sentence in explanations:
                if sentence in flat:
                    leaks.append(f"{label} {where}: explanation {sentence[:60]!r}")
            if where != "headers":
                for pattern, what in KEY_PATTERNS:
                    if pattern.search(text):
                        leaks.append(f"{label} {where}: {what}")
            # JSON bodies are also read as data: no key material at any depth.
            if where == "body" and response.is_json:
                leaks += [f"{label} json: key {k!r}" for k in _json_keys(response.get_json())
                          if k in ("answer", "explanation", "status", "citations", "correct")]
    return leaks


def _json_keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _json_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _json_keys(inner)


def static_urls(page: str) -> list[str]:
    return sorted(set(re.findall(r'(?:src|href)="(/static/[^"?#]+)', page)))


def test_no_response_of_an_attempt_carries_the_answer_key(site, code, clock):
    quiz = stored_quiz(site, code)
    client = site.test_client()
    seen = []

    def keep(label, response):
        seen.append((label, response))
        return response

    keep("GET /", client.get("/"))
    keep("GET /join?code", client.get(f"/join?code={code}"))
    join_page = keep("GET /join/<code>", client.get(f"/join/{code}")).get_data(as_text=True)
    joined = keep("POST /join/<code>", client.post(f"/join/{code}", data={
        "name": "Léa Martin", "csrf_token": form_token(join_page)}))
    assert joined.status_code in (302, 303), joined.status_code
    page = keep("GET /quiz/<code>", client.get(f"/quiz/{code}")).get_data(as_text=True)
    for url in static_urls(page):
        keep(f"GET {url}", client.get(url))
    keep("GET state", client.get(f"/quiz/{code}/state"))
    token = csrf_token_in(page)
    for q in quiz["questions"]:
        for choice in (q["answer"][0], (q["answer"][0] + 1) % len(q["choices"])):
            response = keep(f"POST answer {q['id']}", client.post(
                f"/quiz/{code}/answer", json={"question_id": q["id"], "choices": [choice]},
                headers={"X-CSRFToken": token}))
            assert response.status_code == 200, (response.status_code, response.get_data(as_text=True))
    keep("POST answer (bad question)", client.post(f"/quiz/{code}/answer", json={"question_id": "nope", "choices": [0]},
                                                   headers={"X-CSRFToken": token}))
    keep("POST answer (bad choice)", client.post(f"/quiz/{code}/answer",
                                                 json={"question_id": quiz["questions"][0]["id"], "choices": [99]},
                                                 headers={"X-CSRFToken": token}))
    clock.advance(minutes=1)
    reloaded = keep("GET /quiz/<code> (reload)", client.get(f"/quiz/{code}"))
    assert reloaded.status_code == 200
    keep("GET state (later)", client.get(f"/quiz/{code}/state"))
    keep("GET review (before submit)", client.get(f"/quiz/{code}/review"))
    keep("GET done (before submit)", client.get(f"/quiz/{code}/done"))
    form = form_posting_to(reloaded.get_data(as_text=True), f"/quiz/{code}/summary")
    keep("POST summary", client.post(form.action, data=dict(form.values())))
    summary = keep("GET summary", client.get(f"/quiz/{code}/summary"))
    form = form_posting_to(summary.get_data(as_text=True), f"/quiz/{code}/submit")
    submitted = keep("POST submit", client.post(f"/quiz/{code}/submit", data=dict(form.values())))
    assert submitted.status_code in (302, 303), submitted.status_code

    assert len(seen) > 10
    leaks = scan(seen, quiz, site)
    assert not leaks, "\n".join(leaks)

    # The session holds the attempt token (and Flask-WTF's CSRF secret, Flask-Login's and
    # Flask's boolean flags), nothing else.
    with client.session_transaction() as session:
        data = dict(session)
    attempt = stored_attempts(site, code)[0]
    assert data.get("attempts") == {code: attempt["token"]}, data
    others = {k: v for k, v in data.items() if k not in ("attempts", "csrf_token", "lang")}
    assert all(isinstance(v, bool) for v in others.values()), data

    # After submitting, the key is there: the scan really looks in the right places.
    review = client.get(f"/quiz/{code}/review")
    assert review.status_code == 200
    assert scan([("review", review)], quiz, site), "the scan finds nothing even on the review page"


# --- (b) CSRF on every POST ------------------------------------------------------------

def test_posts_without_a_csrf_token_are_refused(site, code):
    quiz = stored_quiz(site, code)
    student = site.test_client()
    assert student.post(f"/join/{code}", data={"name": "Léa"}).status_code == 400
    assert stored_attempts(site, code) == []
    page = student.get(f"/join/{code}").get_data(as_text=True)
    assert student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)}).status_code == 302

    question_id = quiz["questions"][0]["id"]
    no_token = student.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [0]})
    assert no_token.status_code == 400, no_token.status_code
    bad_token = student.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [0]},
                             headers={"X-CSRFToken": "forged"})
    assert bad_token.status_code == 400, bad_token.status_code
    assert student.post(f"/quiz/{code}/submit", data={}).status_code == 400
    assert stored_attempts(site, code)[0]["answers"] == {}
    assert stored_attempts(site, code)[0]["submitted_at"] is None

    assert site.test_client().post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}).status_code == 400
    teacher = login(site)
    assert teacher.post("/teach/new", data={"text": sample_bytes("en").decode()}).status_code == 400
    assert teacher.post(f"/teach/quiz/{code}/close", data={}).status_code == 400
    assert teacher.post(f"/teach/quiz/{code}/accommodation",
                        data={"name": "Léa", "kind": "unlimited", "value": ""}).status_code == 400
    assert teacher.post("/logout", data={}).status_code == 400
    assert stored_attempts(site, code)[0]["unlimited"] is False


def test_a_token_already_checked_stays_bound_to_its_own_session(site, code):
    """The signature of a token is checked once per process (quiz/csrf_check.py): a token seen
    before still has to be this session's, and a changed one is checked again and refused."""
    quiz = stored_quiz(site, code)
    question_id = quiz["questions"][0]["id"]
    lea, sam = site.test_client(), site.test_client()
    tokens = {}
    for name, client in (("Léa", lea), ("Sam", sam)):
        page = client.get(f"/join/{code}").get_data(as_text=True)
        assert client.post(f"/join/{code}", data={"name": name, "csrf_token": form_token(page)}).status_code == 302
        tokens[name] = csrf_token_in(client.get(f"/quiz/{code}").get_data(as_text=True))

    def answer(client, token, choice):
        return client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [choice]},
                           headers={"X-CSRFToken": token})

    assert answer(lea, tokens["Léa"], 0).status_code == 200
    assert answer(lea, tokens["Léa"], 1).status_code == 200          # the second time, from what was kept
    assert answer(sam, tokens["Léa"], 0).status_code == 400          # kept, but not Sam's session's
    changed = tokens["Léa"][:-1] + ("A" if tokens["Léa"][-1] != "A" else "B")
    assert answer(lea, changed, 0).status_code == 400
    by_name = {attempt["name"]: attempt["answers"] for attempt in stored_attempts(site, code)}
    assert by_name == {"Léa": {question_id: [1]}, "Sam": {}}


def test_with_a_time_limit_every_token_is_checked_again(tmp_path, clock):
    """A configured WTF_CSRF_TIME_LIMIT makes a token's validity depend on the hour: nothing
    is kept, so an expired token cannot pass from memory."""
    from quiz.extensions import csrf

    app = make_app(tmp_path, clock, csrf=True, WTF_CSRF_TIME_LIMIT=3600)
    create_teacher(app)
    code = publish_direct(app, time_limit_seconds=600)
    question_id = stored_quiz(app, code)["questions"][0]["id"]
    client = app.test_client()
    page = client.get(f"/join/{code}").get_data(as_text=True)
    assert client.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)}).status_code == 302
    token = csrf_token_in(client.get(f"/quiz/{code}").get_data(as_text=True))
    csrf.forget_checked()
    for choice in (0, 1):
        assert client.post(f"/quiz/{code}/answer", json={"question_id": question_id, "choices": [choice]},
                           headers={"X-CSRFToken": token}).status_code == 200
    assert csrf.checked_count() == 0



# --- (c) article text is always escaped ------------------------------------------------

def hostile_article() -> bytes:
    text = sample_bytes("en").decode("utf-8")
    lines = text.split("\n")
    lines[0] = "Halbury <script>alert(1)</script> shares jump on Corvane bid speculation?"
    lines[3] = lines[3].replace(
        "Corvane is reportedly lining up financing",
        "Corvane is reportedly lining up financing <script>alert(1)</script> javascript:alert(2)")
    return "\n".join(lines).encode("utf-8")


def assert_escaped(page: str, where: str):
    assert "<script>alert" not in page, f"raw <script> from the article on the {where}"
    assert not re.search(r'(?:href|src|action)\s*=\s*"\s*javascript:', page, re.I), where
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, f"the article's <script> is not shown as text on the {where}"


def test_article_html_is_shown_as_text_on_every_page(site, clock):
    data = hostile_article()
    code = publish_direct(site, data=data, time_limit_seconds=600, review_policy="after_submit")
    quiz = stored_quiz(site, code)
    assert "<script>alert(1)</script>" in quiz["article_text"], "the article lost its <script> before publishing"
    assert any("<script>" in q["prompt"] or any("<script>" in c["quote"] for c in q["citations"])
               for q in quiz["questions"]), "no question quotes the hostile sentence"

    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)})
    page = student.get(f"/quiz/{code}").get_data(as_text=True)
    assert_escaped(page, "quiz page")
    student.post(f"/quiz/{code}/submit", data={"csrf_token": csrf_token_in(page)})
    review = student.get(f"/quiz/{code}/review")
    assert review.status_code == 200
    assert_escaped(review.get_data(as_text=True), "review page")

    teacher = login(site)
    new = teacher.get("/teach/new").get_data(as_text=True)
    preview = teacher.post("/teach/new", data={"text": data.decode("utf-8"), "csrf_token": form_token(new)})
    assert preview.status_code == 200, preview.status_code
    assert_escaped(preview.get_data(as_text=True), "teacher preview")
    for url in (f"/teach/quiz/{code}", f"/teach/quiz/{code}/results"):
        response = teacher.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert "<script>alert" not in response.get_data(as_text=True), url


# --- (d) who may see what --------------------------------------------------------------

def test_students_cannot_reach_teacher_pages(site, code):
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)})
    for url in ("/teach/", "/teach/new", f"/teach/quiz/{code}", f"/teach/quiz/{code}/results",
                f"/teach/quiz/{code}/results.csv"):
        response = student.get(url)
        assert response.status_code == 302, (url, response.status_code)
        assert path_of(response.headers["Location"]) == "/login", (url, response.headers["Location"])
    token = csrf_token_in(student.get(f"/quiz/{code}").get_data(as_text=True))
    for url, data in ((f"/teach/quiz/{code}/close", {}),
                      (f"/teach/quiz/{code}/accommodation", {"name": "Léa", "kind": "unlimited", "value": ""}),
                      ("/teach/publish", {})):
        response = student.post(url, data={**data, "csrf_token": token})
        assert response.status_code in (302, 401, 403), (url, response.status_code)
    assert stored_attempts(site, code)[0]["unlimited"] is False


def test_a_teacher_cannot_see_another_teachers_quiz(site, code):
    other = login(site, OTHER_EMAIL, "another good password")
    for url in (f"/teach/quiz/{code}", f"/teach/quiz/{code}/results", f"/teach/quiz/{code}/results.csv"):
        assert other.get(url).status_code == 404, url
    token = csrf_token_in(other.get("/teach/").get_data(as_text=True))
    assert other.post(f"/teach/quiz/{code}/close", data={"csrf_token": token}).status_code == 404
    assert other.post(f"/teach/quiz/{code}/accommodation",
                      data={"name": "Léa", "kind": "unlimited", "value": "", "csrf_token": token}).status_code == 404
    dashboard = other.get("/teach/").get_data(as_text=True)
    assert code not in dashboard
    owner = login(site)
    assert owner.get(f"/teach/quiz/{code}").status_code == 200
    assert code in owner.get("/teach/").get_data(as_text=True)


def test_review_needs_your_own_submitted_attempt(site):
    code = publish_direct(site, time_limit_seconds=600, review_policy="after_submit")
    nobody = site.test_client()
    response = nobody.get(f"/quiz/{code}/review")
    assert response.status_code in (302, 303, 403), response.status_code
    if response.status_code != 403:
        assert path_of(response.headers["Location"]) in (f"/join/{code}", "/")
    assert nobody.get(f"/quiz/{code}/state").status_code in (403, 404)

    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)})
    not_yet = student.get(f"/quiz/{code}/review")
    assert not_yet.status_code in (302, 303, 403), not_yet.status_code
    assert "<mark" not in not_yet.get_data(as_text=True)

    # Another student's finished attempt does not open the review for this one.
    other = site.test_client()
    page = other.get(f"/join/{code}").get_data(as_text=True)
    other.post(f"/join/{code}", data={"name": "Sam", "csrf_token": form_token(page)})
    token = csrf_token_in(other.get(f"/quiz/{code}").get_data(as_text=True))
    other.post(f"/quiz/{code}/submit", data={"csrf_token": token})
    assert other.get(f"/quiz/{code}/review").status_code == 200
    assert student.get(f"/quiz/{code}/review").status_code in (302, 303, 403)


def test_an_unknown_code_is_404(site):
    client = site.test_client()
    assert client.get("/join/ZZZZZZ").status_code == 404
    assert client.get("/quiz/ZZZZZZ").status_code == 404
    assert client.get("/quiz/ZZZZZZ/state").status_code == 404


# --- (e) cookie flags ------------------------------------------------------------------

def session_cookie(response, name="session") -> str:
    for raw in response.headers.getlist("Set-Cookie"):
        if raw.startswith(name + "="):
            return raw
    raise AssertionError(f"no {name} cookie set: {response.headers.getlist('Set-Cookie')}")


def test_cookies_are_httponly_and_samesite_lax(site, code):
    student = site.test_client()
    page = student.get(f"/join/{code}")
    cookie = session_cookie(page)
    joined = student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page.get_data(as_text=True))})
    for raw in (cookie, session_cookie(joined)):
        parts = [p.strip().lower() for p in raw.split(";")]
        assert "httponly" in parts, raw
        assert "samesite=lax" in parts, raw

    client = site.test_client()
    token = form_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    for raw in response.headers.getlist("Set-Cookie"):
        parts = [p.strip().lower() for p in raw.split(";")]
        assert "httponly" in parts and "samesite=lax" in parts, raw


# --- (f) production needs a real secret ------------------------------------------------

def test_production_refuses_the_default_secret(tmp_path, monkeypatch):
    from quiz import create_app

    monkeypatch.setenv("MLQUIZ_ENV", "production")
    monkeypatch.delenv("MLQUIZ_SECRET_KEY", raising=False)
    monkeypatch.setenv("MLQUIZ_DATABASE_URL", database_url(tmp_path, "prod"))
    with pytest.raises(RuntimeError, match="MLQUIZ_SECRET_KEY"):
        create_app()
    monkeypatch.setenv("MLQUIZ_SECRET_KEY", "")
    with pytest.raises(RuntimeError):
        create_app()
    monkeypatch.setenv("MLQUIZ_SECRET_KEY", "a-long-random-value-" + "x" * 40)
    assert create_app().config["ENV_NAME"] == "production"


def test_without_a_secret_each_installation_makes_its_own_and_keeps_it(tmp_path, monkeypatch):
    import os
    import stat

    from quiz.config import DEFAULT_SECRET, instance_secret

    monkeypatch.delenv("MLQUIZ_SECRET_KEY", raising=False)
    one, other = tmp_path / "one", tmp_path / "other"
    one.mkdir(), other.mkdir()
    first = instance_secret(str(one))
    assert first == instance_secret(str(one))          # kept: a restart keeps teachers logged in
    assert first != instance_secret(str(other))        # never shared between installations
    assert len(first) >= 48 and first != DEFAULT_SECRET
    assert stat.S_IMODE(os.stat(one / "secret_key").st_mode) == 0o600


def test_the_app_signs_sessions_with_the_instance_secret_not_a_public_default(tmp_path, monkeypatch):
    from quiz import create_app
    from quiz.config import DEFAULT_SECRET

    monkeypatch.delenv("MLQUIZ_SECRET_KEY", raising=False)
    monkeypatch.setenv("MLQUIZ_DATABASE_URL", database_url(tmp_path, "secret"))
    app = create_app()
    assert app.config["SECRET_KEY"] not in ("", DEFAULT_SECRET)
    assert (Path(app.instance_path) / "secret_key").read_text().strip() == app.config["SECRET_KEY"]


def test_pages_are_not_cached_and_carry_a_content_security_policy(site, code):
    teacher = login(site)
    student = site.test_client()
    for client, url in ((teacher, f"/teach/quiz/{code}/results"), (teacher, "/teach/bank/"), (teacher, "/teach/"),
                        (student, f"/join/{code}")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "no-store", url
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-eval" not in policy
    static = student.get("/static/style.css")
    assert static.status_code == 200 and static.headers.get("Cache-Control") != "no-store"


def test_no_template_carries_an_inline_script_the_policy_would_block():
    root = Path(__file__).resolve().parent.parent / "templates"
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"\son(click|load|change|submit|input)=", text), path


def test_a_bank_file_between_2_and_10_mb_reaches_the_importer_with_csrf_on(site):
    """The form used to be read (for its CSRF token) under the 2 MB limit before the import
    route could raise it: a 3 MB file got "larger than 10 MB"."""
    import io

    teacher = login(site)
    token = form_token(teacher.get("/teach/bank/import").get_data(as_text=True))
    big = b"format: mlquiz-bank\nversion: 1\n" + b"# padding\n" * 300_000   # ~3 MB: an empty bank, padded
    response = teacher.post("/teach/bank/import", data={"csrf_token": token, "file": (io.BytesIO(big), "big.yaml")},
                            content_type="multipart/form-data")
    assert response.status_code == 302, response.status_code      # read and imported (nothing in it)
    huge = b"x" * 11_000_000
    response = teacher.post("/teach/bank/import", data={"csrf_token": token, "file": (io.BytesIO(huge), "huge.yaml")},
                            content_type="multipart/form-data")
    assert response.status_code == 413


def test_inputs_that_used_to_give_a_500_get_a_plain_refusal(site, code):
    """On SQLite and on PostgreSQL (which cannot store NUL): deep JSON, NUL characters in a
    name, an email, an answer or a bank form, odd digits on submit."""
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    assert student.post(f"/join/{code}", data={"name": "Léa Martin", "csrf_token": form_token(page)}).status_code == 302
    quiz_page = student.get(f"/quiz/{code}").get_data(as_text=True)
    token = re.search(r'<meta\s+name="csrf-token"\s+content="([^"]+)"', quiz_page).group(1)
    headers = {"X-CSRFToken": token}
    question = stored_quiz(site, code)["questions"][0]
    deep = "[" * 100_000 + "]" * 100_000
    for body in (deep, "[" * 500 + "]" * 500, '{"question_id": "%s", "text": "a\\u0000b"}' % question["id"]):
        response = student.post(f"/quiz/{code}/answer", data=body, content_type="application/json", headers=headers)
        assert response.status_code == 400, response.status_code
    assert student.post(f"/quiz/{code}/submit", data={"csrf_token": token, f"q-{question['id']}": "²",
                                                      "q-other": "9" * 5000}).status_code in (302, 303)
    other = site.test_client()
    page = other.get(f"/join/{code}").get_data(as_text=True)
    assert other.post(f"/join/{code}", data={"name": "Sam\x00Diallo", "csrf_token": form_token(page)}).status_code == 400
    login_page = site.test_client()
    form = login_page.get("/login").get_data(as_text=True)
    assert login_page.post("/login", data={"email": "t\x00@school.test", "password": "x",
                                           "csrf_token": form_token(form)}).status_code == 400


# --- the answer endpoint trusts nothing --------------------------------------------------

def test_malformed_answers_are_refused_and_not_stored(site, code):
    quiz = stored_quiz(site, code)
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)})
    token = csrf_token_in(student.get(f"/quiz/{code}").get_data(as_text=True))
    question = quiz["questions"][0]
    headers = {"X-CSRFToken": token}
    bad = [b"not json", b"[1, 2]", b'{"question_id": 3, "choices": [0]}', b'{"question_id": "nope", "choices": [0]}']
    for body in bad:
        response = student.post(f"/quiz/{code}/answer", data=body, content_type="application/json", headers=headers)
        assert response.status_code == 400, (body, response.status_code)
    for choices in ([], [True], [-1], [len(question["choices"])], ["0"], [0.0], None, "0"):
        response = student.post(f"/quiz/{code}/answer", json={"question_id": question["id"], "choices": choices},
                                headers=headers)
        assert response.status_code == 400, (choices, response.status_code)
        assert "error" in response.get_json()
    assert stored_attempts(site, code)[0]["answers"] == {}


def test_review_after_close_waits_for_the_teacher(site, clock):
    from quiz.extensions import db
    from quiz.publishing import by_code

    code = publish_direct(site, time_limit_seconds=600, review_policy="after_close")
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    student.post(f"/join/{code}", data={"name": "Léa", "csrf_token": form_token(page)})
    token = csrf_token_in(student.get(f"/quiz/{code}").get_data(as_text=True))
    assert student.post(f"/quiz/{code}/submit", data={"csrf_token": token}).status_code == 302
    waiting = student.get(f"/quiz/{code}/review")
    assert waiting.status_code == 403, waiting.status_code
    done = student.get(f"/quiz/{code}/done")
    assert done.status_code == 200
    assert scan([("done before close", done), ("review before close", waiting)], stored_quiz(site, code), site) == []
    with site.app_context():
        by_code(code).closed_at = clock()
        db.session.commit()
    clock.advance(seconds=1)
    assert student.get(f"/quiz/{code}/review").status_code == 200


def test_results_csv_neutralises_spreadsheet_formulas(site, code):
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    name = '=HYPERLINK("http://evil.example","x")'
    assert student.post(f"/join/{code}", data={"name": name, "csrf_token": form_token(page)}).status_code == 302
    teacher = login(site)
    response = teacher.get(f"/teach/quiz/{code}/results.csv")
    assert response.status_code == 200
    import csv
    import io
    body = response.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";" if body.startswith("élève") else ","))
    assert rows[2][0] == "'" + name, rows[2]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row), rows
    results = teacher.get(f"/teach/quiz/{code}/results")
    assert results.status_code == 200
    assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;x&#34;)" in results.get_data(as_text=True)


# --- no open redirect ----------------------------------------------------------------

@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/x", "/\\evil.example/x",
                                    "/\t/evil.example/x", "/\n/evil.example/x", "/\r/evil.example/x",
                                    " //evil.example/x"])
def test_the_language_switch_never_redirects_off_site(site, target):
    from urllib.parse import urlsplit

    client = site.test_client()
    token = csrf_token_in(client.get("/").get_data(as_text=True))
    try:
        response = client.post("/lang", data={"lang": "fr", "next": target, "csrf_token": token})
    except ValueError as error:  # the test client re-raises what would be a 500
        pytest.fail(f"next={target!r} crashes the view (500): {error}")
    assert response.status_code in (302, 303), response.status_code
    location = response.headers["Location"]
    # What a browser does with it: backslashes are slashes, tabs and newlines are dropped.
    seen = location.replace("\\", "/").replace("\t", "").replace("\n", "").replace("\r", "").strip()
    assert not seen.startswith("//") and not urlsplit(seen).netloc, f"{target!r} → Location {location!r}"


def test_a_hostile_student_name_is_shown_as_text(site, code):
    name = '"><script>alert(1)</script>'
    student = site.test_client()
    page = student.get(f"/join/{code}").get_data(as_text=True)
    joined = student.post(f"/join/{code}", data={"name": name, "csrf_token": form_token(page)})
    assert joined.status_code == 302
    pages = {"quiz": student.get(f"/quiz/{code}"), "join again": student.get(f"/join/{code}")}
    too_long = student.post(f"/join/{code}", data={"name": name + "x" * 80, "csrf_token": form_token(page)})
    assert too_long.status_code == 400
    pages["join error"] = too_long
    teacher = login(site)
    pages.update({"teacher quiz": teacher.get(f"/teach/quiz/{code}"),
                  "teacher results": teacher.get(f"/teach/quiz/{code}/results")})
    for where, response in pages.items():
        body = response.get_data(as_text=True)
        assert "<script>alert" not in body, where
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, where


def test_two_first_logins_at_the_same_moment_both_stay_logged_in(tmp_path, monkeypatch):
    """Another worker gives the account its first session token while this login is making
    its own: both browsers must end up with the stored token (before, the later write won and
    the other browser was sent back to the login page)."""
    import secrets as real_secrets

    from quiz.blueprints import auth
    from quiz.extensions import db
    from quiz.models import Teacher
    from web_support import TEACHER_EMAIL, TEACHER_PASSWORD, create_teacher, make_app

    app = make_app(tmp_path)
    create_teacher(app)
    first, second = app.test_client(), app.test_client()
    credentials = {"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}

    token_hex = real_secrets.token_hex

    def token_while_another_login_commits(n: int) -> str:
        monkeypatch.setattr(auth.secrets, "token_hex", token_hex)
        assert second.post("/login", data=credentials).status_code == 302   # the other worker wins
        return token_hex(n)

    monkeypatch.setattr(auth.secrets, "token_hex", token_while_another_login_commits)
    assert first.post("/login", data=credentials).status_code == 302
    with app.app_context():
        stored = db.session.execute(db.select(Teacher.session_token)).scalar_one()
    assert stored
    assert first.get("/teach/").status_code == 200
    assert second.get("/teach/").status_code == 200
