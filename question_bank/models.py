"""Typed values that flow from an article to a quiz.

Offsets are always Python string offsets into the article text exactly as read
(see DESIGN.md, "Citation invariant"). Everything here is plain data: no I/O.
"""
from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

Language = Literal["fr", "en"]
CueType = Literal["rumour", "unnamed_source", "conditional", "hedge", "uncertainty", "denial"]
SourceKind = Literal["named_person", "named_organisation", "anonymous", "document", "other_media"]
ClaimStatus = Literal["confirmed", "attributed", "asserted", "unconfirmed", "disputed", "denied"]
Genre = Literal["report", "fact_check", "interview", "opinion", "satire"]
# How sure the analysis is of a finding, from 0 to 1. Questions are asked only about findings
# it is sure enough of: a wrong key costs more than a missing question.
Confidence = Field(default=1.0, ge=0.0, le=1.0)
DisclosureKind = Literal["ai_use", "sponsorship", "correction", "conflict_of_interest"]
PassageKind = Literal["title", "heading", "paragraph", "furniture"]


class InvalidValue(ValueError):
    """A rule of these models broken: its English sentence (the command line, logs) and a code
    with fields, from which an import problem is worded in the teacher's language
    (question_bank/bank/library_errors.py)."""

    def __init__(self, code: str, message: str, **fields: Any):
        super().__init__(message)
        self.code, self.fields = code, fields


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _consistent(self) -> "Span":
        if self.end <= self.start or self.end - self.start != len(self.text):
            raise InvalidValue("span_mismatch", f"span [{self.start}, {self.end}) does not match its text {self.text!r}")
        return self


class Passage(Frozen):
    """A unit a reader can find on paper: the title, a heading or a numbered paragraph."""

    label: str
    kind: PassageKind
    start: int
    end: int


class Citation(Frozen):
    """`text[start:end] == quote` in the article; `passage` is the printed label (¶3).

    Validating with ``context={"text": article_text}`` also checks the quote against
    the article, so a citation that breaks the invariant cannot be built.
    """

    passage: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @model_validator(mode="after")
    def _invariant(self, info: ValidationInfo) -> "Citation":
        if not self.quote.strip() or self.end - self.start != len(self.quote):
            raise InvalidValue("citation_mismatch", f"citation [{self.start}, {self.end}) does not match its quote")
        text = (info.context or {}).get("text")
        if text is not None and text[self.start:self.end] != self.quote:
            raise InvalidValue("citation_not_in_article",
                               f"citation quote not found at [{self.start}, {self.end}) in the article")
        return self


class Cue(Span):
    type: CueType
    rule: str
    explanation: str = ""
    confidence: float = Confidence


class Judgement(Span):
    """A word by which the writer judges rather than reports ("unfortunately", "scandaleux"),
    outside any quotation or reported speech: the writer's own voice."""

    rule: str
    explanation: str = ""
    confidence: float = Confidence


class Relay(Span):
    """The source through which another source is known ("a report, as the magazine tells it")."""

    kind: SourceKind


class Source(Span):
    kind: SourceKind
    who: str = ""
    rule: str = ""
    verb: str = ""          # the reporting verb's lemma ("annoncer", "claim"); "" for "selon X", cues
    confidence: float = Confidence
    via: Relay | None = None
    # A body whose told words are about itself ("the company said it had…", "« Nous… », a
    # indiqué la mairie"): its own account, as the party concerned.
    about_itself: bool = False


class Disclosure(Span):
    kind: DisclosureKind
    rule: str = ""


class Author(Span):
    named: bool
    name: str | None = None
    role: Literal["byline", "bio"] = "bio"


class Entity(Span):
    label: str


class Amount(Span):
    """A sum of money; `key` normalises the figure so repeated mentions group together."""

    key: str


class Claim(Frozen):
    text: str
    status: ClaimStatus
    citations: list[Citation]
    cues: list[Cue] = []
    sources: list[Source] = []
    anchor: str = ""
    confidence: float = Confidence


