"""GIFT, Moodle's text format for questions (https://docs.moodle.org/en/GIFT_format).

How a bank travels in GIFT:
  - each article gets a category, `$CATEGORY: mlquiz/<title>`, and is written as a GIFT
    description item `::mlquiz-article <ref>::[plain]<text>` so Moodle shows it with its
    questions. Every newline of a text is written as the `\\n` escape (as Moodle's own
    exporter does), so a text is one physical line and a blank line in an article cannot
    end the item; the text comes back byte for byte. Passages are not written: they are
    rebuilt from the text on import, the way an article is read (`article_from_text`).
  - each question is `::<kind> <ref>::[plain]<prompt>{…}`: the title keeps the kind; the
    answer block is multiple choice (`=right ~wrong`, `#feedback` per choice), true/false
    (`T`/`F`, `#feedback if wrong#feedback if right`) or short answer (`=a =b`).
  - the general feedback (`####`) holds the explanation, then one line per citation:
    `¶3 — « quote »` (French) or `¶3 — “quote”` (English). On import each quote is looked
    up in its passage of the article to rebuild the citation's offsets.
  - `~ = # { } :` and the backslash are escaped with a backslash everywhere but in the
    `$CATEGORY` line, where Moodle reads only `\\` (there a `/` is doubled, as Moodle's
    category paths require).

What does not survive GIFT: tags, difficulty, status and origin (imported questions are
`origin="imported"`, `status="draft"`), an article's `source`, the labels of true/false
choices (they come back as Vrai/Faux or True/False), per-answer feedback of short
answers, and spaces at the very start or end of a text (GIFT trims them). Questions come
back grouped by article. Moodle's readers trim escaped newlines at the ends of a text
too; ours keeps them, which is what keeps an article text exact.

Import refuses the whole file, with every problem and its line, rather than import part of it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Mapping

from pydantic import ValidationError

from ..article import article_from_text
from ..bank.build import mark_word_display
from ..bank.checks import known_kinds
from ..bank.items import MARK_WORD_KINDS, BankArticle, BankFile, BankQuestion
from ..errors import ArticleError
from ..models import Citation
from . import Format, ImportProblems, register
from .yaml_json import decode_text, limited

ARTICLE_TITLE = "mlquiz-article"
CATEGORY_ROOT = "mlquiz"
TF_CHOICES = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}
# PHP's trim(), which Moodle applies: Unicode spaces such as U+202F are text, not padding.
TRIM = " \t\n\r\0\x0b"
FORMAT_TAG = re.compile(r"\[(html|moodle|plain|markdown)\]")
WEIGHT = re.compile(r"%(-?\d+\.?\d*)%")     # what Moodle reads as a weight: %50%, %-33.3%, %5.%
LABEL = r"¶\s?\d+|Titre|Headline|Intertitre \d+|Subheading \d+"
CITATION = re.compile(rf"^[ \t]*(?P<label>{LABEL})[ \u00a0]+[—–-][ \u00a0]+"
                      r"(?:«[ \u00a0\u202f]?(?P<fr>.+?)[ \u00a0\u202f]?»|“(?P<en>.+?)”)[ \t]*$", re.M | re.S)

# While parsing, an escaped character becomes a Unicode noncharacter (never found in real
# text), so plain string searches see only the unescaped, meaningful `{ } = ~ # :`.
ESCAPES = {"\\": "\ufdd0", ":": "\ufdd1", "#": "\ufdd2", "=": "\ufdd3", "{": "\ufdd4", "}": "\ufdd5", "~": "\ufdd6",
           "n": "\ufdd7"}
RESTORE = str.maketrans({mark: ("\n" if char == "n" else char) for char, mark in ESCAPES.items()})
ESCAPE_USE = re.compile(r"\\(.?)", re.S)


# ---------------------------------------------------------------- export

def escape(text: str) -> str:
    """Text as GIFT writes it: special characters after a backslash, newlines as `\\n`."""
    return "".join("\\" + ch if ch in "\\~=#{}:" else "\\n" if ch == "\n" else ch for ch in text)


def _part(text: str) -> str:
    """A choice or feedback: a text that starts like a format tag gets an explicit one, or Moodle would eat it."""
    return ("[plain]" if FORMAT_TAG.match(text) else "") + escape(text)


def citation_line(citation: Citation, language: str) -> str:
    quote = f"« {citation.quote} »" if language == "fr" else f"“{citation.quote}”"
    return f"{citation.passage} — {quote}"


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


# ---------------------------------------------------------------- import: blocks of lines

@dataclass
class Block:
    """One question's lines (comments dropped), escapes replaced by their marks."""
    masked: str
    rows: list[int]                       # the file's line number of each row of `masked`

    @property
    def line(self) -> int:
        return self.rows[0]

    def line_at(self, position: int) -> int:
        return self.rows[self.masked.count("\n", 0, max(position, 0))]


