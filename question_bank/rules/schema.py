"""The shape of a rule pack (rules/<lang>.yaml), validated by pydantic.

A rule is data: an id, what it produces, how it matches, a plain-words message
and examples that must fire and must stay silent (tests/test_rule_examples.py
runs them all). How each `match` kind is applied lives in rules/matchers.py.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import CueType, DisclosureKind, SourceKind
from .guards import GUARDS as GUARD_REGISTRY

Produces = Literal["cue", "judgement", "disclosure", "author", "furniture"]
# The guards a rule may name are those registered in guards.py (one registration, no copy here).
GUARDS = tuple(GUARD_REGISTRY)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(Strict):
    """Exactly one way of matching. Word lists are case-insensitive."""

    words: list[str] = []          # phrases, matched on lower-cased tokens
    lemmas: list[str] = []         # single-token lemmas
    patterns: list[list[dict[str, Any]]] = []  # spaCy Matcher token patterns
    mood: str | None = None        # a verb mood from spaCy's morphology (e.g. Cnd)
    endings: list[str] = []        # with `mood`: the written endings that really are that mood
    lemma_plus: list[str] = []     # the word is its lemma (less a final -e) plus one of these endings
    regex: str | None = None       # line-level rules (disclosures, bylines, furniture)
    pos: list[str] = []            # keep only tokens with these coarse POS tags
    tags: list[str] = []           # keep only tokens with these fine-grained tags (e.g. MD)
    morph: dict[str, list[str]] = {}  # keep only tokens whose morphology has these values
    unless_before: list[str] = []  # a match preceded by one of these words is not a cue
    unless_after: list[str] = []   # a match followed by one of these words is not a cue
    guards: list[str] = []         # named grammatical exclusions, see rules/guards.py

    @model_validator(mode="after")
    def _one_way(self) -> "Match":
        ways = [bool(self.words), bool(self.lemmas), bool(self.patterns), self.mood is not None,
                self.regex is not None, bool(self.lemma_plus)]
        if sum(ways) != 1:
            raise ValueError("a match needs exactly one of: words, lemmas, patterns, mood, regex, lemma_plus")
        unknown = set(self.guards) - set(GUARDS)
        if unknown:
            raise ValueError(f"unknown guards {sorted(unknown)}; known: {GUARDS}")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as error:
                raise ValueError(f"invalid regex: {error}") from None
        if _has_bool(self.patterns):
            raise ValueError("a pattern holds true/false: YAML reads on/no/yes/off as booleans; quote the word")
        return self


def _has_bool(value) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, dict):
        return any(_has_bool(v) for k, v in value.items() if not k.startswith(("LIKE_", "IS_")))
    if isinstance(value, list):
        return any(_has_bool(v) for v in value)
    return False


class Examples(Strict):
    fire: list[str] = Field(min_length=1)
    silent: list[str] = Field(min_length=1)


class Rule(Strict):
    id: str
    produces: Produces
    type: str
    # Where the knowledge comes from: a grammar, a style guide, a paper (never an article).
    source: str = Field(min_length=10)
    # How often a match really is the cue: below 1 for words with other, common uses ("may" of
    # permission, "would" of habit, "possible" in "as soon as possible"). Questions that teach
    # a cue word ask only about sure ones.
    confidence: float = Field(default=1.0, gt=0.0, le=1.0)
    match: Match
    message: str
    examples: Examples

    @field_validator("id")
    @classmethod
    def _dotted(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]{2}(\.[a-z0-9_]+){2,}", value):
            raise ValueError(f"rule id {value!r} must be dotted, like 'fr.cue.conditional'")
        return value

    @model_validator(mode="after")
    def _type_fits(self) -> "Rule":
        allowed = {"cue": CueType.__args__, "judgement": ("evaluative",), "disclosure": DisclosureKind.__args__,
                   "author": ("byline", "bio"),
                   # "paste": a line of a news site's page copied with the article, anywhere in it;
                   # "paste_teaser": a header ("À lire aussi") whose next short lines are teasers.
                   "furniture": ("furniture", "paste", "paste_teaser")}[self.produces]
        if self.type not in allowed:
            raise ValueError(f"rule {self.id}: type {self.type!r} is not one of {allowed}")
        if self.produces not in ("cue", "judgement") and self.match.regex is None:
            raise ValueError(f"rule {self.id}: {self.produces} rules match whole lines with `regex`")
        return self


class Attribution(Strict):
    """How the language attributes information to someone (sources)."""

    verbs: list[str]                 # lemmas of reporting verbs (say, declare…)
    prepositions: list[str]          # "selon", "according to" …
    kinds: dict[SourceKind, list[str]]  # head words that tell a source's kind
    media_names: list[str] = []      # well-known outlets and agencies
    pronouns: list[str] = []         # subject pronouns that refer back to the last source
    person_pronouns: list[str] = []  # pronouns that can only mean a person ("she said")
    cue_rules: list[str] = []        # cue rules whose matches are also anonymous sources ("reportedly")
    stance_verbs: list[str] = []     # verbs that attribute a stance even without reported words (deny)
    announcing_verbs: list[str] = [] # a named body announcing or confirming something is on the record
    # Verbs that report only when they introduce words (a clause, a quotation, an incise): with a
    # plain object they name an act ("soutenir une réforme", "post a loss", "call a meeting").
    clause_verbs: list[str] = []
    # Verbs of demand ("appeler à", "urge", "call for"): what they introduce is a request, not
    # information, so an unnamed group's demand is no unnamed-source cue on its sentence.
    demand_verbs: list[str] = []
    # Prepositions that open what a reporting verb's words are about, when no clause follows
    # ("warned against cuts", "a alerté sur les risques"): the verb still reports.
    speech_prepositions: list[str] = []
    # Nouns of speech that introduce a quotation with its speaker and a colon, no verb
    # ("Réponse de la ministre : « … »", "Reaction from the club: \"…\"").
    speech_nouns: list[str] = []
    spokesperson_words: list[str] = []  # a spokesperson speaks for a named organisation
    person_roles: list[str] = []     # "X, chief executive of Y": a named person even when NER misses X
    leader_roles: list[str] = []     # roles that speak for an organisation (its head, its spokesperson)
    media_name_words: list[str] = [] # words in outlet names (Post, Times, Le Monde…)
    # People who speak for an outlet ("un journaliste du Monde"): with an outlet's name, the outlet
    # speaks; any other head ("un membre du groupe X", "a lawyer for X") is someone else.
    media_staff_words: list[str] = []
    agent_verbs: list[str] = []      # "annoncé par X", "described by X": their agent is the speaker
    # Documents that are the record of the fact itself (an official act, a ruling, a filing,
    # published statistics): what they say is established, unlike a report's or a study's
    # findings, which stay their authors' claims.
    # Nouns that always mean a news outlet, whatever the sentence ("l'hebdomadaire", "the tabloid"):
    # "site" or "journal" alone may be a company's website or the official gazette.
    outlet_nouns: list[str] = []
    records: list[str] = []
    # What a defendant denies when they "deny the charges": the accusation exists (it is on the
    # record); what is denied is having done it. A denial of these is not asked as "the
    # information denied", whose wording would point at the charges themselves.
    accusation_nouns: list[str] = []
    # Figures and data are such a record only when a public body publishes them (a ministry,
    # the statistics office): a trade body's or a company's figures are its own claim.
    statistics: list[str] = []
    public_bodies: list[str] = []
    # The explanation of an unnamed speaker found by the parse ("un ancien salarié raconte…").
    unnamed_message: str = "\"{word}\": the source is not named."

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """Every verb that can introduce a source, lower-cased: the reporting verbs and the stance
        verbs (a denial, a welcome, a protest report a position even with no words quoted)."""
        return frozenset(v.lower() for v in (*self.verbs, *self.stance_verbs))


class ClaimWords(Strict):
    """The words that decide a claim's status relative to its source (claims.py, rulings.py)."""
    source: str = Field(min_length=10)
    claiming: list[str]        # verbs that keep a claim the source's own (claim, estime, accuse)
    confirming: list[str]      # verbs that commit the source to the fact (confirm)
    announcing: list[str]      # an on-record announcement of one's own act or data
    own_acts: list[str]        # a body's own completed acts, which it is the one to know
    decision_words: list[str]  # a decision or commitment: a future, "decided", "approved"
    ruling: list[str]          # verbs of a court's judgment on the facts (rule, juger)
    courts: list[str]          # who gives judgment (court, tribunal, judge)
    judgment_acts: list[str]   # the operative part of a judgment (sentence, condamner, relaxer)


