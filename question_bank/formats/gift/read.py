"""One block of a GIFT file read as an item: a category, an article or a question."""
from __future__ import annotations

from ...bank import problems as P
from ...bank.checks import known_kinds
from ...bank.items import BankArticle
from .answers import read_answers
from .blocks import RESTORE, Block, part_text
from .items import ArticleItem, Category, QuestionItem
from .syntax import ARTICLE_TITLE, TRIM


def _title(block: Block, problems: list[str]) -> tuple[str | None, int]:
    masked = block.masked
    start = len(masked) - len(masked.lstrip(TRIM))
    if not masked.startswith("::", start):
        return None, start
    end = masked.find("::", start + 2)
    if end < 0:
        problems.append(P.problem(P.TITLE_NOT_CLOSED(), P.at_line(block.line)))
        return None, start + 2
    return masked[start + 2:end].translate(RESTORE).strip(), end + 2


def _braces(block: Block, after: int, problems: list[str]) -> tuple[int, int] | None:
    """Where the one answer block opens and closes; (-1, -1) for none; None when malformed."""
    masked = block.masked
    opening, closing = masked.find("{", after), masked.find("}", after)
    if opening < 0 and closing < 0:
        return -1, -1
    if closing >= 0 and (opening < 0 or closing < opening):
        problems.append(P.problem(P.LONE_CLOSING_BRACE(), P.at_line(block.line_at(closing))))
        return None
    if closing < 0:
        problems.append(P.problem(P.BLOCK_NOT_CLOSED(), P.at_line(block.line_at(opening))))
        return None
    again = masked.find("{", opening + 1)
    if 0 <= again < closing:
        problems.append(P.problem(P.BRACE_INSIDE_BLOCK(), P.at_line(block.line_at(again))))
        return None
    extra = min((p for p in (masked.find("{", closing + 1), masked.find("}", closing + 1)) if p >= 0), default=-1)
    if extra >= 0:
        problems.append(P.problem(P.SECOND_BLOCK(), P.at_line(block.line_at(extra))))
        return None
    return opening, closing


def read_item(block: Block, problems: list[str]) -> Category | ArticleItem | QuestionItem | None:
    masked = block.masked.strip(TRIM)
    if masked.startswith("$CATEGORY:"):
        return Category(block.line, masked[len("$CATEGORY:"):].translate(RESTORE).strip())
    title, after = _title(block, problems)
    braces = _braces(block, after, problems)
    if braces is None:
        return None
    opening, closing = braces
    words = (title or "").split(" ", 1)
    if opening < 0:
        text = part_text(block.masked[after:], "moodle")[0]
        if words[0] != ARTICLE_TITLE:
            problems.append(P.problem(P.GIFT_DESCRIPTION(title=ARTICLE_TITLE), P.at_line(block.line)))
        elif not text:
            problems.append(P.problem(P.ARTICLE_ITEM_EMPTY(), P.at_line(block.line)))
        else:
            ref = words[1].strip() if len(words) > 1 else BankArticle.ref_for(text)
            return ArticleItem(block.line, ref, text)
        return None
    if words[0] == ARTICLE_TITLE:
        problems.append(P.problem(P.ARTICLE_ITEM_ANSWERS(title=ARTICLE_TITLE), P.at_line(block.line)))
        return None
    before, inside, rest = block.masked[after:opening], block.masked[opening + 1:closing], block.masked[closing + 1:]
    # Moodle's "missing word" form: text after the answer block leaves a blank where the block was.
    prompt, fmt, _ = part_text(before + ("_____" + rest if rest.strip(TRIM) else ""), "moodle")
    kind = words[0] if words[0] in known_kinds() else None
    ref = (words[1].strip() if len(words) > 1 else "") if kind else (title or "")
    item = QuestionItem(block.line, kind, ref, "", prompt)
    if not prompt:
        problems.append(P.problem(P.NO_QUESTION_TEXT(), P.at_line(block.line)))
    split = inside.rfind("####")
    answers, general = (inside[:split], inside[split + 4:]) if split >= 0 else (inside, "")
    read_answers(item, answers, fmt, block.line_at(opening), problems)
    if not item.shape:                    # an answer block we cannot read: already a problem
        return None
    item.feedback, _, start = part_text(general, fmt)
    if split < 0 or start is None:        # no feedback, or HTML turned into text: its first line will do
        item.feedback_rows = [block.line_at(opening + 1 + max(split, 0))] * (item.feedback.count("\n") + 1)
    else:                                 # marks and characters line up one for one with the text
        base = opening + 1 + split + 4 + start
        item.feedback_rows = [block.line_at(base)] + [block.line_at(base + i + 1)
                                                      for i, ch in enumerate(item.feedback) if ch == "\n"]
    return item
