"""Does a body speak of itself? "The council said it would…", "la société a indiqué qu'elle
avait…", "« Nous n'avons reçu aucune offre », a déclaré le groupe": the subject of the words it
tells is the body itself. What a party says of its own conduct or plans is its own account
(GUIDE: "a party's own favourable account" stays attributed; BBC Editorial Guidelines,
impartiality: a contributor's interest should be clear to the audience).
"""
from __future__ import annotations

from .clauses import content_clauses

WE = {"we", "nous"}
# A third-person pronoun can stand for the body only when it agrees with the body's head word:
# "la mairie… elle" (feminine), "the council… it" (no person). "He"/"she" never do.
BODY_PRONOUNS = {"it", "they", "il", "elle", "ils", "elles"}


def speaks_of_itself(verb, who) -> bool:
    return any(subject is not None and _is_the_body(subject, who) for subject in _told_subjects(verb))


def _told_subjects(verb):
    subjects = [subject for _, subject in content_clauses(verb)]
    if verb.dep_ in ("parataxis", "conj") and verb.i > verb.head.i:
        # "« Nous… », a déclaré le groupe": the incise tells the quoted clause it follows
        subjects += [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return subjects


def _is_the_body(subject, who) -> bool:
    word = subject.lower_
    if subject.pos_ != "PRON" or (word not in WE and word not in BODY_PRONOUNS):
        return False
    if word in WE:
        return True
    if subject.dep_.startswith("expl") or _copular(subject.head):
        return False   # "it would be a good thing if…", "il est urgent de…": impersonal, no one
    head = who.root
    return all(not subject.morph.get(feature) or not head.morph.get(feature) or
               subject.morph.get(feature) == head.morph.get(feature) for feature in ("Gender", "Number")) \
        or word == "they"       # "the council said they would…": English bodies take "they" too


def _copular(verb) -> bool:
    """"it would not be a good thing", "il est essentiel": a copula, where "it"/"il" is most
    often impersonal (Grevisse § 754; Quirk et al. 1985 § 18.33, extraposition)."""
    return verb.lemma_.lower() in ("be", "être") or any(c.dep_ == "cop" for c in verb.children)
