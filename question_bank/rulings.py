"""A court's judgment: the record of the fact is the ruling itself (GUIDE: "a court its own
judgment" is confirmed). Read by claims (the status) and attribution (a judgment is an act of
the court, not words it reports)."""
from __future__ import annotations

import re

from .claim_words import claim_words

WORDS = claim_words()
RULING, COURTS, JUDGMENT_ACTS = WORDS.ruling, WORDS.courts, WORDS.judgment_acts


def is_court_name(who: str) -> bool:
    return any(word in COURTS for word in re.findall(r"\w+", who.casefold()))


def is_court(token) -> bool:
    return token.lemma_.lower() in COURTS or token.lower_ in COURTS


def judgment_given(verb) -> bool:
    """"The court sentenced him to five years", "le tribunal a condamné la société": a judgment
    that was given (past or perfect), by a court."""
    done = "Past" in verb.morph.get("Tense") or \
        any(a.dep_.startswith("aux") and a.lemma_.lower() in ("have", "avoir") for a in verb.children)
    if verb.lemma_.lower() not in JUDGMENT_ACTS or not done:
        return False
    return any(is_court(c) for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass"))
