"""The teacher's room in real headless Chromium: the live view updating by itself while
students join, answer and hand in (on phones); the projector page with its QR code and count;
the results' spread of choices and one student's answers, in French and English.
Screenshots go to /tmp/mlquiz-shots/ for a human to look at."""
from __future__ import annotations

from conftest import SHOTS, eventually, sync_api  # noqa: F401  (fixtures: browser, page, live_app)
from test_classroom_browser import login
from web_support import publish_direct, stored_quiz


def _student(browser, base: str, code: str, name: str, locale: str = "en-GB", color_scheme: str = "light"):
    """A student joining on a phone; on the quiz page when it returns."""
    phone = browser.new_context(locale=locale, viewport={"width": 390, "height": 844}, is_mobile=True,
                                has_touch=True, color_scheme=color_scheme).new_page()
    phone.goto(f"{base}/join/{code}")
    phone.fill("#name", name)
    phone.locator("#name").press("Enter")
    phone.wait_for_url(f"**/quiz/{code}")
    return phone


def _teacher(browser, base: str, locale: str = "en-GB", viewport=(1280, 900)):
    """A teacher logged in on a laptop (or a classroom screen)."""
    page = browser.new_context(locale=locale, viewport={"width": viewport[0], "height": viewport[1]}).new_page()
    login(page, base)
    return page


def _hand_in(student, code: str) -> None:
    student.get_by_role("button", name="Finish…").click()
    student.get_by_role("button", name="Hand in anyway").click()
    student.wait_for_url(f"**/quiz/{code}/done")


def test_the_live_view_follows_the_room_without_a_reload(live_app, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600)
    teacher = _teacher(browser, base)
    teacher.goto(f"{base}/teach/quiz/{code}/live")
    sync_api.expect(teacher.locator("[data-count=joined]")).to_have_text("0")
    loaded = teacher.evaluate("performance.timeOrigin")

    lea = _student(browser, base, code, "Léa Martin")
    sync_api.expect(teacher.locator("[data-count=joined]")).to_have_text("1", timeout=10_000)
    sync_api.expect(teacher.locator("tbody[data-students]")).to_contain_text("Léa Martin")
    lea.locator(".question:has(input[type=radio])").first.locator("label").first.click()
    total = len(stored_quiz(live_app, code)["questions"])
    sync_api.expect(teacher.locator("tbody[data-students]")).to_contain_text(f"1/{total}", timeout=10_000)
    sam = _student(browser, base, code, "Sam Diallo")
    _hand_in(sam, code)
    sync_api.expect(teacher.locator("[data-count=handed_in]")).to_have_text("1", timeout=10_000)
    sync_api.expect(teacher.locator("tbody[data-students]")).to_contain_text("Handed in")
    assert teacher.evaluate("performance.timeOrigin") == loaded   # the same page, never reloaded
    teacher.screenshot(path=str(SHOTS / "live-en.png"), full_page=True)


def test_the_projector_page_counts_students_as_they_join_in_french(live_app, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600)
    screen = _teacher(browser, base, locale="fr-FR", viewport=(1920, 1080))
    screen.goto(f"{base}/teach/quiz/{code}/projector")
    sync_api.expect(screen.locator(".projector-code")).to_have_text(code)
    sync_api.expect(screen.locator(".projector-qr svg")).to_be_visible()
    box = screen.locator(".projector-qr svg").bounding_box()
    assert box["width"] >= 250   # readable from the back of the room
    _student(browser, base, code, "Noé Petit", locale="fr-FR")
    sync_api.expect(screen.locator("[data-count=joined]")).to_have_text("1", timeout=10_000)
    sync_api.expect(screen.locator(".projector-count")).to_contain_text("Élèves connectés")
    screen.screenshot(path=str(SHOTS / "projector-fr.png"))
    # Closed from the teacher's laptop: the screen stops inviting students, without a reload.
    laptop = _teacher(browser, base, locale="fr-FR")
    laptop.goto(f"{base}/teach/quiz/{code}")
    laptop.locator("summary", has_text="Fermer le quiz").click()
    laptop.get_by_role("button", name="Fermer le quiz maintenant").click()
    sync_api.expect(screen.locator("h1.projector-closed")).to_be_visible(timeout=10_000)
    sync_api.expect(screen.locator(".projector-code")).to_be_hidden()
    sync_api.expect(screen.locator(".projector-qr svg")).to_be_hidden()
    screen.screenshot(path=str(SHOTS / "projector-closed-fr.png"))


def test_results_show_the_spread_of_choices_and_one_students_answers(live_app, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600)
    for name in ("Léa Martin", "Sam Diallo"):
        student = _student(browser, base, code, name)
        student.locator(".question:has(input[type=radio])").first.locator("label").nth(1).click()
        sync_api.expect(student.locator(".question:has(input[type=radio]) .save-status").first).to_have_text("Saved")
        _hand_in(student, code)
    for locale, suffix in (("fr-FR", "fr"), ("en-GB", "en")):
        teacher = _teacher(browser, base, locale=locale)
        teacher.goto(f"{base}/teach/quiz/{code}/results")
        first = teacher.locator("details.question-spread").first
        sync_api.expect(first.locator(".spread li").nth(1)).to_contain_text("100")
        teacher.screenshot(path=str(SHOTS / f"results-spread-{suffix}.png"), full_page=True)
        teacher.get_by_role("link", name="Sam Diallo").click()
        sync_api.expect(teacher.locator("h1")).to_have_text("Sam Diallo")
        teacher.screenshot(path=str(SHOTS / f"student-result-{suffix}.png"), full_page=True)


def test_dark_mode_follows_the_system_setting_with_readable_contrast(live_app, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600)
    phone = _student(browser, base, code, "Léa Martin", locale="fr-FR", color_scheme="dark")
    colours = phone.evaluate("""() => {
        const style = getComputedStyle(document.body);
        const rgb = s => s.match(/\\d+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                                     return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
        const [bg, fg] = [lum(rgb(style.backgroundColor)), lum(rgb(style.color))];
        return {bg, fg, ratio: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05)};
    }""")
    assert colours["bg"] < 0.05 and colours["fg"] > 0.6 and colours["ratio"] >= 7, colours
    phone.screenshot(path=str(SHOTS / "quiz-dark-fr.png"))
