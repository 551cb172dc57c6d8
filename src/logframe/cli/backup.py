"""``logframe backup FILE`` and ``logframe restore FILE``: the whole database, portable."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    """The subcommands and their options (called by ``logframe.cli.main.build_parser``)."""
    backup = sub.add_parser(
        "backup", help="write the whole database (and evidence files) to one checksummed file"
    )
    backup.add_argument("file", help="the backup to write, e.g. var/backup.zip")
    restore = sub.add_parser(
        "restore", help="replace the database's contents with a backup's (checked first)"
    )
    restore.add_argument("file", help="a file written by logframe backup")
    restore.add_argument(
        "--force", action="store_true", help="replace a database that holds data already"
    )


def backup(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.portfolio.services.bulk_backup import backup_write

    target = Path(args.file)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(f"cannot write {target}: the folder {folder} does not exist")
    # written beside the target, then renamed: a failed backup leaves no half file
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with database(), os.fdopen(handle, "wb") as out:
            summary = backup_write(out)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    for name in summary.missing_files:
        print(f"warning: evidence file {name} is missing from MEDIA_ROOT", file=sys.stderr)
    print(
        f"{target}: {summary.rows:,} rows of {summary.tables} tables and "
        f"{summary.files} evidence files"
    )
    return 0


def restore(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.portfolio.services.bulk_backup import BackupError, backup_restore

    source = Path(args.file)
    if not source.is_file():
        raise CommandError(f"{source}: no such file")
    try:
        with database():
            summary = backup_restore(source, force=args.force)
    except BackupError as exc:
        raise CommandError(f"{exc}; nothing was changed") from exc
    print(
        f"restored {source}: {summary.rows:,} rows of {summary.tables} tables and "
        f"{summary.files} evidence files"
    )
    if summary.cache_left:
        print(
            f"warning: the shared cache (LOGFRAME_CACHE_URL) could not be emptied "
            f"({summary.cache_left}); empty it by hand: redis-cli -n <db> FLUSHDB",
            file=sys.stderr,
        )
    return 0


COMMANDS = {"backup": backup, "restore": restore}
