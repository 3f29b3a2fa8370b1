"""The fields of each Moodle question type that we read: choices and the right one, or accepted answers."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...bank import problems as P
from .conventions import TRUE_FALSE_LABELS
from .html_text import HtmlField


def field_text(element, path: str) -> str:
    return element.findtext(f"{path}/text") or ""


def _answers(element, where: P.Message, local: list[P.Problem]) -> list[tuple[ET.Element, float]]:
    """Each <answer> with its fraction; only 100 (right) and 0 or less (wrong) can be graded here."""
    answers = []
    for number, answer in enumerate(element.findall("answer"), 1):
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            local.append(P.problem(P.FRACTION_NOT_NUMBER(number=number, fraction=repr(answer.get("fraction"))), where))
            continue
        if 0 < fraction < 100 or fraction > 100:
            local.append(P.problem(P.PARTIAL_CREDIT(number=number, fraction=answer.get("fraction")), where))
        answers.append((answer, fraction))
    return answers


def _multichoice_fields(element, where: P.Message, language, local: list[P.Problem]) -> dict:
    single = element.findtext("single")  # absent means single, as in Moodle; empty means multiple
    if single is not None and single.strip() in ("false", "0", ""):
        local.append(P.problem(P.SEVERAL_RIGHT_XML(), where))
    answers = _answers(element, where, local)
    right = [i for i, (_, fraction) in enumerate(answers) if fraction == 100]
    if len(right) != 1:
        local.append(P.problem(P.NOT_ONE_RIGHT(count=len(right)), where))
    # An answer without a format attribute has its question text's format, as in Moodle.
    question_format = element.find("questiontext")
    choices = [HtmlField.read(a.findtext("text") or "", a if a.get("format") else question_format).text
               for a, _ in answers]
    feedback = [HtmlField.read(field_text(a, "feedback"), a.find("feedback")).text for a, _ in answers]
    return {"choices": choices, "answer": right[:1], "choice_feedback": feedback if any(feedback) else []}


def _truefalse_fields(element, where: P.Message, language, local: list[P.Problem]) -> dict:
    answers = _answers(element, where, local)
    # As Moodle does: answers say "true"/"false"; otherwise the first one is "true".
    if len(answers) != 2:
        local.append(P.problem(P.TF_NOT_TWO(count=len(answers)), where))
        return {}
    by_word = {}
    for position, (answer, fraction) in enumerate(answers[:2]):
        word = (answer.findtext("text") or "").strip()
        by_word[word if word in ("true", "false") else ("true", "false")[position]] = (answer, fraction)
    if set(by_word) != {"true", "false"}:
        local.append(P.problem(P.TF_NOT_TRUE_FALSE(), where))
        return {}
    right = [i for i, word in enumerate(("true", "false")) if by_word[word][1] == 100]
    if len(right) != 1:
        local.append(P.problem(P.TF_NOT_ONE_RIGHT(), where))
    feedback = [HtmlField.read(field_text(by_word[w][0], "feedback"), by_word[w][0].find("feedback")).text
                for w in ("true", "false")]
    return {"choices": list(TRUE_FALSE_LABELS.get(language, TRUE_FALSE_LABELS["en"])), "answer": right[:1],
            "choice_feedback": feedback if any(feedback) else []}


def _shortanswer_fields(element, where: P.Message, language, local: list[P.Problem]) -> dict:
    accepted = []
    for answer, fraction in _answers(element, where, local):
        text = answer.findtext("text") or ""
        if re.search(r"(?<!\\)\*", text):
            local.append(P.problem(P.WILDCARD(answer=repr(text)), where))
        if fraction == 100:
            accepted.append(text.replace("\\*", "*"))  # Moodle answers are plain text, not HTML
    return {"accepted": accepted}


TYPE_FIELDS = {"multichoice": _multichoice_fields, "truefalse": _truefalse_fields,
               "shortanswer": _shortanswer_fields}
