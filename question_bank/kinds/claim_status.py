"""claim_status: "is this claim confirmed?" for the article's key claims.

The six answers are always the same, so students learn the scale, in which "who says it" and
"is it established" are separate ideas: established (a document, data, the responsible party
on the record), attributed (a named source says it: their claim), only reported (rumour,
unnamed sources, the conditional), in doubt, denied, stated by the writer without a source.
"""
from __future__ import annotations

from ..models import Claim, Question
from . import register
from .context import Context

MAX_CLAIMS = 4
CLAIM_CHARS = 160  # a longer claim is cut at a word with "…"
MAX_REASONS = 3  # cues and sources quoted in the explanation; more would drown the point
STATUSES = ["confirmed", "attributed", "unconfirmed", "disputed", "denied", "asserted"]


@register("claim_status")
def build(ctx: Context) -> list[Question]:
    return [_question(ctx, claim) for claim in ctx.findings.claims[:MAX_CLAIMS] if claim.citations]


def _question(ctx: Context, claim: Claim) -> Question:
    choices, answer = ctx.keyed_choices("choices", claim.status, STATUSES)
    return ctx.question(
        prompt=ctx.render("prompt", claim=ctx.inline(claim.text, CLAIM_CHARS)),
        choices=choices, answer=answer, status=claim.status,
        explanation=ctx.render("explanation", status=claim.status,
                               cues=_distinct(claim.cues)[:MAX_REASONS],
                               sources=_distinct(claim.sources)[:MAX_REASONS]),
        citations=[ctx.checked(c) for c in claim.citations])


def _distinct(spans: list) -> list:
    """One entry per wording: "aurait" three times says nothing more than once."""
    seen: list[str] = []
    kept = []
    for span in spans:
        key = span.text.casefold()
        if key not in seen:
            seen.append(key)
            kept.append(span)
    return kept
