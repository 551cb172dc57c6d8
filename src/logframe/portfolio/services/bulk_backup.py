"""The whole database in one portable, checksummed file, and back: ``logframe backup/restore``.

A backup is a ZIP file holding

- ``manifest.json``: the format, the Logframe version, the database it came from, the
  migrations applied (the schema), and for every table its columns, row count and the
  SHA-256 of its member; for every evidence file its SHA-256; and the SHA-256 of the
  manifest itself;
- ``tables/<table>.jsonl``: the rows of every table of every installed app (portfolio,
  accounts and memberships, users and groups, API tokens, sessions, the admin's log, the
  content types and permissions, every history table and many-to-many table), one JSON
  array per row, in primary-key order, values written the same whatever the database
  (decimals as text, datetimes in ISO 8601 with microseconds, JSON objects with sorted keys);
- ``media/<name>``: the bytes of every file a row names (evidence) under MEDIA_ROOT.

Only ``django_migrations`` is left out: the schema is the code's, and a restore refuses a
backup made with other migrations. The same data backed up from SQLite and PostgreSQL gives
the same members, so a backup moves between them.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_string

from logframe.portfolio.services.bulk_rows import write_table

FORMAT = "logframe-backup"
FORMAT_VERSION = 1
# a database with none of these holds no one's work: ``migrate`` alone fills other tables
# (content types, permissions, the activity groups), and the backup's rows replace those
HOLDS_DATA = ("portfolio_organisation", "portfolio_fund", "portfolio_project", "auth_user")
BATCH = 5_000


class BackupError(ValueError):
    """A backup that cannot be written or restored; nothing was changed."""


@dataclass(frozen=True)
class BackupSummary:
    tables: int
    rows: int
    files: int
    missing_files: tuple[str, ...] = ()
    cache_left: str = ""  # after a restore: why the shared cache could not be emptied


# Not data, and so not in a backup:
# - the page cache's version counters (logframe.pagecache), moved by triggers as rows are
#   written. Never emptied by a restore, they only grow: the restore's own writes move them
#   past every version a cached page was stored under, so no page of the database as it
#   was before the restore is served after it;
# - the stored finding counts and fund figures (portfolio_findingcount), whose revisions the
#   triggers move as the restore writes the rows they count: a restore empties them and
#   works them out again from the restored rows (``stored_figures_refresh``).
DERIVED_APPS = frozenset({"pagecache"})
COUNTS_TABLE = "portfolio_findingcount"


def backup_models() -> list[type[models.Model]]:
    """Every table of every installed app but the derived ones, once, in a stable order."""
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in DERIVED_APPS or meta.db_table == COUNTS_TABLE:
            continue
        if meta.managed and not meta.proxy and not meta.swapped:
            found.setdefault(meta.db_table, model)
    return [found[table] for table in sorted(found)]


def backup_write(target: IO[bytes]) -> BackupSummary:
    """Write the backup of the whole database to ``target`` (a binary file)."""
    tables: dict[str, Any] = {}
    files: dict[str, str] = {}
    missing: list[str] = []
    names: set[str] = set()
    rows_total = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        outermost = not connection.in_atomic_block
        with transaction.atomic():  # one consistent view of every table
            _snapshot(outermost)
            for model in backup_models():
                entry, count = _write_table(archive, model, names)
                tables[model._meta.db_table] = entry
                rows_total += count
        for name in sorted(names):
            if not default_storage.exists(name):
                missing.append(name)
                continue
            with default_storage.open(name, "rb") as stored:
                data = stored.read()
            archive.writestr(f"media/{name}", data)
            files[name] = hashlib.sha256(data).hexdigest()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "logframe": _version(),
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": _migrations(),
            "tables": tables,
            "media": files,
            "missing_media": missing,
        }
        manifest["sha256"] = _digest(manifest)
        archive.writestr("manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
    return BackupSummary(
        tables=len(tables), rows=rows_total, files=len(files), missing_files=tuple(missing)
    )


def _snapshot(outermost: bool) -> None:
    """On PostgreSQL, every table read as of one moment: READ COMMITTED would show each
    table as of its own query. Only the transaction's first statement may set this."""
    if outermost and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def _write_table(
    archive: zipfile.ZipFile, model: type[models.Model], media: set[str]
) -> tuple[dict[str, Any], int]:
    fields = list(model._meta.concrete_fields)
    file_fields = [n for n, f in enumerate(fields) if isinstance(f, models.FileField)]
    digest = hashlib.sha256()
    count = 0
    member = f"tables/{model._meta.db_table}.jsonl"
    with archive.open(member, "w", force_zip64=True) as out:
        rows = (
            model._base_manager.order_by("pk")
            .values_list(*[f.attname for f in fields])
            .iterator(chunk_size=BATCH)
        )
        for row in rows:
            line = (json.dumps([_encode(v) for v in row], sort_keys=True) + "\n").encode()
            digest.update(line)
            out.write(line)
            count += 1
            media.update(row[n] for n in file_fields if row[n])
    entry = {"columns": [f.column for f in fields], "rows": count, "sha256": digest.hexdigest()}
    return entry, count


