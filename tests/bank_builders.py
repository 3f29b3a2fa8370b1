"""A small bank for the format tests: the French sample article, its generated questions,
and one teacher question of every hand-written kind, with the characters GIFT must escape
(~ = # { } :) and French typography in prompts, choices and feedback."""
from __future__ import annotations

from functools import lru_cache

from question_bank.bank.build import bank_article, mark_word_display
from question_bank.bank.items import BankFile, BankQuestion
from question_bank.service import SAMPLE_SOURCES, quiz_for, read_article, sample_path


def _cite(article, needle: str):
    start = article.text.index(needle)
    return article.cite(start, start + len(needle))


@lru_cache(maxsize=1)
def sample_bank() -> BankFile:
    article = read_article(sample_path("fr"))
    item = bank_article(article, source=SAMPLE_SOURCES["fr"])
    generated = [BankQuestion.from_question(q, item.ref, origin="generated", status="approved",
                                            tags=["rumeur", "généré"], difficulty="medium")
                 for q in quiz_for(article, seed=0).questions]
    quote = _cite(article, "Selon des sources proches du dossier, les deux directions auraient signé une lettre "
                           "d'intention au début du mois.")
    price = _cite(article, "Veltora valoriserait sa cible à 2,8 milliards d'euros, dette comprise.")
    teacher = [
        BankQuestion(ref="mc-1", article=item.ref, kind="multiple_choice", language="fr",
                     prompt="Qui affirme que les directions ont signé une lettre d'intention : {qui} ? Cochez ~ une réponse.",
                     choices=["Des sources proches du dossier", "Le PDG = Claire Bellanger", "Un communiqué #1 {officiel}"],
                     answer=[0], choice_feedback=["Oui : « selon des sources ».", "Non : elle ne dit rien de tel.",
                                                  "Non ; aucun communiqué n'est cité."],
                     explanation="La phrase attribue l'information à des sources anonymes : « selon des sources ».",
                     citations=[quote], tags=["sources", "anonymat"], difficulty="easy", origin="teacher", status="approved"),
        BankQuestion(ref="tf-1", article=item.ref, kind="true_false", language="fr",
                     prompt="Le prix de 2,8 milliards d'euros est confirmé par Veltora.", choices=["Vrai", "Faux"],
                     answer=[1], explanation="Le conditionnel « valoriserait » montre que le prix n'est pas confirmé.",
                     citations=[price], tags=["conditionnel"], difficulty="medium", origin="teacher", status="approved"),
        BankQuestion(ref="sa-1", article=item.ref, kind="short_answer", language="fr",
                     prompt="Quel verbe au conditionnel montre que le prix n'est pas confirmé ?",
                     accepted=["valoriserait", "Valoriserait"],
                     explanation="« valoriserait » est au conditionnel : c'est une information non confirmée.",
                     citations=[price], tags=["conditionnel"], difficulty="hard", origin="teacher", status="draft"),
        BankQuestion(ref="mw-1", article=item.ref, kind="mark_word", language="fr",
                     prompt="Dans cette phrase, quel mot signale une rumeur ?",
                     choices=["auraient", "directions", "lettre"], answer=[0],
                     explanation="« auraient » est au conditionnel : l'information n'est pas établie.",
                     citations=[quote], display=mark_word_display(article.text, quote, ["auraient", "directions", "lettre"]),
                     tags=["conditionnel"], difficulty="medium", origin="teacher", status="approved"),
        # An elided word among the choices: the generator, every export and every importer
        # cut "d'intention" into the same two words.
        BankQuestion(ref="mw-2", article=item.ref, kind="mark_word", language="fr",
                     prompt="Dans cette phrase, quel mot dit que l'information n'est pas confirmée ?",
                     choices=["auraient", "d'intention", "sources"], answer=[0],
                     explanation="« auraient » est au conditionnel.",
                     citations=[quote], display=mark_word_display(article.text, quote, ["auraient", "d'intention", "sources"]),
                     tags=["conditionnel"], difficulty="medium", origin="teacher", status="approved"),
    ]
    return BankFile(articles=[item], questions=generated + teacher)
