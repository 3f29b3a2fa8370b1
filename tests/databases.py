"""The database every test app uses: a SQLite file in the test's tmp_path by default, or,
when MLQUIZ_TEST_POSTGRES_URL names a PostgreSQL server (`.ci/run` starts one for the
second run of the suite), a fresh schema of that server per app. A schema per test is
cheap to make and needs no cleanup: the cluster is thrown away after the run."""
from __future__ import annotations

import os
import uuid
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

POSTGRES_ENV = "MLQUIZ_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@lru_cache(maxsize=1)
def _admin_engine():
    from sqlalchemy import create_engine

    return create_engine(postgres_url(), isolation_level="AUTOCOMMIT", pool_pre_ping=True)


def check_postgres() -> None:
    """Called once per run: a PostgreSQL run that cannot reach its server fails at once."""
    from sqlalchemy import text

    with _admin_engine().connect() as connection:
        connection.execute(text("select 1"))


def database_url(tmp_path: Path, name: str = "mlquiz") -> str:
    if postgres_url() is None:
        return f"sqlite:///{tmp_path / f'{name}.sqlite'}"
    from sqlalchemy import text

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with _admin_engine().connect() as connection:
        connection.execute(text(f'create schema "{schema}"'))
    separator = "&" if "?" in postgres_url() else "?"
    return f"{postgres_url()}{separator}options={quote(f'-csearch_path={schema}')}"


def app_database(tmp_path: Path, name: str = "mlquiz") -> dict:
    """The app config entries for a test database. On PostgreSQL no connection is pooled:
    hundreds of test apps would otherwise each keep theirs open until the server refuses more."""
    config = {"SQLALCHEMY_DATABASE_URI": database_url(tmp_path, name)}
    if postgres_url() is not None:
        from sqlalchemy.pool import NullPool

        config["SQLALCHEMY_ENGINE_OPTIONS"] = {"poolclass": NullPool}
    return config
