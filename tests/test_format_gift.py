"""GIFT export and import: round trips, the published GIFT rules (hand-written fixtures),
and files refused whole with the line of every problem."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from question_bank.article import article_from_text
from question_bank.bank.build import bank_article, mark_word_display
from question_bank.bank.checks import check_bank
from question_bank.bank.items import BankFile, BankQuestion
from question_bank.formats import MAX_IMPORT_BYTES, ImportProblems, load_any
from question_bank.formats import gift
from bank_builders import sample_bank
from question_bank.quoting import quote_passage

FIXTURES = Path(__file__).parent / "fixtures" / "formats" / "gift"
SAME = ("kind", "prompt", "choices", "answer", "accepted", "choice_feedback", "explanation", "citations")


def problems_of(data: bytes, **kwargs) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        gift.load(data, **kwargs)
    return caught.value.problems


def assert_same_bank(loaded: BankFile, bank: BankFile) -> None:
    assert [(a.ref, a.title, a.language, a.text, a.passages) for a in loaded.articles] == \
           [(a.ref, a.title, a.language, a.text, a.passages) for a in bank.articles]
    assert len(loaded.questions) == len(bank.questions)
    for got, want in zip(loaded.questions, bank.questions):
        assert (got.ref, got.article) == (want.ref, want.article)
        assert {f: getattr(got, f) for f in SAME} == {f: getattr(want, f) for f in SAME}, want.ref
        if want.kind in ("mark_word", "rumour_cue"):
            assert got.display == want.display


# ---------------------------------------------------------------- round trips

def test_sample_bank_round_trip():
    bank = sample_bank()
    loaded = gift.load(gift.export(bank))
    assert_same_bank(loaded, bank)
    assert check_bank(loaded) == []
    assert {(q.origin, q.status) for q in loaded.questions} == {("imported", "draft")}
    assert all(q.tags == [] and q.difficulty == "medium" for q in loaded.questions)


def test_citations_travel_as_feedback_lines():
    """Each citation is one line, typeset: the speaker's own « » nested as “ ” inside ours."""
    bank = sample_bank()
    text = gift.export(bank).decode("utf-8")
    quoted = [c for q in bank.questions for c in q.citations if "«" in c.quote]
    assert quoted, "the sample bank cites a quotation"
    for question in bank.questions:
        for citation in question.citations:
            assert gift.escape(f"\n{citation.passage} — {quote_passage(citation.quote, 'fr')}") in text
    assert "« «" not in text and "«\u00a0«" not in text


def test_a_citation_typed_with_other_quotation_marks_is_found_in_its_passage():
    """A teacher who types straight quotes, or no space inside « », cites the same words."""
    bank = sample_bank()
    citation = next(c for q in bank.questions for c in q.citations if "«" in c.quote)
    typed = citation.quote.replace("« ", '"').replace(" »", '"')
    data = gift.export(bank).decode("utf-8")
    line = gift.escape(f"\n{citation.passage} — {quote_passage(citation.quote, 'fr')}")
    loaded = gift.load(data.replace(line, gift.escape(f"\n{citation.passage} — « {typed} »"), 1).encode("utf-8"))
    assert citation in [c for q in loaded.questions for c in q.citations]


