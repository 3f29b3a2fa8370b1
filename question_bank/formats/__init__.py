"""Import and export formats, registered by name (a registry, not an if/elif chain).

A format is a module that calls `register(Format(...))`:
  - `export(bank: BankFile) -> bytes`
  - `load(data: bytes, known_articles, into=None, skipped=None) -> BankFile` (None when the
    format is export-only), where `known_articles` (ref → BankArticle) are those already in
    the bank, for formats whose questions may cite an article the file does not carry (GIFT);
    `into` is the article the teacher chose for questions that have none (a plain Moodle
    file): they become drafts about it, citing nothing until the teacher picks a passage.
    It raises `ImportProblems` listing every problem it can name (line or item), never a
    bare exception; questions it cannot represent (an essay, a matching question…) are left
    out and added to `skipped`, each with its reason. It does not check citations against
    articles: `bank.checks` does. Problems are `bank.problems.Problem`s: data that a page
    renders in its own language, and English sentences as strings.
To add a format: a module here and one import line below.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..bank import problems as P
from ..bank.items import BankArticle, BankFile

# An export carries its articles (up to 1 MB each, twice in Moodle XML): room for a few.
MAX_IMPORT_BYTES = 10_000_000


class ImportProblems(ValueError):
    """A file that cannot be imported, with every problem found (each names its line or item)."""

    def __init__(self, problems: list[P.Problem]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Format:
    name: str                                   # as typed: --format gift
    label: str                                  # as shown: "GIFT (Moodle)"
    suffixes: tuple[str, ...]                   # (".gift", ".txt"): the first is written on export
    mimetype: str
    export: Callable[[BankFile], bytes]
    load: Callable[..., BankFile] | None = None


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    if fmt.name in FORMATS:
        raise ValueError(f"format {fmt.name!r} is registered twice")
    FORMATS[fmt.name] = fmt
    return fmt


def load_any(data: bytes, filename: str = "", known_articles=None, into: BankArticle | None = None,
             skipped: list[P.Problem] | None = None) -> tuple[Format, BankFile]:
    """Guess the format from the file name and load it (see the module's docstring for `into`, `skipped`)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblems([P.problem(P.FILE_TOO_LARGE(size=MAX_IMPORT_BYTES // 1_000_000))])
    importers = [f for f in FORMATS.values() if f.load is not None]
    by_suffix = [f for f in importers if filename.lower().endswith(f.suffixes)]
    if not by_suffix:
        formats = ", ".join(f"{f.label} ({', '.join(f.suffixes)})" for f in importers)
        raise ImportProblems([P.problem(P.UNKNOWN_FILE_TYPE(name=repr(filename), formats=formats))])
    fmt = by_suffix[0]
    return fmt, fmt.load(data, known_articles, into=into, skipped=skipped)


from . import yaml_json, gift, moodle_xml, qti  # noqa: E402,F401  (each registers itself)
