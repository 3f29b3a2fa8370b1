"""axe-core on every main page, in real headless Chromium: French and English, light and dark.

No violation of impact "serious" or "critical" may remain; the others ("moderate", "minor")
are reported as warnings in the test output, page by page, so that they stay in sight.

How axe gets into the page: the app's Content-Security-Policy allows scripts from its own
files only, so a <script> tag added to the page would be refused. The axe-core script that
axe-playwright-python ships (axe.min.js) is run with Playwright's page.evaluate, which the
browser runs through the DevTools protocol, outside the page's CSP: the pages are checked
with their real CSP in force (the test asserts the header), and nothing is bypassed.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import SHOTS, sync_api  # noqa: F401  (fixtures: browser, live_app)
from test_classroom_browser import login
from web_support import publish_direct, sample_bytes, stored_quiz

BLOCKING = ("serious", "critical")
AXE = Axe()


class AccessibilityNotice(UserWarning):
    """A moderate or minor axe finding: reported, not failed."""


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) {self.help} — {', '.join(self.targets[:4])}"


def _targets(result: dict) -> tuple[str, ...]:
    return tuple(" ".join(map(str, n["target"])) if isinstance(n["target"], list) else str(n["target"])
                 for n in result["nodes"])


def _findings(name: str, page) -> list[Finding]:
    """Violations, and what axe could not decide (reported as "needs review": a colour
    contrast over a gradient, say), never counted as blocking."""
    response = AXE.run(page).response
    violations = [Finding(name, v["id"], v.get("impact") or "minor", v["help"], _targets(v))
                  for v in response["violations"]]
    undecided = [Finding(name, v["id"], "needs review", v["help"], _targets(v)) for v in response["incomplete"]]
    return violations + undecided


def test_axe_really_runs_under_the_apps_csp_and_finds_a_known_violation(live_app, browser):
    """The check below cannot pass for want of running: an image without a text alternative,
    put into a real page of the app, is reported as the critical violation it is."""
    page = browser.new_context().new_page()
    page.goto(f"{live_app.config['BASE_URL']}/login")
    page.evaluate("document.querySelector('main, body').append(Object.assign(new Image(1, 1), {src: '/static/none.png'}))")
    assert any(f.rule == "image-alt" and f.impact == "critical" for f in _findings("login", page))


def _article_in_bank(app) -> int:
    from question_bank.article import article_from_bytes
    from quiz import bank
    from quiz.extensions import db
    from quiz.models import Teacher
    from web_support import TEACHER_EMAIL

    with app.app_context():
        teacher = db.session.execute(db.select(Teacher).filter_by(email=TEACHER_EMAIL)).scalar_one()
        record = bank.store_article(teacher, article_from_bytes(sample_bytes("fr")), app.config["CLOCK"]())
        db.session.commit()
        return record.id


def _joined(context, base: str, code: str, name: str):
    page = context.new_page()
    page.goto(f"{base}/join/{code}")
    page.fill("#name", name)
    page.press("#name", "Enter")
    page.wait_for_url(f"**/quiz/{code}")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_no_serious_or_critical_axe_violation_on_the_main_pages(live_app, browser, locale, scheme):
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600, review_policy="after_submit")
    questions = stored_quiz(live_app, code)["questions"]
    article_id = _article_in_bank(live_app)
    options = {"locale": locale, "color_scheme": scheme, "viewport": {"width": 1280, "height": 900}}
    found: list[Finding] = []

    def check(name: str, page) -> None:
        page.wait_for_load_state("load")
        # What a teacher opens (a question's edit form, a question's spread) is checked open.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        found.extend(_findings(name, page))
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"axe-{name}-{locale}-{scheme}.png"), full_page=True)

    visitor = browser.new_context(**options)
    login_page = visitor.new_page()
    response = login_page.goto(f"{base}/login")
    assert "script-src 'self'" in response.headers["content-security-policy"]   # the real CSP is in force
    check("login", login_page)
    join_page = visitor.new_page()
    join_page.goto(f"{base}/")
    check("home", join_page)
    join_page.goto(f"{base}/join/{code}")
    check("join", join_page)

    student = _joined(browser.new_context(**options), base, code, "Léa Martin")
    student.locator(f"label[for='q-{questions[0]['id']}-{questions[0]['answer'][0]}']").click()
    check("quiz", student)
    student.locator(".submit-area button[type=submit]").click()
    student.wait_for_url(f"**/quiz/{code}/summary")
    check("summary", student)
    student.locator("form#quiz-form button[type=submit].primary").click()
    student.wait_for_url(f"**/quiz/{code}/done")
    check("done", student)
    student.goto(f"{base}/quiz/{code}/review")
    check("review", student)

    teacher = browser.new_context(**options).new_page()
    login(teacher, base)
    check("dashboard", teacher)
    teacher.goto(f"{base}/teach/new")
    check("compose", teacher)
    teacher.locator("button[name=sample][value=fr]").click()
    teacher.wait_for_url("**/teach/new")
    sync_api.expect(teacher.locator("input[name=keep]").first).to_be_attached()
    check("preview", teacher)
    for name, path in (("quiz-teacher", f"/teach/quiz/{code}"), ("results", f"/teach/quiz/{code}/results"),
                       ("live", f"/teach/quiz/{code}/live"), ("projector", f"/teach/quiz/{code}/projector"),
                       ("bank", "/teach/bank/"), ("bank-article", f"/teach/bank/article/{article_id}"),
                       ("bank-import", "/teach/bank/import"), ("bank-question", f"/teach/bank/article/{article_id}/new?kind=multiple_choice"),
                       ("help", "/help")):
        assert teacher.goto(f"{base}{path}").status == 200, path
        check(name, teacher)

    blocking = [f for f in found if f.impact in BLOCKING]
    for finding in found:
        if finding.impact not in BLOCKING:
            warnings.warn(AccessibilityNotice(f"{locale} {scheme} {finding}"), stacklevel=1)
    assert not blocking, "\n".join(str(f) for f in blocking)
