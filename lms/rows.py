"""Model instances from a row of hand-written SQL, for the hottest reads.

The ORM compiles a query on every request: for the few reads every participant
makes on every lesson view or xAPI post, that compile costs more than the query.
Those reads are written as constant SQL (compiled by nobody) and their rows turned
back into model instances here, as the ORM would: the same columns, the same
database converters (a JSON field decoded, a StreamField parsed), `Model.from_db`
(a saved instance, its unread fields deferred).
"""

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
