"""Does a question read well? Checks that a question's text is whole and well typed before
any student sees it: the article it quotes is quoted verbatim (never cut inside a word or a
quotation, never rewritten), its quotation marks are balanced and not doubled, and it is not
too long to read in a quiz. The generator drops a question with a problem; the test suite
runs the same checks over every generated quiz of the corpus and the samples."""
from __future__ import annotations

import re

from .article import Article
from .models import Question

MAX_PROMPT = 700
PAIRS = (("«", "»"), ("“", "”"))
# Quoting nests the article's own quotation marks (kinds/_text.inline turns « » into “ ” in
# French, " into ' in English): for comparing a quoted passage with the article, every
# quotation mark and apostrophe counts as the same mark.
UNNEST = str.maketrans({mark: "'" for mark in "«»“”\"‘’"})
SPACES = re.compile(r"[\s\u00a0\u202f]+")


def problems(question: Question, article: Article) -> list[str]:
    """What is wrong with the question's text, in plain words (empty: it reads well)."""
    found = []
    texts = [question.prompt, *question.choices, question.explanation]
    for text in texts:
        found += _marks(text)
    if question.explanation.count("(") != question.explanation.count(")"):
        found.append("unbalanced ()")   # a speaker or a phrase quoted cut inside its brackets
    if len(question.prompt) > MAX_PROMPT:
        found.append("prompt too long")
    for quoted in quoted_passages(question.prompt, question.language):
        if not _in_article(quoted, article.text):
            found.append(f"not quoted verbatim: {quoted[:40]}")
    return found


def balanced(phrase: str) -> str:
    """A phrase cut inside brackets ("le Journal du dimanche (JDD") without the open bracket's tail."""
    if phrase.count("(") > phrase.count(")"):
        return phrase[:phrase.rindex("(")].rstrip(" ,")
    return phrase


def _marks(text: str) -> list[str]:
    found = []
    for opening, closing in PAIRS:
        if text.count(opening) != text.count(closing):
            found.append(f"unbalanced {opening}{closing}")
    if text.count('"') % 2:
        found.append('unbalanced "')
    if re.search(r"«\s*«|»\s*»", text):
        found.append("doubled quotation marks")
    return found


def quoted_passages(prompt: str, language: str) -> list[str]:
    """The passages a prompt quotes from the article: between the outer quotation marks,
    « … » in French, "…" in English (headlines and sentences alike)."""
    if language == "fr":
        return list(_outer(prompt, "«", "»"))
    return re.findall(r'"([^"]+)"', prompt)


def _outer(text: str, opening: str, closing: str):
    depth, start = 0, 0
    for match in re.finditer(f"[{opening}{closing}]", text):
        if match.group() == opening:
            if depth == 0:
                start = match.end()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield text[start:match.start()]


def _in_article(quoted: str, text: str) -> bool:
    wanted = _normal(quoted)
    return bool(wanted) and wanted in _normal(text)


def _normal(text: str) -> str:
    """Without any space: French typography adds no-break spaces around ":", "?", « and »
    (wording.french_typography), and that is not rewriting what the article says."""
    return SPACES.sub("", text.translate(UNNEST))
