"""Fuzzing the GIFT importer (issue: "any input gives either a result or a clear error, never a crash").

`gift.load` and `load_any` read untrusted uploads: whatever they are given, they return a
`BankFile` or raise `ImportProblems` whose `.problems` is a non-empty list of plain
strings, each naming its line when it is about one. Inputs: arbitrary bytes and text,
GIFT-like text built from the format's constructs, and mutations of a real export.
"""
from __future__ import annotations

import codecs
import re

from hypothesis import HealthCheck, currently_in_test_context, event, example, given, settings
from hypothesis import strategies as st

from question_bank.bank.checks import check_bank, known_kinds
from question_bank.bank.items import BankFile
from question_bank.formats import FORMATS, ImportProblems, load_any
from question_bank.formats import gift
from bank_builders import sample_bank

FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Problems about the whole file rather than one of its lines.
WHOLE_FILE = re.compile(r"the file is (empty|larger than \d+ MB|not UTF-8 text \(invalid byte at position \d+\))$"
                        r"|this looks like a binary file, not a file of questions$"
                        r"|the file has no questions \(only blank lines and // comments\)$"
                        r"|the file has no question that can be imported here$"
                        r"|these questions have no article \(\d+ in the file\): .*"
                        r"|… and \d+ more problems$"
                        r"|unknown file type '.*': import .*")
LINE = re.compile(r"line (\d+): \S")


def export() -> bytes:
    return FORMATS["gift"].export(sample_bank())


def known_articles() -> dict:
    return {a.ref: a for a in sample_bank().articles}


def check_gift_outcome(data: bytes, call, names_lines: bool = True) -> BankFile | None:
    """Run `call`; it returns a BankFile that `check_bank` can judge, or raises ImportProblems
    listing plain problems, each about a line of the file (or about the file as a whole)."""
    try:
        bank = call()
    except ImportProblems as error:
        problems = error.problems
        assert isinstance(problems, list) and problems, "ImportProblems with no problem"
        lines = data.count(b"\n") + 1
        for problem in problems:
            assert isinstance(problem, str) and problem.strip(), f"an empty problem in {problems!r}"
            found = LINE.match(problem)
            assert found or WHOLE_FILE.match(problem) or not names_lines, f"a problem naming no line: {problem!r}"
            if found:
                assert 1 <= int(found.group(1)) <= lines, f"line out of the file ({lines} lines): {problem!r}"
        note(f"refused: {re.sub(r'[0-9]+', 'N', problems[0])[:50]}")
        return None
    assert isinstance(bank, BankFile)
    assert isinstance(check_bank(bank), list)
    assert isinstance(check_bank(bank, known_articles()), list)
    note(f"loaded: {len(bank.articles)} article(s), {'some' if bank.questions else 'no'} questions")
    return bank


def note(what: str) -> None:
    """What became of an input, for `--hypothesis-show-statistics`."""
    if currently_in_test_context():
        event(what)


# ---------------------------------------------------------------- strategies

any_character = st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"])
arbitrary_text = st.one_of(
    st.text(any_character, max_size=2000),
    st.text(st.sampled_from("{}=~#:\\$/[]%-> \t\r\nTFabc¶«»“”—\ufdd0\ufdd7\ufeff\x00\x0b"), max_size=400),
)

ARTICLE_SENTENCES = [
    "Le conseil municipal aurait voté la fermeture de la piscine.",
    "Selon un proche du dossier, la décision serait prise avant l'été.",
    "Les habitants du quartier s'inquiètent pour leurs enfants.",
    "« Nous n'avons reçu aucune explication », regrette une mère d'élève.",
    "Le maire n'a pas répondu à nos questions.",
    "Des travaux seraient prévus dès la rentrée prochaine.",
]
ARTICLE_TEXT = "\n".join(["La piscine municipale va-t-elle fermer ?", *ARTICLE_SENTENCES])
WORDS = ["Vrai", "Faux", "piscine", "aurait", "maire", "T", "F", "TRUE", "FALSE", "x", "Quel mot ?", "a b c", "",
         "¶1", "¶ 2", "Titre", "Headline", "Intertitre 1", "«", "»", "“", "”", "—", "-", " ", "  ", "\t",
         *ARTICLE_SENTENCES]
