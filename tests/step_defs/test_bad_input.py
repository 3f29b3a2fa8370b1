"""bad_input.feature: unusable input ends with one plain line on stderr and exit code 2."""
from __future__ import annotations

import re

from pytest_bdd import given, parsers, scenarios, then, when

scenarios("bad_input.feature")

FRENCH = ("La piscine municipale va-t-elle fermer cet été ?\n"
          "Selon des sources proches de la mairie, la piscine aurait besoin de travaux urgents. "
          "Les élèves des écoles voisines s'inquiètent déjà pour leurs leçons de natation.\n")
GERMAN = ("Wird das Schwimmbad im Sommer schließen?\n"
          "Nach Angaben aus dem Rathaus braucht das städtische Schwimmbad dringend ein neues Dach. "
          "Die Schließung könnte mehrere Monate dauern, sagen die Schwimmvereine der Stadt.\n")
SPANISH = ("¿Cerrará la piscina municipal este verano?\n"
           "Según fuentes cercanas al ayuntamiento, la piscina necesitaría obras urgentes en el tejado. "
           "El cierre podría durar varios meses, lamentan los clubes de natación del barrio.\n")
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


DESCRIPTIONS = ("a file that does not exist", "an empty file", "a file with only blank lines",
                "a PNG image renamed to .txt", "a file of bytes with NULs", "French text saved as Latin-1",
                "a French article padded beyond 1 MB", "an article in German", "an article in Spanish",
                "a folder instead of a file")


def _inputs(tmp_path, write_text, write_bytes):
    """Each bad input a teacher might hand over, by the words the feature uses."""
    return {
        "a file that does not exist": lambda: tmp_path / "no-such-article.txt",
        "an empty file": lambda: write_bytes("empty.txt", b""),
        "a file with only blank lines": lambda: write_text("blank.txt", "\n   \n\t\n\n"),
        "a PNG image renamed to .txt": lambda: write_bytes("photo.txt", PNG_HEADER + bytes(range(256)) * 4),
        "a file of bytes with NULs": lambda: write_bytes("data.txt", FRENCH.encode("utf-8").replace(b" ", b"\x00")),
        "French text saved as Latin-1": lambda: write_bytes("latin1.txt", FRENCH.encode("latin-1")),
        "a French article padded beyond 1 MB": lambda: write_text("big.txt", FRENCH * (1_000_000 // len(FRENCH) + 2)),
        "an article in German": lambda: write_text("artikel.de.txt", GERMAN),
        "an article in Spanish": lambda: write_text("articulo.es.txt", SPANISH),
        "a folder instead of a file": lambda: (tmp_path / "a-folder").mkdir() or tmp_path / "a-folder",
    }


@given(parsers.re("(?P<description>" + "|".join(re.escape(d) for d in DESCRIPTIONS) + ")"),
       target_fixture="article_file")
def bad_input(description, tmp_path, write_article_text, write_article_bytes):
    return _inputs(tmp_path, write_article_text, write_article_bytes)[description]()


@when(parsers.parse("the teacher runs mlquiz {command} on that file"), target_fixture="cli_result")
def run_on_file(run_cli, command, article_file):
    return run_cli(command, article_file)


@then("nothing is printed on stdout")
def no_stdout(cli_result):
    assert cli_result.stdout == ""


@then("stderr is exactly one line")
def one_line(cli_result):
    assert cli_result.stderr.endswith("\n") and len(cli_result.stderr.splitlines()) == 1, cli_result.stderr


@then(parsers.parse('that line says "{words}"'))
@then(parsers.parse('that line also says "{words}"'))
def line_says(cli_result, words):
    assert words.lower() in cli_result.stderr.lower(), cli_result.stderr


@then("there is no traceback anywhere")
def no_traceback(cli_result):
    for stream in (cli_result.stdout, cli_result.stderr):
        assert "Traceback" not in stream and 'File "' not in stream
