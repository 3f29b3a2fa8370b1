"""The student's page in a real headless Chromium (Debian's /usr/bin/chromium) driven by
the `playwright` package, against the real app served by werkzeug on loopback with the
real clock and a SQLite file made by the real migration. Plain pytest, no plugin.

Screenshots go to /tmp/mlquiz-shots/ for a human to look at.
"""
from __future__ import annotations

import pytest

from conftest import SHOTS, eventually, focus_by_tab, sync_api  # noqa: F401  (fixtures: browser, page, live_app)
from web_support import publish_direct, stored_attempts, stored_quiz

def join(page, app, code: str, name: str) -> None:
    page.goto(f"{app.config['BASE_URL']}/join/{code}")
    page.fill("#name", name)
    page.press("#name", "Enter")
    page.wait_for_url(f"**/quiz/{code}")


def test_a_whole_attempt_with_the_keyboard_alone(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=600)
    quiz = stored_quiz(live_app, code)
    page.goto(f"{live_app.config['BASE_URL']}/")
    focus_by_tab(page, "el.id === 'code'")
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/join/{code}")
    focus_by_tab(page, "el.id === 'name'")
    page.keyboard.type("Keyboard Kim")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/quiz/{code}")

    focus_by_tab(page, "el.type === 'radio'")
    name = page.evaluate("document.activeElement.name")
    question = next(q for q in quiz["questions"] if f"q-{q['id']}" == name)
    page.keyboard.press("Space")
    # Enter on a choice hands nothing in (it used to submit the whole quiz at once).
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert page.url.endswith(f"/quiz/{code}"), page.url
    assert stored_attempts(live_app, code)[0]["submitted_at"] is None
    page.keyboard.press("ArrowDown")
    fieldset = page.locator(f"fieldset[data-question-id='{question['id']}']")
    assert page.locator(f"#q-{question['id']}-1").is_checked()
    sync_api.expect(fieldset.locator(".save-status")).to_have_text("Saved")
    # Space saved choice 0, then ArrowDown choice 1: the page sends them in order.
    eventually(lambda: stored_attempts(live_app, code)[0]["answers"] == {question["id"]: [1]},
               lambda: stored_attempts(live_app, code)[0]["answers"])
    sync_api.expect(fieldset.locator(".save-status")).to_have_text("Saved")

    # A reload mid-attempt keeps the answer and the server's time.
    page.reload()
    assert page.locator(f"#q-{question['id']}-1").is_checked()
    clock = page.locator("#clock-time").inner_text()
    minutes, seconds = (int(x) for x in clock.split(":"))
    assert 500 <= minutes * 60 + seconds <= 600, clock

    focus_by_tab(page, "el.type === 'submit' && !!el.closest('#quiz-form')", limit=400)
    page.keyboard.press("Enter")
    # The summary comes first: how many questions are unanswered, then hand in.
    page.wait_for_url(f"**/quiz/{code}/summary")
    unanswered = len(quiz["questions"]) - 1
    sync_api.expect(page.locator(".summary [role=status]")).to_contain_text(f"{unanswered} questions are unanswered")
    assert stored_attempts(live_app, code)[0]["submitted_at"] is None
    focus_by_tab(page, "el.type === 'submit' && !!el.closest('#quiz-form')", limit=100)
    assert page.evaluate("document.activeElement.textContent").strip() == "Hand in anyway"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/quiz/{code}/done")
    attempt = stored_attempts(live_app, code)[0]
    assert attempt["submitted_at"] is not None and attempt["auto_submitted"] is False


def test_mark_the_word_checks_the_matching_choice(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=600)
    quiz = stored_quiz(live_app, code)
    rumour = [q for q in quiz["questions"] if q["kind"] == "rumour_cue"]
    assert rumour, "the sample quiz has no rumour_cue question"
    question = rumour[0]
    right = question["answer"][0]
    join(page, live_app, code, "Mouse Marie")

    fieldset = page.locator(f"fieldset[data-question-id='{question['id']}']")
    sync_api.expect(fieldset.locator(".word-picker")).to_be_visible()
    words = fieldset.locator("button.word")
    assert words.count() == len(question["display"]["words"])

    not_a_choice = fieldset.locator("button.word:not([data-choice])").first
    not_a_choice.click()
    assert not fieldset.locator("input[type=radio]:checked").count()
    sync_api.expect(fieldset.locator(".save-status")).to_contain_text("not one of the choices")

    word = fieldset.locator(f"button.word[data-choice='{right}']").first
    assert word.inner_text() in question["choices"][right]
    word.click()
    assert page.locator(f"#q-{question['id']}-{right}").is_checked()
    sync_api.expect(word).to_have_attribute("aria-pressed", "true")
    sync_api.expect(fieldset.locator(".save-status")).to_have_text("Saved")
    assert stored_attempts(live_app, code)[0]["answers"] == {question["id"]: [right]}

    # Choosing in the list moves the marked word too.
    other = (right + 1) % len(question["choices"])
    page.locator(f"label[for='q-{question['id']}-{other}']").click()
    sync_api.expect(word).to_have_attribute("aria-pressed", "false")


