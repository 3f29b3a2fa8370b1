"""headline_body: does the headline say more than the article?

Asked when the analysis found that the headline states as fact what the body only hedges
or relays (findings.headline_overstates), citing the headline and the hedged passage; the
explanation names the words of the body that hold back.
"""
from __future__ import annotations

from ..models import Question
from ..readable import balanced
from . import register
from ._text import unique
from .context import Context

ANSWERS = ["overstates", "same", "weaker", "other_topic"]
MAX_WORDS = 3
DOUBT = ("conditional", "rumour", "unnamed_source", "hedge", "uncertainty")


@register("headline_body", priority=2, labels={"fr": "Le titre et l'article", "en": "Headline and article"},
          trains={"fr": "comparer ce qu'affirme le titre et ce qu'établit l'article",
                  "en": "comparing what the headline states with what the article establishes"},
          scope="article", min_confidence=0.7, headline_form=True)
def build(ctx: Context) -> list[Question]:
    findings = ctx.findings
    if not findings.headline_overstates or not findings.headline_evidence or findings.headline is None:
        return []
    headline = ctx.checked(findings.headline)
    evidence = [ctx.checked(c) for c in findings.headline_evidence]
    cues = [c for c in findings.cues if c.type in DOUBT and any(e.start <= c.start < e.end for e in evidence)]
    relays = [s for s in findings.sources if s.kind in ("other_media", "anonymous")
              and any(e.start <= s.start < e.end for e in evidence)]
    choices, answer = ctx.keyed_choices("choices", "overstates", ANSWERS)
    return [ctx.question(prompt=ctx.render("prompt", headline=ctx.inline(headline.quote)),
                         choices=choices, answer=answer,
                         explanation=ctx.render("explanation", passage=evidence[0].passage,
                                                words=unique([c.text for c in cues] + [balanced(s.text) for s in relays],
                                                             limit=MAX_WORDS)),
                         citations=[headline, *evidence], confidence=findings.headline_overstates_confidence)]
