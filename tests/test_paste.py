"""A copy from a news site: the article kept (title, standfirst, byline, body), the page's
furniture left out, on realistic pastes of our own (tests/fixtures/pastes/, fictional)."""
from pathlib import Path

import pytest

from question_bank.article import article_from_text, read_article
from question_bank.paste import clean_paste, clean_pasted_bytes

PASTES = Path(__file__).resolve().parent / "fixtures" / "pastes"


@pytest.mark.parametrize("name, title, kept, dropped", [
    ("site-economie.fr.txt", "Le fabricant de vélos Cyclaure prépare la fermeture de son usine de Vierzon",
     ["Selon des documents internes", "Par Hélène Vasseur", "Le maire de Vierzon"],
     ["Économie", "Partager", "Facebook", "Temps de lecture : 4 min.", "Article réservé aux abonnés",
      "Lire aussi : Les ventes de vélos électriques reculent pour la deuxième année", "À lire aussi",
      "Vierzon : la ville mise sur le tourisme fluvial", "Commentaires (12)"]),
    ("site-news.en.txt", "Harbourline ferry operator 'in talks' to sell its northern routes",
     ["The company behind the island crossings", "By Tom Ellery", "Analysts at Fennick Partners"],
     ["Business", "Share", "5 min read", "Published 3 March 2026, 07:15 GMT", "Related stories",
      "Ferry fares to rise by 7% from April", "Read more: Island councils demand guarantees on winter timetables",
      "Advertisement"]),
])
def test_a_news_page_copy_keeps_the_article_and_drops_the_page(name, title, kept, dropped):
    cleaned = clean_paste((PASTES / name).read_text(encoding="utf-8"))
    article = article_from_text(cleaned.text)
    assert article.title == title
    for words in kept:
        assert words in article.text
    for line in dropped:
        assert line in cleaned.dropped
        assert f"\n{line}\n" not in f"\n{article.text}\n"
    captions = [line for line in cleaned.dropped if "Photo" in line]
    assert captions, "the photo caption is left out with its credit"
    bylines = [article.text[p.start:p.end] for p in article.passages if p.kind == "furniture"]
    assert any(line.startswith(("Par ", "By ")) for line in bylines), bylines   # the byline stays, as the author's line


def test_a_short_real_headline_is_not_taken_for_a_rubric():
    text = ("Grève générale\nLes syndicats appellent à cesser le travail jeudi dans toute la région.\n"
            "La mobilisation devrait être forte dans les transports, selon les organisateurs, qui attendent "
            "plusieurs milliers de manifestants.\n")
    assert clean_paste(text).dropped == ()


def test_sentences_that_only_look_like_furniture_stay():
    text = ("Le rapport sur les écoles\nPublié en 2019, le rapport a été discuté pendant des mois par les élus.\n"
            "Partager les tâches entre les communes reste difficile, selon la préfecture, qui publie un bilan.\n"
            "Il faut lire aussi les annexes, a insisté la députée devant la commission.\n")
    assert clean_paste(text).dropped == ()


def test_a_saved_web_page_and_a_corpus_file_are_not_cleaned():
    html = b"<!doctype html><html><body><p>Partager</p><p>" + b"Texte de l'article. " * 20 + b"</p></body></html>"
    assert clean_pasted_bytes(html) == (html, ())
    sample = Path(__file__).resolve().parent / "fixtures" / "piscine.fr.txt"
    assert read_article(sample).text == sample.read_text(encoding="utf-8")
