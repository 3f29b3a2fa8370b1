"""Who a source is: the kind of a speaker phrase, read from its head, its entities and its
determiner, and what a pronoun or a definite description refers back to.

The kinds are the guide's: a named person, a named organisation, an unnamed source, a
document, another outlet. What decides, in order (as quote-attribution systems such as
SFU's Gender Gap Tracker and Radar de Parité do, on the dependency parse):

1. a pronoun ("il", "she", "-t-elle", "they") is the last compatible mention: a speaker, or
   a main-clause subject in the writer's own words (`notice`, after Lappin & Leass 1994); the
   same number, a person for "he"/"she", a body for "it", in French the same gender ("la
   mairie… elle"; "il"/"elle" may be a person or a body);
2. another outlet: a known outlet or agency, a name built like one (… Post, Le … du soir),
   or a head noun such as "newspaper", "hebdomadaire";
3. a document: "a report", "the study", "un communiqué" (another outlet's investigation
   stays the outlet's);
4. a named person: a person entity, or a title or role with a proper name ("le sénateur X");
5. a named organisation: an organisation entity, a proper noun, a spokesperson, or an
   institution noun ("the ministry", "la commission");
6. an unnamed source: "sources", "critics", an indefinite someone ("un ancien salarié", "a
   lawyer"), a plural group; a definite person noun ("the singer") is the last person named.

Word lists are the rule pack's (rules/<lang>.yaml, `attribution`).
"""
from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, replace

INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "quelques", "divers", "d'autres", "d’autres",
              "a", "an", "some", "several", "many", "one", "two", "three", "four", "other", "others", "various", "few"}
DEFINITE = {"le", "la", "l'", "l’", "les", "the", "this", "that", "ce", "cet", "cette", "ces"}
THEY = {"they", "ils", "elles", "-ils", "-elles"}
QUANTIFIERS = {"plusieurs", "certains", "certaines", "beaucoup", "nombre", "several", "some", "many", "most", "few"}
IT = {"it", "its"}
# "its sources", "ses sources": someone else's; "our site", "whose manifesto" never relay a source.
THIRD_PERSON_POSSESSIVES = {"its", "his", "her", "their", "son", "sa", "ses", "leur", "leurs"}
HE_SHE = {"he", "she", "il", "elle", "-il", "-elle", "-t-il", "-t-elle", "his", "her"}
ORG_LABELS = {"ORG", "GPE", "LOC", "NORP", "FAC"}
ROLE_NOUNS = {"expert", "experte", "économiste", "analyste", "observateur", "observatrice", "spécialiste", "connaisseur",
              "critique", "analyst", "economist", "observer", "specialist", "critic", "commentator", "researcher",
              "chercheur", "chercheuse", "scientist", "scientifique", "cadre", "responsable", "official"}
# Verbs by which a body puts data or a document out on the record ("figures released by the
# ministry", "chiffres publiés par la préfecture").
RELEASING = {"release", "publish", "issue", "disclose", "publier", "diffuser", "communiquer", "dévoiler", "rendre"}
REPRESENTATIVES = {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "avocat", "avocats", "avocate", "avocates",
                   "conseil", "conseils"}
# Dependencies by which a name belongs to the speaker itself ("le sénateur Levin", "trois
# scientifiques, A et B"); a name under "de"/"of" is someone else ("un proche de X").
NAMING_DEPS = {"appos", "flat", "flat:name", "compound", "nn", "conj", "amod"}
PERSON_LABELS = {"PER", "PERSON"}
OF = {"de", "d'", "d’", "of"}                  # "un groupe de…", "some of…"
OF_OR_FOR = OF | {"du", "for"}                 # "les avocats du…", "lawyers for…": whose they are


