"""A question's answer block: its choices and right answers, or its accepted answers."""
from __future__ import annotations

import re

from ...bank import problems as P
from .blocks import part_text
from .items import QuestionItem
from .syntax import TRIM, WEIGHT


def _split_answers(masked: str, shape: str) -> list[tuple[str, float | None, str, str | None]]:
    """`=a#fb ~%50%b` → [("=", None, "a", "fb"), ("~", 50.0, "b", None)], still masked."""
    pieces = []
    for piece in re.split(r"(?=[=~])", masked.strip(TRIM)):
        if not piece:
            continue
        mark, rest = piece[0], piece[1:].strip(TRIM)
        weight = None
        found = WEIGHT.match(rest)
        if found and not (mark == "=" and shape == "choices"):   # after `=`, Moodle's multiple choice reads no weight
            weight, rest = float(found.group(1)), rest[found.end():]
        text, hash_, feedback = rest.partition("#")
        pieces.append((mark, weight, text, feedback if hash_ else None))
    return pieces


def read_answers(item: QuestionItem, masked: str, fmt: str, line: int, problems: list[str]) -> None:
    """Fill the item's choices or accepted answers from its answer block (without general feedback)."""
    answers = masked.strip(TRIM)
    at = P.at_line(line)
    if not answers:
        problems.append(P.problem(P.ESSAY(), at))
        return
    if answers.startswith("#"):
        problems.append(P.problem(P.NUMERICAL(), at))
        return
    if "~" not in answers and "=" in answers and "->" in answers:
        problems.append(P.problem(P.MATCHING(), at))
        return
    head = answers.split("#", 1)[0].strip(TRIM)
    if "~" not in answers and head in ("T", "TRUE", "F", "FALSE"):
        item.shape = "true_false"
        parts = [part_text(p, fmt)[0] for p in answers.split("#", 2)[1:]]
        wrong, right = (parts + ["", ""])[:2]
        item.answer = [0] if head.startswith("T") else [1]
        if parts:
            item.choice_feedback = [right, wrong] if item.answer == [0] else [wrong, right]
        return
    if not answers.startswith(("=", "~")) and ("=" in answers or "~" in answers):
        problems.append(P.problem(P.TEXT_BEFORE_ANSWER(), at))
        return
    if not answers.startswith(("=", "~")):
        problems.append(P.problem(P.NO_RIGHT_ANSWER_WRITTEN(), at))
        return
    item.shape = "choices" if "~" in answers else "written"
    pieces = _split_answers(answers, item.shape)
    if item.shape == "written":
        # Per-answer feedback of a short answer has no place in a bank question: it is dropped.
        item.accepted = [part_text(text, fmt)[0] for _, weight, text, _ in pieces if weight is None or weight > 0]
        if not item.accepted:
            problems.append(P.problem(P.NO_ACCEPTED_ANSWER(), at))
        return
    for index, (mark, weight, text, feedback) in enumerate(pieces):
        choice = part_text(text, fmt)[0]
        if not choice:
            problems.append(P.problem(P.EMPTY_CHOICE(mark=mark), at))
        item.choices.append(choice)
        if mark == "=" or (weight or 0) > 0:
            item.answer.append(index)
    if any(feedback is not None for *_, feedback in pieces):
        item.choice_feedback = [part_text(f or "", fmt)[0] for *_, f in pieces]
    if not item.answer:
        problems.append(P.problem(P.NO_RIGHT_CHOICE(), at))
