"""What the web app stores. A published quiz keeps a frozen copy of its questions
(answer keys included) so later edits never change past results; students only
ever see a question's PUBLIC_FIELDS (quiz/student_view.py)."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


class Teacher(UserMixin, db.Model):
    __tablename__ = "teacher"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Part of the login cookie: logging out draws a new one, so a copied cookie stops working.
    session_token: Mapped[str] = mapped_column(String(32), default="", server_default="")

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"


class PublishedQuiz(db.Model):
    __tablename__ = "published_quiz"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("teacher.id"))
    title: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(5))
    article_text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(500), default="", server_default="")   # printed above the article
    passages: Mapped[list] = mapped_column(JSON)      # [{label, kind, start, end}]
    questions: Mapped[list] = mapped_column(JSON)     # frozen Question.model_dump() list, keys included
    time_limit_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    on_expiry: Mapped[str] = mapped_column(String(12), default="autosubmit")
    grace_seconds: Mapped[int] = mapped_column(Integer, default=0)
    # Students see the key after the quiz closes unless the teacher chose "after submitting":
    # otherwise a throwaway attempt submitted blank shows the key to a class still working.
    review_policy: Mapped[str] = mapped_column(String(16), default="after_close")
    # The generator's seed for this quiz, random at each preview and kept here, never shown to
    # students: with a fixed seed the open-source generator would rebuild the key from the page.
    seed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # "" (anyone types a name), "pick" (students choose theirs from the class list) or
    # "codes" (they also type the personal code the teacher printed for them).
    roster_mode: Mapped[str] = mapped_column(String(8), default="", server_default="")
    closes_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Out of the teacher's list of quizzes, kept with its results (None: in the list).
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    owner = relationship("Teacher")


class Attempt(db.Model):
    __tablename__ = "attempt"
    __table_args__ = (UniqueConstraint("quiz_id", "student_key", name="uq_attempt_student"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("published_quiz.id"), index=True)
    student_name: Mapped[str] = mapped_column(String(120))
    student_key: Mapped[str] = mapped_column(String(120))   # name, case- and space-folded: resume on any device
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why it ended: "student", "time" (ran out) or "closed" (the teacher closed the quiz); None
    # while open, and for attempts ended before it was recorded (their times tell).
    ended_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extra_multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    extra_seconds: Mapped[int] = mapped_column(Integer, default=0)
    unlimited: Mapped[bool] = mapped_column(Boolean, default=False)
    # The time limit when the student joined: a teacher who changes the quiz's limit later
    # changes it for those who join afterwards, never for an attempt under way. own_limit is
    # False for attempts started before this was recorded: they follow the quiz's limit.
    own_limit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    time_limit_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Shown to the student on the quiz page: with their name, it resumes the attempt on
    # another device (a taken name alone never does). Changed each time it is used.
    resume_code: Mapped[str] = mapped_column(String(12), default="", server_default="")
    # Until then, the next join with this name takes the attempt over (the teacher let them in again).
    rejoin_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # The random value of the join form that started it: the same form sent twice (a double
    # click) lands here instead of being told the name is taken.
    join_nonce: Mapped[str] = mapped_column(String(32), default="", server_default="")
    quiz = relationship("PublishedQuiz")
    answers = relationship("Answer", cascade="all, delete-orphan")


class Answer(db.Model):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id", name="uq_answer_question"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    choices: Mapped[list] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)      # written answers
    saved_at: Mapped[datetime] = mapped_column(DateTime)


class Accommodation(db.Model):
    """Extra time granted to a student by name, before or during their attempt."""

    __tablename__ = "accommodation"
    __table_args__ = (UniqueConstraint("quiz_id", "student_key", name="uq_accommodation_student"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("published_quiz.id"), index=True)
    student_key: Mapped[str] = mapped_column(String(120))
    multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    extra_seconds: Mapped[int] = mapped_column(Integer, default=0)
    unlimited: Mapped[bool] = mapped_column(Boolean, default=False)


class RosterEntry(db.Model):
    """One student of a quiz's class list, with the personal code printed for them."""

    __tablename__ = "roster_entry"
    __table_args__ = (UniqueConstraint("quiz_id", "student_key", name="uq_roster_student"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("published_quiz.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    student_key: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(12))


class RateEvent(db.Model):
    """One counted event (a new attempt, a wrong resume code) by key, in the database so that
    every worker counts the same ones; old rows are deleted as new ones come."""

    __tablename__ = "rate_event"
    # Counting a key's recent events reads this index alone: a school behind one address has
    # a thousand joins an hour under one key, and the key's index alone fetched every row.
    __table_args__ = (Index("ix_rate_event_key_at", "key", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class BankArticle(db.Model):
    """An article in a teacher's bank: the exact text and ¶ numbering its questions cite."""

    __tablename__ = "bank_article"
    __table_args__ = (UniqueConstraint("owner_id", "ref", name="uq_bank_article_ref"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("teacher.id"), index=True)
    ref: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(5))
    source: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    passages: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    owner = relationship("Teacher")


class BankQuestion(db.Model):
    """A question in a teacher's bank. Published quizzes copy it (see publishing), so an
    edit here never changes a quiz already given."""

    __tablename__ = "bank_question"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("teacher.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("bank_article.id"), index=True)
    ref: Mapped[str] = mapped_column(String(80), default="")     # generated id or file name, to avoid duplicates
    kind: Mapped[str] = mapped_column(String(40), index=True)
    language: Mapped[str] = mapped_column(String(5))
    prompt: Mapped[str] = mapped_column(Text)
    choices: Mapped[list] = mapped_column(JSON)
    answer: Mapped[list] = mapped_column(JSON)
    accepted: Mapped[list] = mapped_column(JSON)
    choice_feedback: Mapped[list] = mapped_column(JSON)
    explanation: Mapped[str] = mapped_column(Text, default="")
    citations: Mapped[list] = mapped_column(JSON)
    display: Mapped[dict] = mapped_column(JSON)
    difficulty: Mapped[str] = mapped_column(String(8), default="medium")
    origin: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(10), index=True, default="draft")
    shared: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    article = relationship("BankArticle")
    owner = relationship("Teacher")
    tags = relationship("BankTag", cascade="all, delete-orphan", order_by="BankTag.name")


class BankTag(db.Model):
    """One tag of one question: a table, not a JSON list, so filtering is plain SQL on any backend."""

    __tablename__ = "bank_tag"
    __table_args__ = (UniqueConstraint("question_id", "name", name="uq_bank_tag"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("bank_question.id"), index=True)
    name: Mapped[str] = mapped_column(String(60), index=True)


class LoginFailure(db.Model):
    """One failed teacher login, kept in the database so that every worker and host
    counts the same failures (no rate limit lives inside a process)."""

    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class HeavyJob(db.Model):
    """A heavy job (an article's analysis, a PDF) a teacher has running, in one of their slots.
    The primary key is what makes a slot one job's at a time, whichever worker takes it: a
    second insert into a held slot fails. `token` lets only its own job free the slot."""

    __tablename__ = "heavy_job"
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    token: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(DateTime)


class AnalysisCache(db.Model):
    """An article's findings, kept for a day: the preview, its updates and publishing analyse
    a text once, whichever worker serves each request. The key is a digest of the text, its
    language and the analysis version (rules and models), so a new version analyses again."""

    __tablename__ = "analysis_cache"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    findings: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
