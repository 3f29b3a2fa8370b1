"""Article-level judgements: the genre of a text and whether its headline says more than its
body. The articles are fictional, written for these tests, laid out as newsrooms lay them out."""
from __future__ import annotations

import pytest

from question_bank.analysis import analyze
from question_bank.article import article_from_text


def findings(text: str):
    return analyze(article_from_text(text))


REPORT_FR = """La mairie de Valbourg ferme sa piscine pour travaux

La piscine municipale de Valbourg fermera ses portes le 3 juin pour six mois de travaux, a annoncé la mairie mardi.
Le chantier coûtera 2,4 millions d'euros, selon le budget voté par le conseil municipal en mars.
Les nageurs du club local s'entraîneront pendant ce temps au bassin de la commune voisine.
"""

TRIBUNE_FR = """« Il est temps de rendre les rivières aux habitants »

TRIBUNE. Trois hydrologues plaident pour une autre politique de l'eau dans les villes moyennes.
Je travaille depuis vingt ans sur les rivières urbaines, et je vois chaque été les mêmes erreurs.
Malheureusement, nos villes continuent de bétonner les berges. Il faut changer de méthode.
Je propose trois mesures simples, que mes collègues défendent aussi dans leurs travaux.
"""

OPED_EN = """Why our town should keep its library open | Dana Whitcombe

I grew up in the reading room on Mill Street, and I still borrow my books there every week.
The council says the building costs too much. I think the council is wrong, and we must say so.
Unfortunately, the vote is next month, and my neighbours have not been asked what they want.
"""

INTERVIEW_FR = """Entretien. « Le vélo a gagné la bataille des centres-villes »

Propos recueillis par Claire Bodin. L'urbaniste Paul Servan publie un livre sur les mobilités.
Pourquoi ce livre maintenant ?
Parce que les chiffres de fréquentation ont doublé en cinq ans dans les villes que j'étudie.
Les voitures vont-elles disparaître des centres ?
Non, mais leur place se réduit partout où les pistes ont été construites.
Que disent les commerçants ?
Ils étaient inquiets au début, puis leurs ventes se sont maintenues.
Et demain ?
Les villes moyennes suivront, avec dix ans de retard.
"""

FACT_CHECK_EN = """Fact check: did the city really ban barbecues in parks?

A post shared thousands of times claims that the city council has banned barbecues in every park.
The council's rules, published on its website, allow barbecues in six parks with a permit.
A council spokeswoman said no ban had been voted.
False.
"""

SATIRE_FR = """Le gouvernement annonce la semaine de huit jours pour relancer la croissance

Le ministre a présenté mardi un calendrier où chaque semaine compte désormais un jeudi supplémentaire.
Les syndicats réclament que le nouveau jour soit férié.
Ceci est une fiction : cet article parodique n'a rien de vrai.
"""


@pytest.mark.parametrize("text, genre", [
    (REPORT_FR, "report"), (TRIBUNE_FR, "opinion"), (OPED_EN, "opinion"), (INTERVIEW_FR, "interview"),
    (FACT_CHECK_EN, "fact_check"), (SATIRE_FR, "satire"),
])
def test_the_genre_is_read_from_labels_and_the_writers_voice(text, genre):
    found = findings(text)
    assert found.genre == genre
    assert 0.5 <= found.genre_confidence <= 1


def test_a_quoted_first_person_does_not_make_a_report_an_opinion():
    text = """Le maire défend son projet de parking

« Je crois à ce projet, je le porterai jusqu'au bout, et mes adjoints aussi », a déclaré le maire jeudi.
Le parking comptera 300 places, selon les plans présentés en conseil municipal.
« Mon objectif est simple », a-t-il ajouté devant les élus.
"""
    assert findings(text).genre == "report"



