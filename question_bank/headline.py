"""Does the headline say more than the article? ("X buys Y" over a body that says X "could be
in talks to buy" Y, "according to sources").

A headline overstates when it states as fact what the body only hedges or reports: it
carries no doubt of its own (no question mark, no cue, no attribution such as "selon" or
"says"), while the body's sentences that tell the same thing carry a doubt cue. The body
sentences are found by the words they share with the headline. A question headline states
nothing (the guide's convention), and a headline that attributes its claim is honest about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .kinds._text import content_words
from .models import Citation, Cue, Sentence, Source
from .rules.schema import HeadlineMarkers

DOUBT = ("conditional", "rumour", "unnamed_source", "hedge", "uncertainty")
RELAYING = ("other_media", "anonymous")
QUOTES = ("«", "»", "“", "”", '"')
MIN_SHARED = 2            # content words a body sentence shares with the headline
MIN_SHARE = 0.34          # …and at least this part of the headline's content words
SURE_CUE = 0.9
LEAD_SENTENCES = 8        # the matching sentences are looked for near the top, where news puts its point


@dataclass(frozen=True)
class HeadlineJudgement:
    overstates: bool
    confidence: float
    evidence: list[Citation] = field(default_factory=list)


def judge(article, headline: Citation | None, sentences: list[Sentence], cues: list[Cue], sources: list[Source],
          markers: HeadlineMarkers) -> HeadlineJudgement:
    if headline is None:
        return HeadlineJudgement(False, 0.5)
    text = headline.quote
    if text.rstrip().endswith("?"):
        return HeadlineJudgement(False, 0.9)
    own_cues = [c for c in cues if headline.start <= c.start < headline.end]
    if own_cues or _attributes(text, markers):
        return HeadlineJudgement(False, 0.8)
    words = content_words(text, article.language)
    body = [s for s in sentences if s.start >= headline.end][:LEAD_SENTENCES]
    matches = [(len(words & content_words(s.text, article.language)), s) for s in body]
    matches = [(shared, s) for shared, s in matches
               if words and shared >= MIN_SHARED and shared / len(words) >= MIN_SHARE]
    if not matches:
        return HeadlineJudgement(False, 0.5)
    best = max(shared for shared, _ in matches)
    closest = next(s for shared, s in matches if shared == best)   # the earliest: news tells its point first
    if _doubted(closest, cues) or _relayed(closest, sources):
        return HeadlineJudgement(True, 0.7, [article.cite(closest.start, closest.end)])
    return HeadlineJudgement(False, 0.7)


# British headlines quote in single marks ('absolute disaster'): a quotation, not an apostrophe.
SINGLE_QUOTED = re.compile(r"(?:^|[\s(])['‘][^'’]{2,}['’](?=[\s,.:;!?)]|$)")


def _attributes(text: str, markers: HeadlineMarkers) -> bool:
    """The headline names who says it ("selon…", "X says", a quotation, "…: report")."""
    if any(mark in text for mark in QUOTES) or SINGLE_QUOTED.search(text):
        return True
    folded = text.casefold()
    return any(re.search(rf"(?<![\w’']){re.escape(w.casefold())}(?![\w’'])", folded) for w in markers.attribution_words)


def _doubted(sentence: Sentence, cues: list[Cue]) -> bool:
    """Sure doubt cues only: an unsure one ("may well have", "could not") is often a concession
    or an ability, and then the body does assert what the headline says (reviewed blind)."""
    return any(sentence.start <= c.start < sentence.end and c.type in DOUBT and c.confidence >= SURE_CUE
               for c in cues)


def _relayed(sentence: Sentence, sources: list[Source]) -> bool:
    """The body tells it as another outlet's report or an unnamed source's: it only reports it."""
    return any(sentence.start <= s.start < sentence.end and s.kind in RELAYING for s in sources)
