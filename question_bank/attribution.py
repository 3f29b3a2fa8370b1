"""Sources: every place the article attributes information to someone.

Three shapes cover most news writing, in both languages:
- a preposition of attribution: "selon X", "d'après X", "according to X";
- a reporting verb and its subject: "X a déclaré", "a indiqué X", "X said", "said X";
- unnamed-source and rumour cues themselves ("selon des sources", "reportedly").
The kind of a source is read from its head word and entities, using the
pack's word lists (rules/<lang>.yaml, `attribution`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clauses import COMPLEMENTISER, clause_on_its_phrase
from .lemmas import short_lemma
from .models import Cue, Relay, Source
from .own_account import speaks_of_itself
from .readable import balanced
from .rulings import judgment_given
from .speakers import DEFINITE, ROLE_NOUNS, Speakers

CUE_SOURCE_TYPES = ("unnamed_source", "rumour")
RELATIVES = {"who", "which", "that", "qui", "lequel", "laquelle"}
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")
NAMED_LABELS = {"PER": "named_person", "PERSON": "named_person", "ORG": "named_organisation",
                "GPE": "named_organisation", "LOC": "named_organisation", "NORP": "named_organisation"}


def find_sources(article, parsed, pack, cues: list[Cue]) -> list[Source]:
    spec = pack.attribution
    sources = [_from_cue(cue) for cue in cues if cue.type in CUE_SOURCE_TYPES or cue.rule in spec.cue_rules]
    speakers = Speakers(spec, article.text, learned_outlets(parsed))
    for pp in parsed:
        for subject in _subjects(pp.doc):
            speakers.notice(subject, pp.passage.start)
        for (first, last), who, relay_of in _attributions(pp.doc, spec):
            if who is not None and relay_of is None:
                who, relay_of = _split_relay(who)
            speaker = speakers.classify(who, pp.passage.start) if who is not None else None
            if speaker is None and who is not None and (named := _name_before_apposition(who)) is not None:
                who = named
                speaker = speakers.classify(who, pp.passage.start)
            if speaker is None:
                continue
            if first > 0 and pp.doc[first - 1].lemma_.lower() == "faire" and pp.doc[first].lower_ in ("valoir", "savoir"):
                first -= 1                        # "fait valoir un proche", "a fait savoir X"
            last += _phrase_length(pp.doc[last], spec.reporting_verbs)   # "a mis" → "a mis en garde"
            span = pp.doc[first:last + 1]
            start = pp.offset(span.start_char)
            via = _relay(pp, relay_of, speakers) if relay_of is not None else \
                _owner_relay(pp, who, speakers) if speaker.kind == "anonymous" else None
            # "X has reportedly said…": unnamed reports tell what X said; X is not on the record.
            kind = "anonymous" if reported_by_others(start, start + len(span.text), cues, spec) else speaker.kind
            verb = _reporting_token(span, spec, who)
            sources.append(Source(start=start, end=start + len(span.text), text=span.text, kind=kind,
                                  who=_named_part(_whole_words(who)), rule=f"{pack.language}.source.attribution",
                                  confidence=speaker.confidence, via=via,
                                  verb=(_canonical(verb, spec.reporting_verbs) if verb is not None else "")
                                  or _released_verb(who),
                                  about_itself=kind == "named_organisation" and not _a_person(speaker, who, spec)
                                  and verb is not None and speaks_of_itself(verb, who)))
    return _identified_next(_without_overlaps(sources), parsed, spec)


# Delayed identification: a lead introduces someone little known by role ("A PR expert has
# told the court…", "Une experte a expliqué…") and names them in the next sentence or
# paragraph (the AP Stylebook's "lead"; Cappon, The Associated Press Guide to News Writing).
DELAYED_ROLE_DETERMINERS = {"a", "an", "un", "une"}


def _identified_next(sources: list[Source], parsed, spec) -> list[Source]:
    """The lead's unnamed role speaker is the named person the next sentence has speaking."""
    sentences = [(pp.offset(sent.start_char), pp.offset(sent.end_char))
                 for pp in parsed if pp.passage.kind == "paragraph" for sent in pp.doc.sents][:2]
    if len(sentences) < 2:
        return sources
    (lead_start, lead_end), (next_start, next_end) = sentences
    for index, source in enumerate(sources[:-1]):
        following = sources[index + 1]
        if source.kind == "anonymous" and lead_start <= source.start < lead_end and _one_in_a_role(source.who, spec) \
                and following.kind == "named_person" and next_start <= following.start < next_end \
                and _a_bare_name(following.who, spec):
            sources[index] = source.model_copy(update={"kind": "named_person", "confidence": 0.7})
    return sources


def _a_bare_name(who: str, spec) -> bool:
    """"Jane Roe", not "the mayor, Jane Roe" (someone else, with a role of their own) nor "she"."""
    words = who.split()
    return bool(words) and words[0][:1].isupper() and "," not in who and who.casefold() not in spec.pronouns \
        and words[0].casefold() not in DEFINITE


def _one_in_a_role(who: str, spec) -> bool:
    """"a PR expert", "une économiste": one person, by role, with no name."""
    words = who.casefold().split()
    roles = {r.casefold() for r in spec.person_roles} | ROLE_NOUNS
    return 2 <= len(words) <= 4 and words[0] in DELAYED_ROLE_DETERMINERS and words[-1] in roles


def reported_by_others(start: int, end: int, cues: list[Cue], spec) -> bool:
    """A hedge that is itself an unnamed source ("reportedly", "is said to") inside the
    attribution: what the speaker said is known only from unnamed reports."""
    return any(c.rule in spec.cue_rules and start <= c.start < end for c in cues)


OPENERS, CLOSERS = {"«", "“", "(", "["}, {"»", "”", ")", "]"}


def _subjects(doc):
    """Each clause's nominal subject in the writer's own words, as a phrase: what a later
    pronoun may stand for. (By dependency, not by verb: the small parser often tags a participle
    as an adjective.) A subject inside a quotation or brackets is someone else's discourse."""
    depth, straight = 0, False
    for sentence in doc.sents:
        has_subject, topic = False, None
        for token in sentence:
            if token.text in OPENERS or token.text in CLOSERS:
                depth = max(0, depth + (1 if token.text in OPENERS else -1))
            elif token.text == '"':
                straight = not straight
            elif depth > 0 or straight:
                continue
            elif token.dep_ in SUBJECT_DEPS and not _embedded(token.head):
                has_subject = True
                if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in TIME_WORDS:
                    yield _with_name_before(_phrase(token, cut_at_comma=True))
            elif topic is None and _person_name_head(token):
                topic = token
        # A sentence without a subject ("Une situation intenable pour X, …", "A blow for X."):
        # its most salient mention is the person it names (Lappin & Leass 1994 rank the
        # object and the oblique after the subject), whom the next sentence's "elle" means.
        if not has_subject and topic is not None:
            yield _with_name_before(_phrase(topic, cut_at_comma=True))


