"""Teachers make a quiz: paste, upload or pick an article → the preview (every generated
question with its key and citations) → publish the questions they keep, with the quiz's
settings. Publishing also puts the article and every generated question in their bank.
"""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from question_bank.errors import ArticleError
from question_bank.documents import MAX_DOCUMENT_BYTES, UnreadableDocument, is_document, text_of_document
from question_bank.fetch import fetch_page, looks_like_address, public_only
from question_bank.paste import clean_pasted_bytes
from question_bank.service import SAMPLE_SOURCES, sample_path

from .. import bank
from ..article_messages import article_message
from ..heavy_jobs import HeavyWorkRefused, for_current_teacher
from ..forms import quiz_settings, settings_shown
from ..preview_form import PreviewOptions, apply_edits, options_from
from ..printing import DEFAULTS as PRINT_DEFAULTS
from ..publishing import MAX_SOURCE, compose_preview, publish

bp = Blueprint("compose", __name__, url_prefix="/teach")

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


def _now():
    return current_app.config["CLOCK"]()


def _new_form(text: str = "", error: str | None = None, error_field: str = "text", status: int = 200):
    # A pasted address is typed in the text field: its errors are shown there.
    error_field = "text" if error_field == "url" else error_field
    return render_template("pages/teach/new.html", text=text, error=error, error_field=error_field), status


@bp.errorhandler(413)
def too_large(_error):
    """A paste or upload over the app's request size limit: the plain message, not a bare 413 page."""
    return _new_form("", _("The file or the text is too large (more than 10 MB for a document, 1 MB for a text): give only the article itself."), "text", 413)


@bp.get("/new")
@login_required
def new():
    return _new_form()[0]


@bp.post("/new")
@login_required
def new_preview():
    text = request.form.get("text") or ""
    sample = request.form.get("sample")
    upload = request.files.get("file")
    if sample:
        if sample not in ("fr", "en"):
            abort(400)
        data = sample_path(sample).read_bytes()
        field, source = "sample", SAMPLE_SOURCES[sample]
    elif upload is not None and upload.filename:
        if not upload.filename.lower().endswith(UPLOAD_SUFFIXES):
            return _new_form(text, _("Upload a .txt file, a saved web page (.html), a PDF or a Word document (.docx)."),
                             "file", 400)
        data = upload.read(MAX_DOCUMENT_BYTES + 1)
        field, source = "file", upload.filename
        if is_document(upload.filename):
            try:
                data = text_of_document(data, upload.filename).encode("utf-8")
            except UnreadableDocument as error:
                return _new_form(text, article_message(error), "file", 400)
    elif looks_like_address(text):
        try:
            data = fetch_page(text.strip(), allowed=_fetch_allowed(), timeout=current_app.config["FETCH_TIMEOUT"])
        except ArticleError as error:
            return _new_form(text, article_message(error), "text", 400)
        field, source = "url", text.strip()
    elif text.strip():
        data = _normalise_newlines(text).encode("utf-8")
        field, source = "text", ""
    else:
        return _new_form(text, _("Paste the article's text, upload a file, or use the sample article."), "text", 400)
    try:
        # A copy from a news site comes with the page's furniture: the teacher sees what was dropped.
        data, dropped = clean_pasted_bytes(data) if field in ("text", "file") else (data, ())
        article, generated, available = compose_preview(data, _now(), heavy=for_current_teacher("analysis"))
    except ArticleError as error:   # (a new random seed, carried by the page)
        return _new_form(text, article_message(error), field, 400)
    except HeavyWorkRefused as refused:   # the text stays in the form, to send again
        body, status = _new_form(text, refused.message(), field, 429)
        return body, status, {"Retry-After": str(refused.retry_after)}
    if not generated.questions:
        return _new_form(text, _("No questions could be made from this article. Try a longer news article."), field, 400)
    return preview_page(article, generated, data, seed=generated.seed, source=article.describe_source() or source,
                        available=available, dropped=dropped)


