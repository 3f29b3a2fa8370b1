"""Teachers' question bank: browse and filter, add and edit questions citing a selected
passage, approve or retire, share with the school, build a quiz, import and export.
Only a question's owner changes it; questions shared by others are read-only and copyable."""
from __future__ import annotations

import random

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from question_bank.bank.checks import known_kinds
from question_bank.bank import problems as P
from question_bank.formats import FORMATS, MAX_IMPORT_BYTES

from .. import bank
from ..forms import quiz_settings, settings_shown, whole_number
from ..import_messages import all_shown
from ..models import BankQuestion
from ..question_form import blank, kinds_for, read, shown

bp = Blueprint("bank", __name__, url_prefix="/teach/bank")


def _now():
    return current_app.config["CLOCK"]()


def _filters(args) -> bank.Filters:
    article = whole_number(args.get("article", ""), 1, 10**9)
    status = args.get("status", "")
    return bank.Filters(article_id=article, tag=args.get("tag", "").strip(), kind=args.get("kind", ""),
                        status=status if status in bank.STATUSES else "", text=args.get("q", "")[:200])


@bp.get("/")
@login_required
def index():
    filters = _filters(request.args)
    return render_template("pages/bank/index.html", questions=bank.visible(current_user, filters), filters=filters,
                           articles=bank.articles_of(current_user), tags=bank.tags_of(current_user),
                           kinds=known_kinds(), formats=FORMATS)


def _article_or_404(article_id: int):
    record = bank.owned_article(current_user, article_id)
    if record is None:
        abort(404)
    return record


def _article_page(article, form=None, errors=None, status: int = 200):
    questions = bank.visible(current_user, bank.Filters(article_id=article.id, mine_only=True))
    return render_template("pages/bank/article.html", article=article, questions=questions,
                           tags=sorted({t.name for q in questions for t in q.tags}),
                           settings=settings_shown(form), form=form or MultiDict(), errors=errors or {}), status


@bp.get("/article/<int:article_id>")
@login_required
def article_page(article_id: int):
    return _article_page(_article_or_404(article_id))


# --- adding and editing ---------------------------------------------------------------------------

def _form_page(article, values, errors=None, record=None, status: int = 200):
    return render_template("pages/bank/question_form.html", article=article, values=values, errors=errors or {},
                           record=record, kinds=kinds_for(record)), status


@bp.get("/article/<int:article_id>/new")
@login_required
def new_question(article_id: int):
    return _form_page(_article_or_404(article_id), blank(request.args.get("kind", "multiple_choice")))[0]


@bp.post("/article/<int:article_id>/new")
@login_required
def create_question(article_id: int):
    article = _article_or_404(article_id)
    status = "approved" if request.form.get("save") == "approve" else "draft"
    if request.form.get("save") == "switch":   # the kind changed: show its fields, keep what was typed
        return _form_page(article, read(request.form, article, None, status).values)
    result = read(request.form, article, None, status)
    if result.errors:
        return _form_page(article, result.values, result.errors, status=400)
    bank.save_question(current_user, article, result.item, _now())
    flash(_("Question saved as approved.") if status == "approved" else _("Question saved as a draft."), "success")
    return redirect(url_for("bank.article_page", article_id=article.id) + "#questions")


def _editable_or_404(question_id: int) -> BankQuestion:
    record = bank.editable(current_user, question_id)
    if record is None:
        abort(404)
    return record


@bp.get("/question/<int:question_id>/edit")
@login_required
def edit_question(question_id: int):
    record = _editable_or_404(question_id)
    return _form_page(record.article, shown(record), record=record)[0]


@bp.post("/question/<int:question_id>/edit")
@login_required
def update_question(question_id: int):
    record = _editable_or_404(question_id)
    status = "approved" if request.form.get("save") == "approve" else record.status
    if request.form.get("save") == "switch":
        return _form_page(record.article, read(request.form, record.article, record, status).values, record=record)
    result = read(request.form, record.article, record, status)
    if result.errors:
        return _form_page(record.article, result.values, result.errors, record=record, status=400)
    bank.save_question(current_user, record.article, result.item, _now(), record=record)
    flash(_("Question saved. Quizzes already published keep the version they were given with."), "success")
    return redirect(url_for("bank.article_page", article_id=record.article_id) + f"#q-{record.id}")


@bp.post("/question/<int:question_id>/status")
@login_required
def change_status(question_id: int):
    record = _editable_or_404(question_id)
    status = request.form.get("status", "")
    if status not in bank.STATUSES:
        abort(400)
    try:
        bank.set_status(record, status, _now())
    except bank.BankRefused as refused:
        why = " ".join(all_shown(refused.problems)).rstrip(".") + "."
        flash(_("The question “%(prompt)s” cannot be approved: %(why)s", prompt=_short(record.prompt), why=why),
              "error")
    return redirect(_back(record))


