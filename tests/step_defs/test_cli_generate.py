"""Steps for cli_generate.feature: `mlquiz generate`, as text and as JSON."""
from __future__ import annotations

import re

from lingua import Language, LanguageDetectorBuilder
from pytest_bdd import given, parsers, scenarios, then, when

from question_bank.article import read_article
from question_bank.service import sample_path

scenarios("cli_generate.feature")

SPACES = "[ \u00a0\u202f]"
LABEL = r"(?:¶\d+|Titre|Intertitre \d+|Headline|Subheading \d+)"
CITATION_LINE = re.compile(rf"^   ({LABEL}) — (?:«{SPACES}(.*){SPACES}»|\"(.*)\")$")
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
QUOTATION_MARK = re.compile(SPACES + r"?[«»“”\"]" + SPACES + "?")
SAMPLES = {"French sample": "fr", "English sample": "en"}


def split_quiz_text(output: str, key_heading: str) -> tuple[list[dict], list[dict]]:
    """The text quiz as ([{prompt, choices}], [{letters, lines}]), split at the key heading."""
    marker = f"\n{key_heading}\n{'-' * len(key_heading)}\n"
    assert marker in output, f"no answer key headed {key_heading!r}"
    questions_part, key_part = output.split(marker, 1)
    questions: list[dict] = []
    for line in questions_part.splitlines():
        if m := re.match(r"^(\d+)\. (.+)$", line):
            assert int(m[1]) == len(questions) + 1, f"questions not numbered 1, 2, …: {line!r}"
            questions.append({"prompt": m[2], "choices": []})
        elif m := re.match(r"^   ([A-Z])\. (.+)$", line):
            questions[-1]["choices"].append(m[1])
    key: list[dict] = []
    for line in key_part.splitlines():
        if m := re.match(r"^(\d+)\. ([A-Z](?:, [A-Z])*)$", line):
            key.append({"letters": m[2].split(", "), "lines": []})
        elif line.strip():
            key[-1]["lines"].append(line)
    return questions, key


# --- Given / When ----------------------------------------------------------------------

@given(parsers.parse("the {article} saved as a file with {newlines} line endings"), target_fixture="article_file")
def article_file(article, newlines, write_article_text):
    language = SAMPLES[article]
    text = sample_path(language).read_text(encoding="utf-8")
    assert "\r" not in text
    return write_article_text(f"sample.{language}.txt", text, newline={"LF": "\n", "CRLF": "\r\n"}[newlines])


@when(parsers.parse("the teacher runs mlquiz {command} --sample {language}"), target_fixture="cli_result")
def run_sample(run_cli, command, language):
    return run_cli(command, "--sample", language)


@when("the teacher runs mlquiz generate on that file with --json", target_fixture="cli_result")
def run_generate_json(run_cli, article_file):
    return run_cli("generate", article_file, "--json")


@when(parsers.parse("the teacher generates a JSON quiz from that file twice with seed {seed:d}"),
      target_fixture="seeded_runs")
def generate_twice(run_cli, article_file, seed):
    return [run_cli("generate", article_file, "--json", "--seed", seed) for _ in range(2)]


@when(parsers.parse("the teacher generates a JSON quiz from that file with seed {seed:d}"),
      target_fixture="other_seed_run")
def generate_with_seed(run_cli, article_file, seed):
    return run_cli("generate", article_file, "--json", "--seed", seed)


# --- Then: the text quiz ---------------------------------------------------------------

@then(parsers.parse("the output lists at least {count:d} numbered questions, each with lettered choices"))
def numbered_questions(cli_result, count):
    questions, _ = split_quiz_text(cli_result.stdout, "Corrigé")
    assert len(questions) >= count
    for question in questions:
        letters = question["choices"]
        assert len(letters) >= 2, question
        assert letters == [chr(ord("A") + i) for i in range(len(letters))], question


@then(parsers.parse('the output has an answer key headed "{heading}" with one answer per question'))
def answer_key(cli_result, heading):
    questions, key = split_quiz_text(cli_result.stdout, heading)
    assert questions and len(key) == len(questions)
    for question, entry in zip(questions, key):
        assert set(entry["letters"]) <= set(question["choices"]), (question, entry)


