"""Turn raw input (plain text or a saved HTML page) into an `Article`.

The article text is kept exactly as read (newlines untouched), so every passage
and citation is an offset into it. For an HTML page the "text as read" is the
text trafilatura extracts from the page, which is what students see and print.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import ArticleError, ArticleTooLarge, ArticleTooShort, BinaryData, NoArticleText, NotUtf8, UnsupportedLanguage
from .models import Citation, Language, Passage

MAX_BYTES = 1_000_000
MIN_LETTERS = 40
HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
SENTENCE_END = tuple(".!?:;…»\"”)")


@dataclass(frozen=True)
class Article:
    text: str
    language: Language
    passages: tuple[Passage, ...]
    source_name: str = ""
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def title(self) -> str:
        first = self.passages[0]
        return self.text[first.start:first.end] if first.kind == "title" else ""

    @property
    def body(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.kind != "furniture")

    def describe_source(self) -> str:
        """Where the article comes from, as far as we know: the page's site, author, date and
        address, or else the file it was read from."""
        parts = [str(self.meta[key]).strip() for key in ("sitename", "author", "date", "url") if self.meta.get(key)]
        return " — ".join(parts) or self.source_name

    def passage_at(self, offset: int) -> Passage:
        for passage in self.passages:
            if passage.start <= offset < passage.end:
                return passage
        raise ValueError(f"offset {offset} is outside every passage")

    def cite(self, start: int, end: int) -> Citation:
        """A citation of text[start:end], trimmed of surrounding whitespace."""
        quote = self.text[start:end]
        start += len(quote) - len(quote.lstrip())
        end -= len(quote) - len(quote.rstrip())
        return Citation.model_validate(
            {"passage": self.passage_at(start).label, "start": start, "end": end,
             "quote": self.text[start:end]},
            context={"text": self.text})


def read_article(path: str | Path, furniture_patterns=None, language: Language | None = None) -> Article:
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"file not found: {path}")
    if path.is_dir():
        raise ArticleError(f"{path} is a folder, not an article file")
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    return article_from_bytes(data, source_name=path.name, furniture_patterns=furniture_patterns, language=language)


def article_from_bytes(data: bytes, source_name: str = "", furniture_patterns=None,
                       language: Language | None = None) -> Article:
    if len(data) > MAX_BYTES:
        raise ArticleTooLarge(f"the article is larger than {MAX_BYTES // 1_000_000} MB; paste only the article itself")
    if b"\x00" in data:
        raise BinaryData("this looks like a binary file, not an article (text or a saved HTML page)")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(f"the file is not UTF-8 text (invalid byte at position {error.start})") from None
    meta: dict = {}
    if HTML_START.match(data[:2048]) or _looks_like_html(raw):
        raw, meta = _text_from_html(raw)
    return article_from_text(raw, source_name=source_name, furniture_patterns=furniture_patterns, meta=meta,
                             language=language)


def article_from_text(text: str, source_name: str = "", furniture_patterns=None, meta=None,
                      byline_patterns=None, language: Language | None = None) -> Article:
    """`language` is detected unless given (a teacher who knows better can say so)."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:   # a lone surrogate: no file or form gives one, but a caller might
        raise ArticleError(f"the text is not valid Unicode (a lone surrogate at position {error.start})") from None
    if size > MAX_BYTES:
        raise ArticleTooLarge(f"the article is larger than {MAX_BYTES // 1_000_000} MB; paste only the article itself")
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise ArticleTooShort("the article is empty or too short to make questions from")
    if _control_ratio(text) > 0.01:
        raise BinaryData("this looks like a binary file, not an article (text or a saved HTML page)")
    language = language or detect_language(text)
    if furniture_patterns is None:
        from .rules.loader import load_pack  # local import: the pack depends on the language
        furniture_patterns = load_pack(language).furniture_patterns()
        byline_patterns = load_pack(language).byline_patterns() if byline_patterns is None else byline_patterns
    passages = split_passages(text, language, furniture_patterns, byline_patterns or [])
    return Article(text=text, language=language, passages=tuple(passages),
                   source_name=source_name, meta=meta or {})


def split_passages(text: str, language: str, furniture_patterns, byline_patterns=()) -> list[Passage]:
    """Title, headings and numbered paragraphs, in reading order.

    Body paragraphs and page furniture share one ¶ numbering, so every line a
    reader sees on the printed page can be found by its number.
    """
    blocks = _blocks(text)
    if not blocks:
        raise ArticleTooShort("the article is empty or too short to make questions from")
    furniture = _furniture_indexes(text, blocks, furniture_patterns, byline_patterns)
    passages: list[Passage] = []
    number = heading = 0
    for index, (start, end) in enumerate(blocks):
        line = text[start:end]
        if index == 0:
            passages.append(Passage(label=_title_label(language), kind="title", start=start, end=end))
        elif index in furniture:
            number += 1
            passages.append(Passage(label=f"¶{number}", kind="furniture", start=start, end=end))
        elif _is_heading(line, index, blocks):
            heading += 1
            passages.append(Passage(label=_heading_label(language, heading), kind="heading", start=start, end=end))
        else:
            number += 1
            passages.append(Passage(label=f"¶{number}", kind="paragraph", start=start, end=end))
    return passages