@dataclass(frozen=True)
class Speaker:
    kind: str            # one of the guide's source kinds
    plural: bool
    person: bool         # a person ("he", "she") rather than a body ("it")
    text: str
    confidence: float = 0.8
    start: int = 0       # where the mention stands in the article (set by `classify`)
    end: int = 0
    gender: str = ""     # "Fem" / "Masc" when the words say it (French nouns, pronouns, titles)


class Speakers:
    """Classifies speaker phrases through one article, remembering who spoke, so that a
    pronoun or "the newspaper" can be read as the speaker it refers back to."""

    def __init__(self, spec, text: str = "", outlets: set[str] = frozenset()):
        self.spec = spec
        self.outlet_names = _outlet_pattern(spec.media_names, _aliases(text, spec) | set(outlets))
        # (where it was said or mentioned, order seen, speaker, whether it spoke), in the article's order
        self.history: list[tuple[int, int, Speaker, bool]] = []
        self._at = 0         # where the phrase being classified stands: what precedes it is "before"
        self.anonymous = _lower(spec.kinds.get("anonymous", []))
        self.documents = _lower(spec.kinds.get("document", []))
        self.outlets = _lower(spec.kinds.get("other_media", []))
        self.outlet_nouns = _lower(spec.outlet_nouns)
        self.staff = _lower(spec.media_staff_words)
        self.bodies = _lower(spec.kinds.get("named_organisation", []))
        self.roles = _lower(spec.person_roles)
        self.spokespeople = _lower(spec.spokesperson_words)
        self.leaders = _lower(spec.leader_roles) - self.spokespeople

    def classify(self, who, base: int = 0) -> Speaker | None:
        """The speaker of a phrase (a spaCy Span whose doc starts at `base` in the article),
        remembered for what follows; None if unknown. A pronoun's speaker keeps the mention
        it refers back to."""
        self._at = base + who.start_char
        speaker = self._classify(who)
        if speaker is None:
            return None
        if not speaker.end:
            speaker = replace(speaker, start=self._at, end=base + who.end_char, text=who.text,
                              gender=speaker.gender or _gender(who))
        self._remember(speaker, spoke=True)
        return speaker

    def notice(self, subject, base: int = 0) -> None:
        """A clause's subject that says nothing ("La mairie a réagi."), remembered as what a later
        pronoun may refer to. Salience follows Lappin & Leass (1994): the subject is the most
        salient mention of its sentence, and the most recent compatible one wins; only a named
        person, body, outlet or document is kept, never a reading that is itself a guess."""
        self._at = base + subject.start_char
        if _pronoun(subject, subject.root) is not None:
            return
        speaker = self._classify(subject)
        if speaker is None or speaker.kind == "anonymous" or speaker.confidence < 0.7:
            return
        self._remember(replace(speaker, start=self._at, end=base + subject.end_char, text=subject.text,
                               gender=speaker.gender or _gender(subject)), spoke=False)

    def _remember(self, speaker: Speaker, spoke: bool) -> None:
        insort(self.history, (self._at, len(self.history), speaker, spoke), key=lambda entry: entry[:2])

    def _before(self, spoke_only: bool = False):
        """What was said or mentioned before the phrase being classified, nearest first."""
        return (speaker for at, _, speaker, spoke in reversed(self.history)
                if at < self._at and (spoke or not spoke_only))

    def owner(self, who) -> Speaker | None:
        """Whose sources these are ("its sources", "ses sources"): the speaker the head's
        possessive refers to, among those who spoke (a relay is someone heard, not a topic)."""
        for token in who.root.children:
            if token.dep_ in ("det", "nmod:poss", "poss") and token.lower_ in THIRD_PERSON_POSSESSIVES:
                return self._antecedent(token.lower_, token.lower_ in ("their", "leurs"), spoke_only=True)
        return None

    def _classify(self, who) -> Speaker | None:
        if _dateline(who):
            return None
        root = _head(who)
        words = [t.lower_ for t in who]
        plural = "Plur" in root.morph.get("Number") or root.lower_ in THEY or _coordinated(who, root)
        pronoun = _pronoun(who, root)
        if pronoun == "on":
            body = self._body_of_on(who)
            if body is not None:
                return body       # "À la mairie, on assure que…": the body speaks
            return Speaker("anonymous", False, True, who.text, 0.6)   # "on dit que": nobody named
        if pronoun is not None:
            found = self._refer_back(pronoun, plural)
            return found or self._unresolved(pronoun, who)
        text = who.text
        if _collective_of_people(who, root):
            # "un groupe de chercheurs de toute la France", "a handful of residents": people, none named
            return Speaker("anonymous", True, True, text, 0.7)
        if root.lower_ in QUANTIFIERS and len(who) > 2 and who[1].lower_ in OF:
            # "plusieurs de ses anciens employés", "several of the staff": some of a group, none named
            return Speaker("anonymous", True, True, text, 0.85)
        if any(" " in d and root.lower_ in d.split() and d in text.casefold() for d in self.documents):
            return self._document(who, root, plural)     # "court papers": not a newspaper
        if self._outlet(who, root):
            named = self.outlet_names is not None and bool(self.outlet_names.search(text))
            return Speaker("other_media", plural, False, text, 0.9 if named else 0.75)
        if root.lemma_.lower() in self.documents or root.lower_ in self.documents or \
                any(" " in d and d in text.casefold() for d in self.documents):
            return self._document(who, root, plural)
        labels = _naming_labels(who, root)
        lemma = root.lemma_.lower()
        if _nominal(who, root) and (lemma in self.anonymous or root.lower_ in self.anonymous) and \
                not labels & PERSON_LABELS:
            # "l'entourage de X", "un proche de X": the head says the speaker is not named. One
            # expert or analyst ("l'économiste de l'Insee", "a PR expert") is often named
            # elsewhere in the article: that reading is unsure.
            named_elsewhere = not plural and (lemma in ROLE_NOUNS or root.lower_ in ROLE_NOUNS)
            return Speaker("anonymous", plural, True, text, 0.5 if named_elsewhere else 0.85)
        if root.is_title and (lemma in self.bodies or root.lower_ in self.bodies) and root.pos_ in ("PROPN", "NOUN"):
            return Speaker("named_organisation", plural, False, text, 0.8)   # "Larchfield City Council"
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text.casefold()) for w in self.spokespeople):
            # "a spokeswoman for the ministry", "Jane Roe, a spokesperson for the council": the body speaks
            return Speaker("named_organisation", False, False, text, 0.85)
        if root.pos_ == "NOUN" and root.is_lower and not _indefinite(who) and \
                (lemma in self.bodies or root.lower_ in self.bodies) and _named_in(who, root):
            # "la société Acmé", "the company Acme": the head says a body, the name is the body's
            # own, even where the tagger reads that name as a person's
            return Speaker("named_organisation", plural, False, text, 0.8)
        if self._unnamed_member(who, root):
            # "a Jackson lawyer", "an Acme engineer": someone of a named side, not named (AP style)
            return Speaker("anonymous", plural, True, text, 0.7)
        if _acronym(root) and not labels & PERSON_LABELS:
            return Speaker("named_organisation", plural, False, text, 0.8)   # "WHO said", "l'OMS indique"
        # "the World Health Organization" is two names and no person; "M. Dupont" read as ORG is one.
        titled = self._titled_name(who) and not (labels & ORG_LABELS and not self._has_role(who))
        if labels & PERSON_LABELS or titled or self._representative(who, root) or _name_at_end(who, root):
            return Speaker("named_person", plural, True, text, 0.9)
        if self._leadership_of(who, root, plural):
            # "les fondateurs de Brico", "the directors of Acme": who lead a named body speak for
            # it on the record, as its spokesperson does (GUIDE; BBC Editorial Guidelines)
            return Speaker("named_organisation", True, False, text, 0.7)
        if self._office_holder(who, root, plural):
            # "le ministre de l'Intérieur", "the mayor of Dunmore": one person, identified by the
            # office (the tagger often labels the whole phrase an organisation)
            return Speaker("named_person", False, True, text, 0.75)
        if labels & ORG_LABELS or (root.pos_ == "PROPN" and not _indefinite(who)):
            return Speaker("named_organisation", plural, False, text, 0.7)
        if (lemma in self.bodies or root.lower_ in self.bodies) and not plural and \
                (not _indefinite(who) or _of_named(who, root)):
            # "une commission d'enquête du Sénat", "a unit of Acme": the institution names the body
            return Speaker("named_organisation", False, False, text, 0.7)
        if lemma in self.anonymous or root.lower_ in self.anonymous:
            return Speaker("anonymous", plural, True, text, 0.85)
        if _nominal(who, root) and _indefinite(who):
            return Speaker("anonymous", plural, True, text, 0.7)
        if _nominal(who, root) and _definite(who) and (lemma in self.roles or root.lower_ in self.roles):
            # "le sénateur", "les deux sénateurs", "the minister": someone named before
            # One office holder ("le maire") is one person: never a group heard before it.
            earlier = self._named_before(lemma, plural) or self._last(lambda s: s.person and s.plural == plural)
            if earlier is None and plural:
                return Speaker("anonymous", True, True, text, 0.5)   # "les chercheurs", none named before
            return Speaker(earlier.kind if earlier else "named_person", plural, True, text, 0.6)
        described = self._described_name(who, root)
        if described is not None:
            return Speaker(described, False, described == "named_person", text, 0.75)
        if _nominal(who, root) and plural:
            return Speaker("anonymous", True, True, text, 0.4)     # a bare plural: often wrong (measured)
        if _nominal(who, root) and _definite(who):
            # "the singer", "l'intéressée": a definite description points back to the last person
            earlier = self._last(lambda s: s.person and not s.plural)
            return None if earlier is None else Speaker(earlier.kind, False, True, text, 0.45)
        return None

    def _document(self, who, root, plural: bool) -> Speaker:
        """"a report", "the study"; "studies show" (no one named) is an unnamed source; figures
        "released by the ministry" are the ministry's, on the record."""
        # Only a body that put the data out speaks through it; "a report by X", "the survey,
        # carried out by X" are documents, whoever wrote them.
        agent = [t for t in who if _released_by(t) and t.i > root.i]
        if agent and any(ent.label_ in ORG_LABELS for ent in who.ents if ent.end > agent[0].i):
            return Speaker("named_organisation", False, False, who.text, 0.7)
        if plural and not any(t.dep_ != "punct" for t in root.children):
            return Speaker("anonymous", True, False, who.text, 0.6)     # "studies show": none named
        return Speaker("document", plural, False, who.text, 0.8)

    def _office_holder(self, who, root, plural: bool) -> bool:
        """A definite, singular leading office with what it heads: "le maire de Brévin"."""
        if plural or not _definite(who) or root.pos_ != "NOUN" or root.lower_ not in self.leaders:
            return False
        return any(c.dep_ in ("nmod", "prep") and c.i > root.i for c in root.children)

    def _leadership_of(self, who, root, plural: bool) -> bool:
        """A definite plural leading role of a named body: "les dirigeants d'Acmé"."""
        return plural and _definite(who) and root.pos_ == "NOUN" and \
            (root.lemma_.lower() in self.leaders or root.lower_ in self.leaders) and _of_named(who, root)

    def _described_name(self, who, root) -> str | None:
        """"Ravenlines, the country's largest bus operator": a capitalised word that an
        apposition describes is a name, whose kind the apposition's head gives."""
        if not root.is_title:
            return None
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                head = {child.lower_, child.lemma_.lower()}
                if head & self.bodies:
                    return "named_organisation"
                if head & self.roles:
                    return "named_person"
        return None

    def _unnamed_member(self, who, root) -> bool:
        """An indefinite lawyer, expert or official whose only name is the side they belong
        to, as a modifier before the noun ("a Jackson lawyer"); a name after the noun is their
        own ("a transport expert, Maria Lopez")."""
        if not _indefinite(who) or root.pos_ != "NOUN" or \
                not {root.lower_, root.lemma_.lower()} & (REPRESENTATIVES | ROLE_NOUNS | self.roles):
            return False
        return not any(t.pos_ == "PROPN" and t.i > root.i for t in who)

    def _representative(self, who, root) -> bool:
        """"Lawyers for X", "l'avocat de Y", "her lawyer": someone speaking for a named person."""
        if root.lower_ not in REPRESENTATIVES or _indefinite(who):
            return False
        owned = any(t.dep_ in ("poss", "det", "nmod:poss") and _possessive(t) for t in root.children)
        # "Lawyers for Smith and Jones", "les avocats de M. Roy": the named client they speak for
        client = any(t.lower_ in OF_OR_FOR and t.i > root.i and
                     t.i + 1 < who.end and who.doc[t.i + 1].pos_ == "PROPN" for t in who)
        return owned or client or any(ent.label_ in PERSON_LABELS for ent in who.ents)

    def _outlet(self, who, root) -> bool:
        # The head decides: someone who only belongs to an outlet or is named with it ("un
        # avocat du Courrier", "un membre du groupe X") is not the outlet speaking.
        if self._other_head(root):
            return False
        match = self.outlet_names.search(who.text) if self.outlet_names is not None else None
        if match is not None and not AFFILIATION.search(who.text[:match.start()]):
            return True   # (a name the article or the gazetteer gives an outlet, not the speaker's employer)
        if any(t.text in self.spec.media_name_words for t in who if t.i > who.start or t.is_title):
            return root.pos_ == "PROPN" or bool(who.ents)
        if root.lemma_.lower() not in self.outlets and root.lower_ not in self.outlets:
            return False
        # "ces sites", "un site", "a channel": with no name, a word that may mean any website or
        # channel is the topic, not a newsroom; only an outlet noun says so alone ("l'hebdomadaire").
        ambiguous = not any(n in who.text.casefold() for n in self.outlet_nouns)
        return not (ambiguous and _demonstrative_or_indefinite(who) and not _named_in(who, root))

    def _other_head(self, root) -> bool:
        if root.pos_ != "NOUN" or not root.is_lower:
            return False      # a name ("Le JDD", "the Courier") is the outlet itself
        words = {root.lower_, root.lemma_.lower()}
        phrase = f"{root.doc[root.i - 1].lower_} {root.lower_}" if root.i > 0 else root.lower_
        return not words & (self.outlets | self.staff) and phrase not in self.outlets   # "news agency"

    def _has_role(self, who) -> bool:
        return any(t.lower_.rstrip(".") in {r.rstrip(".") for r in self.roles} for t in who)

    def _titled_name(self, who) -> bool:
        """"le sénateur Levin", "Ms Kite", "the vice-president Jane Roe": a title or role and a
        name, the name being the speaker's own (the head or in apposition to it), not the
        name of someone they belong to ("l'entourage d'Emmanuel Macron")."""
        root = who.root
        own = [t for t in who if (t == root or _attached(t, root)) and
               (t.pos_ == "PROPN" or (t.is_title and t.i > who.start and t.is_alpha))]
        titled = any(t.lower_.rstrip(".") in {r.rstrip(".") for r in self.roles} for t in who)
        return bool(own) and (titled or len(own) >= 2)

    def _refer_back(self, pronoun: str, plural: bool) -> Speaker | None:
        found = self._antecedent(pronoun, plural)
        if found is None or found.gender or pronoun not in GENDER_OF:
            return found
        return replace(found, gender=GENDER_OF[pronoun])   # "La mairie… Elle…": the chain keeps "elle"

    def _antecedent(self, pronoun: str, plural: bool, spoke_only: bool = False) -> Speaker | None:
        agrees = _agrees_with(pronoun)
        if pronoun in THEY or plural:
            fits = lambda s: agrees(s) and (s.plural or s.kind in ("named_organisation", "other_media", "anonymous"))
        elif pronoun in IT:
            fits = lambda s: not s.person
        elif pronoun in ("he", "she", "his", "her"):
            fits = lambda s: s.person and not s.plural
        else:
            fits = lambda s: not s.plural and agrees(s)      # French il / elle: a person or a body
        return self._last(fits, spoke_only)

    def _named_before(self, role: str, plural: bool) -> Speaker | None:
        """The named people a definite role description refers back to: "the two senators" after
        "Senators A and B said", "le ministre" after "le ministre X a déclaré". A mention with
        the same role word first, then (for a plural) the last plural named mention."""
        named = [s for s in self._before() if s.kind == "named_person" and s.plural == plural]
        same_role = [s for s in named if role in s.text.casefold()]
        return (same_role or (named if plural else []) or [None])[0]

    def _last(self, fits, spoke_only: bool = False) -> Speaker | None:
        return next((speaker for speaker in self._before(spoke_only) if fits(speaker)), None)

    def _body_of_on(self, who) -> Speaker | None:
        """"À la mairie, on assure…", "Du côté du ministère, on indique…", "Chez Acmé, on
        précise…": "on" stands for the people of the body named before the comma (Grevisse, Le
        Bon Usage, § 754: "on" for a group the context determines). A place is not a body ("À
        Lyon, on pense que…": its inhabitants, nobody in particular)."""
        doc = who.doc
        before = doc[who.root.sent.start:who.start]
        words = [t.lower_ for t in before]
        opener = next((len(o) for o in ON_BODY_OPENERS if tuple(words[:len(o)]) == o), 0)
        if not opener or len(before) <= opener + 1 or words[-1] != ",":
            return None
        place = doc[before.start + opener:before.end - 1]
        if any(t.ent_type_ in ("GPE", "LOC", "PER", "PERSON") for t in place):
            return None
        found = self._classify(place)
        if found is None or found.kind != "named_organisation":
            return None
        return replace(found, text=place.text, start=0, end=0, confidence=min(found.confidence, 0.7))

    def _unresolved(self, pronoun: str, who) -> Speaker | None:
        if pronoun in ("he", "she", "il", "elle"):
            return Speaker("named_person", False, True, who.text, 0.5)
        if pronoun == "on":
            return Speaker("anonymous", False, True, who.text, 0.6)
        return None


