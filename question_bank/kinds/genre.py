"""genre: what kind of text is this, and what does that mean for how to read it?

A report relays facts and others' words; an opinion piece argues; an interview gives one
person's answers; a fact-check weighs a claim and gives a verdict; satire is not news at
all. Asked only when the analysis is sure of the genre (findings.genre_confidence).
"""
from __future__ import annotations

from ..models import Question
from . import register
from .context import Context

GENRES = ["report", "opinion", "interview", "fact_check", "satire"]


@register("genre", priority=6, labels={"fr": "Genre du texte", "en": "Kind of text"},
          trains={"fr": "reconnaître une information, une tribune, un entretien, une vérification",
                  "en": "telling a report from an opinion piece, an interview or a fact-check"},
          scope="article", min_confidence=0.75)
def build(ctx: Context) -> list[Question]:
    findings = ctx.findings
    if findings.headline is None:
        return []
    # The headline, and the passage whose label says the genre ("Tribune", "Propos recueillis par").
    citations = [ctx.checked(findings.headline)] + [ctx.checked(c) for c in findings.genre_evidence]
    choices, answer = ctx.keyed_choices("choices", findings.genre, GENRES)
    return [ctx.question(prompt=ctx.render("prompt"), choices=choices, answer=answer,
                         explanation=ctx.render("explanation", genre=findings.genre),
                         citations=citations, confidence=findings.genre_confidence)]
