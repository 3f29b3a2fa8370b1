"""A teacher writes a question in the bank in a real browser: selects the supporting
passage with the mouse in the article, fills in the form, saves."""
from __future__ import annotations

from conftest import SHOTS, sync_api
from web_support import TEACHER_EMAIL, TEACHER_PASSWORD, sample_bytes

QUOTE = "Selon des sources proches du dossier, les deux directions auraient signé une lettre d'intention au début du mois."


def _article_in_bank(app, language: str = "fr") -> int:
    from question_bank.article import article_from_bytes
    from quiz import bank
    from quiz.extensions import db
    from quiz.models import Teacher

    with app.app_context():
        teacher = db.session.execute(db.select(Teacher).filter_by(email=TEACHER_EMAIL)).scalar_one()
        record = bank.store_article(teacher, article_from_bytes(sample_bytes(language)), app.config["CLOCK"]())
        db.session.commit()
        return record.id


def _log_in(page, app) -> str:
    base = app.config["BASE_URL"]
    page.goto(f"{base}/login")
    page.fill("input[name=email]", TEACHER_EMAIL)
    page.fill("input[name=password]", TEACHER_PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url("**/teach/")
    return base


def _select(page, quote: str) -> None:
    """Select `quote` inside its paragraph as a mouse drag does, then release the mouse."""
    page.evaluate("""(quote) => {
        const p = [...document.querySelectorAll('p.citable')].find(el => el.textContent.includes(quote));
        const node = p.firstChild, at = node.textContent.indexOf(quote);
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + quote.length);
        const selection = window.getSelection();
        selection.removeAllRanges(); selection.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", quote)


def test_selecting_a_passage_makes_the_citation_of_the_saved_question(live_app, page):
    article_id = _article_in_bank(live_app)
    base = _log_in(page, live_app)
    page.goto(f"{base}/teach/bank/article/{article_id}/new?kind=multiple_choice")

    _select(page, QUOTE)
    sync_api.expect(page.locator("#cited-preview")).to_contain_text(f"¶1 — « {QUOTE} »")
    assert page.input_value("#quote") == QUOTE
    page.fill("#prompt", "Qui affirme que les directions ont signé une lettre d'intention ?")
    page.fill("#choice-0", "Des sources anonymes")
    page.fill("#choice-1", "La porte-parole de Veltora")
    page.check("#correct-0")
    page.fill("#explanation", "Les sources ne sont pas nommées : « selon des sources proches du dossier ».")
    page.fill("#tags", "sources")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "bank-new-question.png"), full_page=True)
    page.click("button[name=save][value=approve]")
    page.wait_for_url(f"**/teach/bank/article/{article_id}*")
    sync_api.expect(page.locator(".flash-success")).to_be_visible()

    from quiz.extensions import db
    from quiz.models import BankArticle, BankQuestion

    with live_app.app_context():
        question = db.session.execute(db.select(BankQuestion)).scalar_one()
        text = db.session.get(BankArticle, article_id).text
        citation = question.citations[0]
        assert (question.status, question.origin) == ("approved", "teacher")
        assert citation["quote"] == QUOTE == text[citation["start"]:citation["end"]]
        assert citation["passage"] == "¶1"
    page.screenshot(path=str(SHOTS / "bank-article.png"), full_page=True)


def test_a_selection_holding_a_speakers_words_is_previewed_with_nested_marks(live_app, page):
    """The preview of the selection quotes it as the key will: French « “…”, … », English
    “‘…,’ …”, never the article's mark doubled."""
    base = _log_in(page, live_app)
    for language, selected, shown in (
            ("fr", "« À ce prix-là, on parle de près de quarante fois son chiffre d'affaires annuel, "
                   "un multiple rarement vu en Europe », calcule Hugo Marchetti",
             "« “À ce prix-là, on parle de près de quarante fois son chiffre d'affaires annuel, "
             "un multiple rarement vu en Europe”, calcule Hugo Marchetti »"),
            ("en", '"Any bid would need to clear a high bar with shareholders," said Tomasz Wierzbicki',
             "“‘Any bid would need to clear a high bar with shareholders,’ said Tomasz Wierzbicki”")):
        article_id = _article_in_bank(live_app, language)
        page.goto(f"{base}/teach/bank/article/{article_id}/new?kind=multiple_choice")
        _select(page, selected)
        sync_api.expect(page.locator("#cited-preview")).to_contain_text(shown)
        assert page.input_value("#quote") == selected   # the citation itself is the article's text
        SHOTS.mkdir(exist_ok=True)
        page.locator("#citation-fields").screenshot(path=str(SHOTS / f"bank-nested-marks-{language}.png"))


def test_a_selection_across_two_paragraphs_is_not_taken(live_app, page):
    article_id = _article_in_bank(live_app)
    base = _log_in(page, live_app)
    page.goto(f"{base}/teach/bank/article/{article_id}/new?kind=multiple_choice")
    page.evaluate("""() => {
        const ps = document.querySelectorAll('p.citable');
        const range = document.createRange();
        range.setStart(ps[1].firstChild, 5); range.setEnd(ps[2].firstChild, 5);
        window.getSelection().removeAllRanges(); window.getSelection().addRange(range);
        ps[2].dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    sync_api.expect(page.locator("#cited-preview")).to_have_text("Select within one paragraph.")
    assert page.input_value("#cite_start") == "" and page.input_value("#quote") == ""
