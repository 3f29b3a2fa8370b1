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
        return RulePack.model_validate(data)
    except ValidationError as error:
        raise RulePackError(f"{name}: {error}") from None