def test_a_sentence_of_words_is_one_tab_stop_and_the_arrow_keys_move_within_it(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=600)
    quiz = stored_quiz(live_app, code)
    question = next(q for q in quiz["questions"] if q["kind"] == "rumour_cue")
    right = question["answer"][0]
    join(page, live_app, code, "Keyboard Kim")
    fieldset = page.locator(f"fieldset[data-question-id='{question['id']}']")
    words = fieldset.locator("button.word")
    sync_api.expect(fieldset.locator(".word-picker")).to_be_visible()
    assert fieldset.locator("button.word[tabindex='0']").count() == 1          # one Tab stop, not 20–35
    words.first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent") == words.nth(1).inner_text()
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent") == words.last.inner_text()
    target = [i for i, w in enumerate(question["display"]["words"]) if i in question["display"]["choice_words"][right]][0]
    page.keyboard.press("Home")
    for _ in range(target):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    assert page.locator(f"#q-{question['id']}-{right}").is_checked()
    sync_api.expect(fieldset.locator(".save-status")).to_have_text("Saved")
    assert fieldset.locator("button.word[tabindex='0']").get_attribute("aria-pressed") == "true"


def test_the_clock_is_silent_can_be_hidden_and_a_polite_live_region_announces(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=600)
    join(page, live_app, code, "Clock Chloé")

    clock = page.locator(".clock")
    assert clock.get_attribute("aria-hidden") == "true"
    live = page.locator("[role=status][aria-live=polite], [aria-live=polite]")
    assert live.count() >= 1
    toggle = page.locator("#clock-toggle")
    sync_api.expect(toggle).to_be_visible()
    sync_api.expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    sync_api.expect(toggle).to_have_attribute("aria-pressed", "true")
    sync_api.expect(page.locator("#clock-time")).to_be_hidden()
    page.reload()
    sync_api.expect(page.locator("#clock-toggle")).to_have_attribute("aria-pressed", "true")
    page.locator("#clock-toggle").focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#clock-toggle")).to_have_attribute("aria-pressed", "false")
    sync_api.expect(page.locator("#clock-time")).to_be_visible()


def test_a_short_timed_attempt_runs_out_and_is_submitted_with_what_was_saved(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=12)
    quiz = stored_quiz(live_app, code)
    question = quiz["questions"][0]
    join(page, live_app, code, "Speedy Sam")
    # Under 20 s from the start: the warning is announced in the polite live region.
    sync_api.expect(page.locator("#timer-status"), "no warning announced in the live region with under 20 s left"
                    ).not_to_have_text("", timeout=3_000)
    page.locator(f"label[for='q-{question['id']}-{question['answer'][0]}']").click()
    sync_api.expect(page.locator(f"fieldset[data-question-id='{question['id']}'] .save-status")).to_have_text("Saved")
    page.reload()
    assert page.locator(f"#q-{question['id']}-{question['answer'][0]}").is_checked()
    page.wait_for_url(f"**/quiz/{code}/done", timeout=30_000)
    attempt = stored_attempts(live_app, code)[0]
    assert attempt["auto_submitted"] is True, attempt
    assert attempt["answers"] == {question["id"]: list(question["answer"])}
    assert attempt["score"] == 1, attempt


