"""Steps for web_quiz.feature: the whole web flow through Flask's test client, against a
real SQLite file made by the real Alembic migration and a clock the steps move by hand.

Each step that produces something returns it as a fixture (target_fixture): `site`,
`code`, `student`, `teacher`, `answer_response`, `page`. No shared mutable dict.
"""
from __future__ import annotations

import base64
import csv
import html
import io
import re
from dataclasses import dataclass, replace
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo
from html.parser import HTMLParser
from pathlib import Path

from werkzeug.datastructures import MultiDict
from quiz import results

from pytest_bdd import given, parsers, scenarios, then, when

from web_support import (
    TEACHER_EMAIL, TEACHER_PASSWORD, FakeClock, create_teacher, csrf_token_in, field_named, form_posting_to,
    make_app, path_of, publish_direct, sample_bytes, stored_attempts, stored_quiz,
)

scenarios("web_quiz.feature")

# The preview form's setting fields, by name (regex alternatives): the pages choose the names.
LIMIT = r"^time_?limit|limit_?minutes|^minutes$|limit"
EXPIRY = r"expiry|expire"
GRACE = r"grace"
REVIEW = r"review"


@dataclass(frozen=True)
class Site:
    app: object
    clock: FakeClock


@dataclass(frozen=True)
class Student:
    client: object
    code: str
    name: str
    csrf: str
    previous: "Student | None" = None     # the device this student used before, if they moved


# --- helpers ----------------------------------------------------------------------------

def login(app):
    client = app.test_client()
    response = client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD})
    assert response.status_code == 302, (response.status_code, response.get_data(as_text=True)[:500])
    return client


def join(app, code: str, name: str) -> tuple[Student, str]:
    """Type the code on the home page's form target, then the name; returns the quiz page."""
    client = app.test_client()
    home = client.get("/")
    assert home.status_code == 200
    response = client.get(f"/join?code={code.lower()}")
    assert response.status_code in (301, 302, 303), response.status_code
    assert path_of(response.headers["Location"]).upper() == f"/JOIN/{code}"
    form_page = client.get(f"/join/{code}")
    assert form_page.status_code == 200
    assert 'name="name"' in form_page.get_data(as_text=True)
    response = client.post(f"/join/{code}", data={"name": name})
    assert response.status_code in (302, 303), (response.status_code, response.get_data(as_text=True)[:500])
    assert path_of(response.headers["Location"]) == f"/quiz/{code}"
    page = client.get(f"/quiz/{code}")
    assert page.status_code == 200, page.status_code
    text = page.get_data(as_text=True)
    return Student(client, code, name, csrf_token_in(text)), text


def question(site: Site, code: str, number: int) -> dict:
    return stored_quiz(site.app, code)["questions"][number - 1]


def wrong_choice(q: dict) -> int:
    return next(i for i in range(len(q["choices"])) if i not in q["answer"])


def post_answer(student: Student, question_id: str, choices: list[int]):
    return student.client.post(f"/quiz/{student.code}/answer", json={"question_id": question_id, "choices": choices},
                               headers={"X-CSRFToken": student.csrf})


def quiz_page(student: Student) -> str:
    response = student.client.get(f"/quiz/{student.code}")
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def state(student: Student) -> dict:
    response = student.client.get(f"/quiz/{student.code}/state")
    assert response.status_code == 200, response.status_code
    return response.get_json()


def attempt_of(site: Site, code: str, name: str) -> dict:
    found = [a for a in stored_attempts(site.app, code) if a["name"] == name]
    assert len(found) == 1, stored_attempts(site.app, code)
    return found[0]