# "Léa Martin, analyste chez Reuters", "an economist at the Courier": the name after these
# words is where the speaker works, not who speaks.
AFFILIATION = re.compile(r"(?:^|\s)(?:de|du|des|d['’]|of|chez|at|for|from)\s*(?:(?:l['’]|la |le |les |the ))?\s*$",
                         re.IGNORECASE)


def _outlet_pattern(names, aliases) -> re.Pattern | None:
    """Outlet names as whole words, letter case kept ("AP" is not "apple", "Le Point" is not "point")."""
    every = sorted({*names, *aliases}, key=len, reverse=True)
    if not every:
        return None
    # After an elided article ("l'AFP", "d'Europe 1") a name still starts; after a letter and an
    # apostrophe inside a word ("aujourd'hui") it does not.
    return re.compile(r"(?:(?<=\b[lLdD]['’])|(?<![\w’']))(?:" + "|".join(re.escape(n) for n in every) + r")(?![\w’'])")


# "le Journal du dimanche (JDD)", "the Financial Times (FT)": the acronym an outlet is known by afterwards.
ACRONYM = re.compile(r"([A-ZÉ][\w’'-]*(?:\s+(?:[a-zé]{1,3}|[A-ZÉ][\w’'-]*)){0,5})\s*\(([A-Z][A-Z0-9]{1,5})\)")


