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

Import refuses the whole file, with every problem and its line, rather than import part of it;
only questions of a type we cannot represent (essay, numerical, matching) and descriptions are
left out, each reported with its reason. A plain file (written by Moodle or by hand, with no
article item) is imported into an article the teacher chooses, as drafts citing nothing yet.
"""
from __future__ import annotations

from typing import Mapping

from ...bank.items import BankArticle, BankFile
from ...bank.problems import NO_QUESTIONS_GIFT, NOTHING_TO_IMPORT, Problem, problem
from .. import Format, ImportProblems, register
from ..yaml_json import decode_text, limited
from .blocks import ESCAPE_USE, ESCAPES, RESTORE, Block, read_blocks
from .build import CITATION, KIND_OF_SHAPE, LABEL, TF_CHOICES, articles_and_questions
from .items import ArticleItem, Category, QuestionItem
from .read import read_item
from .syntax import ARTICLE_TITLE, CATEGORY_ROOT, FORMAT_TAG, TRIM, WEIGHT
from .write import category_line, citation_line, escape, export

__all__ = ["ARTICLE_TITLE", "CATEGORY_ROOT", "TF_CHOICES", "TRIM", "FORMAT_TAG", "WEIGHT", "LABEL", "CITATION",
           "ESCAPES", "RESTORE", "ESCAPE_USE", "KIND_OF_SHAPE", "escape", "citation_line", "category_line", "export",
           "Block", "read_blocks", "Category", "ArticleItem", "QuestionItem", "read_item", "load", "GIFT"]


def load(data: bytes, known_articles: Mapping[str, BankArticle] | None = None, into: BankArticle | None = None,
         skipped: list[Problem] | None = None) -> BankFile:
    """The bank in a GIFT file, or ImportProblems listing every problem with its line.
    Questions may also be about `known_articles` (by ref, e.g. those already in the bank),
    named by their category (`$CATEGORY: mlquiz/<ref>`): their quotes are looked up there.
    Questions with no article go into `into` when the teacher chose one; questions GIFT can
    hold but we cannot represent (essay, numerical, matching, descriptions) go to `skipped`."""
    text = decode_text(data)
    problems: list[Problem] = []
    items = [read_item(block, problems) for block in read_blocks(text, problems)]
    articles, questions = articles_and_questions(items, known_articles, problems, into)
    if not items and not problems:
        problems.append(problem(NO_QUESTIONS_GIFT()))
    left_out = [p for p in problems if p.skips]
    problems = [p for p in problems if not p.skips]
    if not problems and not articles and not questions:   # every question left out: say why, all of them
        problems = [problem(NOTHING_TO_IMPORT()), *left_out]
    if problems:
        raise ImportProblems(limited(sorted(problems, key=lambda p: p.line)))
    if skipped is not None:
        skipped.extend(sorted(left_out, key=lambda p: p.line))
    return BankFile(articles=articles, questions=questions)


GIFT = register(Format(name="gift", label="GIFT (Moodle)", suffixes=(".gift", ".txt"), mimetype="text/plain",
                       export=export, load=load))
