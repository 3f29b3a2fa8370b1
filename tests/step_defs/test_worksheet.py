"""Steps for worksheet.feature: print with `mlquiz worksheet` or the web app, then read
the PDF back with pdftotext as a person reads paper.

The expected questions come from the generator for the same article and seed (the quiz a
teacher would publish); the PDF is checked against them, never against the worksheet's
own HTML.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from pytest_bdd import given, parsers, scenarios, then, when

from pdf_support import flat, page_size_points, pdf_pages
from question_bank.models import Question, Quiz
from question_bank.render_text import letter
from question_bank.service import quiz_for, read_article, sample_path
from web_support import (
    TEACHER_EMAIL, TEACHER_PASSWORD, create_teacher, form_posting_to, forms_in, make_app, publish_direct,
    sample_bytes,
)

scenarios("worksheet.feature")

A4 = (595, 842)       # 210 × 297 mm in points
LETTER = (612, 792)   # 8.5 × 11 in
PAGE_NUMBER = re.compile(r"page (\d+) / (\d+)")
VERSION = re.compile(r"Version ([A-Z])\b")
# Words of the printed sheet, per article language (the sheet follows the article, not the UI).
WORDS = {
    "fr": {"teacher_only": "POUR L'ENSEIGNANT", "questions": "QUESTIONS", "why": "POURQUOI :",
           "evidence": "DANS L'ARTICLE :", "open": "« ", "close": " »", "key": "Corrigé"},
    "en": {"teacher_only": "FOR THE TEACHER", "questions": "QUESTIONS", "why": "WHY:",
           "evidence": "IN THE ARTICLE:", "open": "“", "close": "”", "key": "Answer key"},
}


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    language: str
    exit_code: int = 0
    stdout: str = ""
    stderr: str = ""
    folder: Path | None = None


@lru_cache(maxsize=4)
def expected_quiz(language: str) -> Quiz:
    return quiz_for(read_article(sample_path(language)), seed=0)


def article_text(language: str) -> str:
    return sample_path(language).read_text(encoding="utf-8")


# --- reading the printed pages ----------------------------------------------------------

def split_parts(pages: list[str], language: str) -> tuple[list[list[str]], list[str]]:
    """(student copies, key pages): the key starts at the first page marked for the teacher;
    a copy starts at each "page 1 / M"."""
    marker = WORDS[language]["teacher_only"]
    first_key = next((i for i, page in enumerate(pages) if marker in page), len(pages))
    copies: list[list[str]] = []
    for page in pages[:first_key]:
        if not page.strip():
            continue   # the blank page that pads a copy for two-sided printing
        number = PAGE_NUMBER.search(page)
        assert number, f"a worksheet page has no page number: {page[:200]!r}"
        if number[1] == "1":
            copies.append([])
        copies[-1].append(page)
    return copies, pages[first_key:]


def key_versions(key_pages: list[str], language: str) -> list[tuple[str, str]]:
    """[(version letter or "", flattened key text)] in print order."""
    marker = WORDS[language]["teacher_only"]
    parts: list[list[str]] = []
    for page in key_pages:
        if marker in page:
            parts.append([])
        parts[-1].append(page)
    result = []
    for part in parts:
        version = VERSION.search(part[0])
        running = tuple(line.strip() for page in part[1:] for line in page.splitlines()[:1])
        result.append((version[1] if version else "", flat("\n".join(page_body(page, running) for page in part))))
    return result


def _rounded(size: tuple[float, float]) -> tuple[int, int]:
    return round(size[0]), round(size[1])


def page_body(page: str, running: tuple[str, ...] = ()) -> str:
    """A page without its margins, so text that continues on the next page reads on: the
    running title and version letter at the top, the page number at the foot. Only the
    margins go: the same words inside the page (a headline to circle) stay."""
    lines = page.splitlines()
    while lines and (not lines[0].strip() or lines[0].strip() in running or VERSION.fullmatch(lines[0].strip())):
        lines.pop(0)
    while lines and (not lines[-1].strip() or PAGE_NUMBER.fullmatch(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines)


def locator(question: Question) -> str:
    """What finds a question among the printed ones: its sentence for "mark the word"
    questions (their lead-in is shared), else the whole prompt."""
    sentence = question.display.get("sentence")
    return flat(sentence["text"]) if sentence else flat(question.prompt)


def questions_section(copy_pages: list[str], language: str) -> str:
    running = tuple(line.strip() for page in copy_pages[1:] for line in page.splitlines()[:1])
    text = flat("\n".join(page_body(page, running) for page in copy_pages))
    heading = f" {WORDS[language]['questions']} "
    assert heading in text, "no QUESTIONS heading on the worksheet"
    return text[text.index(heading):]


def printed_order(section: str, questions: list[Question]) -> list[Question]:
    found = []
    for question in questions:
        at = section.find(locator(question))
        assert at >= 0, f"question not printed: {question.prompt[:90]!r}"
        found.append((at, question))
    return [q for _, q in sorted(found, key=lambda pair: pair[0])]


def key_entries(key_text: str, count: int, language: str) -> list[dict]:
    """Each "N. answer WHY: explanation IN THE ARTICLE: citations" of the key's detailed part."""
    words = WORDS[language]
    starts = []
    position = 0
    for number in range(1, count + 1):
        match = re.compile(rf"(?<![\w¶]){number}\. ").search(key_text, position)
        assert match, f"the key has no entry {number}"
        starts.append(match)
        position = match.end()
    entries = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(key_text)
        body = key_text[match.end():end]
        assert words["why"] in body and words["evidence"] in body, body[:300]
        answer, rest = body.split(words["why"], 1)
        explanation, citations = rest.split(words["evidence"], 1)
        entries.append({"answer": answer.strip(), "explanation": explanation.strip(), "citations": citations})
    return entries


