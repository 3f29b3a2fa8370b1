"""Teachers print a quiz: a PDF (WeasyPrint) or a print view, from a published quiz or
from the preview before publishing. Answer keys are in there, so: owners only."""
from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from question_bank.errors import ArticleError

from ..heavy_jobs import for_current_teacher
from ..printing import FORMATS, deliver, options_from
from ..publishing import article_of, quiz_of
from .compose import page_again, preview_again
from .teach import owned_quiz_or_404, quiz_page_with

bp = Blueprint("printing", __name__, url_prefix="/teach")


@bp.get("/quiz/<code>/worksheet")
@login_required
def published(code: str):
    record = owned_quiz_or_404(code)
    options, errors = options_from(request.args)
    if errors:
        return quiz_page_with(record, print_form=request.args, print_errors=errors, status=400)
    return deliver(article_of(record), quiz_of(record), options, record.source, request.args.get("part", "all"),
                   _format(request.args), filename=f"mlquiz-{record.code}",
                   back_url=url_for("teach.quiz_page", code=record.code), heavy=for_current_teacher("print"))


@bp.post("/preview/worksheet")
@login_required
def from_preview():
    """The questions ticked on the preview page, printed before (or without) publishing."""
    form = request.form
    try:
        again = preview_again(form)
    except ArticleError:
        abort(400)  # the bytes came from our own preview page: only a forged form gets here
    article, generated = again.article, again.quiz
    kept = [q for q in generated.questions if q.id in form.getlist("keep")]
    options, errors = options_from(form, seed=again.seed)
    if not kept:
        errors["keep"] = _("Keep at least one question.")
    if errors or again.edit_errors:
        return page_again(again, form, status=400, print_errors=errors,
                          errors={"keep": errors["keep"]} if "keep" in errors else None)
    quiz = generated.model_copy(update={"questions": kept})
    return deliver(article, quiz, options, (form.get("source") or "").strip()[:300], form.get("part", "all"),
                   _format(form), filename="mlquiz-preview", back_url=url_for("compose.new"),
                   heavy=for_current_teacher("print"))


def _format(form) -> str:
    fmt = form.get("format", "pdf")
    if fmt not in FORMATS:
        abort(400)
    return fmt
