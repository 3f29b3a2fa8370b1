"""A bank as a Moodle XML file (see the package docstring for how each part travels)."""
from __future__ import annotations

import base64
import html
import json
import re
import xml.etree.ElementTree as ET

from ...bank.items import MARK_WORD_KINDS, BankArticle, BankFile, BankQuestion
from ...models import Citation
from ...quoting import quote_passage
from .conventions import (ARTICLE_NAME, ARTICLE_TAG, CATEGORY_ROOT, DIFFICULTY_TAG, KIND_TAG, STATUS_TAG,
                          TRUE_FALSE_LABELS)

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export(bank: BankFile) -> bytes:
    _CDATA.clear()
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
    # HTML goes in CDATA, as Moodle's own exporter writes it: Moodle's reader drops
    # whitespace-only text between escaped tags (the space before », after a ¶ label).
    body = _CDATA_TOKEN.sub(lambda m: _cdata(_CDATA[int(m.group(1))]), body)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


_CDATA: list[str] = []
_CDATA_TOKEN = re.compile(r"@@mlquiz-cdata-(\d+)@@")


def _cdata(html_text: str) -> str:
    """A CDATA section; "]]>" inside it is split across two sections."""
    return "<![CDATA[" + html_text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(parent, value: str) -> None:
    """A <text> holding HTML: written as CDATA when the file is serialised."""
    if not value:
        _text(parent, value)
        return
    # A carriage return cannot survive CDATA (XML readers turn it into a line feed); as an HTML
    # character reference it comes back from the HTML exactly.
    _CDATA.append(_xml_safe(value).replace("\r", "&#13;"))
    ET.SubElement(parent, "text").text = f"@@mlquiz-cdata-{len(_CDATA) - 1}@@"


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
        _citation_html(c, c.start == sentence.get("start") and c.end == sentence.get("end"), q.language)
        for c in q.citations)
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
    for tag in [*q.tags, KIND_TAG + q.kind, DIFFICULTY_TAG + q.difficulty, ARTICLE_TAG + q.article, STATUS_TAG + q.status]:
        _text(ET.SubElement(tags, "tag"), tag)
    return question


def _citation_html(citation: Citation, is_sentence: bool, language: str) -> str:
    """The passage as a reader sees it (the language's marks, the speaker's own nested) and,
    for the import, the article's exact characters in data-quote."""
    cls = "mlquiz-citation mlquiz-sentence" if is_sentence else "mlquiz-citation"
    return (f'<p class="{cls}" data-passage="{_esc(citation.passage)}" data-start="{citation.start}" '
            f'data-end="{citation.end}" data-quote="{_esc(citation.quote)}">{_esc(citation.passage)} — '
            f'<span class="mlquiz-quote">{_esc(quote_passage(citation.quote, language))}</span></p>')


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
    _html(ET.SubElement(question, "questiontext", format="html"), page)
    _html(ET.SubElement(question, "generalfeedback", format="html"), feedback)
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
    (_html if fmt == "html" else _text)(answer, text)
    _html(ET.SubElement(answer, "feedback", format="html"), feedback)


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
