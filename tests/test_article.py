"""question_bank/article.py: passages, furniture, citations, newlines, language, size.

Real rule packs and the real language detector; articles are small invented texts.
"""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from question_bank.article import MAX_BYTES, article_from_bytes, article_from_text, read_article
from question_bank.errors import ArticleError, UnsupportedLanguage
from question_bank.models import Citation

FESTIVAL = """Le festival de jazz change de lieu ?
Selon des sources proches des organisateurs, le festival aurait trouvé un nouveau parc pour sa prochaine édition, plus grand et plus facile d'accès pour les familles.
Un public en hausse
L'an dernier, les concerts ont attiré près de 30 000 spectateurs, un record. Les organisateurs lisent tous les commentaires laissés sur leur site et promettent
davantage de places assises et de points d'eau.
« Je veux que chacun trouve sa place », a déclaré la présidente de l'association, Lucie Perrin.
La mairie n'a pas encore confirmé le changement de lieu.
Passionné de musique, je couvre la vie culturelle de la région depuis dix ans.
Cet article a été rédigé avec l'aide d'une intelligence artificielle.
Commentaires
"""

TRAMS = """Will the city trams run all night?
The city council is reportedly considering night services on two tram lines from next spring.
Costs and staffing
A council spokesperson said on Tuesday that no decision had been taken and that a study was under way.
Unions have asked for talks before any change to drivers' hours.
"""


def _labels(article):
    return [(p.label, p.kind, article.text[p.start:p.end][:25]) for p in article.passages]


def _passage(article, startswith: str):
    return next(p for p in article.passages if article.text[p.start:p.end].startswith(startswith))


# --- passages ----------------------------------------------------------------------------

def test_passages_are_numbered_in_reading_order_with_title_and_headings_apart():
    article = article_from_text(FESTIVAL)
    labels = [p.label for p in article.passages]
    assert labels == ["Titre", "¶1", "Intertitre 1", "¶2", "¶3", "¶4", "¶5", "¶6", "¶7"], _labels(article)
    assert [p.kind for p in article.passages[:3]] == ["title", "paragraph", "heading"]
    assert article.title == "Le festival de jazz change de lieu ?"
    starts = [p.start for p in article.passages]
    assert starts == sorted(starts)
    for passage in article.passages:  # each passage is trimmed text, never spills over a line break
        quote = article.text[passage.start:passage.end]
        assert quote == quote.strip() and quote


def test_english_labels_and_headings():
    article = article_from_text(TRAMS)
    assert [p.label for p in article.passages] == ["Headline", "¶1", "Subheading 1", "¶2", "¶3"]
    assert article.language == "en"


def test_a_hard_wrapped_line_starting_in_lower_case_continues_the_paragraph():
    article = article_from_text(FESTIVAL)
    paragraph = _passage(article, "L'an dernier")
    text = article.text[paragraph.start:paragraph.end]
    assert text.endswith("davantage de places assises et de points d'eau.")
    assert "\n" in text and paragraph.label == "¶2"


def test_a_line_starting_in_upper_case_after_a_full_stop_is_a_new_paragraph():
    text = FESTIVAL.replace("\ndavantage", "\nDavantage").replace("et promettent\n", "et promettent.\n")
    article = article_from_text(text)
    assert _passage(article, "Davantage").label == "¶3"


# --- furniture ---------------------------------------------------------------------------

def test_trailing_bio_ai_notice_and_comments_are_furniture():
    article = article_from_text(FESTIVAL)
    tail = {article.text[p.start:p.end][:12]: (p.label, p.kind) for p in article.passages[-3:]}
    assert tail == {"Passionné de": ("¶5", "furniture"), "Cet article ": ("¶6", "furniture"),
                    "Commentaires": ("¶7", "furniture")}
    assert all(p.kind != "furniture" for p in article.body)


def test_body_paragraphs_that_look_like_furniture_stay_body_mid_article():
    article = article_from_text(FESTIVAL)
    assert _passage(article, "L'an dernier").kind == "paragraph"  # mentions "commentaires"
    assert _passage(article, "« Je veux").kind == "paragraph"  # first person, like a bio
    assert _passage(article, "La mairie").kind == "paragraph"


def test_a_line_saying_commentaires_in_the_middle_stays_body():
    text = FESTIVAL.replace("La mairie n'a pas", "Commentaires\nLa mairie n'a pas")
    article = article_from_text(text)
    middle, last = [p for p in article.passages if article.text[p.start:p.end] == "Commentaires"]
    assert middle.kind != "furniture" and last.kind == "furniture", _labels(article)


def test_a_short_quotation_just_under_the_title_is_body_not_a_bio():
    text = ("La médiathèque ouvre une nouvelle salle de lecture\n"
            "La médiathèque de Villeneuve a inauguré samedi une salle de lecture de 120 places.\n"
            "« Les jeunes lecteurs nous réclamaient cet espace depuis longtemps », a déclaré Claire Fontaine.\n"
            "La salle est ouverte du mardi au samedi et l'entrée est gratuite.\n")
    article = article_from_text(text)
    assert _passage(article, "« Les jeunes").kind == "paragraph"


# --- citations ---------------------------------------------------------------------------

def test_cite_trims_whitespace_and_keeps_the_invariant():
    article = article_from_text(FESTIVAL)
    paragraph = _passage(article, "La mairie")
    citation = article.cite(paragraph.start - 1, paragraph.end + 1)  # the newlines around it
    assert citation.quote == "La mairie n'a pas encore confirmé le changement de lieu."
    assert (citation.start, citation.end) == (paragraph.start, paragraph.end)
    assert article.text[citation.start:citation.end] == citation.quote
    assert citation.passage == paragraph.label


