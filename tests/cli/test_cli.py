"""The ``logframe`` command, run in this process against the test database (in a subprocess,
where it chooses its own database: test_cli_subprocess.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from logframe.cli.main import main
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db


def run(*args: str) -> int:
    return main(list(args))


def test_load_dump_round_trip_gives_back_the_file(example_path: Path, tmp_path: Path, capsys):
    assert run("load", str(example_path)) == 0
    assert "loaded project G11-23 (2013Q1)" in capsys.readouterr().out
    out = tmp_path / "dumped.json"
    assert run("dump", "G11-23", "--out", str(out)) == 0
    assert json.loads(out.read_text()) == json.loads(example_path.read_text())


def test_loading_twice_changes_nothing(example_path: Path, capsys):
    run("load", str(example_path))
    capsys.readouterr()
    assert run("load", str(example_path)) == 0
    assert "0 created, 0 updated, 0 deleted" in capsys.readouterr().out


def test_dry_run_saves_nothing(example_path: Path, capsys):
    assert run("load", str(example_path), "--dry-run") == 0
    assert "nothing saved" in capsys.readouterr().out
    assert not m.Project.objects.exists()


@pytest.mark.parametrize(("fmt", "needle"), [("html", "<table"), ("md", "| ")])
def test_report_is_written(example_path: Path, tmp_path: Path, fmt: str, needle: str):
    run("load", str(example_path))
    out = tmp_path / "sub" / f"report.{fmt}"
    assert run("report", "G11-23", "--period", "2013Q1", "--format", fmt, "--out", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    assert needle in text
    assert "Institutional Development Support to the Independent High Electoral" in text
    assert "12,824,814.81" in text


def test_a_malformed_project_file_is_refused_with_its_path(tmp_path: Path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "logframe-project", "version": 1, "project": {"number": 5}}')
    assert run("load", str(bad)) == 2
    err = capsys.readouterr().err
    assert str(bad) in err
    assert err.count("\n") == 1
    assert not m.Project.objects.exists()


def test_invalid_json_names_line_and_column(tmp_path: Path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "logframe-project",\n  oops\n}')
    assert run("load", str(bad)) == 2
    assert "bad.json" in capsys.readouterr().err


def test_a_missing_file_is_named(tmp_path: Path, capsys):
    assert run("load", str(tmp_path / "nope.json")) == 2
    assert "nope.json" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "G99-9", "--period", "2013Q1", "--out", "x.html"], "unknown project 'G99-9'"),
        (["report", "G11-23", "--period", "2014Q3", "--out", "x.html"], "no period 2014Q3"),
        (["report", "G11-23", "--period", "2013Q5", "--out", "x.html"], "--period '2013Q5'"),
        (["dump", "G99-9", "--out", "x.json"], "unknown project 'G99-9'"),
    ],
)
def test_unknown_project_or_period_exits_2(
    example_path, tmp_path, capsys, monkeypatch, args, message
):
    run("load", str(example_path))
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)  # put back after the test: later tests name files relatively
    assert run(*args) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_an_unwritable_output_path_exits_2_and_leaves_nothing(example_path, tmp_path, capsys):
    run("load", str(example_path))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    target = blocker / "report.html"
    assert run("report", "G11-23", "--period", "2013Q1", "--out", str(target)) == 2
    assert "cannot write" in capsys.readouterr().err
    assert blocker.read_text() == "not a folder"


def test_the_indicator_table_as_csv(example_path: Path, tmp_path: Path):
    import csv

    run("load", str(example_path))
    out = tmp_path / "table.csv"
    assert run("report", "G11-23", "--period", "2013Q1", "--format", "csv", "--out", str(out)) == 0
    rows = {r["indicator"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert len(rows) == 51
    row = rows["1.1.9"]
    assert (row["target_raw"], row["target_value"], row["target_kind"]) == ("340", "340", "number")
    assert (row["actual_value"], row["male"], row["female"]) == ("498", "468", "28")
    assert (row["reported_pct"], row["computed_pct"]) == ("100", "100")
    assert rows["3.1.4"]["reported_pct"] == "5"
    assert rows["3.1.4"]["computed_pct"] == "10"
    assert rows["3.1.5"]["actual_value"] == "96.5"
    assert rows["2.1.6"]["target_kind"] == "tbd"
    assert rows["1.1.1"]["status"] == "initiated"
