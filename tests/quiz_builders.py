"""Builders for the question-generation tests: small invented articles and hand-made Findings.

Findings are built by hand (not by the analysis) so these tests pin down the question
layer alone: what each kind does with a given finding.
"""
from __future__ import annotations

from question_bank.article import Article, article_from_text
from question_bank.models import Amount, Author, Claim, Cue, Disclosure, Entity, Findings, Source

FR_TEXT = """Boulangeries Martin : un rachat en préparation ?
Selon des sources proches du dossier, le groupe Laitier de l'Ouest aurait proposé 2 milliards d'euros pour racheter la chaîne de boulangeries. Les rumeurs évoquent aussi la fermeture de plusieurs usines en Bretagne.
La direction des Boulangeries Martin a démenti toute négociation. « Nous ne sommes pas à vendre », a déclaré Marie Dupont, sa directrice générale.
Le groupe emploie 4 500 salariés et a réalisé un chiffre d'affaires de 800 millions d'euros en 2023.
L'avenir de l'usine de Quimper semble incertain, selon plusieurs syndicats.
Passionné de cuisine et de voyages, je vous écris les meilleurs articles.
Nous utilisons l'IA pour rédiger certains articles.
"""

EN_TEXT = """Will Harbour Rail buy the city trams?
Harbour Rail could pay $3 billion for the city's tram network, people familiar with the matter said. The company has reportedly hired advisers for the deal.
The city council said on Monday that it had received no offer. The network carries 120,000 passengers a day, according to the council's annual report.
By Jane Okafor, transport correspondent.
"""


def span(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """Offsets of `needle` in `text`, searched from the first occurrence of `after`."""
    start = text.index(needle, text.index(after) if after else 0)
    return start, start + len(needle)


def fr_article() -> Article:
    return article_from_text(FR_TEXT, furniture_patterns=[])


def en_article() -> Article:
    return article_from_text(EN_TEXT, furniture_patterns=[])


def _make(cls, text: str, needle: str, after: str = "", **fields):
    start, end = span(text, needle, after)
    return cls(start=start, end=end, text=needle, **fields)


def fr_findings(article: Article, **overrides) -> Findings:
    """Findings for FR_TEXT, as a careful analysis would report them."""
    t = article.text
    aurait = _make(Cue, t, "aurait", type="conditional", rule="fr.conditional",
                   explanation="« aurait » est au conditionnel : le journaliste rapporte l'information sans la confirmer.")
    sources_cue = _make(Cue, t, "Selon des sources proches du dossier", type="unnamed_source", rule="fr.selon")
    rumeurs = _make(Cue, t, "rumeurs", type="rumour", rule="fr.rumour")
    dementi = _make(Cue, t, "a démenti", type="denial", rule="fr.denial")
    cues = [sources_cue, aurait, rumeurs, dementi,
            _make(Cue, t, "semble", type="hedge", rule="fr.hedge"),
            _make(Cue, t, "incertain", type="uncertainty", rule="fr.uncertain"),
            _make(Cue, t, "selon plusieurs syndicats", type="unnamed_source", rule="fr.selon")]
    anonymous = _make(Source, t, "Selon des sources proches du dossier", kind="anonymous", who="des sources")
    dupont = _make(Source, t, "a déclaré Marie Dupont", kind="named_person", who="Marie Dupont")
    unions = _make(Source, t, "selon plusieurs syndicats", kind="anonymous", who="plusieurs syndicats")
    fields = dict(
        language="fr", title=article.title, headline_is_question=True,
        headline=article.cite(*span(t, article.title)),
        cues=cues, sources=[anonymous, dupont, unions],
        claims=[
            Claim(text="le groupe Laitier de l'Ouest aurait proposé 2 milliards d'euros pour racheter la chaîne",
                  status="denied", cues=[aurait, dementi], sources=[anonymous],
                  citations=[article.cite(*span(t, "Selon des sources proches du dossier, le groupe Laitier de l'Ouest aurait proposé 2 milliards d'euros pour racheter la chaîne de boulangeries.")),
                             article.cite(*span(t, "La direction des Boulangeries Martin a démenti toute négociation."))]),
            Claim(text="Plusieurs usines vont fermer en Bretagne", status="unconfirmed", cues=[rumeurs],
                  citations=[article.cite(*span(t, "Les rumeurs évoquent aussi la fermeture de plusieurs usines en Bretagne."))]),
            Claim(text="Le groupe emploie 4 500 salariés", status="asserted",
                  citations=[article.cite(*span(t, "Le groupe emploie 4 500 salariés"))]),
        ],
        disclosures=[_make(Disclosure, t, "Nous utilisons l'IA pour rédiger certains articles.", kind="ai_use")],
        author=_make(Author, t, "Passionné de cuisine et de voyages, je vous écris les meilleurs articles.", named=False),
        entities=[_make(Entity, t, "Marie Dupont", label="PER"), _make(Entity, t, "Quimper", label="LOC")],
        amounts=[_make(Amount, t, "2 milliards d'euros", key="2000000000 EUR"),
                 _make(Amount, t, "800 millions d'euros", key="800000000 EUR")],
    )
    fields.update(overrides)
    return Findings(**fields)


def en_findings(article: Article, **overrides) -> Findings:
    t = article.text
    could = _make(Cue, t, "could", type="hedge", rule="en.modal")
    familiar = _make(Cue, t, "people familiar with the matter", type="unnamed_source", rule="en.familiar")
    reportedly = _make(Cue, t, "reportedly", type="hedge", rule="en.reportedly")
    fields = dict(
        language="en", title=article.title, headline_is_question=True,
        cues=[could, familiar, reportedly],
        sources=[_make(Source, t, "people familiar with the matter said", kind="anonymous"),
                 _make(Source, t, "according to the council's annual report", kind="document")],
        claims=[Claim(text="Harbour Rail could pay $3 billion for the city's tram network", status="unconfirmed",
                      cues=[could, familiar],
                      citations=[article.cite(*span(t, "Harbour Rail could pay $3 billion for the city's tram network, people familiar with the matter said."))])],
        author=_make(Author, t, "By Jane Okafor, transport correspondent.", named=True, name="Jane Okafor", role="byline"),
        amounts=[_make(Amount, t, "$3 billion", key="3000000000 USD")],
        entities=[_make(Entity, t, "Harbour Rail", label="ORG")],
    )
    fields.update(overrides)
    return Findings(**fields)


def bare_findings(article: Article) -> Findings:
    """Findings that support no question kind at all."""
    return Findings(language=article.language, title=article.title, headline_is_question=False)