def _encode(value: Any) -> Any:
    """A column's value as JSON, the same from SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, timedelta):
        return duration_string(value)
    if isinstance(value, bytes | memoryview):
        import base64

        return base64.b64encode(bytes(value)).decode()
    return value


def backup_read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of a backup, every member checked against its checksum first."""
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = _manifest(archive, source)
            for table, entry in manifest["tables"].items():
                if _member_digest(archive, f"tables/{table}.jsonl") != entry["sha256"]:
                    raise BackupError(f"{source}: table {table} does not match its checksum")
            for name, expected in manifest["media"].items():
                if _member_digest(archive, f"media/{name}") != expected:
                    raise BackupError(f"{source}: file {name} does not match its checksum")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise BackupError(f"{source}: not a readable backup ({exc})") from exc
    except KeyError as exc:
        raise BackupError(f"{source}: a member is missing: {exc}") from exc
    return manifest


def _manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError(f"{source}: no readable manifest.json: not a Logframe backup") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: not a Logframe backup (manifest.json names no {FORMAT})")
    expected = manifest.pop("sha256", None)
    if expected != _digest(manifest):
        raise BackupError(f"{source}: manifest.json does not match its checksum")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{source}: backup format {manifest.get('format_version')}, this Logframe reads "
            f"{FORMAT_VERSION}"
        )
    return manifest


def _member_digest(archive: zipfile.ZipFile, member: str) -> str:
    digest = hashlib.sha256()
    with archive.open(member) as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def backup_restore(source: Path, *, force: bool = False) -> BackupSummary:
    """Replace the database's contents with the backup's, in one transaction.

    Refuses (BackupError, nothing changed) a corrupt file, a backup of another schema or
    with columns this database does not have, and a database holding data unless ``force``.
    """
    manifest = backup_read_manifest(source)
    _check_schema(manifest, source)
    targets = {m._meta.db_table: m for m in backup_models()}
    _check_tables(manifest, targets, source)
    if not force and (held := _rows_held(targets)):
        raise BackupError(
            f"the database is not empty ({held}): restore replaces everything in it; "
            "add --force to do so"
        )
    written: list[Path] = []
    rows_total = 0
    try:
        with zipfile.ZipFile(source) as archive:
            written = _restore_media(archive, manifest)
            with transaction.atomic():
                _empty(COUNTS_TABLE)
                for table in targets:
                    _empty(table)
                for table, entry in manifest["tables"].items():
                    rows_total += _restore_table(archive, targets[table], entry)
                _reset_sequences(list(targets.values()))
                _counts_rebuild()
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    return BackupSummary(
        tables=len(manifest["tables"]),
        rows=rows_total,
        files=len(manifest["media"]),
        cache_left=_cache_empty(),
    )