def right_answer(question: Question) -> str:
    """As the key prints it: "B. text" for ticked choices, the word(s) for "mark the word"."""
    if question.display.get("sentence"):
        return " / ".join(question.choices[i] for i in question.answer)
    return " / ".join(f"{letter(i)}. {question.choices[i]}" for i in question.answer)


# --- When: printing -----------------------------------------------------------------------

@when(parsers.parse("the teacher runs mlquiz worksheet {arguments}"), target_fixture="printed")
def run_worksheet(run_cli, tmp_path, arguments):
    args = shlex.split(arguments)
    output = tmp_path / args[args.index("-o") + 1]
    args[args.index("-o") + 1] = str(output)
    result = run_cli("worksheet", *args)
    language = args[args.index("--sample") + 1] if "--sample" in args else re.search(r"\.(fr|en)\.", args[0])[1]
    return Printed(pdf=output.read_bytes() if output.exists() else b"", language=language,
                   exit_code=result.exit_code, stdout=result.stdout, stderr=result.stderr,
                   folder=tmp_path)


# --- Then: the command line ------------------------------------------------------------------

@then("the command succeeds and names the PDF it wrote")
def command_names_pdf(printed):
    assert printed.exit_code == 0, printed.stderr
    assert printed.stderr == ""
    assert re.search(r"Wrote \S+\.pdf \(\d+ pages\)", printed.stdout), printed.stdout
    assert printed.pdf.startswith(b"%PDF-")


@then(parsers.parse("the command fails with exit code {code:d}"))
def command_fails(printed, code):
    assert printed.exit_code == code, (printed.exit_code, printed.stderr)


@then(parsers.parse('stderr says "{words}" in one line'))
def stderr_says(printed, words):
    assert words in printed.stderr and printed.stderr.count("\n") == 1, printed.stderr
    assert "Traceback" not in printed.stderr


@then(parsers.parse('no file "{name}" was written'))
def no_file(printed, name):
    assert not (printed.folder / name).exists()
    assert not [p for p in printed.folder.iterdir() if p.name.startswith(f".{name}")], "a partial file was left"


# --- Then: the worksheet -----------------------------------------------------------------------

@then('every page is A4 and numbered "page N / M" within its part')
def numbered_a4(printed):
    assert _rounded(page_size_points(printed.pdf)) == A4
    pages = pdf_pages(printed.pdf)
    copies, key = split_parts(pages, printed.language)
    for part in copies + [key]:
        numbers = [PAGE_NUMBER.search(page) for page in part]
        assert all(numbers), "a page has no page number"
        assert [(int(m[1]), int(m[2])) for m in numbers] == [(i, len(part)) for i in range(1, len(part) + 1)]


@then(parsers.parse('the first page has the quiz title and blank lines for "{a}", "{b}" and "{c}"'))
def first_page_header(printed, a, b, c):
    first = flat(pdf_pages(printed.pdf)[0])
    assert flat(expected_quiz(printed.language).title) in first
    for label in (a, b, c):
        assert flat(label) in first, label


