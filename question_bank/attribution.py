"""Sources: every place the article attributes information to someone.

Three shapes cover most news writing, in both languages:
- a preposition of attribution: "selon X", "d'après X", "according to X";
- a reporting verb and its subject: "X a déclaré", "a indiqué X", "X said", "said X";
- unnamed-source and rumour cues themselves ("selon des sources", "reportedly").
The kind of a source is read from its head word and entities, using the
pack's word lists (rules/<lang>.yaml, `attribution`).
"""
from __future__ import annotations

from functools import lru_cache

from .models import Cue, Source

CUE_SOURCE_TYPES = ("unnamed_source", "rumour")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")
NAMED_LABELS = {"PER": "named_person", "PERSON": "named_person", "ORG": "named_organisation",
                "GPE": "named_organisation", "LOC": "named_organisation", "NORP": "named_organisation"}


def find_sources(article, parsed, pack, cues: list[Cue]) -> list[Source]:
    spec = pack.attribution
    sources = [_from_cue(cue) for cue in cues if cue.type in CUE_SOURCE_TYPES or cue.rule in spec.cue_rules]
    last_named = None
    for pp in parsed:
        for found in _attributions(pp.doc, spec):
            tokens, who = found
            kind = classify(who, spec) if who else None
            if kind == "pronoun":
                kind = last_named
            if kind is None:
                continue
            if kind in ("named_person", "named_organisation"):
                last_named = kind
            first, last = tokens
            span = pp.doc[first:last + 1]
            start = pp.offset(span.start_char)
            sources.append(Source(start=start, end=start + len(span.text), text=span.text, kind=kind,
                                  who=who.text if who else "", rule=f"{pack.language}.source.attribution"))
    return _without_overlaps(sources)


def _from_cue(cue: Cue) -> Source:
    return Source(start=cue.start, end=cue.end, text=cue.text, kind="anonymous", who=cue.text, rule=cue.rule)


def _attributions(doc, spec):
    """Yield ((first_token, last_token), who_span) for each attribution in a parsed passage."""
    prepositions = {p.lower() for p in spec.prepositions}
    verbs = frozenset(v.lower() for v in spec.verbs)
    for token in doc:
        incise = _incise(token, verbs, _role_words(spec))
        if incise is not None:
            first = min([token.i, incise.start] + [c.i for c in token.children if c.dep_.startswith("aux")])
            yield (first, max(token.i, incise.end - 1)), incise
        elif token.lower_ in prepositions or _two_word_preposition(token, prepositions):
            who = _object_of(token)
            if who is not None:
                yield (token.i if token.lower_ in prepositions else token.i - 1, who.end - 1), who
        elif token.pos_ in ("VERB", "AUX") and _is_reporting(token, verbs):
            who = _subject_of(token)
            if who is not None and _reports(token, who, spec):
                first = min([token.i, who.start] + [c.i for c in token.children if c.dep_.startswith("aux")])
                yield (first, max(token.i, who.end - 1)), who


INCISE_OPENERS = {",", "»", "\"", "”"}
PRONOUN_SUFFIXES = ("-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-t")


def _incise(token, verbs, spec_words=frozenset()):
    """"…», assure Ana Boata" / "…, rappelle-t-il": a reporting verb right after quoted
    words, with its subject after it. The parser often misreads these, so read the surface."""
    doc, back = token.doc, token.i - 1
    if back < 0 or token.is_punct or token.pos_ in ("DET", "PRON", "PROPN", "ADP"):
        return None
    pronoun = None
    # "», a déclaré X" and "», a-t-il affirmé": step back over the auxiliary and its pronoun.
    while back >= 0 and (doc[back].pos_ == "AUX" or doc[back].lower_ in PRONOUN_SUFFIXES):
        if doc[back].lower_ in PRONOUN_SUFFIXES and doc[back].lower_ != "-t":
            pronoun = doc[back]
        back -= 1
    # The tagger often misreads incise verbs ("rappelle" as an adjective): the opener and
    # the verb's stem decide, not its part of speech.
    if back < 0 or doc[back].text not in INCISE_OPENERS or not _is_reporting(token, verbs):
        return None
    if doc[back].text == "," and not _quoted_before(doc[back]) and _introduces_words(token):
        return None
    if not _quoted_before(doc[back]) and any(c.dep_.startswith("nsubj") and c.i < token.i for c in token.children):
        return None  # "X's inspector, Gareth Pryce, told councillors…": the subject came first  # "Le maire, Paul Garnier, a expliqué que…" is an apposition, not an incise
    if pronoun is not None:
        return doc[pronoun.i:pronoun.i + 1]
    end = token.i + 1
    while end < len(doc) and (doc[end].lower_ in PRONOUN_SUFFIXES or doc[end].pos_ == "ADV"):
        end += 1
    start = end
    while end < len(doc) and not doc[end].is_punct:
        end += 1
    start = _after_addressee(doc, start, end)
    end = _with_role(doc, end, spec_words)
    if start == end:
        pronoun = [t for t in doc[token.i + 1:start] if t.lower_ in PRONOUN_SUFFIXES and t.lower_ != "-t"]
        return doc[pronoun[0].i:pronoun[0].i + 1] if pronoun else None
    return doc[start:end]


