"""The classroom pages in real headless Chromium: the teacher's preview (kinds and counts,
editing a question), the quiz page with its class list and its students' actions, a student
joining from the class list with a personal code on a phone, in French. Screenshots go to
/tmp/mlquiz-shots/ for a human to look at."""
from __future__ import annotations

from conftest import SHOTS, sync_api  # noqa: F401  (fixtures: browser, page, live_app)
from web_support import TEACHER_EMAIL, TEACHER_PASSWORD, publish_direct, stored_attempts


def login(page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", TEACHER_EMAIL)
    page.fill("#password", TEACHER_PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_url("**/teach/")


def test_the_preview_lets_a_teacher_edit_a_question_and_choose_kinds(live_app, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    login(page, base)
    page.goto(f"{base}/teach/new")
    page.get_by_role("button", name="Use the sample article (English)").click()
    page.wait_for_url("**/teach/new", timeout=60_000)
    sync_api.expect(page.locator("#kinds")).to_be_visible()
    page.screenshot(path=str(SHOTS / "preview-kinds.png"))
    first = page.locator("details.edit-question").first
    first.locator("summary").click()
    textarea = first.locator("textarea").first
    textarea.fill("Rewritten by the teacher: what kind of text is this?")
    first.screenshot(path=str(SHOTS / "preview-edit.png"))
    first.get_by_role("button", name="Show my changes").click()
    page.wait_for_load_state()
    sync_api.expect(page.locator(".review-item .prompt").first).to_have_text(
        "Rewritten by the teacher: what kind of text is this?")


def test_a_class_list_with_personal_codes_on_a_phone_in_french(live_app, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    code = publish_direct(live_app, time_limit_seconds=600)
    teacher = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    login(teacher, base)
    teacher.goto(f"{base}/teach/quiz/{code}")
    teacher.fill("#roster-names", "Léa Martin\nSam Diallo\nNoé Petit")
    teacher.check("#mode-codes")
    teacher.get_by_role("button", name="Enregistrer la liste").click()
    teacher.wait_for_url(f"**/teach/quiz/{code}*")
    teacher.get_by_role("link", name="Imprimer les codes personnels").click()
    slips = teacher.locator(".code-slip")
    sync_api.expect(slips).to_have_count(3)
    teacher.screenshot(path=str(SHOTS / "codes-fr.png"), full_page=True)
    lea_code = slips.filter(has_text="Léa Martin").locator("strong.code").inner_text()

    phone = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, is_mobile=True,
                                has_touch=True).new_page()
    phone.goto(f"{base}/join/{code}")
    phone.select_option("#name", "Léa Martin")
    phone.fill("#personal_code", "WRONG1")
    phone.get_by_role("button", name="Commencer").click()
    sync_api.expect(phone.locator("#name-error")).to_contain_text("code personnel")
    phone.screenshot(path=str(SHOTS / "join-refused-phone-fr.png"), full_page=True)
    phone.select_option("#name", "Léa Martin")
    phone.fill("#personal_code", lea_code.lower())
    phone.get_by_role("button", name="Commencer").click()
    phone.wait_for_url(f"**/quiz/{code}")
    sync_api.expect(phone.locator(".resume-code strong")).to_have_count(1)
    phone.screenshot(path=str(SHOTS / "quiz-phone-fr.png"))
    phone.get_by_role("button", name="Terminer…").click()
    phone.wait_for_url(f"**/quiz/{code}/summary")
    phone.screenshot(path=str(SHOTS / "summary-phone-fr.png"), full_page=True)
    assert stored_attempts(live_app, code)[0]["submitted_at"] is None

    teacher.goto(f"{base}/teach/quiz/{code}")
    sync_api.expect(teacher.locator("table")).to_contain_text("Léa Martin")
    teacher.screenshot(path=str(SHOTS / "teacher-quiz-fr.png"), full_page=True)
