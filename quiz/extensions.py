"""Flask extensions, created unbound and attached in create_app (no work at import time)."""
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from .csrf_check import KeptSignatureCSRF


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = KeptSignatureCSRF()
login_manager = LoginManager()
babel = Babel()


SQLITE_BUSY_MS = 30_000


@event.listens_for(Engine, "connect")
def _sqlite_waits_instead_of_failing(dbapi_connection, _record) -> None:
    """On SQLite, a request that finds the database locked by another writer waits up to
    30 s (busy_timeout; Python's default is 5 s, too short under a class's load) instead of
    failing with "database is locked", and WAL lets readers go on while one request writes.
    pysqlite opens a transaction only at the first write, so the wait applies there.
    Other databases are left alone."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
