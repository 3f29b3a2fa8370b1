"""mostly_unnamed: where does most of the information in this article come from?

Asked when most attributions are to unnamed sources (three or more, and at least two thirds
of the sources found): what a reader of a story built on "sources close to…" should notice.
Its citations are examples of those sources; the question is about the whole article, so it
does not compete with a question about one of those sentences.
"""
from __future__ import annotations

from ..models import Question
from . import register
from ._text import unique
from .context import Context

MOSTLY = ["unnamed", "named", "documents", "writer"]
MIN_UNNAMED = 3
MAX_EXAMPLES = 3
PRONOUNS = {"il", "elle", "ils", "elles", "t-il", "t-elle", "t-ils", "t-elles", "on", "he", "she", "it", "they"}


@register("mostly_unnamed", priority=3, labels={"fr": "D'où vient l'essentiel", "en": "Where most of it comes from"},
          trains={"fr": "voir qu'un article repose surtout sur des sources qui ne sont pas nommées",
                  "en": "seeing that an article rests mostly on sources who are not named"},
          scope="article", min_confidence=0.75, cites_examples=True)
def build(ctx: Context) -> list[Question]:
    # One speaker heard twice ("a-t-il ajouté") is one source: pronouns are not counted.
    sources = [s for s in ctx.findings.sources if s.confidence >= 0.7 and s.who.strip(" -").casefold() not in PRONOUNS]
    unnamed = [s for s in sources if s.kind == "anonymous"]
    if len(unnamed) < MIN_UNNAMED or 3 * len(unnamed) < 2 * len(sources):
        return []
    citations = []
    for source in unnamed:
        citation = ctx.sentence_citation(source.start)
        if citation is not None and all(c.start != citation.start for c in citations):
            citations.append(citation)
    choices, answer = ctx.keyed_choices("choices", "unnamed", MOSTLY)
    return [ctx.question(prompt=ctx.render("prompt"), choices=choices, answer=answer,
                         explanation=ctx.render("explanation", every=len(unnamed) == len(sources),
                                                examples=unique([s.text for s in unnamed], limit=MAX_EXAMPLES)),
                         citations=citations[:MAX_EXAMPLES], confidence=0.8)]
