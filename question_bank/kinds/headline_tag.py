"""headline_tag: what does "…: report" or "…, selon X" at the edge of a headline tell the reader?

Wire services and newspapers tag a headline whose claim is someone else's: "…: report",
"…, sources say", "…, selon Le Parisien", "Selon X, …" (AP Stylebook, "headlines": attribute
claims in headlines; the Reuters handbook's "sourced" headlines). A reader who skips the tag
takes a relayed claim for an established one. The tag is the headline's first or last segment
(cut at a colon, a dash or a comma), short, and holds an attribution word of the rule pack
(`headline.attribution_words`); the body sentence that names the relayed source, when the
analysis found one near the top, is cited beside the headline: as an illustration, so that a
question about that sentence can still be asked.
"""
from __future__ import annotations

import re

from ..models import Question, Source
from ..rules.loader import load_pack
from . import register
from .context import Context

ANSWERS = ["attributed", "confirmed", "section", "official"]
MAX_TAG_WORDS = 5
LEAD_SENTENCES = 4
RELAYING = ("other_media", "anonymous", "document")
LEADING = ("selon ", "d'après ", "d’après ", "according to ")
_CUT = re.compile(r"\s*(?::|\s[–—-]\s|,)\s*")


@register("headline_tag", priority=3, labels={"fr": "Le titre cite sa source", "en": "The headline's source"},
          trains={"fr": "voir qu'un titre qui dit « selon X » rapporte une affirmation sans l'établir",
                  "en": "seeing that a headline tagged \"report\" or \"says X\" relays a claim without establishing it"},
          scope="article", min_confidence=0.8, cites_examples=True, headline_form=True)
def build(ctx: Context) -> list[Question]:
    headline = ctx.findings.headline
    if headline is None or headline.quote.rstrip().endswith("?") or ctx.findings.genre not in ("report",):
        return []
    tag = _tag(headline.quote, load_pack(ctx.language).headline.attribution_words)
    if tag is None:
        return []
    relay = _relay(ctx)
    citations = [ctx.checked(headline)]
    if relay is not None:
        sentence = ctx.sentence_at(relay.start)
        citations.append(ctx.cite(sentence.start, sentence.end))
    choices, answer = ctx.keyed_choices("choices", "attributed", ANSWERS)
    return [ctx.question(
        prompt=ctx.render("prompt", headline=ctx.inline(headline.quote), tag=tag),
        choices=choices, answer=answer,
        explanation=ctx.render("explanation", tag=tag, relay=relay.who.strip(" ,;:") if relay else "",
                               passage=citations[-1].passage if relay else ""),
        citations=citations, confidence=0.85)]


def _tag(headline: str, words: list[str]) -> str | None:
    """The headline's first or last segment when it is a short attribution ("Report", "selon X")."""
    parts = [p for p in _CUT.split(headline.strip()) if p]
    if len(parts) < 2:
        return None
    last, first = parts[-1], parts[0]
    if len(last.split()) <= MAX_TAG_WORDS and _holds(last, words):
        return last.strip()
    # At the start only "Selon X, …", "According to X, …": "Annual report: …" names a topic.
    if len(first.split()) <= MAX_TAG_WORDS and first.casefold().startswith(LEADING):
        return first.strip()
    return None


def _holds(part: str, words: list[str]) -> bool:
    folded = part.casefold()
    return any(re.search(rf"(?<![\w’']){re.escape(w.casefold())}(?![\w’'])", folded) for w in words)


def _relay(ctx: Context) -> Source | None:
    """The first source near the top of the body that relays (an outlet, a report, someone unnamed)."""
    headline = ctx.findings.headline
    lead = [s for s in ctx.sentences if s.start >= headline.end and ctx.passage_kind(s) == "paragraph"][:LEAD_SENTENCES]
    for source in sorted(ctx.findings.sources, key=lambda s: s.start):
        if source.kind in RELAYING and any(s.start <= source.start < s.end for s in lead) and \
                source.rule.endswith(".source.attribution") and source.who.strip():
            return source
    return None