def _person_name_head(token) -> bool:
    """The head word of a person's name, as the parser's entities mark it ("Fabre" of "Claire
    Fabre" in English, "Claire" in French): the word of the name whose head is outside it."""
    head = token.head
    inside = head is not token and head.ent_type_ == token.ent_type_ and head.ent_iob_ in ("B", "I") \
        and abs(head.i - token.i) <= 3
    return token.pos_ == "PROPN" and token.ent_type_ in ("PER", "PERSON") and not inside


EMBEDDING = {"ccomp", "advcl", "acl", "acl:relcl", "relcl", "csubj", "xcomp", "parataxis"}


def _embedded(verb) -> bool:
    """Is this clause inside another ("X said Fiat would…")? Lappin & Leass give the subject of
    a main clause more salience than one in an embedded clause: what was said is not the topic."""
    while verb.head != verb:
        if verb.dep_ in EMBEDDING:
            return True
        verb = verb.head
    return False


# "The Courier, which did not name its sources, said…": the relative clause describes the
# speaker; the speaker's name stops before it.
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|that|qui|dont|lequel|laquelle|lesquels|lesquelles)\b")


def _name_before_apposition(who):
    """"Olivia Rey, directrice de la mission X de Y": when the parse hangs the whole phrase on a
    word of the apposition (and no kind can be read from it), the name before the comma speaks."""
    comma = next((t.i for t in who if t.text == ","), None)
    if comma is None or comma == who.start or not (who[0].pos_ == "PROPN" or who[0].is_title):
        return None
    name = who.doc[who.start:comma]
    return name if all(t.is_title or t.pos_ == "PROPN" for t in name) else None


def _whole_words(who) -> str:
    """The speaker's text, not cut inside a hyphenated word ("deputy director-general" whose
    parse stops at "director")."""
    doc, end = who.doc, who.end
    while end < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
            and not doc[end].whitespace_:
        end += 2
    return doc[who.start:end].text if end != who.end else who.text


def _named_part(who: str) -> str:
    named = RELATIVE_CLAUSE.split(who, maxsplit=1)[0].strip() or who
    return balanced(LEADING_CIRCUMSTANCE.sub("", named, count=1) or named)


# What a speaker phrase drags in front of the speaker ("De son côté, la ministre", "Contacté par
# l'AFP, Olivier Maguet", "For her part, the minister"): a circumstance, not who speaks (reviewed
# blind: explanations quoted "« son côté, la ministre »").
LEADING_CIRCUMSTANCE = re.compile(
    r"^(?:(?:(?:de|du|pour|for|on)\s+)?(?:son|sa|leur|leurs|his|her|their|its)\s+(?:côté|part|parts|side)|"
    r"(?:contacté|contactée|contactés|contactées|interrogé|interrogée|interrogés|interrogées|joint|jointe|"
    r"sollicité|sollicitée|asked|reached|contacted|questioned)\b[^,]{0,60}),\s+(?=\S)", re.IGNORECASE)


# Who a person speaks to, and who publishes: "told the Courier", "in an interview with the
# Courier", "a confié au Courrier", "as the Courier reported", "révélé par le Courrier". News
# writing names outlets this way (the AP Stylebook's attribution of interviews and scoops);
# a name in one of these places is an outlet for the rest of the article.
ADDRESSEE_VERBS = {"tell", "confier", "déclarer", "dire", "expliquer", "indiquer", "assurer", "affirmer", "confirmer",
                   "raconter", "préciser"}
PUBLISHING_VERBS = {"report", "reveal", "publish", "révéler", "rapporter", "publier", "dévoiler"}
INTERVIEW_WORDS = {"interview", "entretien", "interviewed", "interrogé", "interrogée", "interrogés"}


def learned_outlets(parsed) -> set[str]:
    names: set[str] = set()
    for pp in parsed:
        for token in pp.doc:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in ADDRESSEE_VERBS:
                names |= _org_names(c for c in token.children if _told(c))
            if lemma in PUBLISHING_VERBS:
                if any(c.dep_ in ("ccomp",) for c in token.children) or any(c.lower_ == "as" for c in token.children):
                    names |= _org_names(c for c in token.children if c.dep_.startswith("nsubj"))
                names |= _org_names(c for c in token.children if c.dep_ in ("obl:agent", "agent"))
            if token.lower_ in INTERVIEW_WORDS:
                names |= _org_names(c for c in token.subtree if c.i > token.i)
    return {n for n in names if len(n) > 1}


def _told(child) -> bool:
    """Who was told: "told Reuters" (an English object), "a confié au Monde" (a French object is
    introduced by "à"; a bare one after the verb is its inverted subject: "ce que confirme X")."""
    if child.dep_ in ("dative", "iobj", "obl:arg") or (child.dep_ in ("dobj", "obj") and child.doc.lang_ != "fr"):
        return child.dep_ != "obl:arg" or any(c.lower_ in ("à", "au", "aux") for c in child.children)
    return False


def _org_names(tokens) -> set[str]:
    """Organisation names among these tokens' phrases (a person is not an outlet)."""
    found = set()
    for token in tokens:
        for ent in token.doc.ents:
            if ent.label_ == "ORG" and token.left_edge.i <= ent.start and ent.end <= token.right_edge.i + 1:
                found.add(ent.text)
    return found


RELAY_WORDS = {"cité", "citée", "cités", "citées", "quoted", "cited", "interrogé", "interrogée", "interrogés",
               "interrogées", "interviewed", "contacté", "contactée", "contactés", "contactées", "joint", "jointe",
               "joints", "jointes", "sollicité", "sollicitée", "contacted", "reached"}


def _split_relay(who):
    """"X, cité par Le Parisien" / "X, quoted by the Courier": X speaks, through the outlet;
    "Contacté par l'AFP, X…" / "Reached by Reuters, X…": the same, the outlet named first."""
    doc = who.doc
    first = who[0]
    if first.lower_ in RELAY_WORDS and len(who) > 3 and doc[first.i + 1].lower_ in ("par", "by"):
        comma = next((t.i for t in who if t.text == ","), None)
        if comma is not None and first.i + 2 < comma < who.end - 1:
            return doc[comma + 1:who.end], doc[first.i + 2:comma]
    for token in who:
        if token.lower_ in RELAY_WORDS and token.i + 1 < who.end and doc[token.i + 1].lower_ in ("par", "by") \
                and token.i > who.start:
            end = token.i + 2
            while end < who.end and not doc[end].is_punct:
                end += 1
            speaker_end = token.i
            while speaker_end > who.start and doc[speaker_end - 1].is_punct:
                speaker_end -= 1
            if speaker_end > who.start and end > token.i + 2:
                return doc[who.start:speaker_end], doc[token.i + 2:end]
    return who, None


def _verb_in(span, spec, who=None) -> str:
    """The reporting verb of an attribution, as the pack lists it ("estime" → "estimer", even
    where the small model's lemma is wrong); never a word of the speaker's own phrase ("Le
    rapport … pointe" is "pointer", not "rapporter")."""
    token = _reporting_token(span, spec, who)
    return "" if token is None else _canonical(token, spec.reporting_verbs)


