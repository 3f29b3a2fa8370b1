"""disclosure: what the publisher says about how the piece was made (AI use, sponsorship…).

One question per kind of disclosure; the answer is always "yes, it says so", and the
explanation says why knowing it matters.
"""
from __future__ import annotations

from ..models import Disclosure, Question
from . import register
from .context import Context

ANSWERS = ["yes", "no", "silent"]
QUOTE_CHARS = 300


@register("disclosure", priority=11, labels={"fr": "Transparence de l'éditeur", "en": "Disclosure"},
           trains={"fr": "lire ce que l'éditeur dit de la fabrication du texte", "en": "reading what the publisher says about how the piece was made"}, scope="article")
def build(ctx: Context) -> list[Question]:
    first_of_kind: dict[str, Disclosure] = {}
    for disclosure in ctx.findings.disclosures:
        first_of_kind.setdefault(disclosure.kind, disclosure)
    return [_question(ctx, d) for d in first_of_kind.values()]


def _question(ctx: Context, disclosure: Disclosure) -> Question:
    choices, answer = ctx.keyed_choices("choices", "yes", ANSWERS)
    return ctx.question(prompt=ctx.labels("prompts")[disclosure.kind], choices=choices, answer=answer,
                        explanation=ctx.render("explanation", kind=disclosure.kind,
                                               quote=ctx.inline(disclosure.text, QUOTE_CHARS)),
                        citations=[ctx.cite(disclosure.start, disclosure.end)], confidence=0.9)