SPECIAL = ["::", "{", "}", "=", "~", "#", "####", "%50%", "%-33.3%", "%100%", "%0%", "%5.%", "%", "\\", "\\n", "\\:",
           "\\{", "\\}", "\\=", "\\~", "\\#", "\\\\", "\\x", "\\\n", "$CATEGORY:", "$CATEGORY: mlquiz/", "//", "// a comment",
           "[html]", "[plain]", "[moodle]", "[markdown]", "<p>", "</p>", "<br/>", "&amp;", "&#0;", "{T}", "{F}", "{TRUE}",
           "{=", "->", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "::mlquiz-article x::", "::mlquiz-article::",
           "::mlquiz-article x::[plain]", "¶1 — « ", " »", "\\n¶1 — « ", "¶1 — “", "”", "\ufdd0", "\ufeff"]
token_soup = st.lists(st.one_of(st.sampled_from(SPECIAL), st.sampled_from(WORDS)), max_size=60).map("".join)

gift_text = st.lists(st.sampled_from([*"abc éT{}=~#:\\", "\\n", "\\:", "\\{", "\\=", "  "]), max_size=30).map("".join)
plain_text = st.one_of(st.sampled_from(WORDS), gift_text)
title_part = st.one_of(
    st.just(""),
    st.builds(lambda kind, ref: f"::{kind}{ref}::", st.sampled_from([*known_kinds(), "essay", "mlquiz-article", ""]),
              st.sampled_from(["", " q1", " q2", " x y", " mw-1"])),
    st.builds(lambda t: f"::{t}::", gift_text),
    st.just("::unclosed title"),
)
format_tag = st.sampled_from(["", "[plain]", "[html]", "[moodle]", "[markdown]"])
weight = st.sampled_from(["", "", "%50%", "%100%", "%0%", "%-50%", "%33.3%", "%5.%", "%x%"])
answer = st.builds(lambda mark, w, text, fb: f"{mark}{w}{text}{fb}", st.sampled_from(["=", "~", "", "->"]), weight,
                   plain_text, st.one_of(st.just(""), plain_text.map(lambda t: "#" + t)))
citation = st.builds(lambda label, quote, fr: f"{label} — « {quote} »" if fr else f"{label} — “{quote}”",
                     st.sampled_from(["¶1", "¶ 1", "¶2", "¶9", "Titre", "Headline", "Intertitre 1"]),
                     st.sampled_from([*ARTICLE_SENTENCES, "La piscine municipale va-t-elle fermer ?", "absent", "x"]),
                     st.booleans())
feedback = st.one_of(
    st.just(""),
    st.builds(lambda expl, cites, sep: "####" + expl + "".join(sep + c for c in cites),
              plain_text, st.lists(citation, max_size=3), st.sampled_from(["\\n", "\n", "\r\n", " "])),
)
answer_block = st.one_of(
    st.sampled_from(["{}", "{T}", "{F}", "{TRUE}", "{FALSE}", "{#3:1}", "{=a -> b =c -> d}", "{", "}", "{{}}", "{T#no#yes}"]),
    st.builds(lambda answers, sep, fb: "{" + sep.join(answers) + fb + "}", st.lists(answer, max_size=5),
              st.sampled_from([" ", "\n\t", "\n", "\r\n"]), feedback),
)
question = st.builds(lambda title, tag, prompt, block, tail: title + tag + prompt + block + tail,
                     title_part, format_tag, plain_text, answer_block, st.sampled_from(["", "", " la suite", "}"]))
article_item = st.builds(lambda ref, text: f"::mlquiz-article{ref}::[plain]" + gift.escape(text),
                         st.sampled_from(["", " x", " article-1"]),
                         st.sampled_from([ARTICLE_TEXT, ARTICLE_TEXT + "\n\nEnglish words here.", "Trop court.",
                                          "Der Gemeinderat hat beschlossen, das Schwimmbad zu schließen, "
                                          "sagte der Bürgermeister am Montag.", ""]))
