"""Shared fixtures: run the real `mlquiz` CLI in a subprocess, and write article files.

The CLI runs exactly as a teacher runs it (the installed console script, real spaCy
models, real files), so these fixtures mock nothing.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The live class view is shared between polls for a moment (quiz/live_cache.py). The suite's
# clock moves only when a test moves it, so the sharing is off here, for every app and every
# server a test starts, except in the tests of the sharing itself (tests/test_live_cache.py).
os.environ.setdefault("MLQUIZ_LIVE_CACHE_SECONDS", "0")


def pytest_sessionstart(session):
    """The PostgreSQL run of the suite fails at once, never skips, if its server is missing."""
    from databases import POSTGRES_ENV, check_postgres, postgres_url

    if postgres_url() is not None:
        try:
            check_postgres()
        except Exception as error:  # any driver or network error: say it plainly and stop
            pytest.exit(f"{POSTGRES_ENV} is set but its server cannot be reached: {error}", returncode=1)
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class CliResult:
    """What one `mlquiz` run left behind. `stdout_bytes` is kept for byte-level comparisons."""

    args: tuple[str, ...]
    exit_code: int
    stdout_bytes: bytes
    stderr: str

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8")

    def json(self):
        return json.loads(self.stdout)


def _mlquiz_command() -> list[str]:
    """The console script next to this interpreter (the venv's), else `python -m quiz.cli`."""
    script = Path(sys.executable).parent / "mlquiz"
    if script.exists():
        return [str(script)]
    found = shutil.which("mlquiz")
    return [found] if found else [sys.executable, "-m", "quiz.cli"]


@pytest.fixture(scope="session")
def run_cli():
    """`run_cli("generate", path, "--json")` → CliResult; never raises on a non-zero exit."""
    command = _mlquiz_command()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def run(*args) -> CliResult:
        args = tuple(str(a) for a in args)
        done = subprocess.run([*command, *args], cwd=REPO, env=env, capture_output=True, timeout=300)
        return CliResult(args, done.returncode, done.stdout, done.stderr.decode("utf-8", errors="replace"))

    return run


@pytest.fixture
def write_article_text(tmp_path):
    """Write `text` as UTF-8 to tmp_path/name, newlines exactly as given; return the path."""

    def write(name: str, text: str, newline: str = "\n") -> Path:
        path = tmp_path / name
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
        return path

    return write


@pytest.fixture
def write_article_bytes(tmp_path):
    """Write raw bytes to tmp_path/name; return the path."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write
