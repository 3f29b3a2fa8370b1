"""Clauses the small models hang in the wrong place, read the same way by attribution and claims."""
from __future__ import annotations

COMPLEMENTISER = {"que", "qu'", "qu’", "that"}


def clause_on_its_phrase(verb) -> bool:
    """A "that/que" clause hung on a noun of the verb's own phrase ("said in a statement that…"):
    between the clause and the verb, only nouns, prepositions and determiners."""
    for mark in verb.subtree:
        if mark.dep_ != "mark" or mark.lower_ not in COMPLEMENTISER or mark.i < verb.i:
            continue
        step = mark.head.head
        while step != verb and step.pos_ in ("NOUN", "PROPN", "ADP", "DET") and step.head != step:
            step = step.head
        if step == verb and mark.head.head != verb:
            return True
    return False
