"""Clauses a verb introduces, and those the small models hang in the wrong place, read the same
way by attribution and claims."""
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


def content_clauses(verb) -> list[tuple[list, object]]:
    """(tokens, subject) of each clause the verb introduces: its ccomp by the parse, or, where
    the small model attached it elsewhere, the words after a "que"/"that" right behind it."""
    found = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "obj:cl")):
        subject = next((c for c in clause.children if c.dep_.startswith("nsubj")), None)
        found.append((list(clause.subtree), subject))
    if found:
        return found
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 5, verb.sent.end)):
        if doc[j].lower_ in COMPLEMENTISER:
            tokens = list(doc[j + 1:verb.sent.end])
            subject = next((t for t in tokens if t.pos_ in ("PRON", "NOUN", "PROPN")), None)
            return [(tokens, subject)]
    return []