def _title_label(language: str) -> str:
    return "Titre" if language == "fr" else "Headline"


def _heading_label(language: str, number: int) -> str:
    return f"Intertitre {number}" if language == "fr" else f"Subheading {number}"


def _blocks(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), joined where a paragraph was hard-wrapped.

    A line starting in lower case continues the one before. When the text separates
    its paragraphs with blank lines (a paste from a PDF or an e-mail), every single
    line break inside a paragraph is a wrap too."""
    blank_line_style = _separates_with_blank_lines(text)
    blocks: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if blocks and _is_single_newline_between(text, blocks[-1][1], start) and (
                blank_line_style or (stripped[0].islower()
                                     and not text[blocks[-1][0]:blocks[-1][1]].endswith((".", "!", "?")))):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _separates_with_blank_lines(text: str) -> bool:
    """Paragraphs are blank-line separated and some of them run over several lines."""
    chunks = [c for c in re.split(r"\n[ \t]*\r?\n", text.replace("\r\n", "\n")) if c.strip()]
    wrapped = sum(1 for c in chunks if "\n" in c.strip())
    return len(chunks) >= 3 and wrapped >= max(2, len(chunks) // 3)


def _is_single_newline_between(text: str, end: int, start: int) -> bool:
    return text[end:start].count("\n") == 1


def _is_heading(line: str, index: int, blocks) -> bool:
    words = line.split()
    return (index + 1 < len(blocks) and len(words) <= 12 and len(line) <= 90
            and not line.rstrip().endswith(SENTENCE_END) and line[:1].isupper())


def _furniture_indexes(text: str, blocks, patterns, byline_patterns=()) -> set[int]:
    """Blocks that are page furniture (bio, AI notice, comments…), never the title.

    Furniture sits around the body: a trailing run of lines after the last body
    paragraph, or a byline right under the title. A line in the middle of the
    body that happens to match a pattern stays body text.
    """
    marks = {i for i, (s, e) in enumerate(blocks) if i and any(p.search(text[s:e]) for p in patterns)}
    furniture: set[int] = set()
    last = len(blocks) - 1
    while last > 0 and last in marks and _is_short(text, blocks[last]):
        furniture.add(last)
        last -= 1
    for i in (1, 2):
        if i < len(blocks) and _is_short(text, blocks[i]) and \
                any(p.search(text[blocks[i][0]:blocks[i][1]]) for p in byline_patterns):
            furniture.add(i)
    return furniture


def _is_short(text: str, block) -> bool:
    return len(text[block[0]:block[1]]) <= 200


def _looks_like_html(raw: str) -> bool:
    head = raw[:4096].lower()
    return head.count("<p") + head.count("<div") + head.count("<body") >= 2


def _text_from_html(html: str) -> tuple[str, dict]:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                               include_tables=False, favor_precision=True)
    except Exception as error:  # a page its parsers choke on (e.g. htmldate's AssertionError) has no text we can find
        raise NoArticleText("no article text could be found in this HTML page") from error
    body = (getattr(document, "text", None) or "").strip() if document else ""
    if not body:
        raise NoArticleText("no article text could be found in this HTML page")
    title = (getattr(document, "title", None) or "").strip()
    meta = {"author": getattr(document, "author", None), "date": getattr(document, "date", None),
            "sitename": getattr(document, "sitename", None), "url": getattr(document, "url", None)}
    text = f"{title}\n{body}\n" if title and not body.startswith(title) else f"{body}\n"
    return text, meta


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language as L, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        L.FRENCH, L.ENGLISH, L.GERMAN, L.SPANISH, L.ITALIAN, L.PORTUGUESE, L.DUTCH).build()


SUPPORTED = {"FRENCH": "fr", "ENGLISH": "en"}


def detect_language(text: str) -> Language:
    sample = text[:5000]
    best = _detector().detect_language_of(sample)
    if best is None:
        raise UnsupportedLanguage("the article's language could not be recognised; French and English are supported")
    if best.name not in SUPPORTED:
        raise UnsupportedLanguage(
            f"the article seems to be in {best.name.capitalize()}; only French and English are supported")
    return SUPPORTED[best.name]  # type: ignore[return-value]
