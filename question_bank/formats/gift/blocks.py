"""A GIFT file cut into blocks (one item each), its escapes masked, and a masked part read back as text."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ...bank import problems as P
from .syntax import FORMAT_TAG, TRIM

# While parsing, an escaped character becomes a Unicode noncharacter (never found in real
# text), so plain string searches see only the unescaped, meaningful `{ } = ~ # :`.
ESCAPES = {"\\": "\ufdd0", ":": "\ufdd1", "#": "\ufdd2", "=": "\ufdd3", "{": "\ufdd4", "}": "\ufdd5", "~": "\ufdd6",
           "n": "\ufdd7"}
RESTORE = str.maketrans({mark: ("\n" if char == "n" else char) for char, mark in ESCAPES.items()})
ESCAPE_USE = re.compile(r"\\(.?)", re.S)


@dataclass
class Block:
    """One question's lines (comments dropped), escapes replaced by their marks."""
    masked: str
    rows: list[int]                       # the file's line number of each row of `masked`

    @property
    def line(self) -> int:
        return self.rows[0]

    def line_at(self, position: int) -> int:
        return self.rows[self.masked.count("\n", 0, max(position, 0))]


def _mask(text: str, rows: list[int], problems: list[str]) -> str:
    def replace(match: re.Match) -> str:
        char = match.group(1)
        if char in ESCAPES:
            return ESCAPES[char]
        line = rows[text.count("\n", 0, match.start())]
        what = P.BACKSLASH_AT_END() if char in ("", "\n") else P.UNKNOWN_ESCAPE(char=char)
        problems.append(P.problem(what, P.at_line(line)))
        return match.group(0)
    return ESCAPE_USE.sub(replace, text)


def read_blocks(text: str, problems: list[str]) -> list[Block]:
    """Questions are separated by blank lines; `//` lines are comments (GIFT rules)."""
    blocks: list[Block] = []
    rows: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n") + [""], 1):
        line = line.removesuffix("\r")
        if any(mark in line for mark in ESCAPES.values()):
            problems.append(P.problem(P.NONCHARACTER(), P.at_line(number)))
        if not line.strip(TRIM):
            if rows:
                numbers, lines = zip(*rows)
                joined = "\n".join(lines)
                blocks.append(Block(_mask(joined, list(numbers), problems), list(numbers)))
            rows = []
        elif not line.lstrip(TRIM).startswith("//"):
            rows.append((number, line))
    return blocks


def _html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip(TRIM)


def part_text(masked: str, fmt: str) -> tuple[str, str, int | None]:
    """A part of a question as text, its format, and where it starts in `masked` (None when
    HTML was converted, so positions no longer line up). Trimmed like Moodle, except that an
    escaped newline is text and stays."""
    start = len(masked) - len(masked.lstrip(TRIM))
    body = masked.strip(TRIM)
    tag = FORMAT_TAG.match(body)
    if tag:
        fmt = tag.group(1)
        start += tag.end() + len(body[tag.end():]) - len(body[tag.end():].lstrip(TRIM))
        body = body[tag.end():].strip(TRIM)
    text = body.translate(RESTORE)
    return (_html_to_text(text), fmt, None) if fmt == "html" else (text, fmt, start)