class Sentence(Frozen):
    start: int
    end: int
    passage: str
    text: str
    is_question: bool = False


class Findings(Frozen):
    language: Language
    title: str
    headline_is_question: bool
    headline: Citation | None = None
    genre: Genre = "report"
    genre_confidence: float = Confidence
    genre_evidence: list[Citation] = []     # the passage whose label decided ("TRIBUNE.", "Propos recueillis par")
    headline_overstates: bool = False
    headline_overstates_confidence: float = Confidence
    # The body's passages that show the headline says more than they do (when it does).
    headline_evidence: list[Citation] = []
    cues: list[Cue] = []
    judgements: list[Judgement] = []
    sources: list[Source] = []
    claims: list[Claim] = []
    disclosures: list[Disclosure] = []
    author: Author | None = None
    entities: list[Entity] = []
    amounts: list[Amount] = []
    sentences: list[Sentence] = []


class Word(Frozen):
    """A clickable word of a sentence, for "mark the word" questions."""

    start: int
    end: int
    text: str


# A question's parts a student may see before submitting. Adding a field here sends it to
# every student's browser: the key, explanation, citations, accepted answers and notes never go,
# nor the kind (it would help match the page to the open-source generator's output).
PUBLIC_FIELDS = ("id", "prompt", "choices", "display")


class Question(Frozen):
    id: str
    kind: str
    language: Language
    prompt: str
    choices: list[str]
    answer: list[int]
    explanation: str
    citations: list[Citation] = Field(min_length=1)
    status: ClaimStatus | None = None
    # Kind-specific data that is safe to show a student (e.g. the words of a sentence).
    display: dict[str, Any] = {}
    # A written-answer question has no choices: the answers a teacher accepts instead.
    accepted: list[str] = []
    # A teacher's note per choice (why this choice is right or wrong), shown to a student who
    # picked it, in the review; empty when there is none.
    choice_feedback: list[str] = []
    # How sure the generator is of the key (from the findings it rests on); teachers see the
    # least sure in the preview. A teacher's own question is sure.
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @property
    def is_written(self) -> bool:
        return not self.choices

    @model_validator(mode="after")
    def _answer_in_choices(self) -> "Question":
        if self.is_written:
            if self.answer or not [a for a in self.accepted if a.strip()]:
                raise InvalidValue("written_with_choices",
                                   f"question {self.id}: a written-answer question needs accepted answers, not choices")
            if self.choice_feedback:
                raise InvalidValue("written_with_feedback",
                                   f"question {self.id}: a written-answer question has no choices to give feedback on")
            return self
        if self.choice_feedback and len(self.choice_feedback) != len(self.choices):
            raise InvalidValue("feedback_count",
                               f"question {self.id}: {len(self.choice_feedback)} feedbacks for {len(self.choices)} choices",
                               feedbacks=len(self.choice_feedback), choices=len(self.choices))
        if not self.answer or any(not 0 <= i < len(self.choices) for i in self.answer):
            raise InvalidValue("answer_not_a_choice", f"question {self.id}: answer {self.answer} is not an index of its choices",
                               answer=self.answer)
        if len(set(self.answer)) > 1:
            # A student answers by picking one choice (the page, the worksheet, the grading), and
            # Moodle XML, QTI and GIFT each grade several right answers differently: refused.
            raise InvalidValue("too_many_right", f"question {self.id}: it has {len(set(self.answer))} right answers; "
                               "a question here has exactly one (keep one, or split the question)",
                               count=len(set(self.answer)))
        if len(set(self.choices)) != len(self.choices):
            raise InvalidValue("duplicate_choices", f"question {self.id}: duplicate choices")
        return self

    def public_view(self) -> dict[str, Any]:
        """What a student may see before submitting: no key, explanation, citation, accepted
        answer or note — only PUBLIC_FIELDS (the web app applies the same list to stored quizzes)."""
        return {name: copy.deepcopy(getattr(self, name)) for name in PUBLIC_FIELDS}


class Quiz(Frozen):
    title: str
    language: Language
    seed: int
    questions: list[Question]
