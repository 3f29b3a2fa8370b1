"""Import and export formats, registered by name (a registry, not an if/elif chain).

A format is a module that calls `register(Format(...))`:
  - `export(bank: BankFile) -> bytes`
  - `load(data: bytes, known_articles) -> BankFile` (None when the format is export-only),
    where `known_articles` (ref → BankArticle) are those already in the bank, for formats
    whose questions may cite an article the file does not carry (GIFT); it raises
    `ImportProblems` listing every problem it can name (line or item), never a bare
    exception, and it does not check citations against articles: `bank.checks` does.
To add a format: a module here and one import line below.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..bank.items import BankFile

# An export carries its articles (up to 1 MB each, twice in Moodle XML): room for a few.
MAX_IMPORT_BYTES = 10_000_000


class ImportProblems(ValueError):
    """A file that cannot be imported, with every problem found (each names its line or item)."""

    def __init__(self, problems: list[str]):
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


def load_any(data: bytes, filename: str = "", known_articles=None) -> tuple[Format, BankFile]:
    """Guess the format from the file name (then the content) and load it."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblems([f"the file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB"])
    importers = [f for f in FORMATS.values() if f.load is not None]
    by_suffix = [f for f in importers if filename.lower().endswith(f.suffixes)]
    if not by_suffix:
        raise ImportProblems([f"unknown file type {filename!r}: import "
                              + ", ".join(f"{f.label} ({', '.join(f.suffixes)})" for f in importers)])
    fmt = by_suffix[0]
    return fmt, fmt.load(data, known_articles)


from . import yaml_json, gift, moodle_xml, qti  # noqa: E402,F401  (each registers itself)
