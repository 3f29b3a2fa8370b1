"""A teacher's question bank in the database: store articles and questions, approve,
share, copy, find, publish from, import and export. Views call these; the rules a
question must meet are `question_bank.bank.checks` (no Flask there)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from question_bank.article import Article
from question_bank.bank import checks, items
from question_bank.bank import problems as P
from question_bank.bank.build import article_of, bank_article, mark_word_display
from question_bank.formats import FORMATS, ImportProblems, load_any
from question_bank.models import Citation, Passage, Question, Quiz

from .extensions import db
from .models import BankArticle, BankQuestion, BankTag, PublishedQuiz, Teacher

STATUSES = ("draft", "approved", "retired")
MAX_TAGS = 12


class BankRefused(ValueError):
    """What cannot be saved, as messages a teacher can act on (each names the item or line):
    `Problem`s, shown in the page's language by quiz/import_messages.py."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# --- records ⇄ items ---------------------------------------------------------------------

def article_item(record: BankArticle) -> items.BankArticle:
    return items.BankArticle(ref=record.ref, title=record.title, language=record.language, source=record.source,
                             text=record.text, passages=[Passage.model_validate(p) for p in record.passages])


def question_item(record: BankQuestion) -> items.BankQuestion:
    return items.BankQuestion(
        ref=record.ref or f"q{record.id}", article=record.article.ref, kind=record.kind, language=record.language,
        prompt=record.prompt, choices=list(record.choices), answer=list(record.answer),
        accepted=list(record.accepted), choice_feedback=list(record.choice_feedback),
        explanation=record.explanation, citations=[Citation.model_validate(c) for c in record.citations],
        display=dict(record.display), tags=[t.name for t in record.tags], difficulty=record.difficulty,
        origin=record.origin, status=record.status)


def _write(record: BankQuestion, item: items.BankQuestion) -> None:
    record.kind, record.language, record.prompt = item.kind, item.language, item.prompt
    record.choices, record.answer, record.accepted = list(item.choices), list(item.answer), list(item.accepted)
    record.choice_feedback, record.explanation = list(item.choice_feedback), item.explanation
    record.citations = [c.model_dump() for c in item.citations]
    record.display, record.difficulty = dict(item.display), item.difficulty
    wanted = clean_tags(item.tags)
    record.tags[:] = [t for t in record.tags if t.name in wanted]
    record.tags.extend(BankTag(name=name) for name in wanted if name not in {t.name for t in record.tags})


def clean_tags(tags: list[str]) -> list[str]:
    """Lower-case, trimmed, without duplicates, in the order given."""
    seen: list[str] = []
    for tag in tags:
        name = " ".join(tag.split()).casefold()[:60]
        if name and name not in seen:
            seen.append(name)
    return seen[:MAX_TAGS]


# --- storing ---------------------------------------------------------------------------------

def store_article(owner: Teacher, article: Article | items.BankArticle, now: datetime, source: str = "") -> BankArticle:
    """The owner's copy of this article (the same text is stored once per teacher)."""
    item = article if isinstance(article, items.BankArticle) else bank_article(article, source=source)
    record = db.session.execute(db.select(BankArticle).filter_by(owner_id=owner.id, ref=item.ref)).scalar_one_or_none()
    if record is None:
        record = BankArticle(owner_id=owner.id, ref=item.ref, title=item.title[:500], language=item.language,
                             source=item.source[:500], text=item.text,
                             passages=[p.model_dump() for p in item.passages], created_at=now)
        db.session.add(record)
        db.session.flush()
    return record


def store_generated(owner: Teacher, article: BankArticle, questions: list[Question], approved: set[str],
                    now: datetime) -> list[BankQuestion]:
    """Generated questions enter the bank as drafts, or approved when the teacher kept them.
    A question already there (same generated id) is left as the teacher made it."""
    known = set(db.session.execute(db.select(BankQuestion.ref).filter_by(article_id=article.id)).scalars())
    stored = []
    for question in questions:
        if question.id in known:
            continue
        item = items.BankQuestion.from_question(question, article.ref, origin="generated",
                                                status="approved" if question.id in approved else "draft")
        stored.append(_insert(owner, article, item, now))
    return stored


def _insert(owner: Teacher, article: BankArticle, item: items.BankQuestion, now: datetime) -> BankQuestion:
    record = BankQuestion(owner_id=owner.id, article_id=article.id, article=article, ref=item.ref[:80],
                          origin=item.origin, status=item.status, shared=False, version=1,
                          created_at=now, updated_at=now)
    _write(record, item)
    db.session.add(record)
    return record


def problems_of(item: items.BankQuestion, article: BankArticle) -> list[P.Problem]:
    return checks.question_problems(item, article_item(article))


