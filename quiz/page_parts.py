"""The part of the quiz page that is the same for every student of a quiz, rendered once.

Every student of a class loads the quiz page, and most of its rendering (the article, each
question's legend, word picker and choices) depends on the quiz and the page's language only, and so do the clock's messages for take.js.
Here it is rendered once per process and kept: the page then adds what is the student's
(their answers, the clock, whether the fieldsets are disabled) around the kept pieces.

The key is the quiz's stored content itself — the questions' and passages' JSON as stored,
the article's text, the quiz's language — and the interface language: a teacher's change to
any of them (or another quiz with the same article: its question ids differ) is a new key,
seen by the next student on every worker without any invalidation to send. At most
MAX_QUIZZES quizzes × languages are kept per process, the least recently used dropped first.

Only a question's PUBLIC_FIELDS (student_view.public_question) are rendered: the pieces never
hold an answer, explanation, citation, accepted answer or choice note.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import get_template_attribute
from markupsafe import Markup

from .student_view import article_passages_from, public_question

MAX_QUIZZES = 32
TEMPLATE = "pages/take/_quiz_parts.html"


@dataclass(frozen=True)
class QuestionParts:
    id: str
    written: bool                        # no choices: a text field, which the page renders
    fieldset: tuple[Markup, Markup]      # the opening tag: (answers open, disabled)
    head: Markup                         # legend and word picker
    choices: tuple[tuple[Markup, Markup], ...]   # each choice's <li>: (not checked, checked)


@dataclass(frozen=True)
class PageParts:
    article: Markup
    questions: tuple[QuestionParts, ...]
    messages: Markup                     # the clock's messages for take.js (the quiz bar's data-msg-*)


_kept: OrderedDict[tuple, PageParts] = OrderedDict()
_lock = threading.Lock()


def page_parts(language: str, questions_json: str, article_text: str, passages_json: str, locale: str) -> PageParts:
    """The kept pieces for this quiz content and interface language, rendered if not kept.
    Call inside a request whose locale is `locale` (the pieces' words are translated)."""
    key = (locale, language, questions_json, passages_json, article_text)
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    parts = _render(language, json.loads(questions_json), article_text, json.loads(passages_json), locale)
    with _lock:
        _kept[key] = parts
        while len(_kept) > MAX_QUIZZES:
            _kept.popitem(last=False)
    return parts


def clear() -> None:
    with _lock:
        _kept.clear()


def kept() -> int:
    with _lock:
        return len(_kept)


def _render(language: str, questions: list[dict], article_text: str, passages: list[dict], locale: str) -> PageParts:
    article = get_template_attribute(TEMPLATE, "article_part")
    fieldset = get_template_attribute(TEMPLATE, "fieldset_part")
    head = get_template_attribute(TEMPLATE, "head_part")
    choice = get_template_attribute(TEMPLATE, "choice_part")
    rendered = []
    for number, question in enumerate(questions, start=1):
        q = public_question(question, number)
        rendered.append(QuestionParts(
            id=q["id"], written=not q["choices"],
            fieldset=(Markup(fieldset(q, language, False)), Markup(fieldset(q, language, True))),
            head=Markup(head(q, locale)),
            choices=tuple((Markup(choice(q, index, text, False)), Markup(choice(q, index, text, True)))
                          for index, text in enumerate(q["choices"]))))
    messages = get_template_attribute("pages/take/_timer_messages.html", "timer_messages")
    return PageParts(article=Markup(article(article_passages_from(article_text, passages))),
                     questions=tuple(rendered), messages=Markup(messages(len(rendered))))
