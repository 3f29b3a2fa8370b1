"""Load and validate a language's rule pack (rules/<lang>.yaml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import RulePackError
from .schema import RulePack

RULES_DIR = Path(__file__).resolve().parent
LANGUAGES = ("fr", "en")


@lru_cache(maxsize=None)
def load_pack(language: str) -> RulePack:
    path = RULES_DIR / f"{language}.yaml"
    if not path.exists():
        raise RulePackError(f"no rule pack for language {language!r} ({path.name} is missing)")
    return parse_pack(path.read_text(encoding="utf-8"), path.name)


def parse_pack(source: str, name: str = "<rules>") -> RulePack:
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        raise RulePackError(f"{name}: not valid YAML: {error}") from None
    try:
        pack = RulePack.model_validate(data)
    except ValidationError as error:
        raise RulePackError(f"{name}: {error}") from None
    _check_token_patterns(pack, name)
    return pack


def _check_token_patterns(pack: RulePack, name: str) -> None:
    """spaCy's own validation, at load time, so a bad pattern never surfaces mid-analysis."""
    import spacy
    from spacy.matcher import Matcher

    matcher = Matcher(spacy.blank(pack.language).vocab, validate=True)
    groups = [(rule.id, rule.match.patterns) for rule in pack.rules if rule.match.patterns]
    groups += [("amount_patterns", pack.amount_patterns), ("org_patterns", pack.org_patterns)]
    for key, patterns in groups:
        try:
            matcher.add(key, [list(p) for p in patterns])
        except Exception as error:  # spaCy raises MatchPatternError/ValueError with details
            first = str(error).strip().splitlines()[0]
            raise RulePackError(f"{name}: rule {key}: invalid token pattern ({first})") from None