def _introduces_words(verb) -> bool:
    after = verb.doc[verb.i + 1:verb.sent.end]
    return any(t.lower_ in ("que", "qu'", "qu’", "that", ":", "«", "\"", "“") for t in after)


def _quoted_before(comma) -> bool:
    before = comma.doc[comma.sent.start:comma.i].text
    return any(mark in before for mark in ("»", "”", "\""))


def _role_words(spec) -> frozenset[str]:
    return frozenset(w.lower() for w in (*spec.spokesperson_words, *spec.person_roles))


def _with_role(doc, end: int, role_words: frozenset[str]) -> int:
    """"said Linda Cho, a spokesperson for the council": keep the apposition that says who she is."""
    if end >= len(doc) or doc[end].text != ",":
        return end
    stop = end + 1
    while stop < len(doc) and not doc[stop].is_punct:
        stop += 1
    return stop if any(t.lower_ in role_words for t in doc[end + 1:stop]) else end


def _after_addressee(doc, start: int, end: int) -> int:
    """"a expliqué à l'AFP une source…": who was told is not who speaks."""
    if start >= end or doc[start].pos_ != "ADP":
        return start
    for j in range(start + 1, end):
        if doc[j].pos_ == "DET" and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return j
    return start


def _is_reporting(token, verbs) -> bool:
    """By lemma, or by stem where the small model's lemma is wrong ("rappelle" → "rappell")."""
    if token.lemma_.lower() in verbs:
        return True
    return token.lower_.startswith(_stems(verbs))


@lru_cache(maxsize=8)
def _stems(verbs: frozenset[str]) -> tuple[str, ...]:
    stems = {v[:-2] for v in verbs if len(v) > 5 and v.endswith(("er", "ir", "re"))}
    # relever → relèv-e, préciser → précis-e: the written stem may take a grave accent.
    stems |= {stem[:-2] + "è" + stem[-1] for stem in stems if len(stem) > 3 and stem[-2] == "e"}
    return tuple(sorted(stems))


def _reports(verb, who, spec) -> bool:
    """A reporting verb attributes only when it introduces words: a clause ("said that…"),
    a quotation, an incise after the quoted words ("…, a indiqué l'Insee"), "as X reported",
    or a stance such as a denial."""
    if verb.lemma_.lower() in spec.stance_verbs:
        return True
    if verb.lemma_.lower() in spec.announcing_verbs and who.start < verb.i and \
            classify(who, spec) in ("named_organisation", "named_person"):
        return True  # "the ministry confirmed the decision": on the record, by name
    if any(child.dep_ in ("ccomp", "parataxis", "xcomp", "obj:cl") for child in verb.children):
        return True
    if any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children):
        return True
    if who.start > verb.i:
        return True
    sentence = verb.sent.text
    return any(mark in sentence for mark in ("«", "\"", "“", "”"))


def _two_word_preposition(token, prepositions) -> bool:
    return token.i > 0 and f"{token.nbor(-1).lower_} {token.lower_}" in prepositions


