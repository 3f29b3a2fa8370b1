"""Lemmas the small French model gets wrong, in one place for every module that reads verbs."""
from __future__ import annotations


def short_lemma(token) -> str:
    """The small French lemmatiser gives a short -er verb its present form for lemma
    ("note" for noter, "estime" for estimer): the infinitive is that form plus "r"."""
    lemma = token.lemma_.lower()
    # The tagger may also call that form a noun or an adjective; the detectors that accept a
    # misread verb check its place in the sentence.
    return lemma + "r" if token.pos_ in ("VERB", "NOUN", "ADJ") and lemma.endswith("e") and \
        token.lower_ == lemma and token.doc.lang_ == "fr" else ""