def needs_citation(record: BankQuestion) -> bool:
    """Imported from a plain Moodle file into this article: a draft until the teacher picks its passage."""
    return not record.citations


def save_question(owner: Teacher, article: BankArticle, item: items.BankQuestion, now: datetime,
                  record: BankQuestion | None = None) -> BankQuestion:
    """Add (record None) or edit a question; refused whole with the reasons if it is not valid.
    An edit makes a new version: quizzes already published keep their own copy."""
    problems = problems_of(item, article)
    if problems:
        raise BankRefused(problems)
    if record is None:
        record = _insert(owner, article, item, now)
    else:
        _write(record, item)
        # "Save and approve" on the edit form approves (the form passes the record's status otherwise).
        record.status = item.status
        record.version += 1
        record.updated_at = now
    db.session.commit()
    return record


def set_status(record: BankQuestion, status: str, now: datetime) -> None:
    if status not in STATUSES:
        raise ValueError(status)
    if status == "approved":
        item = question_item(record)
        problems = checks.ready_for_a_quiz(item) or problems_of(item, record.article)
        if problems:
            raise BankRefused(problems)
    record.status, record.updated_at = status, now
    db.session.commit()


def set_shared(record: BankQuestion, shared: bool, now: datetime) -> None:
    record.shared, record.updated_at = shared, now
    db.session.commit()


def copy_for(teacher: Teacher, record: BankQuestion, now: datetime) -> BankQuestion:
    """A teacher's own editable copy of a question shared with the school (a draft)."""
    article = store_article(teacher, article_item(record.article), now)
    item = question_item(record).model_copy(update={"status": "draft", "ref": f"copy-{record.id}"})
    copy = _insert(teacher, article, item, now)
    db.session.commit()
    return copy


# --- finding ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    article_id: int | None = None
    tag: str = ""
    kind: str = ""
    status: str = ""
    text: str = ""
    mine_only: bool = False


def visible(teacher: Teacher, filters: Filters = Filters()) -> list[BankQuestion]:
    """The teacher's questions, then those other teachers shared with the school."""
    query = db.select(BankQuestion).join(BankArticle, BankQuestion.article_id == BankArticle.id)
    if filters.mine_only:
        query = query.filter(BankQuestion.owner_id == teacher.id)
    else:
        query = query.filter((BankQuestion.owner_id == teacher.id) | BankQuestion.shared.is_(True))
    if filters.article_id:
        query = query.filter(BankQuestion.article_id == filters.article_id)
    if filters.kind:
        query = query.filter(BankQuestion.kind == filters.kind)
    if filters.status:
        query = query.filter(BankQuestion.status == filters.status)
    if filters.tag:
        query = query.filter(BankQuestion.tags.any(BankTag.name == filters.tag.casefold().strip()))
    if filters.text.strip():
        needle = f"%{filters.text.strip().casefold()}%"
        query = query.filter(db.func.lower(BankQuestion.prompt).like(needle)
                             | db.func.lower(BankQuestion.explanation).like(needle)
                             | db.func.lower(BankArticle.title).like(needle))
    query = query.order_by((BankQuestion.owner_id != teacher.id), BankArticle.title, BankQuestion.id)
    return list(db.session.execute(query).scalars())


def readable(teacher: Teacher, question_id: int) -> BankQuestion | None:
    record = db.session.get(BankQuestion, question_id)
    if record is None or (record.owner_id != teacher.id and not record.shared):
        return None
    return record


def editable(teacher: Teacher, question_id: int) -> BankQuestion | None:
    record = db.session.get(BankQuestion, question_id)
    return record if record is not None and record.owner_id == teacher.id else None


def owned_article(teacher: Teacher, article_id: int) -> BankArticle | None:
    record = db.session.get(BankArticle, article_id)
    return record if record is not None and record.owner_id == teacher.id else None


def articles_of(teacher: Teacher) -> list[BankArticle]:
    return list(db.session.execute(db.select(BankArticle).filter_by(owner_id=teacher.id)
                                   .order_by(BankArticle.created_at.desc(), BankArticle.id.desc())).scalars())


def tags_of(teacher: Teacher) -> list[str]:
    query = (db.select(BankTag.name).join(BankQuestion, BankTag.question_id == BankQuestion.id)
             .filter((BankQuestion.owner_id == teacher.id) | BankQuestion.shared.is_(True)).distinct()
             .order_by(BankTag.name))
    return list(db.session.execute(query).scalars())


# --- publishing ------------------------------------------------------------------------------

def draw(records: list[BankQuestion], count: int, rng: random.Random) -> list[BankQuestion]:
    """`count` of `records` at random (all of them if there are fewer), in bank order."""
    picked = rng.sample(records, min(count, len(records)))
    return sorted(picked, key=lambda r: r.id)


