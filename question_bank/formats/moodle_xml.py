"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): export and import.

How a bank travels in a Moodle file, so that our own import gives it back exactly:

- Each article is a `type="description"` question named ``mlquiz-article <ref>`` in the
  category ``$course$/top/mlquiz/<title>``. Its HTML shows the article one `<p>` per
  passage (¶ labels in bold, as on a worksheet); the authoritative copy is the
  ``data-mlquiz-article`` attribute of the wrapping `<div>`: base64 of a JSON object
  {ref, title, language, source, text}. Base64 because XML and HTML parsers normalise
  carriage returns, attribute whitespace and control characters, and citation offsets
  need the text byte for byte. Passages are rebuilt with the language's rule pack
  (`split_passages`, as `article_from_text` does).
- A question's prompt is a `<p lang="..">` (the lang attribute carries its language);
  its general feedback is the explanation in a `<p>`, then one
  ``<p class="mlquiz-citation" data-passage data-start data-end>¶3 — « <span
  class="mlquiz-quote">quote</span> »</p>`` per citation; the one a mark-the-word
  question is about also has the class ``mlquiz-sentence``. Moodle stores HTML as given.
- What Moodle has no field for travels as tags: ``mlquiz-kind:<kind>``,
  ``mlquiz-difficulty:<d>``, ``mlquiz-article:<ref>``; every other tag is the teacher's.
- Imported questions are ``origin="imported"``, ``status="draft"``: workflow belongs to
  the bank that receives them, not to the file.

