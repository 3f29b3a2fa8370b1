"""From the items of a GIFT file to a bank's articles and questions (citations looked up in their article)."""
from __future__ import annotations

import re
from typing import Mapping

from pydantic import ValidationError

from ...article import article_from_text
from ...bank import library_errors as L
from ...bank import problems as P
from ...bank.build import NotAWordOfTheSentence, mark_word_display
from ...bank.items import MARK_WORD_KINDS, BankArticle, BankQuestion
from ...errors import ArticleError
from ...models import Citation
from ...quoting import find_quoted
from .items import ArticleItem, Category, QuestionItem
from .syntax import ARTICLE_TITLE, CATEGORY_ROOT

TF_CHOICES = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}
# A citation line of the general feedback, as `citation_line` writes it (or a teacher types it).
LABEL = r"¶\s?\d+|Titre|Headline|Intertitre \d+|Subheading \d+"
CITATION = re.compile(rf"^[ \t]*(?P<label>{LABEL})[ \u00a0]+[—–-][ \u00a0]+"
                      r"(?:«[ \u00a0\u202f]?(?P<fr>.+?)[ \u00a0\u202f]?»|“(?P<en>.+?)”)[ \t]*$", re.M | re.S)


def _category_leaf(name: str) -> tuple[str, bool]:
    """The last part of a category path (`//` is an escaped `/`) and whether it is one of ours:
    `mlquiz/<title>`, or `$course$/top/mlquiz/<title>` once Moodle has exported it again."""
    parts = [p.replace("//", "/") for p in re.split(r"(?<!/)/(?!/)", name)]
    return parts[-1].strip(), len(parts) > 1 and parts[-2].strip() == CATEGORY_ROOT


def _bank_article(item: ArticleItem, category: Category | None, problems: list[str]) -> BankArticle | None:
    try:
        article = article_from_text(item.text)
    except ArticleError as error:
        problems.append(P.problem(P.ARTICLE_UNREADABLE(reason=L.article_reason(error)), P.at_line(item.line)))
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
        problems.append(P.problem(_messages(error), P.at_line(item.line)))
        return None


def _citations(item: QuestionItem, article: BankArticle, problems: list[str],
               optional: bool = False) -> tuple[list[Citation], str]:
    """The citations written in the general feedback, found in the article, and the explanation left.
    `optional`: a question put into an article the teacher chose may cite nothing yet."""
    citations: list[Citation] = []
    explanation = item.feedback
    matches = list(CITATION.finditer(item.feedback))
    for match in matches:
        label = re.sub(r"¶\s", "¶", match.group("label"))
        quote = match.group("fr") if match.group("fr") is not None else match.group("en")
        line = item.feedback_rows[min(item.feedback.count("\n", 0, match.start()), len(item.feedback_rows) - 1)]
        if not quote.strip():             # `¶1 — «  »`: no citation can quote only spaces
            problems.append(P.problem(P.EMPTY_QUOTE(label=label), P.at_line(line)))
            continue
        passage = next((p for p in article.passages if p.label == label), None)
        found = find_quoted(article.text, quote, passage.start, passage.end) if passage else None
        if found is None:
            shown = f"« {quote[:60]} »" if article.language == "fr" else f"“{quote[:60]}”"
            what = P.QUOTE_NOT_IN_ARTICLE if passage else P.QUOTE_NO_SUCH_PASSAGE
            problems.append(P.problem(what(label=label, quote=shown), P.at_line(line)))
            continue
        start, end = found
        citations.append(Citation.model_validate({"passage": label, "start": start, "end": end,
                                                  "quote": article.text[start:end]}, context={"text": article.text}))
    for match in reversed(matches):       # the explanation is what is left, with the line breaks we added
        start, end = match.span()
        if start > 0 and explanation[start - 1] == "\n":
            start -= 1
        elif end < len(explanation) and explanation[end] == "\n":
            end += 1
        explanation = explanation[:start] + explanation[end:]
    if not matches and not optional:
        example = "¶3 — « passage »" if article.language == "fr" else "¶3 — “passage”"
        problems.append(P.problem(P.NO_CITATION_LINE(example=example), P.at_line(item.line)))
    return citations, explanation


