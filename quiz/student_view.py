"""What a student's pages show, built from a published quiz: the public part of each
question before submission, the article's passages, and after submission the review with
every cited span highlighted. No Flask request here: the views pass what they have.

Before submission only a question's PUBLIC_FIELDS (question_bank.models) leave the
server — never its answer, explanation, citations, accepted answers or per-choice notes.
"""
from __future__ import annotations

import re

from flask_babel import gettext as _
from markupsafe import Markup, escape

from question_bank.models import PUBLIC_FIELDS

from .attempts import Grade
from .models import PublishedQuiz


def passage_id(label: str) -> str:
    """¶3 → p-3, "Intertitre 1" → p-intertitre-1: stable anchors for the article's passages."""
    slug = re.sub(r"[^0-9a-z]+", "-", label.replace("¶", "").casefold()).strip("-")
    return f"p-{slug or 'x'}"


def public_question(question: dict, number: int) -> dict:
    """Only what a student may see before submitting, plus the word picker's parts."""
    view = {key: question.get(key) for key in PUBLIC_FIELDS}
    view["display"] = dict(view.get("display") or {})
    view["number"] = number
    view["words"] = _word_picker(view["display"])
    return view


def _word_picker(display: dict) -> list[dict] | None:
    """The sentence cut into words and gaps; each word knows the choice it belongs to, if any."""
    sentence, words, choice_words = display.get("sentence"), display.get("words"), display.get("choice_words")
    if not sentence or not words or not choice_words:
        return None
    owner = {}
    for choice, indexes in enumerate(choice_words):
        for index in indexes:
            owner.setdefault(index, choice)
    text, base, pos, parts = sentence["text"], sentence["start"], 0, []
    for index, word in enumerate(words):
        start, end = word["start"] - base, word["end"] - base
        if start < pos or end > len(text):
            return None
        if start > pos:
            parts.append({"gap": text[pos:start]})
        parts.append({"word": text[start:end], "index": index, "choice": owner.get(index)})
        pos = end
    if pos < len(text):
        parts.append({"gap": text[pos:]})
    return parts


def article_passages(quiz: PublishedQuiz) -> list[dict]:
    return article_passages_from(quiz.article_text, quiz.passages)


def article_passages_from(text: str, passages: list[dict]) -> list[dict]:
    return [{"label": p["label"], "kind": p["kind"], "id": passage_id(p["label"]),
             "text": text[p["start"]:p["end"]]}
            for p in passages]


def review_results(grade: Grade) -> list[dict]:
    """Per question: the student's answer, the key, why, the teacher's note on the choice the
    student made (if any), and the citations with the ids of their marks in the article."""
    results = []
    for number, result in enumerate(grade.results, start=1):
        question = result.question
        cites = [{"id": f"cite-{question['id']}-{n}", "passage": c["passage"], "quote": c["quote"]}
                 for n, c in enumerate(question.get("citations") or [], start=1)]
        notes = question.get("choice_feedback") or []
        results.append({"number": number, "id": question["id"], "prompt": question["prompt"],
                        "choices": question["choices"], "answer": question["answer"],
                        "chosen": result.chosen, "correct": result.correct, "text": result.text,
                        "accepted": question.get("accepted") or [],
                        "feedback": [notes[i] for i in result.chosen if i < len(notes) and notes[i].strip()],
                        "explanation": question.get("explanation", ""), "citations": cites})
    return results


def highlighted_passages(quiz: PublishedQuiz, results: list[dict]) -> list[dict]:
    """Each passage as HTML with every cited span in <mark id="cite-…">, escaped piece by piece.

    Overlapping citations are split at every boundary; a citation starting where another
    starts gets its own nested mark, so every citation has a mark carrying its id. After each
    citation's end, a small link leads back to its question.
    """
    spans = []  # (start, end, cite id, question number, question id)
    for result in results:
        question = next(q for q in quiz.questions if q["id"] == result["id"])
        for cite, raw in zip(result["citations"], question.get("citations") or []):
            spans.append((raw["start"], raw["end"], cite["id"], result["number"], result["id"]))
    text = quiz.article_text
    passages = []
    for p in quiz.passages:
        start, end = p["start"], p["end"]
        inside = [s for s in spans if s[0] < end and s[1] > start]
        cuts = sorted({start, end} | {max(start, min(end, b)) for s in inside for b in s[:2]})
        html = []
        for a, b in zip(cuts, cuts[1:]):
            piece = escape(text[a:b])
            covering = [s for s in inside if s[0] <= a and s[1] >= b]
            if covering:
                starting = [s for s in covering if s[0] == a]
                opened = 0
                for s in starting:
                    html.append(Markup('<mark class="cite" id="{}">').format(s[2]))
                    opened += 1
                if not starting:
                    html.append(Markup('<mark class="cite">'))
                    opened = 1
                html.append(piece)
                html.append(Markup("</mark>") * opened)
            else:
                html.append(piece)
            for s in inside:
                if s[1] == b:
                    # The visible "Q4" starts the accessible name (WCAG 2.5.3, label in name).
                    label = _("Q%(number)s: back to question %(number)s", number=s[3])
                    html.append(Markup('<a class="cite-back" href="#q-{}" aria-label="{}">{}</a>').format(
                        s[4], label, _("Q%(number)s", number=s[3])))
        passages.append({"label": p["label"], "kind": p["kind"], "id": passage_id(p["label"]),
                         "html": Markup("").join(html)})
    return passages
