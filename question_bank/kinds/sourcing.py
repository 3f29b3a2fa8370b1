"""sourcing: who is heard in this article?

Two questions, each only where the findings support it:
- did the party concerned answer? It denies (a denial cue), it did not comment (a
  "declined to comment" cue), from what the article says;
- where does most of the information come from? When most attributions are to unnamed
  sources (three or more, and at least two thirds of them).
"""
from __future__ import annotations

from ..models import Cue, Question
from . import register
from .context import Context

ANSWER_KINDS = ["denies", "declined", "not_said", "confirms"]
MOSTLY = ["unnamed", "named", "documents", "writer"]
NO_COMMENT = ("no_comment",)
MIN_UNNAMED = 3


@register("sourcing", priority=3, labels={"fr": "Qui est entendu", "en": "Who is heard"},
          trains={"fr": "voir qui parle, qui ne parle pas, et si la partie concernée a répondu",
                  "en": "seeing who speaks, who does not, and whether the party concerned answered"},
          scope="article", min_confidence=0.75)
def build(ctx: Context) -> list[Question]:
    return [q for q in (_answered(ctx), _mostly(ctx)) if q is not None]


def _answered(ctx: Context) -> Question | None:
    cues = ctx.findings.cues
    denial = next((c for c in cues if c.type == "denial"), None)
    silence = next((c for c in cues if c.type == "uncertainty" and c.rule.endswith(NO_COMMENT)), None)
    cue: Cue | None = denial or silence
    if cue is None:
        return None
    right = "denies" if denial is not None else "declined"
    citation = ctx.sentence_citation(cue.start)
    if citation is None:
        return None
    choices, answer = ctx.keyed_choices("answer_choices", right, ANSWER_KINDS)
    return ctx.question(prompt=ctx.render("answered_prompt", sentence=ctx.inline(citation.quote)),
                        choices=choices, answer=answer,
                        explanation=ctx.render("answered_explanation", right=right, cue=cue.text,
                                               passage=citation.passage),
                        citations=[citation], confidence=0.85 * cue.confidence)


def _mostly(ctx: Context) -> Question | None:
    sources = [s for s in ctx.findings.sources if s.confidence >= 0.7]
    unnamed = [s for s in sources if s.kind == "anonymous"]
    if len(unnamed) < MIN_UNNAMED or 3 * len(unnamed) < 2 * len(sources):
        return None
    citations = []
    for source in unnamed:
        citation = ctx.sentence_citation(source.start)
        if citation is not None and all(c.start != citation.start for c in citations):
            citations.append(citation)
    choices, answer = ctx.keyed_choices("mostly_choices", "unnamed", MOSTLY)
    return ctx.question(prompt=ctx.render("mostly_prompt"), choices=choices, answer=answer,
                        explanation=ctx.render("mostly_explanation", count=len(unnamed), total=len(sources),
                                               examples=_distinct([s.text for s in unnamed])),
                        citations=citations[:3], confidence=0.8)


def _distinct(words: list[str]) -> list[str]:
    seen: list[str] = []
    for word in words:
        if word.casefold() not in [w.casefold() for w in seen]:
            seen.append(word)
    return seen[:3]
