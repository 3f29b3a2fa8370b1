"""A Moodle XML file read back as a bank: articles, then the questions about them."""
from __future__ import annotations

import base64
import binascii
import json
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import ValidationError

from ...article import detect_language, split_passages
from ...bank import library_errors as L
from ...bank import problems as P
from ...bank.build import NotAWordOfTheSentence, mark_word_display
from ...bank.items import MARK_WORD_KINDS, BankArticle, BankFile, BankQuestion
from ...errors import UnsupportedLanguage
from ...models import Citation
from ...rules.loader import load_pack
from .. import ImportProblems
from .conventions import ARTICLE_NAME, ARTICLE_TAG, DEFAULT_KIND, DIFFICULTY_TAG, KIND_TAG, STATUS_TAG, SUPPORTED_TYPES
from .html_text import HtmlField
from .type_fields import TYPE_FIELDS, field_text


def load(data: bytes, known_articles=None, into: BankArticle | None = None,
         skipped: list[P.Problem] | None = None) -> BankFile:
    """Articles travel in the file. A question with no article in it goes into `into`, the
    article the teacher chose (a plain Moodle file); types and answers we cannot represent
    are left out and listed in `skipped`, each with its reason."""
    root = _parse(data)
    problems: list[P.Problem] = []
    elements = [e for e in root if e.tag == "question" and e.get("type") != "category"]
    named = [(_where(n, e), e) for n, e in enumerate(elements, 1)]
    for where, element in named:
        if element.get("type") not in SUPPORTED_TYPES:
            problems.append(P.problem(P.TYPE_NOT_SUPPORTED(type=repr(element.get("type")),
                                                           supported=", ".join(SUPPORTED_TYPES)), where))
    articles = [a for where, e in named if e.get("type") == "description"
                for a in [_article(e, where, problems)] if a is not None]
    by_ref = {a.ref: a for a in articles}
    without_article: list[P.Message] = []
    questions = [q for where, e in named if e.get("type") in DEFAULT_KIND
                 for q in [_question(e, where, by_ref, problems, into, without_article)] if q is not None]
    if without_article:
        problems.insert(0, P.problem(P.NO_ARTICLE_IN_FILE(count=len(without_article))))
    left_out = P.skipped_of(problems)
    problems = [p for p in problems if not p.skips]
    if not problems and not articles and not questions:   # every question left out: say why, all of them
        problems = [P.problem(P.NOTHING_TO_IMPORT()), *left_out]
    if problems:
        raise ImportProblems(problems)
    if skipped is not None:
        skipped.extend(left_out)
    return BankFile(articles=articles, questions=questions)


def _where(number: int, element) -> P.Message:
    name = (element.findtext("name/text") or "").strip()
    return P.AT_QUESTION_NAMED(number=number, name=name) if name else P.AT_QUESTION_UNNAMED(number=number)


def _parse(data: bytes) -> ET.Element:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportProblems([P.problem(P.XML_DTD(error=type(error).__name__))]) from None
    except ET.ParseError as error:
        line, column = error.position
        raise ImportProblems([P.problem(P.XML_NOT_WELL_FORMED(detail=L.xml_message(error.code)),
                                        P.at_line(line, column + 1))]) from None
    if root.tag != "quiz":
        raise ImportProblems([P.problem(P.XML_NOT_MOODLE(tag=root.tag))])
    return root


def _name(element) -> str:
    return (element.findtext("name/text") or "").strip() or "no name"


def _article(element, where: P.Message, problems: list[P.Problem]) -> BankArticle | None:
    name = _name(element)
    if not name.startswith(ARTICLE_NAME.strip()):
        problems.append(P.problem(P.XML_DESCRIPTION(name=ARTICLE_NAME), where))
        return None
    page = HtmlField.read(element.findtext("questiontext/text") or "")
    try:
        payload = json.loads(base64.b64decode(page.article or "", validate=True).decode("utf-8"))
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise ValueError("no text in it")
    except binascii.Error:
        problems.append(P.problem(P.ARTICLE_PAYLOAD_DAMAGED(detail=L.PAYLOAD_NOT_BASE64()), where))
        return None
    except UnicodeDecodeError:
        problems.append(P.problem(P.ARTICLE_PAYLOAD_DAMAGED(detail=L.PAYLOAD_NOT_UTF8()), where))
        return None
    except ValueError:     # not JSON, or no text in it
        problems.append(P.problem(P.ARTICLE_PAYLOAD_DAMAGED(detail=L.PAYLOAD_NOT_JSON()), where))
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
        problems.append(P.problem(_validation_message(error), where))
    except ValueError as error:  # ArticleError, UnsupportedLanguage, RulePackError: plain sentences
        problems.append(P.problem(P.ARTICLE_NOT_READ(reason=L.article_reason(error)), where))
    return None


