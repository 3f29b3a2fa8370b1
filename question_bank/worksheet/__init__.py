"""Printable worksheets: the article with numbered paragraphs, the questions with boxes,
ruled lines or a sentence to circle in, and an answer key that cites the article.

``worksheet_pdf`` is the whole job (CLI and web download); ``worksheet_html`` is the same
content for the browser's print view. Neither needs Flask.
"""
from __future__ import annotations

from markupsafe import Markup

from ..article import Article
from ..models import Quiz
from .html import PAGE_SIZES, Sheet, document, key_body, sheet_body, stylesheet
from .options import PrintOptions
from .pdf import Printout, assemble, blank_page, layout
from .variants import Variant, make_variants


def worksheet_pdf(article: Article, quiz: Quiz, options: PrintOptions, source: str = "") -> Printout:
    sheet = Sheet.of(article, quiz.title, source, options.paper)
    variants = make_variants(quiz, options.variants, options.seed)
    sheets = [layout(sheet, sheet_body(sheet, v, options.show_version)) for v in variants]
    key = None if options.key == "none" else layout(sheet, key_body(sheet, variants, options.show_version))
    blank = blank_page(PAGE_SIZES[options.paper]) if options.duplex else None
    pdf, pages = assemble(sheets, options.copy_count, key if options.key == "end" else None, blank)
    return Printout(pdf=pdf, key_pdf=key.write_pdf() if options.key == "separate" else None, pages=pages)


def answer_key_pdf(article: Article, quiz: Quiz, options: PrintOptions, source: str = "") -> Printout:
    """The answer key of every version alone, for a teacher who prints it apart."""
    sheet = Sheet.of(article, quiz.title, source, options.paper)
    key = layout(sheet, key_body(sheet, make_variants(quiz, options.variants, options.seed), options.show_version))
    return Printout(pdf=key.write_pdf(), pages=len(key.pages))


def worksheet_parts(article: Article, quiz: Quiz, options: PrintOptions, source: str = "",
                    part: str = "all") -> tuple[Sheet, Markup, Markup]:
    """Stylesheet and body for one copy of each version and/or the keys (`part`: all, sheets, key)."""
    sheet = Sheet.of(article, quiz.title, source, options.paper)
    variants = make_variants(quiz, options.variants, options.seed)
    body = Markup("")
    if part in ("all", "sheets"):
        body += Markup("").join(sheet_body(sheet, v, options.show_version) for v in variants)
    if part in ("all", "key"):
        body += key_body(sheet, variants, options.show_version)
    return sheet, Markup(stylesheet(sheet)), body


def worksheet_html(article: Article, quiz: Quiz, options: PrintOptions, source: str = "", part: str = "all") -> str:
    sheet, _css, body = worksheet_parts(article, quiz, options, source, part)
    return document(sheet, body)


__all__ = ["PrintOptions", "Printout", "Sheet", "Variant", "answer_key_pdf", "make_variants", "worksheet_html",
           "worksheet_parts", "worksheet_pdf"]
