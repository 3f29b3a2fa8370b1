"""The worksheet and its answer key as HTML, from ``templates/worksheet/``.

The same HTML is printed by WeasyPrint (PDF) and shown by the web app's print view.
Everything is autoescaped: an article or question carrying markup prints it as text.
Labels come from ``templates/questions/<lang>/_worksheet.j2`` in the *article's*
language, whatever the language of the teacher's interface.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..article import Article
from ..models import Language
from ..quoting import quote_passage
from ..wording import TEMPLATES_DIR, labels
from .printable import key_entry, printed
from .variants import Variant

Paper = Literal["a4", "letter"]
PAGE_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class PrintedPassage:
    label: str
    kind: str
    text: str


@dataclass(frozen=True)
class Sheet:
    """What every page of one quiz's worksheet shares."""

    title: str
    language: Language
    source: str
    passages: tuple[PrintedPassage, ...]
    paper: Paper = "a4"

    @classmethod
    def of(cls, article: Article, title: str, source: str = "", paper: Paper = "a4") -> "Sheet":
        passages = tuple(PrintedPassage(p.label, p.kind, article.text[p.start:p.end].strip())
                         for p in article.passages)
        return cls(title=title or article.title, language=article.language, source=source.strip(),
                   passages=passages, paper=paper)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR / "worksheet")),
                      autoescape=select_autoescape(enabled_extensions=("html",), default=False),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    env.filters["keep_marks"] = keep_marks
    env.filters["quoted"] = quote_passage
    return env


_SPACE_BEFORE_MARK = re.compile(r"[ \t](?=[?!;:»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"(?<=«)[ \t]")


def keep_marks(text: str, language: str) -> str:
    """French text as printed: the spaces already before ? ! ; : » and after « become
    no-break spaces, so a line never starts with "?" or ends with "«". No character is
    added or removed, so quotes stay word for word."""
    if language != "fr":
        return text
    return _SPACE_AFTER_GUILLEMET.sub("\u00a0", _SPACE_BEFORE_MARK.sub("\u00a0", text))


def css_string(value: str) -> str:
    """A CSS string literal: labels go into ``content:`` of page margins."""
    return '"' + "".join(ch if ch.isalnum() or ch in " .,:;-/()" else f"\\{ord(ch):x} " for ch in value) + '"'


def sheet_body(sheet: Sheet, variant: Variant, show_version: bool) -> Markup:
    """One student's copy: header, the article with its ¶ numbers, the questions."""
    questions = [printed(n, q) for n, q in enumerate(variant.questions, 1)]
    return Markup(_environment().get_template("sheet.html").render(
        sheet=sheet, variant=variant.letter if show_version else "", questions=questions,
        labels=labels(sheet.language, "_worksheet.labels")))


def key_body(sheet: Sheet, variants: list[Variant], show_version: bool) -> Markup:
    """The answer key of every version, each on its own page(s)."""
    keys = [(v.letter if show_version else "", [key_entry(n, q) for n, q in enumerate(v.questions, 1)])
            for v in variants]
    return Markup(_environment().get_template("key.html").render(
        sheet=sheet, keys=keys, labels=labels(sheet.language, "_worksheet.labels")))


def stylesheet(sheet: Sheet) -> str:
    return _environment().get_template("worksheet.css").render(
        page_size=PAGE_SIZES[sheet.paper], labels=labels(sheet.language, "_worksheet.labels"))


def document(sheet: Sheet, body: Markup) -> str:
    """A complete HTML document around `body` (one or several sheets, or keys)."""
    return _environment().get_template("document.html").render(sheet=sheet, body=body, css=Markup(stylesheet(sheet)))