def _short(text: str, limit: int = 80) -> str:
    """A prompt named in a message: its first words, cut at a word."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


@bp.post("/question/<int:question_id>/share")
@login_required
def share(question_id: int):
    record = _editable_or_404(question_id)
    bank.set_shared(record, request.form.get("shared") == "on", _now())
    return redirect(_back(record))


@bp.post("/question/<int:question_id>/copy")
@login_required
def copy(question_id: int):
    record = bank.readable(current_user, question_id)
    if record is None:
        abort(404)
    copied = bank.copy_for(current_user, record, _now())
    flash(_("A copy is now in your bank, as a draft: edit it as you like."), "success")
    return redirect(url_for("bank.edit_question", question_id=copied.id))


def _back(record: BankQuestion) -> str:
    target = request.form.get("next", "")
    if target.startswith("/teach/bank") and "//" not in target:
        return target
    return url_for("bank.article_page", article_id=record.article_id) + f"#q-{record.id}"


# --- a quiz from the bank -----------------------------------------------------------------------

@bp.post("/article/<int:article_id>/publish")
@login_required
def publish(article_id: int):
    article = _article_or_404(article_id)
    form = request.form
    settings, errors = quiz_settings(form)
    approved = bank.visible(current_user, bank.Filters(article_id=article.id, status="approved", mine_only=True))
    if form.get("how") == "draw":
        count = whole_number(form.get("count", ""), 1, 100)
        tagged = [q for q in approved if form.get("tag", "") in {t.name for t in q.tags}]
        if count is None:
            errors["count"] = _("Type how many questions to draw, from 1 to 100.")
        elif not tagged:
            errors["tag"] = _("No approved question of this article has this tag.")
        elif count > len(tagged):
            # A smaller quiz than asked for, published without a word, would surprise a class.
            errors["count"] = ngettext("Only %(num)d approved question has this tag: draw at most that many.",
                                       "Only %(num)d approved questions have this tag: draw at most that many.",
                                       len(tagged))
        picked = bank.draw(tagged, count or 0, random.Random()) if not errors else []
    else:
        chosen = set(form.getlist("pick"))
        picked = [q for q in approved if str(q.id) in chosen]
        if not picked:
            errors["pick"] = _("Tick at least one approved question.")
    if errors:
        return _article_page(article, form, errors, 400)
    record = bank.publish_from_bank(current_user, article, picked, _now(), **settings)
    flash(_("Quiz published. Give your students the code below."), "success")
    return redirect(url_for("teach.quiz_page", code=record.code))


# --- import and export ------------------------------------------------------------------------------

# Questions left out of an import are listed one per message, up to this many (the rest counted):
# flashed messages travel in the session cookie.
MAX_SKIPPED_SHOWN = 8


def _import_page(problems=(), filename: str = "", into: str = "", status: int = 200):
    # A plain Moodle file sent with no article chosen: the page points at the list of articles.
    needs_article = any(getattr(p, "kind", None) is P.NO_ARTICLE_IN_FILE for p in problems)
    return render_template("pages/bank/import.html", formats=FORMATS, problems=all_shown(list(problems)),
                           filename=filename, articles=bank.articles_of(current_user), into=into,
                           needs_article=needs_article), status


@bp.get("/import")
@login_required
def import_page():
    return _import_page(into=request.args.get("into", ""))[0]


@bp.errorhandler(413)
def too_large(_error):
    return _import_page([_("The file is larger than %(size)s MB: nothing was imported.",
                           size=MAX_IMPORT_BYTES // 1_000_000)], status=413)


@bp.post("/import")
@login_required
def import_file():
    # A bank file may be larger than an article: this route accepts up to the import limit
    # (set before the CSRF check reads the form: quiz/__init__.py, larger_uploads_where_expected).
    upload = request.files.get("file")
    chosen = request.form.get("into", "")
    into = None
    if chosen:                            # the teacher's article for questions that have none
        into = bank.owned_article(current_user, whole_number(chosen, 1, 10**9) or 0)
        if into is None:
            abort(404)
    if upload is None or not upload.filename:
        return _import_page([_("Choose a file to import.")], into=chosen, status=400)
    data = upload.read(MAX_IMPORT_BYTES + 1)
    try:
        imported = bank.import_file(current_user, data, upload.filename, _now(), into=into)
    except bank.BankRefused as refused:
        return _import_page(refused.problems, upload.filename, chosen, 400)
    flash(_("Imported. Questions: %(questions)s; articles: %(articles)s. Nothing was changed in your other questions.",
            questions=imported.questions, articles=imported.articles), "success")
    if imported.already:
        flash(ngettext("%(num)d question of the file was already in your bank, word for word: it was not added again.",
                       "%(num)d questions of the file were already in your bank, word for word: they were not added "
                       "again.", imported.already), "notice")
    if imported.needing_citation:
        flash(ngettext("%(num)d question is a draft waiting for its citation: edit it, select the passage of the "
                       "article that proves its answer, then approve it.",
                       "%(num)d questions are drafts waiting for their citation: edit each one, select the passage "
                       "of the article that proves its answer, then approve it.", imported.needing_citation), "notice")
    _flash_skipped(imported.skipped)
    if into is not None and imported.needing_citation:
        # Straight to the drafts waiting for their passage, not the article's whole list.
        return redirect(url_for("bank.index", article=into.id, status="draft"))
    if into is not None:
        return redirect(url_for("bank.article_page", article_id=into.id) + "#questions")
    return redirect(url_for("bank.index"))


def _flash_skipped(skipped) -> None:
    if not skipped:
        return
    flash(ngettext("%(num)d question was left out: this app cannot represent its type.",
                   "%(num)d questions were left out: this app cannot represent their type.", len(skipped)), "notice")
    for reason in all_shown(skipped[:MAX_SKIPPED_SHOWN]):
        flash(reason, "notice")
    if len(skipped) > MAX_SKIPPED_SHOWN:
        flash(_("… and %(count)s more.", count=len(skipped) - MAX_SKIPPED_SHOWN), "notice")


@bp.get("/export")
@login_required
def export():
    fmt = FORMATS.get(request.args.get("format", ""))
    if fmt is None:
        abort(400)
    filters = _filters(request.args)
    data = bank.export_file(current_user, fmt.name, tag=filters.tag, article_id=filters.article_id,
                            include_retired=request.args.get("retired") == "1")
    return Response(data, mimetype=fmt.mimetype, headers={
        "Content-Disposition": f'attachment; filename="mlquiz-bank{fmt.suffixes[0]}"', "Cache-Control": "no-store"})