def _reporting_token(span, spec, who=None):
    verbs = spec.reporting_verbs
    for token in span:
        if who is not None and who.start <= token.i < who.end:
            continue
        if not token.is_punct and _is_reporting(token, verbs) and token.pos_ not in ("PROPN", "DET"):
            return token
    return None


def _canonical(token, verbs) -> str:
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    if (infinitive := short_lemma(token)) in verbs:
        return infinitive
    for verb in sorted(verbs, key=len, reverse=True):
        if len(verb) > 6 and verb.endswith(("er", "ir", "re")) and token.lower_.startswith(verb[:-2]):
            return verb
    return lemma


def _relay(pp, relay_span, speakers: Speakers) -> Relay | None:
    """"X cited a source as saying": the source is known through X."""
    speaker = speakers.classify(relay_span, pp.passage.start)
    return None if speaker is None else _relay_of(speaker)


def _owner_relay(pp, who, speakers: Speakers) -> Relay | None:
    """"its sources", "ses sources": unnamed sources known through the outlet they belong to
    (a named speaker's possessive, "De son côté, la ministre…", relays no one)."""
    owner = speakers.owner(who)
    if owner is None or owner.kind not in ("other_media", "named_organisation", "named_person") or not owner.end:
        return None
    return _relay_of(owner)


def _relay_of(speaker) -> Relay:
    """The mention of the relaying source, where it stands in the article."""
    return Relay(start=speaker.start, end=speaker.end, text=speaker.text, kind=speaker.kind)


def _from_cue(cue: Cue) -> Source:
    return Source(start=cue.start, end=cue.end, text=cue.text, kind="anonymous", who=cue.text, rule=cue.rule)


def _attributions(doc, spec):
    """Yield ((first_token, last_token), who_span, relay_span) for each attribution in a parsed
    passage; relay_span is the source that relays this one ("X cited a source as saying"), or None."""
    prepositions = frozenset(p.lower() for p in spec.prepositions)
    verbs = spec.reporting_verbs
    role_words = _role_words(spec)
    for token in doc:
        # One detector per shape, tried in this order; each is called once per token.
        if (incise := _incise(token, verbs, role_words)) is not None:
            first = min([token.i, incise.start] + [c.i for c in token.children if c.dep_.startswith("aux")])
            yield (first, max(token.i, incise.end - 1)), incise, None
        elif (who := _source_qualified(token)) is not None:
            yield (token.i - 1, who.end - 1), who, None      # "de source policière": unnamed, qualified
        elif (who := _opinion_for(token, spec)) is not None:
            yield (token.i, who.end - 1), who, None          # "Pour l'économiste X, …": X's view
        elif (opening := _preposition_start(token, prepositions)) is not None:
            who = _object_of(token)
            if who is not None:
                yield (opening, who.end - 1), who, None
        elif (pronoun := _suffixed_pronoun(token)) is not None and _is_reporting(token, verbs):
            # "accusent-ils": the tagger often misses the verb, never the pronoun glued to it.
            yield (token.i, pronoun.i), doc[pronoun.i:pronoun.i + 1], None
        elif pronoun is not None and (participle := _participle_after(token, pronoun, verbs)) is not None:
            # "a-t-elle déploré": the pronoun is glued to the auxiliary, the participle follows.
            yield (token.i, participle.i), doc[pronoun.i:pronoun.i + 1], None
        elif token.pos_ in ("VERB", "AUX") and _is_reporting(token, verbs):
            yield from _verb_attributions(token, spec)
        elif (who := _misread_verb(token, verbs)) is not None:
            yield (who.start, token.i), who, None            # "Un ancien salarié raconte que…" read as an adjective
        elif (who := _misread_with_object(token, verbs)) is not None:
            yield (who.start, token.i), who, None
        elif (who := _misread_participle(token, verbs)) is not None:
            yield (who.start, token.i), who, None            # "X a démenti jeudi…" read as a name
        elif (who := _read_in(token, spec)) is not None:
            yield (token.i, who.end - 1), who, None          # "peut-on lire dans le rapport", "lit-on dans la lettre"
        elif (who := _colon_speaker(token, spec)) is not None:
            yield (who.start, token.i), who, None            # "Le maire se veut rassurant : « … »"


def _verb_attributions(verb, spec):
    """A reporting verb with its speaker: the subject (a relative "who" is its antecedent), the
    agent of a passive ("annoncé par le gouvernement", "considered … by critics"), and what a
    citing verb relays ("X cited two sources as saying")."""
    if _hearsay_or_naming(verb):
        return
    aux = [c.i for c in verb.children if c.dep_.startswith("aux")]
    passive = any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in verb.children) or \
        _bare_participle(verb)
    who = None if passive else _subject_of(verb)   # "X is said to…": X is what is talked about
    if who is None and not passive and "Fin" in verb.morph.get("VerbForm") and verb.dep_ not in ("ROOT", "conj") \
            and verb.i > verb.sent.start:
        who = _subject_before(verb)   # the parse hung it on a participle: "Les chiffres publiés par X montrent…"
    if who is not None and _reports(verb, who, spec):
        first = min([verb.i, who.start] + aux)
        yield (first, max(verb.i, who.end - 1)), who, None
        cited = _cited(verb, spec)
        if cited is not None:
            yield (cited.start, cited.end - 1), cited, who
        return
    if passive and verb.lemma_.lower() in CITING and _as_saying(verb):
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
        if subject is not None:            # "X was quoted as saying": X speaks
            who = _phrase(subject)
            yield (who.start, verb.i), who, None
            return
    agent = _agent_of(verb) if verb.lemma_.lower() in spec.agent_verbs else None
    if agent is not None:
        if verb.lemma_.lower() in CITING:     # "X, cité par Le Parisien": X speaks, through the paper
            subject = verb.head if verb.dep_ in ("acl", "amod", "appos") else None
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                who = _phrase(subject, cut_at_comma=True)
                yield (who.start, agent.end - 1), who, agent
                return
        yield (verb.i, agent.end - 1), agent, None


def _bare_participle(verb) -> bool:
    """"Le plan, annoncé au printemps par X, …": a past participle without an auxiliary or an
    object describes what was announced (a passive in meaning, whatever subject the parse gave it)."""
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
        not any(c.dep_.startswith("aux") or c.dep_ in ("obj", "dobj") for c in verb.children) and \
        verb.dep_ != "ROOT"      # an object: an active verb ("décrit une ambiance" is also a present)


CITING = {"cite", "quote", "citer"}
# "X said to have…" (a headline's "X is said to have…"), "believed to be X": X is what is talked
# about, by people not named (Quirk et al., A Comprehensive Grammar, §16.52, passive reporting
# verbs with a to-infinitive). "known as", "called": a verb that names, not one that reports.
HEARSAY_FORMS = {"said", "believed", "thought", "understood", "reported", "rumoured", "rumored", "alleged",
                 "known", "expected", "considered"}
NAMING_VERBS = {"know", "call", "name", "dub"}