@then("every answer in the key quotes the French sample word for word after a ¶ or Titre label")
def key_quotes_sample(cli_result):
    article = read_article(sample_path("fr"))
    flat = LINE_BREAKS.sub(" ", article.text)  # the key prints each quote on one line
    _, key = split_quiz_text(cli_result.stdout, "Corrigé")
    paragraph_labels = 0
    for number, entry in enumerate(key, 1):
        citations = [CITATION_LINE.match(line) for line in entry["lines"]]
        citations = [c for c in citations if c]
        assert citations, f"answer {number} quotes no passage: {entry['lines']}"
        for citation in citations:
            label, quote = citation[1], citation[2] or citation[3]
            # The quote's own quotation marks are printed nested (« → “): its words are the article's.
            assert not re.search(r"[«»]", quote), f"answer {number}: guillemets inside guillemets: {quote!r}"
            words = re.escape(QUOTATION_MARK.sub('"', quote)).replace('"', QUOTATION_MARK.pattern)
            places = [m.start() for m in re.finditer(words, flat)]
            assert places, f"answer {number}: {quote!r} is not in the article"
            labels = {p.label for p in article.passages for at in places if p.start <= at < p.end}
            assert label in labels, f"answer {number}: {quote!r} is in {labels}, not {label}"
            paragraph_labels += label.startswith("¶")
    assert paragraph_labels >= len(key) // 2, "most answers should quote a numbered paragraph"


@then("the questions are worded in English, not French")
def worded_in_english(cli_result):
    questions, _ = split_quiz_text(cli_result.stdout, "Answer key")
    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()
    for question in questions:
        assert detector.detect_language_of(question["prompt"]) == Language.ENGLISH, question["prompt"]
    assert "Corrigé" not in cli_result.stdout and "«" not in cli_result.stdout


# --- Then: the JSON quiz ---------------------------------------------------------------

@then(parsers.parse("the quiz has at least {count:d} questions"))
def quiz_size(cli_result, count):
    assert len(cli_result.json()["questions"]) >= count


def all_citations(quiz: dict):
    return [c for q in quiz["questions"] for c in q["citations"]]


@then("every citation's quote is exactly the file's text between its start and end")
def citation_invariant(cli_result, article_file):
    with open(article_file, encoding="utf-8", newline="") as handle:
        text = handle.read()
    quiz = cli_result.json()
    assert all(q["citations"] for q in quiz["questions"]), "a question without citations"
    for citation in all_citations(quiz):
        assert text[citation["start"]:citation["end"]] == citation["quote"], citation


@then("every citation names a passage label such as ¶2")
def citation_labels(cli_result):
    labels = [c["passage"] for c in all_citations(cli_result.json())]
    assert all(re.fullmatch(LABEL, label) for label in labels), labels
    assert any(label.startswith("¶") for label in labels)


@then("every answer points at one of its question's choices")
def answers_in_choices(cli_result):
    for question in cli_result.json()["questions"]:
        assert question["answer"], question["id"]
        assert all(0 <= i < len(question["choices"]) for i in question["answer"]), question["id"]


# --- Then: determinism -----------------------------------------------------------------

@then("the two outputs are byte-identical")
def byte_identical(seeded_runs):
    first, second = seeded_runs
    assert first.exit_code == second.exit_code == 0, (first.stderr, second.stderr)
    assert first.json()["questions"], "an empty quiz proves nothing"
    assert first.stdout_bytes == second.stdout_bytes


@then(parsers.parse("that quiz says it used seed {seed:d}"))
def reports_seed(other_seed_run, seed):
    assert other_seed_run.exit_code == 0, other_seed_run.stderr
    assert other_seed_run.json()["seed"] == seed


@then(parsers.parse("it is not the same quiz as with seed {seed:d}"))
def differs_from(other_seed_run, seeded_runs, seed):
    first = seeded_runs[0]
    assert first.json()["seed"] == seed
    assert other_seed_run.json()["questions"] != first.json()["questions"]