def test_a_quotation_that_runs_on_into_a_new_sentence_stays_the_speakers():
    """Straight quotes reopened without being closed ("…problems. "He told me…"): paired by
    twos, the speaker's "I" and "we should" would be read as the writer's voice."""
    text = ('Coach denies row with club director\n\n'
            'The club director, Ana Silva, has denied that the coach left after a row. "It is not true," '
            'Ms Silva told a local radio station. "He left for personal reasons. "He called me last week and '
            'I told him we should respect his choice. I think he was right to go."\n'
            'Ms Silva said she did not know the details. The coach has not commented.\n')
    assert findings(text).genre == "report"


OVERSTATED_EN = """Harlow Foods buys rival bakery chain

Harlow Foods could be about to buy the Pellow bakery chain, according to people familiar with the talks.
The deal would value the bakery chain at about £40m, the sources said.
Harlow Foods declined to comment.
"""

SUPPORTED_EN = """Harlow Foods buys rival bakery chain

Harlow Foods has bought the Pellow bakery chain for £40m, the company announced on Monday.
The bakery chain's 30 shops will keep their name, Harlow Foods said in a statement.
"""


@pytest.mark.parametrize("text, overstates", [
    (OVERSTATED_EN, True),
    (SUPPORTED_EN, False),
    (OVERSTATED_EN.replace("Harlow Foods buys rival bakery chain", "Harlow Foods to buy rival bakery chain?"), False),
    (OVERSTATED_EN.replace("Harlow Foods buys rival bakery chain", "Harlow Foods buys rival bakery chain, sources say"),
     False),
    # A British headline quotes in single marks: it attributes, it does not state.
    (OVERSTATED_EN.replace("Harlow Foods buys rival bakery chain", "Harlow Foods deal 'a done thing' for bakery chain"),
     False),
])
def test_a_headline_overstates_when_the_body_only_hedges_what_it_states(text, overstates):
    found = findings(text)
    assert found.headline_overstates is overstates
    if overstates:
        assert found.headline_evidence and "could" in found.headline_evidence[0].quote


def test_a_french_headline_over_a_conditional_overstates():
    text = """Le club de Valbourg rachète le stade municipal

Le club de Valbourg rachèterait le stade municipal pour un euro symbolique, selon des sources proches du dossier.
La mairie n'a pas confirmé le montant de la vente du stade.
"""
    assert findings(text).headline_overstates is True


def test_a_concession_in_the_body_is_not_a_doubt_about_the_headline():
    """"may well have" concedes and "could not" is an ability: the body asserts the ban."""
    text = """Harbour town bans night fishing on the pier

The harbour town banned night fishing on the pier on Monday, and anglers could not fish there at night after that.
The ban may well have pleased residents of the pier.
"""
    assert findings(text).headline_overstates is False


@pytest.mark.parametrize("text", [
    "Harbour freight shares jump on bid talk\n\nShares in Harbour Freight rose 9% on Monday. The board has not "
    "confirmed any proposal, and Corvane declined to comment.\n\nThe port authority said in a statement that "
    "traffic had doubled in five years.\n",
    "Le maire répond aux critiques\n\nLe maire a répondu jeudi à une tribune publiée la veille par des "
    "commerçants, a indiqué la mairie.\n\nLes travaux dureront six mois, selon le calendrier voté en mars.\n",
])
def test_an_opinion_label_inside_a_sentence_is_not_the_articles_label(text):
    """"declined to comment", "une tribune publiée par…": a report mentioning the word; a label
    is a line of its own, the head of a line, or how the standfirst opens ("Dans une tribune…")."""
    assert findings(text).genre == "report"


def test_a_standfirst_that_opens_on_the_label_says_the_genre():
    text = ("La ville doit garder ses tramways\n\nDans une tribune, deux urbanistes défendent le réseau actuel.\n\n"
            "Nous pensons que la ville se trompe. Nous croyons que le tramway reste le meilleur choix, et nous "
            "demandons aux élus de revenir sur leur décision.\n")
    assert findings(text).genre == "opinion"
