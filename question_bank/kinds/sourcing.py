"""sourcing: who is heard in this article? Did the party concerned answer: it denies (a
denial cue), it did not comment (a "declined to comment" cue), from what the article says.
(Where most of the information comes from is the kind `mostly_unnamed`.)
"""
from __future__ import annotations

from ..models import Cue, Question
from . import register
from .context import Context

ANSWER_KINDS = ["denies", "declined", "not_said", "confirms"]
NO_COMMENT = ("no_comment",)


@register("sourcing", priority=3, labels={"fr": "Qui est entendu", "en": "Who is heard"},
          trains={"fr": "voir qui parle, qui ne parle pas, et si la partie concernée a répondu",
                  "en": "seeing who speaks, who does not, and whether the party concerned answered"},
          scope="article", min_confidence=0.75)
def build(ctx: Context) -> list[Question]:
    question = _answered(ctx)
    return [] if question is None else [question]


def _answered(ctx: Context) -> Question | None:
    # A denial in the body before one in the headline: the body says who denies what, and a
    # question on it also covers the claim question on that sentence (one is kept); the
    # headline's "X denies" beside a body question on the same denial repeated it (round 16).
    cues = sorted(ctx.findings.cues, key=lambda c: (ctx.in_headline(c.start), c.start))
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