def _aliases(text: str, spec) -> set[str]:
    """Acronyms the article gives to an outlet it names in full (outlet words or known names)."""
    words = set(spec.media_name_words) | {w.capitalize() for w in spec.kinds.get("other_media", [])}
    known = set(spec.media_names)
    aliases = set()
    for match in ACRONYM.finditer(text):
        name = match.group(1)
        if name in known or any(part in words for part in name.split()):
            aliases.add(match.group(2))
    return aliases


def _attached(token, root) -> bool:
    """A name of the speaker itself: in apposition to the head, or part of the head's name."""
    while token != root and token.head != token:
        if token.dep_ not in NAMING_DEPS:
            return False
        token = token.head
    return token == root


def _naming_labels(who, root) -> set[str]:
    """Entity labels of the names that are the speaker: the head, or names in apposition."""
    labels = set()
    for ent in who.ents:
        head = ent.root
        if head == root or head.head == root and head.dep_ in NAMING_DEPS or root.head == head and root.dep_ in NAMING_DEPS:
            labels.add(ent.label_)
        elif any(t.dep_ in ("appos",) for t in ent):
            labels.add(ent.label_)
    return labels


def _name_at_end(who, root) -> bool:
    """"le vice-président du FN Florian Philippot", "the group's chief executive Jane Roe": a role
    and its complement, then the person's name without a preposition (the press's apposed name).
    After "de"/"of" the name is someone else's ("la femme de X")."""
    people = [e for e in who.ents if e.label_ in PERSON_LABELS and e.end == who.end
              and all(t.pos_ == "PROPN" for t in e)]
    if not people or root.pos_ != "NOUN" or people[0].start <= root.i:
        return False
    before = who.doc[people[0].start - 1]
    return before.pos_ != "ADP" and before.lower_ not in OF_OR_FOR | {"des"}


