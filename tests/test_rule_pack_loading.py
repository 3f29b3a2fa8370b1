"""A malformed rule pack is refused when it loads, with a message that names the rule."""
import pytest

from question_bank.errors import RulePackError
from question_bank.rules.loader import parse_pack

VALID_TAIL = """
attribution: {verbs: [dire], prepositions: [selon], kinds: {anonymous: [source]}}
genre: {source: "a style guide, chapter 1", opinion_labels: [tribune], interview_labels: [entretien],
        fact_check_labels: [vrai ou faux], verdict_words: [faux], satire_labels: [parodie], first_person: [je],
        stance_words: [il faut]}
headline: {source: "a style guide, chapter 2", attribution_words: [selon]}
figures: {source: "a statistics glossary, chapter 3", forecast: [prévoit], estimate: [environ], target: [objectif]}
claim_words: {source: "a paper on reporting verbs, section 4", claiming: [affirmer], confirming: [confirmer],
              announcing: [annoncer], own_acts: [fermer], decision_words: [va], ruling: [juger], courts: [tribunal],
              judgment_acts: [condamner]}
amount_patterns: [[{LIKE_NUM: true}, {LOWER: euros}]]
"""


def pack_with(match: str) -> str:
    return f"""
language: fr
spacy_model: fr_core_news_sm
rules:
  - id: fr.cue.test.rule
    produces: cue
    type: hedge
    source: "a grammar of French, section 1"
    match: {match}
    message: "x"
    examples: {{fire: ["a"], silent: ["b"]}}
""" + VALID_TAIL


def test_a_valid_pack_loads():
    assert parse_pack(pack_with("{words: [semble]}")).rules[0].id == "fr.cue.test.rule"


@pytest.mark.parametrize("match, message", [
    ('{patterns: [[{LOWER: {IN: [a, b], OP: "?"}}]]}', "fr.cue.test.rule"),   # OP inside IN: spaCy refuses it
    ("{patterns: [[{LOWER: {IN: [on, under]}}]]}", "booleans"),                # YAML read `on` as true
    ("{words: [a], lemmas: [b]}", "exactly one"),
    ("{words: [a], guards: [nonsense]}", "unknown guards"),
    ('{regex: "(unclosed"}', "regex"),
])
def test_a_malformed_rule_is_refused_with_its_reason(match, message):
    with pytest.raises(RulePackError) as error:
        parse_pack(pack_with(match))
    assert message in str(error.value)


def test_a_rule_without_its_source_is_refused():
    source = pack_with("{words: [semble]}").replace('    source: "a grammar of French, section 1"\n', "")
    with pytest.raises(RulePackError, match="source"):
        parse_pack(source)


def test_a_rule_without_silent_examples_is_refused():
    source = pack_with("{words: [semble]}").replace('silent: ["b"]', "silent: []")
    with pytest.raises(RulePackError, match="silent"):
        parse_pack(source)


def test_claim_words_without_their_source_are_refused():
    source = pack_with("{words: [semble]}").replace('source: "a paper on reporting verbs, section 4", ', "")
    with pytest.raises(RulePackError, match="claim_words"):
        parse_pack(source)
