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
    if _inside_quotation(token):
        return False  # direct speech: the speaker's own "would" is theirs to hedge
    verb = token.head if token.dep_.startswith("aux") else token
    for ancestor in verb.ancestors:
        if ancestor.i < token.i and ancestor.lemma_.lower() in reporting_verbs and _is_past(ancestor):
            # "a indiqué (début février) qu'elle ne négocierait pas" / "said it would":
            # the conditional sits in what the verb reports, right after it.
            between = token.doc[ancestor.i + 1:token.i]
            return len(between) <= 3 or any(t.lower_ in COMPLEMENTISERS for t in between)
    return False


COMPLEMENTISERS = {"que", "qu'", "qu’", "that"}


def _inside_quotation(token) -> bool:
    before = token.doc[token.sent.start:token.i].text
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1 or before.count("“") > before.count("”")


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
