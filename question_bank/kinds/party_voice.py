"""party_voice: who is speaking here, and for whom?

A head of an organisation or its spokesperson who says "we", "our", "nous" speaks for that
organisation: what they say is its side, not an independent view (the BBC's editorial
guidelines on impartiality, "contributors' interests"; the Charte de Munich's duty to tell
facts from the interested parties' claims). A reader should notice the role before weighing
the words. Asked when a sentence quotes, in quotation marks, first-person plural words of a
speaker whose phrase gives a leading role (rule pack `attribution.leader_roles`: chief
executive, minister, spokesperson, directrice…) in apposition: "X, the chief executive of Y".
Also asked of a body whose told words are about itself (`Source.about_itself`: "the company
said it had…", "« Nous… », a indiqué la mairie"): it speaks as the party concerned.
"""
from __future__ import annotations

import re

from ..models import Question, Source
from ..rules.loader import load_pack
from ..rulings import is_court_name
from . import register
from ._text import mentions_any
from .context import Context

ANSWERS = ["party", "independent", "journalist", "unnamed"]
BODY_ANSWERS = ["itself", "independent", "journalist", "unnamed"]
QUOTED = re.compile(r"«([^»]*)»|“([^”]*)”|\"([^\"]*)\"")
WE = {"en": re.compile(r"\b(?:we|our|ours|us)\b", re.IGNORECASE),
      "fr": re.compile(r"\b(?:nous|notre|nos)\b", re.IGNORECASE)}
MAX_QUESTIONS = 1


@register("party_voice", priority=6, labels={"fr": "Qui parle, et pour qui", "en": "Who speaks, and for whom"},
          trains={"fr": "voir qu'un dirigeant ou un porte-parole qui dit « nous » défend son organisation",
                  "en": "seeing that a leader or spokesperson who says \"we\" speaks for their organisation"},
          min_confidence=0.8)
def build(ctx: Context) -> list[Question]:
    if ctx.findings.genre not in ("report", "fact_check"):
        return []
    roles = [r.casefold() for r in load_pack(ctx.language).attribution.leader_roles]
    for source in sorted(ctx.findings.sources, key=lambda s: (ctx.is_taken(s.start, s.end), s.start)):
        sentence = ctx.sentence_at(source.start)
        if sentence is None or ctx.passage_kind(sentence) != "paragraph":
            continue
        role = _role(source, roles)
        words = _we_in_quotes(sentence.text, ctx.language) if role is not None else []
        if words:
            return [_leader_question(ctx, source, sentence, role, words)]
        if _body_of_itself(source):
            return [_body_question(ctx, source, sentence)]
    return []


def _leader_question(ctx: Context, source: Source, sentence, role: str, words: list[str]) -> Question:
    name = source.who.split(",")[0].strip()
    choices, answer = ctx.keyed_choices("choices", "party", ANSWERS)
    return ctx.question(prompt=ctx.render("prompt", name=name, sentence=ctx.inline(sentence.text)),
                        choices=choices, answer=answer,
                        explanation=ctx.render("explanation", name=name, role=role, words=words[:2]),
                        citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.85)


def _body_question(ctx: Context, source: Source, sentence) -> Question:
    """A body telling what it did or will do: its own account, as the party concerned."""
    name = source.who.strip()
    if ctx.language == "en" and name.startswith("The "):
        name = "the " + name[4:]        # quoted mid-sentence: "does "the German exchange" speak?"
    choices, answer = ctx.keyed_choices("choices", "itself", BODY_ANSWERS)
    return ctx.question(prompt=ctx.render("prompt", name=name, sentence=ctx.inline(sentence.text)),
                        choices=choices, answer=answer,
                        explanation=ctx.render("body_explanation", name=name),
                        citations=[ctx.cite(sentence.start, sentence.end)], confidence=0.8)


def _body_of_itself(source: Source) -> bool:
    # A court speaks through its ruling, which is the record, not a party's account.
    return source.about_itself and source.kind == "named_organisation" and source.via is None and \
        source.confidence >= 0.7 and bool(source.who.strip()) and not is_court_name(source.who)


def _role(source: Source, roles: list[str]) -> str | None:
    """"the chief executive of Y" from "X, the chief executive of Y": a named person's leading role."""
    if source.kind not in ("named_person", "named_organisation") or not source.rule.endswith(".source.attribution"):
        return None
    name, _, apposition = source.who.partition(",")
    apposition = apposition.strip(" ,;:")
    if not name.strip() or not apposition:
        return None
    if not mentions_any(apposition, roles):
        return None
    return apposition


def _we_in_quotes(sentence: str, language: str) -> list[str]:
    """The first-person plural words inside the sentence's quotation marks."""
    pattern = WE[language]
    found: list[str] = []
    for match in QUOTED.finditer(sentence):
        quoted = next(g for g in match.groups() if g is not None)
        for word in pattern.findall(quoted):
            if word.casefold() not in [w.casefold() for w in found]:
                found.append(word)
    return found
