"""``make load``: gunicorn (2 workers) on the 2,000-project fund, driven by wrk for 60 s.

1. The PostgreSQL database ``$LOAD_DATABASE`` (default ``logframe_load``) holds the synthetic
   fund SYN of 2,000 projects x 4 quarters (generated once, kept for the next run; migrated
   to the current code at each run).
2. A private ``redis-server`` (when installed) on a free port is the page cache the two
   workers share (``LOGFRAME_CACHE_URL``; without it each worker caches in its own memory).
3. gunicorn serves the app on 127.0.0.1 with 2 workers (gthread, 4 threads each, keep-alive).
4. Debian's ``wrk`` (a second process) runs 32 connections for ``LOAD_SECONDS`` (default 60),
   each request drawn at random: 20 % API writes (``PATCH
   /api/projects/S00001/periods/2012Q4/values/{code}/`` with a token, naming the version last
   seen; a 409 for a stale version is a correct answer, counted apart, and the next write to
   that value uses the version the 409 names) and 80 % page reads by a signed-in person with
   a browser's cookies (session and CSRF), uniformly over: the fund page (its first page
   twice, page 2, sorted by committed), the fund report page, 200 project pages and 100
   project report pages.
5. The fund-wide pages may lag by ``LOGFRAME_FUND_PAGE_STALE_SECONDS`` (default 10 here, as
   docs/deployment.md advises for a busy fund; 0 measures them strict), labelled; the
   project pages are always current. With ``--warm`` (``LOAD_WARM=1``) every page of the mix
   is read once before the timed run: the steady state, not a cache emptied by a deployment.
6. Prints p50/p95/p99 latency, throughput, errors and the page cache's hits, labelled older
   renderings and misses; then checks that every write answered 200 is in the database's
   history (and none is there that was not answered).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FUND, PROJECTS, QUARTER, WRITE_PROJECT = "SYN", 2000, "2012Q4", "S00001"
SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")

LUA = r"""
local reads = {READS}
local codes = {CODES}
local versions = {VERSIONS}
local token = "{TOKEN}"
local cookie = "sessionid={SESSION}; csrftoken={CSRF}"
local write_share = {WRITE_SHARE}
counter = 0
acks = ""
conflicts = 0
failures = 0
hits = 0
stales = 0
misses = 0
tid = 0

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end
threads = {}

function init(args)
  math.randomseed(tid * 7919)
end