def quiz_questions(records: list[BankQuestion]) -> list[Question]:
    """Frozen copies for a published quiz; the id names the bank question and its version."""
    return [question_item(r).as_question(f"bank-{r.id}-v{r.version}") for r in records]


def publish_from_bank(owner: Teacher, article: BankArticle, records: list[BankQuestion], now: datetime,
                      **settings) -> PublishedQuiz:
    from .publishing import publish

    not_ready = [r for r in records if r.status != "approved" or r.article_id != article.id]
    if not records or not_ready:
        raise BankRefused(["only approved questions about this article go into a quiz"])
    quiz = Quiz(title=article.title, language=article.language, seed=0,  # type: ignore[arg-type]
                questions=quiz_questions(records))
    return publish(owner, article_of(article_item(article)), quiz, None, now, source=article.source, **settings)


# --- import and export -------------------------------------------------------------------------

@dataclass(frozen=True)
class Imported:
    articles: int                         # articles added (not those already in the bank)
    questions: int                        # questions added
    needing_citation: int                 # … of which drafts still to cite (a plain Moodle file)
    skipped: list[P.Problem]              # questions left out, each with its reason
    already: int = 0                      # questions of the file already in the bank, word for word


def import_file(owner: Teacher, data: bytes, filename: str, now: datetime,
                into: BankArticle | None = None) -> Imported:
    """All of the file or nothing, in one transaction, or BankRefused listing every problem
    (syntax, unknown kinds, citations not in their article…). Questions of a type we cannot
    represent are left out and listed in `Imported.skipped`. `into`: the teacher's article
    that questions without one go into (a plain Moodle file), as drafts citing nothing yet."""
    known = {a.ref: article_item(a) for a in articles_of(owner)}
    skipped: list[P.Problem] = []
    try:
        _fmt, loaded = load_any(data, filename, known, into=article_item(into) if into else None, skipped=skipped)
    except ImportProblems as error:
        raise BankRefused(error.problems) from None
    loaded = _with_word_pickers(loaded, known)
    problems = checks.check_bank(loaded, known_articles=known)
    if problems:
        raise BankRefused(problems)
    new_articles = [a for a in loaded.articles if a.ref not in known]
    try:
        records = {a.ref: store_article(owner, a, now) for a in loaded.articles}
        for ref in {q.article for q in loaded.questions} - set(records):
            records[ref] = db.session.execute(db.select(BankArticle).filter_by(owner_id=owner.id, ref=ref)).scalar_one()
        present = _questions_by_content(records.values())
        added = [q for q in loaded.questions if _content(q) not in present]
        for question in added:
            _insert(owner, records[question.article], question, now)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return Imported(len(new_articles), len(added), sum(q.needs_citation for q in added), skipped,
                    already=len(loaded.questions) - len(added))


def _content(item: items.BankQuestion) -> tuple:
    """What makes two questions the same for a student: an export imported again (a teacher
    who re-imports yesterday's file) adds nothing, where an edited copy is a new question."""
    return (item.article, item.kind, item.prompt, tuple(item.choices), tuple(item.answer), tuple(item.accepted),
            item.explanation, tuple((c.start, c.end) for c in item.citations))


def _questions_by_content(articles) -> set[tuple]:
    ids = [a.id for a in articles if a.id is not None]
    records = db.session.execute(db.select(BankQuestion).where(BankQuestion.article_id.in_(ids))).scalars() if ids else []
    return {_content(question_item(r)) for r in records}


def _with_word_pickers(loaded: items.BankFile, known: dict[str, items.BankArticle]) -> items.BankFile:
    """A "mark the word" question about an article already in the bank (not in the file):
    the file could not rebuild its word picker, so do it here from the bank's copy."""
    articles = {**known, **{a.ref: a for a in loaded.articles}}
    fixed = []
    for question in loaded.questions:
        article = articles.get(question.article)
        if question.kind in items.MARK_WORD_KINDS and not question.display and article is not None \
                and question.citations:
            try:
                display = mark_word_display(article.text, question.citations[0], question.choices)
                question = question.model_copy(update={"display": display})
            except ValueError:
                pass   # check_bank names the problem
        fixed.append(question)
    return loaded.model_copy(update={"questions": fixed})


def export_file(owner: Teacher, format_name: str, tag: str = "", article_id: int | None = None,
                include_retired: bool = False) -> bytes:
    """The teacher's own questions as a file; retired ones only when asked for (a retired
    question is one the teacher took out of use: it should not reappear in a Moodle course)."""
    records = [r for r in visible(owner, Filters(article_id=article_id, tag=tag, mine_only=True))
               if include_retired or r.status != "retired"]
    articles = {r.article.ref: article_item(r.article) for r in records}
    bank = items.BankFile(articles=list(articles.values()), questions=[question_item(r) for r in records])
    return FORMATS[format_name].export(bank)
