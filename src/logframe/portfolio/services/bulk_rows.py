"""Rows of many projects written straight into their tables: ids reserved, COPY on PostgreSQL.

The bulk loader builds model instances the way ``project_import`` does, then writes them
here without the ORM's per-object work: primary keys are reserved up front (so children can
point to parents written in the same batch), the rows go in with PostgreSQL's ``COPY`` or
SQLite's ``executemany``, and each audited row gets its history row (``+``, who, why) in
the same way. Only for new rows: nothing here compares, updates or deletes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models

HISTORY_FIELDS = ("history_date", "history_change_reason", "history_type", "history_user_id")
PAGE_VERSION_TRIGGER = "pv_"  # ``pagecache.versions.PREFIX``
COUNTS_TRIGGER = "_fc_insert"  # ``portfolio.fund_counts.trigger_sql``, migrations 0008, 0010


class RowError(ValueError):
    """A row the database would refuse or truncate, named by its model and field."""


class IdPool:
    """Fresh primary keys, handed out before the rows are written, so a child row can name
    its parent in the same batch. PostgreSQL: taken from the table's sequence, a block at a
    time. SQLite: counted up from the highest id ever used (the load holds the only write
    transaction, so nobody else takes them)."""

    BLOCK = 10_000

    def __init__(self) -> None:
        self._postgres = connection.vendor == "postgresql"
        self._free: dict[tuple[str, str], list[int]] = {}
        self._next: dict[tuple[str, str], int] = {}

    def take(self, table: str, column: str = "id") -> int:
        key = (table, column)
        if not self._postgres:
            pk = self._next.get(key)
            if pk is None:
                pk = _sqlite_top(table, column) + 1
            self._next[key] = pk + 1
            return pk
        free = self._free.get(key)
        if not free:
            free = self._free[key] = _pg_block(table, column, self.BLOCK)
        return free.pop()


def _pg_block(table: str, column: str, count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return sorted((row[0] for row in cursor.fetchall()), reverse=True)


def _sqlite_top(table: str, column: str) -> int:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}")
        top = int(cursor.fetchone()[0])
        cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
        return max(top, int(cursor.fetchone()[0]))


class Ref:
    """A row written in this load, as the rows pointing to it need it: its id."""

    __slots__ = ("pk",)

    def __init__(self, pk: int) -> None:
        self.pk = pk


# fields whose Python value the database driver takes as it is (after the checks below):
# psycopg adapts Decimal and date itself; Django registers sqlite3 adapters for them
_PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DecimalField,
    models.DateField,
)


class Table:
    """How a model's rows are laid out in its table: the columns, the defaults of the
    fields not given, the conversions the ORM would make, and the checks ``full_clean``
    would make of lengths and digits (SQLite would store a too-long text silently)."""

    def __init__(self, model: type[models.Model]) -> None:
        db = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the thread-local proxy
        self.model = model
        self.table = model._meta.db_table
        self.fields = list(model._meta.concrete_fields)
        assert self.fields[0].primary_key, f"{model.__name__}: the id comes first"
        self.columns = [f.column for f in self.fields]
        self.rows: list[list[Any]] = []
        self._slots = [
            (
                f.name,
                f.is_relation,
                f.get_default(),
                None if f.is_relation or _plain(f) else _adapter(f, db),
                _checker(f),
            )
            for f in self.fields
            if not f.primary_key
        ]

    def add(self, pk: int, values: dict[str, Any]) -> Ref:
        """One row (fields by name, relations as rows or ``Ref``s); raises RowError."""
        row: list[Any] = [pk]
        for name, relation, default, adapt, check in self._slots:
            value = values.get(name, default)
            if relation:
                value = None if value is None else value.pk
            elif value is not None:
                if check is not None:
                    check(value, name)
                if adapt is not None:
                    value = adapt(value)
            row.append(value)
        self.rows.append(row)
        return Ref(pk)


def _plain(f: models.Field[Any, Any]) -> bool:
    return isinstance(f, _PLAIN) and not isinstance(f, models.DateTimeField)


def _adapter(f: models.Field[Any, Any], db: Any) -> Any:
    def adapt(value: Any) -> Any:
        return f.get_db_prep_save(value, db)

    return adapt


def _checker(f: models.Field[Any, Any]) -> Any:
    label = f.verbose_name
    if isinstance(f, models.CharField) and f.max_length:
        limit = f.max_length

        def check_length(value: Any, name: str) -> None:
            if len(value) > limit:
                raise RowError(f"{label}: at most {limit} characters, not {len(value)}")

        return check_length
    if isinstance(f, models.DecimalField):
        places, whole = f.decimal_places, f.max_digits - f.decimal_places

        def check_digits(value: Any, name: str) -> None:
            if not value.is_finite():
                raise RowError(f"{label}: {value} is not a number")
            exponent = int(value.as_tuple().exponent)
            if -exponent > places and value != round(value, places):
                raise RowError(f"{label}: {value} has more than {places} decimal places")
            if abs(value) >= 10**whole:
                raise RowError(f"{label}: {value} has more than {whole} digits before the point")

        return check_digits
    return None


def insert_table(
    table: Table, *, actor: Any, reason: str, now: datetime, history_ids: Sequence[int] = ()
) -> None:
    """Write the table's rows and, for an audited model, their history rows
    (with the ``history_ids`` given, when other rows must point to them)."""
    if not table.rows:
        return
    _write(table.table, table.columns, table.rows)
    history = getattr(table.model, "history", None)
    if history is None:
        return
    stamp = [connection.ops.adapt_datetimefield_value(now), reason, "+", getattr(actor, "pk", None)]
    columns = [*table.columns, *HISTORY_FIELDS]
    if history_ids:
        columns.append("history_id")
        audit = [row + stamp + [hid] for row, hid in zip(table.rows, history_ids, strict=True)]
    else:
        audit = [row + stamp for row in table.rows]
    _write(history.model._meta.db_table, columns, audit)


def write_table(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Rows already in database form, into ``table`` (for tables without a model class)."""
    _write(table, columns, rows)


