"""Steps shared by the CLI features: how a run of `mlquiz` ended, and what
`mlquiz analyze --json` found.

Each `When` step returns its run as the `cli_result` fixture (target_fixture), so
these `Then` steps read it without any shared mutable state.
"""
from pathlib import Path

from pytest_bdd import given, parsers, then, when

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@given(parsers.parse('the article file "{name}"'), target_fixture="article_file")
def fixture_article(name):
    path = FIXTURES / name
    assert path.is_file(), path
    return path


@when("the teacher runs mlquiz analyze on it with --json", target_fixture="cli_result")
def analyze_json(run_cli, article_file):
    return run_cli("analyze", article_file, "--json")


@then("the command succeeds with nothing on stderr")
def command_succeeds(cli_result):
    assert cli_result.exit_code == 0, f"exit {cli_result.exit_code}: {cli_result.stderr}"
    assert cli_result.stderr == ""


@then(parsers.parse("the command fails with exit code {code:d}"))
def command_fails(cli_result, code):
    assert cli_result.exit_code == code, (cli_result.exit_code, cli_result.stderr)


# --- what the analysis found -----------------------------------------------------------

@then(parsers.parse('the article is recognised as "{language}"'))
def recognised_as(cli_result, language):
    assert cli_result.json()["language"] == language


@then(parsers.parse('the title is "{title}"'))
def title_is(cli_result, title):
    assert cli_result.json()["title"] == title


@then("the headline is flagged as a question")
def headline_question(cli_result):
    assert cli_result.json()["headline_is_question"] is True


@then("the headline is not flagged as a question")
def headline_not_question(cli_result):
    assert cli_result.json()["headline_is_question"] is False


@then(parsers.re(r'"(?P<words>[^"]+)" is found as an? (?P<cue_type>\w+) cue'))
def cue_found(cli_result, words, cue_type):
    cues = cli_result.json()["cues"]
    assert any(c["text"] == words and c["type"] == cue_type for c in cues), cues


@then("no conditional, rumour or unnamed_source cue is found")
def no_rumour_cues(cli_result):
    cues = cli_result.json()["cues"]
    assert not [c for c in cues if c["type"] in ("conditional", "rumour", "unnamed_source")], cues


@then(parsers.re(r'the source "(?P<words>[^"]+)" is (?:an? )?(?P<kind>\w+)'))
def source_starting_with(cli_result, words, kind):
    sources = [s for s in cli_result.json()["sources"] if s["text"].startswith(words)]
    assert sources, cli_result.json()["sources"]
    assert all(s["kind"] == kind for s in sources), sources


@then(parsers.parse('a source is exactly "{words}"'))
def source_exactly(cli_result, words):
    assert any(s["text"] == words for s in cli_result.json()["sources"]), cli_result.json()["sources"]


@then(parsers.re(r'the source naming "(?P<name>[^"]+)" is an? (?P<kind>\w+)'))
def source_naming(cli_result, name, kind):
    sources = [s for s in cli_result.json()["sources"] if name in s["text"]]
    assert sources, cli_result.json()["sources"]
    assert all(s["kind"] == kind for s in sources), sources


@then(parsers.re(r'the footer line "(?P<words>[^"]+)" is an? (?P<kind>\w+) disclosure'))
def disclosure_found(cli_result, words, kind):
    disclosures = cli_result.json()["disclosures"]
    assert any(d["text"].startswith(words) and d["kind"] == kind for d in disclosures), disclosures


@then("no disclosure is found")
def no_disclosure(cli_result):
    assert cli_result.json()["disclosures"] == []


@then("the author is only described by a bio, without a name")
def unnamed_bio(cli_result):
    author = cli_result.json()["author"]
    assert author is not None
    assert (author["named"], author["name"], author["role"]) == (False, None, "bio"), author


@then("no author is found")
def no_author(cli_result):
    assert cli_result.json()["author"] is None


@then("every finding quotes the article exactly at its offsets")
def findings_at_offsets(cli_result, article_file):
    with open(article_file, encoding="utf-8", newline="") as handle:
        text = handle.read()
    found = cli_result.json()
    spans = found["cues"] + found["sources"] + found["disclosures"] + ([found["author"]] if found["author"] else [])
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span
    for claim in found["claims"]:
        for citation in claim["citations"]:
            assert text[citation["start"]:citation["end"]] == citation["quote"], citation


@then(parsers.re(r'the source naming "(?P<name>[^"]+)" (?P<does>speaks|does not speak) about itself'))
def source_about_itself(cli_result, name, does):
    sources = [s for s in cli_result.json()["sources"] if name in s["text"]]
    assert sources, cli_result.json()["sources"]
    assert all(s.get("about_itself", False) is (does == "speaks") for s in sources), sources