@then("the worksheet shows the article's source and every passage label of the article")
def passages_labelled(printed):
    copies, _key = split_parts(pdf_pages(printed.pdf), printed.language)
    text = flat("\n".join(copies[0]))
    assert "Source : Article fictif écrit pour mlquiz" in text
    article = read_article(sample_path(printed.language))
    for passage in article.passages:
        assert re.search(rf"(?<!\S){re.escape(passage.label)}(?!\d)", text), passage.label
        assert flat(article.text[passage.start:passage.end]) in text, passage.label


@then("every question of the same quiz appears on the worksheet with its choices lettered")
def every_question(printed):
    copies, _key = split_parts(pdf_pages(printed.pdf), printed.language)
    section = questions_section(copies[0], printed.language)
    quiz = expected_quiz(printed.language)
    ordered = printed_order(section, quiz.questions)
    assert [q.id for q in ordered] == [q.id for q in quiz.questions], "version A keeps the quiz's order"
    for number, question in enumerate(quiz.questions, 1):
        at = section.index(locator(question))
        following = section[at:]
        if question.display.get("sentence"):
            lead = flat(question.prompt[:question.prompt.rindex("«")])
            assert f"{number}. {lead}" in section, lead
        else:
            assert section[max(0, at - len(str(number)) - 2):at] == f"{number}. "
            for index, choice in enumerate(question.choices):
                assert f"{letter(index)}. {flat(choice)}" in following, choice


@then("no printed line starts with ? ! ; : or » and none ends with «")
def french_typography_holds(printed):
    for page in pdf_pages(printed.pdf):
        for line in page.splitlines():
            line = line.strip()
            assert not re.match(r"^[?!;:»]", line), f"a line starts with a high mark: {line!r}"
            assert not line.endswith("«"), f"a line ends with «: {line!r}"


# --- Then: the key --------------------------------------------------------------------------

@then(parsers.parse('the answer key starts on a page of its own, headed "{heading}"'))
def key_on_own_page(printed, heading):
    pages = pdf_pages(printed.pdf)
    copies, key = split_parts(pages, printed.language)
    assert len(copies) == 1 and key, "one worksheet, then the key"
    first_key_page = flat(key[0])
    assert heading in first_key_page
    assert WORDS[printed.language]["questions"] not in first_key_page, "the key shares a page with the questions"
    sheet = flat("\n".join(copies[0]))
    assert WORDS[printed.language]["why"] not in sheet, "the student sheet shows explanations"


@then('for every question the key gives the right answer, the explanation and each citation as '
      '"¶N — « quote »" with the words of the quote exactly as in the article')
def key_cites_verbatim(printed):
    words = WORDS[printed.language]
    _copies, key = split_parts(pdf_pages(printed.pdf), printed.language)
    quiz = expected_quiz(printed.language)
    text = article_text(printed.language)
    entries = key_entries(key_versions(key, printed.language)[0][1], len(quiz.questions), printed.language)
    for question, entry in zip(quiz.questions, entries):
        assert entry["answer"] == flat(right_answer(question)), (entry["answer"], right_answer(question))
        assert entry["explanation"] == flat(question.explanation)
        for citation in question.citations:
            assert text[citation.start:citation.end] == citation.quote
            # The passage's own quotation marks are nested in print (next scenario): compare
            # the words, every quotation mark read as the same sign.
            printed_citation = without_marks(f"{citation.passage} — {words['open']}{citation.quote}{words['close']}")
            assert printed_citation in without_marks(entry["citations"]), printed_citation


QUOTATION_MARKS = re.compile(r"[ \u00a0\u202f]*[«»“”‘’\"][ \u00a0\u202f]*")
DOUBLED_MARKS = re.compile(r"«[\s\u202f]*«|»[\s\u202f]*»|““|””|‘‘|’’")


def without_marks(text: str) -> str:
    return QUOTATION_MARKS.sub('"', flat(text))


def key_citations(printed) -> list[str]:
    """The "IN THE ARTICLE:" part of every entry of the (first version's) key, flattened."""
    _copies, key = split_parts(pdf_pages(printed.pdf), printed.language)
    count = len(expected_quiz(printed.language).questions)
    return [flat(entry["citations"]) for entry in
            key_entries(key_versions(key, printed.language)[0][1], count, printed.language)]


