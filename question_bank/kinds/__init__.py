"""Question kinds, each one registered object (as CTFd registers its challenge types): its
name, its builder, its priority, its label for teachers in each language, whether it is a
"mark the word" question, its paper layout, and how sure a finding must be for it to ask.

A kind is a module here whose function ``build(ctx: Context) -> list[Question]`` is
decorated with ``@register("name", …)``, plus one template per language in
``templates/questions/<lang>/<name>.j2`` holding all its wording. It returns nothing when
the findings do not support it, and every question it makes cites the article. To add a
kind: write the module, its two templates, and import the module below. Nothing else
needs editing: the generator, the bank, the teacher's pages, the worksheet and the
exports read this registry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..models import Question
from .context import Context

Builder = Callable[[Context], list[Question]]


@dataclass(frozen=True)
class QuestionKind:
    name: str
    build: Builder
    priority: int                       # lower is kept first when a quiz is too long
    labels: dict[str, str]              # what teachers read, per interface language
    trains: dict[str, str] = field(default_factory=dict)   # the critical-reading skill, per language
    mark_the_word: bool = False         # answered by marking a word of a sentence (display.words)
    layout: str = "choices"             # the paper layout (question_bank/worksheet/printable.py)
    scope: str = "sentence"             # "sentence": about one sentence; "article": about the whole text
    min_confidence: float = 0.7         # findings less sure than this give no question of this kind
    cites_examples: bool = False        # its citations illustrate the answer; they are not what it asks about
    headline_form: bool = False         # asks how the headline is written, not what it states


KINDS: dict[str, QuestionKind] = {}


def register(name: str, *, priority: int, labels: dict[str, str], trains: dict[str, str] | None = None,
             mark_the_word: bool = False, layout: str | None = None, scope: str = "sentence",
             min_confidence: float = 0.7, cites_examples: bool = False,
             headline_form: bool = False) -> Callable[[Builder], Builder]:
    """Record `build` as the kind `name`; registration order is the quiz order."""
    def decorator(build: Builder) -> Builder:
        if name in KINDS:
            raise ValueError(f"question kind {name!r} is registered twice")
        KINDS[name] = QuestionKind(name=name, build=build, priority=priority, labels=labels, trains=trains or {},
                                   mark_the_word=mark_the_word,
                                   layout=layout or ("mark_word" if mark_the_word else "choices"),
                                   scope=scope, min_confidence=min_confidence, cites_examples=cites_examples,
                                   headline_form=headline_form)
        return build
    return decorator


def label(kind: str, language: str) -> str:
    """A kind's label for teachers, in their language (the kind's name if it is not registered)."""
    found = KINDS.get(kind)
    return found.labels.get(language) or found.labels.get("en", kind) if found else kind


def mark_the_word_kinds() -> tuple[str, ...]:
    return tuple(name for name, kind in KINDS.items() if kind.mark_the_word)


# Import order is the quiz order: what kind of text it is and its headline first, then
# reading the body (cue words, sources, claims), then what the page says about itself.
from . import genre, headline, headline_body, headline_quote, headline_tag, rumour_cue, source_kind, sourcing  # noqa: E402,F401,E501
from . import mostly_unnamed, party_voice  # noqa: E402,F401
from . import relayed_source, fact_or_speculation, claim_status, figure, figure_source, judgement, author  # noqa: E402,F401
from . import disclosure  # noqa: E402,F401

__all__ = ["KINDS", "Builder", "Context", "QuestionKind", "label", "mark_the_word_kinds", "register"]
