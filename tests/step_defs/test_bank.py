"""Steps for bank.feature: the bank through the teacher's pages (Flask test client, real
SQLite made by the real migration). Forms are read from the pages and sent back as a
browser would; the selection of a passage arrives as its offsets, as cite.js sends it."""
from __future__ import annotations

import html

import re
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from pytest_bdd import given, parsers, scenarios, then, when
from werkzeug.datastructures import MultiDict

from web_support import (
    TEACHER_EMAIL, TEACHER_PASSWORD, FakeClock, create_teacher, form_posting_to, forms_in, make_app, stored_quiz,
)

scenarios("bank.feature")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats" / "gift"
OTHER_EMAIL = "collegue@example.org"


@dataclass
class Site:
    app: object
    clock: FakeClock
    client: object
    code: str
    kept: list[str]


def _login(app, email=TEACHER_EMAIL):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.post("/login", data={"email": email, "password": TEACHER_PASSWORD}).status_code == 302
    return client


def _db(app):
    from quiz.extensions import db
    from quiz.models import BankArticle, BankQuestion
    return db, BankArticle, BankQuestion


def _questions(app, email=TEACHER_EMAIL) -> list[dict]:
    from quiz.bank import question_item
    from quiz.models import Teacher

    db, _article, question = _db(app)
    with app.app_context():
        owner = db.session.execute(db.select(Teacher).filter_by(email=email)).scalar_one()
        records = db.session.execute(db.select(question).filter_by(owner_id=owner.id).order_by(question.id)).scalars()
        return [{"id": r.id, "status": r.status, "origin": r.origin, "shared": r.shared, "version": r.version,
                 "item": question_item(r)} for r in records]


def _article(app) -> dict:
    db, article, _question = _db(app)
    with app.app_context():
        record = db.session.execute(db.select(article).order_by(article.id)).scalars().first()
        return {"id": record.id, "text": record.text, "ref": record.ref, "passages": list(record.passages)}


def _counts(app) -> tuple[int, int]:
    db, article, question = _db(app)
    with app.app_context():
        return (db.session.execute(db.select(db.func.count(article.id))).scalar(),
                db.session.execute(db.select(db.func.count(question.id))).scalar())


# --- Background ------------------------------------------------------------------------------

