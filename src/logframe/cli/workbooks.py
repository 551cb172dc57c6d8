"""``logframe template`` and ``logframe import-template``: Excel data-entry templates."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    """The subcommands and their options (called by ``logframe.cli.main.build_parser``)."""
    template = sub.add_parser(
        "template", help="write an Excel data-entry template of a project's quarter"
    )
    template.add_argument("project", help="project number, e.g. G11-23")
    template.add_argument("--period", required=True, help="the quarter, e.g. 2013Q1")
    template.add_argument(
        "--organisation", help="only this agency's lines, e.g. UNDP (default: the whole project)"
    )
    template.add_argument("--fund", help="fund code, when the number is used in several funds")
    template.add_argument("--out", required=True, help="the .xlsx file to write")
    template.add_argument(
        "--lang",
        help="the project's texts in this language (ar, ckb, fr …); untranslated ones in the "
        "original, marked [en] (default: the original)",
    )

    upload = sub.add_parser(
        "import-template", help="check a filled data-entry template and save it, all or nothing"
    )
    upload.add_argument("file", help="the filled template (.xlsx)")
    upload.add_argument(
        "--user", required=True, help="who uploads: an existing username, whose rights apply"
    )
    upload.add_argument("--dry-run", action="store_true", help="check and list; save nothing")


def template(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database, parse_quarter
    from logframe.cli.main import CommandError
    from logframe.domain.content import is_language_tag
    from logframe.domain.records import MissingPeriod
    from logframe.portfolio.selectors import NotFound, project_by_number
    from logframe.workflow.workbooks import template_write

    quarter = parse_quarter(args.period)
    if args.lang is not None and not is_language_tag(args.lang):
        raise CommandError(f"--lang {args.lang!r}: not a language tag such as ar, ckb or fr")
    with database():
        try:
            project = project_by_number(number=args.project, fund=args.fund)
            data = template_write(
                project=project, quarter=quarter, organisation=args.organisation, lang=args.lang
            )
        except (NotFound, MissingPeriod, ValueError) as exc:
            raise CommandError(str(exc)) from exc
    _write(Path(args.out), data)
    whose = f"{args.organisation}'s lines" if args.organisation else "all agencies' lines"
    language = f", texts in {args.lang}" if args.lang else ""
    print(f"wrote {args.out}: {project.number} {quarter.code}, {whose}{language}")
    return 0


def import_template(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.interchange.workbook import WorkbookError, read_template
    from logframe.portfolio.selectors import NotFound
    from logframe.workflow.workbooks import template_import, template_period

    try:
        workbook = read_template(Path(args.file))
    except WorkbookError as exc:
        raise CommandError(str(exc)) from exc
    with database():
        user = get_user_model().objects.filter(username=args.user).first()
        if user is None or not user.is_active:
            raise CommandError(f"--user {args.user!r}: no such active user")
        try:
            period = template_period(workbook=workbook)
            summary = template_import(
                period=period, workbook=workbook, actor=user, dry_run=args.dry_run
            )
        except (NotFound, WorkbookError) as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(f"{args.file}: {exc}") from exc
    verb = "would save" if summary.dry_run else "saved"
    print(
        f"{args.file}: {summary.project} {summary.quarter.code} as {args.user}: {verb} "
        f"{summary.saved} line(s), {len(summary.changes)} cell(s) changed; "
        f"{summary.unchanged} line(s) unchanged"
    )
    for change in summary.changes:
        print(
            f"  {change.where:<16}{change.line} {change.field}: "
            f"{change.old or 'empty'} → {change.new or 'empty'}"
        )
    if summary.dry_run:
        print("  nothing saved (dry run)")
    return 0


COMMANDS = {"template": template, "import-template": import_template}


def _write(path: Path, data: bytes) -> None:
    from logframe.atomic_write import OutputError, write_atomically
    from logframe.cli.main import CommandError

    try:
        write_atomically(path, data)
    except OutputError as exc:
        raise CommandError(str(exc)) from exc