What the importer takes from other Moodle files: multichoice with one 100% answer (answers
at 0% or below are wrong ones), truefalse, shortanswer whose answers are all right ones
(Moodle's backslash-asterisk is a literal asterisk; a bare "*" wildcard is refused), and descriptions
only as mlquiz articles. Partial credit, several right answers and other types are
refused with the question's position (categories not counted) and name. Every question
needs a citation paragraph; a question without a ``mlquiz-article:`` tag belongs to the
file's article when there is exactly one. A mark-the-word question's display is rebuilt
from its article, so that article must be in the file.

Export uses the standard library's ElementTree (lxml is only a test dependency); text is
escaped, not put in CDATA, which cannot hold "]]>" and loses carriage returns.
Import parses with defusedxml (no DTD, no entities) and the HTML inside with the
standard library's HTMLParser, which expands nothing but HTML's own character references.
"""
from __future__ import annotations

import base64
import binascii
import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import ValidationError

from ..article import detect_language, split_passages
from ..bank.build import mark_word_display
from ..bank.items import MARK_WORD_KINDS, BankArticle, BankFile, BankQuestion
from ..errors import UnsupportedLanguage
from ..models import Citation
from ..rules.loader import load_pack
from . import Format, ImportProblems, register

KIND_TAG, DIFFICULTY_TAG, ARTICLE_TAG = "mlquiz-kind:", "mlquiz-difficulty:", "mlquiz-article:"
ARTICLE_NAME = "mlquiz-article "
CATEGORY_ROOT = "$course$/top/mlquiz"
SUPPORTED_TYPES = ("multichoice", "truefalse", "shortanswer", "description")
# Moodle's truefalse type has no labels of its own: a true_false question whose choices
# are not these (in this order) goes out as a multichoice so its labels are kept.
TRUE_FALSE_LABELS = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}
DEFAULT_KIND = {"multichoice": "multiple_choice", "truefalse": "true_false", "shortanswer": "short_answer"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ---------------------------------------------------------------- export

def export(bank: BankFile) -> bytes:
    quiz = ET.Element("quiz")
    for article in bank.articles:
        quiz.append(_category(article.title or article.ref))
        quiz.append(_article_xml(article))
    titles = {a.ref: a.title or a.ref for a in bank.articles}
    current = None
    for question in bank.questions:
        # Keep the file's question order: switch category whenever the article changes.
        if question.article != current:
            quiz.append(_category(titles.get(question.article, question.article)))
            current = question.article
        quiz.append(_question_xml(question))
    ET.indent(quiz)
    # A bare carriage return would be read back as a line feed; short_empty_elements=False
    # writes <text></text> as Moodle does.
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False).replace("\r", "&#13;")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _category(title: str) -> ET.Element:
    # Moodle splits a category path on "/" and reads "//" as a slash inside a name.
    question = ET.Element("question", type="category")
    _text(ET.SubElement(question, "category"), f"{CATEGORY_ROOT}/{title.replace('/', '//')}")
    return question


def _article_xml(article: BankArticle) -> ET.Element:
    payload = {"ref": article.ref, "title": article.title, "language": article.language,
               "source": article.source, "text": article.text}
    encoded = base64.b64encode(json.dumps(payload, ensure_ascii=False).encode("utf-8")).decode("ascii")
    parts = [_p(_passage_html(article, p), cls=f"mlquiz-{p.kind}") for p in article.passages]
    if article.source:
        parts.append(_p(f"<em>{_esc(article.source)}</em>", cls="mlquiz-source"))
    page = (f'<div class="mlquiz-article" lang="{article.language}" data-mlquiz-article="{encoded}">'
            + "".join(parts) + "</div>")
    question = ET.Element("question", type="description")
    _header(question, ARTICLE_NAME + article.ref, page, "", grade="0", penalty="0", idnumber=article.ref)
    return question


def _passage_html(article: BankArticle, passage) -> str:
    text = _esc(article.text[passage.start:passage.end])
    return f"<strong>{text}</strong>" if passage.kind in ("title", "heading") else \
        f"<strong>{_esc(passage.label)}</strong> {text}"


def _question_xml(q: BankQuestion) -> ET.Element:
    qtype = _moodle_type(q)
    question = ET.Element("question", type=qtype)
    sentence = (q.display.get("sentence") or {}) if q.kind in MARK_WORD_KINDS else {}
    feedback = (_p(_esc(q.explanation)) if q.explanation else "") + "".join(
        _citation_html(c, c.start == sentence.get("start") and c.end == sentence.get("end")) for c in q.citations)
    _header(question, _readable_name(q), _p(_esc(q.prompt), lang=q.language), feedback,
            grade="1", penalty="1" if qtype == "truefalse" else "0.3333333", idnumber=q.ref)
    if qtype == "multichoice":
        _multichoice(question, q)
    elif qtype == "truefalse":
        for index, word in enumerate(("true", "false")):
            _answer(question, word, 100 if index in q.answer else 0, _choice_feedback(q, index), "moodle_auto_format")
    else:
        ET.SubElement(question, "usecase").text = "0"
        for answer in q.accepted:
            # Moodle reads "*" as a wildcard in short answers; "\*" is a literal asterisk.
            _answer(question, answer.replace("*", "\\*"), 100, "", "moodle_auto_format")
    tags = ET.SubElement(question, "tags")
    for tag in [*q.tags, KIND_TAG + q.kind, DIFFICULTY_TAG + q.difficulty, ARTICLE_TAG + q.article]:
        _text(ET.SubElement(tags, "tag"), tag)
    return question


def _citation_html(citation: Citation, is_sentence: bool) -> str:
    cls = "mlquiz-citation mlquiz-sentence" if is_sentence else "mlquiz-citation"
    return (f'<p class="{cls}" data-passage="{_esc(citation.passage)}" data-start="{citation.start}" '
            f'data-end="{citation.end}">{_esc(citation.passage)} — « '
            f'<span class="mlquiz-quote">{_esc(citation.quote)}</span> »</p>')


def _moodle_type(q: BankQuestion) -> str:
    if not q.choices:
        return "shortanswer"
    if q.kind == "true_false" and q.choices == TRUE_FALSE_LABELS.get(q.language):
        return "truefalse"
    return "multichoice"


def _readable_name(q: BankQuestion) -> str:
    prompt = " ".join(q.prompt.split())
    return prompt if len(prompt) <= 80 else prompt[:79].rstrip() + "…"


def _header(question, name: str, page: str, feedback: str, grade: str, penalty: str, idnumber: str) -> None:
    _text(ET.SubElement(question, "name"), name)
    _text(ET.SubElement(question, "questiontext", format="html"), page)
    _text(ET.SubElement(question, "generalfeedback", format="html"), feedback)
    ET.SubElement(question, "defaultgrade").text = grade
    ET.SubElement(question, "penalty").text = penalty
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = _xml_safe(idnumber)


def _multichoice(question, q: BankQuestion) -> None:
    ET.SubElement(question, "single").text = "true"
    # The order of choices is deliberate (scales of certainty, "none of these" last): no shuffling.
    ET.SubElement(question, "shuffleanswers").text = "false"
    ET.SubElement(question, "answernumbering").text = "abc"
    for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(ET.SubElement(question, field, format="html"), "")
    for index, choice in enumerate(q.choices):
        _answer(question, _esc(choice), 100 if index in q.answer else 0, _choice_feedback(q, index), "html")


def _choice_feedback(q: BankQuestion, index: int) -> str:
    return _esc(q.choice_feedback[index]) if q.choice_feedback else ""


def _answer(question, text: str, fraction: int, feedback: str, fmt: str) -> None:
    answer = ET.SubElement(question, "answer", fraction=str(fraction), format=fmt)
    _text(answer, text)
    _text(ET.SubElement(answer, "feedback", format="html"), feedback)


def _text(parent, value: str) -> None:
    ET.SubElement(parent, "text").text = _xml_safe(value)


def _xml_safe(value: str) -> str:
    # XML 1.0 cannot carry most control characters at all; the article's exact text
    # travels in base64, so only what is shown loses them.
    return _NOT_XML.sub("\ufffd", value)


def _esc(text: str) -> str:
    """HTML-escaped, quotes included: the same helper serves text and attribute values."""
    return html.escape(text, quote=True).replace("&#x27;", "'")


def _p(inner: str, cls: str = "", lang: str = "") -> str:
    attributes = (f' class="{cls}"' if cls else "") + (f' lang="{lang}"' if lang else "")
    return f"<p{attributes}>{inner}</p>"


# ---------------------------------------------------------------- import

def load(data: bytes, known_articles=None) -> BankFile:  # articles travel in the file
    root = _parse(data)
    problems: list[str] = []
    elements = [e for e in root if e.tag == "question" and e.get("type") != "category"]
    named = [(f"question {n} ({_name(e)})", e) for n, e in enumerate(elements, 1)]
    for where, element in named:
        if element.get("type") not in SUPPORTED_TYPES:
            problems.append(f"{where}: type {element.get('type')!r} is not supported ({', '.join(SUPPORTED_TYPES)})")
    articles = [a for where, e in named if e.get("type") == "description"
                for a in [_article(e, where, problems)] if a is not None]
    by_ref = {a.ref: a for a in articles}
    questions = [q for where, e in named if e.get("type") in DEFAULT_KIND
                 for q in [_question(e, where, by_ref, problems)] if q is not None]
    if problems:
        raise ImportProblems(problems)
    return BankFile(articles=articles, questions=questions)


def _parse(data: bytes) -> ET.Element:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportProblems([f"the file declares a DTD or entities ({type(error).__name__}); "
                              "Moodle XML never needs them, so it is refused"]) from None
    except ET.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise ImportProblems([f"line {line}, column {column + 1}: the XML is not well-formed ({message})"]) from None
    if root.tag != "quiz":
        raise ImportProblems([f"the root element is <{root.tag}>, not <quiz>: this is not a Moodle XML file"])
    return root


def _name(element) -> str:
    return (element.findtext("name/text") or "").strip() or "no name"


def _article(element, where: str, problems: list[str]) -> BankArticle | None:
    name = _name(element)
    if not name.startswith(ARTICLE_NAME.strip()):
        problems.append(f"{where}: a description is imported only as an mlquiz article "
                        f"(named '{ARTICLE_NAME}<ref>'); this one has no place in the bank")
        return None
    page = _Html.read(element.findtext("questiontext/text") or "")
    try:
        payload = json.loads(base64.b64decode(page.article or "", validate=True).decode("utf-8"))
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise ValueError("no text in it")
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        problems.append(f"{where}: the article's exact text (data-mlquiz-article) is missing or damaged ({error})")
        return None
    text = payload["text"]
    try:
        language = payload.get("language") or detect_language(text)
        if language not in ("fr", "en"):  # checked before it names a rule-pack file
            raise UnsupportedLanguage(f"language {language!r} is not supported")
        pack = load_pack(language)
        passages = split_passages(text, language, pack.furniture_patterns(), pack.byline_patterns())
        return BankArticle(ref=payload.get("ref", ""), title=payload.get("title", ""), language=language,
                           source=payload.get("source", ""), text=text, passages=passages)
    except ValidationError as error:
        problems.append(f"{where}: {_validation_message(error)}")
    except ValueError as error:  # ArticleError, UnsupportedLanguage, RulePackError: plain sentences
        problems.append(f"{where}: the article cannot be read ({error})")
    return None


def _question(element, where: str, articles: dict[str, BankArticle], problems: list[str]) -> BankQuestion | None:
    local: list[str] = []
    qtype = element.get("type")
    machine, teacher_tags = _split_tags(element)
    # A hand-written file with a single article need not tag every question with it.
    article_ref = machine.get(ARTICLE_TAG) or (next(iter(articles)) if len(articles) == 1 else "")
    if not article_ref:
        local.append(f"{where}: no '{ARTICLE_TAG}<ref>' tag says which article it is about")
    article = articles.get(article_ref)
    prompt = _Html.read(_field(element, "questiontext"), element.find("questiontext"))
    feedback = _Html.read(_field(element, "generalfeedback"), element.find("generalfeedback"))
    language = prompt.lang or (article.language if article else None)
    if language not in ("fr", "en"):
        local.append(f"{where}: its language is unknown (no lang attribute and no article in the file)")
    fields = _TYPE_FIELDS[qtype](element, where, language, local)
    citations = _citations(feedback, where, local)
    kind = machine.get(KIND_TAG) or DEFAULT_KIND[qtype]
    display = _display(kind, article, citations, fields.get("choices", []), where, local) if not local else {}
    if local:
        problems += local
        return None
    try:
        return BankQuestion(ref=(element.findtext("idnumber") or "").strip(), article=article_ref, kind=kind,
                            language=language, prompt=prompt.text, explanation=feedback.text,
                            citations=[c for c, _ in citations], display=display, tags=teacher_tags,
                            difficulty=machine.get(DIFFICULTY_TAG, "medium"), origin="imported", status="draft",
                            **fields)
    except ValidationError as error:
        problems.append(f"{where}: {_validation_message(error)}")
        return None


def _split_tags(element) -> tuple[dict[str, str], list[str]]:
    """(machine tags by prefix, the teacher's tags in order)."""
    tags = [(t.findtext("text") or "").strip() for t in element.findall("tags/tag")]
    prefixes = (KIND_TAG, DIFFICULTY_TAG, ARTICLE_TAG)
    machine = {prefix: t[len(prefix):] for t in tags for prefix in prefixes if t.startswith(prefix)}
    return machine, [t for t in tags if t and not t.startswith(prefixes)]


def _display(kind: str, article, citations, choices: list[str], where: str, local: list[str]) -> dict:
    """A mark-the-word question's sentence and words, rebuilt from its article. Without the
    article in the file there is nothing to rebuild from: check_bank then says so."""
    if kind not in MARK_WORD_KINDS or article is None:
        return {}
    sentence = next((c for c, is_sentence in citations if is_sentence), citations[0][0])
    try:
        return mark_word_display(article.text, sentence, choices)
    except ValueError as error:
        local.append(f"{where}: {error}")
        return {}


def _validation_message(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())


def _field(element, path: str) -> str:
    return element.findtext(f"{path}/text") or ""


def _answers(element, where: str, local: list[str]) -> list[tuple[ET.Element, float]]:
    """Each <answer> with its fraction; only 100 (right) and 0 or less (wrong) can be graded here."""
    answers = []
    for number, answer in enumerate(element.findall("answer"), 1):
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            local.append(f"{where}: answer {number} has the fraction {answer.get('fraction')!r}, not a number")
            continue
        if 0 < fraction < 100 or fraction > 100:
            local.append(f"{where}: answer {number} gives {answer.get('fraction')}% (partial credit), "
                         "which is not supported: an answer is right (100) or wrong (0)")
        answers.append((answer, fraction))
    return answers


def _multichoice_fields(element, where: str, language, local: list[str]) -> dict:
    single = element.findtext("single")  # absent means single, as in Moodle; empty means multiple
    if single is not None and single.strip() in ("false", "0", ""):
        local.append(f"{where}: a multichoice question with several right answers (single=false) is not supported")
    answers = _answers(element, where, local)
    right = [i for i, (_, fraction) in enumerate(answers) if fraction == 100]
    if len(right) != 1:
        local.append(f"{where}: a multichoice question needs exactly one 100% answer, this one has {len(right)}")
    # An answer without a format attribute has its question text's format, as in Moodle.
    question_format = element.find("questiontext")
    choices = [_Html.read(a.findtext("text") or "", a if a.get("format") else question_format).text
               for a, _ in answers]
    feedback = [_Html.read(_field(a, "feedback"), a.find("feedback")).text for a, _ in answers]
    return {"choices": choices, "answer": right[:1], "choice_feedback": feedback if any(feedback) else []}


def _truefalse_fields(element, where: str, language, local: list[str]) -> dict:
    answers = _answers(element, where, local)
    # As Moodle does: answers say "true"/"false"; otherwise the first one is "true".
    if len(answers) != 2:
        local.append(f"{where}: a true/false question has two answers, this one has {len(answers)}")
        return {}
    by_word = {}
    for position, (answer, fraction) in enumerate(answers[:2]):
        word = (answer.findtext("text") or "").strip()
        by_word[word if word in ("true", "false") else ("true", "false")[position]] = (answer, fraction)
    if set(by_word) != {"true", "false"}:
        local.append(f"{where}: a true/false question needs a 'true' and a 'false' answer")
        return {}
    right = [i for i, word in enumerate(("true", "false")) if by_word[word][1] == 100]
    if len(right) != 1:
        local.append(f"{where}: exactly one of 'true' and 'false' must be the 100% answer")
    feedback = [_Html.read(_field(by_word[w][0], "feedback"), by_word[w][0].find("feedback")).text
                for w in ("true", "false")]
    return {"choices": list(TRUE_FALSE_LABELS.get(language, TRUE_FALSE_LABELS["en"])), "answer": right[:1],
            "choice_feedback": feedback if any(feedback) else []}


def _shortanswer_fields(element, where: str, language, local: list[str]) -> dict:
    accepted = []
    for answer, fraction in _answers(element, where, local):
        text = answer.findtext("text") or ""
        if re.search(r"(?<!\\)\*", text):
            local.append(f"{where}: the answer {text!r} uses Moodle's * wildcard, which is not supported")
        if fraction == 100:
            accepted.append(text.replace("\\*", "*"))  # Moodle answers are plain text, not HTML
    return {"accepted": accepted}


def _citations(feedback: "_Html", where: str, local: list[str]) -> list[tuple[Citation, bool]]:
    citations = []
    for number, found in enumerate(feedback.citations, 1):
        try:
            citation = Citation(passage=found["passage"], start=int(found["start"]), end=int(found["end"]),
                                quote="".join(found["quote"]))
        except (ValueError, TypeError) as error:
            message = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
            local.append(f"{where}: citation {number} cannot be read ({message})")
            continue
        citations.append((citation, found["sentence"]))
    if not citations and not feedback.citations:
        local.append(f"{where}: no citation (a <p class=\"mlquiz-citation\" data-passage data-start data-end> "
                     "in the general feedback): every mlquiz question cites the passage that proves its answer")
    return citations


_TYPE_FIELDS = {"multichoice": _multichoice_fields, "truefalse": _truefalse_fields,
                "shortanswer": _shortanswer_fields}


class _Html(HTMLParser):
    """What we read back from a Moodle HTML field: its text (one line per block), its
    first lang attribute, our citation paragraphs and the article's exact-text attribute."""

    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "table", "tr", "td", "th"}

    @classmethod
    def read(cls, value: str, field=None) -> "_Html":
        parser = cls()
        if field is not None and field.get("format", "html") not in ("html", "moodle_auto_format"):
            parser.blocks = [[value]]  # plain_text, markdown, wiki_like: the text as written
        else:
            parser.feed(value)
            parser.close()
        return parser

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.citations: list[dict] = []
        self.lang: str | None = None
        self.article: str | None = None
        self._citation: dict | None = None
        self._quoting = False

    @property
    def text(self) -> str:
        return "\n".join(t for t in ("".join(b) for b in self.blocks) if t.strip())

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        classes = attributes.get("class", "").split()
        self.lang = self.lang or attributes.get("lang")
        self.article = self.article or attributes.get("data-mlquiz-article")
        if "mlquiz-citation" in classes:
            self._citation = {"passage": attributes.get("data-passage", ""), "start": attributes.get("data-start"),
                              "end": attributes.get("data-end"), "quote": [], "sentence": "mlquiz-sentence" in classes}
            self.citations.append(self._citation)
        elif self._citation is not None and "mlquiz-quote" in classes:
            self._quoting = True
        elif tag in self.BLOCKS:
            self.blocks.append([])

    def handle_endtag(self, tag):
        if self._quoting and tag == "span":
            self._quoting = False
        elif self._citation is not None and tag == "p":
            self._citation = None
        elif tag in self.BLOCKS:
            self.blocks.append([])

    def handle_data(self, data):
        if self._citation is None:
            self.blocks[-1].append(data)
        elif self._quoting:
            self._citation["quote"].append(data)


register(Format(name="moodle-xml", label="Moodle XML", suffixes=(".xml",), mimetype="application/xml",
                export=export, load=load))
