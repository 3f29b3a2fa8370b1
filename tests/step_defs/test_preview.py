"""Steps for preview.feature: the preview page's own forms, posted as a browser would."""
from __future__ import annotations

import re

import pytest
from pytest_bdd import given, parsers, scenarios, then, when
from werkzeug.datastructures import MultiDict

from web_support import FakeClock, TEACHER_EMAIL, TEACHER_PASSWORD, create_teacher, form_posting_to, make_app

scenarios("preview.feature")


class Preview:
    """The app, the teacher's client and the last preview page."""

    def __init__(self, app, client, page: str):
        self.app, self.client, self.page = app, client, page
        self.form = form_posting_to(page, "/teach/publish")
        self.response = None

    def values(self, **changes) -> MultiDict:
        data = MultiDict(self.form.values())
        for key, value in changes.items():
            data.setlist(key, [value] if not isinstance(value, list) else value)
        return data

    def post(self, action: str, data) -> None:
        self.response = self.client.post(action, data=data)
        if self.response.status_code in (200, 400):
            self.page = self.response.get_data(as_text=True)
            self.form = form_posting_to(self.page, "/teach/publish")

    def question_ids(self) -> list[str]:
        return re.findall(r'<li class="review-item[^"]*" id="q-([^"]+)"', self.page)

    def kinds(self) -> list[str]:
        return re.findall(r'<span class="meta">([^<]+)</span>\s*(?:<span class="badge|</p>)', self.page)


@pytest.fixture
def preview(tmp_path):
    app = make_app(tmp_path, FakeClock(), BABEL_DEFAULT_LOCALE="en")
    create_teacher(app)
    client = app.test_client()
    assert client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD}).status_code == 302
    page = client.post("/teach/new", data={"sample": "en"})
    assert page.status_code == 200
    return Preview(app, client, page.get_data(as_text=True))


@given("a logged-in teacher previewing the English sample article", target_fixture="shown")
def previewing(preview):
    ids = preview.question_ids()
    assert len(ids) >= 2, ids
    return {"ids": ids, "citations": _citations(preview.page, ids[0])}


def _citations(page: str, qid: str) -> list[str]:
    item = page[page.index(f'id="q-{qid}"'):]
    item = item[:item.index("</dl>")]
    return re.findall(r"<dd lang=\"en\">(¶\d+|Headline) — ", item)


def _first_with_choices(preview) -> str:
    for qid in preview.question_ids():
        if f'name="edit-{qid}-choice-0"' in preview.page:
            return qid
    raise AssertionError("no editable multiple-choice question in the preview")


@when("the teacher edits the first question: new wording, and another choice as the right answer",
      target_fixture="edit")
def edit_first(preview, shown):
    qid = _first_with_choices(preview)
    values = preview.values()
    right = values.get(f"edit-{qid}-correct")
    other = "1" if right != "1" else "0"
    wording = "Which of these is true, according to the article?"
    values.setlist(f"edit-{qid}-prompt", [wording])
    values.setlist(f"edit-{qid}-correct", [other])
    shown["citations"] = _citations(preview.page, qid)
    return {"id": qid, "wording": wording, "answer": int(other), "choice": values.get(f"edit-{qid}-choice-{other}"),
            "values": values}


@when("the teacher publishes the preview")
def publish(preview, edit):
    preview.post("/teach/publish", edit["values"])
    assert preview.response.status_code == 302, preview.page[:500]


@then("the published quiz's first question has the new wording and the new right answer")
def published_edit(preview, edit):
    from quiz.extensions import db
    from quiz.models import PublishedQuiz

    with preview.app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz)).scalar_one()
        edited = next(q for q in quiz.questions if q["prompt"] == edit["wording"])
        assert [edited["choices"][i] for i in edited["answer"]] == [edit["choice"]]
        edit["published"] = edited


@then("its cited passages are the ones the preview showed")
def same_citations(edit, shown):
    assert [c["passage"] for c in edit["published"]["citations"]] == shown["citations"]


@when("the teacher empties the wording of the first question and publishes")
def empty_wording(preview):
    qid = preview.question_ids()[0]
    preview.post("/teach/publish", preview.values(**{f"edit-{qid}-prompt": ""}))
    preview.emptied = qid


@then(parsers.parse('the preview comes back with "{message}" next to the first question'))
def message_next_to(preview, message):
    assert preview.response.status_code == 400
    qid = preview.emptied
    item = preview.page[preview.page.index(f'id="q-{qid}"'):]
    item = re.split(r'<li class="review-item|</ol>', item)[0]
    assert message in item and 'aria-invalid="true"' in item


@then("no quiz was published")
def nothing_published(preview):
    from quiz.extensions import db
    from quiz.models import PublishedQuiz

    with preview.app.app_context():
        assert db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar() == 0


@when("the teacher sets the number of questions of the first kind shown to 0 and updates the questions",
      target_fixture="dropped")
def fewer(preview):
    counts = dict(re.findall(r'name="count-([a-z_]+)"[^>]*value="(\d+)"', preview.page))
    shown = [k for k, v in counts.items() if int(v) > 0]
    assert len(shown) >= 2, counts
    kind = shown[0]
    others = {k for k in shown[1:]}
    preview.post("/teach/preview", preview.values(**{f"count-{kind}": "0"}))
    assert preview.response.status_code == 200
    return {"kind": kind, "others": others}


@then("the preview shows no question of that kind")
def no_question_of_kind(preview, dropped):
    counts = dict(re.findall(r'name="count-([a-z_]+)"[^>]*value="(\d+)"', preview.page))
    assert counts[dropped["kind"]] == "0"
    ids = preview.question_ids()
    assert not [qid for qid in ids if qid.startswith(dropped["kind"] + "-")], ids


@then("the other kinds' questions are still there")
def others_still_there(preview, dropped):
    ids = preview.question_ids()
    for kind in dropped["others"]:
        assert any(qid.startswith(kind + "-") for qid in ids), (kind, ids)


@when("the teacher asks to replace the first question", target_fixture="replaced")
def replace_first(preview):
    qid = preview.question_ids()[0]
    preview.post("/teach/preview", preview.values(replace=qid))
    assert preview.response.status_code == 200
    return qid


@then("the preview no longer shows that question")
def gone(preview, replaced):
    assert replaced not in preview.question_ids()
    assert f'name="exclude" value="{replaced}"' in preview.page


@then("every question still shown is ticked to be kept")
def all_ticked(preview):
    ids = preview.question_ids()
    ticked = re.findall(r'name="keep" value="([^"]+)"\s+checked', preview.page)
    assert ids and sorted(ticked) == sorted(ids)
