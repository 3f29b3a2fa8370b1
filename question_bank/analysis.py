"""Article → Findings: what a critical reader should notice.

Each passage is parsed on its own (a heading never runs into the next line's
sentence), then rule packs find cues, line rules find disclosures and author
notes, and the attribution module finds sources. Claims come last because
their status depends on the cues and sources around them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .article import Article
from .attribution import find_sources, reported_by_others
from .claims import find_claims
from .genre import classify as classify_genre
from .headline import judge as judge_headline
from .lines import find_author, find_disclosures
from .models import Amount, Citation, Cue, Entity, Findings, Judgement, Sentence
from .nlp import pipeline
from .rules.loader import load_pack
from .rules.guards import _inside_quotation, in_indirect_speech
from .rules.matchers import cue_matcher


@dataclass(frozen=True)
class ParsedPassage:
    passage: object  # models.Passage
    doc: object      # spacy Doc of the passage text

    def offset(self, char_index: int) -> int:
        return self.passage.start + char_index


def parse(article: Article) -> list[ParsedPassage]:
    nlp = pipeline(article.language)
    texts = [article.text[p.start:p.end] for p in article.passages]
    return [ParsedPassage(p, doc) for p, doc in zip(article.passages, nlp.pipe(texts))]


def analyze(article: Article) -> Findings:
    parsed = parse(article)
    pack = load_pack(article.language)
    body = [pp for pp in parsed if pp.passage.kind != "furniture"]
    cues = find_cues(article, body)
    sentences = find_sentences(article, parsed)
    sources = find_sources(article, body, pack, cues)
    cues = sorted(cues + unnamed_speaker_cues(sources, cues, pack), key=lambda c: c.start)
    title = parsed[0].passage
    headline = article.cite(title.start, title.end) if title.kind == "title" else None
    genre = classify_genre(article, pack.genre)
    framing = judge_headline(article, headline, sentences, cues, sources, pack.headline)
    return Findings(
        language=article.language,
        title=article.title,
        headline_is_question=article.title.rstrip().endswith("?"),
        headline=headline,
        genre=genre.genre,
        genre_confidence=genre.confidence,
        genre_evidence=[] if genre.passage is None else [article.cite(article.passages[genre.passage].start,
                                                                       article.passages[genre.passage].end)],
        headline_overstates=framing.overstates,
        headline_overstates_confidence=framing.confidence,
        headline_evidence=framing.evidence,
        cues=cues,
        judgements=find_judgements(body),
        sources=sources,
        claims=find_claims(article, body, cues, sources),
        disclosures=find_disclosures(article, pack),
        author=find_author(article, parsed, pack),
        entities=find_entities(body, "ORG", "PER", "PERSON", "LOC", "GPE"),
        amounts=find_amounts(body),
        sentences=sentences,
    )


def find_cues(article: Article, parsed: list[ParsedPassage]) -> list[Cue]:
    matcher = cue_matcher(article.language)
    cues = []
    for pp in parsed:
        for found in matcher(pp.doc):
            start = pp.offset(found.span.start_char)
            text = found.span.text
            # A cue in a speaker's quoted or reported words is theirs, not the writer's: less
            # sure as a lesson about the writer's distance.
            theirs = _inside_quotation(found.span[0]) or in_indirect_speech(found.span, matcher.reporting_verbs)
            quoted = 0.7 if theirs else 1.0
            cues.append(Cue(start=start, end=start + len(text), text=text, type=found.rule.type,
                            rule=found.rule.id, explanation=found.rule.message.format(word=text),
                            confidence=round(found.rule.confidence * quoted, 2)))
    return cues


def find_judgements(parsed: list[ParsedPassage]) -> list[Judgement]:
    """The writer's own evaluative words (the rules' `speaker_words` guard leaves out a
    speaker's quoted or reported judgement: that is attribution)."""
    if not parsed:
        return []
    matcher = cue_matcher(parsed[0].doc.lang_)
    found = []
    for pp in parsed:
        for match in matcher(pp.doc, produces="judgement"):
            start = pp.offset(match.span.start_char)
            text = match.span.text
            found.append(Judgement(start=start, end=start + len(text), text=text, rule=match.rule.id,
                                   explanation=match.rule.message.format(word=text),
                                   confidence=match.rule.confidence))
    return found


PRONOUNS = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "-il", "-elle", "-ils", "-elles", "-t-il",
            "-t-elle", "qui", "who"}


def unnamed_speaker_cues(sources, cues, pack) -> list[Cue]:
    """The speaker of an attribution who is not named ("un ancien salarié raconte", "an official
    said") is an unnamed-source cue, whatever words describe them: the parse found the speaker,
    the words need not be listed."""
    found = []
    taken = [(c.start, c.end) for c in cues]
    for source in sources:
        if source.kind != "anonymous" or not source.rule.endswith(".source.attribution") or source.confidence < 0.7:
            continue
        if source.verb in pack.attribution.demand_verbs:
            continue      # "un collectif appelle à…": a demand, nothing reported to doubt
        if reported_by_others(source.start, source.end, cues, pack.attribution):
            continue      # "Acme has reportedly said": the hedge is the cue, Acme is named
        who = source.who.strip()
        offset = source.text.find(who) if who else -1
        if offset < 0 or who.casefold() in PRONOUNS:
            continue
        start = source.start + offset
        end = start + len(who)
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        found.append(Cue(start=start, end=end, text=who, type="unnamed_source",
                         rule=f"{pack.language}.cue.unnamed_source.speaker", confidence=min(source.confidence, 0.8),
                         explanation=pack.attribution.unnamed_message.format(word=who)))
    return found


def find_sentences(article: Article, parsed: list[ParsedPassage]) -> list[Sentence]:
    sentences = []
    for pp in parsed:
        for sent in pp.doc.sents:
            text = sent.text.strip()
            if not any(ch.isalpha() for ch in text):
                continue
            start = pp.offset(sent.start_char) + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(start=start, end=start + len(text), passage=pp.passage.label,
                                      text=text, is_question=text.endswith("?")))
    return sentences


def find_entities(parsed: list[ParsedPassage], *labels: str) -> list[Entity]:
    entities = []
    for pp in parsed:
        for ent in pp.doc.ents:
            text = ent.text.strip()
            if ent.label_ in labels and text and text == ent.text and len(text) > 1:
                start = pp.offset(ent.start_char)
                label = {"PERSON": "PER", "GPE": "LOC"}.get(ent.label_, ent.label_)
                entities.append(Entity(start=start, end=start + len(text), text=text, label=label))
    return entities


def find_amounts(parsed: list[ParsedPassage]) -> list[Amount]:
    from .amounts import amount_key

    amounts = []
    for pp in parsed:
        for ent in pp.doc.ents:
            if ent.label_ in ("MONEY", "PERCENT") and ent.text == ent.text.strip():
                key = amount_key(ent.text)
                if key:
                    start = pp.offset(ent.start_char)
                    amounts.append(Amount(start=start, end=start + len(ent.text), text=ent.text, key=key))
    return amounts


def cite_sentence(article: Article, sentences: list[Sentence], offset: int) -> Citation:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return article.cite(sentence.start, sentence.end)
    passage = article.passage_at(offset)
    return article.cite(passage.start, passage.end)
