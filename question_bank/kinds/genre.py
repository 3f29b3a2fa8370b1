"""genre: what kind of text is this, and what does that mean for how to read it?

A report relays facts and others' words; an opinion piece argues; an interview gives one
person's answers; a fact-check weighs a claim and gives a verdict; satire is not news at
all. Asked only when the analysis is sure of the genre (findings.genre_confidence).
"""
from __future__ import annotations

import re

from ..models import Question
from ..rules.loader import load_pack
from . import register
from ._text import unique
from .context import Context

GENRES = ["report", "opinion", "interview", "fact_check", "satire"]
MAX_JUDGING = 2


@register("genre", priority=6, labels={"fr": "Genre du texte", "en": "Kind of text"},
          trains={"fr": "reconnaître une information, une tribune, un entretien, une vérification",
                  "en": "telling a report from an opinion piece, an interview or a fact-check"},
          scope="article", min_confidence=0.75, cites_examples=True)
def build(ctx: Context) -> list[Question]:
    findings = ctx.findings
    if findings.headline is None:
        return []
    # The headline, and the passage whose label says the genre ("Tribune", "Propos recueillis par").
    citations = [ctx.checked(findings.headline)] + [ctx.checked(c) for c in findings.genre_evidence]
    if findings.genre == "report" and not findings.genre_evidence:
        # No label says "report": what shows it is the body relaying what someone says.
        attributed = _first_attribution(ctx)
        if attributed is not None:
            citations.append(attributed)
    choices, answer = ctx.keyed_choices("choices", findings.genre, GENRES)
    example = citations[-1].passage if len(citations) > 1 and findings.genre == "report" else ""
    # A report is not neutral for being a report (reviewed blind: "it defends no view" was false
    # where the writer judges, or where a comment closes the page): say what this one holds.
    comment = _comment_passage(ctx) if findings.genre == "report" else None
    if comment is not None:
        citations.append(ctx.cite(comment.start, comment.end))
    judging = unique([j.text for j in findings.judgements if j.confidence >= 0.85], limit=MAX_JUDGING) \
        if findings.genre == "report" else []
    hearsay, hearsay_kind = _hearsay(findings) if findings.genre == "report" else ([], "")
    return [ctx.question(prompt=ctx.render("prompt"), choices=choices, answer=answer,
                         explanation=ctx.render("explanation", genre=findings.genre, example=example,
                                                comment=comment.label if comment else "", judging=judging,
                                                hearsay=hearsay, hearsay_kind=hearsay_kind),
                         citations=citations, confidence=findings.genre_confidence)]


def _hearsay(findings) -> tuple[list[str], str]:
    """A report that rests mostly on rumour or unnamed sources (at least half its claims only
    reported) is not one that "relays facts" (reviewed blind, round 16): its hearsay words. Said
    of "several" claims, never of the whole piece: an investigation that also establishes facts
    rests on more than rumour (reviewed blind, round 17)."""
    claims = findings.claims
    unconfirmed = sum(c.status == "unconfirmed" for c in claims)
    if unconfirmed < 2 or 2 * unconfirmed < len(claims):
        return [], ""
    # A rumour word names itself; an unnamed-source cue is a minimal span ("according to people")
    # that reads cut short out of its sentence, so it is shown only where no rumour word is. The
    # explanation says which of the two the word is: "rumour or unnamed sources" over an
    # investigation built on unnamed sources read as calling it rumour (reviewed blind, round 19).
    sure = [c for c in findings.cues if c.confidence >= 0.8]
    for kind in ("rumour", "unnamed_source"):
        words = unique([c.text for c in sure if c.type == kind], limit=1)
        if words:
            return words, kind
    return [], ""


# "X has not confirmed", "declined to comment", "n'a pas souhaité répondre": a source that says
# nothing does not show where the article's information comes from (reviewed blind, round 12).
WITHHELD = {"not", "n't", "never", "no", "pas", "jamais", "declined", "declines", "refused", "refuses",
            "refusé", "refuse", "refusent", "décliné"}


def _withheld(attribution: str) -> bool:
    return any(word in WITHHELD for word in re.findall(r"[\w'-]+", attribution.lower().replace("n't", " n't")))


def _comment_passage(ctx: Context):
    """A paragraph that opens with a comment label ("Note de commentaire :", "Editor's note:")."""
    labels = load_pack(ctx.language).genre.comment_labels
    if not labels:
        return None
    opening = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in labels) + r")\s*[:.–—]", re.IGNORECASE)
    return next((p for p in ctx.article.passages if p.kind == "paragraph"
                 and opening.match(ctx.article.text[p.start:p.end])), None)



def _first_attribution(ctx: Context):
    """The first body sentence that attributes what it says to a named speaker or a document
    (a reporting verb or "selon"): a report's mark. An unnamed source would not say "who"."""
    headline = ctx.findings.headline
    for source in sorted(ctx.findings.sources, key=lambda s: s.start):
        # An illustration of reporting, not a key: a sure enough attribution of any named kind
        # (reviewed blind: the headline alone, cited when none reached 0.85, shows no genre).
        if source.rule.endswith(".source.attribution") and source.confidence >= 0.7 and \
                source.kind in ("named_person", "named_organisation", "document", "other_media") and \
                (headline is None or source.start >= headline.end) and not _withheld(source.text):
            citation = ctx.sentence_citation(source.start)
            if citation is not None:
                return citation
    return None
