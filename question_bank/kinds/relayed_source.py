"""relayed_source: when one source relays another ("the paper cited two unnamed officials",
"X, cité par Le Parisien"), who actually knows?

The source that knows is the one relayed; the relay only passes it on. Asked when the
analysis found the chain (Source.via) and is sure of both ends.
"""
from __future__ import annotations

from ..models import Question, Source
from . import register
from .context import Context

MAX_QUESTIONS = 1


@register("relayed_source", priority=4, labels={"fr": "Source relayée", "en": "Relayed source"},
          trains={"fr": "distinguer la source qui sait du média qui la relaie",
                  "en": "telling the source that knows from the outlet that relays it"},
          min_confidence=0.7)
def build(ctx: Context) -> list[Question]:
    questions = []
    for source in ctx.findings.sources:
        if source.via is None or _same(source.via.text, source.who):
            continue
        question = _question(ctx, source)
        if question is not None:
            questions.append(question)
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


def _same(relay: str, who: str) -> bool:
    """"The Courier, which did not name its sources" relayed by "The Courier": one speaker."""
    relay, who = relay.casefold().strip(), who.casefold().strip()
    return relay == who or relay in who or who in relay


def _question(ctx: Context, source: Source) -> Question | None:
    citation = ctx.sentence_citation(source.start)
    if citation is None or not source.who.strip():
        return None
    who, relay = source.who.strip(), source.via.text.strip()
    options = ctx.labels("choices")
    choices = [options["original"].format(who=who, relay=relay), options["relay"].format(who=who, relay=relay),
               options["writer"], options["unknown"]]
    return ctx.question(prompt=ctx.render("prompt", sentence=ctx.inline(citation.quote)),
                        choices=choices, answer=[0],
                        explanation=ctx.render("explanation", who=who, relay=relay,
                                               unnamed=source.kind == "anonymous"),
                        citations=[citation], confidence=min(source.confidence, 0.8))
