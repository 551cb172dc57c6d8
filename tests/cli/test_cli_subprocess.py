"""The ``logframe`` command in a subprocess, where it must choose its own database (demo, a new
SQLite file, an unreachable server). None of these tests touches the test database, so the
PostgreSQL pass (LOGFRAME_DATABASE_TESTS_ONLY=1) leaves them to the SQLite pass: they cannot
answer differently there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logframe", *args],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,  # the demo writes six documents and a fund of 200 projects
        check=False,
    )


def test_an_unreachable_database_is_one_line_and_exit_2(tmp_path: Path):
    env = {"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    done = _cli("init", env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("logframe init: database 127.0.0.1:9/none")
    assert done.stderr.count("\n") == 1


def test_a_bad_database_url_is_named(tmp_path: Path):
    done = _cli("init", env={"DATABASE_URL": "mysql://x"}, cwd=tmp_path)
    assert done.returncode == 2
    assert "DATABASE_URL='mysql://x'" in done.stderr


def test_commands_on_an_uninitialised_database_say_run_init(example_path, tmp_path: Path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    done = _cli("load", str(example_path), env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert "run `logframe init` first" in done.stderr


def test_demo_without_serving_writes_the_reports(tmp_path: Path):
    done = _cli("demo", "--no-serve", env={"LOGFRAME_VAR_DIR": str(tmp_path / "var")}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    reports = sorted(p.name for p in (tmp_path / "var" / "reports").iterdir())
    assert reports == [
        f"G11-23-2013Q1.{ext}" for ext in ("csv", "docx", "html", "md", "pdf", "xlsx")
    ]
    assert "2013Q1: " in done.stdout
    assert "data-quality findings" in done.stdout
    assert "fund SYN: 200 synthetic projects of 4 quarters" in done.stdout
    assert (tmp_path / "var" / "demo.sqlite3").is_file()
    for user in ("demo-admin", "demo-manager", "demo-undp", "demo-unops", "demo-reviewer",
                 "demo-viewer"):  # fmt: skip
        assert user in done.stdout
    assert "'logframe-demo'" in done.stdout


def test_init_then_load_on_a_new_sqlite_file(example_path, tmp_path: Path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}
    assert _cli("init", env=env, cwd=tmp_path).returncode == 0
    done = _cli("load", str(example_path), env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_a_database_folder_that_does_not_exist_says_run_init(tmp_path: Path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'nowhere' / 'db.sqlite3'}"}
    done = _cli("check", "G11-23", "--period", "2013Q1", env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert "run `logframe init` first" in done.stderr
    assert _cli("init", env=env, cwd=tmp_path).returncode == 0  # init makes the folder
    assert (tmp_path / "nowhere" / "db.sqlite3").is_file()