@then("no citation in the answer key doubles a quotation mark")
def no_doubled_marks(printed):
    for citations in key_citations(printed):
        assert not DOUBLED_MARKS.search(citations), citations


@then(parsers.parse('the key quotes the passage starting "{start}" as "{shown}"'))
def key_nests_marks(printed, start, shown):
    assert any(start in citation.quote for question in expected_quiz(printed.language).questions
               for citation in question.citations), f"the sample no longer cites {start!r}"
    assert any(flat(shown) in citations for citations in key_citations(printed)), (shown, key_citations(printed))


# --- Then: versions -------------------------------------------------------------------------

@then("the PDF holds 4 copies dealt A, B, A, B, then the answer keys of versions A and B")
def dealt(printed):
    copies, key = split_parts(pdf_pages(printed.pdf), printed.language)
    assert [VERSION.search(copy[0])[1] for copy in copies] == ["A", "B", "A", "B"]
    assert [version for version, _ in key_versions(key, printed.language)] == ["A", "B"]


@then("every page shows its version letter")
def version_on_every_page(printed):
    copies, key = split_parts(pdf_pages(printed.pdf), printed.language)
    for copy in copies:
        letters = {VERSION.search(page)[1] if VERSION.search(page) else None for page in copy}
        assert len(letters) == 1 and None not in letters, letters
    for page in key:
        assert VERSION.search(page), "a key page without its version"


def _versions(printed) -> dict[str, dict]:
    """Per version: the questions in printed order, the sheet's question section, the key entries."""
    copies, key = split_parts(pdf_pages(printed.pdf), printed.language)
    quiz = expected_quiz(printed.language)
    keys = dict(key_versions(key, printed.language))
    result = {}
    for copy in copies:
        version = VERSION.search(copy[0])[1]
        if version in result:
            continue
        section = questions_section(copy, printed.language)
        result[version] = {"order": printed_order(section, quiz.questions), "section": section,
                           "key": key_entries(keys[version], len(quiz.questions), printed.language)}
    return result


@then("versions A and B list the questions in different orders")
def different_orders(printed):
    versions = _versions(printed)
    assert [q.id for q in versions["A"]["order"]] != [q.id for q in versions["B"]["order"]]
    assert {q.id for q in versions["A"]["order"]} == {q.id for q in versions["B"]["order"]}


@then("each version's key gives every answer by the letter and text its own sheet prints")
def key_matches_sheet(printed):
    for version in _versions(printed).values():
        section, order = version["section"], version["order"]
        starts = [section.index(locator(q)) for q in order] + [len(section)]
        for number, (question, entry) in enumerate(zip(order, version["key"])):
            block = section[starts[number]:starts[number + 1]]
            if question.display.get("sentence"):
                assert entry["answer"] in block, entry["answer"]   # the word is in the sentence to circle
            else:
                assert re.match(r"^[A-Z]\. ", entry["answer"]), entry["answer"]
                assert entry["answer"] in block, (entry["answer"], block[:300])


@then("every question has the same right answer in both versions")
def same_answers(printed):
    answers = {}
    for name, version in _versions(printed).items():
        answers[name] = {q.id: re.sub(r"^[A-Z]\. ", "", entry["answer"])
                         for q, entry in zip(version["order"], version["key"])}
    assert answers["A"] == answers["B"]
    quiz = expected_quiz(printed.language)
    assert answers["A"] == {q.id: flat(" / ".join(q.choices[i] for i in q.answer)) for q in quiz.questions}


@then("a copy with an odd number of pages is followed by one blank page, and so every part starts on an odd page")
def duplex_padding(printed):
    pages = pdf_pages(printed.pdf)
    starts = [i for i, page in enumerate(pages) if (m := PAGE_NUMBER.search(page)) and m[1] == "1"]
    assert len(starts) == 3, "two copies and a key"
    for start, end in zip(starts, starts[1:]):
        numbered = [p for p in pages[start:end] if p.strip()]
        blanks = [p for p in pages[start:end] if not p.strip()]
        assert len(blanks) == len(numbered) % 2, (len(numbered), len(blanks))
    assert all(start % 2 == 0 for start in starts), f"a part starts on the back of a sheet: {starts}"
    assert any(not p.strip() for p in pages), "this sample's copies have an odd number of pages"


# --- Then: separate key, US Letter ---------------------------------------------------------------

