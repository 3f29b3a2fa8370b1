"""A bank as a GIFT file: categories, article items and questions (see the package docstring)."""
from __future__ import annotations

from ...bank.items import BankFile, BankQuestion
from ...models import Citation
from ...quoting import quote_passage
from .syntax import ARTICLE_TITLE, CATEGORY_ROOT, FORMAT_TAG, WEIGHT


def escape(text: str) -> str:
    """Text as GIFT writes it: special characters after a backslash, newlines as `\\n`."""
    return "".join("\\" + ch if ch in "\\~=#{}:" else "\\n" if ch == "\n" else ch for ch in text)


def _part(text: str) -> str:
    """A choice or feedback: a text that starts like a format tag gets an explicit one, or Moodle would eat it."""
    return ("[plain]" if FORMAT_TAG.match(text) else "") + escape(text)


def citation_line(citation: Citation, language: str) -> str:
    """`¶3 — « quote »`, the speaker's own marks inside nested (« … “ … ” … »), so the line
    reads as typography expects and its closing mark is the last one (the import finds the
    article's text again, whatever the marks: quoting.find_quoted)."""
    return f"{citation.passage} — {quote_passage(citation.quote, language)}"


def _general_feedback(question: BankQuestion) -> str:
    lines = [citation_line(c, question.language) for c in question.citations]
    return "\n".join(([question.explanation] if question.explanation else []) + lines)


def _weight(count: int) -> str:
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _answer_lines(question: BankQuestion) -> list[str]:
    feedback = question.choice_feedback
    if question.kind == "true_false":
        true_is_right = question.answer == [0]
        if not feedback:
            return ["T" if true_is_right else "F"]
        right, wrong = (feedback[0], feedback[1]) if true_is_right else (feedback[1], feedback[0])
        return [("T" if true_is_right else "F") + f"#{_part(wrong)}#{_part(right)}"]
    if not question.choices:
        # An accepted answer that looks like a weight (%50%…) gets an explicit full one.
        return ["=" + ("%100%" if WEIGHT.match(a) else "") + _part(a) for a in question.accepted]
    lines = []
    for index, choice in enumerate(question.choices):
        if index in question.answer:
            mark = "=" if len(question.answer) == 1 else f"~%{_weight(len(question.answer))}%"
        else:
            mark = "~%0%" if WEIGHT.match(choice) else "~"
        lines.append(mark + _part(choice) + (f"#{_part(feedback[index])}" if feedback else ""))
    return lines


def _question(question: BankQuestion) -> str:
    title = escape(question.kind + (f" {question.ref}" if question.ref else ""))
    body = "".join(f"\t{line}\n" for line in _answer_lines(question))
    return f"::{title}::[plain]{escape(question.prompt)}{{\n{body}\t####{_part(_general_feedback(question))}\n}}"


def category_line(name: str) -> str:
    """Moodle reads `\\` as a backslash here but leaves other escapes as garbage, so only the
    backslash is escaped; `/` separates categories, so a `/` in the name is doubled."""
    return f"$CATEGORY: {CATEGORY_ROOT}/" + " ".join(name.split()).replace("\\", "\\\\").replace("/", "//")


def export(bank: BankFile) -> bytes:
    blocks = ["// mlquiz export (GIFT: tags, difficulty and status are not part of this format)"]
    known = {article.ref for article in bank.articles}
    for article in bank.articles:
        blocks += [category_line(article.title), f"::{ARTICLE_TITLE} {escape(article.ref)}::[plain]{escape(article.text)}"]
        blocks += [_question(q) for q in bank.questions if q.article == article.ref]
    orphans: dict[str, list[BankQuestion]] = {}
    for question in bank.questions:
        if question.article not in known:
            orphans.setdefault(question.article, []).append(question)
    for ref, questions in orphans.items():
        blocks += [category_line(ref)] + [_question(q) for q in questions]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
