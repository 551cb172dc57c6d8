"""Data versions for the rendered-page cache, moved by the database itself on every write.

Every table of every model (the many-to-many tables included) gets triggers, except those
that never change what a page shows (``EXCLUDED``: sessions, tokens, the admin's log, the
history tables — always written with the row they record — and the findings' counts,
derived data written while a page is read). What a trigger moves depends on the table:

- a table whose rows belong to one project through foreign keys that cannot be null
  (``project_path``: a period's values, a result's indicators, a project's translations)
  adds 1 to ``project:<id>`` and ``fund:<its fund>`` of every project its written rows
  belong to;
- any other table (funds, organisations, users, memberships, places) adds 1 to
  ``global``, which every cached page depends on;
- an UPDATE that changes only columns no page shows (``UNSHOWN``: a user's ``last_login``,
  written at every log-in, and ``password``) moves nothing.

The counters are rows of ``pagecache.PageVersion``, upserted in the writer's own transaction,
so a reader sees a new version exactly when it can see the new data. Writes that no
Django code makes (raw SQL, another program) move them too.

The triggers are (re)installed after every ``migrate`` (``install_triggers`` on
``post_migrate``), so a table added or rebuilt by a later migration gets them without
anyone remembering; the trigger names carry a hash of their definition, so a changed
definition replaces the old one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db import connections, models

from logframe.pagecache.models import PageVersion

GLOBAL = "global"
EXCLUDED = frozenset(
    {
        "admin.logentry",
        "auth.permission",
        "authtoken.token",
        "contenttypes.contenttype",
        "sessions.session",
        "portfolio.findingcount",  # counts of findings, refreshed while the fund is read
        "pagecache.pageversion",
        "accounts.preference",  # a page's language and digits are in its key (the session's)
    }
)
UNSHOWN = {"auth.user": frozenset({"last_login", "password"})}
PREFIX = "pv_"


def tracked_models() -> list[type[models.Model]]:
    """Every concrete model with a table of its own, less the excluded and the histories."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in EXCLUDED:
            continue
        if hasattr(model, "instance_type"):  # django-simple-history's historical model
            continue
        found.append(model)
    return found


def project_path(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]] | None:
    """The foreign keys, none of them nullable, from ``model`` to ``portfolio.Project``
    (shortest first); ``[]`` for the project itself; None when there is no such path."""
    from logframe.portfolio.models import Project

    if model is Project:
        return []
    paths: list[tuple[Any, list[Any]]] = [(model, [])]
    for _ in range(4):
        longer: list[tuple[Any, list[Any]]] = []
        for current, path in paths:
            for field in current._meta.concrete_fields:
                if not field.is_relation or field.null or field.related_model is current:
                    continue
                target = field.related_model
                if target is Project:
                    return [*path, field]
                longer.append((target, [*path, field]))
        paths = longer
    return None


def _columns(model: type[models.Model]) -> list[str]:
    """The columns of the written rows a trigger needs."""
    path = project_path(model)
    if path is None:
        return []
    return ["id", "fund_id"] if not path else [path[0].column]


def _keys_sql(model: type[models.Model], rows: str) -> str:
    """SQL selecting the version keys that the written ``rows`` (a subquery with the
    columns of ``_columns``) move."""
    path = project_path(model)
    if path is None:
        return f"SELECT '{GLOBAL}' AS k FROM {rows} r"
    if not path:  # the projects themselves: their id and fund are in the rows
        return (
            f"SELECT 'project:' || r.id AS k FROM {rows} r"
            f" UNION SELECT 'fund:' || r.fund_id FROM {rows} r"
        )
    ids = f"SELECT r.{path[0].column} FROM {rows} r"
    for field in path[1:]:
        ids = f"SELECT {field.column} FROM {field.model._meta.db_table} WHERE id IN ({ids})"
    project = "portfolio_project"
    return (
        f"SELECT 'project:' || id AS k FROM {project} WHERE id IN ({ids})"
        f" UNION SELECT 'fund:' || fund_id FROM {project} WHERE id IN ({ids})"
    )


def _upsert(keys: str) -> str:
    """Add 1 to every version ``keys`` selects (distinct, in order: two writers take the
    rows' locks in the same order, so they wait for each other, never deadlock)."""
    table = PageVersion._meta.db_table
    return (
        f'INSERT INTO {table} ("key", version) SELECT DISTINCT k, 1 FROM ({keys}) s'
        f' WHERE true ORDER BY k ON CONFLICT ("key") DO UPDATE SET version = {table}.version + 1'
    )


def _shown(model: type[models.Model]) -> list[str]:
    """The columns of ``model`` an UPDATE must change to move a version; [] for all."""
    unshown = UNSHOWN.get(model._meta.label_lower, frozenset())
    if not unshown:
        return []
    return [f.column for f in model._meta.concrete_fields if f.column not in unshown]


