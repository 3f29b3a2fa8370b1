"""Errors a user can act on. Their message is shown as is, in plain words."""


class ArticleError(ValueError):
    """The input cannot be read as a news article (empty, binary, too large, …)."""


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
