"""What a question kind is given: the article, its findings, a seeded rng and wording helpers."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from .. import wording
from ..article import Article
from ..models import Citation, ClaimStatus, Findings, Question, Sentence
from ..speakers import ROLE_NOUNS
from ._text import inline

# End of a sentence: the mark, any closing quote or bracket (kept in the sentence), then space.
_WORD = re.compile(r"[\w-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])((?:\u00a0?[»\"”)])*)\s+")


@dataclass
class Context:
    """Everything a builder needs; `kind` names the builder, so `render("prompt")` finds its template."""

    article: Article
    findings: Findings
    rng: random.Random
    kind: str
    # Main citation spans of questions already built by earlier kinds: a kind can prefer
    # other sentences, so the quiz does not ask about the same sentence from every angle.
    taken: tuple[tuple[int, int], ...] = ()
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @property
    def language(self) -> str:
        return self.article.language

    def render(self, name: str, /, **values: Any) -> str:
        """Wording from a macro: "prompt" means ``<lang>/<kind>.j2``'s ``prompt``; "x.y" is explicit."""
        return wording.render(self.language, name if "." in name else f"{self.kind}.{name}", **values)

    def labels(self, name: str) -> dict[str, str]:
        """A table of fixed labels (e.g. "choices") from the kind's template."""
        return wording.labels(self.language, name if "." in name else f"{self.kind}.{name}")

    def inline(self, text: str, limit: int | None = None) -> str:
        """Article text to quote inside wording: one line, nested quotation marks, maybe shortened."""
        return inline(text, self.language, limit)

    def cite(self, start: int, end: int) -> Citation:
        return self.article.cite(start, end)

    def checked(self, citation: Citation) -> Citation:
        """Re-check a citation made elsewhere (the analysis) against this article's text."""
        return Citation.model_validate(citation.model_dump(), context={"text": self.article.text})

    @property
    def sentences(self) -> list[Sentence]:
        """The findings' sentences, or (hand-made findings without them) a simple split of the passages."""
        if self._sentences is None:
            self._sentences = list(self.findings.sentences) or split_sentences(self.article)
        return self._sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding text[offset] (a span straddling two belongs to the first)."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def named_in_next_sentence(self, source) -> bool:
        """"Some experts think so. 'It will last', says Jane Roe, an economist…": news writing
        often announces experts, then names them in the next sentence or the same paragraph;
        they are then not unnamed."""
        roles = {_singular(w) for w in source.text.casefold().split() if _singular(w) in ROLE_NOUNS}
        if source.kind != "anonymous" or not roles:
            return False
        sentence = self.sentence_at(source.start)
        if sentence is None:
            return False
        after = self.sentence_at(sentence.end + 1)
        passage = next((p for p in self.article.passages if p.start <= source.start < p.end), None)
        spans = [(after.start, after.end)] if after is not None else []
        spans += [(passage.start, passage.end)] if passage is not None else []
        for other in self.findings.sources:
            if other.kind != "named_person" or other is source:
                continue
            if any(a <= other.start < b for a, b in spans):
                return True
            # A standfirst's "selon les économistes" whose economists speak by name further on.
            around = self.sentence_at(other.start)
            if around is not None and roles & {_singular(w) for w in _WORD.findall(around.text.casefold())}:
                return True
        return False

    def is_taken(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def passage_kind(self, sentence: Sentence) -> str:
        """title, heading, paragraph or furniture: found by the sentence's ¶ label."""
        for passage in self.article.passages:
            if passage.label == sentence.passage:
                return passage.kind
        return self.article.passage_at(sentence.start).kind

    def question(self, *, prompt: str, choices: list[str], answer: list[int], explanation: str,
                 citations: list[Citation], status: ClaimStatus | None = None,
                 display: dict[str, Any] | None = None, confidence: float = 1.0) -> Question:
        """A question of this kind; generate.py replaces the provisional id and shuffles choices.
        `confidence` is how sure the findings behind its key are."""
        return Question(id=f"{self.kind}-0", kind=self.kind, language=self.language, prompt=prompt,
                        choices=choices, answer=answer, explanation=explanation,
                        citations=citations, status=status, display=display or {},
                        confidence=round(confidence, 2))

    def sentence_citation(self, offset: int) -> Citation | None:
        """The whole sentence holding text[offset], cited."""
        sentence = self.sentence_at(offset)
        return None if sentence is None else self.cite(sentence.start, sentence.end)

    def in_headline(self, offset: int) -> bool:
        headline = self.findings.headline
        return headline is not None and headline.start <= offset < headline.end

    def keyed_choices(self, table: str, right: str, keys: list[str] | None = None) -> tuple[list[str], list[int]]:
        """Choices from a label table (optionally only `keys`, in that order) and the index of `right`."""
        options = self.labels(table)
        keys = keys or list(options)
        return [options[key] for key in keys], [keys.index(right)]


def split_sentences(article: Article) -> list[Sentence]:
    sentences: list[Sentence] = []
    for passage in article.passages:
        start = passage.start
        for match in _SENTENCE_END.finditer(article.text, passage.start, passage.end):
            sentences.append(_sentence(article, passage.label, start, match.end(1)))
            start = match.end()
        if start < passage.end:
            sentences.append(_sentence(article, passage.label, start, passage.end))
    return [s for s in sentences if s.text.strip()]


def _sentence(article: Article, label: str, start: int, end: int) -> Sentence:
    text = article.text[start:end]
    return Sentence(start=start, end=end, passage=label, text=text, is_question=text.rstrip().endswith("?"))


def _singular(word: str) -> str:
    """"économistes" → "économiste", "experts" → "expert" (role nouns are listed singular)."""
    return word[:-1] if word.endswith(("s", "x")) and word[:-1] in ROLE_NOUNS else word
