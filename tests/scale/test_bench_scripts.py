"""``bench/scale.py`` prints its table of ratios; ``bench/load.py`` (``make load``) serves, drives
and verifies. Both run as the Makefile runs them, on small funds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT / "bench", env=clean | env, capture_output=True,
        text=True, timeout=900,
    )  # fmt: skip


def test_the_scale_bench_prints_each_step_against_the_floor(tmp_path):
    done = _run(
        "scale.py", "--sizes", "3", "--databases", "sqlite", "--markdown", str(tmp_path / "r.md"),
        env={"LOGFRAME_VAR_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "x floor" in lines[1]
    steps = [line.split()[2:4] for line in lines[2:]]
    assert steps[0][:1] == ["floor"]
    assert ["project", "report"] in steps
    written = (tmp_path / "r.md").read_text()
    assert "<!-- scale -->" in written
    assert "| sqlite | 3 |" in written
    assert list(tmp_path.glob("bench/sqlite_3_s1_*.sqlite3"))  # cached for the next run


def _postgres_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except Exception:
        return False
    return True


@pytest.mark.skipif(not shutil.which("wrk"), reason="Debian's wrk is not installed")
@pytest.mark.skipif(not _postgres_reachable(), reason="no PostgreSQL on 127.0.0.1")
def test_the_load_test_loses_no_acknowledged_write():
    database = os.environ.get("LOAD_TEST_DATABASE", "logframe_load_test")
    done = _run(
        "load.py", "--seconds", "3", "--projects", "10", "--connections", "8",
        env={"LOAD_DATABASE": database, "BENCH_PG_URL": PG_SERVER},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    row = [cell.strip() for cell in table[-1].strip("|").split("|")]
    figures = dict(zip(header, row, strict=True))
    requests, acknowledged = figures["requests"], figures["writes acknowledged"]
    lost = figures["lost"]
    assert int(requests.replace(",", "")) > 0
    assert int(acknowledged) > 0
    assert int(lost) == 0