category = st.builds(lambda name: "$CATEGORY: " + name,
                     st.sampled_from(["mlquiz/La piscine municipale va-t-elle fermer ?", "mlquiz/x",
                                      "$course$/top/mlquiz/La piscine", "mlquiz//x/", "", "/", "//"]))
comment = st.sampled_from(["// a comment", "//", "  // indented {", "// ::title:: {=a}"])
# A question that is, or nearly is, right: a known kind, the answer block its kind needs,
# a citation of a real passage of ARTICLE_TEXT (its title is line 0, then ¶1…¶6).
good_citation = st.builds(lambda i, part, fr: (lambda quote: f"¶{i + 1} — « {quote} »" if fr else f"¶{i + 1} — “{quote}”")(
    ARTICLE_SENTENCES[i] if part is None else ARTICLE_SENTENCES[i][part[0]:part[0] + part[1]]),
    st.integers(0, len(ARTICLE_SENTENCES) - 1), st.one_of(st.none(), st.tuples(st.integers(0, 20), st.integers(0, 30))),
    st.booleans())
SENTENCE_WORDS = sorted({w.strip(".,«»") for s in ARTICLE_SENTENCES for w in s.split()} - {""})


def _good_block(kind: str, choices: list[str], right: int, tf: str, feedbacks: bool) -> str:
    if kind == "true_false":
        return "{" + tf + "}"
    if kind == "short_answer":
        return "{" + " ".join("=" + c for c in choices) + "}"
    return "{" + " ".join(("=" if i == right % len(choices) else "~") + gift.escape(c) + ("#ok" if feedbacks else "")
                          for i, c in enumerate(choices)) + "}"


good_question = st.builds(
    lambda kind, ref, prompt, block, expl, cites, sep: (
        f"::{kind}{ref}::{prompt}" + block[:-1] + "####" + expl + "".join(sep + c for c in cites) + "}"),
    st.sampled_from(known_kinds()), st.sampled_from(["", " q1", " q2"]), st.sampled_from(["Quel mot ?", "Vrai ?", "Q"]),
    st.builds(_good_block, st.sampled_from(known_kinds()), st.lists(st.sampled_from(SENTENCE_WORDS), min_size=1, max_size=4),
              st.integers(0, 3), st.sampled_from(["T", "F", "T#non#oui", "FALSE"]), st.booleans()),
    st.sampled_from(["", "Parce que.", "Voir \\: le texte."]), st.lists(good_citation, min_size=0, max_size=3),
    st.sampled_from(["\\n", "\n"]))
gift_item = st.one_of(question, good_question, article_item, category, comment, token_soup)
gift_file = st.builds(
    lambda items, seps, newline: "".join(item + seps[i % len(seps)] for i, item in enumerate(items)).replace("\n", newline),
    st.lists(gift_item, max_size=8), st.lists(st.sampled_from(["\n\n", "\n", "\n \n", "\n\n\n", ""]), min_size=1),
    st.sampled_from(["\n", "\r\n"]))
# One of our articles first, so the questions have something to cite.
with_article = st.builds(lambda cat, art, rest: cat + "\n\n" + art + "\n\n" + rest,
                         category, article_item, gift_file)
mostly_good = st.builds(lambda questions: "$CATEGORY: mlquiz/x\n\n::mlquiz-article x::[plain]" + gift.escape(ARTICLE_TEXT)
                        + "".join("\n\n" + q for q in questions) + "\n", st.lists(good_question, min_size=1, max_size=4))


@st.composite
def mutated_export(draw) -> bytes:
    """The real export with characters or lines deleted, inserted or duplicated."""
    text = export().decode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        where = draw(st.integers(0, len(text)))
        line = draw(st.integers(0, len(lines) - 1))
        match draw(st.sampled_from(["delete char", "insert char", "duplicate char", "delete span", "delete line",
                                    "insert line", "duplicate line", "swap lines"])):
            case "delete char":
                text = text[:where] + text[where + 1:]
            case "insert char":
                text = text[:where] + draw(st.one_of(st.sampled_from(SPECIAL), st.characters())) + text[where:]
            case "duplicate char":
                text = text[:where] + text[where:where + 1] + text[where:]
            case "delete span":
                text = text[:where] + text[where + draw(st.integers(1, 200)):]
            case "delete line":
                text = "\n".join(lines[:line] + lines[line + 1:])
            case "insert line":
                text = "\n".join(lines[:line] + [draw(st.one_of(st.sampled_from(SPECIAL), token_soup))] + lines[line:])
            case "duplicate line":
                text = "\n".join(lines[:line + 1] + lines[line:])
            case "swap lines":
                other = draw(st.integers(0, len(lines) - 1))
                lines[line], lines[other] = lines[other], lines[line]
                text = "\n".join(lines)
    return text.encode("utf-8")


