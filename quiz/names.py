"""Students' names: when two names are the same, and which names are refused.

A name is how a teacher recognises a student on the results, so it must read as what it
is: "Ｌéa", "Le\u0301a" and "léa" are the same name as "Léa" (NFKC folds full-width and
decomposed letters), and a name that hides characters or mixes look-alike alphabets
("Lеa" with a Cyrillic е) is refused rather than shown as if it were a classmate's.
Unicode Technical Standard #39 (security mechanisms) is where these checks come from:
invisible format characters, mixed scripts, stacked combining marks.
"""
from __future__ import annotations

import unicodedata

MAX_NAME = 80
# Alphabets whose letters are confused with each other (UTS #39's confusables are mostly
# between these): a name may use one of them, not two.
CONFUSABLE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "CHEROKEE", "COPTIC")
# Control, format (zero-width joiners, direction marks), private-use, surrogate, unassigned,
# line and paragraph separators: nothing a person's name needs, everything a disguise does.
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")
MAX_MARKS_PER_LETTER = 2


class BadName(ValueError):
    """Why a typed name is refused: one of "empty", "too_long", "invisible", "mixed_scripts"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def clean_name(raw: str) -> str:
    """The name as it is stored and shown: NFKC letters, single spaces. Raises BadName."""
    if any(unicodedata.category(ch) in INVISIBLE_CATEGORIES and not ch.isspace() for ch in raw):
        raise BadName("invisible")
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not name:
        raise BadName("empty")
    if len(name) > MAX_NAME:
        raise BadName("too_long")
    if _stacked_marks(name) or not any(ch.isalnum() for ch in name):
        raise BadName("invisible")
    if len(_scripts(name) & set(CONFUSABLE_SCRIPTS)) > 1:
        raise BadName("mixed_scripts")
    return name


def student_key(name: str) -> str:
    """What makes two names the same: case, spaces and letter forms do not count."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(folded.split())


def _scripts(name: str) -> set[str]:
    scripts = set()
    for ch in name:
        if ch.isalpha():
            scripts.add(unicodedata.name(ch, "UNKNOWN").split(" ")[0])
    return scripts


def _stacked_marks(name: str) -> bool:
    """More than two combining marks on one letter (after NFKC composed what it could)."""
    run = 0
    for ch in name:
        run = run + 1 if unicodedata.combining(ch) else 0
        if run > MAX_MARKS_PER_LETTER:
            return True
    return False
