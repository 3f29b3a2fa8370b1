"""figure_source: who gives this figure?

A figure is only as good as whoever produced it (the Royal Statistical Society's and the BBC's
guidance on reporting statistics: say where a number comes from and who has an interest in
it). The question asks the student to find, in the paragraph, who gives a percentage or a
sum, among the other sources the article quotes, or whether no one does. Asked only when the
figure's sentence has exactly one speaker found by the attribution parse (a reporting verb or
"selon X"), named or a document, and the figure is in what that speaker says, not in the
phrase that names them.
"""
from __future__ import annotations

import re

from ..models import Amount, Question, Source
from . import register
from .context import Context

MAX_QUESTIONS = 1
NAMED = ("named_person", "named_organisation", "other_media")
SURE_SOURCE = 0.5   # a weaker "source" in the sentence is most often a misparse, not a second speaker
# What introduces the reported content after the speaker ("X said that", "X a précisé que",
# "X: « … »"); a speaker placed after the figure ("…, said X", "selon X") reports it too.
REPORTED = re.compile(r"\b(?:that|que|qu['’])\b|[:«“\"]", re.IGNORECASE)
PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "it", "they", "we", "nous", "i", "je",
            "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle"}
DISTRACTORS = 2
MIN_DISTRACTORS = 1   # with "no one" beside them: three choices at least
ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "the", "a", "an", "ce", "cette", "this"}
MAX_LABEL_WORDS = 8


@register("figure_source", priority=8, labels={"fr": "Qui donne ce chiffre", "en": "Who gives this figure"},
          trains={"fr": "chercher qui a produit un chiffre avant de s'y fier",
                  "en": "finding who produced a figure before trusting it"},
          min_confidence=0.8)
def build(ctx: Context) -> list[Question]:
    if ctx.findings.genre not in ("report", "interview", "fact_check"):
        return []
    speakers = _speakers(ctx)
    for amount in sorted(ctx.findings.amounts, key=lambda a: (ctx.is_taken(a.start, a.end), a.start)):
        producer = _producer(ctx, amount)
        if producer is None:
            continue
        # Not the producer under another label, nor the body it speaks for ("Jane Roe, director
        # of Acme": "Acme" would be right too).
        others = [label for label in speakers if not _same(label, _label(producer))
                  and label.casefold() not in producer.who.casefold()]
        if len(others) < MIN_DISTRACTORS:
            continue
        return [_question(ctx, amount, producer, ctx.rng.sample(others, min(DISTRACTORS, len(others))))][:MAX_QUESTIONS]
    return []


def _producer(ctx: Context, amount: Amount) -> Source | None:
    sentence = ctx.sentence_at(amount.start)
    if sentence is None or ctx.passage_kind(sentence) != "paragraph":
        return None
    text = ctx.article.text
    if amount.start >= 2 and text[amount.start - 2].isdigit() and text[amount.start - 1] in " \u00a0\u202f":
        return None   # "41 000 euros" read from its second group of digits
    inside = [s for s in ctx.findings.sources if sentence.start <= s.start < sentence.end and s.confidence >= SURE_SOURCE]
    if len(inside) != 1:
        return None   # two speakers: whose figure it is would be unclear
    source = inside[0]
    named_here = source.start <= amount.start < source.end or amount.text in source.who
    reported = source.start > amount.start or not source.verb or REPORTED.search(text[source.end:amount.start])
    if source.kind not in NAMED or not source.rule.endswith(".source.attribution") or named_here or \
            not reported or not _proper(_label(source)):
        return None
    return source


def _proper(label: str) -> bool:
    """A speaker a student can find by name ("Jane Roe", "RBC"), not "the ministry" or "il"."""
    words = label.split()
    return bool(words) and label.casefold() not in PRONOUNS and any(w[:1].isupper() for w in words[1:] + words[:1]
                                                                      if w.casefold() not in ARTICLES)


def _speakers(ctx: Context) -> list[str]:
    """Every named speaker of the article, once, as a short label: the choices."""
    labels: list[str] = []
    for source in ctx.findings.sources:
        label = _label(source)
        if source.kind in NAMED and source.rule.endswith(".source.attribution") and _proper(label) and \
                len(label.split()) <= MAX_LABEL_WORDS and not any(_same(label, x) for x in labels):
            labels.append(label)
    return labels


def _same(a: str, b: str) -> bool:
    """"RBC" and "RBC's report", "Jane Roe" and "Ms Roe": one speaker under two labels."""
    a, b = a.casefold(), b.casefold()
    return a in b or b in a or a.split()[-1] == b.split()[-1]


def _label(source: Source) -> str:
    """"Jane Roe, the chief executive of X" → "Jane Roe": the name before its apposition."""
    return source.who.split(",")[0].strip(" ;:")


def _figure(amount: Amount) -> str:
    """"1,2 million de" (doses) → "1,2 million": the figure without the preposition it ends on."""
    return re.sub(r"\s+(?:de|d['’]|of)$", "", amount.text.strip())


def _question(ctx: Context, amount: Amount, producer: Source, others: list[str]) -> Question:
    sentence = ctx.sentence_at(amount.start)
    choices = [_label(producer), *others, ctx.labels("choices")["none"]]
    return ctx.question(
        prompt=ctx.render("prompt", figure=_figure(amount), passage=sentence.passage),
        choices=choices, answer=[0],
        # The whole phrase, with the role that says what the producer stands to gain or lose.
        explanation=ctx.render("explanation", figure=_figure(amount), producer=producer.who.strip(" ,;:"),
                               passage=sentence.passage),
        citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.85)
