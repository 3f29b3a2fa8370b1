"""`mlquiz bank import|export`: move a teacher's questions in and out as files."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from question_bank.bank.problems import NO_ARTICLE_IN_FILE
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


def _article(teacher: Teacher, wanted: str):
    """The teacher's article named by its number (as in its page's address), its ref or its exact title."""
    from .bank import articles_of

    wanted = wanted.strip()
    found = [a for a in articles_of(teacher)
             if wanted in (str(a.id), a.ref) or " ".join(a.title.split()) == " ".join(wanted.split())]
    if len(found) != 1:
        shown = "no article" if not found else f"{len(found)} articles"
        raise click.UsageError(f"{shown} of {teacher.email} is {wanted!r}: give its number or ref "
                               "(`mlquiz bank articles` lists them)")
    return found[0]


@bank_commands.command("articles")
@click.option("--owner", default=None, help="Email of the teacher whose articles are listed.")
def articles_command(owner: str | None) -> None:
    """List the teacher's articles (number, ref, language, title): what --into names."""
    from .bank import articles_of

    for article in articles_of(_teacher(owner)):
        click.echo(f"{article.id}\t{article.ref}\t{article.language}\t{article.title}")


@bank_commands.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--owner", default=None, help="Email of the teacher whose bank receives the questions.")
@click.option("--into", "into", default=None, metavar="ARTICLE",
              help="For a plain Moodle file (no article, no citation): the teacher's article its questions go "
                   "into, by number, ref or title. They arrive as drafts to cite before approving.")
def import_command(file: str, owner: str | None, into: str | None) -> None:
    """Import FILE (mlquiz YAML/JSON, GIFT, Moodle XML): all of it, or nothing with every problem listed.
    Questions of a type mlquiz cannot represent (essay, matching…) are left out and listed."""
    from .bank import BankRefused, import_file

    teacher = _teacher(owner)
    target = _article(teacher, into) if into is not None else None
    path = Path(file)
    if not path.is_file():
        raise click.UsageError(f"file not found: {file}")
    with path.open("rb") as handle:
        data = handle.read(MAX_IMPORT_BYTES + 1)
    try:
        imported = import_file(teacher, data, path.name, current_app.config["CLOCK"](), into=target)
    except BankRefused as refused:
        click.echo(f"mlquiz: nothing was imported from {path.name}:", err=True)
        for problem in refused.problems:
            click.echo(f"  - {problem}", err=True)
        if target is None and any(getattr(p, "kind", None) is NO_ARTICLE_IN_FILE for p in refused.problems):
            click.echo("  (import it into one of your articles: --into ARTICLE; `mlquiz bank articles` lists them)",
                       err=True)
        raise SystemExit(2) from None
    click.echo(f"imported {imported.questions} question(s) and {imported.articles} article(s) "
               f"into the bank of {teacher.email}")
    if imported.already:
        click.echo(f"{imported.already} question(s) of the file were already in the bank, word for word: not added again")
    if imported.needing_citation:
        click.echo(f"{imported.needing_citation} draft(s) need a citation: pick the passage each one cites "
                   "in its edit form (Question bank), then approve it")
    for problem in imported.skipped:
        click.echo(f"left out: {problem}")


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
