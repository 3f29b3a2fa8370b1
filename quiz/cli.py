"""The `mlquiz` command line.

Bad input (missing, empty, binary, not UTF-8, too large, unsupported language)
ends with one plain line on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations

import json
import sys

import click
from flask.cli import FlaskGroup

from question_bank.errors import ArticleError, RulePackError


class UserError(click.ClickException):
    exit_code = 2

    def show(self, file=None):
        click.echo(f"mlquiz: {self.message}", err=True)


class BrokenRules(click.ClickException):
    """A rule pack shipped with the tool is malformed: not the user's fault, still no traceback."""

    exit_code = 1

    def show(self, file=None):
        click.echo(f"mlquiz: the rule pack is broken, please report it: {self.message}", err=True)


def _load(article_path: str | None, sample: str | None):
    from question_bank.service import read_article, sample_path

    if article_path is None and sample is None:
        raise UserError("give an ARTICLE file, or --sample fr|en")
    try:
        return read_article(article_path or sample_path(sample))
    except ArticleError as error:
        raise UserError(str(error)) from None
    except RulePackError as error:
        raise BrokenRules(str(error)) from None


def _echo_json(data: dict) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _create_app():
    from quiz import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False, load_dotenv=False,
             context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Media-literacy quizzes from news articles, with answer keys that cite the article.

    `mlquiz run` serves the web app; `mlquiz db upgrade` creates or upgrades its database."""


ARTICLE = click.argument("article", required=False, type=click.Path(dir_okay=True))
SAMPLE = click.option("--sample", type=click.Choice(["fr", "en"]), help="Use a built-in sample article.")


@main.command()
@ARTICLE
@SAMPLE
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
def analyze(article: str | None, sample: str | None, as_json: bool) -> None:
    """What a critical reader should notice in ARTICLE (cues, sources, claims…)."""
    from question_bank.render_findings import render_findings_text
    from question_bank.service import analysis_json, findings_for

    loaded = _load(article, sample)
    try:
        findings = findings_for(loaded)
    except ArticleError as error:
        raise UserError(str(error)) from None
    except RulePackError as error:
        raise BrokenRules(str(error)) from None
    if as_json:
        _echo_json(analysis_json(findings))
    else:
        click.echo(render_findings_text(findings, loaded))


@main.command()
@ARTICLE
@SAMPLE
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same article and seed give the same quiz.")
def generate(article: str | None, sample: str | None, as_json: bool, seed: int) -> None:
    """Make a quiz from ARTICLE: questions, answer key and citations."""
    from question_bank.render_text import render_quiz_text
    from question_bank.service import quiz_for, quiz_json

    loaded = _load(article, sample)
    try:
        quiz = quiz_for(loaded, seed=seed)
    except ArticleError as error:
        raise UserError(str(error)) from None
    except RulePackError as error:
        raise BrokenRules(str(error)) from None
    if as_json:
        _echo_json(quiz_json(quiz))
    else:
        click.echo(render_quiz_text(quiz, loaded))


from .cli_worksheet import worksheet  # noqa: E402  (needs UserError above)

main.add_command(worksheet)


@main.command("run", context_settings={"ignore_unknown_options": True})
@click.option("--host", "-h", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", default=5000, show_default=True, type=int)
@click.option("--workers", "-w", default=0, show_default=True, type=click.IntRange(min=0),
              help="0: Flask's development server (one laptop). N ≥ 1: gunicorn with N worker processes; "
                   "they share nothing but the database, so any worker can serve any student.")
@click.option("--threads", "-t", default=4, show_default=True, type=click.IntRange(min=1),
              help="gunicorn: threads per worker. Above 1, a worker serves other students while one waits for "
                   "the database, and browsers keep their connection open between autosaves.")
@click.option("--keep-alive", default=5, show_default=True, type=click.IntRange(min=1),
              help="gunicorn: seconds an idle browser connection stays open (behind a reverse proxy, "
                   "longer than the proxy's own idle timeout toward the app).")
@click.option("--timeout", default=60, show_default=True, type=int, help="gunicorn: seconds before a stuck worker restarts.")
def run(host: str, port: int, workers: int, threads: int, keep_alive: int, timeout: int) -> None:
    """Serve the web app."""
    import os

    os.environ.setdefault("MLQUIZ_PRELOAD_MODELS", "1")   # every server process loads the models at start
    if workers == 0:
        import threading

        from flask.cli import run_command

        from . import warm_up

        threading.Thread(target=warm_up, name="mlquiz-warm-up", daemon=True).start()
        click.get_current_context().invoke(run_command, host=host, port=port, reload=False, debugger=False,
                                           with_threads=True)
        return
    import shutil

    gunicorn = shutil.which("gunicorn") or os.path.join(os.path.dirname(sys.executable), "gunicorn")
    # Each worker tells the master it is alive by touching a file, on every turn of its event
    # loop: on a disk-backed /tmp that costs a worker more CPU than some requests do (py-spy:
    # 6.6 % of a worker's samples during autosaves). gunicorn's documentation advises a tmpfs.
    heartbeat = ["--worker-tmp-dir", "/dev/shm"] if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else []
    # exec: gunicorn takes this process over, so signals (and SIGKILL) reach the real server.
    os.execv(gunicorn, [gunicorn, "--workers", str(workers), "--threads", str(threads), "--bind", f"{host}:{port}",
                        "--keep-alive", str(keep_alive), "--timeout", str(timeout), *heartbeat,
                        "--access-logfile", "-", "quiz:create_app()"])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
