"""What a question must be to enter a bank. Problems are `problems.Problem`s naming the item,
so an import can list them all and refuse the file whole (and a page show them in its language)."""
from __future__ import annotations

from pydantic import ValidationError

from ..models import Citation
from . import library_errors as L
from . import problems as P
from .items import MARK_WORD_KINDS, TEACHER_KINDS, BankArticle, BankFile, BankQuestion


def known_kinds() -> tuple[str, ...]:
    from ..kinds import KINDS

    return TEACHER_KINDS + tuple(k for k in KINDS if k not in TEACHER_KINDS)


def question_problems(question: BankQuestion, article: BankArticle | None,
                      where: P.Message | None = None) -> list[P.Problem]:
    """Every reason `question` cannot enter a bank ([] when it can). `where` names it: question 3."""
    where = where or P.AT_THE_QUESTION()
    problems: list[P.Problem] = []

    def add(what: P.Message) -> None:
        problems.append(P.problem(what, where))

    if question.kind not in known_kinds():
        add(P.UNKNOWN_KIND(kind=repr(question.kind), known=", ".join(known_kinds())))
    if article is None:
        add(P.ARTICLE_MISSING(ref=repr(question.article)))
        return problems
    if question.language != article.language:
        add(P.LANGUAGE_MISMATCH(question=repr(question.language), article=repr(article.language)))
    labels = {p.label for p in article.passages}
    for citation in question.citations:
        try:
            Citation.model_validate(citation.model_dump(), context={"text": article.text})
        except ValidationError:
            add(P.CITATION_NOT_FOUND(passage=citation.passage, quote=citation.quote[:60]))
            continue
        if citation.passage not in labels:
            add(P.NO_SUCH_PASSAGE(passage=repr(citation.passage)))
    try:
        _as_quiz_question(question)
    except ValidationError as error:
        add(P.INVALID(detail=[message for _, message in L.validation_messages(error)]))
    if question.kind == "true_false" and len(question.choices) != 2:
        add(P.TF_TWO_CHOICES())
    if question.kind == "short_answer" and question.choices:
        add(P.SHORT_ANSWER_CHOICES())
    if question.kind in MARK_WORD_KINDS and not question.display.get("sentence"):
        add(P.MARK_WORD_NO_SENTENCE())
    if question.choice_feedback and len(question.choice_feedback) != len(question.choices):
        add(P.FEEDBACK_COUNT())
    return problems


# Stands in for the citation a draft is still waiting for, so that the rest of it is checked
# (a quiz question's own checks run only once every field, citations included, is valid).
_STAND_IN = Citation(passage="¶1", start=0, end=1, quote="·")


def _as_quiz_question(question: BankQuestion) -> None:
    if question.needs_citation:
        question = question.model_copy(update={"citations": [_STAND_IN]})
    question.as_question("check")


def ready_for_a_quiz(question: BankQuestion) -> list[P.Problem]:
    """What keeps a question that entered the bank out of a quiz (approval): a citation still to pick."""
    return [P.problem(P.NEEDS_CITATION())] if question.needs_citation else []


def check_bank(bank: BankFile, known_articles: dict[str, BankArticle] | None = None) -> list[P.Problem]:
    """Every problem of a whole file: its questions against its own articles, or against
    articles already in the bank (`known_articles`, by ref)."""
    articles = dict(known_articles or {})
    problems: list[P.Problem] = []
    for number, article in enumerate(bank.articles, 1):
        if article.ref in {a.ref for a in bank.articles[:number - 1]}:
            problems.append(P.problem(P.REF_TWICE(ref=repr(article.ref)), P.AT_ARTICLE(number=number)))
        articles[article.ref] = article
    for number, question in enumerate(bank.questions, 1):
        problems += question_problems(question, articles.get(question.article), P.at_question(number, question.ref))
    return problems
