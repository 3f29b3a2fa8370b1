"""Steps for heavy_work.feature: the teacher pages under the per-teacher heavy-work limit.

"Running on another worker" is what another worker process leaves in the database while it
works: a slot of the teacher's taken through quiz.heavy_jobs.claim, as that worker would."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from pytest_bdd import given, parsers, scenarios, then, when
from werkzeug.datastructures import MultiDict

from web_support import FakeClock, create_teacher, form_posting_to, make_app, publish_direct, sample_bytes

scenarios("heavy_work.feature")

PASSWORD = "correct horse battery"
LANGUAGES = {"English": "en", "French": "fr"}
ARTICLE = sample_bytes("en").decode("utf-8")


@dataclass
class Site:
    app: object
    clock: FakeClock
    teachers: dict[str, int]
    clients: dict = field(default_factory=dict)
    response: object = None
    pasted: str = ""
    running: list = field(default_factory=list)
    articles: int = 0

    def client(self, email: str):
        if email not in self.clients:
            client = self.app.test_client()
            assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
            self.clients[email] = client
        return self.clients[email]

    def new_article(self) -> str:
        """The English sample under a title of its own: a text the cache has never seen."""
        self.articles += 1
        return f"Edition {self.articles}: " + ARTICLE


def visible(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


@given(parsers.parse('a site with the teachers "{first}" and "{second}" and a stopped clock'), target_fixture="site")
def site_with_teachers(tmp_path, first, second):
    clock = FakeClock()
    app = make_app(tmp_path, clock)
    return Site(app, clock, {email: create_teacher(app, email, PASSWORD) for email in (first, second)})


def _running_elsewhere(site: Site, email: str, kind: str) -> None:
    from quiz.heavy_jobs import claim, limits_of

    with site.app.app_context():
        site.running.append(claim(site.teachers[email], kind, site.clock(), limits_of(site.app.config)))


@given(parsers.parse('"{email}" has an analysis running on another worker'))
def analysis_running(site, email):
    _running_elsewhere(site, email, "analysis")


@given(parsers.parse('"{email}" has a PDF being laid out on another worker'))
def pdf_running(site, email):
    _running_elsewhere(site, email, "print")


@given(parsers.parse('"{email}" has published the French sample'), target_fixture="code")
def published(site, email):
    return publish_direct(site.app, owner_email=email)


@given(parsers.parse("heavy jobs are limited to {count:d} a minute"))
def limited_per_minute(site, count):
    site.app.config["HEAVY_PER_MINUTE"] = count


@given(parsers.parse('"{email}" has a preview of the French sample'), target_fixture="preview_page")
def has_preview(site, email):
    response = site.client(email).post("/teach/new", data={"sample": "fr"})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


@when(parsers.parse('"{email}" pastes an article with the interface in {language}'))
def pastes(site, email, language):
    site.pasted = site.new_article()
    site.response = site.client(email).post("/teach/new", data={"text": site.pasted},
                                            headers={"Accept-Language": LANGUAGES[language]})


@when(parsers.parse('"{email}" has {count:d} different articles analysed, {seconds:d} seconds apart'))
def analysed_several(site, email, count, seconds):
    for number in range(count):
        if number:
            site.clock.advance(seconds=seconds)
        response = site.client(email).post("/teach/new", data={"text": site.new_article()})
        assert response.status_code == 200, visible(response)[:300]


@when(parsers.parse('"{email}" downloads the worksheet PDF with the interface in {language}'))
def downloads_pdf(site, email, code, language):
    site.response = site.client(email).get(f"/teach/quiz/{code}/worksheet?format=pdf",
                                           headers={"Accept-Language": LANGUAGES[language]})


@when(parsers.parse('"{email}" updates the questions of that preview'))
def updates_preview(site, email, preview_page):
    form = form_posting_to(preview_page, "/teach/publish")   # its "Update the questions" button posts it here
    site.response = site.client(email).post("/teach/preview", data=MultiDict(form.values()))


@when("the running analysis ends")
def analysis_ends(site):
    from quiz.heavy_jobs import release

    with site.app.app_context():
        release(site.running.pop())


@when("2 minutes and 1 second pass")
def two_minutes_pass(site):
    site.clock.advance(minutes=2, seconds=1)


@when("30 seconds pass")
def half_a_minute_passes(site):
    site.clock.advance(seconds=30)


@then(parsers.parse('the page answers 429 and says "{message}"'))
def refused_with(site, message):
    assert site.response.status_code == 429, (site.response.status_code, visible(site.response)[:400])
    assert message in visible(site.response).replace("\u00a0", " ").replace("\u202f", " "), visible(site.response)[:600]


@then("the pasted article is still in the form")
def article_kept(site):
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", site.response.get_data(as_text=True), re.S)
    assert textarea and html.unescape(textarea.group(1)) == site.pasted


@then(parsers.parse("the answer says to retry after {seconds:d} seconds"))
def retry_after(site, seconds):
    assert site.response.headers.get("Retry-After") == str(seconds)


@then("the preview shows the questions")
def preview_shown(site):
    assert site.response.status_code == 200, (site.response.status_code, visible(site.response)[:400])
    assert 'name="keep"' in site.response.get_data(as_text=True)


@then("a PDF comes back")
def pdf_back(site):
    assert site.response.status_code == 200, visible(site.response)[:300]
    assert site.response.mimetype == "application/pdf" and site.response.data.startswith(b"%PDF-")
