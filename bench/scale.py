"""``make bench-scale`` / ``make bench-quick``: the fund at 200, 2,000 and 10,000 projects.

For each database (SQLite, PostgreSQL) and size, a synthetic fund of N projects x 4
quarters is generated once (``logframe generate-portfolio``, timed) and cached: SQLite files
under var/bench/, PostgreSQL databases named ``$BENCH_PG_PREFIX_<size>_s<seed>_<schema>``,
keyed by size, seed and a digest of the migrations, so reruns start at once. Then every step
runs in its own process (its peak memory is that process's ru_maxrss) and is repeated; the
table shows the median, the ratio to the floor, and the peak memory:

- floor: the fund's totals for the quarter (approved budget, committed, disbursed by sector
  and by organisation) by ONE hand-written SQL query on the same tables;
- fund report: ``assemble_fund_report`` (the model every format renders) — and its HTML;
- project report: ``project_report`` of one project's quarter;
- project page: the project overview through Django's test client, logged in;
- data-entry save: ``indicator_value_set``, one value, as the entry page saves it.

``--quick`` (``make bench-quick``): all the steps of a database and size run once in ONE
process (the floor three times), each after one untimed call (else the one timed call would
pay for the templates' compilation and the first imports), so the peak memory shown is the
process's peak so far.
Its size is 200 projects only, so that it stays under a minute from a fresh clone: there
it generates and caches the two funds first (about 12 s of CPU each, init included; 31 s
of CPU and 49 s of wall in all at load average 5), then times them (about 3 s of CPU a
database); a 2,000-project fund alone takes 54 to 62 s of CPU to generate on each
database. With funds cached, ``--quick --sizes 200,2000`` (``make bench-quick
BENCH_QUICK_SIZES=200,2000``) adds the larger one in a few seconds more.

``--prepare`` only generates the funds not cached yet (``--sizes``, ``--databases``),
printing the generator's progress and each fund's wall and CPU time, and times nothing
else: how the 10,000-project funds are built ahead of a full run.

Usage: python bench/scale.py [--quick] [--prepare] [--sizes 200,2000]
[--databases sqlite,postgresql] [--markdown FILE]. Environment: BENCH_PG_URL (server,
default postgres://postgres@127.0.0.1:5432), BENCH_PG_PREFIX (default logframe_bench).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VAR = Path(os.environ.get("LOGFRAME_VAR_DIR", ROOT / "var")) / "bench"
FUND, SEED, QUARTERS, QUARTER = "SYN", 1, 4, "2012Q4"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
PG_PREFIX = os.environ.get("BENCH_PG_PREFIX", "logframe_bench")
STEPS = ("floor", "fund report", "fund report html", "project report", "project page", "save")
REPEAT = {"floor": 5, "fund report": 3, "fund report html": 3, "project report": 5,
          "project page": 5, "save": 5}  # fmt: skip
QUICK_REPEAT = {"floor": 3, "fund report": 1, "fund report html": 1, "project report": 3,
                "project page": 3, "save": 3}  # fmt: skip

FLOOR_SQL = """
SELECT 'sector', p.sector, SUM(pa.approved_budget), SUM(fs.committed), SUM(fs.disbursed)
FROM portfolio_participation pa
JOIN portfolio_project p ON p.id = pa.project_id
JOIN portfolio_fund f ON f.id = p.fund_id
LEFT JOIN portfolio_reportingperiod rp ON rp.project_id = p.id AND rp.year = %s AND rp.quarter = %s
LEFT JOIN portfolio_financialstatus fs ON fs.period_id = rp.id AND fs.participation_id = pa.id
WHERE f.code = %s
GROUP BY p.sector
UNION ALL
SELECT 'organisation', o.code, SUM(pa.approved_budget), SUM(fs.committed), SUM(fs.disbursed)
FROM portfolio_participation pa
JOIN portfolio_organisation o ON o.id = pa.organisation_id
JOIN portfolio_project p ON p.id = pa.project_id
JOIN portfolio_fund f ON f.id = p.fund_id
LEFT JOIN portfolio_reportingperiod rp ON rp.project_id = p.id AND rp.year = %s AND rp.quarter = %s
LEFT JOIN portfolio_financialstatus fs ON fs.period_id = rp.id AND fs.participation_id = pa.id
WHERE f.code = %s
GROUP BY o.code
"""


def schema_key() -> str:
    """A digest of every migration file: a new migration means new cached databases."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "logframe").rglob("migrations/0*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def database_url(vendor: str, size: int) -> str:
    key = f"{size}_s{SEED}_{schema_key()}"
    if vendor == "sqlite":
        return f"sqlite:///{VAR / f'sqlite_{key}.sqlite3'}"
    return f"{PG_SERVER}/{PG_PREFIX}_{key}"


