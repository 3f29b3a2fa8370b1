"""What a question must be to enter a bank. Problems are plain sentences naming the item,
so an import can list them all and refuse the file whole."""
from __future__ import annotations

from pydantic import ValidationError

from ..models import Citation
from .items import MARK_WORD_KINDS, TEACHER_KINDS, BankArticle, BankFile, BankQuestion


def known_kinds() -> tuple[str, ...]:
    from ..kinds import KINDS

    return TEACHER_KINDS + tuple(k for k in KINDS if k not in TEACHER_KINDS)


def question_problems(question: BankQuestion, article: BankArticle | None, where: str) -> list[str]:
    """Every reason `question` cannot enter a bank ([] when it can). `where` names it: "question 3"."""
    problems: list[str] = []
    if question.kind not in known_kinds():
        problems.append(f"{where}: unknown kind {question.kind!r} (known: {', '.join(known_kinds())})")
    if article is None:
        return problems + [f"{where}: its article {question.article!r} is not in the file or the bank"]
    if question.language != article.language:
        problems.append(f"{where}: the question is in {question.language!r} but its article in {article.language!r}")
    labels = {p.label for p in article.passages}
    for citation in question.citations:
        try:
            Citation.model_validate(citation.model_dump(), context={"text": article.text})
        except ValidationError:
            problems.append(f"{where}: the citation {citation.passage} « {citation.quote[:60]} » is not found in its article")
            continue
        if citation.passage not in labels:
            problems.append(f"{where}: the citation names passage {citation.passage!r}, which its article does not have")
    try:
        question.as_question("check")
    except ValidationError as error:
        problems.append(f"{where}: " + "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors()))
    if question.kind == "true_false" and len(question.choices) != 2:
        problems.append(f"{where}: a true/false question has exactly two choices")
    if question.kind == "short_answer" and question.choices:
        problems.append(f"{where}: a short-answer question has accepted answers, not choices")
    if question.kind in MARK_WORD_KINDS and not question.display.get("sentence"):
        problems.append(f"{where}: a mark-the-word question needs the sentence it is about")
    if question.choice_feedback and len(question.choice_feedback) != len(question.choices):
        problems.append(f"{where}: choice feedback must have one entry per choice")
    return problems


def check_bank(bank: BankFile, known_articles: dict[str, BankArticle] | None = None) -> list[str]:
    """Every problem of a whole file: its questions against its own articles, or against
    articles already in the bank (`known_articles`, by ref)."""
    articles = dict(known_articles or {})
    problems: list[str] = []
    for number, article in enumerate(bank.articles, 1):
        if article.ref in {a.ref for a in bank.articles[:number - 1]}:
            problems.append(f"article {number}: the ref {article.ref!r} is used twice")
        articles[article.ref] = article
    for number, question in enumerate(bank.questions, 1):
        where = f"question {number}" + (f" ({question.ref})" if question.ref else "")
        problems += question_problems(question, articles.get(question.article), where)
    return problems

