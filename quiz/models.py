"""What the web app stores. A published quiz keeps a frozen copy of its questions
(answer keys included) so later edits never change past results; students only
ever see `Question.public_view()`."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


class Teacher(UserMixin, db.Model):
    __tablename__ = "teacher"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)


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
    review_policy: Mapped[str] = mapped_column(String(16), default="after_submit")
    closes_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
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
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extra_multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    extra_seconds: Mapped[int] = mapped_column(Integer, default=0)
    unlimited: Mapped[bool] = mapped_column(Boolean, default=False)
    quiz = relationship("PublishedQuiz")
    answers = relationship("Answer", cascade="all, delete-orphan")


class Answer(db.Model):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id", name="uq_answer_question"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    choices: Mapped[list] = mapped_column(JSON)
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
