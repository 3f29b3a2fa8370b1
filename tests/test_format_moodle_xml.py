"""Moodle XML: our export read back exactly, the Moodle constructs we emit checked against
what Moodle's importer reads (question/format/xml/format.php), a hand-written Moodle file,
and every refusal naming the question or the line."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from lxml import etree

from question_bank.article import article_from_text
from question_bank.bank.build import article_of, bank_article
from question_bank.bank.checks import check_bank
from question_bank.bank.items import BankFile, BankQuestion
from question_bank.formats import FORMATS, MAX_IMPORT_BYTES, ImportProblems, load_any
from bank_builders import sample_bank

MOODLE = FORMATS["moodle-xml"]
FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "moodle" / "bridge.xml"


def _problems(data: bytes) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        MOODLE.load(data)
    return caught.value.problems


def _skipped(data: bytes) -> tuple[list[str], object]:
    """What was left out of an import that went through, and what came in."""
    skipped: list = []
    bank = MOODLE.load(data, skipped=skipped)
    assert all(p.skips for p in skipped)
    return skipped, bank


def _questions(data: bytes):
    return [q for q in etree.fromstring(data).findall("question") if q.get("type") != "category"]


# ---------------------------------------------------------------- round trip

def test_round_trip_gives_back_the_sample_bank():
    bank = sample_bank()
    loaded = MOODLE.load(MOODLE.export(bank))
    assert loaded.articles == bank.articles
    assert len(loaded.questions) == len(bank.questions)
    for got, original in zip(loaded.questions, bank.questions):
        assert (got.origin, got.status) == ("imported", "draft")
        assert got.model_copy(update={"origin": original.origin, "status": original.status}) == original
    assert check_bank(loaded) == []


def test_round_trip_keeps_carriage_returns_markup_and_cdata_ends_exactly():
    text = ("Rumeur sur le pont\r\nLe conseil pourrait fermer le pont <Riverside> & la route ]]> le mois prochain,\r\n"
            "selon un ingénieur qui a requis l'anonymat.\r\nLa maire a démenti lundi toute décision.\r\n")
    article = bank_article(article_from_text(text, language="fr"), source="écrit à la main")
    start = text.index("le mois prochain")
    quote = text[start:text.index("anonymat") + len("anonymat")]  # spans a CRLF line break
    citation = article_of(article).cite(start, start + len(quote))
    question = BankQuestion(ref="q*1", article=article.ref, kind="short_answer", language="fr",
                            prompt="Quel mot ]]> montre <b>l'incertitude</b> & le doute ?\r\nÉcrivez-le.",
                            accepted=["pourrait", "pour*rait"], explanation="Ligne 1\r\n  ligne 2 & <fin>",
                            citations=[citation], tags=["a & b", "<x>"], difficulty="hard")
    bank = BankFile(articles=[article], questions=[question])
    data = MOODLE.export(bank)
    # HTML travels in CDATA as Moodle writes it (its text is HTML-escaped, so "]]>" never ends
    # a section early); carriage returns are character references, never raw.
    assert b"\r" not in data and b"<![CDATA[<p" in data and b"]]&gt;" in data
    loaded = MOODLE.load(data)
    assert loaded.articles == bank.articles
    assert loaded.questions[0].model_copy(update={"origin": "teacher"}) == question
    assert check_bank(loaded) == []


def test_true_false_with_other_labels_goes_out_as_multichoice_and_comes_back():
    bank = sample_bank()
    original = next(q for q in bank.questions if q.kind == "true_false")
    relabelled = original.model_copy(update={"choices": ["Oui", "Non"]})
    data = MOODLE.export(BankFile(articles=bank.articles, questions=[relabelled]))
    assert [q.get("type") for q in _questions(data)] == ["description", "multichoice"]
    loaded = MOODLE.load(data).questions[0]
    assert loaded.model_copy(update={"origin": original.origin, "status": original.status}) == relabelled


# ---------------------------------------------------------------- what we emit, against Moodle's rules

def test_export_is_a_moodle_quiz_with_categories_then_the_article_description():
    data = MOODLE.export(sample_bank())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = etree.fromstring(data)
    assert root.tag == "quiz"
    first, second = root[0], root[1]
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/mlquiz/" + sample_bank().articles[0].title
    assert second.get("type") == "description"
    assert second.findtext("name/text") == "mlquiz-article " + sample_bank().articles[0].ref
    page = etree.fromstring(second.findtext("questiontext/text"), etree.HTMLParser())
    paragraphs = page.findall(".//p")
    assert len(paragraphs) == len(sample_bank().articles[0].passages) + 1  # + the source line
    assert "¶1" in "".join(paragraphs[1].itertext())
    payload = json.loads(base64.b64decode(page.find(".//div").get("data-mlquiz-article")))
    assert payload["text"] == sample_bank().articles[0].text


def test_every_question_has_moodle_common_fields_in_moodle_order():
    bank = sample_bank()
    for element, question in zip(_questions(MOODLE.export(bank))[1:], bank.questions):
        children = [c.tag for c in element]
        assert children[:7] == ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden",
                                "idnumber"]
        assert element.find("questiontext").get("format") == "html"
        assert element.find("generalfeedback").get("format") == "html"
        assert element.findtext("defaultgrade") == "1" and element.findtext("hidden") == "0"
        assert element.findtext("idnumber") == question.ref
        tags = [t.findtext("text") for t in element.findall("tags/tag")]
        assert tags == question.tags + [f"mlquiz-kind:{question.kind}", f"mlquiz-difficulty:{question.difficulty}",
                                        f"mlquiz-article:{question.article}", f"mlquiz-status:{question.status}"]


def test_choice_questions_are_single_answer_multichoice_with_one_full_mark():
    bank = sample_bank()
    for element, question in zip(_questions(MOODLE.export(bank))[1:], bank.questions):
        if element.get("type") != "multichoice":
            continue
        assert question.kind != "short_answer"
        assert element.findtext("single") == "true"
        assert element.findtext("answernumbering") == "abc"
        assert element.findtext("shuffleanswers") in ("true", "false")
        fractions = [a.get("fraction") for a in element.findall("answer")]
        assert fractions == ["100" if i in question.answer else "0" for i in range(len(question.choices))]
        assert all(a.find("feedback") is not None for a in element.findall("answer"))
    types = {q.kind: e.get("type") for e, q in zip(_questions(MOODLE.export(bank))[1:], bank.questions)}
    assert types["mark_word"] == types["rumour_cue"] == types["multiple_choice"] == "multichoice"
    assert (types["true_false"], types["short_answer"]) == ("truefalse", "shortanswer")


def test_true_false_and_short_answer_follow_moodle():
    elements = {q.findtext("idnumber"): q for q in _questions(MOODLE.export(sample_bank()))}
    true_false = elements["tf-1"]
    assert [(a.findtext("text"), a.get("fraction")) for a in true_false.findall("answer")] == \
        [("true", "0"), ("false", "100")]  # the sample's answer is « Faux »
    short = elements["sa-1"]
    assert short.findtext("usecase") == "0"
    assert [(a.findtext("text"), a.get("fraction")) for a in short.findall("answer")] == \
        [("valoriserait", "100"), ("Valoriserait", "100")]


def test_citations_are_readable_paragraphs_with_their_offsets():
    elements = {q.findtext("idnumber"): q for q in _questions(MOODLE.export(sample_bank()))}
    feedback = etree.fromstring(f"<div>{elements['tf-1'].findtext('generalfeedback/text')}</div>")
    explanation, citation = feedback.findall("p")
    assert explanation.text == "Le conditionnel « valoriserait » montre que le prix n'est pas confirmé."
    quote = "Veltora valoriserait sa cible à 2,8 milliards d'euros, dette comprise."
    assert "".join(citation.itertext()) == f"¶2 — «\u00a0{quote}\u00a0»"
    assert (citation.get("data-passage"), citation.get("data-start"), citation.get("data-end"),
            citation.get("data-quote")) == ("¶2", "657", "727", quote)


def test_a_quoted_speaker_inside_a_citation_is_nested_and_comes_back_exact():
    bank = sample_bank()
    quoted = [(q.ref, c) for q in bank.questions for c in q.citations if "«" in c.quote]
    assert quoted
    data = MOODLE.export(bank).decode("utf-8")
    assert "« «" not in data and "«\u00a0«" not in data
    loaded = {q.ref: q.citations for q in MOODLE.load(data.encode("utf-8")).questions}
    assert all(citation in loaded[ref] for ref, citation in quoted)


# ---------------------------------------------------------------- a file written as Moodle documents it

def test_hand_written_moodle_file_imports_every_construct():
    bank = MOODLE.load(FIXTURE.read_bytes())
    article = bank.articles[0]
    assert (article.ref, article.title, article.language) == ("article-bridge", "Council may close the old bridge", "en")
    assert article.source == "Fixture <written by hand> & checked"
    assert [p.label for p in article.passages] == ["Headline", "¶1", "¶2"]
    mc, tf, sa = bank.questions
    assert (mc.ref, mc.kind, mc.language, mc.difficulty, mc.tags) == ("bridge-mc", "multiple_choice", "en", "easy", ["sources"])
    assert mc.prompt == "Who says the bridge could close & when?"                 # CDATA, tags and &amp;
    assert mc.explanation == "An engineer\u00a0who is not named: an anonymous source."  # &nbsp; kept as a no-break space
    assert mc.choices == ["The mayor, Ana Ruiz", "An engineer who asked not to be named", "The council's press office"]
    assert mc.answer == [1]                                                        # -50 is a wrong answer
    assert mc.choice_feedback == ["No: she says no decision was taken.", "Yes.", ""]
    assert (tf.kind, tf.choices, tf.answer, tf.difficulty) == ("true_false", ["True", "False"], [1], "medium")
    assert tf.explanation == "She said no decision had been taken."              # moodle_auto_format read as HTML
    assert tf.choice_feedback == ["No decision yet.", "Right."]
    assert (sa.kind, sa.accepted, sa.difficulty, sa.tags) == ("short_answer", ["could", "could*"], "hard", ["conditional"])
    assert sa.prompt == "Which word shows the closure is not certain?"          # HTML escaped without CDATA
    assert sa.explanation == "«could» marks a possibility."                      # &laquo; inside escaped HTML
    assert sa.citations[0].quote == "could close" and sa.citations[0].start == 50
    assert {q.origin for q in bank.questions} == {"imported"} and {q.status for q in bank.questions} == {"draft"}
    assert check_bank(bank) == []


# ---------------------------------------------------------------- refusals

def _quiz(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n").encode()


def _fixture_with(old: str, new: str) -> bytes:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def test_syntax_error_names_its_line():
    problems = _problems(_quiz("<question type=\"multichoice\">", "  <name><text>x</text></nam>", "</question>"))
    assert len(problems) == 1
    assert problems[0].startswith("line 4, column ") and "not well-formed" in problems[0]


def test_an_unsupported_type_is_left_out_naming_the_question_and_the_supported_ones():
    matching = ('<question type="matching"><name><text>Pairs</text></name>'
                '<questiontext format="html"><text>Match</text></questiontext></question>')
    data = _fixture_with("<!-- question: 102  -->", "<!-- question: 102  -->\n" + matching)
    skipped, bank = _skipped(data)
    assert skipped == ["question 2 (Pairs): type 'matching' is not supported "
                       "(multichoice, truefalse, shortanswer, description)"]
    assert len(bank.questions) == len(_questions(FIXTURE.read_bytes())) - 1    # every other one, the article aside


@pytest.mark.parametrize("payload", [
    '<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><quiz><question type="description">'
    '<name><text>&xxe;</text></name></question></quiz>',
    '<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><quiz>&c;</quiz>',
])
def test_dtds_and_entities_are_refused_plainly(payload):
    problems = _problems(('<?xml version="1.0"?>' + payload).encode())
    assert len(problems) == 1 and "DTD or entities" in problems[0] and "refused" in problems[0]
    assert "passwd" not in problems[0]


def test_multichoice_with_several_right_answers_is_refused():
    several = _fixture_with('<answer fraction="0" format="html">\n      <text><![CDATA[<p>The mayor',
                            '<answer fraction="100" format="html">\n      <text><![CDATA[<p>The mayor')
    assert "question 2 (Who says the bridge could close?): a multichoice question needs exactly one 100% answer, " \
           "this one has 2" in _problems(several)
    multiple = _fixture_with("<single>true</single>", "<single>false</single>")
    skipped, _bank = _skipped(multiple)
    assert [p.startswith("question 2 (Who says the bridge could close?): a multichoice question with several "
                         "right answers (single=false)") for p in skipped] == [True]


def test_partial_credit_and_wildcards_are_left_out_with_their_reason():
    partial = _fixture_with('<answer fraction="-50"', '<answer fraction="50"')
    assert any("question 2 (Who says the bridge could close?): answer 3 gives 50% (partial credit)" in p
               for p in _skipped(partial)[0])
    wildcard = _fixture_with(r"<text>could\*</text>", "<text>cou*</text>")
    assert any(p.startswith("question 4 (Which verb?): the answer 'cou*' uses Moodle's * wildcard")
               for p in _skipped(wildcard)[0])


def test_every_problem_is_listed_and_nothing_is_partly_imported():
    data = _fixture_with("<single>true</single>", "<single>true</single><answernumbering>x</answernumbering>")
    data = data.replace(b'data-start="147"', b'data-start="oops"')
    data = data.replace(b'<answer fraction="0" format="html">\n      <text><![CDATA[<p>The mayor',
                        b'<answer fraction="100" format="html">\n      <text><![CDATA[<p>The mayor')
    problems = _problems(data)
    assert any(p.startswith("question 2 (") for p in problems)
    assert any(p.startswith("question 3 (Decision taken?): citation 1 cannot be read") for p in problems)


def test_question_without_citation_is_refused():
    data = _fixture_with('<p class="mlquiz-citation" data-passage="¶2" data-start="147" data-end="215">¶2 — « '
                         '<span class="mlquiz-quote">The mayor, Ana Ruiz, said on Monday that no decision had been '
                         'taken.</span> »</p>', "")
    assert any(p.startswith("question 3 (Decision taken?): no citation") for p in _problems(data))


def test_a_description_that_is_not_an_article_is_not_a_question():
    data = _fixture_with("<text>mlquiz-article article-bridge</text>", "<text>Instructions</text>")
    problems = _problems(data)   # refused only because its questions' article is gone with it
    assert not any(p.startswith("question 1 (Instructions)") for p in problems)
    assert any(p.startswith("question 3 (Decision taken?): its language is unknown") for p in problems)


def test_damaged_article_text_is_refused():
    data = re.sub(rb'data-mlquiz-article="[^"]*"', b'data-mlquiz-article="not base64!"', FIXTURE.read_bytes())
    assert any(p.startswith("question 1 (mlquiz-article article-bridge): the article's exact text") for p in _problems(data))


def test_a_quote_not_in_the_article_loads_but_check_bank_names_it():
    # Same length as the real quote, so the citation itself is consistent: only the article can tell.
    data = _fixture_with("The mayor, Ana Ruiz, said on Monday that no decision had been taken.</span>",
                         "The mayor, Ana Ruiz, said on Sunday that no decision had been taken.</span>")
    bank = MOODLE.load(data)
    quote = "The mayor, Ana Ruiz, said on Sunday that no decision had been taken."
    assert check_bank(bank) == [f"question 2 (bridge-tf): the citation ¶2 « {quote[:60]} » is not found in its article"]


def test_a_quote_that_does_not_fit_its_offsets_is_a_load_problem():
    data = _fixture_with('&lt;span class="mlquiz-quote"&gt;could close&lt;/span&gt;',
                         '&lt;span class="mlquiz-quote"&gt;could&lt;/span&gt;')  # the escaped-HTML question
    assert any(p.startswith("question 4 (Which verb?): citation 1 cannot be read") for p in _problems(data))


def test_a_file_over_the_limit_is_refused_before_parsing():
    junk = b"<" * (MAX_IMPORT_BYTES + 1)  # not XML at all: parsing it would report a syntax error instead
    with pytest.raises(ImportProblems) as caught:
        load_any(junk, "bank.xml")
    assert caught.value.problems == [f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB"]


def test_load_any_picks_moodle_xml_by_suffix():
    fmt, bank = load_any(FIXTURE.read_bytes(), "Bridge.XML")
    assert fmt.name == "moodle-xml" and len(bank.questions) == 3


def test_html_goes_in_cdata_so_moodle_keeps_its_spaces():
    """Moodle's XML reader drops whitespace-only text between escaped tags: the space before »
    and after a ¶ label were lost. Inside CDATA, the HTML is one piece of text."""
    from bank_builders import sample_bank

    data = MOODLE.export(sample_bank()).decode("utf-8")
    sections = re.findall(r"<!\[CDATA\[(.*?)\]\]>", data, re.S)
    assert any(re.search("\u00a0»</span></p>", s) for s in sections)     # the space before »
    assert any(re.search(r"<strong>¶1</strong> \S", s) for s in sections)  # the space after ¶1
    assert "&lt;p" not in data                                          # no escaped HTML left


def test_a_retired_question_comes_back_retired_and_the_others_as_drafts():
    from bank_builders import sample_bank

    bank = sample_bank()
    retired = bank.questions[0].model_copy(update={"status": "retired"})
    approved = bank.questions[1]
    assert approved.status == "approved"
    loaded = MOODLE.load(MOODLE.export(bank.model_copy(update={"questions": [retired, approved]})))
    assert [q.status for q in loaded.questions] == ["retired", "draft"]
    assert all("mlquiz-status:" not in tag for q in loaded.questions for tag in q.tags)