def _write(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor: COPY is not in the DB-API
            with raw.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


@dataclass(frozen=True)
class RowTriggers:
    """SQLite's row triggers ON INSERT that a load of new rows leaves out, and their SQL.

    Two kinds run once for every row written: the findings' counts' (``*_fc_insert``,
    ``fund_counts.trigger_sql``: add 1 to the ``revision`` of the counts of the quarters a
    row belongs to) and the page versions' (``pv_*_i``, ``pagecache.versions``: add 1 to
    the row's ``project:<id>`` and ``fund:<id>``, or to ``global``). Together they were
    half of SQLite's share of a bulk load. ``left_out`` drops those of the given tables
    inside the load's transaction (SQLite's DDL is transactional: a load that fails
    brings them back with its rollback), ``restore`` creates them again from the very SQL
    they were stored with; the loader then does once what they would have done for every
    row (``bulk.versions_moved``). PostgreSQL's triggers run once per statement over all
    its rows, a few milliseconds a batch: they are left in place (``left_out`` gives none).
    """

    statements: tuple[tuple[str, str], ...] = ()  # (name, the SQL that created it)

    @classmethod
    def left_out(cls, tables: Collection[str]) -> RowTriggers:
        if connection.vendor != "sqlite" or not tables:
            return cls()
        marks = ", ".join(["%s"] * len(tables))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                f" AND tbl_name IN ({marks}) ORDER BY name",
                list(tables),
            )
            found = tuple((str(n), str(sql)) for n, sql in cursor.fetchall() if _left_out(n, sql))
            for name, _ in found:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
        return cls(found)

    def restore(self) -> None:
        with connection.cursor() as cursor:
            for _, sql in self.statements:
                cursor.execute(sql)

    @property
    def counts(self) -> bool:
        """Whether triggers of the findings' counts were left out."""
        return any(name.endswith(COUNTS_TRIGGER) for name, _ in self.statements)

    @property
    def page_versions(self) -> tuple[bool, bool]:
        """Whether page-version triggers were left out: of projects' rows, of global ones."""
        mine = [sql for name, sql in self.statements if name.startswith(PAGE_VERSION_TRIGGER)]
        return any("'project:'" in sql for sql in mine), any("'global'" in sql for sql in mine)


def _left_out(name: str, sql: str) -> bool:
    inserts = " AFTER INSERT ON " in " ".join(sql.upper().split())
    page_version = name.startswith(PAGE_VERSION_TRIGGER) and name.endswith("_i")
    return inserts and (page_version or name.endswith(COUNTS_TRIGGER))
