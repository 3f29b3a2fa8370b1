"""The words claims.py and rulings.py decide statuses by, from the rule packs (`claim_words` in
rules/<lang>.yaml), every language together: a lemma is one language's, so the union changes
nothing for either, and a claim is read with the words of the pack it was written in."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .rules.loader import LANGUAGES, load_pack


@dataclass(frozen=True)
class ClaimWordSets:
    claiming: frozenset[str]
    confirming: frozenset[str]
    announcing: frozenset[str]
    own_acts: frozenset[str]
    decision_words: frozenset[str]
    ruling: frozenset[str]
    courts: frozenset[str]
    judgment_acts: frozenset[str]


@lru_cache(maxsize=1)
def claim_words() -> ClaimWordSets:
    packs = [load_pack(language).claim_words for language in LANGUAGES]
    return ClaimWordSets(**{name: frozenset(w.lower() for pack in packs for w in getattr(pack, name))
                            for name in ClaimWordSets.__dataclass_fields__})
