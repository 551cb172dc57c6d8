"""``logframe demo``: a fresh SQLite database, the seed report imported, reports written, served.

The example is the real text of the G11-23 report of 2013Q1, read by the legacy importer
(``examples/itf-g11-23/project.json`` is its hand transcription, kept as the test oracle).
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from logframe.cli.main import CommandError
from logframe.domain.periods import Quarter, quarter_of

EXAMPLE = Path("itf-g11-23") / "itf-g11-23-2013q1-progress-report.txt"


def demo_database_path() -> Path:
    return Path(os.environ.get("LOGFRAME_VAR_DIR", Path.cwd() / "var")) / "demo.sqlite3"


def prepare_demo_database() -> None:
    """Point this process at a fresh var/demo.sqlite3 (before Django reads its settings)."""
    path = demo_database_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (path, path.with_name(path.name + "-journal")):
            stale.unlink(missing_ok=True)
    except OSError as exc:
        raise CommandError(f"cannot prepare {path}: {exc.strerror or exc}") from exc
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"


def example_file() -> Path:
    """The shipped example: inside the installed package, or in the source checkout."""
    here = Path(__file__).resolve()
    for root in (here.parents[1] / "examples", here.parents[3] / "examples"):
        if (root / EXAMPLE).is_file():
            return root / EXAMPLE
    raise CommandError(f"the example {EXAMPLE} is not installed with this copy of Logframe")


SYNTHETIC_FUND, SYNTHETIC_PROJECTS = "SYN", 200


def _synthetic_fund() -> None:
    """Beside G11-23, a fund of 200 generated projects, so the fund's pages have a portfolio.

    Its four quarters end with this one, so that the reports' deadlines on the fund's page
    read as they would in a fund at work ("due in 63 days"), not as years late."""
    import time

    from logframe.interchange.synthetic import synthetic_projects
    from logframe.portfolio.services.bulk import projects_bulk_create

    start = time.perf_counter()
    first, last = _last_quarters(date.today(), 4)
    records = synthetic_projects(
        fund=SYNTHETIC_FUND,
        projects=SYNTHETIC_PROJECTS,
        quarters=4,
        seed=1,
        first_quarter=first.code,
    )
    added = projects_bulk_create(records=records, reason="logframe demo: synthetic fund")
    print(
        f"    fund {SYNTHETIC_FUND}: {added['projects']} synthetic projects of 4 quarters "
        f"({first.code}-{last.code}), {sum(added.values()):,} rows, "
        f"in {time.perf_counter() - start:.0f} s",
        flush=True,
    )


def _last_quarters(today: date, count: int) -> tuple[Quarter, Quarter]:
    """The first and the last of the ``count`` quarters that end with today's."""
    last = first = quarter_of(today)
    for _ in range(count - 1):
        first = first.previous()
    return first, last


def demo(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from logframe.cli.commands import database, resolve_port, write_output
    from logframe.domain.checks import check_period
    from logframe.interchange.legacy import LegacyReportError, read_legacy_report
    from logframe.portfolio.services import project_import
    from logframe.reporting.assemble import FORMATS, render_report_file

    port = resolve_port(args.port)
    out = Path(args.out) if args.out else demo_database_path().parent / "reports"
    print(f"1/4 creating the demo database {demo_database_path()}", flush=True)
    with database():
        call_command("migrate", interactive=False, verbosity=0)
        source = example_file()
        try:
            record = read_legacy_report(source)
        except LegacyReportError as exc:
            raise CommandError(str(exc)) from exc
        print(f"2/4 importing the report {source.name}", flush=True)
        print(f"    {record.number}: {record.title}", flush=True)
        imported = project_import(record=record, actor=None, reason="logframe demo", prune=False)
        from logframe.activities.services import activities_propose

        proposed = activities_propose(
            project=imported.project, record=record, actor=None, reason="logframe demo"
        )
        print(f"    {len(proposed)} activities proposed from the narrative", flush=True)
        for period in record.periods:
            findings = check_period(project=record, quarter=period.quarter)
            print(f"    {period.quarter.code}: {len(findings)} data-quality findings", flush=True)
        _synthetic_fund()
        from logframe.accounts.services import DEMO_PASSWORD, demo_users_create
        from logframe.portfolio.selectors import project_by_number

        people = demo_users_create(project=project_by_number(number=record.number))
        print(f"3/4 writing the reports to {out}/", flush=True)
        for period in record.periods:
            for fmt in FORMATS:
                target = out / f"{record.number}-{period.quarter.code}.{fmt}"
                data = render_report_file(
                    number=record.number, fund=None, quarter=period.quarter, fmt=fmt
                )
                write_output(str(target), data)
                print(f"    {target}", flush=True)
    print(f"4/4 demo users, all with the password {DEMO_PASSWORD!r}:", flush=True)
    for username, what in people:
        print(f"    {username:<15} {what}", flush=True)
    if args.no_serve:
        print(f"done (--no-serve): DATABASE_URL=sqlite:///{demo_database_path()} logframe serve")
        return 0
    from logframe.cli.server import run_server

    run_server(host="127.0.0.1", port=port)
    return 0