def _fetch_allowed():
    """Which addresses the server may read a page from: public ones only, unless the
    configuration lets it read its own network too (tests serve pages on loopback)."""
    return (lambda address: True) if current_app.config.get("FETCH_ALLOW_PRIVATE") else public_only


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def preview_page(article, generated, data: bytes, seed: int, form=None, errors=None, status: int = 200,
                 source: str = "", print_errors=None, options: PreviewOptions | None = None, edit_errors=None,
                 available=None, dropped: tuple[str, ...] = ()):
    """The article with its numbered passages, every question with its key (editable), the
    choice of kinds and counts, the print and publish forms."""
    passages = [{"label": p.label, "kind": p.kind, "text": article.text[p.start:p.end]} for p in article.passages]
    keep = None
    if form is not None:
        # Ticked on the page, and any question the page did not show yet (a replacement) is kept.
        shown_before = set(form.getlist("shown"))
        keep = set(form.getlist("keep")) | {q.id for q in generated.questions if shown_before and q.id not in shown_before}
    settings = {**settings_shown(form), "source": source if form is None else form.get("source", "")}
    print_form = PRINT_DEFAULTS if form is None else {key: form.get(key, value) for key, value in PRINT_DEFAULTS.items()}
    options = options or PreviewOptions()
    shown_counts = {}
    for q in generated.questions:
        shown_counts[q.kind] = shown_counts.get(q.kind, 0) + 1
    return render_template("pages/teach/preview.html", article=article, passages=passages,
                           title=generated.title or article.title, questions=generated.questions,
                           keep=keep, settings=settings, errors=errors or {}, print_form=print_form,
                           print_errors=print_errors or {}, edit_errors=edit_errors or {}, form=form or {},
                           available=available or {}, counts=options.counts or shown_counts,
                           exclude=sorted(options.exclude), few=len(generated.questions) < FEW_QUESTIONS,
                           article_data=base64.b64encode(data).decode("ascii"), seed=seed, dropped=dropped), status


# Fewer than this and the preview says the article supports few questions.
FEW_QUESTIONS = 5


def preview_form_article(form) -> tuple[bytes, int]:
    """The article bytes and seed the preview page carries in hidden fields (400 if forged)."""
    try:
        data = base64.b64decode(form.get("article_data", ""), validate=True)
        seed = int(form.get("seed", "0"))
    except (binascii.Error, ValueError):
        abort(400)
    if not data:
        abort(400)
    return data, seed


@dataclass(frozen=True)
class PreviewAgain:
    data: bytes
    seed: int
    article: object
    quiz: object
    options: PreviewOptions
    edit_errors: dict
    available: dict


def preview_again(form) -> PreviewAgain:
    """The preview page's quiz made again from its hidden fields and the teacher's choices and
    edits. Raises ArticleError as the first preview would have."""
    data, seed = preview_form_article(form)
    options = options_from(form)
    article, generated, available = compose_preview(data, _now(), seed=seed, counts=options.counts,
                                                    exclude=options.exclude, heavy=for_current_teacher("analysis"))
    edited = apply_edits(generated, form)
    return PreviewAgain(data, seed, article, edited.quiz, options, edited.errors, available)


def page_again(again: PreviewAgain, form, **extra):
    return preview_page(again.article, again.quiz, again.data, again.seed, form=form, options=again.options,
                        edit_errors=again.edit_errors, available=again.available, **extra)


@bp.post("/preview")
@login_required
def refresh_preview():
    """The preview again with the teacher's kinds and counts, or with a question replaced."""
    try:
        again = preview_again(request.form)
    except ArticleError as error:
        return _new_form("", article_message(error), "text", 400)
    return page_again(again, request.form, source=request.form.get("source", ""))


@bp.post("/publish")
@login_required
def publish_quiz():
    form = request.form
    try:
        again = preview_again(form)
    except ArticleError as error:
        return _new_form("", article_message(error), "text", 400)
    article, generated = again.article, again.quiz

    errors = {}
    if again.edit_errors:
        errors["edits"] = _("Some edited questions need fixing: see the messages next to them.")
    keep = [qid for qid in form.getlist("keep") if any(q.id == qid for q in generated.questions)]
    if not keep:
        errors["keep"] = _("Keep at least one question.")
    settings, setting_errors = quiz_settings(form)
    errors.update(setting_errors)
    source = " ".join((form.get("source") or "").split())
    if len(source) > MAX_SOURCE:
        errors["source"] = _("Shorten the source to %(max)s characters.", max=MAX_SOURCE)
    if errors:
        return page_again(again, form, errors=errors, status=400)

    now = _now()
    # The bank keeps every generated question: the kept ones approved, the others as drafts.
    article_record = bank.store_article(current_user, article, now, source=source)
    bank.store_generated(current_user, article_record, generated.questions, set(keep), now)
    record = publish(current_user, article, generated, keep, now, source=source, **settings)
    flash(_("Quiz published. Give your students the code below."), "success")
    return redirect(url_for("teach.quiz_page", code=record.code))