def _changed(shown: list[str], new: str, old: str) -> str:
    """SQL true when a row's shown columns differ between ``new`` and ``old``."""
    return " OR ".join(f'{new}."{c}" IS DISTINCT FROM {old}."{c}"' for c in shown)


def _rows(vendor: str, event: str, columns: list[str], shown: list[str], pk: str) -> str:
    """The written rows as a subquery: the transition tables of a PostgreSQL statement
    trigger (for an UPDATE with ``shown`` columns, only the rows where one of them changed),
    the NEW and OLD row of an SQLite row trigger (whose WHEN does that filtering)."""
    if vendor == "postgresql" and event == "UPDATE" and shown:
        join = f'FROM new_rows n JOIN old_rows o ON n."{pk}" = o."{pk}"'
        changed = f"{join} WHERE {_changed(shown, 'n', 'o')}"
        new = "SELECT " + (", ".join(f"n.{c}" for c in columns) or "1 AS one") + " " + changed
        old = "SELECT " + (", ".join(f"o.{c}" for c in columns) or "1 AS one") + " " + changed
    elif vendor == "postgresql":
        cols = ", ".join(columns) or "1 AS one"
        new, old = f"SELECT {cols} FROM new_rows", f"SELECT {cols} FROM old_rows"
    else:
        new = "SELECT " + (", ".join(f"NEW.{c} AS {c}" for c in columns) or "1 AS one")
        old = "SELECT " + (", ".join(f"OLD.{c} AS {c}" for c in columns) or "1 AS one")
    return {"INSERT": f"({new})", "UPDATE": f"({new} UNION ALL {old})", "DELETE": f"({old})"}[event]


TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _statements(model: type[models.Model], vendor: str) -> list[tuple[str, list[str]]]:
    """(trigger name, the SQL creating it) of the model's triggers on ``vendor``; each
    name ends in a hash of its definition."""
    table = model._meta.db_table
    shown, pk = _shown(model), model._meta.pk.column if model._meta.pk else "id"
    made = []
    for event in ("INSERT", "UPDATE", "DELETE"):
        rows = _rows(vendor, event, _columns(model), shown, pk)
        body = _upsert(_keys_sql(model, rows))
        when = ""
        if vendor == "sqlite" and event == "UPDATE" and shown:
            when = f" WHEN {_changed(shown, 'NEW', 'OLD').replace('IS DISTINCT FROM', 'IS NOT')}"
        name = _name(table, event, body + when)
        if vendor == "postgresql":
            sql = [
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql"
                f" AS $$ BEGIN {body}; RETURN NULL; END $$",
                f"CREATE TRIGGER {name} AFTER {event} ON {table}"
                f" REFERENCING {TRANSITIONS[event]} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
        else:
            sql = [
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when}"
                f" BEGIN {body}; END"
            ]
        made.append((name, sql))
    return made


def _name(table: str, event: str, body: str) -> str:
    digest = hashlib.sha256(f"{table} {event} {body}".encode()).hexdigest()[:8]
    return f"{PREFIX}{table[:40]}_{digest}_{event[0].lower()}"


def wanted_triggers(vendor: str) -> dict[str, tuple[str, list[str]]]:
    """Every trigger that should exist: name → (table, SQL creating it)."""
    return {
        name: (model._meta.db_table, sql)
        for model in tracked_models()
        for name, sql in _statements(model, vendor)
    }


def existing_triggers(using: str = "default") -> dict[str, str]:
    """The page-version triggers in the database: name → table."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE NOT t.tgisinternal AND t.tgname LIKE %s",
                [f"{PREFIX}%"],
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}%"],
            )
        return {str(name): str(table) for name, table in cursor.fetchall()}


def install_triggers(using: str = "default", **kwargs: Any) -> None:
    """``post_migrate``: create the missing triggers, drop those no longer wanted (one query
    when everything is in place)."""
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    tables = set(connection.introspection.table_names())
    if PageVersion._meta.db_table not in tables:
        return  # before the web app's migration
    wanted = {n: v for n, v in wanted_triggers(connection.vendor).items() if v[0] in tables}
    existing = existing_triggers(using)
    with connection.cursor() as cursor:
        for name, table in existing.items():
            if name not in wanted:
                _drop(cursor, connection.vendor, name, table)
        for name, (_, statements) in wanted.items():
            if name not in existing:
                for sql in statements:
                    cursor.execute(sql)


def _drop(cursor: Any, vendor: str, name: str, table: str) -> None:
    if vendor == "postgresql":
        cursor.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def versions(keys: Sequence[str]) -> tuple[int, ...]:
    """The versions of ``keys``, in their order (0 for a key never moved): one query."""
    found = dict(PageVersion.objects.filter(key__in=keys).values_list("key", "version"))
    return tuple(int(found.get(key, 0)) for key in keys)