def _tricky_bank() -> BankFile:
    """Everything GIFT has to escape or could lose: CRLF, blank lines, a line starting with //,
    backslashes, braces, weights, format tags, several right answers, true being right."""
    text = ("Le maire démissionnerait-il vraiment ?\r\n\r\n"
            "// Selon des sources proches du dossier, le maire aurait déjà écrit sa lettre {brouillon} = trois pages ~ environ.\r\n"
            "\r\n"
            "Un chemin C:\\new\\test et un #mot-dièse sont cités par le journal, qui n'a pas pu vérifier l'information.\r\n")
    article = article_from_text(text)
    item = bank_article(article, title="Le maire / la rumeur \\ C:\\new")
    start = text.index("// Selon")
    rumour = article.cite(start, text.index("\r", start))
    path = article.cite(text.index("Un chemin"), text.index("dièse") + len("dièse"))
    common = {"article": item.ref, "language": "fr", "citations": [rumour]}
    questions = [
        BankQuestion(ref="multi::1", kind="multiple_choice", prompt="Quels mots \\ signes {} sont là ?",
                     choices=["%5% de hausse", "[html] <b>", "lettre", "rien", "%10% seulement"], answer=[2],
                     choice_feedback=["", "Non #1", "", "Non = faux", ""],
                     explanation="Deux lignes\nd'explication.\n", **common),
        BankQuestion(ref="tf", kind="true_false", prompt="Le maire a écrit une lettre.", choices=["Vrai", "Faux"],
                     answer=[0], choice_feedback=["Oui ~ bien.", "Relisez."], explanation="", **common),
        BankQuestion(ref="sa", kind="short_answer", prompt="Quel mot ?", accepted=["%50% aurait", "aurait"],
                     explanation="[plain] reste du texte", **{**common, "citations": [rumour, path]}),
        BankQuestion(ref="mw", kind="rumour_cue", prompt="Quel mot signale une rumeur ?",
                     choices=["aurait", "lettre"], answer=[0], explanation="Le conditionnel.",
                     display=mark_word_display(text, rumour, ["aurait", "lettre"]), **common),
    ]
    return BankFile(articles=[item], questions=questions)


def test_tricky_texts_come_back_byte_for_byte():
    bank = _tricky_bank()
    loaded = gift.load(gift.export(bank))
    assert loaded.articles[0].text == bank.articles[0].text          # \r\n, blank lines, // and \ kept
    assert loaded.articles[0].title == "Le maire / la rumeur \\ C:\\new"        # a chosen title survives in the category
    assert_same_bank(loaded, bank)
    assert check_bank(loaded) == []


def test_english_citations_use_english_quotes():
    text = (FIXTURES / "moodle_constructs.gift").read_bytes()
    bank = gift.load(text)
    again = gift.export(bank).decode("utf-8")
    assert "¶3 — “Several readers wrote to us”" in again
    assert_same_bank(gift.load(again.encode("utf-8")), bank)


# ---------------------------------------------------------------- our export follows the GIFT rules