def _mask(text: str, rows: list[int], problems: list[str]) -> str:
    def replace(match: re.Match) -> str:
        char = match.group(1)
        if char in ESCAPES:
            return ESCAPES[char]
        line = rows[text.count("\n", 0, match.start())]
        shown = "a backslash at the end of a line" if char in ("", "\n") else f"unknown escape \\{char}"
        problems.append(f"line {line}: {shown} (GIFT escapes only \\~ \\= \\# \\{{ \\}} \\: \\n and \\\\)")
        return match.group(0)
    return ESCAPE_USE.sub(replace, text)


def read_blocks(text: str, problems: list[str]) -> list[Block]:
    """Questions are separated by blank lines; `//` lines are comments (GIFT rules)."""
    blocks: list[Block] = []
    rows: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n") + [""], 1):
        line = line.removesuffix("\r")
        if any(mark in line for mark in ESCAPES.values()):
            problems.append(f"line {number}: a Unicode noncharacter (U+FDD0…U+FDEF) has no place in a GIFT file")
        if not line.strip(TRIM):
            if rows:
                numbers, lines = zip(*rows)
                joined = "\n".join(lines)
                blocks.append(Block(_mask(joined, list(numbers), problems), list(numbers)))
            rows = []
        elif not line.lstrip(TRIM).startswith("//"):
            rows.append((number, line))
    return blocks


# ---------------------------------------------------------------- import: items

@dataclass
class Category:
    line: int
    name: str


@dataclass
class ArticleItem:
    line: int
    ref: str
    text: str


@dataclass
class QuestionItem:
    line: int
    kind: str | None                      # from the title; None: judged by the answer block
    ref: str
    shape: str                            # "choices", "true_false" or "written"
    prompt: str
    choices: list[str] = field(default_factory=list)
    answer: list[int] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    choice_feedback: list[str] = field(default_factory=list)
    feedback: str = ""                    # the general feedback: explanation and citation lines
    feedback_rows: list[int] = field(default_factory=list)   # line of each row of `feedback`


def _html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip(TRIM)


def _text(masked: str, fmt: str) -> tuple[str, str, int | None]:
    """A part of a question as text, its format, and where it starts in `masked` (None when
    HTML was converted, so positions no longer line up). Trimmed like Moodle, except that an
    escaped newline is text and stays."""
    start = len(masked) - len(masked.lstrip(TRIM))
    body = masked.strip(TRIM)
    tag = FORMAT_TAG.match(body)
    if tag:
        fmt = tag.group(1)
        start += tag.end() + len(body[tag.end():]) - len(body[tag.end():].lstrip(TRIM))
        body = body[tag.end():].strip(TRIM)
    text = body.translate(RESTORE)
    return (_html_to_text(text), fmt, None) if fmt == "html" else (text, fmt, start)


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