def _logframe(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DATABASE_URL": url}
    command = [sys.executable, "-c", "import sys; from logframe.cli.main import main; "
               "sys.exit(main())", *args]  # fmt: skip
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=ROOT)


def prepare(vendor: str, size: int) -> dict[str, Any]:
    """The cached fund of ``size`` projects; generated (and timed) when missing."""
    url = database_url(vendor, size)
    done = VAR / f"{vendor}_{size}_s{SEED}_{schema_key()}.json"
    if done.exists():
        return dict(json.loads(done.read_text()), url=url, cached=True)
    VAR.mkdir(parents=True, exist_ok=True)
    print(f"{vendor} {size:,}: generating the fund (cached for the next runs)", file=sys.stderr,
          flush=True)  # fmt: skip
    _fresh(vendor, url)
    _logframe(url, "init")
    before = _children_cpu()
    start = time.perf_counter()
    _generate(url, size, label=f"{vendor} {size:,}:")
    seconds, cpu = time.perf_counter() - start, _children_cpu() - before
    _run_step(url, "users", 1)
    info = {"generate_seconds": round(seconds, 1), "generate_cpu": round(cpu, 1), "projects": size}
    done.write_text(json.dumps(info))
    return dict(info, url=url, cached=False)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _generate(url: str, size: int, *, label: str) -> None:
    """``logframe generate-portfolio`` into ``url``, its progress passed on to stderr."""
    env = os.environ | {"DATABASE_URL": url}
    command = [sys.executable, "-c", "import sys; from logframe.cli.main import main; "
               "sys.exit(main())", "generate-portfolio", "--fund", FUND, "--projects",
               str(size), "--quarters", str(QUARTERS), "--seed", str(SEED)]  # fmt: skip
    with subprocess.Popen(command, env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) as child:  # fmt: skip
        assert child.stdout is not None
        for line in child.stdout:
            print(f"{label} {line.strip()}", file=sys.stderr, flush=True)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)


def _fresh(vendor: str, url: str) -> None:
    if vendor == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _run_step(url: str, step: str, repeat: int) -> dict[str, Any]:
    return _run_steps(url, [step], repeat)[step]


