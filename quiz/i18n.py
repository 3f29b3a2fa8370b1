"""The templates' gettext, with the request's translations looked up once per request.

Flask-Babel's own callables find the domain, the locale and the catalogue again for every
string (three context lookups and a locale formatted to text each time): the quiz page has
some fifty strings, and every student loads it. The locale is chosen once per request
(`quiz._locale`) and nothing here switches it mid-request, so one lookup serves them all.
"""
from __future__ import annotations

from flask import g, has_app_context
from flask_babel import get_translations


def _translations():
    if not has_app_context() or not g:
        return get_translations()      # Flask-Babel's own answer where there is no request state
    found = g.get("_mlquiz_translations")
    if found is None:
        found = g._mlquiz_translations = get_translations()
    return found


def install(app) -> None:
    """Replace the callables Flask-Babel gave Jinja (call after `babel.init_app`)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True)
