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
from ...bank.build import mark_word_display
from ...bank.items import MARK_WORD_KINDS, BankArticle, BankFile, BankQuestion
from ...errors import UnsupportedLanguage
from ...models import Citation
from ...rules.loader import load_pack
from .. import ImportProblems
from .conventions import ARTICLE_NAME, ARTICLE_TAG, DEFAULT_KIND, DIFFICULTY_TAG, KIND_TAG, STATUS_TAG, SUPPORTED_TYPES
from .html_text import HtmlField
from .type_fields import TYPE_FIELDS, field_text


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
    page = HtmlField.read(element.findtext("questiontext/text") or "")
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
    prompt = HtmlField.read(field_text(element, "questiontext"), element.find("questiontext"))
    feedback = HtmlField.read(field_text(element, "generalfeedback"), element.find("generalfeedback"))
    language = prompt.lang or (article.language if article else None)
    if language not in ("fr", "en"):
        local.append(f"{where}: its language is unknown (no lang attribute and no article in the file)")
    fields = TYPE_FIELDS[qtype](element, where, language, local)
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
                            difficulty=machine.get(DIFFICULTY_TAG, "medium"), origin="imported",
                            status="retired" if machine.get(STATUS_TAG) == "retired" else "draft",
                            **fields)
    except ValidationError as error:
        problems.append(f"{where}: {_validation_message(error)}")
        return None


def _split_tags(element) -> tuple[dict[str, str], list[str]]:
    """(machine tags by prefix, the teacher's tags in order)."""
    tags = [(t.findtext("text") or "").strip() for t in element.findall("tags/tag")]
    prefixes = (KIND_TAG, DIFFICULTY_TAG, ARTICLE_TAG, STATUS_TAG)
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


def _citations(feedback: "HtmlField", where: str, local: list[str]) -> list[tuple[Citation, bool]]:
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
