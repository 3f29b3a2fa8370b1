"""`mlquiz bank import|export`: move a teacher's questions in and out as files."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from question_bank.formats import FORMATS, MAX_IMPORT_BYTES

from .extensions import db
from .models import Teacher

bank_commands = AppGroup("bank", help="A teacher's question bank: import and export files.")


def _teacher(email: str | None) -> Teacher:
    """The teacher named, or the only one there is (one laptop, one teacher)."""
    if email:
        teacher = db.session.execute(db.select(Teacher).filter_by(email=email.strip().lower())).scalar_one_or_none()
        if teacher is None:
            raise click.UsageError(f"no teacher with email {email} (create one with `mlquiz teacher create`)")
        return teacher
    teachers = db.session.execute(db.select(Teacher).limit(2)).scalars().all()
    if len(teachers) != 1:
        raise click.UsageError("say whose bank it is with --owner EMAIL")
    return teachers[0]


@bank_commands.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--owner", default=None, help="Email of the teacher whose bank receives the questions.")
def import_command(file: str, owner: str | None) -> None:
    """Import FILE (mlquiz YAML/JSON, GIFT, Moodle XML): all of it, or nothing with every problem listed."""
    from .bank import BankRefused, import_file

    teacher = _teacher(owner)
    path = Path(file)
    if not path.is_file():
        raise click.UsageError(f"file not found: {file}")
    with path.open("rb") as handle:
        data = handle.read(MAX_IMPORT_BYTES + 1)
    try:
        articles, questions = import_file(teacher, data, path.name, current_app.config["CLOCK"]())
    except BankRefused as refused:
        click.echo(f"mlquiz: nothing was imported from {path.name}:", err=True)
        for problem in refused.problems:
            click.echo(f"  - {problem}", err=True)
        raise SystemExit(2) from None
    click.echo(f"imported {questions} question(s) and {articles} article(s) into the bank of {teacher.email}")


@bank_commands.command("export")
@click.option("--format", "format_name", required=True, type=click.Choice(sorted(FORMATS)), help="File format.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--tag", default="", help="Only the questions with this tag.")
@click.option("--owner", default=None, help="Email of the teacher whose bank is exported.")
@click.option("--include-retired", is_flag=True, help="Also the questions taken out of use (left out by default).")
def export_command(format_name: str, output: str, tag: str, owner: str | None, include_retired: bool) -> None:
    """Write the teacher's questions (and their articles) to OUTPUT."""
    from .bank import export_file
    from .files import write_atomically

    teacher = _teacher(owner)
    target = Path(output)
    if not target.parent.is_dir():
        raise click.UsageError(f"the folder {target.parent} does not exist")
    data = export_file(teacher, format_name, tag=tag, include_retired=include_retired)
    write_atomically(target, data)
    click.echo(f"wrote {target} ({FORMATS[format_name].label})")
