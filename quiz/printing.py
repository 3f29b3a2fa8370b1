"""Web printing: the teacher's print form checked into `PrintOptions`, and the PDF or
print-view response. Questions are the teacher's to see: every caller checks ownership."""
from __future__ import annotations

import re
from contextlib import nullcontext

from flask import Response, render_template
from flask_babel import gettext as _

from question_bank.article import Article
from question_bank.models import Quiz
from question_bank.worksheet import PrintOptions, answer_key_pdf, worksheet_parts, worksheet_pdf
from question_bank.worksheet.options import MAX_COPIES
from question_bank.worksheet.variants import MAX_VARIANTS

from .forms import whole_number

PARTS = ("all", "sheets", "key")
FORMATS = ("pdf", "html")
# The form's defaults, also what the quiz page shows before any choice.
DEFAULTS = {"paper": "a4", "variants": "1", "copies": "", "part": "all", "duplex": ""}


def options_from(form, seed: int = 0) -> tuple[PrintOptions | None, dict[str, str]]:
    """`PrintOptions` from the print form, or the messages to show next to its fields."""
    errors: dict[str, str] = {}
    paper = form.get("paper", "a4")
    if paper not in ("a4", "letter"):
        errors["paper"] = _("Choose A4 or US Letter.")
    variants = whole_number(form.get("variants") or "1", 1, MAX_VARIANTS)
    if variants is None:
        errors["variants"] = _("Type a number of versions from 1 to %(max)s.", max=MAX_VARIANTS)
    copies_raw = (form.get("copies") or "").strip()
    copies = whole_number(copies_raw, 1, MAX_COPIES) if copies_raw else None
    if copies_raw and copies is None:
        errors["copies"] = _("Type a number of copies from 1 to %(max)s, or leave it empty for one of each version.",
                             max=MAX_COPIES)
    elif copies is not None and variants is not None and copies < variants:
        errors["copies"] = _("Ask for at least one copy per version (%(count)s).", count=variants)
    if form.get("part", "all") not in PARTS:
        errors["part"] = _("Choose what to print.")
    if errors:
        return None, errors
    key = {"all": "end", "sheets": "none", "key": "end"}[form.get("part", "all")]
    return PrintOptions(paper=paper, variants=variants, copies=copies, key=key, seed=seed,
                        duplex=form.get("duplex") == "on"), {}


def deliver(article: Article, quiz: Quiz, options: PrintOptions, source: str, part: str, fmt: str,
            filename: str, back_url: str, heavy=nullcontext) -> Response:
    """The PDF as a download, or the print view in the browser. Laying out the PDF is heavy
    work (WeasyPrint, every version of a class set): it runs inside `heavy()`."""
    if fmt == "html":
        sheet, css, body = worksheet_parts(article, quiz, options, source, part)
        page = render_template("pages/teach/print.html", sheet=sheet, css=css, body=body, back_url=back_url,
                               copies=options.copy_count if part != "key" else 0, variants=options.variants)
        return Response(page, mimetype="text/html", headers={"Cache-Control": "no-store"})
    with heavy():
        if part == "key":
            data, suffix = answer_key_pdf(article, quiz, options, source).pdf, "key"
        else:
            data, suffix = worksheet_pdf(article, quiz, options, source).pdf, "worksheet"
    safe = re.sub(r"[^A-Za-z0-9-]+", "-", filename).strip("-") or "mlquiz"
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{safe}-{suffix}.pdf"',
        # The answer key is in there: no shared cache may keep it.
        "Cache-Control": "no-store"})
