"""Apply a pack's token-level rules to parsed text.

Every word-level rule becomes patterns of one spaCy Matcher keyed by rule id,
so one pass over a Doc finds every rule's matches; the per-rule filters
(POS, morphology, written endings, neighbouring words, guards) then drop the
look-alikes. Line-level rules (regex) are applied to passage text elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .guards import GUARDS
from .loader import load_pack
from .schema import Match, Rule, RulePack


@dataclass(frozen=True)
class RuleMatch:
    rule: Rule
    span: object  # spacy.tokens.Span


_MATCHES = "mlquiz.rule_matches"


class CueMatcher:
    def __init__(self, nlp, pack: RulePack):
        from spacy.matcher import Matcher

        self.pack = pack
        # Word-level rules: cues, and the writer's evaluative words (judgements).
        self.rules = {rule.id: rule for rule in pack.of("cue") + pack.of("judgement")}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.reporting_verbs = frozenset(v.lower() for v in pack.attribution.verbs)
        for rule in self.rules.values():
            self.matcher.add(rule.id, _patterns(nlp, rule.match))

    def __call__(self, doc, produces: str = "cue") -> list[RuleMatch]:
        # One pass of the Matcher per Doc, whatever is asked for (cues, then judgements).
        found = doc.user_data.get(_MATCHES)
        if found is None:
            found = doc.user_data[_MATCHES] = self.all_matches(doc)
        return _longest_first([m for m in found if m.rule.produces == produces])

    def all_matches(self, doc) -> list[RuleMatch]:
        """Every rule's matches, before overlapping ones are resolved (rule examples test this)."""
        found = []
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            span = doc[start:end]
            if self._keeps(rule.match, span):
                found.append(RuleMatch(rule, span))
        return found

    def _keeps(self, match: Match, span) -> bool:
        token = span.root if len(span) > 1 else span[0]
        if match.pos and token.pos_ not in match.pos:
            return False
        if match.tags and token.tag_ not in match.tags:
            return False
        for feature, values in match.morph.items():
            if not set(token.morph.get(feature)) & set(values):
                return False
        if match.endings and not token.lower_.endswith(tuple(match.endings)):
            return False
        if match.lemma_plus and not _is_lemma_plus(token, match.lemma_plus):
            return False
        if match.unless_before and span.start > 0 and _near(span.doc, span.start - 1, match.unless_before, -1):
            return False
        if match.unless_after and span.end < len(span.doc) and _near(span.doc, span.end, match.unless_after, 1):
            return False
        return not any(GUARDS[name](span, self.reporting_verbs) for name in match.guards)


def _is_lemma_plus(token, endings) -> bool:
    lemma = token.lemma_.lower()
    stems = {lemma, lemma[:-1]} if lemma.endswith("e") else {lemma}
    return any(token.lower_ == stem + ending for stem in stems for ending in endings)


def _near(doc, index: int, words: list[str], step: int) -> bool:
    """Does one of `words` (possibly several tokens) sit right before/after index?"""
    for phrase in words:
        parts = phrase.lower().split()
        count = len(parts)
        tokens = doc[index - count + 1:index + 1] if step < 0 else doc[index:index + count]
        if [t.lower_ for t in tokens] == parts:
            return True
    return False


def _patterns(nlp, match: Match) -> list[list[dict]]:
    if match.patterns:
        return [list(p) for p in match.patterns]
    if match.lemmas:
        return [[{"LEMMA": lemma}] for lemma in match.lemmas] + \
               [[{"LOWER": lemma.lower()}] for lemma in match.lemmas]
    if match.mood:
        return [[{"MORPH": {"IS_SUPERSET": [f"Mood={match.mood}"]}}]]
    if match.lemma_plus:
        return [[{"LOWER": {"REGEX": f"({'|'.join(match.lemma_plus)})$"}}]]
    return [[{"LOWER": t.lower_} for t in nlp.make_doc(phrase)] for phrase in match.words]


def _longest_first(found: list[RuleMatch]) -> list[RuleMatch]:
    """One cue per stretch of text: a longer match wins over what it contains."""
    ordered = sorted(found, key=lambda m: (m.span.start, -(m.span.end - m.span.start), m.rule.id))
    kept: list[RuleMatch] = []
    for candidate in ordered:
        if kept and candidate.span.start < kept[-1].span.end:
            continue
        kept.append(candidate)
    return kept


@lru_cache(maxsize=None)
def cue_matcher(language: str) -> CueMatcher:
    from ..nlp import pipeline

    return CueMatcher(pipeline(language), load_pack(language))
