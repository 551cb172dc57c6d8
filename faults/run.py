# ruff: noqa: E501
"""`make faults`: faults injected on purpose, and what held (docs/security.md).

1. PostgreSQL stopped and restarted while writes run. A private cluster (initdb in a
   temporary folder, its own port) so the shared server is never touched. Writes go
   through the whole middleware stack (Django's test client, the API's texts PATCH with
   its version); while the server is down every answer must be 503 with Retry-After, the
   application must reconnect by itself afterwards, and every acknowledged write (2xx)
   must be in the database at the end.
2. The disk full while writing a report: ENOSPC raised at the file's write; the command
   must fail with one line, exit 2, and leave neither the file nor a temporary part.
3. A killed import: `logframe import-report` SIGKILLed at random moments; the database
   must hold either the whole project or nothing.

Prints a Markdown table; exit 1 if anything did not hold.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PORT = 55433
SEED = ROOT / "examples" / "itf-g11-23" / "itf-g11-23-2013q1-progress-report.txt"
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"
results: list[tuple[str, str, bool]] = []


def as_postgres(*args: str) -> subprocess.CompletedProcess[str]:
    command = list(args)
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def cluster_start(folder: Path) -> None:
    done = as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "-l",
                       str(folder / "log"), "-o", f"-p {PORT} -k {folder}", "-w", "start")  # fmt: skip
    if done.returncode:
        raise SystemExit(f"cannot start the private PostgreSQL: {done.stderr or done.stdout}")


def cluster_stop(folder: Path, mode: str = "fast") -> None:
    as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "-m", mode, "-w", "stop")


def cluster_make() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="logframe-faults-"))
    os.chmod(folder, 0o777)
    done = as_postgres(str(PG_BIN / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
                       "--auth=trust")  # fmt: skip
    if done.returncode:
        raise SystemExit(f"initdb failed: {done.stderr}")
    cluster_start(folder)
    as_postgres(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres",
                "faults")  # fmt: skip
    return folder


def writes_under_restart(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{PORT}/faults"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "logframe.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from logframe.accounts.models import Membership
    from logframe.interchange.projectfile import read_project_file
    from logframe.portfolio.models import ReportingPeriod
    from logframe.portfolio.services import project_import

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    project = project_import(record=read_project_file(EXAMPLE), actor=None, reason="faults").project
    user = get_user_model().objects.create_user("manager", password="a-long-faults-password")
    Membership.objects.create(user=user, fund=project.fund, project=project,
                              organisation=project.participations.first().organisation,
                              role="project_manager")  # fmt: skip
    client = Client(raise_request_exception=False)  # answers as a browser would get them
    client.force_login(user)
    url = f"/api/projects/{project.number}/periods/2013Q1/texts/"
    acknowledged: list[str] = []
    answers: dict[int, int] = {}
    version = client.get(url).json()["version"]
    stopped_at = restarted_at = recovered_at = None
    unavailable_ok = True
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < 40:
        n += 1
        elapsed = time.monotonic() - start
        if stopped_at is None and elapsed > 3:
            cluster_stop(folder)
            stopped_at = elapsed
        if stopped_at is not None and restarted_at is None and elapsed > stopped_at + 4:
            cluster_start(folder)
            restarted_at = time.monotonic() - start
        text = f"<p>Write {n}.</p>"
        response = client.patch(url, {"summary": text, "version": version},
                                content_type="application/json")  # fmt: skip
        answers[response.status_code] = answers.get(response.status_code, 0) + 1
        if response.status_code == 200:
            acknowledged.append(text)
            version = response.json()["version"]
            if restarted_at is not None and recovered_at is None:
                recovered_at = time.monotonic() - start
                if len(acknowledged) > 5 + n // 10 and elapsed > recovered_at + 3:
                    break
        elif response.status_code == 503:
            unavailable_ok &= bool(response.get("Retry-After"))
        elif response.status_code == 409:  # a write acknowledged just before the stop
            version = client.get(url).json()["version"]
        if recovered_at is not None and elapsed > recovered_at + 3:
            break
        time.sleep(0.05)
    period = ReportingPeriod.objects.get(project=project, year=2013, quarter=1)
    last_kept = period.summary == acknowledged[-1] if acknowledged else False
    history = set(period.history.values_list("summary", flat=True))
    lost = [t for t in acknowledged if t not in history]
    held = bool(stopped_at and recovered_at) and unavailable_ok and last_kept and not lost
    results.append((
        "PostgreSQL stopped 4 s and restarted under writes",
        f"{n} writes: answers {dict(sorted(answers.items()))}; 503 with Retry-After while "
        f"down: {unavailable_ok}; recovered {recovered_at and recovered_at - (restarted_at or 0):.1f} s "
        f"after the restart without a restart of the app; acknowledged {len(acknowledged)}, "
        f"lost {len(lost)}",
        held,
    ))  # fmt: skip


def disk_full() -> None:
    from logframe.cli.main import main

    folder = Path(tempfile.mkdtemp(prefix="logframe-diskfull-"))
    target = folder / "report.pdf"
    real = os.fdopen

    class Full:
        def __init__(self, handle):  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self.handle.close()

        def write(self, data):  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        return Full(real(fd, *args, **kwargs))

    with mock.patch("logframe.atomic_write.os.fdopen", fdopen):
        code = main(["report", "G11-23", "--period", "2013Q1", "--format", "html",
                     "--out", str(target)])  # fmt: skip
    left = sorted(p.name for p in folder.iterdir())
    results.append((
        "disk full (ENOSPC) while writing a report",
        f"exit {code}; files left in the folder: {left or 'none'}",
        code == 2 and not left,
    ))  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)


def killed_imports(times: int = 6) -> None:
    folder = Path(tempfile.mkdtemp(prefix="logframe-killed-"))
    database = folder / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "LOGFRAME_VAR_DIR": str(folder)}
    subprocess.run([str(BIN / "logframe"), "init"], env=env, check=True, capture_output=True)
    empty = folder / "empty.sqlite3"
    shutil.copy(database, empty)
    outcomes = []
    for _ in range(times):
        shutil.copy(empty, database)
        for journal in folder.glob("db.sqlite3-*"):
            journal.unlink()
        process = subprocess.Popen([str(BIN / "logframe"), "import-report", str(SEED)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(random.uniform(1.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts = subprocess.run(
            ["sqlite3", str(database),
             "select count(*) from portfolio_project; select count(*) from portfolio_indicatorvalue;"],
            capture_output=True, text=True, check=False,
        ).stdout.split()  # fmt: skip
        outcomes.append(tuple(counts))
    whole_or_nothing = all((c[0] == "0" and c[1] == "0") or (c[0] == "1" and c[1] != "0")
                           for c in outcomes)  # fmt: skip
    results.append((
        f"import-report SIGKILLed {times} times at random moments (SQLite)",
        f"(projects, values) after each kill: {outcomes}",
        whole_or_nothing,
    ))  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    folder = cluster_make()
    try:
        writes_under_restart(folder)
        disk_full()
    finally:
        cluster_stop(folder, "immediate")
        shutil.rmtree(folder, ignore_errors=True)
    killed_imports()
    print("| fault | what happened | held |\n| --- | --- | --- |")
    for name, what, held in results:
        print(f"| {name} | {what} | {'yes' if held else 'NO'} |")
    return 0 if all(h for *_, h in results) else 1


if __name__ == "__main__":
    sys.exit(main())
