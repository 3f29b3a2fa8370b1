"""An article uploaded as a PDF or a Word document (.docx) → its text, with maintained
libraries (pypdf, python-docx). The text then goes through the same reader as a paste: a
newspaper's PDF or a teacher's document comes with page furniture and hard line breaks too.
A document larger than MAX_DOCUMENT_BYTES, or with more than MAX_PAGES pages, is refused:
extraction time grows with both."""
from __future__ import annotations

import io
import re
import zipfile

from .errors import DocumentTooLarge, ProtectedDocument, UnreadableDocument

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_PAGES", "UnreadableDocument", "is_document", "text_of_document"]

MAX_DOCUMENT_BYTES = 10_000_000
MAX_PAGES = 40
SUFFIXES = (".pdf", ".docx")


def is_document(filename: str) -> bool:
    return filename.lower().endswith(SUFFIXES)


def text_of_document(data: bytes, filename: str) -> str:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(f"the document is larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB")
    text = _pdf_text(data) if filename.lower().endswith(".pdf") else _docx_text(data)
    if sum(ch.isalpha() for ch in text) < 40:
        raise UnreadableDocument("no text could be read from this document (a scan or an image has no text to read)")
    return text


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ProtectedDocument("this PDF is protected by a password: save an unprotected copy")
        if len(reader.pages) > MAX_PAGES:
            raise DocumentTooLarge(f"the PDF has more than {MAX_PAGES} pages: upload only the article")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise   # a ValueError too: the clause below would hide why the PDF cannot be read
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise UnreadableDocument("this file could not be read as a PDF") from error
    return _unwrap("\n\n".join(pages))


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument("this file could not be read as a Word document (.docx)") from error
    return "\n".join(p.text for p in document.paragraphs if p.text.strip()) + "\n"


def _unwrap(text: str) -> str:
    """A PDF's lines end where the page's column did. A line as wide as the column that does
    not end a sentence runs on into the next (a short line is a title or a paragraph's end);
    a word hyphenated across lines ("transfor-\\nmation") is joined. Blank lines stay breaks."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    lines = [line.strip() for line in text.split("\n")]
    widths = sorted(len(line) for line in lines if len(line) > 20)
    column = widths[len(widths) // 2] if widths else 0
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        runs_on = previous and line and not previous.endswith((".", "!", "?", "»", '"', "”", ":")) and (
            line[:1].islower() or len(previous) >= 0.75 * column)
        if runs_on:
            out[-1] = previous + " " + line
        else:
            out.append(line)
    return "\n".join(out).strip() + "\n"
