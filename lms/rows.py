"""Model instances from a row of hand-written SQL, for the hottest reads, and
that SQL run as a prepared statement (`fetch_one`).

The ORM compiles a query on every request: for the few reads every participant
makes on every lesson view or xAPI post, that compile costs more than the query.
Those reads are written as constant SQL (compiled by nobody) and their rows turned
back into model instances here, as the ORM would: the same columns, the same
database converters (a JSON field decoded, a StreamField parsed), `Model.from_db`
(a saved instance, its unread fields deferred).
"""

import time
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


class RowModel:
    """How one model's columns are selected under a table alias per table (a
    multi-table model, e.g. a Wagtail page type, spans its parents' tables) and
    turned back into an instance. `skip`: attnames left unread (deferred)."""

    def __init__(
        self,
        model: type[Model],
        aliases: dict[type[Model], str],
        skip: Sequence[str] = (),
    ):
        self.model = model
        fields: list[Any] = [
            f for f in model._meta.concrete_fields if f.attname not in skip
        ]
        self.attnames = [f.attname for f in fields]
        quote = connection.ops.quote_name
        # A field of a parent model (multi-table inheritance) is in its table.
        tables = [aliases[f.model._meta.concrete_model] for f in fields]
        self.columns = [
            f"{table}.{quote(f.column)}"
            for table, f in zip(tables, fields, strict=True)
        ]
        self._converters: list[tuple[int, list[Callable], Any]] = []
        for index, (table, field) in enumerate(zip(tables, fields, strict=True)):
            col = field.get_col(table)
            found = connection.ops.get_db_converters(col) + field.get_db_converters(
                connection
            )
            if found:
                self._converters.append((index, found, col))

    @property
    def select(self) -> str:
        return ", ".join(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    def instance(self, values: Sequence[Any]) -> Any:
        """The saved instance of these values (in `columns` order)."""
        values = list(values)
        for index, converters, col in self._converters:
            value = values[index]
            for convert in converters:
                value = convert(value, col, connection)
            values[index] = value
        return self.model.from_db(connection.alias, self.attnames, values)


ONLY_WHEN_ASKED = 2**31 - 1


def fetch_one(sql: str, params: Sequence[Any] | dict[str, Any]) -> tuple | None:
    """The first row of a constant query. On PostgreSQL (psycopg 3) the query is a
    prepared statement of the connection: PostgreSQL parses and plans it once per
    connection instead of on every request (for the route query of a lesson, most
    of its cost). Logged like any query (`connection.queries`, tests' query
    counts).

    Django binds parameters on the client and prepares nothing by default (to keep
    connection poolers working); this server-side cursor is used only here, for
    constant SQL, and a new connection (a reconnection) prepares them again. What
    that asks of a pooler and of a migration: docs/operations.md ("Scaling out").
    """
    if connection.vendor != "postgresql" or _PreparingCursor is None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()
    # As Django opens a cursor: a connection PostgreSQL closed since the last
    # request (CONN_HEALTH_CHECKS) is replaced first.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    if connection.connection.prepare_threshold is None:
        # Only what is asked for (prepare=True); the ORM's client-side cursors
        # never prepare anything.
        connection.connection.prepare_threshold = ONLY_WHEN_ASKED
    raw = _PreparingCursor(connection.connection)
    # Django's cursor wrapper (its execute wrappers apply); logged here, with
    # the parameters in place, as Django logs a query.
    started = time.monotonic()
    with connection.make_cursor(raw) as cursor:
        try:
            cursor.execute(sql, params)
            return cursor.fetchone()
        finally:
            if connection.queries_logged:
                connection.queries_log.append(
                    {
                        "sql": connection.ops.compose_sql(sql, params),  # type: ignore[attr-defined]
                        "time": f"{time.monotonic() - started:.3f}",
                    }
                )


try:
    from django.db.backends.postgresql.base import (  # type: ignore[attr-defined]
        ServerBindingCursor,
    )
except ImportError:  # psycopg 2, or no PostgreSQL driver
    _PreparingCursor: Any = None
else:

    class _PreparingCursor(ServerBindingCursor):  # type: ignore[no-redef]
        """Server-side binding, prepared at once (`prepare=True`)."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)
