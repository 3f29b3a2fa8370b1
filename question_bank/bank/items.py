"""Bank items: an article and the questions about it, in the shape our own YAML/JSON
format stores whole and the other formats (GIFT, Moodle XML, QTI) map to.

`BankQuestion` is a `Question` plus what a bank adds (tags, difficulty, origin, status)
and refers to its article by `article` (a `BankArticle.ref`). Citations are offsets into
that article's text, checked by `checks.check_bank`. Only a question imported from a plain
Moodle file into an article the teacher chose may cite nothing yet, and only while it is
not approved: a draft (or retired) question "needing a citation", until the teacher picks
its passage in the edit form.
"""
from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..models import Citation, Frozen, InvalidValue, Language, Passage, Question

Difficulty = Literal["easy", "medium", "hard"]
Status = Literal["draft", "approved", "retired"]
Origin = Literal["generated", "teacher", "imported"]

# Kinds a teacher writes by hand; every generated kind (question_bank.kinds.KINDS) is valid too.
TEACHER_KINDS = ("multiple_choice", "true_false", "short_answer", "mark_word")
# Kinds whose question is "mark the word in the sentence" (display carries the sentence's words):
# the teacher's own, and every generated kind registered as such (question_bank.kinds).
def _mark_word_kinds() -> tuple[str, ...]:
    from ..kinds import mark_the_word_kinds

    return ("mark_word", *mark_the_word_kinds())


MARK_WORD_KINDS = _mark_word_kinds()
FORMAT_NAME = "mlquiz-bank"
FORMAT_VERSION = 1


class BankArticle(Frozen):
    ref: str = Field(min_length=1, max_length=80)
    title: str
    language: Language
    source: str = ""
    text: str = Field(min_length=1)
    passages: list[Passage] = Field(min_length=1)

    @staticmethod
    def ref_for(text: str) -> str:
        """A stable reference from the text itself: the same article gets the same ref anywhere."""
        return "article-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class BankQuestion(Frozen):
    ref: str = Field("", max_length=80)  # the question's name in a file; not its identity in a bank
    article: str                       # BankArticle.ref
    kind: str = Field(min_length=1, max_length=40)
    language: Language
    prompt: str = Field(min_length=1)
    choices: list[str] = []
    answer: list[int] = []
    accepted: list[str] = []           # written answers (short_answer): every accepted answer
    choice_feedback: list[str] = []    # one per choice, or empty
    explanation: str = ""
    citations: list[Citation]          # given, even empty: empty only while not approved (needs_citation)
    display: dict[str, Any] = {}
    tags: list[str] = []
    difficulty: Difficulty = "medium"
    origin: Origin = "teacher"
    status: Status = "draft"

    @property
    def needs_citation(self) -> bool:
        return not self.citations

    @model_validator(mode="after")
    def _approved_cites(self) -> "BankQuestion":
        # What goes into a quiz must cite its article; a draft may wait for the teacher's passage.
        if not self.citations and self.status == "approved":
            raise InvalidValue("approved_without_citation", "an approved question cites at least one passage of its article")
        return self

    @field_validator("choice_feedback")
    @classmethod
    def _no_blank_feedback(cls, value: list[str]) -> list[str]:
        # Formats without per-choice feedback give blanks: no feedback at all is the same thing.
        return value if any(v.strip() for v in value) else []

    def as_question(self, question_id: str) -> Question:
        """The quiz question (answer key included) for publishing, worksheets and grading."""
        return Question(id=question_id, kind=self.kind, language=self.language, prompt=self.prompt,
                        choices=list(self.choices), answer=list(self.answer), accepted=list(self.accepted),
                        choice_feedback=list(self.choice_feedback), explanation=self.explanation,
                        citations=list(self.citations), display=dict(self.display))

    @classmethod
    def from_question(cls, question: Question, article_ref: str, **bank_fields: Any) -> "BankQuestion":
        return cls(ref=question.id, article=article_ref, kind=question.kind, language=question.language,
                   prompt=question.prompt, choices=list(question.choices), answer=list(question.answer),
                   accepted=list(question.accepted), choice_feedback=list(question.choice_feedback),
                   explanation=question.explanation,
                   citations=list(question.citations), display=dict(question.display), **bank_fields)


class BankFile(Frozen):
    """A whole export: what `mlquiz bank export --format yaml` writes and `import` reads."""

    format: Literal["mlquiz-bank"] = FORMAT_NAME
    version: Literal[1] = FORMAT_VERSION
    articles: list[BankArticle] = []
    questions: list[BankQuestion] = []
