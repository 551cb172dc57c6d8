"""``logframe export-iati`` and ``logframe import-iati``: IATI 2.03 activity files."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

SHOWN = 5  # rule violations listed per activity; the rest are counted


def add_parser(sub: Any) -> None:
    """The subcommands and their options (called by ``logframe.cli.main.build_parser``)."""
    export = sub.add_parser(
        "export-iati", help="write projects as an IATI 2.03 activity file, validated"
    )
    export.add_argument("project", nargs="?", help="the project number, e.g. G11-23")
    export.add_argument("--fund", help="the fund: all its projects, or the PROJECT's fund")
    export.add_argument("--out", required=True, help="the .xml file to write")
    export.add_argument(
        "--reporting-org",
        help="IATI ref of the publisher, e.g. XM-DAC-41114 (default: $LOGFRAME_IATI_REPORTING_ORG)",
    )
    export.add_argument(
        "--reporting-org-name",
        help="its name (default: $LOGFRAME_IATI_REPORTING_ORG_NAME, or the organisation "
        "with that ref)",
    )
    export.add_argument(
        "--country",
        help="ISO code of the recipient country for projects that name none, e.g. IQ "
        "(default: $LOGFRAME_IATI_COUNTRY)",
    )
    export.add_argument(
        "--public-url",
        help="base URL of this site: each quarter's report becomes a document-link "
        "(default: $LOGFRAME_PUBLIC_URL; none when unset)",
    )
    imports = sub.add_parser(
        "import-iati", help="create or update projects from an IATI 2.03 activity file"
    )
    imports.add_argument("file", help="the IATI .xml file")
    imports.add_argument(
        "--fund", help="put every project in this existing fund (default: one per publisher)"
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="read and check everything; save nothing"
    )


def export_iati(args: argparse.Namespace) -> int:
    from datetime import date

    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.interchange.iati.export import ExportSettings
    from logframe.interchange.iati.publish import publish
    from logframe.portfolio.selectors import NotFound

    if not args.project and not args.fund:
        raise CommandError("name a PROJECT or a --fund to export")
    reporting = args.reporting_org or os.environ.get("LOGFRAME_IATI_REPORTING_ORG", "")
    if not reporting.strip():
        raise CommandError(
            "no reporting organisation: pass --reporting-org REF or set "
            "LOGFRAME_IATI_REPORTING_ORG (e.g. XM-DAC-41114 for UNDP)"
        )
    settings = ExportSettings(
        reporting_org_ref=reporting.strip(),
        reporting_org_name=args.reporting_org_name
        or os.environ.get("LOGFRAME_IATI_REPORTING_ORG_NAME", ""),
        country=(args.country or os.environ.get("LOGFRAME_IATI_COUNTRY", "")).upper(),
        public_url=args.public_url or os.environ.get("LOGFRAME_PUBLIC_URL", ""),
        today=date.today(),
    )
    with database():
        try:
            outcome = publish(
                project=args.project, fund=args.fund, settings=settings, out=Path(args.out)
            )
        except (NotFound, ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
    if outcome.schema_violations:
        listed = "\n  ".join(str(v) for v in outcome.schema_violations[:20])
        raise CommandError(
            f"{args.out} not written: the export is not valid IATI 2.03 "
            f"({len(outcome.schema_violations)} schema violations):\n  {listed}"
        )
    print(f"wrote {args.out}: {outcome.activities} activities, valid against the IATI 2.03 XSD")
    _print_violations(list(outcome.rule_violations), "IATI rule and codelist", shown=50)
    return 0


def import_iati(args: argparse.Namespace) -> int:
    from datetime import date

    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.interchange.iati.errors import IatiFileError
    from logframe.interchange.iati.load import ImportedActivity, import_iati_file

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{args.file}: no such file")

    def said(item: ImportedActivity) -> None:
        verb = "would create" if item.created else "would update"
        verb = verb if args.dry_run else verb.split()[1] + "d"
        print(
            f"{verb} project {item.number} (fund {item.fund}, {item.identifier}): "
            f"{item.results} results, {item.indicators} indicators, {item.budgets} budgets, "
            f"{item.transactions} transactions; {item.changed_rows} rows changed"
        )
        _print_violations(list(item.violations), "IATI rule and codelist")

    with database():
        try:
            summary = import_iati_file(
                path, fund=args.fund, dry_run=args.dry_run, today=date.today(), on_activity=said
            )
        except IatiFileError as exc:
            raise CommandError(f"{exc} (nothing saved)") from exc
    done = "nothing saved (dry run)" if args.dry_run else "saved in one transaction"
    print(f"{args.file}: {len(summary.activities)} activities; {done}")
    return 0


def _print_violations(violations: list[Any], what: str, shown: int = SHOWN) -> None:
    if not violations:
        return
    errors = sum(1 for v in violations if v.severity == "error")
    print(f"  {len(violations)} {what} findings ({errors} errors):")
    for v in violations[:shown]:
        print(f"    {v}")
    if len(violations) > shown:
        print(f"    … and {len(violations) - shown} more")


COMMANDS = {"export-iati": export_iati, "import-iati": import_iati}
