"""Steps for bank_import.feature: plain Moodle files into a chosen article, and import errors in
the page's language. Through the teacher's pages (Flask test client, the real migration), forms
read from the pages and sent back as a browser would; the command line through Flask's CLI runner."""
from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd import given, parsers, scenarios, then, when
from werkzeug.datastructures import MultiDict

from web_support import TEACHER_EMAIL, TEACHER_PASSWORD, FakeClock, create_teacher, form_posting_to, make_app, stored_quiz

scenarios("bank_import.feature")

PLAIN = Path(__file__).resolve().parent.parent / "fixtures" / "formats" / "plain"
LEFT_OUT = {"Votre avis": "essay", "Indices": "matching"}


@dataclass
class Site:
    app: object
    client: object
    article_id: int
    article_ref: str
    text: str


def _text_of(response) -> str:
    """The page's visible text, tags removed and entities decoded, spaces (no-break ones too) collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _questions(app) -> list:
    from quiz.bank import question_item
    from quiz.extensions import db
    from quiz.models import BankQuestion

    with app.app_context():
        records = db.session.execute(db.select(BankQuestion).order_by(BankQuestion.id)).scalars()
        return [(r.id, r.article_id, question_item(r)) for r in records]


@given("a teacher whose bank holds the French sample article", target_fixture="site")
def teacher_with_article(tmp_path):
    from question_bank.service import read_article, sample_path
    from quiz.bank import store_article
    from quiz.extensions import db
    from quiz.models import Teacher

    app = make_app(tmp_path, clock=FakeClock())
    create_teacher(app)
    with app.app_context():
        owner = db.session.execute(db.select(Teacher).filter_by(email=TEACHER_EMAIL)).scalar_one()
        record = store_article(owner, read_article(sample_path("fr")), app.config["CLOCK"]())
        db.session.commit()
        article_id, ref, text = record.id, record.ref, record.text
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}).status_code == 302
    return Site(app, client, article_id, ref, text)


@given(parsers.parse("the teacher reads the pages in {language}"))
def reads_in(site, language):
    code = {"English": "en", "French": "fr"}[language]
    assert site.client.post("/lang", data={"lang": code, "next": "/teach/bank/"}).status_code == 302


def _post_import(site, name: str, data: bytes, into: str):
    page = site.client.get("/teach/bank/import").get_data(as_text=True)
    form = form_posting_to(page, "/teach/bank/import")
    values = {**dict(form.values()), "file": (io.BytesIO(data), name), "into": into}
    return site.client.post(form.action, data=values, content_type="multipart/form-data")


def _import_plain(site, name: str) -> dict:
    before = len(_questions(site.app))
    response = _post_import(site, name, (PLAIN / name).read_bytes(), str(site.article_id))
    assert response.status_code == 302, _text_of(response)[:1500]
    # Straight to the drafts waiting for their passage (the bank filtered on the article's drafts).
    assert response.headers["Location"].endswith(f"/teach/bank/?article={site.article_id}&status=draft")
    page = site.client.get(response.headers["Location"])
    return {"name": name, "before": before, "page": _text_of(page), "html": page.get_data(as_text=True)}


@when(parsers.parse('the teacher imports the plain file "{name}" into the sample article'), target_fixture="imported")
def import_plain(site, name):
    return _import_plain(site, name)


@given(parsers.parse('the teacher imported the plain file "{name}" into the sample article'), target_fixture="imported")
def imported_plain(site, name):
    return _import_plain(site, name)


@then(parsers.parse("the article has the file's {count:d} questions as imported drafts citing nothing yet"))
def drafts_without_citation(site, count):
    questions = _questions(site.app)
    assert len(questions) == count
    for _id, article_id, item in questions:
        assert article_id == site.article_id and item.article == site.article_ref
        assert (item.status, item.origin, item.citations, item.language) == ("draft", "imported", [], "fr")


@then("their prompts, choices and keys are those of the file")
def same_as_file(site, imported):
    by_kind = {item.kind: item for _id, _article, item in _questions(site.app)}
    mc, tf, sa = by_kind["multiple_choice"], by_kind["true_false"], by_kind["short_answer"]
    assert mc.prompt == "Dans « le groupe aurait signé », que signale le conditionnel ?"
    assert mc.choices == ["Une information non confirmée", "Un fait établi", "Une opinion du journaliste"]
    assert mc.answer == [0] and mc.explanation.startswith("Le conditionnel journalistique rapporte")
    assert mc.choice_feedback[0].startswith("Oui")
    assert (tf.prompt, tf.choices, tf.answer) == ("Une source « proche du dossier » est une source nommée.",
                                                  ["Vrai", "Faux"], [1])
    assert sa.accepted == ["aurait", "auraient"]


@then("the page lists the essay and the matching question as left out, each with its reason")
def lists_left_out(imported):
    page = imported["page"]
    assert "2 questions were left out: this app cannot represent their type." in page
    if imported["name"].endswith(".xml"):
        assert "question 4 (Votre avis): type 'essay' is not supported" in page
        assert "question 5 (Indices): type 'matching' is not supported" in page
    else:
        assert "line 19: an empty answer block {} (a Moodle essay question) is not supported" in page
        assert "line 21: matching questions (=item -> match) are not supported" in page


@then("the article's page marks each imported question as needing a citation")
def marked_on_page(site, imported):
    assert imported["page"].count("needs a citation") == 3
    for question_id, _article, _item in _questions(site.app):
        assert f'href="/teach/bank/question/{question_id}/edit#citation-fields"' in imported["html"]


# --- the command line --------------------------------------------------------------------------------

@when(parsers.parse('the teacher runs mlquiz bank import "{name}" with --into the sample article\'s ref'),
      target_fixture="cli")
def cli_import(site, name):
    runner = site.app.test_cli_runner()
    return runner.invoke(args=["bank", "import", str(PLAIN / name), "--owner", TEACHER_EMAIL,
                               "--into", site.article_ref])


@then("the command says it imported 3 questions, that they need a citation, and what it left out")
def cli_says(cli):
    assert cli.exit_code == 0, cli.output
    assert f"imported 3 question(s) and 0 article(s) into the bank of {TEACHER_EMAIL}" in cli.output
    assert "3 draft(s) need a citation" in cli.output
    assert "left out: line 19: an empty answer block {} (a Moodle essay question) is not supported" in cli.output
    assert "left out: line 21: matching questions (=item -> match) are not supported" in cli.output


# --- approving a draft without a citation -------------------------------------------------------------

def _multiple_choice(site):
    return next((qid, item) for qid, _article, item in _questions(site.app) if item.kind == "multiple_choice")


@when("the teacher approves the imported multiple-choice question", target_fixture="approval")
def approve(site):
    question_id, _item = _multiple_choice(site)
    page = site.client.get(f"/teach/bank/article/{site.article_id}").get_data(as_text=True)
    form = form_posting_to(page, f"/teach/bank/question/{question_id}/status")
    response = site.client.post(form.action, data={**dict(form.values()), "status": "approved"})
    assert response.status_code == 302
    return _text_of(site.client.get(response.headers["Location"]))


@then("the page says plainly that it cannot be approved before a passage is picked")
def refused_plainly(site, approval):
    _id, item = _multiple_choice(site)
    assert (f"The question “{' '.join(item.prompt.split())[:40]}") in approval   # which one, by its prompt
    assert ("cannot be approved: it cites no passage of its article yet. Edit it, "
            "select the passage that proves its answer, and approve it then.") in approval


@then("the question is still a draft without a citation")
def still_draft(site):
    _id, item = _multiple_choice(site)
    assert item.status == "draft" and item.citations == []


@when(parsers.parse('the teacher picks the passage "{quote}" in the question\'s edit form and approves it'),
      target_fixture="picked")
def pick_and_approve(site, quote):
    question_id, item = _multiple_choice(site)
    page = site.client.get(f"/teach/bank/question/{question_id}/edit").get_data(as_text=True)
    # The notice asks for an explanation too when the file gave none (approving needs one).
    assert ("write in a sentence why that answer is right" in page) == (not item.explanation)
    form = form_posting_to(page, f"/teach/bank/question/{question_id}/edit")
    values = dict(form.values())
    assert values["cite_start"] == values["cite_end"] == values["quote"] == ""   # nothing picked yet
    assert 'id="citation-needed"' in page          # the form says what is missing
    start = site.text.index(quote)
    # As cite.js sends a selection: its offsets in the article.
    values.update(cite_start=str(start), cite_end=str(start + len(quote)), save="approve")
    response = site.client.post(form.action, data=MultiDict(list(values.items())))
    assert response.status_code == 302, _text_of(response)[:1500]
    return {"quote": quote, "start": start}


@then("the question is approved and cites exactly that passage of the article")
def approved_with_citation(site, picked):
    _id, item = _multiple_choice(site)
    assert item.status == "approved"
    (citation,) = item.citations
    assert (citation.start, citation.quote) == (picked["start"], picked["quote"])
    assert site.text[citation.start:citation.end] == citation.quote


@then("it can go into a quiz")
def goes_into_a_quiz(site):
    question_id, item = _multiple_choice(site)
    page = site.client.get(f"/teach/bank/article/{site.article_id}").get_data(as_text=True)
    form = form_posting_to(page, "/publish")
    values = [(k, v) for k, v in form.values() if k != "pick"] + [("how", "pick"), ("pick", str(question_id))]
    response = site.client.post(form.action, data=MultiDict(values))
    assert response.status_code == 302 and "/teach/quiz/" in response.headers["Location"], _text_of(response)[:800]
    quiz = stored_quiz(site.app, response.headers["Location"].rsplit("/", 1)[1])
    assert [q["prompt"] for q in quiz["questions"]] == [item.prompt]
    assert quiz["questions"][0]["citations"] == [c.model_dump() for c in item.citations]


# --- refusals in the page's language ----------------------------------------------------------------------

@when(parsers.parse('the teacher imports the plain file "{name}" without choosing an article'), target_fixture="refused")
def import_without_article(site, name):
    before = len(_questions(site.app))
    response = _post_import(site, name, (PLAIN / name).read_bytes(), "")
    return {"response": response, "before": before}


@then("the page points at the list of articles, where the teacher chooses one")
def points_at_articles(refused):
    page = refused["response"].get_data(as_text=True)
    select = re.search(r'<select id="into"[^>]*>', page).group(0)
    assert "autofocus" in select and 'aria-invalid="true"' in select and "into-needed" in select, select
    assert 'id="into-needed"' in page


# A small file of each format with one problem, named by what it holds (the feature's examples).
BROKEN = {
    "a mark-the-word choice not in its sentence": (
        "::mlquiz-article library-en::Will the old library close?\\nThe council would vote next week on "
        "closing the old library, according to sources close to the mayor.\n\n"
        "::mark_word m1::Mark the word.{=would ~banana####¶1 — “The council would vote next week on closing "
        "the old library, according to sources close to the mayor.”}\n"),
    "an answer block never closed": "::Q1:: Qui parle ? {=La porte-parole ~Un témoin\n",
    "a tag closed by the wrong name": ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
                                       '  <question type="multichoice"></nam>\n</quiz>\n'),
    "a mapping left open": "format: mlquiz-bank\nquestions: [\n",
    "a comma with nothing before it": '{,"format": "mlquiz-bank"}',
    "a QTI package (export only)": "PK\x03\x04 not read: QTI is written, never read",
}


@when(parsers.parse('the teacher imports the file "{name}" holding {content}'), target_fixture="refused")
def import_broken(site, name, content):
    before = len(_questions(site.app))
    return {"response": _post_import(site, name, BROKEN[content].encode("utf-8"), ""), "before": before}


@then(parsers.parse('the import page says "{message}"'))
def page_says(refused, message):
    response = refused["response"]
    assert response.status_code == 400
    problems = re.search(r'<div class="error" role="alert" id="import-problems">(.*?)</div>',
                         response.get_data(as_text=True), re.S)
    assert problems, _text_of(response)[:1500]
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", problems.group(1))).split())
    assert message in shown, shown


@then(parsers.parse('the page does not say "{english}"'))
def not_in_english(refused, english):
    assert english not in _text_of(refused["response"])


@then("no question was added to the bank")
def nothing_added(site, refused):
    assert len(_questions(site.app)) == refused["before"] == 0
