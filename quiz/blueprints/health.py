from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, session, url_for

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/help")
def help_page():
    """How to bring an article, what each kind of question trains, how a quiz runs."""
    from flask import render_template
    from flask_babel import get_locale

    from question_bank.kinds import KINDS

    language = str(get_locale())
    kinds = [{"label": kind.labels.get(language) or kind.labels.get("en", name),
              "trains": kind.trains.get(language, "")} for name, kind in KINDS.items()]
    return render_template("pages/help.html", kinds=kinds)


@bp.post("/lang")
def set_language():
    """The language switch: remembered in the session, otherwise the browser's language."""
    lang = request.form.get("lang")
    if lang in ("fr", "en"):
        session["lang"] = lang
    return redirect(_local_path(request.form.get("next") or "") or url_for("take.home"))


def _local_path(target: str) -> str | None:
    """Only a path on this site: never an open redirect. Browsers drop tabs and newlines
    and read "\\" as "/", so "/\t/evil" or "/\\evil" would leave the site."""
    if any(ord(ch) < 32 or ch == "\\" for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