def _read_answers(item: QuestionItem, masked: str, fmt: str, line: int, problems: list[str]) -> None:
    """Fill the item's choices or accepted answers from its answer block (without general feedback)."""
    answers = masked.strip(TRIM)
    if not answers:
        problems.append(f"line {line}: an empty answer block {{}} (a Moodle essay question) is not supported")
        return
    if answers.startswith("#"):
        problems.append(f"line {line}: numerical questions ({{#…}}) are not supported")
        return
    if "~" not in answers and "=" in answers and "->" in answers:
        problems.append(f"line {line}: matching questions (=item -> match) are not supported")
        return
    head = answers.split("#", 1)[0].strip(TRIM)
    if "~" not in answers and head in ("T", "TRUE", "F", "FALSE"):
        item.shape = "true_false"
        parts = [_text(p, fmt)[0] for p in answers.split("#", 2)[1:]]
        wrong, right = (parts + ["", ""])[:2]
        item.answer = [0] if head.startswith("T") else [1]
        if parts:
            item.choice_feedback = [right, wrong] if item.answer == [0] else [wrong, right]
        return
    if not answers.startswith(("=", "~")) and ("=" in answers or "~" in answers):
        problems.append(f"line {line}: text before the first answer (every answer starts with = or ~)")
        return
    if not answers.startswith(("=", "~")):
        problems.append(f"line {line}: the answer block has no =right answer (write {{=answer}} or {{=right ~wrong}})")
        return
    item.shape = "choices" if "~" in answers else "written"
    pieces = _split_answers(answers, item.shape)
    if item.shape == "written":
        # Per-answer feedback of a short answer has no place in a bank question: it is dropped.
        item.accepted = [_text(text, fmt)[0] for _, weight, text, _ in pieces if weight is None or weight > 0]
        if not item.accepted:
            problems.append(f"line {line}: no accepted answer (every answer has a zero weight)")
        return
    for index, (mark, weight, text, feedback) in enumerate(pieces):
        choice = _text(text, fmt)[0]
        if not choice:
            problems.append(f"line {line}: an empty choice ({mark} with no text)")
        item.choices.append(choice)
        if mark == "=" or (weight or 0) > 0:
            item.answer.append(index)
    if any(feedback is not None for *_, feedback in pieces):
        item.choice_feedback = [_text(f or "", fmt)[0] for *_, f in pieces]
    if not item.answer:
        problems.append(f"line {line}: the answer block has no =right answer (mark the right choice with =)")


def _title(block: Block, problems: list[str]) -> tuple[str | None, int]:
    masked = block.masked
    start = len(masked) - len(masked.lstrip(TRIM))
    if not masked.startswith("::", start):
        return None, start
    end = masked.find("::", start + 2)
    if end < 0:
        problems.append(f"line {block.line}: the title is not closed (write ::title:: before the question)")
        return None, start + 2
    return masked[start + 2:end].translate(RESTORE).strip(), end + 2


def _braces(block: Block, after: int, problems: list[str]) -> tuple[int, int] | None:
    """Where the one answer block opens and closes; (-1, -1) for none; None when malformed."""
    masked = block.masked
    opening, closing = masked.find("{", after), masked.find("}", after)
    if opening < 0 and closing < 0:
        return -1, -1
    if closing >= 0 and (opening < 0 or closing < opening):
        problems.append(f"line {block.line_at(closing)}: }} without an opening {{ (write \\}} for a brace in the text)")
        return None
    if closing < 0:
        problems.append(f"line {block.line_at(opening)}: the answer block opened here is never closed with }}")
        return None
    again = masked.find("{", opening + 1)
    if 0 <= again < closing:
        problems.append(f"line {block.line_at(again)}: {{ inside an answer block (write \\{{ for a brace in the text)")
        return None
    extra = min((p for p in (masked.find("{", closing + 1), masked.find("}", closing + 1)) if p >= 0), default=-1)
    if extra >= 0:
        problems.append(f"line {block.line_at(extra)}: a second answer block, or a brace not escaped (write \\{{ or \\}})")
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
        text = _text(block.masked[after:], "moodle")[0]
        if words[0] != ARTICLE_TITLE:
            problems.append(f"line {block.line}: text with no answer block (a Moodle description) is only read as an "
                            f"article, titled ::{ARTICLE_TITLE} <ref>::")
        elif not text:
            problems.append(f"line {block.line}: the article item has no text")
        else:
            ref = words[1].strip() if len(words) > 1 else BankArticle.ref_for(text)
            return ArticleItem(block.line, ref, text)
        return None
    if words[0] == ARTICLE_TITLE:
        problems.append(f"line {block.line}: an {ARTICLE_TITLE} item is the article's text: it has no answer block")
        return None
    before, inside, rest = block.masked[after:opening], block.masked[opening + 1:closing], block.masked[closing + 1:]
    # Moodle's "missing word" form: text after the answer block leaves a blank where the block was.
    prompt, fmt, _ = _text(before + ("_____" + rest if rest.strip(TRIM) else ""), "moodle")
    kind = words[0] if words[0] in known_kinds() else None
    ref = (words[1].strip() if len(words) > 1 else "") if kind else (title or "")
    item = QuestionItem(block.line, kind, ref, "", prompt)
    if not prompt:
        problems.append(f"line {block.line}: the question has no text")
    split = inside.rfind("####")
    answers, general = (inside[:split], inside[split + 4:]) if split >= 0 else (inside, "")
    _read_answers(item, answers, fmt, block.line_at(opening), problems)
    if not item.shape:                    # an answer block we cannot read: already a problem
        return None
    item.feedback, _, start = _text(general, fmt)
    if split < 0 or start is None:        # no feedback, or HTML turned into text: its first line will do
        item.feedback_rows = [block.line_at(opening + 1 + max(split, 0))] * (item.feedback.count("\n") + 1)
    else:                                 # marks and characters line up one for one with the text
        base = opening + 1 + split + 4 + start
        item.feedback_rows = [block.line_at(base)] + [block.line_at(base + i + 1)
                                                      for i, ch in enumerate(item.feedback) if ch == "\n"]
    return item


