"""QTI 2.1 export: an IMS Content Package (zip) that LMSs and item banks import.

- ``imsmanifest.xml`` (IMS CP 1.1) lists one resource per item file, of type
  ``imsqti_item_xmlv2p1``.
- Each article is an item of its own, ``articles/<id>.xml``: an assessmentItem with no
  interaction whose body is the article, one `<p>` per passage with its ¶ label. QTI 2.1
  has no shared stimulus (that came with 2.2), and repeating a long article in every
  question would multiply the package's size; each question's resource names its
  article's resource as a dependency instead.
- Each question is ``items/<id>.xml``: a choiceInteraction (maxChoices=1; shuffle="false"
  because the order of choices is deliberate) scored by the standard match_correct
  template, or a textEntryInteraction whose mapping gives 1 to every accepted answer
  (caseSensitive="false") scored by map_response. True/false is a two-choice interaction.
- The explanation, the per-choice feedback and the citations (``¶3 — « quote »``, marks nested) are a
  modalFeedback with showHide="hide" on an identifier the FEEDBACK outcome never takes:
  the standard templates do not set FEEDBACK, so "hidden only when FEEDBACK is NEVER"
  means shown after every submission, while the templates stay the standard ones.

Export only (load=None): a QTI package carries none of the bank's citations offsets or
tags in a form we could read back exactly; the Moodle XML and YAML formats do.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from ..bank.items import BankArticle, BankFile, BankQuestion
from ..quoting import quote_passage
from . import Format, register

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
ITEM_TYPE = "imsqti_item_xmlv2p1"
_TEXT_ELEMENTS = ("p", "li", "prompt", "simpleChoice")  # what they hold is shown as written
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export(bank: BankFile) -> bytes:
    files: dict[str, bytes] = {}
    article_resources: dict[str, str] = {}
    resources = []
    for number, article in enumerate(bank.articles, 1):
        identifier = f"A{number:03d}-{_name(article.ref)}"
        href = f"articles/{identifier}.xml"
        files[href] = _document(_article_item(article, identifier))
        article_resources[article.ref] = "RES-" + identifier
        resources.append(("RES-" + identifier, href, None))
    for number, question in enumerate(bank.questions, 1):
        identifier = f"Q{number:03d}-{_name(question.ref or question.kind)}"
        href = f"items/{identifier}.xml"
        files[href] = _document(_question_item(question, identifier))
        resources.append(("RES-" + identifier, href, article_resources.get(question.article)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for href, content in {"imsmanifest.xml": _document(_manifest(resources)), **files}.items():
            # A fixed date: the same bank gives the same bytes (no clock in an export).
            package.writestr(zipfile.ZipInfo(href, date_time=(1980, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _manifest(resources) -> ET.Element:
    manifest = _root("manifest", CP, CP_XSD, {"identifier": "MANIFEST-mlquiz"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    listed = ET.SubElement(manifest, "resources")
    for identifier, href, depends_on in resources:
        resource = ET.SubElement(listed, "resource", identifier=identifier, type=ITEM_TYPE, href=href)
        ET.SubElement(resource, "file", href=href)
        if depends_on:
            ET.SubElement(resource, "dependency", identifierref=depends_on)
    return manifest


def _item(identifier: str, title: str, language: str) -> ET.Element:
    return _root("assessmentItem", QTI, QTI_XSD, {
        "identifier": identifier, "title": _safe(title), "xml:lang": language,
        "adaptive": "false", "timeDependent": "false", "toolName": "mlquiz"})


def _article_item(article: BankArticle, identifier: str) -> ET.Element:
    item = _item(identifier, article.title or article.ref, article.language)
    body = ET.SubElement(ET.SubElement(item, _q("itemBody")), _q("div"), {"class": "mlquiz-article"})
    for passage in article.passages:
        paragraph = ET.SubElement(body, _q("p"), {"class": f"mlquiz-{passage.kind}"})
        text = _safe(article.text[passage.start:passage.end])
        if passage.kind in ("title", "heading"):
            ET.SubElement(paragraph, _q("strong")).text = text
        else:
            ET.SubElement(paragraph, _q("strong")).text = passage.label
            paragraph[-1].tail = " " + text
    if article.source:
        ET.SubElement(ET.SubElement(body, _q("p")), _q("em")).text = _safe(article.source)
    return item


def _question_item(question: BankQuestion, identifier: str) -> ET.Element:
    words = " ".join(question.prompt.split())
    item = _item(identifier, words if len(words) <= 80 else words[:79].rstrip() + "…", question.language)
    written = not question.choices
    declaration = ET.SubElement(item, _q("responseDeclaration"), identifier="RESPONSE", cardinality="single",
                                baseType="string" if written else "identifier")
    correct = ET.SubElement(declaration, _q("correctResponse"))
    key = _safe(question.accepted[0]) if written else _choice_id(question.answer[0])
    ET.SubElement(correct, _q("value")).text = key
    if written:
        _mapping(declaration, question.accepted)
    score = ET.SubElement(item, _q("outcomeDeclaration"), identifier="SCORE", cardinality="single", baseType="float")
    ET.SubElement(ET.SubElement(score, _q("defaultValue")), _q("value")).text = "0"
    ET.SubElement(item, _q("outcomeDeclaration"), identifier="FEEDBACK", cardinality="single", baseType="identifier")
    body = ET.SubElement(item, _q("itemBody"))
    if written:
        ET.SubElement(body, _q("p")).text = _safe(question.prompt)
        ET.SubElement(ET.SubElement(body, _q("p")), _q("textEntryInteraction"), responseIdentifier="RESPONSE",
                      expectedLength=str(max(len(a) for a in question.accepted)))
    else:
        interaction = ET.SubElement(body, _q("choiceInteraction"), responseIdentifier="RESPONSE",
                                    shuffle="false", maxChoices="1")
        ET.SubElement(interaction, _q("prompt")).text = _safe(question.prompt)
        for index, choice in enumerate(question.choices):
            ET.SubElement(interaction, _q("simpleChoice"), identifier=_choice_id(index)).text = _safe(choice)
    ET.SubElement(item, _q("responseProcessing"),
                  template=TEMPLATES + ("map_response" if written else "match_correct"))
    _feedback(item, question)
    return item


def _mapping(declaration: ET.Element, accepted: list[str]) -> None:
    mapping = ET.SubElement(declaration, _q("mapping"), lowerBound="0", upperBound="1", defaultValue="0")
    keys: dict[str, str] = {}
    # Our grading ignores extra spaces and a final full stop or exclamation mark; QTI's mapping
    # matches the string exactly (case aside), so those variants are mapped too and both agree.
    for answer in accepted:  # matching ignores case, so one entry per casefolded answer
        bare = " ".join(answer.split()).rstrip(".!")
        for variant in (answer, bare, bare + ".", bare + "!"):
            keys.setdefault(variant.casefold(), variant)
    for answer in keys.values():
        ET.SubElement(mapping, _q("mapEntry"), mapKey=_safe(answer), mappedValue="1", caseSensitive="false")


def _feedback(item: ET.Element, question: BankQuestion) -> None:
    feedback = ET.SubElement(item, _q("modalFeedback"), outcomeIdentifier="FEEDBACK", showHide="hide",
                             identifier="NEVER")
    if question.explanation:
        ET.SubElement(feedback, _q("p")).text = _safe(question.explanation)
    if question.choice_feedback and any(question.choice_feedback):
        listing = ET.SubElement(feedback, _q("ul"))
        for choice, comment in zip(question.choices, question.choice_feedback):
            ET.SubElement(listing, _q("li")).text = _safe(f"{choice} : {comment}" if question.language == "fr"
                                                          else f"{choice}: {comment}")
    for citation in question.citations:
        ET.SubElement(feedback, _q("p"), {"class": "mlquiz-citation"}).text = \
            _safe(f"{citation.passage} — {quote_passage(citation.quote, question.language)}")


def _document(root: ET.Element) -> bytes:
    _indent(root)
    body = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")  # a bare CR would be read as LF
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure for readers, but never inside text (a <p> with <strong> in it):
    whitespace there would become part of what the student sees."""
    if len(element) == 0 or element.tag in _TEXT_ELEMENTS or (element.text or "").strip() \
            or any((c.tail or "").strip() for c in element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


def _q(tag: str) -> str:
    # Elements are written unprefixed under the root's xmlns: ElementTree's own namespace
    # handling would prefix every element (ns0:) or refuse unqualified attributes.
    return tag


def _root(tag: str, namespace: str, schema: str, attributes: dict) -> ET.Element:
    return ET.Element(tag, {"xmlns": namespace, "xmlns:xsi": XSI,
                            "xsi:schemaLocation": f"{namespace} {schema}", **attributes})


def _choice_id(index: int) -> str:
    return f"CHOICE_{index + 1}"


def _name(ref: str) -> str:
    """A file name and identifier part: QTI identifiers and CP IDs are NCNames."""
    return _NOT_NAME.sub("_", ref)[:60] or "item"


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)



register(Format(name="qti", label="QTI 2.1 (zip)", suffixes=(".zip",), mimetype="application/zip",
                export=export, load=None))
