"""The data-entry page and the project page of G11-23: median CPU time per request.

``python bench/entry_page.py`` migrates a fresh SQLite file (or ``BENCH_DATABASE_URL``),
imports the example project, creates the demo users, signs in as demo-manager with
Django's test client, and times GETs of the data-entry page of 2013Q1 and of the project
overview, the page cache emptied before each (three warm-ups, then
``BENCH_REPEAT`` runs, 15 by default). It prints one JSON line per page: the median and
best CPU time (``time.process_time``, steadier than wall time on a shared machine), the
median wall time and the number of queries.

It also times a row's save as the page's HTMX posts it, the answer (the row again)
included, and the one query that reads the value's version first.

``--profile`` prints the entry page's cProfile, sorted by cumulative time (or writes it to
the file named by ``BENCH_PROFILE_FILE``). ``--lang ar``
asks for the page in Arabic. To compare two versions, run this script with each one's
``src`` first on ``PYTHONPATH`` (e.g. a ``git worktree`` of the old commit), interleaved.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile the entry page")
    parser.add_argument("--lang", default="en", help="the interface's language (en, ar, ckb)")
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "15")))
    args = parser.parse_args()

    from seeded import seeded_project

    _record, project = seeded_project("logframe-entry-bench-")
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from logframe.accounts.services import demo_users_create

    demo_users_create(project=project)
    client = Client()
    client.login(username="demo-manager", password="logframe-demo")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = args.lang
    base = f"/funds/{project.fund.code}/projects/{project.number}"
    pages = {"data entry": f"{base}/2013Q1/entry/", "project overview": f"{base}/"}

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    if args.profile:
        for _ in range(3):
            get(pages["data entry"])
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            get(pages["data entry"])
        profile.disable()
        if os.environ.get("BENCH_PROFILE_FILE"):  # for pstats elsewhere
            profile.dump_stats(os.environ["BENCH_PROFILE_FILE"])
        else:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
        return 0
    from logframe.portfolio.models import Indicator, IndicatorValue

    indicator = Indicator.objects.get(result__project=project, code="1.1.9")
    counter = iter(range(1000, 100_000))

    def save() -> None:  # a row's Save button, as HTMX posts it: the row comes back
        version = IndicatorValue.objects.get(indicator=indicator).version
        prefix = f"v{indicator.pk}"
        response = client.post(
            f"{pages['data entry']}values/1.1.9/",
            {f"{prefix}-version": str(version), f"{prefix}-value": str(next(counter))},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200, response.status_code

    steps = {name: (lambda url=url: get(url)) for name, url in pages.items()}
    steps["save one value (HTMX)"] = save
    for name, step in steps.items():
        for _ in range(3):
            step()
        cpu, wall = [], []
        for _ in range(args.repeat):
            cache.clear()  # untimed: pages are timed as rendered, not from the page cache
            with CaptureQueriesContext(connection) as queries:
                start_cpu, start_wall = time.process_time(), time.perf_counter()
                step()
                cpu.append((time.process_time() - start_cpu) * 1000)
                wall.append((time.perf_counter() - start_wall) * 1000)
        line = {
            "page": name,
            "lang": args.lang,
            "cpu_median_ms": round(statistics.median(cpu), 1),
            "cpu_best_ms": round(min(cpu), 1),
            "wall_median_ms": round(statistics.median(wall), 1),
            "queries": len(queries),
        }
        print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
