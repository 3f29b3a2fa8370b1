"""Question kinds, registered by name (a registry, not an if/elif chain).

A kind is a function ``build(ctx: Context) -> list[Question]`` decorated with
``@register("name")``. It returns nothing when the findings do not support it, and
every question it makes cites the article. Its wording lives in
``templates/questions/<lang>/<name>.j2``. To add a kind: write a module here,
a template per language, and import the module below.
"""
from __future__ import annotations

from typing import Callable

from ..models import Question
from .context import Context

Builder = Callable[[Context], list[Question]]
KINDS: dict[str, Builder] = {}


def register(name: str) -> Callable[[Builder], Builder]:
    """Record `build` under `name`; registration order is the quiz order."""
    def decorator(build: Builder) -> Builder:
        if name in KINDS:
            raise ValueError(f"question kind {name!r} is registered twice")
        KINDS[name] = build
        return build
    return decorator


# Import order is the quiz order: the headline first, then reading the body
# (cue words, sources, claims), then what the page says about itself.
from . import headline, rumour_cue, source_kind, fact_or_speculation  # noqa: E402,F401
from . import claim_status, author, disclosure  # noqa: E402,F401

__all__ = ["KINDS", "Builder", "Context", "register"]