def test_screenshots_of_the_quiz_and_the_review(live_app, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    code = publish_direct(live_app, time_limit_seconds=600, review_policy="after_submit")
    quiz = stored_quiz(live_app, code)
    join(page, live_app, code, "Léa Martin")
    for q in quiz["questions"][:3]:
        page.locator(f"label[for='q-{q['id']}-{q['answer'][0]}']").click()
        sync_api.expect(page.locator(f"fieldset[data-question-id='{q['id']}'] .save-status")).to_have_text("Saved")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "quiz.png"), full_page=False)
    page.screenshot(path=str(SHOTS / "quiz-full.png"), full_page=True)
    page.get_by_role("button", name="Finish…").click()
    page.wait_for_url(f"**/quiz/{code}/summary")
    page.screenshot(path=str(SHOTS / "summary.png"), full_page=True)
    page.get_by_role("button", name="Hand in anyway").click()
    page.wait_for_url(f"**/quiz/{code}/done")
    page.screenshot(path=str(SHOTS / "done.png"))
    page.goto(f"{live_app.config['BASE_URL']}/quiz/{code}/review")
    assert page.locator("mark.cite[id^='cite-']").count() >= len(quiz["questions"])
    page.screenshot(path=str(SHOTS / "review.png"), full_page=False)
    page.locator("a[href^='#cite-']").first.click()
    page.screenshot(path=str(SHOTS / "review-cite.png"), full_page=False)
    page.screenshot(path=str(SHOTS / "review-full.png"), full_page=True)
    for name in ("quiz.png", "review.png"):
        assert (SHOTS / name).stat().st_size > 10_000, name


def test_a_teacher_publishes_in_the_browser_and_a_student_joins_by_the_link(live_app, browser, page):
    from web_support import TEACHER_EMAIL, TEACHER_PASSWORD

    SHOTS.mkdir(parents=True, exist_ok=True)
    base = live_app.config["BASE_URL"]
    page.goto(f"{base}/login")
    page.fill("#email", TEACHER_EMAIL)
    page.fill("#password", TEACHER_PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_url("**/teach/")
    page.goto(f"{base}/teach/new")
    page.get_by_role("button", name="Use the sample article (French)").click()
    page.wait_for_url("**/teach/new", timeout=60_000)
    sync_api.expect(page.locator("input[name=keep]").first).to_be_checked(timeout=60_000)
    page.screenshot(path=str(SHOTS / "teacher-preview.png"))
    boxes = page.locator("input[name=keep]")
    kept = boxes.count() - 2
    boxes.nth(0).uncheck()
    boxes.nth(1).uncheck()
    page.fill("#time_limit_minutes", "10")
    page.get_by_role("button", name="Publish the quiz").click()
    page.wait_for_url("**/teach/quiz/*", timeout=60_000)
    code = page.locator(".join-code").inner_text().strip()
    assert len(stored_quiz(live_app, code)["questions"]) == kept
    link = page.locator(".join-box a").get_attribute("href")

    student = browser.new_context(locale="fr-FR").new_page()
    student.goto(link)
    student.fill("#name", "Élève Un")
    student.press("#name", "Enter")
    student.wait_for_url(f"**/quiz/{code}")
    sync_api.expect(student.locator("html")).to_have_attribute("lang", "fr")
    student.context.close()

    page.fill("#acc-name", "élève un")
    page.check("#kind-minutes")
    page.fill("#acc-value", "5")
    page.get_by_role("button", name="Save the extra time").click()
    page.wait_for_url(f"**/teach/quiz/{code}*")
    attempt = stored_attempts(live_app, code)[0]
    assert (attempt["name"], attempt["extra_seconds"], attempt["answers"]) == ("Élève Un", 300, {}), attempt
    page.screenshot(path=str(SHOTS / "teacher-quiz.png"), full_page=True)
    page.goto(f"{base}/teach/quiz/{code}/results")
    page.screenshot(path=str(SHOTS / "teacher-results.png"), full_page=True)


def test_with_a_grace_period_the_page_locks_the_answers_and_still_submits(live_app, page):
    code = publish_direct(live_app, time_limit_seconds=6, on_expiry="grace", grace_seconds=60)
    quiz = stored_quiz(live_app, code)
    question = quiz["questions"][0]
    join(page, live_app, code, "Grace Gabriel")
    page.locator(f"label[for='q-{question['id']}-{question['answer'][0]}']").click()
    sync_api.expect(page.locator(f"fieldset[data-question-id='{question['id']}'] .save-status")).to_have_text("Saved")
    sync_api.expect(page.locator("#grace-notice")).to_be_visible(timeout=20_000)
    sync_api.expect(page.locator("#timer-status")).to_contain_text("submit", timeout=5_000)
    assert page.locator("fieldset.question[disabled]").count() == len(quiz["questions"])
    assert page.evaluate("fetch(document.getElementById('quiz-app').dataset.stateUrl).then(r => r.json())")["phase"] == "grace"
    page.get_by_role("button", name="Finish…").click()
    page.wait_for_url(f"**/quiz/{code}/summary")
    page.get_by_role("button", name="Hand in anyway").click()
    page.wait_for_url(f"**/quiz/{code}/done")
    attempt = stored_attempts(live_app, code)[0]
    assert attempt["auto_submitted"] is False and attempt["score"] == 1, attempt
