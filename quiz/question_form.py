"""The teacher's question form: what it shows, and what it reads back as a bank item, with
a message next to each field to fix. The cited passage comes as offsets (selected in the
article on the page) or, without JavaScript, as the pasted quote; either way the server
builds the citation from the article text, so it obeys the citation invariant."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from pydantic import ValidationError

from question_bank.bank.build import article_of, mark_word_display
from question_bank.bank.items import MARK_WORD_KINDS, TEACHER_KINDS, BankQuestion
from question_bank.models import Citation

from . import bank
from .import_messages import all_shown
from .models import BankArticle
from .models import BankQuestion as BankQuestionRecord

MAX_CHOICES = 6
MAX_TEXT = 2000
TRUE_FALSE = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}


@dataclass
class QuestionForm:
    values: dict
    errors: dict[str, str] = field(default_factory=dict)
    item: BankQuestion | None = None


def kinds_for(record: BankQuestionRecord | None) -> list[str]:
    """Kinds a teacher can choose: the hand-written ones, plus a generated question's own kind."""
    kinds = list(TEACHER_KINDS)
    if record is not None and record.kind not in kinds:
        kinds.append(record.kind)
    return kinds


def blank(kind: str = "multiple_choice") -> dict:
    return {"kind": kind if kind in TEACHER_KINDS else "multiple_choice", "prompt": "", "choices": [""] * 4,
            "feedback": [""] * 4, "correct": "", "accepted": "", "explanation": "", "tags": "",
            "difficulty": "medium", "cite_start": "", "cite_end": "", "quote": "", "other_citations": []}


def shown(record: BankQuestionRecord) -> dict:
    """The form filled with a stored question, for editing. A question imported without a
    citation (a plain Moodle file) comes with an empty passage for the teacher to select."""
    citations = [Citation.model_validate(c) for c in record.citations]
    first = {"cite_start": str(citations[0].start), "cite_end": str(citations[0].end),
             "quote": citations[0].quote} if citations else {"cite_start": "", "cite_end": "", "quote": ""}
    choices = list(record.choices) or []
    feedback = list(record.choice_feedback) or [""] * len(choices)
    return {"kind": record.kind, "prompt": record.prompt, "choices": choices + [""] * (2 if len(choices) < MAX_CHOICES else 0),
            "feedback": feedback + [""] * (2 if len(choices) < MAX_CHOICES else 0),
            "correct": str(record.answer[0]) if record.answer else "", "accepted": "\n".join(record.accepted),
            "explanation": record.explanation, "tags": ", ".join(t.name for t in record.tags),
            "difficulty": record.difficulty, **first, "other_citations": citations[1:]}


