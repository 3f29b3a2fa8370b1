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
from functools import lru_cache

from ..models import Amount, Question, Source
from ..rules.loader import load_pack
from . import register
from ._text import QUOTE_MARKS
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
ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "the", "a", "an", "ce", "cette", "this",
            "his", "her", "their", "its", "our", "my", "son", "sa", "ses", "leur", "leurs", "notre"}
MAX_LABEL_WORDS = 8


@register("figure_source", priority=8, labels={"fr": "Qui donne ce chiffre", "en": "Who gives this figure"},
          trains={"fr": "chercher qui a produit un chiffre avant de s'y fier",
                  "en": "finding who produced a figure before trusting it"},
          min_confidence=0.8)
def build(ctx: Context) -> list[Question]:
    if ctx.findings.genre not in ("report", "interview", "fact_check", "opinion"):
        return []
    speakers = _speakers(ctx)
    for amount in sorted(ctx.findings.amounts, key=lambda a: (ctx.is_taken(a.start, a.end), a.start)):
        if ctx.findings.genre == "opinion" and len(speakers) >= DISTRACTORS and _unsourced(ctx, amount):
            return [_question(ctx, amount, None, ctx.rng.sample(speakers, min(DISTRACTORS, len(speakers))))]
        # An opinion piece's speakers are as often the targets of its argument as its sources
        # (reviewed blind): only a figure nobody gives is asked there.
        producer = _producer(ctx, amount) if ctx.findings.genre != "opinion" else None
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


def _unsourced(ctx: Context, amount: Amount) -> bool:
    """A figure an opinion piece's writer gives with no source: not in a quotation, and no word
    of attribution in its paragraph or the paragraph before it (a reporting verb
    by its stem, "selon", "according to", a document's or an outlet's noun, a source found by
    the parse), nor a doubt on it. Read on the surface as well as from the findings: a source
    the parse missed would make "no one" a wrong key. Not in reports: there one source often
    gives the figures of the paragraphs after it (an agency's estimate in ¶2, its detail in ¶3)."""
    sentence = ctx.sentence_at(amount.start)
    if sentence is None or ctx.passage_kind(sentence) != "paragraph":
        return False
    passages = [p for p in ctx.article.passages if p.kind == "paragraph"]
    at = next(i for i, p in enumerate(passages) if p.label == sentence.passage)
    reach = passages[max(0, at - SOURCE_REACH):at + 1]
    start, end = reach[0].start, reach[-1].end
    text = ctx.article.text[start:end]
    own = passages[at]
    if any(start <= x.start < end for x in ctx.findings.sources) or any(m in text for m in QUOTE_MARKS) or \
            any(own.start <= c.start < own.end for c in ctx.findings.cues):
        return False
    if _same_figure_elsewhere(ctx, amount, own):
        return False
    return not _attribution_words(ctx.language).search(text)


SOURCE_REACH = 1   # paragraphs before a figure in which a source would still give it




@lru_cache(maxsize=2)
def _attribution_words(language: str) -> re.Pattern:
    attribution = load_pack(language).attribution
    stems = {v[:-2] if len(v) > 5 and v.endswith(("er", "ir", "re")) else v for v in attribution.verbs}
    nouns = [*attribution.kinds.get("document", []), *attribution.kinds.get("other_media", []),
             *attribution.kinds.get("anonymous", []), *attribution.media_names]
    verbs = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True) if len(stem) >= 3)
    words = "|".join(re.escape(w) for w in sorted({*attribution.prepositions, *nouns}, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?:{verbs})\w*|(?:{words})(?![\w-]))", re.IGNORECASE)


def _same_figure_elsewhere(ctx: Context, amount: Amount, paragraph) -> bool:
    """The same figure given in another paragraph: its source may be there."""
    return any(other.key == amount.key and not paragraph.start <= other.start < paragraph.end
               for other in ctx.findings.amounts)


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
    """"Jane Roe, the chief executive of X" → "Jane Roe": the name before its apposition;
    "Her deputy, Tom Reyes" → "Tom Reyes": the name in it."""
    parts = [part.strip(" ;:") for part in source.who.split(",") if part.strip(" ;:")]
    return next((part for part in parts if _proper(part)), parts[0] if parts else "")


def _figure(amount: Amount) -> str:
    """"1,2 million de" (doses) → "1,2 million": the figure without the preposition it ends on."""
    return re.sub(r"\s+(?:de|d['’]|of)$", "", amount.text.strip())


def _question(ctx: Context, amount: Amount, producer: Source | None, others: list[str]) -> Question:
    """`producer` None: the writer gives the figure with no source, and "no one" is the key."""
    sentence = ctx.sentence_at(amount.start)
    none = ctx.labels("choices")["none"]
    if producer is None:
        return ctx.question(
            prompt=ctx.render("prompt", figure=_figure(amount), passage=sentence.passage),
            choices=[*others, none], answer=[len(others)],
            explanation=ctx.render("unsourced", figure=_figure(amount), passage=sentence.passage),
            citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.85)
    return ctx.question(
        prompt=ctx.render("prompt", figure=_figure(amount), passage=sentence.passage),
        choices=[_label(producer), *others, none], answer=[0],
        # The whole phrase, with the role that says what the producer stands to gain or lose.
        explanation=ctx.render("explanation", figure=_figure(amount), producer=producer.who.strip(" ,;:"),
                               passage=sentence.passage),
        citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.85)