def _acronym(token) -> bool:
    """An organisation known by its initials (a person is not): "WHO", "l'OMS", "the SEC"."""
    return token.pos_ in ("PROPN", "NOUN") and 2 <= len(token.text) <= 6 and token.text.isupper() and token.is_alpha


def _lower(words) -> set[str]:
    return {w.lower() for w in words}


def _head(who):
    root = who.root
    # "trois scientifiques, A, B et C": the appositive names are who speaks.
    return root


ON_BODY_OPENERS = (("du", "côté", "de"), ("du", "côté", "du"), ("du", "côté", "des"), ("du", "côté", "d'"),
                   ("du", "côté", "d’"), ("à",), ("au",), ("aux",), ("chez",))


def _pronoun(who, root) -> str | None:
    first = who[0].lower_
    last = root.lower_
    for word in (last, first):
        if word in THEY | IT | HE_SHE or word == "on":
            if root.pos_ == "PRON" or len(who) == 1 or word.startswith("-"):
                return word.lstrip("-").replace("t-", "")
    return None


# French third-person pronouns agree with what they stand for ("la mairie… elle", "le
# ministre… il"); "ils" also stands for a mixed group, so only "elle(s)" excludes the masculine.
GENDER_OF = {"elle": "Fem", "elles": "Fem", "il": "Masc", "ils": "Masc"}
TITLE_GENDER = {"m.": "Masc", "mme": "Fem", "mme.": "Fem", "mlle": "Fem"}


