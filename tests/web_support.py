"""Helpers for the web tests: a real app on a real SQLite file built by the real Alembic
migration, a clock the tests move by hand, and a tiny HTML form reader so the tests
fill in the pages' own forms (hidden fields included) the way a browser would.

Nothing here mocks the app: requests go through Flask's test client (or a real server,
for the browser tests) and the database is the one the migration creates.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from werkzeug.security import generate_password_hash

from question_bank.service import sample_path
from databases import app_database

START = datetime(2026, 3, 2, 9, 0, 0)
TEACHER_EMAIL = "prof@example.org"
TEACHER_PASSWORD = "correct horse battery"


class FakeClock:
    """`app.config["CLOCK"]`: naive UTC, moved only by the test."""

    def __init__(self, now: datetime = START):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def make_app(tmp_path: Path, clock=None, csrf: bool = False, **extra):
    """The real app on its own database (tests/databases.py), schema created by `flask_migrate.upgrade()`."""
    from flask_migrate import upgrade

    from quiz import create_app

    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-" + tmp_path.name,
        **app_database(tmp_path),
        "WTF_CSRF_ENABLED": csrf,
        "RATELIMIT_ENABLED": False,
    }
    if clock is not None:
        config["CLOCK"] = clock
    config.update(extra)
    app = create_app(config)
    with app.app_context():
        upgrade()
    return app


def create_teacher(app, email: str = TEACHER_EMAIL, password: str = TEACHER_PASSWORD):
    from quiz.extensions import db
    from quiz.models import Teacher

    with app.app_context():
        teacher = Teacher(email=email, password_hash=generate_password_hash(password),
                          created_at=app.config["CLOCK"]())
        db.session.add(teacher)
        db.session.commit()
        return teacher.id


@functools.lru_cache(maxsize=8)
def preview_of(data: bytes):
    """(Article, Quiz) for these bytes with seed 0 (the web app draws a random seed; tests that
    publish directly want to know the quiz); cached because spaCy analysis takes a while."""
    from quiz.publishing import preview

    return preview(data, seed=0)


def sample_bytes(language: str = "fr") -> bytes:
    return sample_path(language).read_bytes()


def publish_direct(app, owner_email: str = TEACHER_EMAIL, data: bytes | None = None, keep=None, **settings) -> str:
    """Publish through quiz.publishing (not the teacher pages); returns the join code."""
    from quiz.extensions import db
    from quiz.models import Teacher
    from quiz.publishing import publish

    article, quiz = preview_of(data if data is not None else sample_bytes("fr"))
    with app.app_context():
        owner = db.session.execute(db.select(Teacher).filter_by(email=owner_email)).scalar_one()
        record = publish(owner, article, quiz, keep, app.config["CLOCK"](), **settings)
        return record.code


def stored_quiz(app, code: str) -> dict:
    """The published quiz as stored (answer keys included), detached from the session."""
    from quiz.publishing import by_code

    with app.app_context():
        quiz = by_code(code)
        assert quiz is not None, code
        return {"id": quiz.id, "code": quiz.code, "questions": list(quiz.questions),
                "article_text": quiz.article_text, "passages": list(quiz.passages),
                "time_limit_seconds": quiz.time_limit_seconds, "on_expiry": quiz.on_expiry,
                "grace_seconds": quiz.grace_seconds, "review_policy": quiz.review_policy, "title": quiz.title}


def stored_attempts(app, code: str) -> list[dict]:
    from quiz.extensions import db
    from quiz.models import Attempt
    from quiz.publishing import by_code

    with app.app_context():
        quiz = by_code(code)
        attempts = db.session.execute(db.select(Attempt).filter_by(quiz_id=quiz.id).order_by(Attempt.id)).scalars()
        return [{"id": a.id, "name": a.student_name, "token": a.token, "started_at": a.started_at,
                 "submitted_at": a.submitted_at, "auto_submitted": a.auto_submitted, "score": a.score,
                 "extra_multiplier": a.extra_multiplier, "extra_seconds": a.extra_seconds, "unlimited": a.unlimited,
                 "answers": {x.question_id: list(x.choices) for x in a.answers}}
                for a in attempts]


# --- reading pages -------------------------------------------------------------------

@dataclass
class Form:
    action: str
    method: str
    fields: list[dict] = field(default_factory=list)   # {tag, type, name, value, checked, options}
    buttons: list[dict] = field(default_factory=list)  # submit buttons: {name, value}

    def names(self) -> set[str]:
        return {f["name"] for f in self.fields if f.get("name")}

    def values(self, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """What a browser sends with no button pressed: checked boxes, selected options, text."""
        out = []
        for f in self.fields:
            name = f.get("name")
            if not name or name in skip or f.get("disabled"):
                continue
            kind = f.get("type", "text")
            if f["tag"] == "input" and kind in ("checkbox", "radio"):
                if f.get("checked"):
                    out.append((name, f.get("value", "on")))
            elif f["tag"] == "input" and kind in ("submit", "button", "image", "reset", "file"):
                continue
            elif f["tag"] == "select":
                options = f.get("options", [])
                chosen = [o for o in options if o.get("selected")] or options[:1]
                out.extend((name, o["value"]) for o in chosen)
            else:
                out.append((name, f.get("value", "")))
        return out


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: dict | None = None
        self.option: dict | None = None
        self.textarea: dict | None = None
        self.button: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.current = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self.current)
        if self.current is None:
            return
        if tag == "input":
            entry = {"tag": "input", "type": a.get("type", "text").lower(), "name": a.get("name"),
                     "value": a.get("value", "on" if a.get("type") in ("checkbox", "radio") else ""),
                     "checked": "checked" in a, "disabled": "disabled" in a, "attrs": a}
            self.current.fields.append(entry)
            if entry["type"] in ("submit", "image"):
                self.current.buttons.append({"name": a.get("name"), "value": a.get("value", "")})
        elif tag == "button":
            if a.get("type", "submit").lower() == "submit":
                self.current.buttons.append({"name": a.get("name"), "value": a.get("value", ""),
                                             "formaction": a.get("formaction"), "text": ""})
                self.button = self.current.buttons[-1]
        elif tag == "select":
            self.select = {"tag": "select", "name": a.get("name"), "options": [], "attrs": a,
                           "disabled": "disabled" in a}
            self.current.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            self.option = {"value": a.get("value"), "selected": "selected" in a, "text": ""}
            self.select["options"].append(self.option)
        elif tag == "textarea":
            self.textarea = {"tag": "textarea", "name": a.get("name"), "value": "", "attrs": a,
                             "disabled": "disabled" in a}
            self.current.fields.append(self.textarea)

    def handle_data(self, data):
        if self.button is not None:
            self.button["text"] += data
        if self.option is not None:
            self.option["text"] += data
            if self.option["value"] is None:
                self.option["value_from_text"] = True
        if self.textarea is not None:
            self.textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "button":
            self.button = None
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "option" and self.option is not None:
            if self.option["value"] is None:
                self.option["value"] = self.option["text"].strip()
            self.option = None
        elif tag == "textarea":
            self.textarea = None


def forms_in(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def form_posting_to(html: str, path_fragment: str) -> Form:
    found = [f for f in forms_in(html) if path_fragment in f.action]
    assert found, f"no form posting to {path_fragment!r}; forms: {[f.action for f in forms_in(html)]}"
    return found[0]


def csrf_token_in(html: str) -> str:
    m = re.search(r'<meta\s+name="csrf-token"\s+content="([^"]+)"', html)
    assert m, "no <meta name=\"csrf-token\"> on the page"
    return m.group(1)


def path_of(location: str) -> str:
    return urlsplit(location).path


def field_named(form: Form, *patterns: str) -> dict | None:
    """The first field whose name matches any regex pattern (names are the pages' choice)."""
    for pattern in patterns:
        for f in form.fields:
            if f.get("name") and re.search(pattern, f["name"]):
                return f
    return None
