"""What a teacher reads when the article they give cannot be used: one plain message per kind
of problem, in the page's language. Each input is a real one (a paste, an upload, an address);
the message is pinned word for word in English and in French."""
from __future__ import annotations

import io

import pytest
from news_site import news_site
from test_article_errors import FRENCH, blank_pdf
from test_teach import build_app, login, text_of

GERMAN = ("Wird das Schwimmbad im Sommer schließen?\n"
          "Nach Angaben aus dem Rathaus braucht das städtische Schwimmbad dringend ein neues Dach. "
          "Die Schließung könnte mehrere Monate dauern, sagen die Schwimmvereine der Stadt.\n")


def _upload(data: bytes, name: str) -> dict:
    return {"data": {"file": (io.BytesIO(data), name)}, "content_type": "multipart/form-data"}


def _paste(text: str) -> dict:
    return {"data": {"text": text}}


# (what the teacher gives, English message, French message)
CASES = {
    "private address": (lambda base: _paste("http://10.20.30.40/article"),
                        "This address leads to a private network, which the server does not read. Paste the article's text instead.",
                        "Cette adresse mène à un réseau privé, que le serveur ne lit pas. Collez plutôt le texte de l’article."),
    "address without a host": (lambda base: _paste("http://"),
                               "Only http:// and https:// addresses of a web page can be read.",
                               "Seules les adresses http:// et https:// d’une page web peuvent être lues."),
    "unreachable site": (lambda base: _paste("http://127.0.0.1:9/article"),
                         "The page could not be fetched: the network may be unavailable from the server, or the site is down or too slow. Paste the article's text instead.",
                         "La page n’a pas pu être récupérée : le réseau est peut-être indisponible depuis le serveur, ou le site est en panne ou trop lent. Collez plutôt le texte de l’article."),
    "address that is not a page": (lambda base: _paste(f"{base}/missing"),
                                   "This address does not give a web page the app can read (an error, too many redirections, too large, or not a page). Paste the article's text instead.",
                                   "Cette adresse ne donne pas une page web lisible (une erreur, trop de redirections, trop volumineuse, ou pas une page). Collez plutôt le texte de l’article."),
    "article too long to analyse": (lambda base: _paste(FRENCH * 2),
                                    "The article is very long (more than 200,000 characters): give only the article, or the part of it you want to work on.",
                                    "L’article est très long (plus de 200 000 caractères) : donnez seulement l’article, ou la partie sur laquelle vous voulez travailler."),
    "PDF with a password": (lambda base: _upload(blank_pdf(password="secret"), "locked.pdf"),
                            "This PDF is protected by a password: save an unprotected copy and upload it again.",
                            "Ce PDF est protégé par un mot de passe : enregistrez-en une copie non protégée et envoyez-la."),
    "PDF of 41 pages": (lambda base: _upload(blank_pdf(pages=41), "book.pdf"),
                        "This document is too long: upload only the article (at most 40 pages, 10 MB).",
                        "Ce document est trop long : envoyez seulement l’article (40 pages et 10 Mo au plus)."),
    "PDF without text": (lambda base: _upload(blank_pdf(), "scan.pdf"),
                         "No text could be read from this document (a scan or an image has no text): paste the article's text instead.",
                         "Aucun texte n’a pu être lu dans ce document (un scan ou une image n’a pas de texte) : collez plutôt le texte de l’article."),
    "article in German": (lambda base: _paste(GERMAN * 3),
                          "This article does not seem to be in French or English, the two languages supported.",
                          "Cet article ne semble être ni en français ni en anglais, les deux langues prises en charge."),
    "text over 1 MB": (lambda base: _paste("a" * (1024 * 1024 + 10)),
                       "The article is too long (more than 1 MB): paste only the article itself.",
                       "L’article est trop long (plus de 1 Mo) : collez seulement l’article lui-même."),
    "binary file": (lambda base: _upload(b"\x00\x01\x02PK\x03\x04" * 50, "article.txt"),
                    "This looks like a binary file, not an article: paste the text or upload a .txt or saved .html page.",
                    "Ceci ressemble à un fichier binaire, pas à un article : collez le texte ou envoyez un fichier .txt ou une page .html enregistrée."),
    "Latin-1 file": (lambda base: _upload(FRENCH.encode("latin-1"), "article.txt"),
                     "This file is not UTF-8 text: save it as UTF-8 and upload it again, or paste its text.",
                     "Ce fichier n’est pas du texte UTF-8 : enregistrez-le en UTF-8 et envoyez-le à nouveau, ou collez son texte."),
    "too short": (lambda base: _paste("Un mot. Deux."),
                  "The article is empty or too short to make questions from.",
                  "L’article est vide ou trop court pour en tirer des questions."),
    "address of a page without an article": (lambda base: _paste(f"{base}/empty"),
                                             "No article text could be found in this HTML page.",
                                             "Aucun texte d’article n’a été trouvé dans cette page HTML."),
    "HTML page without an article": (lambda base: _upload(b"<!doctype html><html><head><title>x</title></head><body></body></html>",
                                                          "page.html"),
                                     "No article text could be found in this HTML page.",
                                     "Aucun texte d’article n’a été trouvé dans cette page HTML."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from test_teach import FakeClock

    # The analysis limit is lowered so that a short article is "very long" without 200,000 characters.
    app = build_app(tmp_path_factory.mktemp("messages"), FakeClock(), FETCH_ALLOW_PRIVATE=False, FETCH_TIMEOUT=2)
    with news_site() as base:
        yield app, base


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_unusable_article_gets_its_own_plain_message(site, monkeypatch, case, language):
    app, base = site
    given, english, french = CASES[case]
    if case == "article too long to analyse":
        monkeypatch.setattr("quiz.analysis_cache.MAX_WEB_ARTICLE_CHARS", len(FRENCH))
    # The local news site and the closed port are on loopback: only those cases may read it.
    app.config["FETCH_ALLOW_PRIVATE"] = case in ("unreachable site", "address that is not a page",
                                                 "address of a page without an article")
    teacher = login(app)
    response = teacher.post("/teach/new", headers={"Accept-Language": language}, **given(base))
    assert response.status_code == 400, (case, response.status_code)
    shown = text_of(response)
    expected = english if language == "en" else french
    assert " ".join(expected.replace("\u00a0", " ").split()) in shown.replace("\u00a0", " "), (case, shown[:600])


def test_an_error_of_no_listed_type_shows_its_own_sentence_capitalised(site):
    from question_bank.errors import ArticleError
    from quiz.article_messages import article_message

    app, _base = site
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert article_message(ArticleError("the spaCy model is not installed")) == "The spaCy model is not installed"


def test_a_narrower_type_takes_the_message_of_the_nearest_listed_one(site):
    from question_bank.errors import ProtectedDocument, UnreadableDocument
    from quiz.article_messages import article_message

    class OddPdf(UnreadableDocument):
        pass

    class OddLockedPdf(ProtectedDocument):
        pass

    app, _base = site
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert article_message(OddPdf("x")).startswith("No text could be read from this document")
        assert article_message(OddLockedPdf("x")).startswith("This PDF is protected by a password")


def test_every_error_type_a_teacher_can_meet_has_a_message():
    import inspect

    from question_bank import errors
    from quiz.article_messages import MESSAGES

    grouping = {errors.ArticleError, errors.FetchError}   # bases: their subtypes say what happened
    kinds = {kind for _name, kind in inspect.getmembers(errors, inspect.isclass)
             if issubclass(kind, errors.ArticleError) and kind not in grouping}
    assert kinds - set(MESSAGES) == set()