function request()
  if math.random() < write_share then
    local code = codes[math.random(#codes)]
    counter = counter + 1
    local value = 1000000 + tid * 100000 + counter
    local body = '{"value": "' .. value .. '", "version": ' .. versions[code] .. '}'
    local path = "/api/projects/{WRITE_PROJECT}/periods/{QUARTER}/values/" .. code .. "/"
    return wrk.format("PATCH", path,
      {["Authorization"] = "Token " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", reads[math.random(#reads)], {["Cookie"] = cookie})
end

function response(status, headers, body)
  if status == 409 then conflicts = conflicts + 1 end
  if status >= 400 and status ~= 409 then failures = failures + 1 end
  local cached = headers["X-Page-Cache"]
  if cached == "hit" then hits = hits + 1 elseif cached == "miss" then misses = misses + 1
  elseif cached == "stale" then stales = stales + 1 end
  if body and (status == 200 or status == 409) then
    local code = string.match(body, '"indicator":%s*"([^"]+)"')
    local version = string.match(body, '"version":%s*(%d+)')
    if code and version and versions[code] then
      versions[code] = version
      if status == 200 then
        local value = string.match(body, '"value":%s*"([^"]+)"')
        if value then acks = acks .. code .. "=" .. value .. ";" end
      end
    end
  end
end

function done(summary, latency, requests)
  local acked, conflict, failed, hit, stale, missed = {}, 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    table.insert(acked, thread:get("acks"))
    conflict = conflict + thread:get("conflicts")
    failed = failed + thread:get("failures")
    hit = hit + thread:get("hits")
    stale = stale + thread:get("stales")
    missed = missed + thread:get("misses")
  end
  local out = io.open("{OUT}", "w")
  out:write(string.format('{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, ',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  out:write(string.format('"socket_errors": %d, "timeouts": %d, "conflicts": %d, "failures": %d, ',
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout,
    conflict, failed))
  out:write(string.format('"hits": %d, "stales": %d, "misses": %d, ', hit, stale, missed))
  out:write('"acks": "' .. table.concat(acked, "") .. '"}')
  out:close()
end
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", "60")))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--projects", type=int, default=PROJECTS)
    parser.add_argument("--markdown", help="write the result into this file's load section")
    parser.add_argument(
        "--warm",
        action="store_true",
        default=os.environ.get("LOAD_WARM", "") == "1",
        help="read every page once before timing (the steady state, not a cold cache)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 1
    name = os.environ.get("LOAD_DATABASE", "logframe_load")
    url = f"{SERVER}/{name}"
    secret = secrets.token_urlsafe(40)
    os.environ.update(
        DATABASE_URL=url, LOGFRAME_SECRET_KEY=secret, DJANGO_SETTINGS_MODULE="logframe.settings"
    )
    os.environ.setdefault("LOGFRAME_FUND_PAGE_STALE_SECONDS", "10")
    _prepare(name, url, args.projects)
    folder = Path(tempfile.mkdtemp(prefix="logframe-load-"))
    cache = _start_redis(folder)
    if cache is not None:
        os.environ["LOGFRAME_CACHE_URL"] = f"redis://127.0.0.1:{cache[1]}/0"
    import django

    django.setup()
    plan = _plan()
    port = _free_port()
    log = folder / "gunicorn.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "logframe.wsgi:application",
             "--workers", "2", "--threads", "4", "--worker-class", "gthread",
             "--keep-alive", "10", "--backlog", "256",
             "--graceful-timeout", "5", "--preload", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT, env=os.environ | {"LOGFRAME_DEBUG": ""}, stdout=log_file, stderr=log_file,
        )  # fmt: skip
        try:
            _wait(port, plan)
            if args.warm:
                _warm(port, plan)
            args.load_before = os.getloadavg()[0]
            cpu_before = _workers_cpu(server.pid)
            result = _drive(port, plan, args.seconds, args.connections)
            result["worker_cpu"] = _workers_cpu(server.pid) - cpu_before
        finally:
            _stop(server)
            if cache is not None:
                _stop(cache[0])
    print(f"gunicorn's log: {log}")
    lost, phantom = _verify(plan, result["acks"])
    lines = _report(result, lost, phantom, args)
    if args.markdown:
        from results_file import replace_section

        replace_section(Path(args.markdown), "load", "\n".join(lines))
    return 0 if not lost else 1


def _prepare(name: str, url: str, projects: int) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(url) as db:
                try:
                    found = db.execute(
                        "SELECT count(*) FROM portfolio_project p JOIN portfolio_fund f "
                        "ON f.id = p.fund_id WHERE f.code = %s", [FUND]
                    ).fetchone()  # fmt: skip
                except psycopg.Error:
                    found = None
            if found and found[0] == projects:
                _migrate()
                return
            conn.execute(f'DROP DATABASE "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"generating the fund of {projects:,} projects in {name} (once)", flush=True)
    run = [sys.executable, "-c", "import sys; from logframe.cli.main import main; sys.exit(main())"]
    subprocess.run([*run, "init"], check=True, cwd=ROOT)
    subprocess.run([*run, "generate-portfolio", "--fund", FUND, "--projects", str(projects)],
                   check=True, cwd=ROOT)  # fmt: skip


def _migrate() -> None:
    """The kept database brought to the current code (new tables, the page-cache triggers)."""
    run = [sys.executable, "-c", "import sys; from logframe.cli.main import main; sys.exit(main())"]
    subprocess.run([*run, "init"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def _start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int] | None:
    """A private redis-server for the page cache, nothing kept on disk; None without one."""
    binary = shutil.which("redis-server")
    if binary is None:
        print("redis-server missing: each worker caches pages in its own memory", flush=True)
        return None
    port = _free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    _stop(server)
    raise RuntimeError("redis-server did not start")


def _plan() -> dict[str, Any]:
    """Who writes (a token, a session), what is read, which values are written."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from logframe.accounts.services import demo_users_create
    from logframe.domain.periods import Quarter
    from logframe.portfolio import models as m

    project = m.Project.objects.get(fund__code=FUND, number=WRITE_PROJECT)
    demo_users_create(project=project)
    user = get_user_model().objects.get(username="demo-manager")
    admin = get_user_model().objects.get(username="demo-admin")  # reads every project
    token = Token.objects.get_or_create(user=user)[0].key
    client = Client()
    client.force_login(admin)
    quarter = Quarter.parse(QUARTER)
    period = project.periods.get(year=quarter.year, quarter=quarter.number)
    values = m.IndicatorValue.objects.filter(
        period=period, indicator__measure="count", indicator__disaggregation="none"
    ).select_related("indicator")
    versions = {v.indicator.code: v.version for v in values}
    numbers = list(m.Project.objects.filter(fund__code=FUND).values_list("number", flat=True))
    rng = random.Random(1)
    sample = rng.sample(numbers, min(200, len(numbers)))
    reads = [f"/funds/{FUND}/"] * 2 + [f"/funds/{FUND}/?page=2", f"/funds/{FUND}/?sort=-committed"]
    reads += [f"/funds/{FUND}/report/?period={QUARTER}"]
    reads += [f"/funds/{FUND}/projects/{n}/" for n in sample]
    reads += [f"/funds/{FUND}/projects/{n}/report/" for n in sample[:100]]
    history_before = m.IndicatorValue.history.filter(period_id=period.pk).count()
    client.get(reads[-1])  # a page with a form: the browser's CSRF cookie
    session, csrf = client.cookies["sessionid"].value, client.cookies["csrftoken"].value
    return {"token": token, "session": session, "csrf": csrf, "reads": reads,
            "versions": versions, "period": period.pk,
            "history_before": history_before}  # fmt: skip


def _lua_list(items: list[str]) -> str:
    return "{" + ", ".join(json.dumps(i) for i in items) + "}"


def _drive(port: int, plan: dict[str, Any], seconds: int, connections: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="logframe-load-"))
    out = folder / "result.json"
    versions = "{" + ", ".join(f'["{c}"] = {v}' for c, v in plan["versions"].items()) + "}"
    script = (
        LUA.replace("{READS}", _lua_list(plan["reads"]))
        .replace("{CODES}", _lua_list(list(plan["versions"])))
        .replace("{VERSIONS}", versions)
        .replace("{TOKEN}", plan["token"])
        .replace("{SESSION}", plan["session"])
        .replace("{CSRF}", plan["csrf"])
        .replace("{WRITE_SHARE}", "0.2")
        .replace("{WRITE_PROJECT}", WRITE_PROJECT)
        .replace("{QUARTER}", QUARTER)
        .replace("{OUT}", str(out))
    )
    (folder / "mix.lua").write_text(script)
    print(
        f"wrk: {connections} connections, {seconds} s, 4 threads; 20 % API writes, 80 % reads"
        f" of {len(plan['reads'])} page URLs (fund page x5, fund report, 200 project pages,"
        " 100 project report pages)",
        flush=True,
    )
    subprocess.run(
        ["wrk", "-t4", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(folder / "mix.lua"), f"http://127.0.0.1:{port}"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(out.read_text()))


def _verify(plan: dict[str, Any], acks: str) -> tuple[list[str], int]:
    """Every acknowledged write is in the history; no write is there that was not acked."""
    from logframe.portfolio import models as m

    acked = [tuple(a.split("=", 1)) for a in acks.split(";") if a]
    stored = {
        (code, value)
        for code, value in m.IndicatorValue.history.filter(
            period_id=plan["period"], history_type="~"
        ).values_list("indicator__code", "value")
    }
    lost = [f"{c}={v}" for c, v in acked if (c, Decimal(v)) not in stored]
    written = m.IndicatorValue.history.filter(period_id=plan["period"]).count()
    phantom = written - plan["history_before"] - len(acked)
    return lost, phantom


def _report(result: dict[str, Any], lost: list[str], phantom: int, args: Any) -> list[str]:
    acked = len([a for a in result["acks"].split(";") if a])
    throughput = result["requests"] / result["seconds"]
    cache = "Redis" if os.environ.get("LOGFRAME_CACHE_URL") else "each worker's memory"
    lines = [
        f"`make load` (LOAD_SECONDS={args.seconds}): gunicorn 2 workers x 4 threads, wrk "
        f"{args.connections} connections, fund of {args.projects:,} projects on PostgreSQL, "
        f"page cache in {cache}; 20 % API writes, 80 % reads of the fund page (5 URLs), the "
        "fund report, 200 project pages and 100 project report pages; load average "
        f"{args.load_before:.1f} before, {os.getloadavg()[0]:.1f} at the end; "
        f"{'every page read once before timing (--warm); ' if args.warm else 'cache cold; '}"
        f"fund pages may lag "
        f"{os.environ['LOGFRAME_FUND_PAGE_STALE_SECONDS']} s (LOGFRAME_FUND_PAGE_STALE_SECONDS).",
        "",
        "| requests | per second | p50 ms | p95 ms | p99 ms | HTTP errors | timeouts (10 s) "
        "| socket errors | 409 (stale) | writes acknowledged | lost | saved, answer not received "
        "| page cache hits / labelled older / misses |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
        f"| {result['requests']:,} | {throughput:.1f} | {result['p50']:.0f} | "
        f"{result['p95']:.0f} | {result['p99']:.0f} | {result['failures']} | "
        f"{result['timeouts']} | {result['socket_errors']} | {result['conflicts']} | "
        f"{acked} | {len(lost)} | {max(phantom, 0)} | {result['hits']:,} / "
        f"{result['stales']:,} / {result['misses']:,} |",
    ]
    per_request = 1000 * result["worker_cpu"] / max(result["requests"], 1)
    lines += [
        "",
        f"The two workers used {result['worker_cpu']:.1f} s of CPU in all, "
        f"{per_request:.0f} ms per answered request (PostgreSQL's, Redis's and wrk's own "
        "not counted).",
    ]
    print("\n".join(lines))
    if lost:
        print(f"LOST: {', '.join(lost[:10])}", file=sys.stderr)
    return lines


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _workers_cpu(master: int) -> float:
    """Seconds of CPU (user + system) the gunicorn master's worker processes have used."""
    ticks = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / ticks


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _warm(port: int, plan: dict[str, Any]) -> None:
    """Every page of the mix read once, one at a time, before the timed run (``--warm``)."""
    import urllib.request

    cookie = f"sessionid={plan['session']}; csrftoken={plan['csrf']}"
    for path in plan["reads"]:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
        request.add_header("Cookie", cookie)
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


def _wait(port: int, plan: dict[str, Any]) -> None:
    """Until both workers answer a page (they load the app when they start)."""
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{plan['reads'][-1]}",
        headers={"Cookie": f"sessionid={plan['session']}"},
    )
    answered = 0
    for _ in range(600):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answered += response.status == 200
        except OSError:
            time.sleep(0.5)
        if answered >= 4:
            return
    raise RuntimeError("gunicorn did not answer")


if __name__ == "__main__":
    sys.exit(main())
