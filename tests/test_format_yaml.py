"""Our own YAML and JSON formats: the whole bank, nothing lost, and every problem named."""
from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from question_bank.bank.items import BankFile
from question_bank.formats import FORMATS, MAX_IMPORT_BYTES, ImportProblems, load_any
from question_bank.formats.yaml_json import JSON, YAML
from bank_builders import sample_bank


def problems_of(fmt, data: bytes) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        fmt.load(data)
    return caught.value.problems


@pytest.mark.parametrize("fmt", [YAML, JSON], ids=["yaml", "json"])
def test_round_trip_is_exact(fmt):
    bank = sample_bank()
    assert fmt.load(fmt.export(bank)) == bank


def test_registered_under_their_names():
    assert (FORMATS["yaml"].label, FORMATS["yaml"].suffixes) == ("mlquiz YAML", (".yaml", ".yml"))
    assert (FORMATS["json"].label, FORMATS["json"].suffixes) == ("mlquiz JSON", (".json",))
    data = YAML.export(sample_bank())
    assert load_any(data, "BANK.YML")[0] is YAML
    assert load_any(JSON.export(sample_bank()), "bank.json")[0] is JSON


def test_the_files_are_the_model_dump_readable_as_utf8():
    bank = sample_bank()
    yaml_text = YAML.export(bank).decode("utf-8")
    assert yaml_text.startswith("format: mlquiz-bank\nversion: 1\narticles:\n")
    assert "« selon des sources »" in yaml_text                      # allow_unicode: no \xAB escapes
    assert yaml.safe_load(yaml_text) == bank.model_dump(mode="json")
    json_text = JSON.export(bank).decode("utf-8")
    assert json_text.startswith('{\n  "format": "mlquiz-bank",\n  "version": 1,')
    assert "« selon des sources »" in json_text                      # ensure_ascii=False
    assert json.loads(json_text) == bank.model_dump(mode="json")


_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None)
@given(explanation=_texts, feedback=_texts)
def test_any_text_survives_both_formats(explanation, feedback):
    """Line breaks of every kind, leading spaces, control characters, YAML-looking words."""
    bank = sample_bank()
    question = bank.questions[-4].model_copy(update={"explanation": explanation,
                                                      "choice_feedback": [feedback, "no", "yes: #1"]})
    changed = bank.model_copy(update={"questions": bank.questions[:-4] + [question]})
    for fmt in (YAML, JSON):
        assert fmt.load(fmt.export(changed)) == changed


@pytest.mark.parametrize("data, problem", [
    (b"", "the file is empty"),
    (b"\n  \n", "the file is empty"),
    (b"\x00\x01\x02binary", "this looks like a binary file, not a file of questions"),
    ("format: mlquiz-bank\ntitle: Café\n".encode("latin-1"), "the file is not UTF-8 text (invalid byte at position 30)"),
    (b"- one\n- two\n", "the file must be a YAML mapping with `format: mlquiz-bank`, `articles` and `questions`; "
                        "this one is a list"),
    (b"articles: []\nquestions: []\n", "this is not an mlquiz bank file: it has no `format: mlquiz-bank` entry at the top"),
    (b"format: moodle\n", "this is not an mlquiz bank file: its format is 'moodle', not 'mlquiz-bank'"),
    (b"format: mlquiz-bank\nversion: 2\n", "version 2 of the bank format is not supported (this mlquiz reads version 1)"),
    (b"format: mlquiz-bank\narticles: [\n  {ref: a\n", "line 3, column 3: this is not valid YAML (a list [ ] or a group { } that is not closed, or a missing comma)"),
    (b"format: mlquiz-bank\nquestions:\n  - ref: a\n   kind: b\n",
     "line 4, column 4: this is not valid YAML (the indentation is not consistent)"),
    # At the end of the file, the line where the unclosed quotation began.
    (b'format: mlquiz-bank\narticles:\n  - ref: a\n    text: "open\n    language: fr\nquestions: []\n\n\n',
     "line 4, column 11: this is not valid YAML (a quotation mark that is never closed)"),
    (b"format: mlquiz-bank\nbase: &b {ref: x}\narticles: [*b, *b]\n",
     "the file uses YAML aliases (&anchor, *alias); write every item out in full"),
])
def test_yaml_problems_in_plain_words(data, problem):
    assert problems_of(YAML, data) == [problem]


def test_json_syntax_error_has_line_and_column():
    assert problems_of(JSON, b'{\n  "format": "mlquiz-bank",\n  "articles": [,]\n}') == [
        "line 3, column 16: this is not valid JSON (a value is missing)"]
    assert problems_of(JSON, b'"just text"') == [
        "the file must be a JSON mapping with `format: mlquiz-bank`, `articles` and `questions`; "
        "this one is a piece of text"]


def test_wrong_values_are_named_by_item_and_field():
    raw = sample_bank().model_dump(mode="json")
    third = raw["questions"][2]["ref"]
    tf = next(i for i, q in enumerate(raw["questions"]) if q["ref"] == "tf-1")
    raw["questions"][2]["citations"][0]["start"] = -1
    raw["questions"][2]["difficulty"] = "impossible"
    del raw["questions"][tf]["prompt"]
    raw["articles"][0]["language"] = "de"
    raw["colour"] = "blue"
    problems = problems_of(JSON, json.dumps(raw).encode("utf-8"))
    assert problems == [
        f"article 1 ({raw['articles'][0]['ref']}): language: this value is not allowed (expected 'fr', 'en')",
        f"question 3 ({third}): citations[0].start: this number is too small (at least 0)",
        f"question 3 ({third}): difficulty: this value is not allowed (expected 'easy', 'medium', 'hard')",
        f"question {tf + 1} (tf-1): prompt: this field is missing",
        "top level: colour: this field is not part of the format",
    ]


def test_a_citation_breaking_its_invariant_is_named():
    raw = sample_bank().model_dump(mode="json")
    raw["questions"][0]["citations"][0]["end"] = 10
    problems = problems_of(YAML, yaml.safe_dump(raw, allow_unicode=True).encode("utf-8"))
    first = raw["questions"][0]["ref"]
    assert problems == [f"question 1 ({first}): citations[0]: the citation's offsets do not match its quote"]


def test_many_problems_are_cut_to_the_first_fifty():
    raw = {"format": "mlquiz-bank", "questions": [{"ref": f"q{i}"} for i in range(30)]}
    problems = problems_of(JSON, json.dumps(raw).encode("utf-8"))
    assert len(problems) == 51 and problems[-1] == "… and 100 more problems"


def test_files_over_the_limit_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed a file that is too large"))
    data = b"format: mlquiz-bank\n" + b"# padding\n" * 2_000_000
    assert len(data) > 20_000_000
    assert problems_of(YAML, data) == [f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB"]


def test_deep_nesting_is_refused_plainly():
    assert problems_of(JSON, b"[" * 100_000 + b"]" * 100_000) == ["the file is nested too deeply to be a bank file"]


def test_an_empty_bank_is_a_valid_file():
    assert YAML.load(b"format: mlquiz-bank\nversion: 1\n") == BankFile()
