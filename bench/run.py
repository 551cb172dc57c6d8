"""``make bench``: time the main paths on a scratch database and print a table.

Runs on a fresh SQLite file by default; set BENCH_DATABASE_URL to a PostgreSQL
database you can drop tables in to measure there. Each step is repeated and the
median and best wall-clock times are shown, the median CPU time of this process
(``time.process_time``: steadier than wall time on a shared machine; on PostgreSQL the
server's work is not in it) and the number of SQL queries.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"
SEED_TXT = ROOT / "examples" / "itf-g11-23" / "itf-g11-23-2013q1-progress-report.txt"
SEED_DOCX = ROOT / "tests" / "legacy_fixtures" / "files" / "itf-g11-23-2013q1.docx"
REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))


def main() -> int:
    from seeded import seeded_project

    record, project = seeded_project("logframe-bench-")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from logframe.domain.checks import check_period
    from logframe.domain.periods import Quarter
    from logframe.interchange.legacy import read_legacy_report
    from logframe.interchange.projectfile.read import read_project_file
    from logframe.interchange.projectfile.write import project_document
    from logframe.portfolio.selectors import project_record
    from logframe.portfolio.services import project_import
    from logframe.reporting.assemble import project_report, render_document
    from logframe.reporting.html import render_html
    from logframe.reporting.markdown import render_markdown

    quarter = Quarter.parse("2013Q1")
    report = project_report(project=project, quarter=quarter)

    from decimal import Decimal

    from django.core.cache import cache
    from django.test import Client
    from template_bench import template_steps

    from logframe.accounts.services import demo_users_create
    from logframe.portfolio.models import Indicator, IndicatorValue
    from logframe.workflow.entry import ValueInput, indicator_value_set

    demo_users_create(project=project)
    manager = Client()
    manager.login(username="demo-manager", password="logframe-demo")
    base = f"/funds/{project.fund.code}/projects/{project.number}"
    period = project.periods.get()
    indicator = Indicator.objects.get(result__project=project, code="1.1.9")
    counter = iter(range(1000, 10_000))
    from django.contrib.auth import get_user_model

    manager_user = get_user_model().objects.get(username="demo-manager")

    def page(url: str) -> Callable[[], object]:
        def get() -> object:
            response = manager.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return get

    def save_value() -> None:
        version = IndicatorValue.objects.get(period=period, indicator=indicator).version
        indicator_value_set(
            period=period,
            indicator=indicator,
            data=ValueInput(value=Decimal(next(counter))),
            expected_version=version,
            actor=manager_user,
        )

    from rest_framework.authtoken.models import Token

    token = Token.objects.get_or_create(user=manager_user)[0].key
    api_values = f"/api/projects/{project.number}/periods/2013Q1/values/"

    def api_patch_value() -> None:
        version = IndicatorValue.objects.get(period=period, indicator=indicator).version
        response = Client().patch(
            api_values + "1.1.9/",
            {"value": next(counter), "version": version},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
        assert response.status_code == 200, response.content

    def api_get_values() -> None:
        response = Client().get(api_values, HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code == 200, response.content

    def empty_database() -> None:
        from logframe.portfolio.models import Fund, Organisation, Project

        Project.objects.all().delete()
        Fund.objects.all().delete()
        Organisation.objects.all().delete()

    def import_seed() -> None:
        seed = read_legacy_report(SEED_TXT)
        project_import(record=seed, actor=None, reason="bench", prune=False)

    # (name, step, what to do before each run of it, untimed); the last two empty the database
    steps: list[tuple[str, Callable[[], object], Callable[[], object] | None]] = [
        ("parse seed .txt", lambda: read_legacy_report(SEED_TXT), None),
        ("parse seed .docx", lambda: read_legacy_report(SEED_DOCX), None),
        ("check a period (seed)", lambda: check_period(project=record, quarter=quarter), None),
        ("read + validate project file", lambda: read_project_file(EXAMPLE), None),
        ("load project file again (no change)", lambda: project_import(record=record), None),
        ("read project as records", lambda: project_record(project=project), None),
        # the read pages are answered from the page cache once rendered (web/page_cache.py):
        # each is timed rendered (the cache emptied before every run, untimed) and cached
        ("page: project overview (server)", page(f"{base}/"), cache.clear),
        ("page: project overview (cached)", page(f"{base}/"), None),
        ("page: report (server)", page(f"{base}/report/"), cache.clear),
        ("page: report (cached)", page(f"{base}/report/"), None),
        ("page: data entry (server)", page(f"{base}/2013Q1/entry/"), cache.clear),
        ("page: fund list (server)", page(f"/funds/{project.fund.code}/"), cache.clear),
        ("page: fund list (cached)", page(f"/funds/{project.fund.code}/"), None),
        ("save one value (service)", save_value, None),
        ("API: GET a quarter's values", api_get_values, None),
        ("API: PATCH one value", api_patch_value, None),
        ("build report model", lambda: project_report(project=project, quarter=quarter), None),
        ("render HTML", lambda: render_html(report), None),
        ("render Markdown", lambda: render_markdown(report), None),
        ("render DOCX", lambda: render_document(report, "docx"), None),
        ("render PDF", lambda: render_document(report, "pdf"), None),
        ("render XLSX", lambda: render_document(report, "xlsx"), None),
        ("render PDF (Arabic)", lambda: render_document(report, "pdf", "ar"), None),
        ("records to JSON document", lambda: project_document(record), None),
        *template_steps(project=project, period=period, actor=manager_user),
        ("import seed .txt, empty db (e2e)", import_seed, empty_database),
        ("import seed .txt again (no change)", import_seed, None),
    ]
    print(f"database: {connection.vendor}; repeats: {REPEAT}; project {record.number}")
    print(f"{'step':<36}{'median ms':>11}{'best ms':>10}{'cpu ms':>9}{'queries':>9}")
    print("-" * 75)
    for name, step, setup in steps:
        times, cpu = [], []
        for _ in range(REPEAT):
            if setup:
                setup()
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                step()
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        print(
            f"{name:<36}{statistics.median(times):>11.1f}{min(times):>10.1f}"
            f"{statistics.median(cpu):>9.1f}{len(queries):>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
