from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, session, url_for

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


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
