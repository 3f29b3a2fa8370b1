"""A Core statement compiled once for one database and run on the driver's own cursor.

SQLAlchemy's execution path (execution context, parameter processing per call, result
wrapping) cost an autosave more CPU than the database took to store the answer (cProfile:
three times the cursor's own execute). For the one statement every autosave runs, this keeps
SQLAlchemy's compilation and its own type processing of each parameter (the dialect's bind
processors: dates as SQLite stores them, JSON as each driver takes it) and leaves out the
rest. The caller owns the transaction: the statement runs on the connection's driver
connection, and the caller commits that connection (`commit`).
"""
from __future__ import annotations

from typing import Any, Callable


class DriverStatement:
    def __init__(self, statement, dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql: str = compiled.string
        # qmark/numeric drivers (SQLite) take a sequence in this order; pyformat ones (psycopg) a dict.
        self.order: tuple[str, ...] | None = tuple(compiled.positiontup) if compiled.positional else None
        self.processors: dict[str, Callable[[Any], Any]] = {}
        for name, bind in compiled.binds.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.processors[name] = processor

    def parameters(self, values: dict[str, Any]):
        processed = {name: (self.processors[name](value) if name in self.processors else value)
                     for name, value in values.items()}
        return processed if self.order is None else [processed[name] for name in self.order]

    def first(self, connection, values: dict[str, Any]):
        """The first row the statement returns, or None, run on connection's driver connection
        (a SQLAlchemy Connection's, checked out from its pool as usual). Where something
        watches the engine's statements (echo, a cursor event listener: a query log, a test
        counting statements, a hook on commit), SQLAlchemy runs the same SQL and commits it,
        so that they still see both."""
        parameters = self.parameters(values)
        if _watched(connection.engine):
            return connection.exec_driver_sql(self.sql, parameters if self.order is None else tuple(parameters)).first()
        cursor = connection.connection.driver_connection.cursor()
        try:
            cursor.execute(self.sql, parameters)
            return cursor.fetchone()
        finally:
            cursor.close()


def commit(connection) -> None:
    """Commit what DriverStatement ran: SQLAlchemy's transaction if it began one (a watched
    engine, or statements run before), else the driver's, which SQLAlchemy does not know of."""
    if connection.in_transaction():
        connection.commit()
    else:
        connection.connection.driver_connection.commit()


WATCHING_EVENTS = ("before_cursor_execute", "after_cursor_execute", "begin", "commit", "rollback")


def _watched(engine) -> bool:
    return bool(engine.echo) or any(getattr(engine.dispatch, name) for name in WATCHING_EVENTS)
