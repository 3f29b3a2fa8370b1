"""Grammatical exclusions a rule can name in its `guards` list.

Each guard answers: "is this match, in this sentence, NOT the cue it looks like?"
They are a registry so a rule pack can use them by name.
"""
from __future__ import annotations

from typing import Callable

GUARDS: dict[str, Callable] = {}


def guard(name: str):
    def register(function):
        GUARDS[name] = function
        return function
    return register


@guard("reported_speech")
def reported_speech(span, reporting_verbs: frozenset[str]) -> bool:
    """A conditional inside what a past reporting verb introduces is a future-in-the-past
    ("said it would invest", "a indiqué qu'elle ne négocierait pas"), not a hedge."""
    token = span.root
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in reporting_verbs and _is_past(ancestor):
            return True
        if ancestor.dep_ in ("ROOT",):
            break
    return False


def _is_past(token) -> bool:
    tense = token.morph.get("Tense")
    return "Past" in tense or "Imp" in tense or token.tag_ in ("VBD", "VBN")


@guard("before_number")
def before_number(span, reporting_verbs) -> bool:
    """"a possible 923 prizes": before a number the word means available, not maybe."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(following is not None and following.like_num)


@guard("passive")
def passive(span, reporting_verbs) -> bool:
    """"the request was denied" reports a refusal, not someone denying a claim."""
    token = span.root
    return any(child.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for child in token.children)


@guard("in_question")
def in_question(span, reporting_verbs) -> bool:
    """Inside a question the writer asks rather than reports."""
    return span.sent.text.rstrip().endswith("?")
