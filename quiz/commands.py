"""App commands, reached as `mlquiz teacher …` and `mlquiz quiz …`."""
from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from werkzeug.security import generate_password_hash

from question_bank.errors import ArticleError

from .extensions import db
from .models import Teacher

teacher_commands = AppGroup("teacher", help="Teacher accounts.")
quiz_commands = AppGroup("quiz", help="Published quizzes.")
MIN_PASSWORD = 8


@teacher_commands.command("create")
@click.argument("email")
def create_teacher(email: str) -> None:
    """Create a teacher account; the password is read from standard input."""
    email = email.strip().lower()
    if "@" not in email:
        raise click.UsageError(f"not an email address: {email}")
    password = (sys.stdin.readline() if not sys.stdin.isatty() else click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)).rstrip("\n")
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(f"the password must have at least {MIN_PASSWORD} characters")
    if db.session.execute(db.select(Teacher).filter_by(email=email)).scalar_one_or_none():
        raise click.UsageError(f"a teacher with email {email} already exists")
    clock = current_app.config["CLOCK"]
    db.session.add(Teacher(email=email, password_hash=generate_password_hash(password), created_at=clock()))
    db.session.commit()
    click.echo(f"teacher {email} created")


@quiz_commands.command("create")
@click.argument("article", type=click.Path(exists=False))
@click.option("--owner", required=True, help="Email of the teacher who owns the quiz.")
@click.option("--time-limit", type=click.IntRange(min=1), default=None, help="Seconds; none by default.")
@click.option("--seed", type=int, default=None, help="The generator's seed; a random one by default, so that "
              "nobody can rebuild the key with `mlquiz generate`.")
@click.option("--review", type=click.Choice(["after_close", "after_submit"]), default="after_close", show_default=True,
              help="When students see the correct answers.")
def create_quiz(article: str, owner: str, time_limit: int | None, seed: int | None, review: str) -> None:
    """Generate and publish a quiz from ARTICLE; prints the join path."""
    from pathlib import Path

    from .publishing import preview, publish

    teacher = db.session.execute(db.select(Teacher).filter_by(email=owner.strip().lower())).scalar_one_or_none()
    if teacher is None:
        raise click.UsageError(f"no teacher with email {owner} (create one with `mlquiz teacher create`)")
    path = Path(article)
    if not path.is_file():
        raise click.UsageError(f"file not found: {article}")
    try:
        loaded, generated = preview(path.read_bytes(), seed=seed)
    except ArticleError as error:
        raise click.UsageError(str(error)) from None
    from .bank import store_article, store_generated

    now = current_app.config["CLOCK"]()
    source = loaded.describe_source() or path.name
    # As publishing from the web does: the article and its questions go to the teacher's bank,
    # every question published approved.
    stored = store_article(teacher, loaded, now, source=source)
    store_generated(teacher, stored, generated.questions, {q.id for q in generated.questions}, now)
    record = publish(teacher, loaded, generated, None, now, time_limit_seconds=time_limit,
                     review_policy=review, source=source)
    click.echo(f"/join/{record.code}")


DEMO_EMAIL = "demo-teacher@example.org"


@click.command("demo")
@with_appcontext
@click.option("--language", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
def demo(language: str) -> None:
    """Make the sample article ready to use: a demo teacher and a published sample quiz.

    Meant for one laptop (`make run`). The demo teacher's password is new at each run
    and printed once; it is refused in production."""
    import secrets

    from question_bank.service import SAMPLE_SOURCES, sample_path

    from .models import PublishedQuiz
    from .publishing import preview, publish

    if current_app.config.get("ENV_NAME") == "production":
        raise click.UsageError("the demo account is not available in production")
    clock = current_app.config["CLOCK"]
    password = secrets.token_urlsafe(9)
    teacher = db.session.execute(db.select(Teacher).filter_by(email=DEMO_EMAIL)).scalar_one_or_none()
    if teacher is None:
        teacher = Teacher(email=DEMO_EMAIL, password_hash="", created_at=clock())
        db.session.add(teacher)
    teacher.password_hash = generate_password_hash(password)
    db.session.commit()
    quiz = db.session.execute(db.select(PublishedQuiz).filter_by(owner_id=teacher.id, language=language)
                              .order_by(PublishedQuiz.id)).scalars().first()
    if quiz is None:
        from .bank import store_article, store_generated

        article, generated = preview(sample_path(language).read_bytes())
        # The sample is in the demo teacher's bank too, its questions approved, as after publishing.
        record = store_article(teacher, article, clock(), source=SAMPLE_SOURCES[language])
        store_generated(teacher, record, generated.questions, {q.id for q in generated.questions}, clock())
        quiz = publish(teacher, article, generated, None, clock(), time_limit_seconds=15 * 60,
                       source=SAMPLE_SOURCES[language])
    click.echo(f"Sample quiz ready: join code {quiz.code}  (students: http://127.0.0.1:5000/join/{quiz.code})")
    click.echo(f"Teacher login: http://127.0.0.1:5000/login  {DEMO_EMAIL} / {password}")


attempt_commands = AppGroup("attempts", help="Students' attempts.")


@attempt_commands.command("close-overdue")
def close_overdue() -> None:
    """Close every open attempt past its deadline, scored with what was saved (for cron).

    Attempts are also closed lazily whenever they are read; this makes results final
    even for a quiz nobody opens again."""
    from .attempts import close_if_overdue
    from .models import Attempt

    now = current_app.config["CLOCK"]()
    open_attempts = db.session.execute(db.select(Attempt).filter(Attempt.submitted_at.is_(None))).scalars().all()
    closed = 0
    for attempt in open_attempts:
        close_if_overdue(attempt, now)
        closed += attempt.submitted_at is not None
    click.echo(f"{closed} overdue attempt(s) closed, {len(open_attempts) - closed} still open")
