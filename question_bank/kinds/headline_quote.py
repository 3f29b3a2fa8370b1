"""headline_quote: why are these words of the headline in quotation marks?

Newsrooms put quotation marks around words in a headline to show they are someone's words,
which the paper reports without stating them itself (the BBC News style guide, "Quotation
marks": "in headlines … to show that the words are a quote"; the Guardian and Observer style
guide, "quotes in headlines"; Le Monde's and the AFP's « titre entre guillemets » for
attributed speech). A reader who misses them takes a speaker's claim for the paper's.

Asked only when the article shows whose words they are: the same words stand between
quotation marks in a body sentence whose speaker the analysis found (a reporting verb or
"selon X", not a pronoun), or, failing that, the first body sentence that says most of them
in other words gives them to one speaker (the BBC's "UK 'biggest tea drinker'" over "…,
according to a survey by X"). Quotation marks around a foreign term, a nickname or a title,
which the body does not attribute, give no question.
"""
from __future__ import annotations

import re

from ..models import Question, Sentence, Source
from . import register
from ._text import RESTATES, content_stems
from .context import Context

ANSWERS = ["quoted", "certain", "title", "foreign"]
# Pairs of quotation marks in both languages; a straight or curly single quote only at a word's
# edge, so that an apostrophe inside ("the 'world's best' team", « l'État ») is not one.
QUOTED = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+)”|\"([^\"]+)\"|(?<![\w])['‘]((?:[^'‘’]|(?<=\w)['’](?=\w))+?)['’](?![\w])")
PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "it", "they", "we", "nous", "i", "je"}
# How sure the key is: the body quotes the same words with one speaker. The speaker's own
# confidence is about its kind (named or not), which this question does not ask.
CONFIDENCE = 0.85


@register("headline_quote", priority=3, labels={"fr": "Guillemets du titre", "en": "Quotation marks in the headline"},
          trains={"fr": "voir qu'un titre entre guillemets rapporte les mots de quelqu'un",
                  "en": "seeing that quoted words in a headline are someone's, not the paper's"},
          scope="article", min_confidence=0.8, headline_form=True)
def build(ctx: Context) -> list[Question]:
    headline = ctx.findings.headline
    if headline is None or ctx.findings.genre == "satire":
        return []
    for words in _quoted(headline.quote):
        found = _attributed(ctx, words)
        paraphrased = found is None
        if paraphrased:
            found = _paraphrased(ctx, words)
        if found is None:
            continue
        sentence, speaker = found
        choices, answer = ctx.keyed_choices("choices", "quoted", ANSWERS)
        return [ctx.question(
            prompt=ctx.render("prompt", headline=ctx.inline(headline.quote), words=words),
            choices=choices, answer=answer,
            explanation=ctx.render("explanation", words=words, speaker=speaker.who.strip(" ,;:"),
                                   passage=sentence.passage, paraphrased=paraphrased),
            citations=[ctx.checked(headline), ctx.cite(sentence.start, sentence.end)],
            confidence=CONFIDENCE)]
    return []


def _quoted(text: str) -> list[str]:
    """The words a headline puts between quotation marks, with at least one letter."""
    found = [next(g for g in match.groups() if g is not None).strip() for match in QUOTED.finditer(text)]
    return [words for words in found if re.search(r"[^\W\d_]", words)]


def _attributed(ctx: Context, words: str) -> tuple[Sentence, Source] | None:
    """The body sentence that quotes these words, and its speaker, if the analysis found one."""
    wanted = _normal(words)
    for sentence in ctx.sentences:
        if ctx.passage_kind(sentence) != "paragraph":
            continue
        if not any(wanted in _normal(quoted) for quoted in _quoted(sentence.text)):
            continue
        speakers = _speakers_in(ctx, sentence)
        if len(speakers) == 1:     # two speakers in the sentence: whose words they are is unclear
            return sentence, speakers[0]
    return None


def _paraphrased(ctx: Context, words: str) -> tuple[Sentence, Source] | None:
    """A headline's quotation marks also stand for a claim the body gives, in other words, to
    one speaker ("UK 'world's top tea drinker'" over "…the biggest tea drinkers in the world,
    according to a survey by X"): the first body sentence holding two thirds of the quoted
    words and naming one speaker. A claim, not a name: at least three words, which the body
    does not use as they stand (a nickname, "the 'Iron Bridge'", is the body's term too)."""
    wanted = content_stems(words, ctx.language)
    if len(wanted) < 3:
        return None
    for sentence in ctx.sentences:
        if ctx.passage_kind(sentence) != "paragraph" or \
                len(wanted & content_stems(sentence.text, ctx.language)) < RESTATES * len(wanted):
            continue
        if _normal(words) in _normal(sentence.text):
            return None
        speakers = _speakers_in(ctx, sentence)
        return (sentence, speakers[0]) if len(speakers) == 1 else None
    return None


def _speakers_in(ctx: Context, sentence: Sentence) -> list[Source]:
    return [s for s in ctx.findings.sources if sentence.start <= s.start < sentence.end
            and s.rule.endswith(".source.attribution") and s.who.strip().casefold() not in PRONOUNS]


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())