def test_cite_labels_a_quote_by_the_passage_it_starts_in():
    article = article_from_text(FESTIVAL)
    start = FESTIVAL.index("aurait trouvé")
    citation = article.cite(start, start + len("aurait trouvé"))
    assert (citation.passage, citation.quote) == ("¶1", "aurait trouvé")


def test_a_citation_whose_quote_is_not_at_its_offsets_is_refused():
    text = article_from_text(FESTIVAL).text
    start = text.index("aurait")
    good = {"passage": "¶1", "start": start, "end": start + 6, "quote": "aurait"}
    assert Citation.model_validate(good, context={"text": text}).quote == "aurait"
    moved = {**good, "start": start + 1, "end": start + 7}
    with pytest.raises(ValidationError, match="not found"):
        Citation.model_validate(moved, context={"text": text})
    with pytest.raises(ValidationError):
        Citation.model_validate({**good, "end": start + 9}, context={"text": text})  # length mismatch
    with pytest.raises(ValidationError):
        Citation.model_validate({**good, "quote": "   ", "end": start + 3})  # a blank quote


def test_crlf_newlines_keep_offsets_exact(tmp_path):
    path = tmp_path / "festival.crlf.txt"
    path.write_bytes(FESTIVAL.replace("\n", "\r\n").encode("utf-8"))
    with open(path, encoding="utf-8", newline="") as handle:
        as_read = handle.read()
    assert "\r\n" in as_read
    article = read_article(path)
    assert article.text == as_read
    for passage in article.passages:
        quote = as_read[passage.start:passage.end]
        assert "\r" not in quote.replace("\r\n", "") and not quote.endswith(("\r", "\n"))
    wrapped = _passage(article, "L'an dernier")
    assert "promettent\r\ndavantage" in as_read[wrapped.start:wrapped.end]
    for needle in ("aurait trouvé", "La mairie n'a pas encore confirmé", "Commentaires"):
        start = as_read.index(needle)
        citation = article.cite(start, start + len(needle))
        assert as_read[citation.start:citation.end] == citation.quote == needle
    assert [p.label for p in article.passages] == [p.label for p in article_from_text(FESTIVAL).passages]


def test_a_utf8_bom_is_accepted():
    article = article_from_bytes(b"\xef\xbb\xbf" + TRAMS.encode("utf-8"))
    assert article.title == "Will the city trams run all night?"


# --- language and size -------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [(FESTIVAL, "fr"), (TRAMS, "en")])
def test_language_is_detected(text, language):
    assert article_from_text(text).language == language


def test_german_is_refused_with_a_plain_message():
    german = ("Wird das Schwimmbad im Sommer schließen?\n"
              "Nach Angaben aus dem Rathaus braucht das städtische Schwimmbad dringend ein neues Dach. "
              "Die Schließung könnte mehrere Monate dauern, sagen die Schwimmvereine.\n")
    with pytest.raises(UnsupportedLanguage, match="German.*only French and English"):
        article_from_text(german)


def test_over_one_megabyte_is_refused():
    big = FESTIVAL.encode("utf-8") * (MAX_BYTES // len(FESTIVAL.encode("utf-8")) + 1)
    assert len(big) > 1_000_000
    with pytest.raises(ArticleError, match="1 MB"):
        article_from_bytes(big)
    with pytest.raises(ArticleError, match="1 MB"):
        article_from_text(big.decode("utf-8"))


def test_the_limit_counts_bytes_not_characters():
    text = FESTIVAL + "é" * 500_001  # 500 001 characters, but over 1 000 000 bytes in UTF-8
    assert len(text) < MAX_BYTES < len(text.encode("utf-8"))
    with pytest.raises(ArticleError, match="1 MB"):
        article_from_text(text)


def test_just_under_one_megabyte_is_read(tmp_path):
    unit = FESTIVAL.encode("utf-8")
    data = unit * (MAX_BYTES // len(unit))
    assert MAX_BYTES - len(unit) < len(data) <= MAX_BYTES
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.language == "fr" and len(article.passages) > 1000


def test_a_missing_file_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError, match="not found"):
        read_article(tmp_path / "nope.txt")


def test_blank_line_paragraphs_with_wrapped_lines_are_joined():
    text = ("Le marché couvert va-t-il fermer ?\n\n"
            "La mairie aurait trouvé un terrain près de la gare pour y\n"
            "installer un nouveau marché. Le bâtiment actuel\n"
            "coûterait trop cher à rénover.\n\n"
            "Selon des sources proches du conseil municipal, le vote aura lieu\n"
            "en juin. Les commerçants, eux, attendent une réunion publique.\n\n"
            "Le maire n'a pas souhaité commenter.\n")
    article = article_from_text(text, furniture_patterns=[])
    labels = [(p.label, article.text[p.start:p.end][:20]) for p in article.passages]
    assert [label for label, _ in labels] == ["Titre", "¶1", "¶2", "¶3"], labels
    first = article.passages[1]
    assert article.text[first.start:first.end].endswith("coûterait trop cher à rénover.")


def test_one_paragraph_per_line_is_not_joined():
    text = ("Le marché couvert va-t-il fermer ?\n"
            "La mairie aurait trouvé un terrain près de la gare.\n"
            "Le bâtiment actuel coûterait trop cher à rénover.\n"
            "Le maire n'a pas souhaité commenter.\n")
    article = article_from_text(text, furniture_patterns=[])
    assert [p.label for p in article.passages] == ["Titre", "¶1", "¶2", "¶3"]
