"""Errors a user can act on. Their message is shown as is, in plain words."""


class ArticleError(ValueError):
    """The input cannot be read as a news article (empty, binary, too large, …)."""


class UnsupportedLanguage(ArticleError):
    """The article is not in a language we have rules for."""


class RulePackError(ValueError):
    """A rule pack is malformed; raised at load time, never during analysis."""
