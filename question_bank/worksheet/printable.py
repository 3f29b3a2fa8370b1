"""A question as it is laid out on paper, and its line in the answer key.

Three paper layouts, picked from what the question holds (a registry, checked in
order): a written answer gets ruled lines, a "mark the word" question prints its
sentence to circle the word, anything else gets a box to tick per choice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..models import Citation, Question
from ..render_text import letter

WRITTEN_LINES = 3
_SPACE = re.compile(r"\s+")
# Quote marks a prompt may put around the sentence it asks about.
_OPENERS = ("«", "“", '"')
_QUOTE_EDGES = " \u00a0\u202f«»“”\"…"


@dataclass(frozen=True)
class Choice:
    letter: str
    text: str


@dataclass(frozen=True)
class PrintedQuestion:
    number: int
    layout: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    sentence: str = ""
    lines: int = 0


@dataclass(frozen=True)
class PrintedCitation:
    passage: str
    quote: str


@dataclass(frozen=True)
class KeyEntry:
    number: int
    answers: tuple[str, ...]
    explanation: str
    citations: tuple[PrintedCitation, ...] = field(default=())
    feedback: tuple[Choice, ...] = ()    # the teacher's note per choice, lettered as printed


Layout = Callable[[int, Question], PrintedQuestion]
LAYOUTS: dict[str, tuple[Callable[[Question], bool], Layout]] = {}


def layout(name: str, applies: Callable[[Question], bool]):
    def decorator(build: Layout) -> Layout:
        LAYOUTS[name] = (applies, build)
        return build
    return decorator


def printed(number: int, question: Question) -> PrintedQuestion:
    """The layout its kind registered (question_bank.kinds), when it applies to this question,
    else the first layout that does ("choices" applies to all)."""
    from ..kinds import KINDS

    registered = KINDS.get(question.kind)
    if registered is not None and registered.layout in LAYOUTS:
        applies, build = LAYOUTS[registered.layout]
        if applies(question):
            return build(number, question)
    for applies, build in LAYOUTS.values():
        if applies(question):
            return build(number, question)
    raise LookupError(f"no paper layout for question {question.id}")


def key_entry(number: int, question: Question) -> KeyEntry:
    if question.is_written:
        answers = tuple(a for a in question.accepted if a.strip())
    elif _mark_word_sentence(question):
        answers = tuple(question.choices[i] for i in question.answer)
    else:
        answers = tuple(f"{letter(i)}. {question.choices[i]}" for i in question.answer)
    # Mark-the-word choices are words, not lettered boxes: their notes are named by the word.
    name = (lambda i: question.choices[i]) if _mark_word_sentence(question) else letter
    feedback = tuple(Choice(name(i), note) for i, note in enumerate(question.choice_feedback) if note.strip())
    return KeyEntry(number, answers, question.explanation, tuple(printed_citation(c) for c in question.citations),
                    feedback)


def printed_citation(citation: Citation) -> PrintedCitation:
    """The quote exactly as in the article, on one line, so a reader finds it under its ¶ label."""
    return PrintedCitation(citation.passage, _SPACE.sub(" ", citation.quote).strip())


@layout("written", lambda q: q.is_written)
def _written(number: int, question: Question) -> PrintedQuestion:
    lines = question.display.get("lines", WRITTEN_LINES)
    return PrintedQuestion(number, "written", question.prompt,
                           lines=lines if isinstance(lines, int) and 1 <= lines <= 12 else WRITTEN_LINES)


@layout("mark_word", lambda q: _mark_word_sentence(q) is not None)
def _mark_word(number: int, question: Question) -> PrintedQuestion:
    sentence = _mark_word_sentence(question) or ""
    return PrintedQuestion(number, "mark_word", lead_in(question.prompt, sentence), sentence=sentence)


@layout("choices", lambda q: True)
def _choices(number: int, question: Question) -> PrintedQuestion:
    return PrintedQuestion(number, "choices", question.prompt,
                           choices=tuple(Choice(letter(i), text) for i, text in enumerate(question.choices)))


def _mark_word_sentence(question: Question) -> str | None:
    sentence = question.display.get("sentence")
    if not isinstance(sentence, dict) or not question.display.get("choice_words"):
        return None
    text = _SPACE.sub(" ", str(sentence.get("text", ""))).strip()
    return text or None


def lead_in(prompt: str, sentence: str) -> str:
    """The prompt without the quoted sentence at its end, when it ends with that sentence
    (possibly shortened with "…"); otherwise the whole prompt, so edited wording is never lost."""
    body = prompt.rstrip(_QUOTE_EDGES.replace("…", ""))   # without the closing quote mark
    for opener in _OPENERS:
        at = body.rfind(opener)
        if at <= 0:
            continue
        quoted = _SPACE.sub(" ", body[at + 1:]).strip(_QUOTE_EDGES)
        if quoted and _SPACE.sub(" ", sentence).startswith(quoted):
            return prompt[:at].rstrip()
    return prompt
