"""Quoting a passage of the article for display, with its own quotation marks nested.

A cited passage often carries quotation marks of its own (a speaker's words). Wrapped in the
same marks again it prints « « … » », and the reader cannot tell where the article's
quotation ends and ours does. Typography nests them instead: French « … “ … ” … », English
“ … ‘ … ’ … ”. This module is the one place that wraps a passage in marks: the worksheet's
answer key, the plain-text key, the preview, the review and the bank's question form all call
`quote_passage` (quiz/static/cite.js receives `marks_for_script` and applies the same rule).

Only the display changes: `Citation.quote`, at its offsets, stays the article's text
character for character, so a reader still finds every word under its ¶ label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ELLIPSIS = "…"
_SPACES_INSIDE = "[ \u00a0\u202f]*"   # French puts a (no-break) space inside « »
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")
# A straight " opens a quotation at the start, after a space, a bracket or a dash; else it closes.
_STRAIGHT_OPENING = re.compile(r'(?:^|(?<=[\s(\[{—–-]))"')


@dataclass(frozen=True)
class Marks:
    """One language's two levels of quotation marks."""

    outer: tuple[str, str]   # around the passage, with the spaces the language puts inside
    first: tuple[str, str]   # the language's first level, as an article writes it
    second: tuple[str, str]  # what the first level becomes inside our quotation

    def nest(self, text: str) -> str:
        """The passage's first-level marks (and straight ") turned into the second level."""
        first_open, first_close = (re.escape(mark) for mark in self.first)
        text = re.sub(first_open + _SPACES_INSIDE, self.second[0], text)
        text = re.sub(_SPACES_INSIDE + first_close, self.second[1], text)
        return _STRAIGHT_OPENING.sub(self.second[0], text).replace('"', self.second[1])


MARKS: dict[str, Marks] = {
    "fr": Marks(outer=("«\u00a0", "\u00a0»"), first=("«", "»"), second=("“", "”")),
    "en": Marks(outer=("“", "”"), first=("“", "”"), second=("‘", "’")),
}


def quote_passage(text: str, language: str, *, marks: tuple[str, str] | None = None,
                  limit: int | None = None) -> str:
    """`text` on one line inside the language's quotation marks, its own marks nested.

    `marks` replaces the outer marks (the worksheet's labels, the plain-text headings: their
    wording lives in templates); `limit` shortens the passage at a word, with "…"."""
    table = MARKS[language]
    opening, closing = marks or table.outer
    passage = _LAYOUT_SPACE.sub(" ", text).strip()
    shortened = limit is not None and len(passage) > limit
    if shortened:
        passage = _shorten(passage, limit)
    nested = table.nest(passage)
    if shortened and nested.count(table.second[0]) > nested.count(table.second[1]):
        nested += table.second[1]   # cut inside the speaker's words: close them before ours
    return f"{opening}{nested}{closing}"


def find_quoted(text: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where `quote` is in text[start:end]: as it is, or as `quote_passage` printed it (its marks
    nested, its layout spaces joined), or as a teacher typed it with other quotation marks.
    The article's own characters at those offsets are the citation."""
    end = len(text) if end is None else end
    exact = text.find(quote, start, end)
    if exact >= 0:
        return exact, exact + len(quote)
    match = _lenient(quote).search(text, start, end)
    if match is None:
        return None
    first, last = match.span()
    while first < last and text[first] in _INSIDE_SPACES:   # the spaces a mark's pattern took around it
        first += 1
    while last > first and text[last - 1] in _INSIDE_SPACES:
        last -= 1
    return first, last


# Any quotation mark stands for any other (nesting turns « » into “ ”, “ ” into ‘ ’), with the
# spaces French puts inside; an apostrophe is a mark too (’ nests “ ” in English).
_ANY_MARK = "[ \u00a0\u202f]*[«»“”‘’\"'„]" + "[ \u00a0\u202f]*"
_MARK_CHARS = set("«»“”‘’\"'„")
_INSIDE_SPACES = " \u00a0\u202f"


def _lenient(quote: str) -> re.Pattern:
    parts = []
    for piece in re.split(r"(\s+)", quote.strip()):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
            continue
        parts.append("".join(_ANY_MARK if ch in _MARK_CHARS else re.escape(ch) for ch in piece))
    return re.compile("".join(parts))


def marks_for_script(language: str) -> dict[str, object]:
    """The same table for the browser (cite.js quotes the passage a teacher selects)."""
    table = MARKS[language]
    return {"outer": list(table.outer), "first": list(table.first), "second": list(table.second)}


def _shorten(text: str, limit: int) -> str:
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + ELLIPSIS