def read(form, article: BankArticle, record: BankQuestionRecord | None, status: str) -> QuestionForm:
    """The form as typed, its errors by field, and the item when there are none."""
    values = _values(form)
    values["other_citations"] = [Citation.model_validate(c) for c in record.citations[1:]] if record else []
    errors: dict[str, str] = {}
    kind = values["kind"]
    if kind not in kinds_for(record):
        errors["kind"] = _("Choose a kind of question.")
    if not values["prompt"]:
        errors["prompt"] = _("Write the question.")
    elif len(values["prompt"]) > MAX_TEXT:
        errors["prompt"] = _("Shorten the question to %(max)s characters.", max=MAX_TEXT)
    if not values["explanation"]:
        errors["explanation"] = _("Explain the answer: students read it in the review and on the answer key.")
    citation = _citation(values, article, errors)
    choices, answer, accepted, feedback = _answers(values, kind, article.language, errors)
    display = {}
    if citation is not None and kind in MARK_WORD_KINDS and "choices" not in errors:
        try:
            display = mark_word_display(article.text, citation, choices)
        except ValueError:
            errors["choices"] = _("For “mark the word”, every choice must be a word of the cited sentence.")
    if errors:
        return QuestionForm(values, errors)
    try:
        item = BankQuestion(
            ref=record.ref if record else "", article=article.ref, kind=kind, language=article.language,
            prompt=values["prompt"], choices=choices, answer=answer, accepted=accepted, choice_feedback=feedback,
            explanation=values["explanation"], citations=[citation] + values["other_citations"], display=display,
            tags=bank.clean_tags(values["tags"].split(",")), difficulty=values["difficulty"],
            origin=record.origin if record else "teacher", status=status)
    except ValidationError as error:
        return QuestionForm(values, {"form": "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())})
    problems = bank.problems_of(item, article)
    if problems:
        return QuestionForm(values, {"form": " ".join(all_shown(problems))})
    return QuestionForm(values, {}, item)


def _values(form) -> dict:
    return {
        "kind": form.get("kind", ""), "prompt": " ".join((form.get("prompt") or "").split()),
        "choices": [(form.get(f"choice_{i}") or "").strip() for i in range(MAX_CHOICES)],
        "feedback": [(form.get(f"feedback_{i}") or "").strip() for i in range(MAX_CHOICES)],
        "correct": form.get("correct", ""), "accepted": (form.get("accepted") or "").strip(),
        "explanation": " ".join((form.get("explanation") or "").split()), "tags": form.get("tags", ""),
        "difficulty": form.get("difficulty", "medium") if form.get("difficulty") in ("easy", "medium", "hard") else "medium",
        "cite_start": (form.get("cite_start") or "").strip(), "cite_end": (form.get("cite_end") or "").strip(),
        "quote": (form.get("quote") or "").strip(),
    }


def _citation(values: dict, article: BankArticle, errors: dict) -> Citation | None:
    """The selected offsets if they are valid, else the pasted quote found in the article."""
    source = article_of(bank.article_item(article))
    start, end = values["cite_start"], values["cite_end"]
    if start.isdigit() and end.isdigit() and int(start) < int(end) <= len(article.text):
        try:
            citation = source.cite(int(start), int(end))
        except ValueError:
            citation = None
        if citation is not None and _one_passage(source, citation):
            values["quote"] = citation.quote
            return citation
    quote = values["quote"]
    if not quote:
        errors["citation"] = _("A question must cite the article: select the passage that supports the answer.")
        return None
    at = article.text.find(quote)
    if at < 0:
        errors["citation"] = _("This passage is not in the article. Select it in the article, or paste it exactly as written.")
        return None
    citation = source.cite(at, at + len(quote))
    if not _one_passage(source, citation):
        errors["citation"] = _("Cite a passage within one paragraph.")
        return None
    values["cite_start"], values["cite_end"] = str(citation.start), str(citation.end)
    return citation


def _one_passage(source, citation: Citation) -> bool:
    passage = source.passage_at(citation.start)
    return citation.end <= passage.end


def _answers(values: dict, kind: str, language: str, errors: dict):
    """(choices, answer indexes, accepted answers, per-choice feedback) for the kind."""
    if kind == "short_answer":
        accepted = [line.strip() for line in values["accepted"].splitlines() if line.strip()]
        if not accepted:
            errors["accepted"] = _("Give at least one accepted answer, one per line.")
        return [], [], accepted, []
    if kind == "true_false":
        if values["correct"] not in ("0", "1"):
            errors["correct"] = _("Say whether the statement is true or false.")
            return TRUE_FALSE[language], [], [], []
        return TRUE_FALSE[language], [int(values["correct"])], [], []
    rows = [(text, note) for text, note in zip(values["choices"], values["feedback"])]
    filled = [i for i, (text, _note) in enumerate(rows) if text]
    choices = [rows[i][0] for i in filled]
    feedback = [rows[i][1] for i in filled]
    if len(choices) < 2:
        errors["choices"] = _("Give at least two choices.")
    elif len(set(c.casefold() for c in choices)) != len(choices):
        errors["choices"] = _("Two choices are the same.")
    correct = int(values["correct"]) if values["correct"].isdigit() else -1
    if correct not in filled:
        errors["correct"] = _("Mark the right answer (a choice you filled in).")
        return choices, [], [], []
    return choices, [filled.index(correct)], [], (feedback if any(feedback) else [])
