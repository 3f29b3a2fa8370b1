"""Each reason an article cannot be read is raised as its own type, where it is detected:
the web app chooses its message by type (quiz/article_messages.py), the command line prints
the error's own sentence, which stays as it was."""
from __future__ import annotations

import io

import pytest

from question_bank.article import MAX_BYTES, article_from_bytes, article_from_text
from question_bank.documents import MAX_PAGES, text_of_document
from question_bank.errors import (
    ArticleError, ArticleTooLarge, ArticleTooShort, BinaryData, DocumentTooLarge, NoArticleText, NotUtf8,
    ProtectedDocument, UnreadableDocument, UnsupportedLanguage,
)

FRENCH = ("Le quai nord du port de Brévannes fermera le 1er juin, a annoncé mardi la chambre de commerce. "
          "Selon des sources syndicales, une quarantaine d'emplois seraient menacés par cette décision.\n")


def blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    """A real PDF of blank pages (no text), optionally protected by a password."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("read, kind, says", [
    (lambda: article_from_bytes(b"a" * (MAX_BYTES + 1)), ArticleTooLarge, "larger than 1 MB"),
    (lambda: article_from_text("é" * (MAX_BYTES // 2 + 1)), ArticleTooLarge, "larger than 1 MB"),
    (lambda: article_from_bytes(b"abc\x00def" * 20), BinaryData, "binary file"),
    (lambda: article_from_text(FRENCH + "\x01\x02\x03" * 20), BinaryData, "binary file"),
    (lambda: article_from_bytes(FRENCH.encode("latin-1")), NotUtf8, "not UTF-8 text"),
    (lambda: article_from_text("Un mot."), ArticleTooShort, "empty or too short"),
    (lambda: article_from_bytes(b"<!doctype html><html><body></body></html>"), NoArticleText, "HTML page"),
    (lambda: text_of_document(b"%PDF" + b"x" * 10_000_001, "big.pdf"), DocumentTooLarge, "larger than 10 MB"),
    (lambda: text_of_document(blank_pdf(pages=MAX_PAGES + 1), "book.pdf"), DocumentTooLarge, f"more than {MAX_PAGES} pages"),
    (lambda: text_of_document(blank_pdf(password="secret"), "locked.pdf"), ProtectedDocument, "password"),
    (lambda: text_of_document(b"%PDF-1.7 not really", "scan.pdf"), UnreadableDocument, "could not be read as a PDF"),
    (lambda: text_of_document(blank_pdf(), "blank.pdf"), UnreadableDocument, "no text could be read"),
    (lambda: text_of_document(b"not a zip", "letter.docx"), UnreadableDocument, "Word document"),
])
def test_each_condition_raises_its_own_type_with_its_sentence(read, kind, says):
    with pytest.raises(kind) as raised:
        read()
    assert says in str(raised.value)
    assert isinstance(raised.value, ArticleError)


def test_a_document_that_is_only_unreadable_is_neither_protected_nor_too_large():
    with pytest.raises(UnreadableDocument) as raised:
        text_of_document(b"%PDF-1.7 not really", "scan.pdf")
    assert type(raised.value) is UnreadableDocument


def test_the_language_check_keeps_its_type():
    german = ("Nach Angaben aus dem Rathaus braucht das städtische Schwimmbad dringend ein neues Dach. "
              "Die Schließung könnte mehrere Monate dauern, sagen die Schwimmvereine der Stadt.\n")
    with pytest.raises(UnsupportedLanguage):
        article_from_text(german * 3)
