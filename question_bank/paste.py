"""A copy from a news site, made into the article a teacher meant: the title, standfirst,
byline and body kept; the page's furniture dropped (a rubric above the title, sharing
buttons, timestamps, reading time, "Lire aussi" teasers, photo captions, subscription calls).

The patterns are data (rules/<lang>.yaml, furniture rules of type `paste` and `paste_teaser`).
The rubric is recognised by its shape: a label of one to three words above a real headline.
Only pastes are cleaned (the web form, a fetched page's text); a file read by the CLI keeps its
text as it is, so that offsets into it stay the file's.
"""
from __future__ import annotations

from dataclasses import dataclass

from .article import detect_language
from .rules.loader import load_pack

TEASER_LINES = 3          # short lines after an "À lire aussi" header that are other stories' titles
TEASER_CHARS = 160
RUBRIC_WORDS, RUBRIC_CHARS = 3, 30
HEADLINE_WORDS = 4
LINE_CHARS = 300          # furniture is short: a long line is always the article's


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]   # the lines taken out, in order, for the teacher to see


def clean_paste(text: str, language: str | None = None) -> Cleaned:
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return Cleaned(text, ())
    pack = load_pack(language or detect_language(text))
    furniture = pack.paste_patterns("paste")
    headers = pack.paste_patterns("paste_teaser")
    drop: set[int] = set()
    if _is_rubric(lines, filled):
        drop.add(filled[0])
    teasers_left = 0
    for i in filled:
        line = lines[i].strip()
        if len(line) > LINE_CHARS:
            teasers_left = 0
            continue
        if any(h.search(line) for h in headers):
            drop.add(i)
            teasers_left = TEASER_LINES
        elif teasers_left and len(line) <= TEASER_CHARS and not line.endswith((".", "!", "»", '"', "”")):
            drop.add(i)
            teasers_left -= 1
        else:
            teasers_left = 0
            if any(f.search(line) for f in furniture):
                drop.add(i)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    return Cleaned("\n".join(kept), tuple(lines[i].strip() for i in sorted(drop)))


def _is_rubric(lines: list[str], filled: list[int]) -> bool:
    """"Économie" above "Le fabricant … prépare la fermeture de son usine": a section label,
    not the headline (a headline is a sentence of four words or more)."""
    if len(filled) < 3:
        return False
    first, second = lines[filled[0]].strip(), lines[filled[1]].strip()
    # A headline has no final full stop; a standfirst or a body paragraph under a short real
    # headline ("Grève générale") has one, and then the short line is the headline.
    return (len(first.split()) <= RUBRIC_WORDS and len(first) <= RUBRIC_CHARS
            and not first.endswith((".", "!", "?", ":", "»", '"')) and len(second.split()) >= HEADLINE_WORDS
            and len(second) <= 200 and not second.endswith("."))


def clean_pasted_bytes(data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The same for a paste or a .txt upload as bytes; a saved web page (HTML) is left to the
    page extractor, and bytes that are not text are left for the reader to refuse."""
    from .article import HTML_START, MAX_BYTES, _looks_like_html

    if len(data) > MAX_BYTES:
        return data, ()   # the reader refuses it with its own message
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data, ()
    if HTML_START.match(data[:2048]) or _looks_like_html(text) or b"\x00" in data or \
            sum(ch.isalpha() for ch in text) < 40:
        return data, ()
    cleaned = clean_paste(text)
    return (cleaned.text.encode("utf-8"), cleaned.dropped) if cleaned.dropped else (data, ())