def _hearsay_or_naming(verb) -> bool:
    doc = verb.doc
    if verb.lower_ in HEARSAY_FORMS and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
        return True
    return verb.lemma_.lower() in NAMING_VERBS and any(c.lower_ == "as" for c in verb.children)


def _cited(verb, spec):
    """The object of "cite"/"quote"/"citer" when it is a source ("two unidentified sources")."""
    if verb.lemma_.lower() not in CITING:
        return None
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and child.pos_ in ("NOUN", "PROPN"):
            return _phrase(child, cut_at_comma=True)
    return None


def _as_saying(verb) -> bool:
    return any(t.lower_ in ("saying", "having") for t in verb.doc[verb.i + 1:verb.i + 4])


def _agent_of(verb):
    for child in verb.children:
        if child.dep_ in ("obl:agent", "agent"):
            head = child if child.pos_ in ("NOUN", "PROPN", "PRON") else next(
                (c for c in child.children if c.dep_ in ("pobj", "obj")), None)
            if head is not None:
                return _phrase(head, cut_at_comma=True)
    return _agent_after(verb)


def _agent_after(verb):
    """"avancés d'abord par la presse", "annoncé au printemps par la préfecture": the
    parse hung the agent elsewhere; on the surface it follows the participle, after an adverb or
    a time phrase, before any punctuation or other verb."""
    if "Part" not in verb.morph.get("VerbForm"):
        return None
    doc = verb.doc
    for token in doc[verb.i + 1:min(verb.i + 7, verb.sent.end)]:
        if token.is_punct or (token.pos_ == "VERB" and token.i > verb.i + 1):
            return None
        if token.lower_ in ("par", "by") and token.i + 1 < len(doc):
            head = next((t for t in doc[token.i + 1:token.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
            if head is None:
                return None
            phrase = _phrase(head, cut_at_comma=True)
            return doc[token.i + 1:phrase.end] if phrase.start <= token.i else phrase
    return None


def _source_qualified(token):
    doc = token.doc
    if token.lower_ == "source" and token.i > 0 and doc[token.i - 1].lower_ == "de" and token.i + 1 < len(doc) \
            and doc[token.i + 1].pos_ in ("ADJ", "NOUN", "VERB") and not doc[token.i + 1].is_punct:
        end = token.i + 2
        while end < len(doc) and doc[end].pos_ in ("ADJ", "ADP", "DET", "NOUN") and not doc[end].is_punct \
                and end - token.i < 6:
            end += 1
        return doc[token.i:end]
    return None


def _opinion_for(token, spec):
    """Sentence-initial "Pour X," / "For X,": the view that follows is X's (in French a person
    or a body; in English only a person's name, as "For now," or "For Acme, the deal…" say
    when or about whom)."""
    doc = token.doc
    if token.lower_ not in ("pour", "for") or token.i != token.sent.start:
        return None
    comma = next((t for t in doc[token.i + 1:min(token.i + 12, token.sent.end)] if t.text == ","), None)
    if comma is None or comma.i - token.i < 2:
        return None
    who = doc[token.i + 1:comma.i]
    if who[0].pos_ not in ("DET", "PROPN") or any(t.pos_ == "VERB" for t in who):
        return None
    if token.lower_ == "for" and not any(ent.label_ == "PERSON" for ent in who.ents):
        return None
    return who


def _misread_verb(token, verbs):
    """A reporting verb the tagger took for an adjective or a noun, right before "que"/"that":
    the noun phrase before it, back to the start of the clause, is its subject."""
    doc = token.doc
    if token.pos_ not in ("ADJ", "NOUN") or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in COMPLEMENTISER:
        return None
    if not _is_reporting(token, verbs) or token.i == token.sent.start:
        return None
    subject = next((c for c in token.children if c.dep_.startswith("nsubj") and c.i < token.i), None)
    if subject is not None:
        return _phrase(subject, cut_at_comma=True)
    return _subject_before(token)


def _misread_with_object(token, verbs):
    """A reporting verb the French tagger took for an adjective after its subject's noun
    ("Le rapport pointe des dépenses", "Une note interne évoque la fermeture"): right after a
    noun or an adjective, right before the determiner of its object. A determiner before it
    makes it the noun ("une note"), so only a word after a noun phrase is read this way."""
    doc = token.doc
    if doc.lang_ != "fr" or token.pos_ not in ("ADJ", "NOUN") or token.i == token.sent.start:
        return None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or not (following.pos_ == "DET" or following.lower_ in PARTITIVES) or \
            doc[token.i - 1].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    if not _is_reporting(token, verbs) or token.lower_.endswith(PARTICIPLE_ENDINGS):
        return None
    return _subject_before(token)


def _misread_participle(token, verbs):
    """A reporting participle right after its auxiliary ("a démenti", "ont dénoncé") that the
    French tagger took for a name or a noun: the auxiliary's clause has the subject."""
    doc = token.doc
    if doc.lang_ != "fr" or token.pos_ in ("VERB", "AUX") or token.i == 0 or not token.is_alpha:
        return None
    auxiliary = doc[token.i - 1]
    if auxiliary.pos_ != "AUX" or auxiliary.lemma_.lower() != "avoir" or not _is_reporting(token, verbs):
        return None
    subject = next((c for c in auxiliary.head.children if c.dep_.startswith("nsubj") and c.i < auxiliary.i), None)
    return None if subject is None else _phrase(subject)


PARTITIVES = {"des", "du"}   # articles the tagger often reads as prepositions
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")   # "une entreprise soupçonnée de…" describes, it does not speak


def _read_in(token, spec):
    """"On peut lire dans le rapport que…", "…, lit-on dans la lettre": the press's impersonal
    "one reads in X" makes X the source (a document or an outlet: what else can be read)."""
    if token.lower_ not in ("lire", "lit", "lisait") or token.doc.lang_ != "fr":
        return None
    doc = token.doc
    for j in range(token.i + 1, min(token.i + 3, len(doc))):
        if doc[j].lower_ in ("-on", "on"):
            continue
        if doc[j].lower_ != "dans":
            return None
        head = next((t for t in doc[j + 1:j + 4] if t.pos_ in ("NOUN", "PROPN")), None)
        readable = {w.lower() for w in [*spec.kinds.get("document", []), *spec.kinds.get("other_media", [])]}
        if head is None or (head.lemma_.lower() not in readable and head.pos_ != "PROPN"):
            return None
        phrase = _phrase(head, cut_at_comma=True)
        return doc[j + 1:phrase.end] if phrase.start <= j else phrase
    return None


def _colon_speaker(colon, spec):
    """"Le maire se veut rassurant : « Il n'y a aucun danger »", "Ms Silva was clear: "…"":
    words in quotation marks right after a colon are those of the clause's subject, the press's
    way of introducing a quotation without a verb of saying (Rosier, Le discours rapporté en
    français, 2008: the colon as an introducer). The subject is the one of the clause before
    the colon; a document or a figure ("Le bilan est lourd : « 12 morts »") is not a speaker."""
    doc = colon.doc
    if colon.text != ":" or colon.i + 1 >= len(doc) or doc[colon.i + 1].text not in ("«", "“", '"'):
        return None
    before = doc[colon.sent.start:colon.i]
    nominal = _nominal_introducer(before, spec)
    if nominal is not None:
        return nominal
    verbs = spec.reporting_verbs
    # A verb of saying or a "que/that" before the colon: the quotation is that speaker's,
    # found by the verb ("Un autre souligne que X … : « … »").
    if any(t.text in QUOTE_MARKS or t.lower_ in COMPLEMENTISER or
           (t.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and _is_reporting(t, verbs)) for t in before):
        return None
    if before and before[0].pos_ == "PROPN" and not any(t.pos_ in ("VERB", "AUX") for t in before) and \
            any(ent.label_ in ("PER", "PERSON", "ORG") for ent in before.ents):
        return before       # "Marie Durand : « … »": a name alone before the colon speaks
    subject = next((t for t in before if t.dep_ in SUBJECT_DEPS and t.head.i < colon.i and
                    t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ not in RELATIVES), None)
    if subject is None or subject.lemma_.lower() in {d.lower() for d in spec.kinds.get("document", [])}:
        return None
    return _phrase(subject, cut_at_comma=True)


OF_WORDS = {"de", "du", "des", "d'", "d’", "from", "of", "by"}


def _nominal_introducer(before, spec):
    """"Réponse du sénateur X : « … »", "Reaction from the club: "…"": a noun of speech, the
    speaker after "de/from", and the colon; nothing else before the colon."""
    nouns = {n.lower() for n in spec.speech_nouns}
    if len(before) < 3 or before[0].lemma_.lower() not in nouns or before[1].lower_ not in OF_WORDS:
        return None
    speaker = before[2:]      # "de la ministre": the article stays with the speaker
    if any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text != ",") for t in speaker):
        return None
    # "Réponse de M. X, le directeur du port :": the apposition describes the speaker.
    comma = next((t for t in speaker if t.text == ","), None)
    if comma is not None:
        speaker = before[2:comma.i - before.start]
    # Someone who can speak: a name, a role or a kind of source ("Commentaire du jour" is not).
    known = _role_words(spec) | {w.lower() for words in spec.kinds.values() for w in words}
    if not any(t.pos_ == "PROPN" or t.lemma_.lower() in known or t.lower_ in known for t in speaker):
        return None
    return speaker


def _subject_before(token):
    """The noun phrase right before a verb the parse gave no subject, back to the start of its
    clause; a participle that describes it ("Le décret paru au Journal officiel prévoit…",
    "Les chiffres publiés par le ministère montrent…") belongs to it."""
    doc = token.doc
    start = token.i
    while start > token.sent.start and not doc[start - 1].is_punct and (
            doc[start - 1].pos_ not in ("VERB", "SCONJ", "AUX") or doc[start - 1].dep_ in ("acl", "amod")):
        start -= 1
    if start == token.i and doc[start - 1].text == ",":
        return _apposed_subject(token)
    if start == token.i or doc[start].pos_ not in ("DET", "PROPN", "NOUN", "PRON", "NUM"):
        return None
    head = next((t for t in doc[start:token.i] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    return doc[start:token.i] if head is not None else None


def _apposed_subject(token):
    """"Marie Durand, la maire du village, prévoit…", "L'étude, publiée dans une revue, montre…",
    "Anne Roy, qui a dirigé l'étude, note…": the noun phrase opening the sentence, then one
    phrase between commas that describes it (an apposition, a participle, a relative clause),
    is the subject the parse lost; what describes it stays with it only when it has no verb."""
    doc, first = token.doc, token.sent.start
    words = doc[first:token.i - 1]
    commas = [t.i for t in words if t.text == ","]
    if len(commas) != 1 or doc[first].pos_ not in ("PROPN", "DET"):
        return None
    head, described = doc[first:commas[0]], doc[commas[0] + 1:token.i - 1]
    if not described or any(t.pos_ in ("VERB", "AUX") for t in head) or \
            not any(t.pos_ in ("NOUN", "PROPN") for t in head):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in described):
        return words
    opens = described[0]
    if opens.lower_ in RELATIVES or (opens.pos_ == "VERB" and "Part" in opens.morph.get("VerbForm")):
        return head
    return None


def _suffixed_pronoun(token):
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in PRONOUN_SUFFIXES and doc[token.i + 1].lower_ != "-t" \
            and token.pos_ not in ("PRON", "PUNCT"):
        return doc[token.i + 1]
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "-t" and doc[token.i + 2].lower_ in PRONOUN_SUFFIXES:
        return doc[token.i + 2]
    return None


def _participle_after(auxiliary, pronoun, verbs):
    """The reporting participle right after an inverted auxiliary and its pronoun ("a-t-il
    précisé", "ont-elles dénoncé"), whatever the tagger made of it."""
    after = pronoun.i + 1
    if auxiliary.lemma_.lower() not in ("avoir", "être") or after >= len(auxiliary.doc):
        return None
    participle = auxiliary.doc[after]
    return participle if participle.is_alpha and _is_reporting(participle, verbs) else None


INCISE_OPENERS = {",", "»", "\"", "”"}
# "a rappelé lundi soir le sénateur": when it was said, between the verb and who said it.
TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin", "midi",
              "hier", "aujourd'hui", "aujourd’hui", "encore", "alors", "ensuite", "aussi", "également", "dernier",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
              "also", "later", "then", "again", "earlier"}
PRONOUN_SUFFIXES = ("-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-t")
# Who was told, as a conjunct pronoun before the verb or its auxiliary ("», nous a confié X",
# "», m'explique X"): Grevisse, Le Bon Usage, § 679 (the place of the conjunct object pronoun).
OBJECT_CLITICS = frozenset({"nous", "vous", "me", "m'", "m’", "te", "t'", "t’", "lui", "leur"})


def _incise(token, verbs, spec_words=frozenset()):
    """"…», assure Ana Boata" / "…, rappelle-t-il": a reporting verb right after quoted
    words, with its subject after it. The parser often misreads these, so read the surface."""
    doc, back = token.doc, token.i - 1
    if back < 0 or token.is_punct or token.pos_ in ("DET", "PRON", "PROPN", "ADP"):
        return None
    pronoun = None
    # "», a déclaré X" and "», a-t-il affirmé": step back over the auxiliary and its pronoun.
    # "», a encore insisté X", "», a notamment rappelé X": and over an adverb between them;
    # "», nous a confié X": and over who was told.
    while back >= 0 and (doc[back].pos_ == "AUX" or doc[back].lower_ in PRONOUN_SUFFIXES or
                         (doc[back].pos_ == "ADV" and back > 0 and doc[back - 1].pos_ == "AUX") or
                         (doc[back].lower_ in OBJECT_CLITICS and back > 0 and doc[back - 1].text in INCISE_OPENERS)):
        if doc[back].lower_ in PRONOUN_SUFFIXES and doc[back].lower_ != "-t":
            pronoun = doc[back]
        back -= 1
    # The tagger often misreads incise verbs ("rappelle" as an adjective): the opener and
    # the verb's stem decide, not its part of speech.
    if back < 0 or doc[back].text not in INCISE_OPENERS or not _is_reporting(token, verbs):
        return None
    if doc[back].text == "," and not _quoted_before(doc[back]) and \
            ((_introduces_words(token) and not _inverted_before_colon(token)) or _closes_relative(doc[back])):
        return None
    if not _quoted_before(doc[back]) and _subject_before_verb(token) and not _between_commas_inverted(token):
        return None
    if any(c.dep_.startswith("nsubj") and c.i < token.i and c.pos_ in ("NOUN", "PROPN") and _after_closing_quote(c)
           for c in token.children):
        return None  # '"…," the mayor, Claire Hobbs, told the hall': the subject sits between quote and verb  # "X's inspector, Gareth Pryce, told councillors…": the subject came first  # "Le maire, Paul Garnier, a expliqué que…" is an apposition, not an incise
    if pronoun is not None:
        return doc[pronoun.i:pronoun.i + 1]
    glued = _suffixed_pronoun(token)
    if glued is not None:
        return doc[glued.i:glued.i + 1]      # "confie-t-il au Figaro": il speaks, to the paper
    end = token.i + 1
    while end < len(doc) and (doc[end].lower_ in PRONOUN_SUFFIXES or doc[end].pos_ == "ADV" or
                              doc[end].lower_ in TIME_WORDS):
        end += 1
    start = end
    while end < len(doc) and not doc[end].is_punct:
        end += 1
    start = _after_addressee(doc, start, end)
    end = _before_addressee(doc, start, _with_role(doc, end, spec_words))
    if start == end:
        pronoun = [t for t in doc[token.i + 1:start] if t.lower_ in PRONOUN_SUFFIXES and t.lower_ != "-t"]
        return doc[pronoun[0].i:pronoun[0].i + 1] if pronoun else None
    return doc[start:end]


def _subject_before_verb(verb) -> bool:
    """A subject before the verb that is not the pronoun glued to its auxiliary ("a-t-elle
    souligné" is an incise; "Le maire, X, a expliqué" is not)."""
    return any(c.dep_.startswith("nsubj") and c.i < verb.i and c.lower_ not in PRONOUN_SUFFIXES
               for c in verb.children)


def _between_commas_inverted(verb) -> bool:
    """"Le groupe, a rappelé hier le sénateur X, dirige les filiales": an incise inside the
    sentence, its subject inverted after the verb (Grevisse, Le Bon Usage, § 380). The parse
    takes the sentence's own subject for the verb's; the noun phrase between the verb and the
    closing comma, and a verb after that comma, say it is an incise."""
    mark = _after_inverted_subject(verb)
    return mark is not None and mark.text == "," and any(t.pos_ == "VERB" for t in verb.doc[mark.i + 1:verb.sent.end])


def _inverted_before_colon(verb) -> bool:
    """"…, racontent les anciens salariés : on commande…": the incise's subject, then the colon
    that opens what they tell; "X, a expliqué que…" introduces words with no inverted subject."""
    mark = _after_inverted_subject(verb)
    return mark is not None and mark.text == ":" and verb.doc.lang_ == "fr"


def _after_inverted_subject(verb):
    """The punctuation right after the verb's inverted subject, if it has one."""
    phrase = _inverted_subject(verb)
    return verb.doc[phrase.end] if phrase is not None and phrase.end < len(verb.doc) else None


def _inverted_subject(verb):
    """The noun phrase right after the verb, up to the next punctuation, when it can be the
    verb's inverted subject ("racontent les anciens salariés :", "a rappelé hier le sénateur X,")."""
    doc, end = verb.doc, verb.i + 1
    while end < len(doc) and (doc[end].lower_ in TIME_WORDS or doc[end].pos_ == "ADV"):
        end += 1
    start = end
    while end < len(doc) and not doc[end].is_punct:
        end += 1
    phrase = doc[start:end]
    # The tagger reads some nouns as adjectives ("les anciens salariés"): after an article, they count.
    heads = ("NOUN", "PROPN", "ADJ") if phrase[:1] and phrase[0].pos_ == "DET" else ("NOUN", "PROPN")
    if len(phrase) == 0 or phrase[0].pos_ not in ("DET", "PROPN") or \
            not any(t.pos_ in heads for t in phrase[1:] or phrase) or \
            any(t.pos_ in ("VERB", "AUX") or t.lower_ in COMPLEMENTISER for t in phrase):
        return None
    return phrase


def _subject_before_relative(verb):
    """"Un cadre de la banque, qui souhaite rester anonyme, décrit…": the parse hangs the main
    verb on the relative clause or on the noun; its subject is the noun phrase before ", qui"."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or not _closes_relative(doc[verb.i - 1]):
        return None
    opener = next(t for t in doc[verb.sent.start:verb.i] if t.lower_ in RELATIVES and doc[t.i - 1].text == ",")
    phrase = doc[verb.sent.start:opener.i - 1]
    return phrase if any(t.pos_ in ("NOUN", "PROPN") for t in phrase) else None


def _closes_relative(comma) -> bool:
    """"Un cadre, qui souhaite rester anonyme, décrit…": the comma closes a relative clause
    between commas (an explicative relative, Grevisse § 1113) whose antecedent opens the
    sentence; what follows is the main verb, not an incise."""
    doc, start = comma.doc, comma.sent.start
    before = doc[start:comma.i]
    relative = [t for t in before if t.lower_ in RELATIVES and t.i > start and doc[t.i - 1].text == ","]
    return bool(relative) and doc[start].pos_ in ("DET", "PROPN", "NOUN") and \
        not any(t.text in QUOTE_MARKS for t in before)


QUOTE_MARKS = {"«", "»", '"', "“", "”"}


def _introduces_words(verb) -> bool:
    after = verb.doc[verb.i + 1:verb.sent.end]
    return any(t.lower_ in ("que", "qu'", "qu’", "that", ":", "«", "\"", "“") for t in after)


def _after_closing_quote(token) -> bool:
    """Does a closing quotation mark come before this word in its sentence?"""
    doc = token.doc
    marks = [t.i for t in doc[token.sent.start:token.i] if t.text in ("»", "”", '"')]
    return bool(marks) and (doc[marks[-1]].text != '"' or len(marks) % 2 == 0)


def _quoted_before(comma) -> bool:
    before = comma.doc[comma.sent.start:comma.i].text
    return any(mark in before for mark in ("»", "”", "\""))


def _a_person(speaker, who, spec) -> bool:
    """A person, even where the tagger read the name as a body's: "said Ruth Roe, chief executive
    of Acme" (a role in apposition says who she is)."""
    roles, doc, end = _role_words(spec), who.doc, who.end
    while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text != ",":
        end += 1          # "Ruth Adebayo" + "-Lane": the whole hyphenated name
    return speaker.person or any(t.lower_ in roles for t in who) or _with_role(doc, end, roles) > end


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
        # The speaker starts with a determiner, a number or a quantifier ("plusieurs", "deux",
        # "une source") right after the name of who was told.
        if doc[j].pos_ in ("DET", "NUM", "PRON") and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return j
        # …or with a person's name right after it ("a indiqué à l'AFP Paul Roy").
        if doc[j].ent_iob_ == "B" and doc[j].ent_type_ in ("PER", "PERSON") and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return j
    return start


def _before_addressee(doc, start: int, end: int) -> int:
    """"a expliqué Paul Roy à l'AFP", "said Ann Lee to reporters": who was told, after the
    speaker's name, is not part of the speaker."""
    for j in range(start + 1, end):
        if doc[j].lower_ in ("à", "au", "aux", "auprès", "to") and doc[j - 1].pos_ == "PROPN":
            return j
    return end


def _is_reporting(token, verbs) -> bool:
    """By lemma, or by stem where the small model's lemma is wrong ("rappelle" → "rappell")."""
    if token.lemma_.lower() in verbs or short_lemma(token) in verbs:
        return True
    if token.lower_ == "savoir" and token.i > 0 and token.nbor(-1).lemma_.lower() == "faire":
        return True          # "faire savoir" (to make known) reports; "savoir" alone is to know
    if _phrase_length(token, verbs):
        return True          # "a mis en garde", "a fait part de": a verb and its fixed words
    return token.lower_.startswith(_stems(verbs))


@lru_cache(maxsize=8)
def _phrases(verbs: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Verb phrases of the list by their verb: {"mettre": (("en", "garde"),), …}."""
    found: dict[str, list] = {}
    for phrase in verbs:
        head, *rest = phrase.split()
        if rest:
            found.setdefault(head, []).append(tuple(rest))
    return {head: tuple(rests) for head, rests in found.items()}


def _phrase_length(token, verbs) -> int:
    """How many fixed words follow this verb in a verb phrase of the list (0 if none)."""
    return max((len(rest) for rest in _phrases(verbs).get(token.lemma_.lower(), ()) if _phrase_follows(token, rest)),
               default=0)


def _phrase_follows(token, rest: tuple[str, ...]) -> bool:
    doc = token.doc
    return token.i + len(rest) < len(doc) and all(doc[token.i + 1 + k].lower_ == word for k, word in enumerate(rest))


@lru_cache(maxsize=8)
def _stems(verbs: frozenset[str]) -> tuple[str, ...]:
    # Only long stems: "valo(ir)" would take "valoriserait" for a reporting verb.
    stems = {v[:-2] for v in verbs if len(v) > 6 and v.endswith(("er", "ir", "re"))}
    # "révéler" → "révèle", "suggérer" → "suggère": the last é of the stem turns grave before a
    # silent ending (Bescherelle, verbs of the "céder" type).
    stems |= {stem[:i] + "è" + stem[i + 1:] for stem in list(stems) if (i := stem.rfind("é")) >= len(stem) - 3}
    # relever → relèv-e, préciser → précis-e: the written stem may take a grave accent.
    stems |= {stem[:-2] + "è" + stem[-1] for stem in stems if len(stem) > 3 and stem[-2] == "e"}
    return tuple(sorted(stems))


def _reports(verb, who, spec) -> bool:
    """A reporting verb attributes only when it introduces words: a clause ("said that…"),
    a quotation, an incise after the quoted words ("…, a indiqué l'Insee"), "as X reported",
    or a stance such as a denial."""
    if judgment_given(verb):
        return False  # "le tribunal a condamné la société": the court's act, not its stance
    if verb.lemma_.lower() in spec.stance_verbs:
        return True
    if verb.lemma_.lower() in spec.announcing_verbs and who.start < verb.i and \
            _named(who, spec):
        return True  # "the ministry confirmed the decision": on the record, by name
    if verb.lemma_.lower() in CITING:
        return True  # "X cited a source", "citing officials"
    if any(child.dep_ in ("ccomp", "parataxis", "xcomp", "obj:cl", "csubj") for child in verb.children):
        return True
    if any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children) or _as_reported(verb):
        return True
    if clause_on_its_phrase(verb):
        return True  # "said in a statement that…": the parse hung the clause on "statement"
    if any(child.dep_ in ("prep", "obl", "obl:arg") and _preposition_of(child) in spec.speech_prepositions
           for child in verb.children):
        return True  # "warned against cuts", "a alerté sur les risques": what the words are about
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in COMPLEMENTISER:
        return True  # "note qu'une filiale ne paie rien": a "que" clause the parse hung elsewhere
    if _canonical(verb, frozenset(spec.clause_verbs)) in spec.clause_verbs:
        # "ils soutiennent la baisse", "the firm posted a loss": an act, unless words follow or
        # precede, or it judges its object ("called the scheme unfair")
        return who.start > verb.i or any(mark in verb.sent.text for mark in ("«", "\"", "“", "”")) or \
            any(child.dep_ in ("oprd", "acomp", "xcomp") for child in verb.children)
    if verb.dep_ in ("relcl", "acl:relcl") or who.start > verb.i:
        return True  # "which the paper said", "…, a indiqué l'Insee"
    if any(child.dep_ in ("obj", "dobj") for child in verb.children) and verb.lemma_.lower() in spec.stance_verbs:
        return True
    sentence = verb.sent.text
    if any(mark in sentence for mark in ("«", "\"", "“", "”")):
        return True
    # "L'étude montre une hausse", "the company told investors…": what a source states
    return any(child.dep_ in ("obj", "dobj", "iobj", "obl:arg", "oprd", "acomp", "xcomp") for child in verb.children)


def _preposition_of(child) -> str:
    """The preposition of a verb's complement: the English "prep" itself, or a French
    oblique's "case" word ("sur les risques")."""
    if child.dep_ == "prep":
        return child.lower_
    case = next((c for c in child.children if c.dep_ == "case"), None)
    return case.lower_ if case is not None else ""


def _preposition_start(token, prepositions) -> int | None:
    """Where an attribution preposition ending at this token starts: "selon", "d'après",
    "à en croire", "de l'aveu même de", "in the words of"; None if none ends here."""
    if token.lower_ not in _last_words(prepositions):
        return None          # (every token comes here: only a preposition's last word goes on)
    doc, phrase = token.doc, token.lower_
    for first in range(token.i, max(-1, token.i - 5), -1):
        if first < token.i:
            word = doc[first].lower_
            phrase = f"{word}{phrase}" if word.endswith(("'", "’")) else f"{word} {phrase}"
        if phrase in prepositions:
            return first
    return None


@lru_cache(maxsize=8)
def _last_words(prepositions: frozenset[str]) -> frozenset[str]:
    return frozenset(re.split(r"[ '’]", p)[-1] for p in prepositions)


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
    return _with_agent(head, _phrase(head, cut_at_comma=True))


def _with_agent(head, phrase):
    """"selon des chiffres publiés mardi par la préfecture", "according to figures released by the
    ministry": who released the document is part of the source (it speaks on the record)."""
    released = _released_by(head)
    if released is None or any(t.text == "," for t in head.doc[phrase.end:released[1].start]):
        return phrase
    return head.doc[phrase.start:max(phrase.end, released[1].end)]


def _released_by(head):
    """(participle, agent) of "figures released by X", "chiffres publiés par X", or None."""
    for participle in head.children:
        if participle.dep_ == "acl" and participle.i > head.i and participle.pos_ == "VERB":
            agent = _agent_of(participle)
            if agent is not None:
                return participle, agent
    return None


def _released_verb(who) -> str:
    """The participle by which a body released the document a source phrase names ("figures
    released by X" → "release"), or ""."""
    released = _released_by(who.root)
    return released[0].lemma_.lower() if released is not None and released[0] in who else ""


def _possessive(token) -> bool:
    return token.tag_ == "PRP$" or "Yes" in token.morph.get("Poss")


def _subject_of(verb):
    if _as_reported(verb):
        # "Comme l'a révélé Le Courrier": the clitic stands for the words; the speaker follows
        after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("PROPN", "NOUN") and
                 c.dep_ in ("obj", "dobj", "nsubj", "obl:arg")]
        return _phrase(after[0]) if after else None
    light = next((c for c in verb.children if c.lemma_.lower() == "faire" and c.i == verb.i - 1), None)
    if light is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = light         # "La préfecture a fait savoir que…": the parse hangs the subject on "fait"
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lower_ in TIME_WORDS:
            continue      # "Lundi, en soirée, une commission … a dévoilé": the day is not who spoke
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVES and verb.dep_ in ("relcl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return _phrase(verb.head)     # "Marc Schaffel, who said…": the antecedent speaks
            phrase = _phrase(child)
            if any(t.pos_ == "SCONJ" and t.lower_ in COMPLEMENTISER for t in phrase):
                return None   # a whole "X note que Y" read as the subject of Y's verb: not a speaker
            return _with_name_before(phrase)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and verb.head != verb and \
            not any(c.dep_ in ("obj", "dobj", "iobj") for c in verb.head.children):
        # "The mayor likes to call it…", "X a tenu à préciser…": the subject of the verb it
        # completes (subject control, Quirk et al. 1985, § 16.40); "asked the council to
        # approve" is the object's act (object control), not the asker's
        return None if _impersonal(verb.head) else _subject_of(verb.head)
    opening = _subject_before_relative(verb)
    if opening is not None:
        return opening
    partitive = _partitive_subject(verb)
    if partitive is not None:
        return partitive
    # French incise: "…, a indiqué ce vendredi l'Insee" — the subject follows the verb. (English
    # inverts only "said X", which its parse gives a subject; "X, likes to call the network…"
    # has its object after the verb.)
    if verb.doc.lang_ != "fr":
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("obj", "dobj", "obl:arg", "nsubj") and child.pos_ in ("PROPN", "NOUN") \
                and not any(c.dep_ == "case" for c in child.children):     # "publiée dans une revue": not a subject
            if verb.i > 0 and any(t.text in (",", "»", "\"", "”") for t in verb.doc[max(0, verb.i - 3):verb.i]) or \
                    _as_reported(verb):
                return _phrase(child)
    return None


def _as_reported(verb) -> bool:
    """"Comme l'a indiqué la préfecture, …", "comme le rapporte Le Courrier": "comme" and the
    neuter "le" standing for the words reported, the subject after the verb (Grevisse, Le Bon
    Usage, § 674: the "comme" incise)."""
    return verb.doc.lang_ == "fr" and any(c.dep_ == "mark" and c.lower_ == "comme" for c in verb.children) and \
        any(c.lower_ in ("l'", "l’", "le") and c.i < verb.i and c.pos_ == "PRON" for c in verb.children)


def _impersonal(verb) -> bool:
    """"Il est essentiel de rappeler que…", "Il faut préciser que…": an impersonal "il" controls no
    one; the writer speaks (Grevisse, Le Bon Usage, § 754: impersonal constructions)."""
    return verb.lemma_.lower() == "falloir" or any(
        c.dep_ in ("expl:subj", "expl") or (c.dep_.startswith("nsubj") and c.lower_ in ("il", "it") and
                                            any(k.dep_ == "cop" for k in verb.children))
        for c in verb.children)


def _with_name_before(subject):
    """"Vellor, premier employeur de la région, a confirmé…": the parse may take the
    apposition for the subject and leave the name before it aside; the name belongs to it."""
    doc, start = subject.doc, subject.start
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN":
        first = start - 2
        while first > subject.sent.start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first == subject.sent.start:
            return doc[first:subject.end]
    return subject


def _partitive_subject(verb):
    """"D'anciens employés dénoncent…", "De nombreux élus estiment…": the plural indefinite
    article is "de" before an adjective (Grevisse, Le Bon Usage, § 584), which the tagger
    reads as a preposition, so the subject comes out as an oblique opening the sentence."""
    for child in verb.children:
        if child.dep_.startswith("obl") and child.i < verb.i and child.left_edge.i == verb.sent.start and \
                child.left_edge.lower_ in ("de", "d'", "d’") and child.pos_ == "NOUN":
            phrase = _phrase(child)
            return verb.doc[child.left_edge.i:phrase.end]      # with its article: "D'anciens employés"
    return None


# A connective the parse may hang under the subject ("C'est pourquoi un groupe de chercheurs
# appelle…"): it links to the previous sentence, it is not who speaks.
CONNECTIVES = [("c'", "est", "pourquoi"), ("c’", "est", "pourquoi"), ("voilà", "pourquoi"), ("c'", "est", "ainsi", "que"),
               ("c’", "est", "ainsi", "que"), ("that", "is", "why"), ("this", "is", "why"), ("that", "'s", "why"),
               ("that", "’s", "why")]


def _phrase(head, cut_at_comma: bool = False):
    """The head's subtree as a span, without relative clauses or trailing punctuation."""
    keep = [t for t in head.subtree if not any(a.dep_ in ("relcl", "acl:relcl", "acl") and a != head
                                              for a in _ancestors_upto(t, head))]
    first, last = min(t.i for t in keep), max(t.i for t in keep)
    commas = [t.i for t in keep if t.text == "," and t.i > head.i]
    if cut_at_comma and commas:
        last = commas[0] - 1  # "selon des sources proches de la mairie, la piscine…": the clause, not the source
    span = head.doc[first:last + 1]
    while len(span) > 1 and (span[0].dep_ == "case" or span[0].is_punct or span[0].lower_ in ("selon", "d'", "d’", "après")):
        span = span[1:]
    connective = next((len(c) for c in CONNECTIVES if tuple(t.lower_ for t in span[:len(c)]) == c and len(span) > len(c)), 0)
    span = span[connective:]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _ancestors_upto(token, head):
    while token != head and token.head != token:
        yield token
        token = token.head


def _named(who, spec) -> bool:
    """Is this phrase, on its own, a named person or organisation?"""
    speaker = Speakers(spec).classify(who)
    return speaker is not None and speaker.kind in ("named_organisation", "named_person")


def _without_overlaps(sources: list[Source]) -> list[Source]:
    ordered = sorted(sources, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Source] = []
    for source in ordered:
        if kept and source.start < kept[-1].end:
            continue
        kept.append(source)
    return kept