def _gender(who) -> str:
    """The grammatical gender the phrase shows: a title ("M.", "Mme"), else its head noun's."""
    title = TITLE_GENDER.get(who[0].lower_)
    if title:
        return title
    root = who.root
    genders = root.morph.get("Gender") if root.pos_ in ("NOUN", "PRON") else []
    return genders[0] if len(genders) == 1 else ""


def _agrees_with(pronoun: str):
    wanted = GENDER_OF.get(pronoun)
    if wanted is None:
        return lambda speaker: True
    if pronoun == "ils":
        return lambda speaker: speaker.gender != "Fem" or not speaker.plural
    return lambda speaker: not speaker.gender or speaker.gender == wanted


def _nominal(who, root) -> bool:
    """A noun, or an adjective used as one ("un ancien", "les anciens salariés" misread as adjectives)."""
    return root.pos_ == "NOUN" or (root.pos_ in ("ADJ", "NUM") and any(t.pos_ == "DET" for t in who))


def _dateline(who) -> bool:
    """"LARCHFIELD --", "KINSHASA, Congo (AP) —": where the story was filed, not who speaks."""
    doc = who.doc
    after = doc[who.end] if who.end < len(doc) else None
    return who[0].text.isupper() and len(who[0].text) > 3 and who.start == who.sent.start and \
        (after is not None and after.text in ("--", "—", "–", "-", "(") or any(t.text in ("--", "—") for t in who))


