"""The web app: `create_app` builds everything; nothing happens at import time."""
from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, request, session

from .config import check_production_secret, from_environment, production_hardening

ROOT = Path(__file__).resolve().parent.parent
# Scripts only from our own files (no inline script anywhere); inline styles are allowed for
# the bars of the results page and the QR code's SVG.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"),
                    ("X-Frame-Options", "DENY"), ("Content-Security-Policy", CONTENT_SECURITY_POLICY))
LANGUAGES = ("fr", "en")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, template_folder=str(ROOT / "templates"),
                static_folder="static")
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    check_production_secret(app.config)
    _check_timezone(app.config["TIMEZONE"])
    production_hardening(app.config)
    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Behind N reverse proxies, the client's address (login limits) and https come from them.
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    if app.config.get("ROUTE_CPU_LOG"):
        from .route_cpu import install

        install(app, app.config["ROUTE_CPU_LOG"])
    register_extensions(app)
    from .live_cache import SnapshotCache

    app.extensions["mlquiz_live"] = SnapshotCache(app.config["LIVE_CACHE_SECONDS"])
    register_blueprints(app)
    register_commands(app)
    if app.config.get("PRELOAD_MODELS"):
        import threading

        # In the background: the process serves students at once; a teacher's first article
        # finds the models loaded, or waits only for what is left.
        threading.Thread(target=warm_up, name="mlquiz-warm-up", daemon=True).start()
    return app


def warm_up() -> None:
    """Load both languages' models and rule packs by analysing a sentence in each."""
    from question_bank.article import article_from_text

    from .analysis_cache import analyse_alone as findings_for   # never beside a teacher's analysis

    for text in ("Le conseil municipal aurait voté le budget des écoles, selon des sources proches du dossier.",
                 "The council is said to have approved the school budget, according to people familiar with it."):
        findings_for(article_from_text(f"Warm-up\n\n{text}\n"))


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (tables must be known to migrations)
    from .extensions import babel, csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent / "migrations"))

    @app.before_request
    def larger_uploads_where_expected():
        """A bank file or a PDF may be larger than the 2 MB every other form is limited to. Set
        before the CSRF check reads the form (registered after this), or the form would be
        refused at 2 MB whatever the route allows."""
        limit = _request_limits().get(request.endpoint or "")
        if limit:
            request.max_content_length = limit

    @app.before_request
    def refuse_nul_characters():
        """A NUL character cannot be stored by PostgreSQL (a 500 on a name, an email, a text):
        no form field, query or answer may carry one; plain 400 before any query runs."""
        values = list(request.args.values())
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            values += list(request.form.values()) + [f.filename or "" for f in request.files.values()]
        if any("\x00" in value for value in values):
            from flask_babel import gettext

            return gettext("This form contains a character that cannot be stored (NUL)."), 400

    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    babel.init_app(app, locale_selector=_locale,
                   default_translation_directories=str(Path(__file__).resolve().parent / "translations"))
    from flask_babel import get_locale

    from . import i18n

    i18n.install(app)
    app.jinja_env.globals["get_locale"] = get_locale  # base.html sets <html lang> from it
    from question_bank.quoting import marks_for_script, quote_passage

    # Every citation a page shows is quoted by one helper: its own quotation marks nested.
    app.jinja_env.filters["quoted"] = quote_passage
    app.jinja_env.globals["quote_marks"] = marks_for_script
    from question_bank.kinds import KINDS
    from question_bank.kinds import label as kind_label

    # What a generated kind says about itself, in the teacher's language, from its registration.
    app.jinja_env.globals["generated_kind_label"] = lambda kind: kind_label(kind, str(get_locale()))
    app.jinja_env.globals["kind_trains"] = lambda kind: KINDS[kind].trains.get(str(get_locale()), "") if kind in KINDS else ""
    app.jinja_env.globals["generated_kind_marks_word"] = lambda kind: kind in KINDS and KINDS[kind].mark_the_word

    @login_manager.user_loader
    def load_teacher(session_id: str):
        """The teacher whose current session token the cookie holds (a logged-out one does not)."""
        teacher_id, _, token = session_id.partition(":")
        if not teacher_id.isdigit() or not token:
            return None
        teacher = db.session.get(models.Teacher, int(teacher_id))
        return teacher if teacher is not None and secrets.compare_digest(teacher.session_token, token) else None

    @app.after_request
    def security_headers(response):
        """Each header unless the view set its own. One pass over the response's headers
        (five setdefault calls scanned them five times: a tenth of an autosave's CPU)."""
        headers = response.headers
        present = {name.lower() for name in headers.keys()}
        for name, value in SECURITY_HEADERS:
            if name.lower() not in present:
                headers.add(name, value)
        if request.endpoint != "static" and "cache-control" not in present:
            # Every page is someone's: a review, results, a bank. None stays in a shared
            # computer's cache for the next student to open with the Back button.
            headers.add("Cache-Control", "no-store")
        return response


def _check_timezone(name: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise RuntimeError(f"MLQUIZ_TIMEZONE={name!r} is not a time zone (e.g. Europe/Paris, Europe/London)") from None


@lru_cache(maxsize=1)
def _request_limits() -> dict[str, int]:
    from question_bank.documents import MAX_DOCUMENT_BYTES
    from question_bank.formats import MAX_IMPORT_BYTES

    return {"bank.import_file": MAX_IMPORT_BYTES + 100_000, "compose.new_preview": MAX_DOCUMENT_BYTES + 100_000}


def _locale() -> str:
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["BABEL_DEFAULT_LOCALE"]


def register_blueprints(app: Flask) -> None:
    from .blueprints import auth, bank, compose, health, manage, printing, students, take, teach

    for blueprint in (health.bp, auth.bp, take.bp, teach.bp, students.bp, manage.bp, compose.bp, printing.bp, bank.bp):
        app.register_blueprint(blueprint)
    from flask import render_template

    from .heavy_jobs import HeavyWorkRefused

    @app.errorhandler(HeavyWorkRefused)
    def heavy_work_refused(refused: HeavyWorkRefused):
        """A preview update, a publication or a PDF asked while the teacher's heavy work is at
        its limit: a plain page saying to wait (the Back button keeps their form)."""
        return (render_template("pages/teach/busy.html", message=refused.message()), 429,
                {"Retry-After": str(refused.retry_after)})


def register_commands(app: Flask) -> None:
    from .cli_bank import bank_commands
    from .commands import attempt_commands, demo, quiz_commands, teacher_commands

    app.cli.add_command(teacher_commands)
    app.cli.add_command(quiz_commands)
    app.cli.add_command(demo)
    app.cli.add_command(attempt_commands)
    app.cli.add_command(bank_commands)
