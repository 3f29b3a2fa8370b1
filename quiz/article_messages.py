"""The plain message a teacher reads for an article the app cannot use, in the page's language.

One entry per error type (question_bank/errors.py, quiz/analysis_cache.py): an error gets the
message of the most specific of its types that has one, so a new condition is a new type
raised where it is detected and one line here, never a test on the error's English text.
An ArticleError of no listed type (a spaCy model missing, a lone surrogate) shows its own text.
"""
from __future__ import annotations

from typing import Callable

from flask_babel import gettext as _

from question_bank.errors import (
    ArticleError, ArticleTooLarge, ArticleTooShort, BadAddress, BinaryData, DocumentTooLarge, NoArticleText,
    NotAPage, NotUtf8, PrivateAddress, ProtectedDocument, Unreachable, UnreadableDocument, UnsupportedLanguage,
)

from .analysis_cache import ArticleTooLong

# Functions, not strings: gettext must run in the request, in the teacher's language.
MESSAGES: dict[type[ArticleError], Callable[[], str]] = {
    PrivateAddress: lambda: _("This address leads to a private network, which the server does not read. Paste the article's text instead."),
    BadAddress: lambda: _("Only http:// and https:// addresses of a web page can be read."),
    Unreachable: lambda: _("The page could not be fetched: the network may be unavailable from the server, or the site is down or too slow. Paste the article's text instead."),
    NotAPage: lambda: _("This address does not give a web page the app can read (an error, too many redirections, too large, or not a page). Paste the article's text instead."),
    ArticleTooLong: lambda: _("The article is very long (more than 200,000 characters): give only the article, or the part of it you want to work on."),
    ProtectedDocument: lambda: _("This PDF is protected by a password: save an unprotected copy and upload it again."),
    DocumentTooLarge: lambda: _("This document is too long: upload only the article (at most 40 pages, 10 MB)."),
    UnreadableDocument: lambda: _("No text could be read from this document (a scan or an image has no text): paste the article's text instead."),
    UnsupportedLanguage: lambda: _("This article does not seem to be in French or English, the two languages supported."),
    ArticleTooLarge: lambda: _("The article is too long (more than 1 MB): paste only the article itself."),
    BinaryData: lambda: _("This looks like a binary file, not an article: paste the text or upload a .txt or saved .html page."),
    NotUtf8: lambda: _("This file is not UTF-8 text: save it as UTF-8 and upload it again, or paste its text."),
    ArticleTooShort: lambda: _("The article is empty or too short to make questions from."),
    NoArticleText: lambda: _("No article text could be found in this HTML page."),
}


def article_message(error: ArticleError) -> str:
    for kind in type(error).__mro__:
        message = MESSAGES.get(kind)
        if message is not None:
            return message()
    text = str(error)
    return text[:1].upper() + text[1:]