COLLECTIVES = {"groupe", "poignée", "dizaine", "dizaines", "centaine", "centaines", "millier", "milliers",
               "group", "handful", "dozen", "dozens", "hundreds", "thousands", "number"}


def _collective_of_people(who, root) -> bool:
    """An indefinite collective noun and the plural noun it counts ("un groupe de chercheurs",
    "a handful of residents"): the speakers are those people, unnamed, whatever place names
    follow ("…de toute la France" is no organisation)."""
    if root.lower_ not in COLLECTIVES or not _indefinite(who):
        return False
    after = who.doc[root.i + 1:who.end]
    if len(after) < 2 or after[0].lower_ not in OF:
        return False
    counted = after[1] if after[1].pos_ != "DET" else (after[2] if len(after) > 2 else None)
    return counted is not None and counted.pos_ == "NOUN" and "Plur" in counted.morph.get("Number")


def _possessive(token) -> bool:
    return token.tag_ == "PRP$" or "Yes" in token.morph.get("Poss")


DEMONSTRATIVES = {"ce", "cet", "cette", "ces", "this", "these", "those"}


def _demonstrative_or_indefinite(who) -> bool:
    return who[0].lower_ in DEMONSTRATIVES or who[0].lower_ in INDEFINITE


def _named_in(who, root) -> bool:
    return any(t.pos_ == "PROPN" or (t.is_title and t.i > who.start) for t in who if t != root)