class _Marks(HTMLParser):
    """Every <mark id=…> with its text; the highlighted runs (adjacent or nested marks
    joined, small links between them skipped); every href="#…" on the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks: list[dict] = []
        self.open: list[dict] = []
        self.hrefs: list[str] = []
        self.runs: list[str] = [""]
        self.in_link = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.in_link += 1
            if (a.get("href") or "").startswith("#"):
                self.hrefs.append(a["href"][1:])
        if tag == "mark":
            entry = {"id": a.get("id") or "", "text": ""}
            self.marks.append(entry)
            self.open.append(entry)

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            self.open.pop()
        if tag == "a" and self.in_link:
            self.in_link -= 1
        if tag in ("p", "div", "h1", "h2", "h3", "li") and self.runs[-1]:
            self.runs.append("")

    def handle_data(self, data):
        for entry in self.open:
            entry["text"] += data
        if self.open:
            self.runs[-1] += data
        elif not self.in_link and data.strip() and self.runs[-1]:
            self.runs.append("")


def marks_of(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


# --- Given ------------------------------------------------------------------------------

@given("a fresh mlquiz site with a teacher account and a stopped clock", target_fixture="site")
def fresh_site(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock)
    create_teacher(app)
    return Site(app, clock)


@given("the teacher is logged in", target_fixture="teacher")
def teacher_logged_in(site):
    return login(site.app)


@given(parsers.parse("a published {minutes:d} minute quiz of the French sample"), target_fixture="code")
def published_quiz(site, minutes):
    return publish_direct(site.app, time_limit_seconds=minutes * 60)


@given(parsers.parse("a published {minutes:d} minute quiz of the French sample with a {grace:d} minute grace period"),
       target_fixture="code")
def published_quiz_grace(site, minutes, grace):
    return publish_direct(site.app, time_limit_seconds=minutes * 60, on_expiry="grace", grace_seconds=grace * 60)


@given(parsers.parse("a published {minutes:d} minute quiz of the French sample with review after submitting"),
       target_fixture="code")
def published_quiz_review_after_submit(site, minutes):
    return publish_direct(site.app, time_limit_seconds=minutes * 60, review_policy="after_submit")


@given(parsers.parse('the student "{name}" has joined'), target_fixture="student")
def student_joined(site, code, name):
    return join(site.app, code, name)[0]


@given(parsers.parse("the student has chosen the right answer to question {number:d}"), target_fixture="answer_response")
def has_chosen_right(site, student, number):
    q = question(site, student.code, number)
    response = post_answer(student, q["id"], list(q["answer"]))
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True))
    return response


@given(parsers.parse("the student has chosen a wrong answer to question {number:d}"), target_fixture="answer_response")
def has_chosen_wrong(site, student, number):
    q = question(site, student.code, number)
    response = post_answer(student, q["id"], [wrong_choice(q)])
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True))
    return response


# --- When -------------------------------------------------------------------------------

@when(parsers.parse("the teacher {gives} the French sample article"), target_fixture="page")
def give_sample(teacher, gives):
    if gives == "pastes":
        data = {"text": sample_bytes("fr").decode("utf-8")}
    elif gives == "uploads":
        data = {"file": (io.BytesIO(sample_bytes("fr")), "rumeur.fr.txt")}
    else:
        assert gives == "presses the button of", gives
        data = {"sample": "fr"}
    response = teacher.post("/teach/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:500])
    return response.get_data(as_text=True)


PASTES = Path(__file__).resolve().parent.parent / "fixtures" / "pastes"


@when(parsers.parse('the teacher pastes the copy of a news page "{paste}"'), target_fixture="page")
def paste_news_page(teacher, paste):
    response = teacher.post("/teach/new", data={"text": (PASTES / paste).read_text(encoding="utf-8")},
                            content_type="multipart/form-data")
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:500])
    return response.get_data(as_text=True)


@given("a news site on this server's network that the app is configured to read", target_fixture="news_base")
def local_news_site(site):
    from news_site import news_site

    site.app.config["FETCH_ALLOW_PRIVATE"] = True   # as MLQUIZ_FETCH_ALLOW_PRIVATE=1 would
    with news_site() as base:
        yield base


@when("the teacher pastes the address of its article page", target_fixture="page")
def paste_address_of_article(teacher, news_base):
    response = teacher.post("/teach/new", data={"text": f"{news_base}/article"}, content_type="multipart/form-data")
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:800])
    return response.get_data(as_text=True)


@when(parsers.parse('the teacher pastes the address "{address}"'), target_fixture="refused")
def paste_address(teacher, address):
    teacher.post("/lang", data={"lang": "en"})
    return teacher.post("/teach/new", data={"text": address}, content_type="multipart/form-data")


@then("the preview asks about the fetched article, citing its paragraphs and not the site's menus")
def preview_of_fetched(page):
    form = form_posting_to(page, "/teach/publish")
    assert [f for f in form.fields if f.get("name") == "keep"], "no question"
    text = visible_text(page)
    assert re.search(r"¶\d+", text) and "Selon des sources syndicales" in text
    assert "Accueil" not in _article_pane(page)


@then(parsers.parse('the new-quiz form says "{message}"'))
def new_form_says(refused, message):
    assert refused.status_code == 400, refused.status_code
    body = html.unescape(refused.get_data(as_text=True))
    assert 'role="alert"' in body and message in " ".join(body.split()), body[:2000]


def publish_from_preview(teacher, page, count, settings: dict[str, str]):
    """Fill the preview's own form: keep the first `count` questions, override `settings`
    (field name patterns → value), leave every other field as the page set it."""
    form = form_posting_to(page, "/teach/publish")
    keep_ids = [f["value"] for f in form.fields if f.get("name") == "keep"]
    assert len(keep_ids) >= count, keep_ids
    chosen = {}
    for patterns, value in settings.items():
        found = field_named(form, *patterns.split("|"))
        assert found is not None, (patterns, form.names())
        chosen[found["name"]] = value
    data = [(k, v) for k, v in form.values() if k != "keep" and k not in chosen]
    data += [("keep", qid) for qid in keep_ids[:count]]
    data += list(chosen.items())
    response = teacher.post("/teach/publish", data=MultiDict(data))
    assert response.status_code in (302, 303), (response.status_code, response.get_data(as_text=True)[:800])
    # The quiz the preview showed, made again from its hidden article and seed: the prompts kept.
    from quiz.publishing import preview

    hidden = dict(form.values())
    _article, shown = preview(base64.b64decode(hidden["article_data"]), seed=int(hidden["seed"]))
    prompts = {q.id: q.prompt for q in shown.questions}
    return {"response": response, "kept": [prompts[qid] for qid in keep_ids[:count]]}


@when(parsers.parse("the teacher keeps {count:d} questions, sets a {minutes:d} minute limit and publishes"),
      target_fixture="publish_response")
def keep_and_publish(teacher, page, count, minutes):
    return publish_from_preview(teacher, page, count, {LIMIT: str(minutes)})


@when(parsers.parse("the teacher keeps {count:d} questions, sets a {minutes:d} minute limit with a {grace:d} minute "
                    "grace period, review after close, and publishes"), target_fixture="publish_response")
def keep_and_publish_grace(teacher, page, count, minutes, grace):
    return publish_from_preview(teacher, page, count, {LIMIT: str(minutes), EXPIRY: "grace", GRACE: str(grace),
                                                       REVIEW: "after_close"})


@when(parsers.parse('a student types the join code and the name "{name}"'), target_fixture="student")
def student_types_code(site, code, name):
    return join(site.app, code, name)[0]


@when(parsers.parse("the student chooses the right answer to question {number:d}"), target_fixture="answer_response")
def chooses_right(site, student, number):
    q = question(site, student.code, number)
    return post_answer(student, q["id"], list(q["answer"]))


@when(parsers.parse("{minutes:d} minutes pass and the student reloads the quiz page"), target_fixture="page")
def reload_later(site, student, minutes):
    site.clock.advance(minutes=minutes)
    response = student.client.get(f"/quiz/{student.code}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@when(parsers.parse('{minutes:d} minutes pass and "{name}" joins on another device'), target_fixture="student")
def join_other_device(site, student, minutes, name):
    site.clock.advance(minutes=minutes)
    other, _ = join(site.app, student.code, name)
    assert other.client is not student.client
    # The later steps use the new device.
    return Student(other.client, other.code, student.name, other.csrf, previous=student)


@when(parsers.parse('{minutes:d} minutes pass and "{name}" tries to join on another device'), target_fixture="refusal")
def try_join_other_device(site, student, minutes, name):
    site.clock.advance(minutes=minutes)
    return site.app.test_client().post(f"/join/{student.code}", data={"name": name})


@when(parsers.parse('another student tries to join as "{name}"'), target_fixture="refusal")
def try_join_as(site, code, name):
    return site.app.test_client().post(f"/join/{code}", data={"name": name})


@when("she types her name and the resume code shown on her first device", target_fixture="student")
def join_with_resume_code(site, student):
    page = quiz_page(student)
    resume_code = re.search(r'class="resume-code">[^<]*<strong class="code">(\w+)<', page).group(1)
    client = site.app.test_client()
    form = form_posting_to(client.get(f"/join/{student.code}").get_data(as_text=True), f"/join/{student.code}")
    data = {**dict(form.values()), "name": student.name.lower(), "resume_code": resume_code}
    response = client.post(form.action, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    text = client.get(f"/quiz/{student.code}").get_data(as_text=True)
    new_device = Student(client, student.code, student.name, csrf_token_in(text))
    return replace(new_device, previous=student)


@when(parsers.parse('the teacher lets "{name}" in again from the quiz page'))
def teacher_readmits(site, code, name):
    teacher = login(site.app)
    page = teacher.get(f"/teach/quiz/{code}").get_data(as_text=True)
    form = form_posting_to(page, f"/attempt/{attempt_of(site, code, name)['id']}/readmit")
    assert teacher.post(form.action, data=dict(form.values())).status_code == 302


@when("the student presses the button under the questions", target_fixture="summary_page")
def press_finish(student):
    form = form_posting_to(quiz_page(student), f"/quiz/{student.code}/")
    assert form.action.endswith("/summary"), form.action
    response = student.client.post(form.action, data=dict(form.values()))
    assert response.status_code == 302, response.status_code
    page = student.client.get(response.headers["Location"])
    assert page.status_code == 200
    return page.get_data(as_text=True)


@when("the student hands in from the summary", target_fixture="submit_response")
def hand_in(student, summary_page):
    form = form_posting_to(summary_page, f"/quiz/{student.code}/submit")
    return student.client.post(form.action, data=dict(form.values()))


@when(parsers.parse("{minutes:d} minutes pass"))
def minutes_pass(site, minutes):
    site.clock.advance(minutes=minutes)


@when(parsers.parse("{minutes:d} minutes and {seconds:d} seconds pass"))
def minutes_seconds_pass(site, minutes, seconds):
    site.clock.advance(minutes=minutes, seconds=seconds)


@given("the student submits", target_fixture="submit_response")
@when("the student submits", target_fixture="submit_response")
def student_submits(student):
    return student.client.post(f"/quiz/{student.code}/submit", data={}, headers={"X-CSRFToken": student.csrf})


@when(parsers.parse('the teacher grants "{name}" {factor:g} times the time'))
def grant_extra_time(site, code, name, factor):
    teacher = login(site.app)
    response = teacher.post(f"/teach/quiz/{code}/accommodation",
                            data={"name": name, "kind": "multiplier", "value": str(factor)})
    assert response.status_code in (200, 302, 303), (response.status_code, response.get_data(as_text=True)[:500])


@when(parsers.parse("the teacher downloads the results CSV in {language}"), target_fixture="csv_response")
def download_csv(site, code, language):
    teacher = login(site.app)
    teacher.post("/lang", data={"lang": {"English": "en", "French": "fr"}[language]})
    return teacher.get(f"/teach/quiz/{code}/results.csv")


# --- Then -------------------------------------------------------------------------------

@then(parsers.parse('the preview\'s title is "{title}"'))
def preview_title(page, title):
    found = re.search(r'<h2 class="article-title">(.*?)</h2>', page, re.S)
    assert found and html.unescape(found.group(1)).strip() == title, found and found.group(1)


@then(parsers.parse('the preview keeps the standfirst and the byline "{byline}"'))
def preview_keeps_byline(page, byline):
    article = _article_pane(page)
    assert byline in article
    passages = re.findall(r'<div class="passage[^"]*">(.*?)</div>', page, re.S)
    assert len(passages) >= 5, passages   # standfirst, byline and body paragraphs


@then(parsers.parse('the preview says which lines of the page were left out, among them "{dropped}"'))
def preview_lists_dropped(page, dropped):
    found = re.search(r'<details class="card dropped-lines".*?</details>', page, re.S)
    assert found, "no list of the lines left out"
    assert dropped in html.unescape(found.group(0))


@then("no question and no passage of the article is a line of the page's furniture")
def no_furniture_left(page):
    article = _article_pane(page)
    for furniture in ("Partager", "Share", "Lire aussi", "Read more", "Temps de lecture", "min read", "Abonnez-vous",
                      "Sign up", "Photograph:", "(Photo ", "Commentaires (", "Comments (", "Économie\n", "Business\n"):
        assert furniture not in article, furniture
    form = form_posting_to(page, "/teach/publish")
    assert form is not None


def _article_pane(page: str) -> str:
    start = page.index('<div class="article">')
    end = page.index("</section>", start)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page[start:end]))


@then("the preview shows the generated questions with their cited passages")
def preview_shows_questions(page):
    form = form_posting_to(page, "/teach/publish")
    keep_ids = [f["value"] for f in form.fields if f.get("name") == "keep"]
    assert len(keep_ids) >= 5, keep_ids
    text = visible_text(page)
    assert re.search(r"¶\d+", text), "no ¶ label on the preview"
    assert "Veltora" in text


# A cited passage of the French sample opens with the speaker's own guillemets: after its
# ¶ label (the question's prompt quotes the same sentence, without a label).
NESTED_CITATION = re.compile(r"¶\d+ — « “À ce prix-là, on parle de près de quarante fois")
DOUBLED_GUILLEMETS = re.compile(r"«\s*«|»\s*»")


def assert_nested_marks(text: str) -> None:
    assert NESTED_CITATION.search(text), "the speaker's guillemets are not nested in the cited passage"
    assert not DOUBLED_GUILLEMETS.search(text), DOUBLED_GUILLEMETS.search(text)


@then("the preview quotes a speaker's words inside a cited passage with nested marks, never « «")
def preview_nests_marks(page):
    assert_nested_marks(visible_text(page))


@then("the teacher lands on the quiz's page, which shows its join code")
def lands_on_quiz_page(site, teacher, publish_response):
    location = path_of(publish_response["response"].headers["Location"])
    m = re.fullmatch(r"/teach/quiz/([A-Z0-9]+)", location)
    assert m, location
    page = teacher.get(location)
    assert page.status_code == 200
    assert m.group(1) in page.get_data(as_text=True)


@then(parsers.parse("the stored quiz has exactly the {count:d} kept questions and a {seconds:d} second limit"))
def stored_quiz_matches(site, publish_response, count, seconds):
    code = path_of(publish_response["response"].headers["Location"]).rsplit("/", 1)[1]
    stored = stored_quiz(site.app, code)
    assert [q["prompt"] for q in stored["questions"]] == publish_response["kept"]
    assert all(re.fullmatch(r"q[0-9a-f]{12}", q["id"]) for q in stored["questions"])   # opaque to students
    assert len(stored["questions"]) == count
    assert stored["time_limit_seconds"] == seconds


@then("the stored quiz submits automatically when time runs out and shows answers after it closes")
def stored_defaults(site, publish_response):
    code = path_of(publish_response["response"].headers["Location"]).rsplit("/", 1)[1]
    stored = stored_quiz(site.app, code)
    assert (stored["on_expiry"], stored["review_policy"]) == ("autosubmit", "after_close"), stored


@then(parsers.parse("the stored quiz has a {limit:d} second limit, a {grace:d} second grace period and review after close"))
def stored_grace(site, publish_response, limit, grace):
    code = path_of(publish_response["response"].headers["Location"]).rsplit("/", 1)[1]
    stored = stored_quiz(site.app, code)
    assert (stored["time_limit_seconds"], stored["on_expiry"], stored["grace_seconds"], stored["review_policy"]) == \
        (limit, "grace", grace, "after_close"), stored


@then("the student sees the article with numbered paragraphs")
def sees_article(site, code, student):
    page = quiz_page(student)
    stored = stored_quiz(site.app, code)
    paragraphs = [p for p in stored["passages"] if p["kind"] == "paragraph"]
    assert paragraphs
    for p in paragraphs:
        number = p["label"].lstrip("¶")
        assert f'id="p-{number}"' in page, f"no passage with id p-{number}"
        assert p["label"] in page, f"no label {p['label']} shown"
    text = visible_text(page)
    first = stored["article_text"][paragraphs[0]["start"]:paragraphs[0]["end"]]
    assert " ".join(first.split()) in text


@then("the student sees every question as a group of radio buttons named after it")
def sees_questions(site, code, student):
    page = quiz_page(student)
    assert "<fieldset" in page
    for q in stored_quiz(site.app, code)["questions"]:
        radios = re.findall(rf'<input[^>]*name="q-{re.escape(q["id"])}"[^>]*>', page)
        assert len(radios) == len(q["choices"]), (q["id"], radios)
        assert all('type="radio"' in r or 'type="checkbox"' in r for r in radios), radios
    # Without JavaScript the radios are a plain form; it leads to the summary, never straight to handing in.
    assert re.search(rf'<form[^>]*action="[^"]*/quiz/{code}/summary"', page), "no plain form posting to the summary"


@then(parsers.parse("the state says {seconds:d} seconds are left"))
def state_seconds_left(student, seconds):
    current = state(student)
    assert current["phase"] == "open", current
    assert current["seconds_left"] == seconds, current


@then("the server says the answer is saved")
def answer_saved(answer_response):
    assert answer_response.status_code == 200, (answer_response.status_code, answer_response.get_data(as_text=True))
    assert answer_response.get_json()["saved"] is True


@then(parsers.parse('the database holds that answer for "{name}"'))
def database_holds(site, code, name):
    q = question(site, code, 1)
    assert attempt_of(site, code, name)["answers"] == {q["id"]: sorted(q["answer"])}


@then("the page still shows the saved answer to question 1 as chosen")
def page_shows_saved(site, code, student):
    page = quiz_page(student)
    q = question(site, code, 1)
    for index in range(len(q["choices"])):
        radio = re.search(rf'<input(?=[^>]*name="q-{re.escape(q["id"])}")(?=[^>]*value="{index}")[^>]*>', page)
        assert radio, f"no radio q-{q['id']} value={index}"
        assert (" checked" in radio.group(0)) == (index in q["answer"]), radio.group(0)


@then("the join is refused because the name is taken")
def join_refused(refusal):
    assert refusal.status_code == 409, refusal.status_code
    text = visible_text(refusal.get_data(as_text=True))
    assert "resume code" in text or "code de reprise" in text, text[:500]


@then(parsers.parse('the attempt of "{name}" still holds only her answer and is not submitted'))
def attempt_untouched(site, code, name):
    attempt = attempt_of(site, code, name)
    first = question(site, code, 1)
    assert attempt["submitted_at"] is None and attempt["answers"] == {first["id"]: first["answer"]}


@then("the first device no longer reaches the attempt")
def first_device_out(student):
    assert student.previous is not None
    assert student.previous.client.get(f"/quiz/{student.code}/state").status_code == 403


@then("the student sees a summary saying all but one question are unanswered")
def summary_unanswered(site, student, summary_page):
    total = len(stored_quiz(site.app, student.code)["questions"])
    text = visible_text(summary_page)
    assert re.search(rf"\b{total - 1} (questions are unanswered|questions sans réponse)", text), text[:800]
    assert text.count("not answered") + text.count("sans réponse") >= total - 1


@then("the attempt is not submitted yet")
def not_submitted(site, student):
    assert attempt_of(site, student.code, student.name)["submitted_at"] is None


@then("there is still only one attempt")
def only_one_attempt(site, code):
    assert len(stored_attempts(site.app, code)) == 1


@then("the state says the attempt is over")
def state_over(student):
    current = state(student)
    assert current["phase"] in ("submitted", "closed"), current
    assert not current.get("seconds_left"), current


@then(parsers.parse('the state says the phase is "{phase}"'))
def state_phase(student, phase):
    current = state(student)
    assert current["phase"] == phase, current
    if phase == "grace":
        assert current["submit_seconds_left"] and current["submit_seconds_left"] > 0, current


@then(parsers.parse("an answer to question {number:d} is refused with 409 and not stored"))
def answer_refused(site, student, number):
    q = question(site, student.code, number)
    before = attempt_of(site, student.code, student.name)["answers"]
    response = post_answer(student, q["id"], list(q["answer"]))
    assert response.status_code == 409, (response.status_code, response.get_data(as_text=True))
    assert "error" in response.get_json()
    after = attempt_of(site, student.code, student.name)["answers"]
    assert after == before and q["id"] not in after


@then(parsers.parse("an answer to question {number:d} is accepted and stored"))
def answer_accepted(site, student, number):
    q = question(site, student.code, number)
    response = post_answer(student, q["id"], list(q["answer"]))
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True))
    assert attempt_of(site, student.code, student.name)["answers"].get(q["id"]) == sorted(q["answer"])


@then(parsers.parse("the attempt was submitted automatically at its deadline with a score of {score:d}"))
def auto_submitted(site, student, score):
    attempt = attempt_of(site, student.code, student.name)
    limit = stored_quiz(site.app, student.code)["time_limit_seconds"]
    assert attempt["submitted_at"] == attempt["started_at"] + timedelta(seconds=limit), attempt
    assert attempt["auto_submitted"] is True, attempt
    assert attempt["score"] == score, attempt


@then(parsers.parse("the attempt was submitted by the student with a score of {score:d}"))
def student_submitted(site, student, score):
    attempt = attempt_of(site, student.code, student.name)
    assert attempt["submitted_at"] == site.clock(), attempt
    assert attempt["auto_submitted"] is False, attempt
    assert attempt["score"] == score, attempt


@then("the student is sent to the done page")
def sent_to_done(student, submit_response):
    assert submit_response.status_code in (302, 303), submit_response.status_code
    assert path_of(submit_response.headers["Location"]) == f"/quiz/{student.code}/done"
    done = student.client.get(f"/quiz/{student.code}/done")
    assert done.status_code == 200
    again = student.client.post(f"/quiz/{student.code}/submit", headers={"X-CSRFToken": student.csrf})
    assert again.status_code in (302, 303), "a second submit (double click) must be harmless"


@then("the review page is not available yet")
def review_not_yet(student):
    response = student.client.get(f"/quiz/{student.code}/review")
    assert response.status_code != 200 or "<mark" not in response.get_data(as_text=True), response.status_code


@then("the review page shows the score, the explanations and the correct answers")
def review_shows_key(site, student):
    response = student.client.get(f"/quiz/{student.code}/review")
    assert response.status_code == 200, response.status_code
    text = visible_text(response.get_data(as_text=True))
    questions = stored_quiz(site.app, student.code)["questions"]
    assert re.search(rf"\b1\s*(/|sur|out of)\s*{len(questions)}\b", text), "score 1/N not shown"
    for q in questions:
        assert " ".join(q["explanation"].split()) in text, q["id"]
        for index in q["answer"]:
            assert " ".join(q["choices"][index].split()) in text, (q["id"], q["choices"][index])


@then("every cited quote is highlighted in a mark with a cite- id")
def quotes_marked(site, student):
    page = student.client.get(f"/quiz/{student.code}/review").get_data(as_text=True)
    found = marks_of(page)
    assert found.marks, "no <mark> on the review page"
    assert all(m["id"].startswith("cite-") for m in found.marks if m["id"]), [m["id"] for m in found.marks]
    runs = [" ".join(run.split()) for run in found.runs if run.strip()]
    questions = stored_quiz(site.app, student.code)["questions"]
    for q in questions:
        for citation in q["citations"]:
            quote = " ".join(citation["quote"].split())
            assert any(quote in run for run in runs), (q["id"], quote, runs)
    cite_ids = {m["id"] for m in found.marks if m["id"].startswith("cite-")}
    assert len(cite_ids) >= sum(len(q["citations"]) for q in questions), sorted(cite_ids)


@then("every question links to its highlighted passage")
def questions_link(site, student):
    page = student.client.get(f"/quiz/{student.code}/review").get_data(as_text=True)
    found = marks_of(page)
    mark_ids = {m["id"] for m in found.marks}
    cite_links = [h for h in found.hrefs if h.startswith("cite-")]
    assert cite_links, "no link to a #cite- mark"
    assert all(h in mark_ids for h in cite_links), set(cite_links) - mark_ids
    citations = sum(len(q["citations"]) for q in stored_quiz(site.app, student.code)["questions"])
    assert len(cite_links) >= len(stored_quiz(site.app, student.code)["questions"]), (len(cite_links), citations)


@then("the review quotes a speaker's words inside a cited passage with nested marks, never « «")
def review_nests_marks(student):
    page = student.client.get(f"/quiz/{student.code}/review").get_data(as_text=True)
    assert_nested_marks(visible_text(page))


@then("the CSV has a header row naming the student, the score and every question")
def csv_header(site, code, csv_response):
    assert csv_response.status_code == 200, csv_response.status_code
    assert csv_response.mimetype == "text/csv", csv_response.mimetype
    assert "attachment" in csv_response.headers.get("Content-Disposition", "")
    body = csv_response.get_data(as_text=True)
    assert body.startswith("\ufeff")   # so that Excel reads the names' accents
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    questions = stored_quiz(site.app, code)["questions"]
    assert rows[0] == ["student", "score", "total", "submitted_at", "auto_submitted",
                       *[f"Q{n}" for n in range(1, len(questions) + 1)]], rows[0]
    assert rows[1][5:] == [results.one_line(q["prompt"]) for q in questions], rows[1]   # the prompts under Q1…Qn


@then('the CSV starts with a byte-order mark, separates cells with ";" and names its columns in French')
def csv_for_french_excel(site, code, csv_response):
    body = csv_response.get_data()
    assert body.startswith(b"\xef\xbb\xbf"), body[:10]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    questions = stored_quiz(site.app, code)["questions"]
    assert rows[0] == ["élève", "score", "total", "remis_le", "remis_automatiquement",
                       *[f"Q{n}" for n in range(1, len(questions) + 1)]], rows[0]
    assert rows[2][0] == "Léa Martin" and len(rows[2]) == 5 + len(questions), rows[2]


@then("the CSV has one row per student with their score and a 1 or 0 per question")
def csv_rows(site, code, csv_response):
    rows = list(csv.DictReader(io.StringIO(csv_response.get_data(as_text=True).lstrip("\ufeff"))))[1:]
    questions = stored_quiz(site.app, code)["questions"]
    numbers = [f"Q{n}" for n in range(1, len(questions) + 1)]
    assert [row["student"] for row in rows] == ["Léa Martin", "Sam Diallo"], rows
    lea, sam = rows
    assert (lea["score"], lea["total"], lea["auto_submitted"]) == ("1", str(len(questions)), "0"), lea
    assert (sam["score"], sam["total"], sam["auto_submitted"]) == ("0", str(len(questions)), "0"), sam
    assert [lea[n] for n in numbers] == ["1"] + ["0"] * (len(questions) - 1), lea
    assert [sam[n] for n in numbers] == ["0"] * len(questions), sam
    for row in rows:
        attempt = attempt_of(site, code, row["student"])
        # the school's time, with its offset from UTC (stored times are naive UTC)
        local = attempt["submitted_at"].replace(tzinfo=timezone.utc).astimezone(ZoneInfo(site.app.config["TIMEZONE"]))
        assert row["submitted_at"] == local.isoformat(timespec="seconds"), row