def _cache_empty() -> str:
    """Empty the cache the workers share (Redis, when ``LOGFRAME_CACHE_URL`` names one): the
    sessions it holds are the replaced database's (``cached_db``), and its pages were built
    from it. Pages would not be served anyway (the version counters moved on), but a
    session read from the cache would be one the restored database never had. Emptying
    loses nothing: pages are built again, sessions read from the database. '' when done,
    else why not (the restore stands; the operator empties it by hand)."""
    from django.core.cache import caches

    try:
        caches["default"].clear()
    except Exception as exc:  # Redis down or refusing: said, not fatal (the data is in)
        return f"{type(exc).__name__}: {exc}"
    return ""


def _counts_rebuild() -> None:
    """Each restored quarter's finding counts and fund figures, worked out afresh."""
    from logframe.portfolio.fund_indicators import stored_figures_refresh
    from logframe.portfolio.models import ReportingPeriod

    stored_figures_refresh(periods=ReportingPeriod.objects.all(), everything=True)


def _check_schema(manifest: dict[str, Any], source: Path) -> None:
    here = _migrations()
    theirs = manifest.get("migrations", [])
    if theirs != here:
        only_there = sorted(set(theirs) - set(here))
        only_here = sorted(set(here) - set(theirs))
        detail = "; ".join(
            part
            for part in (
                f"only in the backup: {', '.join(only_there[:3])}" if only_there else "",
                f"only in this database: {', '.join(only_here[:3])}" if only_here else "",
            )
            if part
        )
        raise BackupError(
            f"{source}: made with another schema than this database's ({detail}); run "
            f"`logframe init` with Logframe {manifest.get('logframe', '?')}, then restore"
        )


def _check_tables(
    manifest: dict[str, Any], targets: dict[str, type[models.Model]], source: Path
) -> None:
    for table, entry in manifest["tables"].items():
        model = targets.get(table)
        if model is None:
            raise BackupError(f"{source}: table {table} is not in this database")
        columns = [f.column for f in model._meta.concrete_fields]
        if entry["columns"] != columns:
            raise BackupError(f"{source}: table {table} has other columns than this database's")


def _rows_held(targets: dict[str, type[models.Model]]) -> str:
    for table in HOLDS_DATA:
        model = targets.get(table)
        if model is not None and (count := model._base_manager.count()):
            return f"{count:,} rows in {table}"
    return ""


def _restore_media(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> list[Path]:
    root = Path(settings.MEDIA_ROOT).resolve()
    written = []
    for name in manifest["media"]:
        path = (root / name).resolve()
        if not path.is_relative_to(root):
            raise BackupError(f"file {name} would be written outside MEDIA_ROOT")
        if path.exists():
            continue  # files are stored under random names: the same name is the same file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(archive.read(f"media/{name}"))
        written.append(path)
    return written


def _empty(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def _restore_table(
    archive: zipfile.ZipFile, model: type[models.Model], entry: dict[str, Any]
) -> int:
    db = connections[DEFAULT_DB_ALIAS]
    fields = list(model._meta.concrete_fields)
    convert = [_decoder(f, db) for f in fields]
    count = 0
    for batch in _batches(archive, f"tables/{model._meta.db_table}.jsonl"):
        rows = [[c(v) for c, v in zip(convert, row, strict=True)] for row in batch]
        write_table(model._meta.db_table, entry["columns"], rows)
        count += len(rows)
    return count


def _batches(archive: zipfile.ZipFile, member: str) -> Iterator[list[list[Any]]]:
    batch: list[list[Any]] = []
    with archive.open(member) as data:
        for line in io.TextIOWrapper(data, encoding="utf-8"):
            batch.append(json.loads(line))
            if len(batch) == BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def _decoder(field: models.Field[Any, Any], db: Any) -> Any:
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]

    def decode(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(target, models.JSONField):
            return field.get_db_prep_save(value, db)
        return field.get_db_prep_save(target.to_python(value), db)

    return decode


def _reset_sequences(targets: list[type[models.Model]]) -> None:
    """PostgreSQL's sequences continue after the ids restored (SQLite's AUTOINCREMENT does)."""
    statements = connection.ops.sequence_reset_sql(no_style(), targets)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _digest(manifest: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()


def _version() -> str:
    from logframe import __version__

    return str(__version__)
