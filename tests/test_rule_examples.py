"""Every rule's own examples: those under `fire` must fire, those under `silent` must not.

This is the contract of a rule pack (proselint's habit): a rule without
examples does not load, and a rule whose examples fail breaks the build.
"""
import re

import pytest

from question_bank.nlp import pipeline
from question_bank.rules.loader import LANGUAGES, load_pack
from question_bank.rules.matchers import cue_matcher


def _cases():
    for language in LANGUAGES:
        for rule in load_pack(language).rules:
            for sentence in rule.examples.fire:
                yield pytest.param(language, rule, sentence, True, id=f"{rule.id}-fires-{sentence[:30]}")
            for sentence in rule.examples.silent:
                yield pytest.param(language, rule, sentence, False, id=f"{rule.id}-silent-{sentence[:30]}")


def fires(language, rule, sentence) -> bool:
    if rule.match.regex is not None:
        return re.search(rule.match.regex, sentence) is not None
    doc = pipeline(language)(sentence)
    return any(found.rule.id == rule.id for found in cue_matcher(language).all_matches(doc))


@pytest.mark.parametrize("language, rule, sentence, expected", list(_cases()))
def test_rule_example(language, rule, sentence, expected):
    assert fires(language, rule, sentence) is expected, (
        f"{rule.id} should {'fire on' if expected else 'stay silent on'}: {sentence!r}")