# ---------------------------------------------------------------- import: from items to a bank

def _category_leaf(name: str) -> tuple[str, bool]:
    """The last part of a category path (`//` is an escaped `/`) and whether it is one of ours:
    `mlquiz/<title>`, or `$course$/top/mlquiz/<title>` once Moodle has exported it again."""
    parts = [p.replace("//", "/") for p in re.split(r"(?<!/)/(?!/)", name)]
    return parts[-1].strip(), len(parts) > 1 and parts[-2].strip() == CATEGORY_ROOT


def _bank_article(item: ArticleItem, category: Category | None, problems: list[str]) -> BankArticle | None:
    try:
        article = article_from_text(item.text)
    except ArticleError as error:
        problems.append(f"line {item.line}: the article cannot be read: {error}")
        return None
    title = article.title
    if category is not None:
        leaf, ours = _category_leaf(category.name)
        if ours and " ".join(leaf.split()) != " ".join(title.split()):
            title = leaf                  # a title the teacher chose, kept in our category name
    try:
        return BankArticle(ref=item.ref, title=title, language=article.language, text=article.text,
                           passages=list(article.passages))
    except ValidationError as error:
        problems.append(f"line {item.line}: {_messages(error)}")
        return None


def _citations(item: QuestionItem, article: BankArticle, problems: list[str]) -> tuple[list[Citation], str]:
    """The citations written in the general feedback, found in the article, and the explanation left."""
    citations: list[Citation] = []
    explanation = item.feedback
    matches = list(CITATION.finditer(item.feedback))
    for match in matches:
        label = re.sub(r"¶\s", "¶", match.group("label"))
        quote = match.group("fr") if match.group("fr") is not None else match.group("en")
        line = item.feedback_rows[min(item.feedback.count("\n", 0, match.start()), len(item.feedback_rows) - 1)]
        passage = next((p for p in article.passages if p.label == label), None)
        start = article.text.find(quote, passage.start, passage.end) if passage else -1
        if start < 0:
            shown = f"« {quote[:60]} »" if article.language == "fr" else f"“{quote[:60]}”"
            problems.append(f"line {line}: the citation {label} {shown} is not in the article"
                            + ("" if passage else f" (it has no passage {label})"))
            continue
        citations.append(Citation.model_validate({"passage": label, "start": start, "end": start + len(quote),
                                                  "quote": quote}, context={"text": article.text}))
    for match in reversed(matches):       # the explanation is what is left, with the line breaks we added
        start, end = match.span()
        if start > 0 and explanation[start - 1] == "\n":
            start -= 1
        elif end < len(explanation) and explanation[end] == "\n":
            end += 1
        explanation = explanation[:start] + explanation[end:]
    if not matches:
        example = "¶3 — « passage »" if article.language == "fr" else "¶3 — “passage”"
        problems.append(f"line {item.line}: no citation (add a line such as {example} to the general feedback)")
    return citations, explanation


KIND_OF_SHAPE = {"choices": "multiple_choice", "true_false": "true_false", "written": "short_answer"}


