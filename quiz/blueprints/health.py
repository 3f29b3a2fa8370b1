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
    target = request.form.get("next") or ""
    # Only a path on this site: never an open redirect.
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("take.home")
    return redirect(target)
