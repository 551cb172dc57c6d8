"""``make bench``: time the main paths on a scratch database and print a table.

Runs on a fresh SQLite file by default; set BENCH_DATABASE_URL to a PostgreSQL
database you can drop tables in to measure there. Each step is repeated and the
median and best wall-clock times are shown, with the number of SQL queries.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"
REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))


def main() -> int:
    scratch = tempfile.mkdtemp(prefix="logframe-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from logframe.domain.periods import Quarter
    from logframe.interchange.projectfile.read import read_project_file
    from logframe.interchange.projectfile.write import project_document
    from logframe.portfolio.selectors import project_by_number, project_record
    from logframe.portfolio.services import project_import
    from logframe.reporting.assemble import project_report
    from logframe.reporting.html import render_html
    from logframe.reporting.markdown import render_markdown

    call_command("migrate", interactive=False, verbosity=0)
    record = read_project_file(EXAMPLE)
    project_import(record=record, actor=None, reason="bench")
    project = project_by_number(number=record.number)
    quarter = Quarter.parse("2013Q1")
    report = project_report(project=project, quarter=quarter)

    steps: list[tuple[str, Callable[[], object]]] = [
        ("read + validate project file", lambda: read_project_file(EXAMPLE)),
        ("load again (no change)", lambda: project_import(record=record, actor=None, reason="b")),
        ("read project as records", lambda: project_record(project=project)),
        ("build report model", lambda: project_report(project=project, quarter=quarter)),
        ("render HTML", lambda: render_html(report)),
        ("render Markdown", lambda: render_markdown(report)),
        ("records to JSON document", lambda: project_document(record)),
    ]
    print(f"database: {connection.vendor}; repeats: {REPEAT}; project {record.number}")
    print(f"{'step':<34}{'median ms':>11}{'best ms':>10}{'queries':>9}")
    print("-" * 64)
    for name, step in steps:
        times = []
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                step()
                times.append((time.perf_counter() - start) * 1000)
        print(f"{name:<34}{statistics.median(times):>11.1f}{min(times):>10.1f}{len(queries):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