# ---------------------------------------------------------------- tests

@FUZZ
@given(st.one_of(st.binary(max_size=2000),
                 st.builds(lambda prefix, rest: prefix + rest,
                           st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\x00", b"\xff", b"\xc3", b"::",
                                            b"$CATEGORY:", b"\xed\xa0\x80"]), st.binary(max_size=200))))
@example(b"")
@example(b" \n\t\r\n")
@example(codecs.BOM_UTF8)
@example(codecs.BOM_UTF8 + b"\n\n")
@example(b"\x00")
@example(b"x" * 10_000_001)
def test_arbitrary_bytes(data):
    check_gift_outcome(data, lambda: gift.load(data))


@FUZZ
@given(arbitrary_text)
@example("\ufdd0")
@example("::mlquiz-article x::\ufdd7")
@example("// only a comment\n\n   \n//")
@example("\\")
@example("{\\}")
def test_arbitrary_text(text):
    data = text.encode("utf-8")
    check_gift_outcome(data, lambda: gift.load(data))


@FUZZ
@given(st.one_of(gift_file, with_article, mostly_good), st.booleans())
@example("::mlquiz-article x::[plain]" + gift.escape(ARTICLE_TEXT) + "\n\n::multiple_choice q::Q ?{=a ~b ####¶1 — « "
         + ARTICLE_SENTENCES[0] + " »}", False)
@example("::mlquiz-article x::[plain]" + gift.escape(ARTICLE_TEXT) + "\n\n::mark_word q::Quel mot ?{=aurait ~maire"
         " ####¶1 — « " + ARTICLE_SENTENCES[0] + " »}", False)
@example("$CATEGORY: mlquiz/x\n\n::Q::{T}", True)
# Found by this test: a citation of blank space (`«  »`, `“ ”`) raised pydantic's ValidationError.
@example("$CATEGORY: mlquiz/x\n\n::mlquiz-article x::[plain]" + gift.escape(ARTICLE_TEXT)
         + "\n\n::multiple_choice::Quel mot ?{=Des####\\n¶1 — «  »}\n", False)
@example("::mlquiz-article x::[plain]" + gift.escape(ARTICLE_TEXT) + "\n\n::Q::Q ?{T####¶1 — “ ”}", False)
def test_gift_like_text(text, with_known):
    data = text.encode("utf-8")
    check_gift_outcome(data, lambda: gift.load(data, known_articles() if with_known else None))


@FUZZ
@given(mutated_export(), st.booleans())
def test_mutated_export(data, with_known):
    check_gift_outcome(data, lambda: gift.load(data, known_articles() if with_known else None))


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(mutated_export(), gift_file.map(str.encode), st.binary(max_size=300)),
       st.sampled_from(["bank.gift", "bank.txt", "BANK.GIFT", "bank.yaml", "bank.yml", "bank.json", "", "bank",
                        "bank.gift.pdf", "bank.docx"]))
@example(export(), "bank.gift")
@example(export(), "bank.yaml")
@example(export(), "bank.json")
def test_load_any(data, filename):
    def call():
        fmt, bank = load_any(data, filename)
        assert fmt.load is not None and fmt.name in ("gift", "yaml", "json")
        return bank
    # Our own formats name an item and its field ("question 3 (mc-1): …") rather than a line.
    ours = filename.lower().endswith((".yaml", ".yml", ".json"))
    check_gift_outcome(data, call, names_lines=not ours)


def test_the_valid_export_loads_and_checks():
    data = export()
    bank = check_gift_outcome(data, lambda: gift.load(data))
    assert bank is not None and check_bank(bank) == []
