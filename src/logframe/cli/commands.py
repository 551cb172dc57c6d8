"""The commands themselves: each parses its input, calls one service or selector, writes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

from logframe.atomic_write import OutputError, write_atomically
from logframe.cli.main import CommandError
from logframe.domain.periods import Quarter


@contextmanager
def database() -> Iterator[None]:
    """Turn the database's failures into one line that names the database."""
    try:
        yield
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "no such table" in first or ("does not exist" in first and "relation" in first):
            raise CommandError(
                f"the database {describe_database()} has no tables yet: run `logframe init` first"
            ) from exc
        raise CommandError(f"database {describe_database()}: {first}") from exc


def describe_database() -> str:
    db = settings.DATABASES["default"]
    if "sqlite" in str(db["ENGINE"]):
        return str(db["NAME"])
    return f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


def init(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    with database():
        connection.ensure_connection()
        call_command("migrate", interactive=False, verbosity=0)
    print(f"database ready: {describe_database()}")
    return 0


def load(args: argparse.Namespace) -> int:
    from logframe.interchange.projectfile.read import ProjectFileError, read_project_file
    from logframe.portfolio.services import project_import

    try:
        record = read_project_file(Path(args.file))
    except ProjectFileError as exc:
        raise CommandError(str(exc)) from exc
    periods = ", ".join(p.quarter.code for p in record.periods) or "no periods"
    if args.dry_run:
        print(f"{args.file}: valid — project {record.number} ({periods}); nothing saved (dry run)")
        return 0
    with database():
        result = project_import(record=record, actor=None, reason=f"logframe load {args.file}")
    changes = result.changes
    print(
        f"loaded project {record.number} ({periods}) from {args.file}: "
        f"{sum(changes.created.values())} created, {sum(changes.updated.values())} updated, "
        f"{sum(changes.deleted.values())} deleted, {sum(changes.unchanged.values())} unchanged"
    )
    return 0


def dump(args: argparse.Namespace) -> int:
    from logframe.interchange.projectfile.write import project_document, write_project_file
    from logframe.portfolio.selectors import NotFound, project_by_number, project_record

    with database():
        try:
            record = project_record(project=project_by_number(number=args.project, fund=args.fund))
        except NotFound as exc:
            raise CommandError(str(exc)) from exc
    if args.out == "-":
        import json

        json.dump(project_document(record), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    try:
        write_project_file(record, Path(args.out))
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"wrote {args.out}: project {record.number}, {len(record.periods)} period(s)")
    return 0


def report(args: argparse.Namespace) -> int:
    from logframe.reporting.assemble import REPORT_ERRORS, render_report

    quarter = parse_quarter(args.period)
    with database():
        try:
            text = render_report(
                number=args.project, fund=args.fund, quarter=quarter, fmt=args.format
            )
        except REPORT_ERRORS as exc:
            raise CommandError(str(exc)) from exc
    write_output(args.out, text)
    if args.out != "-":
        print(f"wrote {args.out}: {args.project} {quarter.code} ({args.format})")
    return 0


def serve(args: argparse.Namespace) -> int:
    from logframe.cli.server import run_server

    port = resolve_port(args.port)
    with database():
        connection.ensure_connection()
    run_server(host=args.host, port=port)
    return 0


def parse_quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError as exc:
        raise CommandError(f"--period {text!r}: {exc}") from exc


def resolve_port(port: int | None) -> int:
    raw = str(port) if port is not None else os.environ.get("PORT", "8000")
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise CommandError(f"port {raw!r}: expected a number from 1 to 65535")
    return int(raw)


def write_output(out: str, text: str) -> None:
    if out == "-":
        sys.stdout.write(text)
        return
    try:
        write_atomically(Path(out), text)
    except OutputError as exc:
        raise CommandError(str(exc)) from exc
