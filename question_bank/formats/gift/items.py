"""What a block of a GIFT file is read into, before it becomes part of a bank."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Category:
    line: int
    name: str


@dataclass
class ArticleItem:
    line: int
    ref: str
    text: str


@dataclass
class QuestionItem:
    line: int
    kind: str | None                      # from the title; None: judged by the answer block
    ref: str
    shape: str                            # "choices", "true_false" or "written"
    prompt: str
    choices: list[str] = field(default_factory=list)
    answer: list[int] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    choice_feedback: list[str] = field(default_factory=list)
    feedback: str = ""                    # the general feedback: explanation and citation lines
    feedback_rows: list[int] = field(default_factory=list)   # line of each row of `feedback`
