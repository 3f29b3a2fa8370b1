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
CLAIM_CHARS = 320  # a longer claim is not asked about: it is never cut
MAX_REASONS = 3  # cues and sources quoted in the explanation; more would drown the point
STATUSES = ["confirmed", "attributed", "unconfirmed", "disputed", "denied", "asserted"]


@register("claim_status", priority=1, labels={"fr": "Est-ce établi ?", "en": "Is it established?"},
           trains={"fr": "distinguer ce qui est établi de ce qui est rapporté, attribué, démenti", "en": "telling what is established from what is reported, attributed or denied"}, min_confidence=0.75)
def build(ctx: Context) -> list[Question]:
    sure = [c for c in ctx.findings.claims if c.citations and len(c.text) <= CLAIM_CHARS]
    return [_question(ctx, claim) for claim in sure[:MAX_CLAIMS]]


def _question(ctx: Context, claim: Claim) -> Question:
    choices, answer = ctx.keyed_choices("choices", claim.status, STATUSES)
    # Sources that tell something (not a rumour word standing for one), named in the explanation.
    speakers = [s for s in claim.sources if s.rule.endswith(".source.attribution") or s.kind != "anonymous"]
    return ctx.question(
        prompt=ctx.render("prompt", claim=ctx.inline(claim.text)),
        choices=choices, answer=answer, status=claim.status,
        explanation=ctx.render("explanation", status=claim.status,
                               cues=_distinct(claim.cues)[:MAX_REASONS],
                               sources=_distinct(speakers)[:MAX_REASONS]),
        citations=[ctx.checked(c) for c in claim.citations], confidence=claim.confidence)


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
