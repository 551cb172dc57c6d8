"""``logframe``: parse the command line, set up Django, run one command, map errors to exit 2.

Every failure the user can cause (a bad file, an unknown project or period, an
unwritable path, an unreachable database) ends in one line on stderr naming what
and where, and exit code 2; nothing is changed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

EXIT_USAGE = 2

# Commands that live in their own module: each defines ``add_parser(sub)`` (options only,
# no Django import) and ``COMMANDS``, a mapping of command name to handler.
COMMAND_MODULES = (
    "logframe.cli.reminders",
    "logframe.cli.workbooks",
    "logframe.cli.iati",
    "logframe.cli.portfolio",
    "logframe.cli.backup",
    "logframe.cli.activities",
    "logframe.cli.fund",
    "logframe.cli.verify",
)


class CommandError(Exception):
    """A failure to report as one line and exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="logframe",
        description="Results-based monitoring and quarterly progress reports for trust funds.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("init", help="create or upgrade the database (migrations)")

    load = sub.add_parser("load", help="load a project file (JSON) into the database")
    load.add_argument("file", help="the project file, e.g. examples/itf-g11-23/project.json")
    load.add_argument("--dry-run", action="store_true", help="validate only, save nothing")

    dump = sub.add_parser("dump", help="write a project, with its periods, as a project file")
    dump.add_argument("project", help="project number, e.g. G11-23")
    dump.add_argument("--fund", help="fund code, when the number is used in several funds")
    dump.add_argument("--out", required=True, help="the JSON file to write ('-' for stdout)")

    report = sub.add_parser("report", help="write a project's quarterly progress report")
    report.add_argument("project", help="project number, e.g. G11-23")
    report.add_argument("--period", required=True, help="the quarter, e.g. 2013Q1")
    report.add_argument(
        "--format",
        choices=["html", "md", "csv", "docx", "pdf", "xlsx"],
        help="default: the one --out's extension names (report.docx: docx), else html",
    )
    report.add_argument(
        "--lang",
        choices=["en", "ar", "ckb"],
        default="en",
        help="the document's language: its labels, dates, data-quality findings and the "
        "project's texts where translated",
    )
    report.add_argument("--fund", help="fund code, when the number is used in several funds")
    report.add_argument("--out", required=True, help="the file to write ('-' for stdout)")

    legacy = sub.add_parser(
        "import-report", help="read a legacy quarterly report (.txt or .docx) into the database"
    )
    legacy.add_argument("file", help="the report: a Word file or its text extract")
    legacy.add_argument("--dry-run", action="store_true", help="read and check, save nothing")

    check = sub.add_parser("check", help="the data-quality findings of a project's quarter")
    check.add_argument("project", help="project number, e.g. G11-23")
    check.add_argument("--period", required=True, help="the quarter, e.g. 2013Q1")
    check.add_argument("--fund", help="fund code, when the number is used in several funds")
    check.add_argument("--json", action="store_true", help="a JSON array instead of lines")

    serve = sub.add_parser("serve", help="serve the web interface")
    serve.add_argument("--port", type=int, help="port (default: $PORT or 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")

    demo = sub.add_parser(
        "demo", help="fresh demo database with the example, its report written, then served"
    )
    demo.add_argument("--no-serve", action="store_true", help="stop after writing the reports")
    demo.add_argument("--out", help="folder for the reports (default var/reports)")
    demo.add_argument("--port", type=int, help="port (default: $PORT or 8000)")
    for module in _command_modules():
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            from logframe.cli.demo import prepare_demo_database

            prepare_demo_database()
        _setup_django()
        return _command(args.command)(args)
    except CommandError as exc:
        print(f"logframe {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`logframe check … | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    from logframe.cli import commands, demo

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": commands.init,
        "load": commands.load,
        "dump": commands.dump,
        "report": commands.report,
        "import-report": commands.import_report,
        "check": commands.check,
        "serve": commands.serve,
        "demo": demo.demo,
    }
    for module in _command_modules():
        handlers.update(module.COMMANDS)
    return handlers[name]


def _command_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        raise CommandError(f"configuration: {exc}") from exc


def _version() -> str:
    from logframe import __version__

    return f"logframe {__version__}"
