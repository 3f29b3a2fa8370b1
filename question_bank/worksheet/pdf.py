"""PDF with WeasyPrint: each version is laid out once, then its pages are repeated for
every copy of the class set (laying out 30 identical copies would cost 30 times as much,
and page numbers restart at 1 for each copy, as a student expects)."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .html import Sheet, document

# Nothing outside the document itself is fetched: no network, no local files.
_ALLOWED_PROTOCOLS = frozenset({"data"})


@dataclass(frozen=True)
class Printout:
    pdf: bytes
    key_pdf: bytes | None = None
    pages: int = 0


def layout(sheet: Sheet, body: Markup):
    """A laid-out WeasyPrint document (imported here: WeasyPrint is slow to import)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=_ALLOWED_PROTOCOLS, timeout=1)
    return HTML(string=document(sheet, body), url_fetcher=fetcher).render()


def blank_page(paper_size: str):
    """An empty page (no page number either) to pad a copy for two-sided printing."""
    from weasyprint import HTML

    return HTML(string=f"<style>@page {{ size: {paper_size}; margin: 0 }}</style><div></div>").render().pages[0]


def assemble(sheets: list, copies: int, key=None, blank=None) -> tuple[bytes, int]:
    """Copies dealt A, B, C, A, B… then the key's pages, as one PDF. With `blank`, a copy
    of an odd number of pages gets it at its end (two-sided printing)."""
    pages = []
    for n in range(copies):
        copy = list(sheets[n % len(sheets)].pages)
        pages += copy + ([blank] if blank is not None and len(copy) % 2 else [])
    if key is not None:
        pages += key.pages
    return sheets[0].copy(pages).write_pdf(), len(pages)