@then(parsers.parse('"{sheet}" has the worksheet without the key and "{key}" has the key alone'))
def separate_files(printed, sheet, key):
    marker = WORDS[printed.language]["teacher_only"]
    sheet_pages = pdf_pages(printed.folder / sheet)
    key_pages = pdf_pages(printed.folder / key)
    assert not any(marker in page for page in sheet_pages)
    assert marker in key_pages[0]
    assert WORDS[printed.language]["questions"] in flat("\n".join(sheet_pages))
    assert WORDS[printed.language]["why"] in flat("\n".join(key_pages))


@then("every page of both files is US Letter")
def letter_paper(printed):
    for name in ("sheet.pdf", "sheet-key.pdf"):
        assert _rounded(page_size_points(printed.folder / name)) == LETTER


# --- the web app -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    app: object
    client: object
    code: str = ""


def _login(app, accept: str = "en"):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = accept
    response = client.post("/login", data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD})
    assert response.status_code == 302
    return client


@given("a teacher whose browser asks for English, with the French sample published", target_fixture="site")
def english_teacher(tmp_path):
    app = make_app(tmp_path)
    create_teacher(app)
    code = publish_direct(app, data=sample_bytes("fr"), source="Article fictif écrit pour mlquiz (exemple)")
    return Site(app, _login(app), code)


