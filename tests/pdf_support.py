"""Reading a PDF back as a person would see it: the text of each page (poppler's
`pdftotext`) and the page size (`pdfinfo`). Both come from Debian's poppler-utils,
which `.ci/run` installs; a missing tool fails the test, it does not skip it."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: install poppler-utils (bash .ci/run does it)"
    return found


def pdf_pages(pdf: bytes | Path) -> list[str]:
    """The text of every page, line by line as printed (`-layout`: a line of the page is
    a line of text, whatever columns the page has)."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    assert data.startswith(b"%PDF-"), "not a PDF"
    done = subprocess.run([_tool("pdftotext"), "-layout", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                          check=True, timeout=120)
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_size_points(pdf: bytes | Path) -> tuple[float, float]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    done = subprocess.run([_tool("pdfinfo"), "-"], input=data, capture_output=True, check=True, timeout=60)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", done.stdout.decode())
    assert match, done.stdout.decode()
    return float(match[1]), float(match[2])


# A compound word wrapped after its own hyphen ("d'elle-" / "même"): the line ends at the hyphen.
WRAPPED_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")


def flat(text: str) -> str:
    """Whitespace as a reader ignores it: line wraps (one inside a hyphenated word too),
    no-break spaces, runs of spaces."""
    return SPACES.sub(" ", WRAPPED_HYPHEN.sub("-", text)).strip()