def _question(element, where: P.Message, articles: dict[str, BankArticle], problems: list[P.Problem],
              into: BankArticle | None, without_article: list[P.Message]) -> BankQuestion | None:
    """The question, or None with its problems added (or `where` added to `without_article`)."""
    local: list[P.Problem] = []
    qtype = element.get("type")
    machine, teacher_tags = _split_tags(element)
    # A hand-written file with a single article need not tag every question with it.
    article_ref = machine.get(ARTICLE_TAG) or (next(iter(articles)) if len(articles) == 1 else "")
    chosen = not article_ref and into is not None   # a plain Moodle file, put into the teacher's article
    if chosen:
        article_ref = into.ref
    article = into if chosen else articles.get(article_ref)
    prompt = HtmlField.read(field_text(element, "questiontext"), element.find("questiontext"))
    feedback = HtmlField.read(field_text(element, "generalfeedback"), element.find("generalfeedback"))
    # The teacher put the question into their article: it is in that article's language.
    language = article.language if chosen else prompt.lang or (article.language if article else None)
    fields = TYPE_FIELDS[qtype](element, where, language, local)
    if any(p.skips for p in local):       # a question we cannot represent: only why it is left out
        problems += [p for p in local if p.skips]
        return None
    if not article_ref:
        without_article.append(where)     # one problem for them all, saying what the teacher can do
        problems += local
        return None
    if language not in ("fr", "en"):
        local.append(P.problem(P.LANGUAGE_UNKNOWN(), where))
    citations = _citations(feedback, where, local, optional=chosen)
    kind = machine.get(KIND_TAG) or DEFAULT_KIND[qtype]
    display = _display(kind, article, citations, fields.get("choices", []), where, local) if not local else {}
    if local:
        problems += local
        return None
    try:
        return BankQuestion(ref=(element.findtext("idnumber") or "").strip(), article=article_ref, kind=kind,
                            language=language, prompt=prompt.text, explanation=feedback.text,
                            citations=[c for c, _ in citations], display=display, tags=teacher_tags,
                            difficulty=machine.get(DIFFICULTY_TAG, "medium"), origin="imported",
                            status="retired" if machine.get(STATUS_TAG) == "retired" else "draft",
                            **fields)
    except ValidationError as error:
        problems.append(P.problem(_validation_message(error), where))
        return None


def _split_tags(element) -> tuple[dict[str, str], list[str]]:
    """(machine tags by prefix, the teacher's tags in order)."""
    tags = [(t.findtext("text") or "").strip() for t in element.findall("tags/tag")]
    prefixes = (KIND_TAG, DIFFICULTY_TAG, ARTICLE_TAG, STATUS_TAG)
    machine = {prefix: t[len(prefix):] for t in tags for prefix in prefixes if t.startswith(prefix)}
    return machine, [t for t in tags if t and not t.startswith(prefixes)]


def _display(kind: str, article, citations, choices: list[str], where: P.Message, local: list[P.Problem]) -> dict:
    """A mark-the-word question's sentence and words, rebuilt from its article. Without the
    article in the file there is nothing to rebuild from: check_bank then says so."""
    if kind not in MARK_WORD_KINDS or article is None or not citations:
        return {}
    sentence = next((c for c, is_sentence in citations if is_sentence), citations[0][0])
    try:
        return mark_word_display(article.text, sentence, choices)
    except NotAWordOfTheSentence as error:
        local.append(P.problem(P.NOT_A_WORD(choice=error.choice), where))
        return {}


def _validation_message(error: ValidationError) -> P.Message:
    return L.invalid(error)


def _quote_of(found: dict) -> str:
    """The article's exact words: data-quote since the quote shown is typeset (its marks
    nested); files written before that carry them in the quote's span."""
    return found["exact"] if found.get("exact") is not None else "".join(found["quote"])


def _citations(feedback: "HtmlField", where: P.Message, local: list[P.Problem],
               optional: bool = False) -> list[tuple[Citation, bool]]:
    """The citation paragraphs of the general feedback. `optional`: the teacher chose the
    question's article, and a plain Moodle question cites nothing yet (it becomes a draft)."""
    citations = []
    for number, found in enumerate(feedback.citations, 1):
        try:
            citation = Citation(passage=found["passage"], start=int(found["start"]), end=int(found["end"]),
                                quote=_quote_of(found))
        except (ValueError, TypeError) as error:
            # a ValidationError is a ValueError too: its first problem, in our words; int() of
            # an offset that is no number raises a plain ValueError or TypeError
            message = L.validation_messages(error)[0][1] if isinstance(error, ValidationError) else \
                L.FIELD_WRONG_TYPE(expected=L.EXPECTED["int"])
            local.append(P.problem(P.CITATION_UNREADABLE(number=number, detail=message), where))
            continue
        citations.append((citation, found["sentence"]))
    if not citations and not feedback.citations and not optional:
        local.append(P.problem(P.NO_CITATION_PARAGRAPH(), where))
    return citations
