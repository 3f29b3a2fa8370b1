"""headline: what a question-mark headline signals (it raises a possibility it does not assert)."""
from __future__ import annotations

from ..models import Citation, Question
from . import register
from .context import Context

ANSWERS = ["possibility", "proof", "poll", "reader"]


@register("headline", priority=9, labels={"fr": "Titre en question", "en": "Question headline"},
           trains={"fr": "lire un titre interrogatif", "en": "reading a question headline"}, scope="article",
          headline_form=True)
def build(ctx: Context) -> list[Question]:
    # A fact-check answers its question headline and an interview's "why…?" is the
    # interviewer's: what a question headline signals in a report does not apply to them.
    if not ctx.findings.headline_is_question or ctx.findings.genre in ("fact_check", "interview"):
        return []
    citation = _headline(ctx)
    if citation is None:
        return []
    choices, answer = ctx.keyed_choices("choices", "possibility", ANSWERS)
    return [ctx.question(prompt=ctx.render("prompt", headline=ctx.inline(citation.quote)),
                         choices=choices, answer=answer,
                         explanation=ctx.render("explanation"), citations=[citation], confidence=0.9)]


def _headline(ctx: Context) -> Citation | None:
    """The analysis' headline citation, else the article's title passage."""
    if ctx.findings.headline is not None:
        return ctx.checked(ctx.findings.headline)
    title = ctx.article.passages[0]
    return ctx.cite(title.start, title.end) if title.kind == "title" else None
