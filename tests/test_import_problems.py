"""Import problems are data (a kind, its fields, where), and a draft may wait for its citation."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from question_bank.bank import problems as P
from question_bank.bank.checks import check_bank, ready_for_a_quiz
from question_bank.bank.items import BankFile, BankQuestion
from question_bank.formats import FORMATS, ImportProblems
from bank_builders import sample_bank


def _draft_without_citation(article_ref: str, **changes) -> BankQuestion:
    fields = dict(ref="plain-1", article=article_ref, kind="true_false", language="fr",
                  prompt="Une source « proche du dossier » est-elle nommée ?", choices=["Vrai", "Faux"], answer=[1],
                  citations=[], origin="imported", status="draft")
    return BankQuestion(**{**fields, **changes})


def test_a_problem_is_its_english_sentence_and_renders_from_its_kind_and_fields():
    problem = P.problem(P.NOT_A_WORD_FIRST_CITATION(choice="banana"), P.at_line(3))
    assert problem == ("line 3: « banana » is not a word of the sentence "
                       "(the first citation must be the sentence to mark a word in)")
    assert (problem.kind, problem.line, problem.what.fields) == (P.NOT_A_WORD_FIRST_CITATION, 3, {"choice": "banana"})
    # A page translates the templates, never the English text: here a translator that marks them.
    assert problem.render(lambda template: "<" + template + ">") == (
        "<%(place)s: %(problem)s>" % {"place": "<line 3>", "problem": "<" + P.NOT_A_WORD_FIRST_CITATION.template
                                      % {"choice": "banana"} + ">"})


def test_every_template_formats_with_its_own_fields_only():
    """A template's placeholders are its fields: a typo would break the page only at the first import."""
    import re

    from question_bank.bank import library_errors as L

    kinds = [v for module in (P, L) for v in vars(module).values() if isinstance(v, P.Kind)]
    kinds += [k for table in (L.MODEL_RULES, L.XML_PROBLEMS, L.JSON_PROBLEMS, L.ARTICLE_REASONS) for k in table.values()]
    kinds += [k for _, k in L.YAML_PROBLEMS]
    for kind in kinds:
        names = set(re.findall(r"%\((\w+)\)s", kind.template))
        assert kind(**{n: "x" for n in names}).render(), kind.code


def test_every_problem_of_a_format_is_a_problem_with_a_kind():
    with pytest.raises(ImportProblems) as caught:
        FORMATS["gift"].load(b"::Q1:: Jamais ferm\xc3\xa9 {=a ~b\n\n::Q2:: Jamais ouvert }\n")
    assert [(p.kind, p.line) for p in caught.value.problems] == [(P.BLOCK_NOT_CLOSED, 1), (P.LONE_CLOSING_BRACE, 3)]


def test_an_approved_question_must_cite_its_article():
    article = sample_bank().articles[0]
    with pytest.raises(ValidationError, match="an approved question cites at least one passage"):
        _draft_without_citation(article.ref, status="approved")


def test_a_draft_without_citation_enters_the_bank_but_not_a_quiz():
    bank = sample_bank()
    draft = _draft_without_citation(bank.articles[0].ref)
    assert check_bank(BankFile(articles=bank.articles, questions=[draft])) == []
    assert [p.kind for p in ready_for_a_quiz(draft)] == [P.NEEDS_CITATION]
    # …and it is still checked for everything else than its citation.
    wrong = _draft_without_citation(bank.articles[0].ref, answer=[5])
    assert [p.kind for p in check_bank(BankFile(articles=bank.articles, questions=[wrong]))] == [P.INVALID]


@pytest.mark.parametrize("name", ["yaml", "json"])
def test_a_draft_waiting_for_its_citation_comes_back_from_our_own_formats(name):
    bank = sample_bank()
    with_draft = bank.model_copy(update={"questions": [*bank.questions, _draft_without_citation(bank.articles[0].ref)]})
    fmt = FORMATS[name]
    assert fmt.load(fmt.export(with_draft)) == with_draft


# --- the libraries' own words never reach a French page -------------------------------------------

def _french():
    from gettext import GNUTranslations
    from pathlib import Path

    catalogue = Path(__file__).resolve().parent.parent / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.mo"
    with catalogue.open("rb") as handle:
        return GNUTranslations(handle).gettext


def _problems(name: str, data: bytes) -> list[P.Problem]:
    from question_bank.formats import load_any

    with pytest.raises(ImportProblems) as caught:
        load_any(data, name)
    return caught.value.problems


BROKEN_FILES = [
    # (file, content, words of the library that must not show, words of ours that must)
    ("bank.xml", b"<quiz><question type='multichoice'><name></question></quiz>", "mismatched tag",
     "balise fermante qui ne correspond pas"),
    ("bank.xml", b"<quiz>&nbsp;</quiz>", "undefined entity", "entité inconnue"),
    ("bank.yaml", b"format: mlquiz-bank\nquestions: [\n", "did not find expected", "groupe { } non fermé"),
    ("bank.yaml", b"format: mlquiz-bank\n\tarticles: []\n", "found character", "tabulation"),
    ("bank.json", b'{"format": "mlquiz-bank" "articles": []}', "Expecting", "virgule manque"),
]


@pytest.mark.parametrize("name, data, english, french", BROKEN_FILES)
def test_a_broken_file_is_described_in_french_without_the_parsers_english(name, data, english, french):
    [problem] = _problems(name, data)
    shown = problem.render(_french())
    assert french in shown and english not in shown, shown


def test_every_validation_problem_of_our_own_format_is_in_french():
    """pydantic's sentences ("Input should be…", "Field required", "Extra inputs…") and our
    models' rules become our own words, field by field."""
    import json

    from question_bank.formats.yaml_json import export_json

    raw = json.loads(export_json(sample_bank()))
    raw["articles"][0]["language"] = "de"
    raw["questions"][0]["difficulty"] = "impossible"
    raw["questions"][1]["citations"][0]["start"] = -1
    del raw["questions"][2]["prompt"]
    raw["colour"] = "blue"
    shown = [p.render(_french()) for p in _problems("bank.json", json.dumps(raw).encode("utf-8"))]
    text = " | ".join(shown)
    for english in ("Input should", "Field required", "Extra inputs", " or "):
        assert english not in text, text
    for french in ("cette valeur n’est pas permise (attendu\u00a0: 'fr', 'en')", "ce nombre est trop petit",
                   "ce champ manque", "ce champ ne fait pas partie du format"):
        assert french in text, text


def test_a_rule_of_our_models_is_in_french():
    """An approved question that cites nothing breaks a rule of the models (InvalidValue): its
    code, not its English sentence, gives the French words."""
    import json

    from question_bank.formats.yaml_json import export_json

    raw = json.loads(export_json(sample_bank()))
    raw["questions"][0].update(status="approved", citations=[])
    [problem] = _problems("bank.json", json.dumps(raw).encode("utf-8"))
    shown = problem.render(_french())
    assert "une question approuvée cite au moins un passage" in shown and "approved question" not in shown, shown
    assert "an approved question cites at least one passage of its article" in problem   # the command line