@given("a teacher who published the French sample's quiz, keeping its first 4 questions", target_fixture="site")
def published(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    create_teacher(app)
    client = _login(app)
    new_page = client.get("/teach/new").get_data(as_text=True)
    sample_form = next(f for f in forms_in(new_page) if any(b["name"] == "sample" for b in f.buttons))
    preview = client.post(sample_form.action, data={**dict(sample_form.values()), "sample": "fr"})
    form = form_posting_to(preview.get_data(as_text=True), "/publish")
    values = form.values()
    kept = [v for k, v in values if k == "keep"][:4]
    data = MultiDict([(k, v) for k, v in values if k != "keep"] + [("keep", v) for v in kept])
    response = client.post(form.action, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return Site(app, clock, client, response.headers["Location"].rsplit("/", 1)[1], kept)


# --- generated questions in the bank ----------------------------------------------------------------

@when("the teacher opens the question bank", target_fixture="page")
def open_bank(site):
    response = site.client.get("/teach/bank/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@then("the bank lists every generated question of the article")
def lists_generated(site, page):
    from question_bank.service import quiz_for, read_article, sample_path

    with site.app.app_context():
        from quiz.publishing import by_code

        seed = by_code(site.code).seed     # the preview's random seed, kept with the quiz
    generated = quiz_for(read_article(sample_path("fr")), seed=seed).questions
    stored = _questions(site.app)
    assert [q["item"].ref for q in stored] == [q.id for q in generated]
    assert page.count('<tr id="q-') == len(generated)


@then("the 4 kept questions are approved and the others are drafts")
def kept_approved(site):
    for question in _questions(site.app):
        assert question["origin"] == "generated"
        assert question["status"] == ("approved" if question["item"].ref in site.kept else "draft")


# --- adding a question -------------------------------------------------------------------------------

def _new_form(site, kind="multiple_choice"):
    article = _article(site.app)
    page = site.client.get(f"/teach/bank/article/{article['id']}/new?kind={kind}").get_data(as_text=True)
    return article, form_posting_to(page, f"/teach/bank/article/{article['id']}/new")


def _fill(form, **fields) -> MultiDict:
    values = dict(form.values())
    values.update(fields)
    return MultiDict(list(values.items()))


MC_FIELDS = {"prompt": "Qui affirme que les directions ont signé une lettre d'intention ?",
             "choice_0": "Des sources anonymes", "choice_1": "La porte-parole de Veltora", "choice_2": "Un analyste",
             "correct": "0", "explanation": "« Selon des sources proches du dossier » : les sources ne sont pas nommées.",
             "tags": "sources, anonymat", "save": "approve"}


@when(parsers.parse('the teacher writes a multiple-choice question citing the offsets of "{quote}"'),
      target_fixture="saved")
def write_with_selection(site, quote):
    article, form = _new_form(site)
    start = article["text"].index(quote)
    before = _counts(site.app)
    response = site.client.post(form.action, data=_fill(form, cite_start=str(start), cite_end=str(start + len(quote)),
                                                        quote=quote, **MC_FIELDS))
    assert response.status_code == 302, response.get_data(as_text=True)[:600]
    return {"response": response, "before": before, "quote": quote, "start": start, "article": article}


@then("the question is saved in the bank with that citation, labelled with its paragraph")
def saved_with_citation(site, saved):
    question = _questions(site.app)[-1]
    assert question["origin"] == "teacher" and question["status"] == "approved"
    item = question["item"]
    assert item.prompt == MC_FIELDS["prompt"] and item.choices[item.answer[0]] == "Des sources anonymes"
    assert sorted(item.tags) == ["anonymat", "sources"]
    citation = item.citations[0]
    assert (citation.start, citation.end, citation.quote) == (saved["start"], saved["start"] + len(saved["quote"]),
                                                              saved["quote"])
    passage = next(p for p in saved["article"]["passages"] if p["start"] <= citation.start < p["end"])
    assert citation.passage == passage["label"] and re.fullmatch(r"¶\d+", citation.passage)


@then("the citation's quote is exactly the article's text at its offsets")
def citation_invariant(site, saved):
    citation = _questions(site.app)[-1]["item"].citations[0]
    assert saved["article"]["text"][citation.start:citation.end] == citation.quote


@when("the teacher writes a multiple-choice question without selecting or pasting a passage", target_fixture="saved")
def write_without_citation(site):
    _article_, form = _new_form(site)
    before = _counts(site.app)
    response = site.client.post(form.action, data=_fill(form, cite_start="", cite_end="", quote="", **MC_FIELDS))
    return {"response": response, "before": before}


@when(parsers.parse('the teacher writes a multiple-choice question pasting "{quote}"'), target_fixture="saved")
def write_with_foreign_quote(site, quote):
    _article_, form = _new_form(site)
    before = _counts(site.app)
    response = site.client.post(form.action, data=_fill(form, cite_start="", cite_end="", quote=quote, **MC_FIELDS))
    return {"response": response, "before": before}


@then("the form comes back with status 400 and a message next to the cited passage")
def refused_citation(saved):
    response = saved["response"]
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(r'<p class="error" id="citation-error">[^<]+</p>', html), html
    assert re.search(r'<textarea id="quote"[^>]*aria-describedby="citation-hint citation-error"', html)


@then("the prompt they typed is still in the form")
def prompt_kept(saved):
    form = form_posting_to(saved["response"].get_data(as_text=True), "/new")
    assert dict(form.values())["prompt"] == MC_FIELDS["prompt"]


@then("no question was added")
def nothing_added(site, saved):
    assert _counts(site.app) == saved["before"]


# --- editing, approving, versions -------------------------------------------------------------------------

@given("a student who took the published quiz and answered its first question right", target_fixture="student")
def student_took_quiz(site):
    quiz = stored_quiz(site.app, site.code)
    client = site.app.test_client()
    assert client.post(f"/join/{site.code}", data={"name": "Inès"}).status_code == 302
    page = client.get(f"/quiz/{site.code}").get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page)[1]
    first = quiz["questions"][0]
    assert client.post(f"/quiz/{site.code}/answer", json={"question_id": first["id"], "choices": first["answer"]},
                       headers={"X-CSRFToken": csrf}).status_code == 200
    assert client.post(f"/quiz/{site.code}/submit", data={"csrf_token": csrf}).status_code == 302
    return {"quiz": quiz, "score": _score(site)}


def _score(site) -> int:
    from quiz.extensions import db
    from quiz.models import Attempt

    with site.app.app_context():
        return db.session.execute(db.select(Attempt.score)).scalar_one()


@when("the teacher rewrites the first question's prompt and makes another choice the right one")
def rewrite_first(site):
    first = next(q for q in _questions(site.app) if q["item"].ref == site.kept[0])
    page = site.client.get(f"/teach/bank/question/{first['id']}/edit").get_data(as_text=True)
    form = form_posting_to(page, f"/teach/bank/question/{first['id']}/edit")
    values = dict(form.values())
    other = next(i for i in range(len(first["item"].choices)) if i not in first["item"].answer)
    values.update(prompt="Question réécrite par l'enseignante : que signale le titre ?", correct=str(other), save="draft")
    response = site.client.post(form.action, data=MultiDict(list(values.items())))
    assert response.status_code == 302, response.get_data(as_text=True)[:600]


@when("the teacher approves a draft question")
def approve_draft(site):
    draft = next(q for q in _questions(site.app) if q["status"] == "draft")
    page = site.client.get(f"/teach/bank/article/{_article(site.app)['id']}").get_data(as_text=True)
    form = next(f for f in forms_in(page) if f.action.endswith(f"/question/{draft['id']}/status"))
    response = site.client.post(form.action, data={**dict(form.values()), "status": "approved"})
    assert response.status_code == 302
    site.approved = draft["id"]


@then("the bank shows the new prompt and the draft is approved")
def bank_updated(site):
    questions = {q["id"]: q for q in _questions(site.app)}
    first = next(q for q in questions.values() if q["item"].ref == site.kept[0])
    assert first["item"].prompt.startswith("Question réécrite") and first["version"] == 2
    assert questions[site.approved]["status"] == "approved"
    page = site.client.get(f"/teach/bank/article/{_article(site.app)['id']}").get_data(as_text=True)
    assert "Question réécrite par l’enseignante" in page or "Question réécrite par l&#39;enseignante" in page


@then("the published quiz still has the old prompt and the student's result has not changed")
def past_quiz_unchanged(site, student):
    now = stored_quiz(site.app, site.code)
    assert now["questions"] == student["quiz"]["questions"]
    assert _score(site) == student["score"] >= 1


# --- a quiz from a tag ----------------------------------------------------------------------------------

@given(parsers.parse('three approved questions of the teacher tagged "{tag}"'))
def tagged_questions(site, tag):
    article, form = _new_form(site, "short_answer")
    price = "Veltora valoriserait sa cible à 2,8 milliards d'euros, dette comprise."
    start = article["text"].index(price)
    citation = {"cite_start": str(start), "cite_end": str(start + len(price)), "quote": price}
    short = _fill(form, kind="short_answer", prompt="Quel verbe au conditionnel montre que le prix n'est pas confirmé ?",
                  accepted="valoriserait", explanation="« valoriserait » est au conditionnel.", tags=tag,
                  save="approve", **citation)
    assert site.client.post(form.action, data=short).status_code == 302
    _a, form = _new_form(site, "true_false")
    true_false = _fill(form, kind="true_false", prompt="Le prix de 2,8 milliards est confirmé par Veltora.", correct="1",
                       explanation="Le conditionnel montre que ce n'est pas confirmé.", tags=f"{tag}, prix",
                       save="approve", **citation)
    assert site.client.post(form.action, data=true_false).status_code == 302
    _a, form = _new_form(site, "mark_word")
    mark = _fill(form, kind="mark_word", prompt="Quel mot montre que le prix n'est pas établi ?", choice_0="valoriserait",
                 choice_1="cible", choice_2="comprise", correct="0", explanation="Le conditionnel.", tags=tag,
                 save="approve", **citation)
    response = site.client.post(form.action, data=mark)
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    assert len([q for q in _questions(site.app) if tag in q["item"].tags and q["status"] == "approved"]) == 3


@when(parsers.parse('the teacher draws {count:d} questions at random from the tag "{tag}" and publishes'),
      target_fixture="drawn")
def draw_and_publish(site, count, tag):
    page = site.client.get(f"/teach/bank/article/{_article(site.app)['id']}").get_data(as_text=True)
    form = form_posting_to(page, "/publish")
    values = dict(form.values())
    # Review right after submitting (practice): the scenarios then read the student's review.
    values.update(how="draw", tag=tag, count=str(count), review_policy="after_submit")
    response = site.client.post(form.action, data=MultiDict(list(values.items())))
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    return {"code": response.headers["Location"].rsplit("/", 1)[1], "tag": tag}


@when(parsers.parse('the teacher tries to draw {count:d} questions at random from the tag "{tag}"'),
      target_fixture="refused_draw")
def try_to_draw(site, count, tag):
    page = site.client.get(f"/teach/bank/article/{_article(site.app)['id']}").get_data(as_text=True)
    form = form_posting_to(page, "/publish")
    values = dict(form.values())
    values.update(how="draw", tag=tag, count=str(count))
    before = _published_count(site.app)
    response = site.client.post(form.action, data=MultiDict(list(values.items())))
    return {"response": response, "before": before}


def _published_count(app) -> int:
    with app.app_context():
        from quiz.extensions import db
        from quiz.models import PublishedQuiz
        return db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar()


@then(parsers.parse("the page says only {count:d} approved questions have this tag, and nothing is published"))
def draw_refused(site, refused_draw, count):
    response = refused_draw["response"]
    assert response.status_code == 400, response.status_code
    text = " ".join(html.unescape(response.get_data(as_text=True)).split())
    assert f"Only {count} approved questions have this tag" in text, text[:1500]
    assert _published_count(site.app) == refused_draw["before"]


@then(parsers.parse('a quiz is published with {count:d} questions, all tagged "{tag}" and approved'))
def drawn_quiz(site, drawn, count, tag):
    quiz = stored_quiz(site.app, drawn["code"])
    assert len(quiz["questions"]) == count
    bank = {q["item"].prompt: q for q in _questions(site.app)}    # published ids are opaque
    for question in quiz["questions"]:
        source = bank[question["prompt"]]
        assert tag in source["item"].tags and source["status"] == "approved"
        assert question["prompt"] == source["item"].prompt


@then("a student can take it, the short answer included, and is graded on it")
def take_drawn(site, drawn):
    quiz = stored_quiz(site.app, drawn["code"])
    client = site.app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert client.post(f"/join/{drawn['code']}", data={"name": "Noé"}).status_code == 302
    page = client.get(f"/quiz/{drawn['code']}").get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page)[1]
    form = {"csrf_token": csrf}
    for question in quiz["questions"]:
        if question["choices"]:
            form[f"q-{question['id']}"] = str(question["answer"][0])
        else:
            assert re.search(rf'<input type="text" id="q-{re.escape(question["id"])}-text"', page)
            form[f"q-{question['id']}"] = "  Valoriserait "
    assert client.post(f"/quiz/{drawn['code']}/submit", data=form).status_code == 302
    review = client.get(f"/quiz/{drawn['code']}/review").get_data(as_text=True)
    assert review.count("✓ Right") == len(quiz["questions"]), review


NOTES = ["Oui : « selon des sources proches du dossier » ne nomme personne.",
         "Non : la porte-parole ne parle qu'au paragraphe suivant, et elle dément.",
         "Non : aucun analyste n'est cité pour cette information."]


@given(parsers.parse('the teacher\'s multiple-choice question with a note on each choice, tagged "{tag}" and approved'))
def question_with_notes(site, tag):
    quote = "Selon des sources proches du dossier, les deux directions auraient signé une lettre d'intention au début du mois."
    article, form = _new_form(site)
    start = article["text"].index(quote)
    fields = {**MC_FIELDS, "tags": tag, **{f"feedback_{i}": note for i, note in enumerate(NOTES)}}
    response = site.client.post(form.action, data=_fill(form, cite_start=str(start), cite_end=str(start + len(quote)),
                                                        quote=quote, **fields))
    assert response.status_code == 302, response.get_data(as_text=True)[:600]
    saved = [q for q in _questions(site.app) if tag in q["item"].tags]
    assert [q["item"].choice_feedback for q in saved] == [NOTES]


@when("a student picks a wrong choice and submits", target_fixture="taken")
def take_with_wrong_choice(site, drawn):
    quiz = stored_quiz(site.app, drawn["code"])
    question = quiz["questions"][0]
    wrong = next(i for i in range(len(question["choices"])) if i not in question["answer"])
    client = site.app.test_client()
    before = [client.post(f"/join/{drawn['code']}", data={"name": "Inès"}, follow_redirects=True)]
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', before[0].get_data(as_text=True))[1]
    before.append(client.post(f"/quiz/{drawn['code']}/answer", json={"question_id": question["id"], "choices": [wrong]},
                              headers={"X-CSRFToken": csrf}))
    before.append(client.get(f"/quiz/{drawn['code']}/state"))
    before.append(client.get(f"/quiz/{drawn['code']}"))
    assert [r.status_code for r in before] == [200, 200, 200, 200]
    assert client.post(f"/quiz/{drawn['code']}/submit", data={"csrf_token": csrf}).status_code == 302
    review = client.get(f"/quiz/{drawn['code']}/review")
    assert review.status_code == 200
    return {"question": question, "wrong": wrong, "before": before, "review": review.get_data(as_text=True)}


@then("the review shows the teacher's note on that choice and not the notes on the other choices")
def note_in_review(taken):
    from markupsafe import escape

    question, review = taken["question"], taken["review"]
    notes = question["choice_feedback"]
    assert sorted(notes) == sorted(NOTES)   # the published copy carries the notes, in its choices' order
    assert str(escape(notes[taken["wrong"]])) in review
    for index, note in enumerate(notes):
        if index != taken["wrong"]:
            assert str(escape(note)) not in review


@then("no page or response the student got before submitting carried any of the notes")
def notes_not_leaked(taken):
    from markupsafe import escape

    for response in taken["before"]:
        body = response.get_data(as_text=True) + " ".join(f"{k}: {v}" for k, v in response.headers.items())
        for note in NOTES:
            for fragment in (note, str(escape(note)), note.split(" : ", 1)[1][:30]):
                assert fragment not in body, (response.request.path, fragment)


# --- import and export ---------------------------------------------------------------------------------------

def _import(site, name: str, data: bytes):
    import io

    page = site.client.get("/teach/bank/import").get_data(as_text=True)
    form = form_posting_to(page, "/teach/bank/import")
    return site.client.post(form.action, data={**dict(form.values()), "file": (io.BytesIO(data), name)},
                            content_type="multipart/form-data")


@when(parsers.parse('the teacher imports the GIFT file "{name}"'), target_fixture="imported")
def import_gift(site, name):
    before = {q["id"] for q in _questions(site.app)}
    data = (FIXTURES / name).read_bytes()
    response = _import(site, name, data)
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    return {"new": [q for q in _questions(site.app) if q["id"] not in before], "data": data.decode("utf-8")}


@when(parsers.parse('the teacher imports the GIFT file "{name}" again'), target_fixture="again")
def import_gift_again(site, name, imported):
    before = {q["id"] for q in _questions(site.app)}
    response = _import(site, name, (FIXTURES / name).read_bytes())
    assert response.status_code == 302, response.get_data(as_text=True)[:1500]
    page = site.client.get(response.headers["Location"]).get_data(as_text=True)
    return {"new": [q for q in _questions(site.app) if q["id"] not in before], "page": page,
            "count": len(imported["new"])}


@then("the second import added no question and no article")
def nothing_added(again):
    assert again["new"] == []
    assert "Questions: 0; articles: 0." in again["page"], again["page"][:3000]


@then("the page says the file's questions were already in the bank")
def says_already(again):
    assert (f"{again['count']} questions of the file were already in your bank, word for word: they were not "
            "added again.") in again["page"]


@then("the bank has the file's questions as drafts, with their citations in the article")
def imported_drafts(site, imported):
    text = _article(site.app)["text"]
    assert len(imported["new"]) == imported["data"].count("::imported")
    for question in imported["new"]:
        assert question["status"] == "draft" and question["origin"] == "imported"
        for citation in question["item"].citations:
            assert text[citation.start:citation.end] == citation.quote


@then("their prompts, choices and keys are those of the file")
def imported_content(imported):
    gift = imported["data"]
    for question in imported["new"]:
        item = question["item"]
        assert item.prompt.split(" ")[0] in gift
        if item.kind == "true_false":
            assert "{" + ("T" if item.answer == [0] else "F") in gift and item.choices == ["Vrai", "Faux"]
            continue
        for index, choice in enumerate(item.choices):
            mark = "=" if index in item.answer else "~"
            assert f"{mark}{choice}" in gift.replace("\\", ""), (mark, choice)
        for accepted in item.accepted:
            assert f"={accepted}" in gift


@when("the teacher exports their bank as Moodle XML", target_fixture="exported")
def export_moodle(site):
    page = site.client.get("/teach/bank/").get_data(as_text=True)
    link = re.search(r'href="(/teach/bank/export\?format=moodle-xml[^"]*)"', page)
    assert link, "no Moodle XML export link on the bank page"
    response = site.client.get(link[1].replace("&amp;", "&"))
    assert response.status_code == 200
    assert 'filename="mlquiz-bank.xml"' in response.headers["Content-Disposition"]
    return response.data


@given("one of the teacher's questions is retired", target_fixture="retired")
def one_retired(site):
    db, _article_model, question = _db(site.app)
    first = _questions(site.app)[0]
    with site.app.app_context():
        record = db.session.get(question, first["id"])
        record.status = "retired"
        db.session.commit()
    return first["item"].prompt


@when("the teacher exports the retired questions they are looking at as Moodle XML", target_fixture="exported")
def export_retired(site):
    page = site.client.get("/teach/bank/?status=retired").get_data(as_text=True)
    link = re.search(r'href="(/teach/bank/export\?format=moodle-xml[^"]*)"', page)
    assert link and "retired=1" in link[1], link
    response = site.client.get(link[1].replace("&amp;", "&"))
    assert response.status_code == 200
    return response.data


def _exported_prompts(exported) -> list[tuple[str, list[str]]]:
    root = ElementTree.fromstring(exported)
    return [("".join(q.find("questiontext/text").itertext()), [t.findtext("text") for t in q.findall("tags/tag")])
            for q in root.findall("question") if q.get("type") not in ("category", "description")]


@then("the file has every question but the retired one")
def without_retired(site, exported, retired):
    prompts = _exported_prompts(exported)
    assert len(prompts) == len(_questions(site.app)) - 1
    assert not any(html.escape(retired, quote=False)[:40] in text or retired[:40] in text for text, _tags in prompts)


@then("the file has the retired one too, marked retired")
def with_retired(site, exported, retired):
    prompts = _exported_prompts(exported)
    assert len(prompts) == len(_questions(site.app))
    assert sum("mlquiz-status:retired" in tags for _text, tags in prompts) == 1


@then("they get a Moodle XML file with one question per bank question and the article as a description")
def moodle_file(site, exported):
    root = ElementTree.fromstring(exported)
    assert root.tag == "quiz"
    types = [q.get("type") for q in root.findall("question")]
    graded = [t for t in types if t not in ("category", "description")]
    assert len(graded) == len(_questions(site.app))
    descriptions = [q for q in root.findall("question") if q.get("type") == "description"]
    assert len(descriptions) == 1
    assert "Veltora" in "".join(descriptions[0].find("questiontext/text").itertext())


@then("every question's general feedback quotes its citations")
def feedback_quotes(site, exported):
    root = ElementTree.fromstring(exported)
    graded = [q for q in root.findall("question") if q.get("type") not in ("category", "description")]
    for element, question in zip(graded, _questions(site.app)):
        feedback = element.find("generalfeedback/text").text or ""
        for citation in question["item"].citations:
            assert citation.passage in feedback and citation.quote[:40].replace("&", "&amp;") in feedback


@when("the teacher imports a GIFT file whose third question cites a passage that is not in the article",
      target_fixture="imported")
def import_bad(site):
    before = _counts(site.app)
    data = (FIXTURES / "seed-like.fr.gift").read_text(encoding="utf-8")
    bad, line = _break_third_citation(data)
    response = _import(site, "broken.gift", bad.encode("utf-8"))
    return {"response": response, "before": before, "line": line}


def _break_third_citation(gift: str) -> tuple[str, int]:
    """The file with the third question's citation changed to words the article does not have."""
    lines = gift.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if line.startswith("::imported"):
            seen += 1
        if seen == 3 and "¶" in line and "«" in line:
            lines[index] = re.sub(r"«[^»]*»", "« Une phrase que l'article ne contient pas du tout. »", line)
            return "\n".join(lines), index + 1
    raise AssertionError("the fixture has no third question with a citation line")


@then("the import page lists the problem naming its line")
def lists_problem(imported):
    response = imported["response"]
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    problems = re.search(r'<div class="error" role="alert" id="import-problems">(.*?)</div>', html, re.S)
    assert problems, html[:2000]
    assert re.search(r"line \d+|question 3", problems[1]), problems[1]
    assert "not" in problems[1]


@then("no question or article was added")
def nothing_imported(site, imported):
    assert _counts(site.app) == imported["before"]


# --- permissions ----------------------------------------------------------------------------------------------

@given("another teacher at the same school", target_fixture="other")
def other_teacher(site):
    create_teacher(site.app, email=OTHER_EMAIL)
    return _login(site.app, OTHER_EMAIL)


@when("the teacher shares one question with the school")
def share_one(site):
    question = _questions(site.app)[0]
    page = site.client.get(f"/teach/bank/article/{_article(site.app)['id']}").get_data(as_text=True)
    form = next(f for f in forms_in(page) if f.action.endswith(f"/question/{question['id']}/share"))
    assert site.client.post(form.action, data=dict(form.values())).status_code == 302
    site.shared = question["id"]


@then("the other teacher sees it among the shared questions, but cannot edit it")
def other_sees_shared(site, other):
    page = other.get("/teach/bank/").get_data(as_text=True)
    assert f'<tr id="q-{site.shared}">' in page and "shared by prof@example.org" in page
    assert other.get(f"/teach/bank/question/{site.shared}/edit").status_code == 404
    form = form_posting_to(site.client.get(f"/teach/bank/question/{site.shared}/edit").get_data(as_text=True), "/edit")
    assert other.post(form.action, data=dict(form.values())).status_code == 404
    assert other.post(f"/teach/bank/question/{site.shared}/status", data={"status": "retired"}).status_code == 404
    assert _questions(site.app)[0]["status"] == "approved"


@then("the other teacher can copy it to their own bank as a draft")
def other_copies(site, other):
    response = other.post(f"/teach/bank/question/{site.shared}/copy")
    assert response.status_code == 302
    copies = _questions(site.app, OTHER_EMAIL)
    assert len(copies) == 1 and copies[0]["status"] == "draft"
    original = _questions(site.app)[0]["item"]
    assert copies[0]["item"].prompt == original.prompt and copies[0]["item"].citations == original.citations
    assert other.get(f"/teach/bank/question/{copies[0]['id']}/edit").status_code == 200


@then("the other teacher does not see the questions that were not shared")
def others_hidden(site, other):
    page = other.get("/teach/bank/").get_data(as_text=True)
    hidden = [q["id"] for q in _questions(site.app) if not q["shared"]]
    assert hidden and not any(f'<tr id="q-{i}">' in page for i in hidden)
    assert other.get(f"/teach/bank/article/{_article(site.app)['id']}").status_code == 404


@then("a visitor who is not logged in is sent to the login page from every bank page")
def anonymous_bank(site):
    visitor = site.app.test_client()
    article = _article(site.app)["id"]
    question = _questions(site.app)[0]["id"]
    for method, path in [("get", "/teach/bank/"), ("get", f"/teach/bank/article/{article}"),
                         ("get", f"/teach/bank/article/{article}/new"), ("get", f"/teach/bank/question/{question}/edit"),
                         ("get", "/teach/bank/import"), ("get", "/teach/bank/export?format=yaml"),
                         ("post", f"/teach/bank/question/{question}/copy")]:
        response = getattr(visitor, method)(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
