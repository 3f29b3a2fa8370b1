"""judgement: "what does this word do?" about a word by which the writer judges what they
report ("malheureusement", "rightly", "scandaleux").

News writing keeps facts apart from comment (the journalists' charters say so; style guides
ask reporters to avoid words that carry a value judgement), so a reader should notice when the
writer's own appreciation slips into a sentence, and in an opinion piece, that judging is
the point. The words come from the analysis (`findings.judgements`, rules/<lang>.yaml), which
already leaves out a speaker's quoted or reported words. The choices are a fixed scale: the
word judges, states a fact, names a source, or signals doubt.
"""
from __future__ import annotations

import re

from ..models import Judgement, Question
from . import register
from ._text import QUOTE_MARKS
from .context import Context

ANSWERS = ["judgement", "fact", "source", "doubt"]
MAX_QUESTIONS = 1
MAX_CHARS = 300
MAX_NAME_WORDS = 4


@register("judgement", priority=9, labels={"fr": "Fait ou jugement", "en": "Fact or judgement"},
          trains={"fr": "repérer les mots par lesquels l'auteur juge au lieu de rapporter",
                  "en": "spotting the words by which the writer judges instead of reporting"},
          min_confidence=0.85)
def build(ctx: Context) -> list[Question]:
    # An interview's answers are the interviewee's words, unquoted; a satire's are a joke.
    if ctx.findings.genre not in ("report", "opinion", "fact_check"):
        return []
    candidates = sorted((j for j in ctx.findings.judgements if _askable(ctx, j)),
                        key=lambda j: (-j.confidence, ctx.is_taken(j.start, j.end), j.start))
    return [_question(ctx, j) for j in candidates[:MAX_QUESTIONS]]


def _askable(ctx: Context, judgement: Judgement) -> bool:
    """A plain sentence of the writer's: no quotation and no source in it, so that "it says
    where the information comes from" is not defensible too, and no doubt cue on the word."""
    sentence = ctx.sentence_at(judgement.start)
    if sentence is None or ctx.passage_kind(sentence) != "paragraph" or sentence.is_question:
        return False
    inside = lambda spans: [x for x in spans if sentence.start <= x.start < sentence.end]  # noqa: E731
    return (len(sentence.text) <= MAX_CHARS and not _quotes_speech(sentence.text)
            and not inside(ctx.findings.sources)
            and not any(c.start < judgement.end and judgement.start < c.end for c in ctx.findings.cues))


def _quotes_speech(text: str) -> bool:
    """Quotation marks around someone's words; a short name in quotation marks (« Fit for 55 »,
    a plan's or a programme's title) is no one speaking."""
    quoted = re.findall(r"«([^»]*)»|“([^”]*)”|\"([^\"]*)\"", text)
    if not quoted:
        return any(mark in text for mark in QUOTE_MARKS)   # an unmatched mark: a quotation cut across sentences
    return any(len("".join(parts).split()) > MAX_NAME_WORDS for parts in quoted)


def _question(ctx: Context, judgement: Judgement) -> Question:
    sentence = ctx.sentence_at(judgement.start)
    choices, answer = ctx.keyed_choices("choices", "judgement", ANSWERS)
    return ctx.question(
        prompt=ctx.render("prompt", word=judgement.text, sentence=ctx.inline(sentence.text)),
        choices=choices, answer=answer,
        explanation=ctx.render("explanation", judgement=judgement, genre=ctx.findings.genre),
        citations=[ctx.cite(sentence.start, sentence.end)], confidence=judgement.confidence)