def _strict_split(text: str) -> None:
    """An independent reading of our export: once escaped pairs are removed, the only
    `{ } = ~ #` left are the answer block's own, and `:` only frames the title."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    assert blocks[0].startswith("// mlquiz export")
    for block in (b.rstrip("\n") for b in blocks[1:]):
        assert all(line.strip() for line in block.split("\n")), "a blank line would split the item"
        if block.startswith("$CATEGORY: mlquiz/"):
            assert "\n" not in block
            continue
        bare = re.sub(r"\\.", "", block, flags=re.S)
        assert bare.startswith("::") and bare.count(":") == 4, block[:80]
        body = bare[bare.index("::", 2) + 2:]
        assert body.startswith("[plain]")
        if "{" not in body:                                  # the article: a description item
            assert not set(body) & set("{}=~#") and "\n" not in body
            continue
        assert body.count("{") == 1 and body.count("}") == 1 and body.endswith("\n}")
        head, inside = body[:-2].split("{")
        assert not set(head) & set("{}=~#") and "\n" not in head
        rows = inside.strip("\n").split("\n")
        assert rows[-1].startswith("\t####") and not set(rows[-1][5:]) & set("{}=~#")
        for row in rows[:-1]:
            assert row[0] == "\t" and row[1] in "=~TF", row
            rest = re.sub(r"^[=~](%-?[\d.]+%)?", "", row[1:])
            assert not set(rest) & set("{}=~")
            assert rest.count("#") <= (2 if row[1] in "TF" else 1)


@pytest.mark.parametrize("bank", [sample_bank(), _tricky_bank()], ids=["sample", "tricky"])
def test_export_escapes_every_special_character(bank):
    _strict_split(gift.export(bank).decode("utf-8"))


def test_export_layout_follows_the_published_forms():
    text = gift.export(sample_bank()).decode("utf-8")
    assert text.startswith("// mlquiz export")
    assert "\n\n$CATEGORY: mlquiz/Fusion Veltora–Quantixa : le mariage de l'année ?\n\n" in text
    assert "\n\n::mlquiz-article article-0fe6cd9f3255::[plain]Fusion Veltora–Quantixa \\: le mariage" in text
    assert "\n\n::true_false tf-1::[plain]Le prix de 2,8 milliards d'euros est confirmé par Veltora.{\n\tF\n\t####" in text
    assert "::short_answer sa-1::[plain]Quel verbe au conditionnel montre que le prix n'est pas confirmé ?{\n" \
           "\t=valoriserait\n\t=Valoriserait\n\t####" in text
    assert "\t~Le PDG \\= Claire Bellanger#Non \\: elle ne dit rien de tel.\n" in text
    assert "\t~Un communiqué \\#1 \\{officiel\\}#Non ; aucun communiqué n'est cité.\n" in text
    tricky = gift.export(_tricky_bank()).decode("utf-8")
    assert "$CATEGORY: mlquiz/Le maire // la rumeur \\\\ C:\\\\new\n" in tricky   # Moodle's escaped / and \\
    assert "\t~%0%%5% de hausse#\n" in tricky and "\t=lettre#\n" in tricky  # a choice starting with %…% is not a weight
    assert "\t~%0%%10% seulement#\n" in tricky                               # a wrong choice, not a weight
    assert "\t~[plain][html] <b>#Non \\#1\n" in tricky
    assert "\tT#Relisez.#Oui \\~ bien.\n" in tricky                          # {T#if wrong#if right}
    assert "\t=%100%%50% aurait\n" in tricky


# ---------------------------------------------------------------- hand-written GIFT, as Moodle documents it

def test_hand_written_constructs():
    bank = gift.load((FIXTURES / "moodle_constructs.gift").read_bytes())
    (article,) = bank.articles
    assert (article.ref, article.title, article.language) == ("library-en", "Will the old library close?", "en")
    assert article.text.split("\n")[2] == ('A spokesperson for the council said: "No decision has been taken, '
                                           'and every option is still open."')       # rows joined, \: unescaped
    assert [p.label for p in article.passages] == ["Headline", "¶1", "¶2", "Subheading 1", "¶3"]
    q = {question.ref: question for question in bank.questions}
    assert len(bank.questions) == 9 and {x.article for x in bank.questions} == {"library-en"}

    assert (q["Q1"].kind, q["Q1"].choices, q["Q1"].answer) == ("multiple_choice", ["vote", "would", "library"], [1])
    assert q["Q1"].choice_feedback == ["Not this one.", "Right: the conditional.", ""]
    assert q["Q1"].explanation == 'The conditional "would" reports without confirming.'
    assert [(c.passage, c.start, c.end) for c in q["Q1"].citations] == [("¶1", 28, 129)]

    assert (q["Q2"].kind, q["Q2"].choices, q["Q2"].answer) == ("true_false", ["True", "False"], [0])
    assert q["Q2"].choice_feedback == ["Yes, the article says so.", "Read ¶1 again."]
    untitled = q[""]
    assert (untitled.kind, untitled.answer, untitled.choice_feedback) == ("true_false", [1], [])
    assert untitled.explanation == "She says no decision has been taken."
    assert untitled.citations[0].quote.endswith('every option is still open."')

    assert (q["Q3"].kind, q["Q3"].accepted) == ("short_answer", ["readers", "several readers", "the public"])
    assert q["Q4"].prompt == "The council would _____ next week." and q["Q4"].choices == ["hold", "vote", "sing"]
    assert q["Q5 : escapes"].prompt == "What does 1 + 1 = 2 mean here : { } ~ # ?"
    assert q["Q5 : escapes"].choice_feedback == ["Right & done", ""]
    assert q["Q5 : escapes"].explanation == "Just a test."
    assert q["Q6"].prompt == "Read ¶3 *again*.\nWho uses the library every week?"
    assert [c.passage for c in q["Q6"].citations] == ["Headline", "¶3"] and q["Q6"].explanation == ""
    assert q["mw-en"].kind == "mark_word" and q["mw-en"].display["choice_words"] == [[2], [1], [3]]
    assert q["Q7"].kind == "true_false" and q["Q7"].citations[0].passage == "Headline"
    assert check_bank(bank) == []


def test_load_any_reads_gift_by_suffix():
    fmt, bank = load_any((FIXTURES / "moodle_constructs.gift").read_bytes(), "library.gift")
    assert fmt.name == "gift" and len(bank.questions) == 9


def test_questions_about_an_article_already_in_the_bank():
    article = sample_bank().articles[0]
    data = (f"$CATEGORY: mlquiz/{article.ref}\n\n"
            "::Q1:: Le prix est-il confirmé ?{F####¶2 — « Veltora valoriserait sa cible »}\n").encode("utf-8")
    assert problems_of(data) == [f"line 3: the article {article.ref!r} of this question is neither in the file nor in your bank"]
    bank = gift.load(data, known_articles={article.ref: article})
    assert bank.articles == [] and bank.questions[0].article == article.ref
    assert bank.questions[0].choices == ["Vrai", "Faux"]
    assert check_bank(bank, known_articles={article.ref: article}) == []


# ---------------------------------------------------------------- refused whole, every problem with its line

def test_syntax_problems_are_all_named_by_line():
    """Questions of a type we cannot represent (lines 10, 12, 16, 22) are not problems: they
    would be left out; the syntax problems refuse the file."""
    assert problems_of((FIXTURES / "bad_syntax.gift").read_bytes()) == [
        "line 5: the answer block opened here is never closed with }",
        "line 8: } without an opening { (write \\} for a brace in the text)",
        "line 14: unknown escape \\t (GIFT escapes only \\~ \\= \\# \\{ \\} \\: \\n and \\\\)",
        "line 18: the answer block has no =right answer (mark the right choice with =)",
        "line 20: a true_false question needs an answer block like {T} or {F}",
    ]


def test_types_we_cannot_represent_are_left_out_each_with_its_reason():
    article = sample_bank().articles[0]
    data = ("::Q1:: A numerical question {#1822:5}\n\n"
            "::Q2:: A matching question {=cat -> cat food =dog -> dog food}\n\n"
            "Some instructions with no answer block.\n\n"
            "::Q3:: An essay question {}\n\n"
            "::Q4:: Le prix est-il confirmé ?{F}\n").encode("utf-8")
    skipped = []
    bank = gift.load(data, into=article, skipped=skipped)
    assert [q.prompt for q in bank.questions] == ["Le prix est-il confirmé ?"]
    assert skipped == [
        "line 1: numerical questions ({#…}) are not supported",
        "line 3: matching questions (=item -> match) are not supported",
        "line 5: text with no answer block (a Moodle description) is not a question: it was left out "
        "(only an item titled ::mlquiz-article <ref>:: is read, as an article)",
        "line 7: an empty answer block {} (a Moodle essay question) is not supported",
    ]
    assert all(p.skips for p in skipped)


def test_a_file_of_only_questions_we_cannot_represent_is_refused_saying_why():
    problems = problems_of(b"::Q1:: A numerical question {#1822:5}\n\n::Q2:: An essay {}\n")
    assert problems == ["the file has no question that can be imported here",
                        "line 1: numerical questions ({#…}) are not supported",
                        "line 3: an empty answer block {} (a Moodle essay question) is not supported"]


def test_citation_problems_are_named_by_line_and_nothing_is_imported():
    assert problems_of((FIXTURES / "bad_citations.gift").read_bytes()) == [
        "line 7: the citation ¶1 “The mayor will resign” is not in the article",
        "line 9: no citation (add a line such as ¶3 — “passage” to the general feedback)",
        "line 11: the citation ¶9 “The council would vote next week” is not in the article (it has no passage ¶9)",
        "line 13: the citation Headline “The council would vote” is not in the article",
    ]


def test_a_citation_on_a_later_line_is_named_by_its_own_line():
    data = ((FIXTURES / "bad_citations.gift").read_text(encoding="utf-8").split("\n\n::Q1")[0]
            + "\n\n::Q1:: Which?{\n=would\n~vote\n####Because.\n¶1 — “Not there”\n}\n").encode("utf-8")
    assert problems_of(data) == ["line 9: the citation ¶1 “Not there” is not in the article"]


def test_unclosed_title_and_empty_question():
    data = "::mlquiz-article a::Un texte.\n\n::Q1 no end {=a ~b}\n\n::Q2::{=a ~b####¶1 — « x »}\n".encode("utf-8")
    problems = problems_of(data)
    assert "line 3: the title is not closed (write ::title:: before the question)" in problems
    assert "line 5: the question has no text" in problems


def test_a_mark_word_choice_must_be_a_word_of_the_cited_sentence():
    data = ("::mlquiz-article library-en::Will the old library close?\\nThe council would vote next week on "
            "closing the old library, according to sources close to the mayor.\n\n"
            "::mark_word m1::Mark the word.{=would ~banana####¶1 — “The council would vote next week on closing "
            "the old library, according to sources close to the mayor.”}\n").encode("utf-8")
    assert problems_of(data) == ["line 3: « banana » is not a word of the sentence "
                                 "(the first citation must be the sentence to mark a word in)"]


def test_a_twenty_megabyte_file_is_refused_before_parsing(monkeypatch):
    def must_not_parse(*args):
        raise AssertionError("parsed a file that is too large")
    monkeypatch.setattr(gift, "read_blocks", must_not_parse)
    data = b"::Q:: x {=a ~b}\n\n" * 1_250_000
    assert len(data) > 20_000_000
    assert problems_of(data) == [f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB"]
    with pytest.raises(ImportProblems, match="larger than"):
        load_any(data, "big.gift")


@pytest.mark.parametrize("data, problem", [
    (b"", "the file is empty"),
    (b"  \n\n\t\n", "the file is empty"),
    (b"// only a comment\n\n// and another\n", "the file has no questions (only blank lines and // comments)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this looks like a binary file, not a file of questions"),
    ("::Q:: Café ?{=oui ~non}".encode("latin-1"), "the file is not UTF-8 text (invalid byte at position 9)"),
])
def test_unreadable_files_get_one_plain_problem(data, problem):
    assert problems_of(data) == [problem]


def test_a_file_moodle_exported_again_comes_back():
    """Moodle's own exporter writes `// question:` comments, a `$course$/top/…` category path,
    {TRUE#…#…####…}, `=%100%answer#` and negative weights."""
    bank = gift.load((FIXTURES / "moodle_reexport.gift").read_bytes())
    (article,) = bank.articles
    assert (article.ref, article.title, article.text[-1]) == ("library-en", "Will the old library close?", "\n")
    tf, sa, mc = bank.questions
    assert (tf.kind, tf.answer, tf.choice_feedback, tf.explanation) == ("true_false", [0], ["Yes.", "Read again."],
                                                                        "The article says so.")
    assert (sa.kind, sa.accepted) == ("short_answer", ["would", "would vote"])
    assert (mc.kind, mc.choices, mc.answer) == ("multiple_choice", ["Sources close to the mayor", "The mayor", "Nobody"], [0])
    assert mc.choice_feedback == ["Right.", "", ""]
    assert check_bank(bank) == []


def test_a_question_with_several_right_answers_is_refused_in_plain_words():
    """GIFT gives 100 % for ticking every box, Moodle XML full marks for either answer alone, QTI
    keeps the first: one question, three gradings. A question here has one right answer."""
    bank = sample_bank()
    single = next(q for q in bank.questions if q.kind == "multiple_choice")
    exported = gift.export(bank.model_copy(update={"questions": [single]})).decode("utf-8")
    two_right = exported.replace("\t~Le PDG", "\t=Le PDG", 1)       # a second right answer
    assert two_right != exported
    problems = check_bank(gift.load(two_right.encode("utf-8")))
    assert any("2 right answers" in p and "exactly one" in p for p in problems), problems
