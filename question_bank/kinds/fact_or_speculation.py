"""fact_or_speculation: does the article present this sentence as fact or as speculation?

One sentence carrying uncertainty cues, and one plain body sentence with a named entity
or an amount (something checkable) and no cue at all, so students compare the two ways
of writing.
"""
from __future__ import annotations

from ..models import Question, Sentence
from . import register
from ._text import unique
from .context import Context

SPECULATION_CUES = ("conditional", "rumour", "hedge", "unnamed_source", "uncertainty")
# The writer's own signals of a report not established; a modal "pourrait/devrait" or a hedge
# may be the writer's forecast or someone else's caution (reviewed blind), so they do not decide.
DECISIVE_CUES = ("conditional", "rumour", "unnamed_source")
MODAL_RULES = (".conditional.modal",)
ANSWERS = ["fact", "speculation", "opinion"]
MIN_CHARS, MAX_CHARS = 30, 300  # long enough to judge, short enough to read in a quiz


@register("fact_or_speculation", priority=8, labels={"fr": "Fait ou spéculation", "en": "Fact or speculation"},
           trains={"fr": "distinguer l'écriture d'un fait de celle d'une hypothèse", "en": "telling how a fact and a possibility are written"}, min_confidence=0.9)
def build(ctx: Context) -> list[Question]:
    # In an opinion piece or a satire, how a sentence is written says nothing of what is
    # established: the question would teach the wrong lesson there.
    if ctx.findings.genre != "report":
        return []
    speculative = _prefer_fresh(ctx, _speculative(ctx))
    if not speculative:
        return []
    sentence = ctx.rng.choice(speculative)
    cues = [c for c in _cues_in(ctx, sentence, DECISIVE_CUES) if not c.rule.endswith(MODAL_RULES)]
    # The explanation names the decisive cues first, then the sentence's other marks of doubt
    # ("would", "may"): naming the unnamed source alone confused anonymity with uncertainty
    # (reviewed blind).
    others = [c for c in _cues_in(ctx, sentence, SPECULATION_CUES) if c not in cues]
    shown = unique(cues + sorted(others, key=lambda c: c.start), key=lambda c: c.text.casefold())
    return [_question(ctx, sentence, "speculation", shown, max(c.confidence for c in cues))]



def _question(ctx: Context, sentence: Sentence, answer: str, cues: list, confidence: float) -> Question:
    choices, key = ctx.keyed_choices("choices", answer, ANSWERS)
    return ctx.question(prompt=ctx.render("prompt", sentence=ctx.inline(sentence.text)),
                        choices=choices, answer=key,
                        explanation=ctx.render("explanation", answer=answer, cues=cues[:3]),
                        citations=[ctx.cite(sentence.start, sentence.end)], confidence=confidence)


def _prefer_fresh(ctx: Context, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences no earlier question asks about, if there are any (else all of them)."""
    fresh = [s for s in sentences if not ctx.is_taken(s.start, s.end)]
    return fresh or sentences


def _readable(ctx: Context, sentence: Sentence) -> bool:
    size = len(sentence.text.strip())
    return (ctx.passage_kind(sentence) == "paragraph" and not sentence.is_question
            and MIN_CHARS <= size <= MAX_CHARS)


def _speculative(ctx: Context) -> list[Sentence]:
    return [s for s in ctx.sentences if _readable(ctx, s) and not s.text.rstrip().endswith("?")
            and any(not c.rule.endswith(MODAL_RULES) for c in _cues_in(ctx, s, DECISIVE_CUES))
            and not _reports_named_source(ctx, s)]


NAMED = ("named_person", "named_organisation", "document")


def _reports_named_source(ctx: Context, sentence: Sentence) -> bool:
    """The conditional of reported information (Le Bon Usage, § 890: "le conditionnel de
    l'information rapportée") carries the attribution of its sentence or of the one before it
    in the paragraph: "Selon la commission, … . X aurait ainsi…" is the commission's finding,
    attributed, not a hypothesis (reviewed blind, round 15: "hypothesis" was debatable)."""
    index = ctx.sentences.index(sentence)
    before = ctx.sentences[index - 1] if index > 0 and ctx.sentences[index - 1].passage == sentence.passage else None
    scope = [sentence] + ([before] if before is not None else [])
    return any(s.kind in NAMED and s.rule.endswith(".source.attribution") and
               any(x.start <= s.start < x.end for x in scope) for s in ctx.findings.sources)


def _cues_in(ctx: Context, sentence: Sentence, types) -> list:
    return [c for c in ctx.findings.cues if c.type in types and _overlaps(sentence, (c.start, c.end))
            and not _named_nearby(ctx, c)]


def _named_nearby(ctx: Context, cue) -> bool:
    """"Economists expect…" whose economist the next sentence names is not an unnamed source."""
    return cue.type == "unnamed_source" and any(
        s.start < cue.end and cue.start < s.end and ctx.named_in_next_sentence(s) for s in ctx.findings.sources)


def _overlaps(sentence: Sentence, span: tuple[int, int]) -> bool:
    """True when the span overlaps the sentence."""
    return span[0] < sentence.end and sentence.start < span[1]
