"""figure: is this figure a count, an estimate, a forecast or a target — and who produced it?

It replaces number recall: the question is not "which figure?" but "what kind of figure?",
read from the words next to it (rules/<lang>.yaml, `figures`: a future or conditional verb,
"expected", "prévoit" make a forecast; "about", "environ", "estimated" an estimate;
"objectif", "target" a target). A figure with none of them may be a count, but nothing
in the words proves it: that is never asked.
"""
from __future__ import annotations

from ..models import Amount, Question
from ..rules.loader import load_pack
from . import register
from .context import Context

KINDS_OF_FIGURE = ["count", "estimate", "forecast", "target"]
PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "it", "they", "we", "nous"}
MAX_QUESTIONS = 1
WINDOW = 6   # words on each side of the figure that can say what kind it is


@register("figure", priority=10, labels={"fr": "D'où vient ce chiffre", "en": "Where a figure comes from"},
          trains={"fr": "distinguer un chiffre constaté d'une estimation, d'une prévision, d'un objectif",
                  "en": "telling a measured figure from an estimate, a forecast or a target"},
          min_confidence=0.75)
def build(ctx: Context) -> list[Question]:
    questions: list[Question] = []
    seen: set[str] = set()
    for amount in ctx.findings.amounts:
        if amount.key in seen:
            continue
        seen.add(amount.key)
        question = _question(ctx, amount)
        if question is not None:
            questions.append(question)
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


def _question(ctx: Context, amount: Amount) -> Question | None:
    sentence = ctx.sentence_at(amount.start)
    if sentence is None or ctx.passage_kind(sentence) != "paragraph":
        return None
    kind, word = _kind_of(ctx, amount, sentence)
    if kind is None:
        return None
    producer = next((s for s in ctx.findings.sources if sentence.start <= s.start < sentence.end
                     and s.rule.endswith(".source.attribution") and s.confidence >= 0.8
                     and s.who.strip().casefold() not in PRONOUNS), None)
    choices, answer = ctx.keyed_choices("choices", kind, KINDS_OF_FIGURE)
    return ctx.question(
        prompt=ctx.render("prompt", figure=amount.text, sentence=ctx.inline(sentence.text)),
        choices=choices, answer=answer,
        explanation=ctx.render("explanation", kind=kind, figure=amount.text, word=word,
                               producer=producer.who if producer else ""),
        citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.8)


def _kind_of(ctx: Context, amount: Amount, sentence) -> tuple[str | None, str]:
    """The kind of figure and the word that says it, from the words around the figure."""
    markers = load_pack(ctx.language).figures
    text = ctx.article.text
    before = text[max(sentence.start, amount.start - 60):amount.start].casefold().split()[-WINDOW:]
    after = text[amount.end:min(sentence.end, amount.end + 60)].casefold().split()[:WINDOW]
    around = before + after
    # A forecast, or an estimate the words call one ("estimated", "estimation"). Reviewed
    # blind, "about", "up to" and "environ" (about, concerning, an upper limit, a rounded
    # figure) made estimates debatable keys, and "objectif", "aims" targets: those are not asked.
    for kind in ("forecast", "estimate"):
        for marker in getattr(markers, kind):
            parts = marker.casefold().split()
            for i in range(len(around) - len(parts) + 1):
                if [w.strip(",.;:«»\"“”()") for w in around[i:i + len(parts)]] == parts:
                    return kind, marker
    return None, ""