def _object_of(token):
    """The noun phrase a preposition introduces ("selon [les économistes]")."""
    doc = token.doc
    objects = [c for c in token.children if c.dep_ in ("pobj", "obj") and c.i > token.i]
    head = objects[0] if objects else (token.head if token.head.i > token.i else None)
    if head is None:
        for candidate in doc[token.i + 1:token.i + 6]:
            if candidate.pos_ in ("NOUN", "PROPN", "PRON") and not _possessive(candidate):
                head = candidate
                break
    if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return _phrase(head, cut_at_comma=True)


def _possessive(token) -> bool:
    return token.tag_ == "PRP$" or "Yes" in token.morph.get("Poss")


def _subject_of(verb):
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return _phrase(child)
    # French incise: "…, a indiqué ce vendredi l'Insee" — the subject follows the verb.
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("obj", "dobj", "obl:arg", "nsubj") and child.pos_ in ("PROPN", "NOUN"):
            if verb.i > 0 and any(t.text in (",", "»", "\"", "”") for t in verb.doc[max(0, verb.i - 3):verb.i]):
                return _phrase(child)
    return None


def _phrase(head, cut_at_comma: bool = False):
    """The head's subtree as a span, without relative clauses or trailing punctuation."""
    keep = [t for t in head.subtree if not any(a.dep_ in ("relcl", "acl:relcl", "acl") and a != head
                                              for a in _ancestors_upto(t, head))]
    first, last = min(t.i for t in keep), max(t.i for t in keep)
    commas = [t.i for t in keep if t.text == "," and t.i > head.i]
    if cut_at_comma and commas:
        last = commas[0] - 1  # "selon des sources proches de la mairie, la piscine…": the clause, not the source
    span = head.doc[first:last + 1]
    while len(span) > 1 and (span[0].dep_ == "case" or span[0].lower_ in ("selon", "d'", "d’", "après")):
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _ancestors_upto(token, head):
    while token != head and token.head != token:
        yield token
        token = token.head


def classify(who, spec) -> str | None:
    """The kind of a source phrase, or "pronoun" when it only refers back."""
    words = {t.lower_ for t in who}
    root = who.root
    pronouns = {p.lower() for p in spec.pronouns}
    last = root.lower_.split("-")[-1]
    if last in {p.lower() for p in spec.person_pronouns}:
        return "named_person"  # "he said", "she said": a person already named
    if root.pos_ == "PRON" or (len(who) == 1 and last in pronouns):
        return "pronoun" if last in pronouns else None
    if any(name.lower() in who.text.lower() for name in spec.media_names) or \
            any(t.text in spec.media_name_words and t.i > who.start for t in who):
        return "other_media"
    if words & {w.lower() for w in spec.spokesperson_words}:
        return "named_organisation"
    for kind in ("anonymous", "document", "other_media"):
        if root.lower_ in spec.kinds.get(kind, []) or root.lemma_.lower() in spec.kinds.get(kind, []):
            return "pronoun" if kind == "anonymous" and _refers_back(root) else kind
    labels = {ent.label_ for ent in who.ents}
    if labels & {"PER", "PERSON"} or (_has_name(who) and words & {r.lower() for r in spec.person_roles}):
        return "named_person"
    if labels & {"ORG", "GPE", "LOC", "NORP"} or root.pos_ == "PROPN":
        return "named_organisation"
    if root.lower_ in spec.kinds.get("named_organisation", []) and "Plur" not in root.morph.get("Number"):
        return "named_organisation"
    if words & set(spec.kinds.get("anonymous", [])):
        return "anonymous"
    if root.pos_ == "NOUN" and "Plur" in root.morph.get("Number"):
        return "anonymous"
    return None


def _has_name(who) -> bool:
    return sum(1 for t in who if t.pos_ == "PROPN" or (t.is_title and t.i > who.start)) >= 2


def _refers_back(root) -> bool:
    """"l'économiste", "the expert": a definite singular points back to someone already named."""
    singular = "Plur" not in root.morph.get("Number") and not root.lower_.endswith("s")
    return singular and any(c.dep_ == "det" and c.lemma_.lower() in ("le", "la", "the") for c in root.children)


def _without_overlaps(sources: list[Source]) -> list[Source]:
    ordered = sorted(sources, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Source] = []
    for source in ordered:
        if kept and source.start < kept[-1].end:
            continue
        kept.append(source)
    return kept
