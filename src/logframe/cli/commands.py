"""The commands themselves: each parses its input, calls one service or selector, writes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection

from logframe.atomic_write import OutputError, write_atomically
from logframe.cli.main import CommandError
from logframe.domain.periods import Quarter
from logframe.domain.records import MissingPeriod, ProjectRecord

NOT_INITIALISED = ("no such table", "unable to open database file")


@contextmanager
def database() -> Iterator[None]:
    """Turn the database's failures into one line that names the database."""
    try:
        yield
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if any(sign in first for sign in NOT_INITIALISED) or (
            "does not exist" in first and "relation" in first
        ):
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

    db = settings.DATABASES["default"]
    if "sqlite" in str(db["ENGINE"]):
        try:
            Path(str(db["NAME"])).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot create the folder of {db['NAME']}: {exc.strerror}") from exc
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
    with database(), _locked_quarter_refused(args.file):
        result = project_import(record=record, actor=None, reason=f"logframe load {args.file}")
    changes = result.changes
    print(
        f"loaded project {record.number} ({periods}) from {args.file}: "
        f"{sum(changes.created.values())} created, {sum(changes.updated.values())} updated, "
        f"{sum(changes.deleted.values())} deleted, {sum(changes.unchanged.values())} unchanged"
    )
    return 0


@contextmanager
def _locked_quarter_refused(file: str) -> Iterator[None]:
    """An import that would change a submitted or approved quarter: one line, exit 2."""
    from logframe.portfolio.services.locked_quarters import QuarterLocked

    try:
        yield
    except QuarterLocked as exc:
        raise CommandError(f"{file}: {exc}") from exc


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
    from logframe.reporting.assemble import (
        DOCUMENT_FORMATS,
        REPORT_ERRORS,
        TRANSLATED_FORMATS,
        render_report,
        render_report_file,
    )

    quarter = parse_quarter(args.period)
    args.format = output_format(args.format, args.out, REPORT_FORMATS)
    if args.lang != "en" and args.format not in TRANSLATED_FORMATS:
        raise CommandError(
            f"--lang {args.lang}: the {args.format} report is written in English only"
            f" (--lang applies to {', '.join(TRANSLATED_FORMATS)})"
        )
    binary = args.format in DOCUMENT_FORMATS
    if binary and args.out == "-" and sys.stdout.isatty():
        raise CommandError(f"--out -: a {args.format} file is binary; write it to a file")
    with database():
        try:
            data: str | bytes = (
                render_report_file(number=args.project, fund=args.fund, quarter=quarter,
                                   fmt=args.format, lang=args.lang)
                if binary or args.lang != "en"
                else render_report(number=args.project, fund=args.fund, quarter=quarter,
                                   fmt=args.format)
            )  # fmt: skip
        except REPORT_ERRORS as exc:
            raise CommandError(str(exc)) from exc
    write_output(args.out, data)
    if args.out != "-":
        print(f"wrote {args.out}: {args.project} {quarter.code} ({args.format}, {args.lang})")
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


REPORT_FORMATS = ("html", "md", "csv", "docx", "pdf", "xlsx")
_EXTENSIONS = {".htm": "html", ".markdown": "md"}


def output_format(asked: str | None, out: str, formats: tuple[str, ...]) -> str:
    """The format to write: ``--format`` when given, else the one ``--out``'s extension
    names (``report.docx``: docx), else html. A ``--format`` that another format's extension
    contradicts is refused, rather than writing, say, HTML into a file named ``.docx``."""
    suffix = Path(out).suffix.lower() if out != "-" else ""
    named = _EXTENSIONS.get(suffix, suffix.lstrip("."))
    if asked is None:
        return named if named in formats else "html"
    if named in formats and named != asked:
        raise CommandError(
            f"--out {out}: the file's extension says {named}, but --format is {asked};"
            f" name the file .{asked}, or leave --format out to write {named}"
        )
    return asked


def write_output(out: str, text: str | bytes) -> None:
    if out == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    try:
        write_atomically(Path(out), text)
    except OutputError as exc:
        raise CommandError(str(exc)) from exc


def import_report(args: argparse.Namespace) -> int:
    from logframe.domain.checks import check_period
    from logframe.interchange.legacy import LegacyReportError, read_legacy_report
    from logframe.portfolio.services import project_import

    try:
        record = read_legacy_report(Path(args.file))
    except LegacyReportError as exc:
        raise CommandError(str(exc)) from exc
    period = record.periods[0]
    findings = check_period(project=record, quarter=period.quarter)
    print(f"{args.file}: project {record.number}, {period.quarter.code} — {record.title}")
    print(f"  {_counts(record)}")
    unread = sum(1 for c in period.sources if not c.understood)
    print(f"  {len(period.sources)} cells kept with their location, {unread} not understood")
    errors = sum(1 for f in findings if f.severity.value == "error")
    print(f"  {len(findings)} findings ({errors} errors): `logframe check {record.number} "
          f"--period {period.quarter.code}` lists them")  # fmt: skip
    if args.dry_run:
        print("  nothing saved (dry run)")
        return 0
    with database(), _locked_quarter_refused(args.file):
        result = project_import(
            record=record, actor=None, reason=f"logframe import-report {args.file}", prune=False
        )
        proposed = _propose_activities(record=record, project=result.project, file=args.file)
    changes = result.changes
    print(
        f"  saved: {sum(changes.created.values())} created, {sum(changes.updated.values())} "
        f"updated, {sum(changes.unchanged.values())} unchanged"
    )
    print(f"  {proposed} activities proposed from the narrative: `logframe activities "
          f"{record.number}` lists them")  # fmt: skip
    return 0


def _propose_activities(*, record: ProjectRecord, project: Any, file: str) -> int:
    """The narrative's activities, proposed in the register (docs/activities.md)."""
    from logframe.activities.services import activities_propose

    made = activities_propose(
        project=project, record=record, actor=None, reason=f"logframe import-report {file}"
    )
    return len(made)


def check(args: argparse.Namespace) -> int:
    import json

    from logframe.activities.selectors import register_of
    from logframe.domain.checks import check_period
    from logframe.portfolio.selectors import NotFound, project_by_number, project_record

    quarter = parse_quarter(args.period)
    with database():
        try:
            record = project_record(project=project_by_number(number=args.project, fund=args.fund))
        except NotFound as exc:
            raise CommandError(str(exc)) from exc
    try:
        record.require_period(quarter)
    except MissingPeriod as missing:
        raise CommandError(str(missing)) from missing
    with database():
        register = register_of(project=project_by_number(number=args.project, fund=args.fund))
    findings = check_period(project=record, quarter=quarter, register=register)
    if args.json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for f in findings:
        source = f"  [{f.source}]" if f.source else ""
        print(f"{f.severity.value.upper():<8}{f.where:<14}{f.rule:<28}{f.message}{source}")
    print(f"{len(findings)} finding(s) for {record.number} {quarter.code}")
    return 0


def _counts(record: ProjectRecord) -> str:
    results = record.walk_results()
    period = record.periods[0]
    indicators = sum(len(r.indicators) for r in results)
    return (
        f"{len(record.participations)} agencies, {len(results)} results, {indicators} indicators,"
        f" {len(period.values)} values, {len(period.finance)} finance lines,"
        f" {len(period.beneficiaries)} beneficiary groups, {len(record.footnotes)} footnotes"
    )