def _shape_problem(item: QuestionItem) -> str | None:
    want = {"true_false": "true_false", "short_answer": "written"}.get(item.kind or "", "choices")
    if item.kind is None or item.shape == want:
        return None
    blocks = {"true_false": "{T} or {F}", "written": "{=answer =other answer}", "choices": "{=right ~wrong}"}
    return f"line {item.line}: a {item.kind} question needs an answer block like {blocks[want]}"


def _bank_question(item: QuestionItem, article: BankArticle, problems: list[str]) -> BankQuestion | None:
    count = len(problems)
    if problem := _shape_problem(item):
        problems.append(problem)
    citations, explanation = _citations(item, article, problems)
    kind = item.kind or KIND_OF_SHAPE[item.shape]
    choices = TF_CHOICES[article.language] if item.shape == "true_false" else item.choices
    display = {}
    if kind in MARK_WORD_KINDS and citations:
        try:
            display = mark_word_display(article.text, citations[0], choices)
        except ValueError as error:
            problems.append(f"line {item.line}: {error} (the first citation must be the sentence to mark a word in)")
    if len(problems) > count:
        return None
    try:
        return BankQuestion(ref=item.ref, article=article.ref, kind=kind, language=article.language,
                            prompt=item.prompt, choices=list(choices), answer=item.answer, accepted=item.accepted,
                            choice_feedback=item.choice_feedback, explanation=explanation, citations=citations,
                            display=display, origin="imported", status="draft")
    except ValidationError as error:
        problems.append(f"line {item.line}: {_messages(error)}")
        return None


def _messages(error: ValidationError) -> str:
    return "; ".join(".".join(map(str, e["loc"])) + ": " + e["msg"].removeprefix("Value error, ") for e in error.errors())


def _line_of(problem: str) -> int:
    found = re.match(r"line (\d+):", problem)
    return int(found.group(1)) if found else 0


def load(data: bytes, known_articles: Mapping[str, BankArticle] | None = None) -> BankFile:
    """The bank in a GIFT file, or ImportProblems listing every problem with its line.
    Questions may also be about `known_articles` (by ref, e.g. those already in the bank),
    named by their category (`$CATEGORY: mlquiz/<ref>`): their quotes are looked up there."""
    text = decode_text(data)
    problems: list[str] = []
    items = [read_item(block, problems) for block in read_blocks(text, problems)]
    articles: list[BankArticle] = []
    owner: dict[int, str] = {}            # question item → the ref of its article
    category: Category | None = None
    current: str | None = None
    unreadable: set[str] = set()
    for index, item in enumerate(items):
        if isinstance(item, Category):
            category, current = item, None
        elif isinstance(item, ArticleItem):
            made = _bank_article(item, category if current is None else None, problems)
            if made is not None:
                articles.append(made)
            else:
                unreadable.add(item.ref)  # already a problem: its questions need not say so again
            current = item.ref
        elif isinstance(item, QuestionItem):
            owner[index] = current or (_category_leaf(category.name)[0] if category else "")
    by_ref = {**(known_articles or {}), **{a.ref: a for a in articles}}
    # A hand-written file names its article by title: one already in the bank will do.
    by_title = {" ".join(a.title.split()): a.ref for a in [*(known_articles or {}).values(), *articles]}
    questions: list[BankQuestion] = []
    for index, ref in owner.items():
        item = items[index]
        article = by_ref.get(ref) or by_ref.get(by_title.get(" ".join(ref.split()), ""))
        if article is None and ref in unreadable:
            continue
        if article is None:
            problems.append(f"line {item.line}: " + (f"the article {ref!r} of this question is neither in the file nor in your bank"
                            if ref else f"this question has no article (put it after its ::{ARTICLE_TITLE} <ref>:: item)"))
            continue
        made = _bank_question(item, article, problems)
        if made is not None:
            questions.append(made)
    if not items and not problems:
        problems.append("the file has no questions (only blank lines and // comments)")
    if problems:
        raise ImportProblems(limited(sorted(problems, key=_line_of)))
    return BankFile(articles=articles, questions=questions)


GIFT = register(Format(name="gift", label="GIFT (Moodle)", suffixes=(".gift", ".txt"), mimetype="text/plain",
                       export=export, load=load))
