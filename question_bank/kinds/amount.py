"""amount: a comprehension question, "which amount is missing from this sentence?"

The distractors are other amounts of the article and the same figure rescaled (×10,
÷10, millions ↔ billions) in the article's own style, so only careful reading answers it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..models import Amount, Question
from . import register
from ._text import cloze
from .context import Context

MAX_QUESTIONS = 2
DISTRACTORS = 3
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
_SPACES = " \u00a0\u202f"
_UNIT_SWAP = {"fr": {"milliard": "million", "million": "milliard"},
              "en": {"billion": "million", "million": "billion", "bn": "m", "m": "bn"}}
_UNIT = re.compile(r"(?<![^\W\d])(milliard|million|billion|bn|m)(s?)(?![^\W\d])")


@register("amount")
def build(ctx: Context) -> list[Question]:
    questions: list[Question] = []
    used: list[int] = []
    for amount in _by_prominence(ctx.findings.amounts):
        sentence = ctx.sentence_at(amount.start)
        if sentence is None or sentence.start in used or ctx.passage_kind(sentence) == "furniture":
            continue
        wrong = _distractors(ctx, amount)
        if len(wrong) < 2:
            continue
        used.append(sentence.start)
        gap = cloze(ctx.article.text[sentence.start:sentence.end],
                    amount.start - sentence.start, amount.end - sentence.start)
        questions.append(ctx.question(
            prompt=ctx.render("prompt", sentence=ctx.inline(gap)), choices=[amount.text] + wrong, answer=[0],
            explanation=ctx.render("explanation", amount=amount.text, passage=sentence.passage),
            citations=[ctx.cite(sentence.start, sentence.end)]))
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


def _by_prominence(amounts: list[Amount]) -> list[Amount]:
    """First mention of each figure, the most repeated figure first (it is the article's point)."""
    counts: dict[str, int] = {}
    first: dict[str, Amount] = {}
    for amount in amounts:
        counts[amount.key] = counts.get(amount.key, 0) + 1
        first.setdefault(amount.key, amount)
    return sorted(first.values(), key=lambda a: (-counts[a.key], a.start))


def _distractors(ctx: Context, amount: Amount) -> list[str]:
    """Up to three wrong amounts, distinct from the answer and from each other."""
    others = [a.text for a in ctx.findings.amounts if a.key != amount.key]
    pool: list[str] = []
    seen = [_figure(amount.text, ctx.language)]
    for text in others + rescaled(amount.text, ctx.language):
        figure = _figure(text, ctx.language)
        if figure not in seen:
            seen.append(figure)
            pool.append(text)
    return ctx.rng.sample(pool, min(DISTRACTORS, len(pool)))


def rescaled(text: str, language: str) -> list[str]:
    """The amount with its unit swapped, ×10, ÷10 (if at least 1) and ×100, written like the original."""
    variants = [_swap_unit(text, language)]
    match = _NUMBER.search(text)
    if match:
        value, group = _parse(match.group(), language)
        for factor in (Decimal(10), Decimal("0.1"), Decimal(100)):
            if value * factor >= 1:
                number = _format(value * factor, group, language)
                variants.append(_agree(text[:match.start()] + number + text[match.end():], value * factor, language))
    return [v for v in variants if v and v != text]


def _parse(number: str, language: str) -> tuple[Decimal, str | None]:
    """The value and the thousands separator the writer used: None if they wrote four or
    more digits without one ("4500"), "" if the number was too short to tell."""
    decimal_mark = "," if language == "fr" else "."
    separators = [ch for ch in number if not ch.isdigit() and ch != decimal_mark]
    digits = "".join(ch for ch in number if ch.isdigit() or ch == decimal_mark)
    integer_digits = len(digits.split(decimal_mark)[0])
    group = separators[0] if separators else (None if integer_digits >= 4 else "")
    return Decimal(digits.replace(decimal_mark, ".")), group


def _format(value: Decimal, group: str | None, language: str) -> str:
    if value == value.to_integral_value():
        if group is None:
            return str(int(value))
        return f"{int(value):,}".replace(",", group or ("\u00a0" if language == "fr" else ","))
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if language == "fr" else text


def _swap_unit(text: str, language: str) -> str:
    swaps = _UNIT_SWAP.get(language, {})
    match = _UNIT.search(text)
    if not match or match.group(1) not in swaps:
        return ""
    return text[:match.start(1)] + swaps[match.group(1)] + text[match.end(1):]


def _agree(text: str, value: Decimal, language: str) -> str:
    """French unit nouns take an s from 2 on: "1,5 milliard", "15 milliards"."""
    if language != "fr":
        return text
    plural = "s" if value >= 2 else ""
    return re.sub(r"\b(milliard|million)s?\b", lambda m: m.group(1) + plural, text)


def _figure(text: str, language: str) -> tuple[str, str]:
    """What a reader compares: the number and its unit ("1,6 milliard" = "1,6 milliard d'euros")."""
    number, unit = _NUMBER.search(text), _UNIT.search(text)
    if number is None:
        return "".join(ch for ch in text.casefold() if ch not in _SPACES), ""
    return str(_parse(number.group(), language)[0].normalize()), unit.group(1) if unit else ""
