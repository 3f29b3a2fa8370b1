"""author: what the page says about who wrote the piece (a name, or only an unnamed bio)."""
from __future__ import annotations

from ..models import Question
from . import register
from .context import Context

ANSWERS = ["named", "unnamed_bio", "nothing"]
QUOTE_CHARS = 300


@register("author", priority=12, labels={"fr": "Auteur", "en": "Author"},
           trains={"fr": "chercher qui a écrit le texte", "en": "looking for who wrote the piece"}, scope="article")
def build(ctx: Context) -> list[Question]:
    author = ctx.findings.author
    if author is None:
        return []
    right = "named" if author.named else "unnamed_bio"
    choices, answer = ctx.keyed_choices("choices", right, ANSWERS)
    return [ctx.question(prompt=ctx.render("prompt"), choices=choices, answer=answer,
                         explanation=ctx.render("explanation", named=author.named,
                                                name=author.name or "",
                                                quote=ctx.inline(author.text, QUOTE_CHARS)),
                         citations=[ctx.cite(author.start, author.end)], confidence=0.9)]