def _print_form(site: Site):
    page = site.client.get(f"/teach/quiz/{site.code}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return html, form_posting_to(html, "/worksheet")


def _submit_get(site: Site, form, overrides: dict, fmt: str):
    values = dict(form.values())
    values.update(overrides)
    values["format"] = fmt
    assert any(b["name"] == "format" and b["value"] == fmt for b in form.buttons), form.buttons
    return site.client.get(f"{form.action.split('#')[0]}?{urlencode(values)}")


@when("they open their quiz page and download the PDF from its print form", target_fixture="download")
def download_pdf(site):
    html, form = _print_form(site)
    return {"page": html, "response": _submit_get(site, form, {}, "pdf")}


@then("the print form was labelled in English")
def form_in_english(download):
    assert "Print a worksheet" in download["page"] and "Download the PDF" in download["page"]


@then("they get a PDF named after the quiz code, kept out of caches")
def pdf_download(download, site):
    response = download["response"]
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert f'filename="mlquiz-{site.code}-worksheet.pdf"' in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"


@then(parsers.parse('the worksheet and its key are in French, headed "{name}" and "{key}"'))
def french_pdf(download, name, key):
    pages = pdf_pages(download["response"].data)
    copies, key_pages = split_parts(pages, "fr")
    assert flat(name) in flat(copies[0][0]) and "Classe :" in flat(copies[0][0])
    assert key in flat(key_pages[0])
    quiz = expected_quiz("fr")
    printed_order(questions_section(copies[0], "fr"), quiz.questions)   # every French question is there


@when("they open the print view from the quiz page with 2 versions", target_fixture="download")
def print_view(site):
    _html, form = _print_form(site)
    return {"response": _submit_get(site, form, {"variants": "2"}, "html")}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _read_html(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@then("the print view shows versions A and B of the worksheet, then the key of each")
def print_view_versions(download):
    response = download["response"]
    assert response.status_code == 200 and response.mimetype == "text/html"
    text = flat(" ".join(_read_html(response.get_data(as_text=True)).parts))
    a, b = text.index("Version A"), text.index("Version B")
    key_a, key_b = text.index("Corrigé — Version A"), text.index("Corrigé — Version B")
    assert a < b < key_a < key_b
    for question in expected_quiz("fr").questions:
        assert text.count(locator(question)) >= 2, "each version prints every question"


@then("the print view is marked as French and kept out of caches")
def print_view_french(download):
    response = download["response"]
    assert re.search(r'<html lang="fr"', response.get_data(as_text=True))
    assert response.headers["Cache-Control"] == "no-store"


@given("a teacher previewing the English sample who unticks the first question", target_fixture="preview")
def previewing(tmp_path):
    app = make_app(tmp_path)
    create_teacher(app)
    client = _login(app)
    new_page = client.get("/teach/new").get_data(as_text=True)
    sample_form = next(f for f in forms_in(new_page) if any(b["name"] == "sample" for b in f.buttons))
    page = client.post(sample_form.action, data={**dict(sample_form.values()), "sample": "en"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    form = form_posting_to(html, "/publish")
    values = form.values()
    kept = [v for k, v in values if k == "keep"]
    unticked = kept[0]
    return {"app": app, "client": client, "form": form, "seed": int(dict(values)["seed"]),
            "values": [(k, v) for k, v in values if not (k == "keep" and v == unticked)], "unticked": unticked}


@when("they download the PDF from the preview's print section", target_fixture="download")
def preview_pdf(preview):
    button = next(b for b in preview["form"].buttons if b.get("formaction") and b["value"] == "pdf")
    response = preview["client"].post(button["formaction"], data=MultiDict(preview["values"] + [("format", "pdf")]))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return {"response": response}


@then("the PDF has every ticked question and not the unticked one")
def preview_questions(download, preview):
    copies, _key = split_parts(pdf_pages(download["response"].data), "en")
    section = questions_section(copies[0], "en")
    quiz = quiz_for(read_article(sample_path("en")), seed=preview["seed"])   # the preview's own seed
    for question in quiz.questions:
        if question.id == preview["unticked"]:
            assert locator(question) not in section
        else:
            assert locator(question) in section, question.prompt


@then("no quiz was published")
def nothing_published(preview):
    from quiz.extensions import db
    from quiz.models import PublishedQuiz

    with preview["app"].app_context():
        assert db.session.execute(db.select(db.func.count(PublishedQuiz.id))).scalar() == 0


@when("they ask the quiz page's print form for 3 versions and 2 copies", target_fixture="download")
def bad_options(site):
    _html, form = _print_form(site)
    return {"response": _submit_get(site, form, {"variants": "3", "copies": "2"}, "pdf")}


@then("the quiz page comes back with status 400 and the message next to the copies field")
def error_next_to_field(download):
    response = download["response"]
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(r'<p class="error" id="copies-error">Ask for at least one copy per version \(3\)\.</p>\s*'
                     r'<input id="copies"[^>]*aria-describedby="copies-hint copies-error"', html), html


@then("the form keeps the values they typed")
def values_kept(download):
    form = form_posting_to(download["response"].get_data(as_text=True), "/worksheet")
    values = dict(form.values())
    assert values["variants"] == "3" and values["copies"] == "2"


@then('another teacher asking for its worksheet gets "not found"')
def other_teacher(site):
    create_teacher(site.app, email="autre@example.org")
    other = site.app.test_client()
    assert other.post("/login", data={"email": "autre@example.org", "password": TEACHER_PASSWORD}).status_code == 302
    assert other.get(f"/teach/quiz/{site.code}/worksheet?format=pdf").status_code == 404
    assert other.get(f"/teach/quiz/{site.code}/worksheet?format=html&part=key").status_code == 404


@then("a visitor who is not logged in is sent to the login page")
def anonymous(site):
    response = site.app.test_client().get(f"/teach/quiz/{site.code}/worksheet?format=pdf&part=key")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


# --- markup in an article ------------------------------------------------------------------------

HOSTILE = ('Readers were told to click <a href="javascript:alert(1)">here</a> and the page ran '
           '<script>alert("owned")</script> before anyone could check the claim.')


@when("the teacher prints an article whose text carries a script tag and a javascript: link",
      target_fixture="hostile")
def print_hostile(run_cli, tmp_path):
    from question_bank.worksheet import PrintOptions, worksheet_html

    lines = article_text("en").split("\n")
    lines.insert(2, HOSTILE)   # a paragraph of its own, after the first one
    text = "\n".join(lines)
    path = tmp_path / "hostile.en.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli("worksheet", path, "-o", tmp_path / "hostile.pdf")
    assert result.exit_code == 0, result.stderr
    article = read_article(path)
    html = worksheet_html(article, quiz_for(article), PrintOptions())
    return {"pdf": (tmp_path / "hostile.pdf").read_bytes(), "html": html}


@then("the worksheet shows them as plain text")
def shown_as_text(hostile):
    assert flat(HOSTILE) in flat("\n".join(pdf_pages(hostile["pdf"])))
    assert flat(HOSTILE) in flat(" ".join(_read_html(hostile["html"]).parts))


@then("the worksheet's HTML has no script element and no javascript: link")
def inert_html(hostile):
    tags = _read_html(hostile["html"]).tags
    assert not [tag for tag, _ in tags if tag == "script"]
    assert not [a for tag, a in tags if any("javascript:" in (v or "") for v in a.values())]