KIND_OF_SHAPE = {"choices": "multiple_choice", "true_false": "true_false", "written": "short_answer"}


def _shape_problem(item: QuestionItem) -> P.Problem | None:
    want = {"true_false": "true_false", "short_answer": "written"}.get(item.kind or "", "choices")
    if item.kind is None or item.shape == want:
        return None
    blocks = {"true_false": "{T} or {F}", "written": "{=answer =other answer}", "choices": "{=right ~wrong}"}
    return P.problem(P.ANSWER_BLOCK_SHAPE(kind=item.kind, block=blocks[want]), P.at_line(item.line))


def _bank_question(item: QuestionItem, article: BankArticle, problems: list[str],
                   chosen: bool = False) -> BankQuestion | None:
    """`chosen`: the teacher chose its article (the file gave none), so it may cite nothing yet."""
    count = len(problems)
    if problem := _shape_problem(item):
        problems.append(problem)
    citations, explanation = _citations(item, article, problems, optional=chosen)
    kind = item.kind or KIND_OF_SHAPE[item.shape]
    choices = TF_CHOICES[article.language] if item.shape == "true_false" else item.choices
    display = {}
    if kind in MARK_WORD_KINDS and citations:
        try:
            display = mark_word_display(article.text, citations[0], choices)
        except NotAWordOfTheSentence as error:
            problems.append(P.problem(P.NOT_A_WORD_FIRST_CITATION(choice=error.choice), P.at_line(item.line)))
    if len(problems) > count:
        return None
    try:
        return BankQuestion(ref=item.ref, article=article.ref, kind=kind, language=article.language,
                            prompt=item.prompt, choices=list(choices), answer=item.answer, accepted=item.accepted,
                            choice_feedback=item.choice_feedback, explanation=explanation, citations=citations,
                            display=display, origin="imported", status="draft")
    except ValidationError as error:
        problems.append(P.problem(_messages(error), P.at_line(item.line)))
        return None


def _messages(error: ValidationError) -> P.Message:
    return L.invalid(error)


def articles_and_questions(items: list[Category | ArticleItem | QuestionItem | None],
                           known_articles: Mapping[str, BankArticle] | None,
                           problems: list[str], into: BankArticle | None = None) -> tuple[list[BankArticle], list[BankQuestion]]:
    """The bank's articles and questions from the file's items, in order; every problem is added to `problems`.
    A question with no article of ours (a plain Moodle file: no article item, Moodle's own categories)
    goes into `into`, the article the teacher chose, or the file is refused saying that it could."""
    articles: list[BankArticle] = []
    owner: dict[int, str] = {}            # question item → the ref of its article
    ours: dict[int, bool] = {}            # … and whether that ref comes from one of our items or categories
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
            leaf, our_category = _category_leaf(category.name) if category else ("", False)
            owner[index] = current or leaf
            ours[index] = current is not None or our_category
    by_ref = {**(known_articles or {}), **{a.ref: a for a in articles}}
    # A hand-written file names its article by title: one already in the bank will do.
    by_title = {" ".join(a.title.split()): a.ref for a in [*(known_articles or {}).values(), *articles]}
    questions: list[BankQuestion] = []
    without_article: list[QuestionItem] = []
    for index, ref in owner.items():
        item = items[index]
        article = by_ref.get(ref) or by_ref.get(by_title.get(" ".join(ref.split()), ""))
        if article is None and ref in unreadable:
            continue
        if article is None and ref and ours[index]:
            problems.append(P.problem(P.ARTICLE_NOT_FOUND(ref=repr(ref)), P.at_line(item.line)))
            continue
        if article is None and into is None:
            without_article.append(item)
            continue
        made = _bank_question(item, article or into, problems, chosen=article is None)
        if made is not None:
            questions.append(made)
    if without_article:
        problems.append(P.problem(P.NO_ARTICLE_IN_FILE(count=len(without_article))))
    return articles, questions