def _of_named(who, root) -> bool:
    """A complement after the head that is a name ("du Sénat", "of the House")."""
    return any(t.i > root.i and t.is_title and t.pos_ in ("PROPN", "NOUN") and
               who.doc[t.i - 1].lower_ in ("de", "du", "des", "d'", "d’", "of", "la", "the", "l'", "l’")
               for t in who)


def _indefinite(who) -> bool:
    return any(t.lower_ in INDEFINITE and not _of_the(t, who) for t in who[:3]) or (who[0].pos_ == "NUM")


def _of_the(token, who) -> bool:
    """"La commission des finances": after a noun, "des" is "de les", not an indefinite article."""
    return token.lower_ == "des" and token.i > who.start and who.doc[token.i - 1].pos_ in ("NOUN", "PROPN")


def _definite(who) -> bool:
    return who[0].lower_ in DEFINITE


def _coordinated(who, root) -> bool:
    """"Google et d'autres groupes", "the mayor and her deputy": two speakers, one plural subject."""
    return any(c.dep_ == "conj" and c.i < who.end and c.pos_ in ("NOUN", "PROPN") for c in root.children)


def _released_by(token) -> bool:
    """The agent of a releasing participle: "released by [the ministry]", "publiés par [l'Insee]"
    (the English "by" heads its noun; the French "par" is its noun's case marker)."""
    if token.dep_ in ("obl:agent", "agent"):
        participle = token.head
    elif token.lower_ in ("by", "par"):
        participle = token.head.head if token.dep_ == "case" else token.head
    else:
        return False
    return participle.lemma_.lower() in RELEASING
