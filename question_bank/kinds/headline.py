"""headline: what a question-mark headline signals (it raises a possibility it does not assert)."""
from __future__ import annotations

from ..models import Citation, Question
from . import register
from .context import Context

ANSWERS = ["possibility", "proof", "poll", "typo"]


@register("headline")
def build(ctx: Context) -> list[Question]:
    if not ctx.findings.headline_is_question:
        return []
    citation = _headline(ctx)
    if citation is None:
        return []
    choices, answer = ctx.keyed_choices("choices", "possibility", ANSWERS)
    return [ctx.question(prompt=ctx.render("prompt", headline=ctx.inline(citation.quote)),
                         choices=choices, answer=answer,
                         explanation=ctx.render("explanation"), citations=[citation])]


def _headline(ctx: Context) -> Citation | None:
    """The analysis' headline citation, else the article's title passage."""
    if ctx.findings.headline is not None:
        return ctx.checked(ctx.findings.headline)
    title = ctx.article.passages[0]
    return ctx.cite(title.start, title.end) if title.kind == "title" else None
