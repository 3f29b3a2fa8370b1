"""Errors a user can act on. Their message is shown as is, in plain words (the command line);
the web app picks its translated message by the error's type (quiz/article_messages.py), so
every condition a teacher should be told about apart has a type of its own."""


class ArticleError(ValueError):
    """The input cannot be read as a news article (empty, binary, too large, …)."""


class ArticleTooLarge(ArticleError):
    """More bytes than the reader accepts (article.MAX_BYTES)."""


class BinaryData(ArticleError):
    """NUL bytes or control characters: a binary file, not text."""


class NotUtf8(ArticleError):
    """Bytes that do not decode as UTF-8."""


class ArticleTooShort(ArticleError):
    """Empty, or too few letters to make questions from."""


class NoArticleText(ArticleError):
    """An HTML page in which no article text was found."""


class UnreadableDocument(ArticleError):
    """A PDF or .docx that gives no text (scanned, damaged, or not that format)."""


class ProtectedDocument(UnreadableDocument):
    """A PDF that needs a password to be read."""


class DocumentTooLarge(UnreadableDocument):
    """A document over the size or page limit (documents.MAX_DOCUMENT_BYTES, MAX_PAGES)."""


class UnsupportedLanguage(ArticleError):
    """The article is not in a language we have rules for."""


class RulePackError(ValueError):
    """A rule pack is malformed; raised at load time, never during analysis."""


class FetchError(ArticleError):
    """A pasted address could not be turned into an article's page."""


class BadAddress(FetchError):
    """Not an http(s) address, or one without a host."""


class PrivateAddress(FetchError):
    """The address leads to this server's own network (loopback, private, link-local)."""


class Unreachable(FetchError):
    """No answer: the network is unavailable, the site is down, or it took too long."""


class NotAPage(FetchError):
    """The address answers with an error, too many redirects, too much data, or not a web page."""
