"""The app's commands as a teacher or admin runs them: db upgrade, teacher create, quiz create, demo."""
from pathlib import Path

import pytest

from quiz import create_app
from quiz.extensions import db
from quiz.models import PublishedQuiz, Teacher
from databases import app_database

SAMPLE = Path(__file__).resolve().parents[1] / "question_bank" / "samples" / "rumeur-rachat.fr.txt"


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test",
                      **app_database(tmp_path, "cmd")})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    return app


def test_db_upgrade_creates_the_tables(app):
    with app.app_context():
        assert db.session.execute(db.select(Teacher)).first() is None


def test_teacher_create_reads_the_password_from_stdin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["teacher", "create", "Prof@Example.org"], input="long-enough-password\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        teacher = db.session.execute(db.select(Teacher)).scalar_one()
        assert teacher.email == "prof@example.org"
        assert "long-enough-password" not in teacher.password_hash
    again = runner.invoke(args=["teacher", "create", "prof@example.org"], input="long-enough-password\n")
    assert again.exit_code != 0 and "already exists" in again.output


def test_teacher_create_refuses_a_short_password(app):
    result = app.test_cli_runner().invoke(args=["teacher", "create", "a@b.org"], input="short\n")
    assert result.exit_code != 0 and "at least" in result.output


def test_quiz_create_prints_the_join_path(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["teacher", "create", "prof@example.org"], input="long-enough-password\n")
    result = runner.invoke(args=["quiz", "create", str(SAMPLE), "--owner", "prof@example.org", "--time-limit", "600"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        quiz = db.session.execute(db.select(PublishedQuiz)).scalar_one()
        assert result.output.strip() == f"/join/{quiz.code}"
        assert quiz.time_limit_seconds == 600 and quiz.questions
        # Publishing fills the bank, from the command line as from the web (README).
        from quiz.models import BankArticle, BankQuestion
        assert db.session.execute(db.select(db.func.count(BankArticle.id))).scalar() == 1
        statuses = db.session.execute(db.select(BankQuestion.status)).scalars().all()
        assert len(statuses) == len(quiz.questions) and set(statuses) == {"approved"}


def test_quiz_create_with_an_unknown_owner_is_a_plain_error(app):
    result = app.test_cli_runner().invoke(args=["quiz", "create", str(SAMPLE), "--owner", "nobody@example.org"])
    assert result.exit_code != 0 and "no teacher" in result.output


def test_demo_is_idempotent_and_prints_a_fresh_password(app):
    runner = app.test_cli_runner()
    first, second = runner.invoke(args=["demo"]), runner.invoke(args=["demo"])
    assert first.exit_code == second.exit_code == 0, first.output
    code_line = [line for line in first.output.splitlines() if "join code" in line][0]
    assert code_line == [line for line in second.output.splitlines() if "join code" in line][0]
    with app.app_context():
        assert len(db.session.execute(db.select(PublishedQuiz)).all()) == 1


def test_close_overdue_closes_only_attempts_past_their_deadline(tmp_path):
    from datetime import datetime, timedelta

    from quiz import attempts, joining
    from quiz.publishing import preview, publish

    class Clock:
        now = datetime(2026, 3, 2, 9, 0)

        def __call__(self):
            return self.now

    clock = Clock()
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "CLOCK": clock,
                      **app_database(tmp_path, "overdue")})
    runner = app.test_cli_runner()
    runner.invoke(args=["db", "upgrade"])
    with app.app_context():
        teacher = Teacher(email="t@example.org", password_hash="x", created_at=clock())
        db.session.add(teacher)
        db.session.commit()
        article, generated = preview(SAMPLE.read_bytes())
        quiz = publish(teacher, article, generated, None, clock(), time_limit_seconds=300)
        late = joining.join(quiz, joining.JoinRequest("Alice"), clock())
        first = quiz.questions[0]
        attempts.save_answer(late, first["id"], [0], clock())
        clock.now += timedelta(minutes=4)
        joining.join(quiz, joining.JoinRequest("Bob"), clock())
        clock.now += timedelta(minutes=2)  # Alice is past 5 min, Bob is not
    result = runner.invoke(args=["attempts", "close-overdue"])
    assert result.exit_code == 0 and "1 overdue attempt(s) closed, 1 still open" in result.output
    with app.app_context():
        alice = db.session.execute(db.select(attempts.Attempt).filter_by(student_name="Alice")).scalar_one()
        assert alice.auto_submitted and alice.submitted_at == datetime(2026, 3, 2, 9, 5)
        assert alice.score == (1 if first["answer"] == [0] else 0)


def test_the_migrations_build_exactly_the_models_schema(app):
    """A model changed without a migration (or the reverse) would only show on a real
    database later: compare what `db upgrade` built with the models, as autogenerate would."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context():
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


# --- mlquiz bank import / export ---------------------------------------------------------------

def _bank_teacher(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["teacher", "create", "prof@example.org"], input="long-enough-password\n").exit_code == 0
    return runner


def test_bank_export_then_import_gives_the_same_questions(app, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bank_builders import sample_bank
    from question_bank.formats import FORMATS
    from quiz.bank import question_item
    from quiz.models import BankQuestion

    runner = _bank_teacher(app)
    source = tmp_path / "bank.yaml"
    bank = sample_bank()
    source.write_bytes(FORMATS["yaml"].export(bank))
    result = runner.invoke(args=["bank", "import", str(source), "--owner", "prof@example.org"])
    assert result.exit_code == 0, result.output
    assert f"imported {len(bank.questions)} question(s) and 1 article(s)" in result.output
    exported = tmp_path / "out.gift"
    result = runner.invoke(args=["bank", "export", "--format", "gift", "-o", str(exported), "--tag", "conditionnel"])
    assert result.exit_code == 0, result.output
    gift = exported.read_text(encoding="utf-8")
    tagged = [q for q in sample_bank().questions if "conditionnel" in q.tags]
    assert gift.count("::") >= 2 * len(tagged) and "valoriserait" in gift
    with app.app_context():
        stored = [question_item(r) for r in db.session.execute(db.select(BankQuestion).order_by(BankQuestion.id)).scalars()]
    assert [q.model_copy(update={"tags": sorted(q.tags)}) for q in stored] == \
           [q.model_copy(update={"tags": sorted(q.tags)}) for q in sample_bank().questions]


def test_bank_import_refuses_a_bad_file_whole_and_lists_its_problems(app, tmp_path):
    from quiz.models import BankArticle, BankQuestion

    runner = _bank_teacher(app)
    bad = tmp_path / "bad.gift"
    bad.write_text("::q1:: Une question sans fin {=oui ~non\n\n::q2:: Encore {=a ~b}\n", encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(bad)])
    assert result.exit_code == 2
    assert "nothing was imported from bad.gift" in result.output and "line" in result.output
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(BankQuestion.id))).scalar() == 0
        assert db.session.execute(db.select(db.func.count(BankArticle.id))).scalar() == 0
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"x" * 20_000_000)
    result = runner.invoke(args=["bank", "import", str(huge)])
    assert result.exit_code == 2 and "larger than" in result.output