def _run_steps(url: str, steps: list[str], repeat: int) -> dict[str, dict[str, Any]]:
    env = os.environ | {"DATABASE_URL": url}
    command = [sys.executable, __file__, "--step", ",".join(steps), "--repeat", str(repeat)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    results = [json.loads(line) for line in out.stdout.strip().splitlines() if line[:1] == "{"]
    return {r.get("step", steps[0]): r for r in results}


# ---- inside the step's own process ------------------------------------------------------


def step_main(steps: str, repeat: int) -> None:
    """Run each of ``steps`` (comma-separated) ``repeat`` times; one JSON line per step.
    Several steps in one process (``--quick``) share its peak memory: each line gives the
    peak so far."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    import django

    django.setup()
    actions = _actions()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for step in steps.split(","):
        times, cpu = [], []
        if repeat == 1:  # --quick: one untimed call first, or the one timed call would be a
            actions[step]()  # first call (templates compiled, modules imported, caches cold)
        for _ in range(repeat if step != "floor" else max(repeat, 3)):
            start, start_cpu = time.perf_counter(), time.process_time()
            actions[step]()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = {"step": step, "median_ms": statistics.median(times), "best_ms": min(times),
                  "cpu_ms": statistics.median(cpu), "peak_mb": peak / 1024,
                  "django_mb": baseline / 1024}  # fmt: skip
        print(json.dumps(result), flush=True)


def _actions() -> dict[str, Any]:
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from logframe.domain.periods import Quarter
    from logframe.portfolio import models as m

    quarter = Quarter.parse(QUARTER)
    project = m.Project.objects.select_related("fund").get(fund__code=FUND, number="S00001")
    period = project.periods.get(year=quarter.year, quarter=quarter.number)

    def floor() -> None:
        args = [quarter.year, quarter.number, FUND] * 2
        with connection.cursor() as cursor:
            cursor.execute(FLOOR_SQL, args)
            assert cursor.fetchall()

    def fund_report() -> Any:
        from logframe.reporting.fund import assemble_fund_report

        return assemble_fund_report(FUND, QUARTER)

    def fund_report_html() -> None:
        from logframe.reporting.fund import render_fund_report

        assert render_fund_report(fund_report(), "html")

    def project_report() -> None:
        from logframe.reporting.assemble import project_report as build

        build(project=project, quarter=quarter)

    client = Client()

    def project_page() -> None:
        from django.core.cache import cache

        cache.clear()  # the page as rendered, not from the page cache (web/page_cache.py)
        if "_auth_user_id" not in client.session:
            assert client.login(username="demo-manager", password="logframe-demo")
        response = client.get(f"/funds/{FUND}/projects/{project.number}/")
        assert response.status_code == 200, response.status_code

    counter = iter(range(1, 1_000_000))

    def save() -> None:
        from logframe.workflow.entry import ValueInput, indicator_value_set

        value = m.IndicatorValue.objects.filter(period=period, indicator__measure="count").first()
        assert value is not None
        indicator_value_set(
            period=period, indicator=value.indicator,
            data=ValueInput(value=(value.value or Decimal(0)) + next(counter) % 2 + 1),
            expected_version=value.version,
            actor=get_user_model().objects.get(username="demo-manager"),
        )  # fmt: skip

    def users() -> None:
        from logframe.accounts.services import demo_users_create

        demo_users_create(project=project)

    return {"floor": floor, "fund report": fund_report, "fund report html": fund_report_html,
            "project report": project_report, "project page": project_page, "save": save,
            "users": users}  # fmt: skip


# ---- the table ---------------------------------------------------------------------------


def machine() -> str:
    import sqlite3

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    pg = "?"
    try:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres") as conn:
            pg = str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
    except Exception as exc:  # only a label
        pg = f"unreachable ({type(exc).__name__})"
    return (f"{os.cpu_count()} CPUs (nproc), {memory:.1f} GiB memory, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"PostgreSQL {pg}, load average {os.getloadavg()[0]:.1f} at the start")  # fmt: skip


def is_cached(vendor: str, size: int) -> bool:
    return (VAR / f"{vendor}_{size}_s{SEED}_{schema_key()}.json").exists()


def run(
    sizes: list[int],
    vendors: list[str],
    repeat: dict[str, int],
    *,
    only_cached: bool = False,
    quick: bool = False,
) -> list[str]:
    lines = [
        "| database | projects | generated in | step | median ms | x floor | CPU ms | peak MB |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    print(f"{'db':<11}{'projects':>9}  {'step':<18}{'median ms':>11}{'x floor':>9}"
          f"{'CPU ms':>9}{'peak MB':>9}")  # fmt: skip
    for vendor in vendors:
        for size in sizes:
            if only_cached and not is_cached(vendor, size):
                print(f"{vendor:<11}{size:>9,}  not generated yet (--only-cached)", flush=True)
                lines.append(f"| {vendor} | {size:,} | not generated in this run | | | | | |")
                continue
            info = prepare(vendor, size)
            made = (
                f"{info['generate_seconds']} s"
                + (f" ({info['generate_cpu']} s CPU)" if "generate_cpu" in info else "")
                + (" (cached)" if info["cached"] else "")
            )
            made = f"{made}; {info['note']}" if info.get("note") else made
            floor = None
            together = _run_steps(info["url"], list(STEPS), 1) if quick else {}
            for step in STEPS:
                result = together.get(step) or _run_step(info["url"], step, repeat[step])
                ms = result["median_ms"]
                floor = floor or ms
                ratio = ms / floor
                print(f"{vendor:<11}{size:>9,}  {step:<18}{ms:>11.1f}{ratio:>9.1f}"
                      f"{result['cpu_ms']:>9.0f}{result['peak_mb']:>9.0f}", flush=True)  # fmt: skip
                cpu, peak = result["cpu_ms"], result["peak_mb"]
                lines.append(f"| {vendor} | {size:,} | {made} | {step} | {ms:.1f} | "
                             f"{ratio:.1f} | {cpu:.0f} | {peak:.0f} |")  # fmt: skip
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="200 projects (unless --sizes), every step once in one process per database",
    )
    parser.add_argument("--sizes", help="comma-separated, e.g. 200,2000,10000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument(
        "--only-cached", action="store_true", help="skip the funds not generated yet"
    )
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="only generate the funds not cached yet (progress on stderr), time nothing else",
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step_main(args.step, args.repeat)
        return 0
    sizes = [int(s) for s in (args.sizes or ("200" if args.quick else "200,2000,10000")).split(",")]
    if args.prepare:
        for vendor in args.databases.split(","):
            for size in sizes:
                info = prepare(vendor, size)
                print(f"{vendor} {size:,}: generated in {info['generate_seconds']} s, "
                      f"{info.get('generate_cpu', '?')} s of CPU"
                      + (" (cached)" if info["cached"] else ""), flush=True)  # fmt: skip
        return 0
    described = machine()
    print(described)
    repeat = QUICK_REPEAT if args.quick else REPEAT
    lines = run(
        sizes, args.databases.split(","), repeat, only_cached=args.only_cached, quick=args.quick
    )
    if args.markdown:
        from results_file import replace_section

        replace_section(
            Path(args.markdown), "scale", f"Machine: {described}.\n\n" + "\n".join(lines)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
