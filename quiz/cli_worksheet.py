"""`mlquiz worksheet`: a printable PDF (worksheet + answer key) straight from an article file."""
from __future__ import annotations

from pathlib import Path

import click
from pydantic import ValidationError

from question_bank.errors import ArticleError, RulePackError

from .files import write_atomically


@click.command("worksheet")
@click.argument("article", required=False, type=click.Path(dir_okay=True))
@click.option("--sample", type=click.Choice(["fr", "en"]), help="Use a built-in sample article.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The PDF to write.")
@click.option("--variants", type=int, default=1, show_default=True,
              help="Versions A, B, … with questions and choices in another order (1–26).")
@click.option("--copies", type=int, default=None,
              help="Class set: this many student copies in one PDF, versions dealt A, B, A, B… "
                   "[default: one per version]")
@click.option("--seed", type=int, default=0, show_default=True, help="Same article and seed give the same sheets.")
@click.option("--lang", "language", type=click.Choice(["fr", "en"]), default=None,
              help="The article's language, if detection gets it wrong. Questions and sheet follow it.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--key", "key", type=click.Choice(["end", "separate", "none"]), default="end", show_default=True,
              help="Answer key after the sheets, in its own file (OUTPUT-key.pdf), or not at all.")
@click.option("--duplex", is_flag=True, help="Two-sided printing: pad each copy to an even number of pages.")
@click.option("--source", default=None, help="Where the article comes from, printed above it "
                                             "[default: the page's site and date, or the file name].")
def worksheet(article, sample, output, variants, copies, seed, language, paper, key, duplex, source) -> None:
    """Print ARTICLE's quiz: a worksheet with numbered paragraphs, and an answer key citing them."""
    from question_bank.service import SAMPLE_SOURCES, quiz_for, read_article, sample_path
    from question_bank.worksheet import PrintOptions, worksheet_pdf

    from .cli import BrokenRules, UserError

    if article is None and sample is None:
        raise UserError("give an ARTICLE file, or --sample fr|en")
    target = Path(output)
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist")
    try:
        options = PrintOptions(paper=paper, variants=variants, copies=copies, key=key, seed=seed, duplex=duplex)
    except ValidationError as error:
        raise UserError(_first_message(error)) from None
    try:
        loaded = read_article(article or sample_path(sample), language=language)
        quiz = quiz_for(loaded, seed=seed)
    except ArticleError as error:
        raise UserError(str(error)) from None
    except RulePackError as error:
        raise BrokenRules(str(error)) from None
    if not quiz.questions:
        raise UserError("no questions could be made from this article; try a longer news article")
    if source is None:
        source = SAMPLE_SOURCES[loaded.language] if sample and not article else loaded.describe_source()
    printout = worksheet_pdf(loaded, quiz, options, source=source)
    write_atomically(target, printout.pdf)
    written = [f"{target} ({printout.pages} pages)"]
    if printout.key_pdf is not None:
        key_path = target.with_name(f"{target.stem}-key{target.suffix or '.pdf'}")
        write_atomically(key_path, printout.key_pdf)
        written.append(f"{key_path} (answer key)")
    click.echo("Wrote " + " and ".join(written))


def _first_message(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"--{field}: {message}" if field else message