class GenreMarkers(Strict):
    """What tells a news report from an opinion piece, an interview, a fact-check or satire.
    Labels are read in the headline and the lines before the body; the rest in the body,
    outside quotation marks (a quoted "I think" is the speaker's, not the writer's)."""

    source: str = Field(min_length=10)
    opinion_labels: list[str]      # "tribune", "op-ed": the page says it is opinion
    interview_labels: list[str]    # "entretien", "interview"
    fact_check_labels: list[str]   # "fact-check", "vrai ou faux"
    verdict_words: list[str]       # a verdict standing alone ("Faux.", "Misleading")
    satire_labels: list[str]       # "satire", "parodie": the page says it is not real news
    comment_labels: list[str] = []  # "Note de commentaire :", "Editor's note:": a comment inside a report
    first_person: list[str]        # the writer's own "I", outside quotations
    stance_words: list[str]        # evaluative adverbs and calls to act ("unfortunately", "we must")


class FigureMarkers(Strict):
    """Words next to a figure that say what kind of figure it is (a forecast, an estimate, a target)."""

    source: str = Field(min_length=10)
    forecast: list[str]
    estimate: list[str]
    target: list[str]


class HeadlineMarkers(Strict):
    """How a headline attributes or hedges what it says (then it does not state it as fact)."""

    source: str = Field(min_length=10)
    attribution_words: list[str]   # "selon", "says", "report": the headline names who says it


class RulePack(Strict):
    language: Literal["fr", "en"]
    spacy_model: str
    rules: list[Rule]
    attribution: Attribution
    genre: GenreMarkers
    headline: HeadlineMarkers
    figures: FigureMarkers
    claim_words: ClaimWords
    amount_patterns: list[list[dict[str, Any]]]
    org_patterns: list[list[dict[str, Any]]] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> "RulePack":
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate rule ids: {duplicates}")
        wrong = [i for i in ids if not i.startswith(self.language + ".")]
        if wrong:
            raise ValueError(f"rule ids must start with the pack's language: {wrong}")
        return self

    def of(self, produces: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.produces == produces]

    def byline_patterns(self) -> list[re.Pattern]:
        """Only a byline may be furniture at the top of an article."""
        return [re.compile(rule.match.regex) for rule in self.rules
                if rule.produces == "author" and rule.type == "byline"]

    def furniture_patterns(self) -> list[re.Pattern]:
        return [re.compile(rule.match.regex) for rule in self.rules
                if rule.match.regex is not None and not rule.type.startswith("paste")]

    def paste_patterns(self, kind: str = "paste") -> list[re.Pattern]:
        """What a copy from a news site brings along (rules/<lang>.yaml, furniture `paste*`)."""
        return [re.compile(rule.match.regex) for rule in self.rules if rule.type == kind]
