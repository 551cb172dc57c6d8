"""``logframe import-report`` and ``logframe check`` on the real seed report and on bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from logframe.cli.main import main
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23"
SEED_TXT = SEED / "itf-g11-23-2013q1-progress-report.txt"


def run(*args: str) -> int:
    return main(list(args))


def test_importing_the_seed_says_what_came_in(capsys):
    assert run("import-report", str(SEED_TXT)) == 0
    out = capsys.readouterr().out
    assert "project G11-23, 2013Q1" in out
    assert "51 indicators" in out
    assert "findings" in out
    assert m.IndicatorValue.objects.count() == 49
    assert m.SourceCell.objects.filter(where="1.1.9", field="actual").exists()


def test_importing_twice_changes_nothing(capsys):
    run("import-report", str(SEED_TXT))
    capsys.readouterr()
    assert run("import-report", str(SEED_TXT)) == 0
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_dry_run_saves_nothing(capsys):
    assert run("import-report", str(SEED_TXT), "--dry-run") == 0
    assert "nothing saved" in capsys.readouterr().out
    assert not m.Project.objects.exists()


def test_a_later_quarter_adds_a_period(tmp_path: Path, capsys):
    run("import-report", str(SEED_TXT))
    later = tmp_path / "q2.txt"
    text = SEED_TXT.read_text(encoding="utf-8")
    later.write_text(
        text.replace(
            "01 January \N{EN DASH} 31 March 2013 - 1st Quarter 2013",
            "01 April \N{EN DASH} 30 June 2013 - 2nd Quarter 2013",
        ),
        encoding="utf-8",
    )
    assert run("import-report", str(later)) == 0
    project = m.Project.objects.get(number="G11-23")
    assert [p.code for p in project.periods.all()] == ["2013Q1", "2013Q2"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("notes.txt", b"Minutes of the steering committee\n\nAll present.\n", "notes.txt"),
        ("image.txt", bytes(range(256)) * 4, "image.txt"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "fake.docx"),
    ],
)
def test_bad_files_are_refused_with_one_line(tmp_path: Path, capsys, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    assert run("import-report", str(bad)) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert not m.Project.objects.exists()


def test_a_truncated_report_is_refused(tmp_path: Path, capsys):
    cut = tmp_path / "cut.txt"
    lines = SEED_TXT.read_text(encoding="utf-8").splitlines(keepends=True)
    cut.write_text("".join(lines[:70]), encoding="utf-8")
    assert run("import-report", str(cut)) == 2
    assert "cut.txt" in capsys.readouterr().err
    assert not m.Project.objects.exists()


def test_check_prints_the_findings_and_their_json(capsys):
    run("import-report", str(SEED_TXT))
    capsys.readouterr()
    assert run("check", "G11-23", "--period", "2013Q1") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("1.1.9" in line and "sex-split" in line for line in lines)
    assert run("check", "G11-23", "--period", "2013Q1", "--json") == 0
    findings = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in findings} >= {"sex-split", "pct-mismatch", "output-pct-mismatch"}
    assert set(findings[0]) == {
        "rule",
        "severity",
        "where",
        "computed",
        "reported",
        "message",
        "source",
    }
    sex = next(f for f in findings if f["rule"] == "sex-split" and f["where"] == "1.1.9")
    assert sex["source"].startswith("itf-g11-23-2013q1-progress-report.txt:")


def test_check_of_an_unknown_period_exits_2(capsys):
    run("import-report", str(SEED_TXT))
    assert run("check", "G11-23", "--period", "2012Q4") == 2
    assert "no period 2012Q4" in capsys.readouterr().err
