"""Question wording: one cached Jinja2 environment over ``templates/questions/<lang>/``.

Every sentence a student reads comes from a template, so a teacher can change the
wording without touching Python. Each kind has one file, ``<lang>/<kind>.j2``, holding
macros (wording with blanks, e.g. ``prompt(claim)``) and ``{% set %}`` tables (fixed
labels, e.g. the choices). French typography (no-break spaces inside « » and before
? ! ; :) is applied here, so template authors type ordinary spaces.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
QUESTION_TEMPLATES = TEMPLATES_DIR / "questions"

NBSP = "\u00a0"  # before « : » and inside guillemets
NNBSP = "\u202f"  # narrow no-break space, before ? ! ;
_SPACES = f"[ {NBSP}{NNBSP}]*"
_OPEN_QUOTE = re.compile(f"«{_SPACES}")
_CLOSE_QUOTE = re.compile(f"{_SPACES}»")
# The character before the space must be a word end, not punctuation, so "?!" stays
# together; the mark must end a word, so URLs ("?x=1") and times ("12:30") are untouched.
_HIGH_MARKS = re.compile(f"(?<=[^\\s?!;:«]){_SPACES}([?!;]+)(?=$|[\\s»)\\]\"”’.,])")
_COLON = re.compile(f"(?<=[^\\s?!;:«]){_SPACES}:(?=$|\\s)")
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment: plain text (HTML escaping happens at display time)."""
    return Environment(loader=FileSystemLoader(str(QUESTION_TEMPLATES)), undefined=StrictUndefined,
                       autoescape=False, trim_blocks=True, lstrip_blocks=True)


def render(language: str, name: str, /, **values) -> str:
    """Call macro ``part`` of ``<language>/<template>.j2`` for ``name = "template.part"``."""
    macro = _member(language, name)
    if not callable(macro):
        raise TypeError(f"{language}/{name} is a table, not a macro: use labels()")
    return polish(str(macro(**values)), language)


def labels(language: str, name: str) -> dict[str, str]:
    """The ``{% set part = {...} %}`` table of ``<language>/<template>.j2``, polished."""
    table = _member(language, name)
    if not isinstance(table, dict):
        raise TypeError(f"{language}/{name} is not a table of labels")
    return {key: polish(str(value), language) for key, value in table.items()}


def polish(text: str, language: str) -> str:
    """One line, layout whitespace collapsed (macros may span lines), typography applied."""
    text = _LAYOUT_SPACE.sub(" ", text).strip()
    return french_typography(text) if language == "fr" else text


def french_typography(text: str) -> str:
    """No-break spaces inside « » and before ? ! ; : (existing spaces are replaced, not doubled)."""
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    text = _CLOSE_QUOTE.sub(NBSP + "»", text)
    text = _HIGH_MARKS.sub(lambda m: NNBSP + m.group(1), text)
    return _COLON.sub(NBSP + ":", text)


def _member(language: str, name: str):
    template, _, part = name.rpartition(".")
    module = environment().get_template(f"{language}/{template}.j2").module
    try:
        return getattr(module, part)
    except AttributeError:
        raise LookupError(f"template {language}/{template}.j2 defines no {part!r}") from None
