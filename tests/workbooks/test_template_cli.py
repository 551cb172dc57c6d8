"""``logframe template`` and ``logframe import-template``, run in this process."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_support import fill, row_of, stored

from logframe.cli.main import main
from logframe.portfolio import models as m


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def template_file(loaded_project, tmp_path: Path, capsys) -> Path:
    out = tmp_path / "out" / "g11-23.xlsx"
    assert run("template", "G11-23", "--period", "2013Q1", "--out", str(out)) == 0
    assert capsys.readouterr().out == f"wrote {out}: G11-23 2013Q1, all agencies' lines\n"
    return out


def test_template_then_import_as_a_named_user(template_file: Path, period, manager, capsys):
    data = template_file.read_bytes()
    row = row_of(data, "Indicators", "1.2.1")
    template_file.write_bytes(fill(data, {("Indicators", f"F{row}"): 4}))

    assert run("import-template", str(template_file), "--user", "manager") == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{template_file}: G11-23 2013Q1 as manager: saved 1 line(s)")
    assert out[1].split() == [f"Indicators!F{row}", "indicator", "1.2.1", "value:", "0", "→", "4"]
    value = m.IndicatorValue.objects.get(period=period, indicator__code="1.2.1")
    assert value.value == 4
    assert value.history.first().history_user == manager


def test_an_organisations_template(loaded_project, tmp_path: Path, capsys):
    out = tmp_path / "unops.xlsx"
    args = ["template", "G11-23", "--period", "2013Q1", "--organisation", "UNOPS"]
    assert run(*args, "--fund", "UNDG-ITF", "--out", str(out)) == 0
    assert "UNOPS's lines" in capsys.readouterr().out


def test_dry_run_saves_nothing(template_file: Path, manager, capsys):
    template_file.write_bytes(fill(template_file.read_bytes(), {("Finance", "D6"): 7_000_000}))
    before = stored()
    assert run("import-template", str(template_file), "--user", "manager", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "would save 1 line(s)" in out
    assert out.endswith("nothing saved (dry run)\n")
    assert stored() == before


def test_every_problem_is_named_with_exit_2(template_file: Path, manager, capsys):
    data = fill(template_file.read_bytes(), {("Finance", "D5"): "lots", ("Finance", "E6"): -1})
    template_file.write_bytes(data)
    before = stored()
    assert run("import-template", str(template_file), "--user", "manager") == 2
    assert capsys.readouterr().err == (
        f"logframe import-template: {template_file.name}: 2 problems: "
        "Finance!D5: 'lots' is text where a number belongs; "
        "Finance!E6: -1 is negative; a number here is 0 or more\n"
    )
    assert stored() == before


def test_a_viewer_is_refused(template_file: Path, viewer, capsys):
    template_file.write_bytes(fill(template_file.read_bytes(), {("Finance", "D5"): 1}))
    assert run("import-template", str(template_file), "--user", "viewer") == 2
    assert "you may not enter figures in project G11-23" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["template", "G11-99", "--period", "2013Q1"], "unknown project 'G11-99'"),
        (["template", "G11-23", "--period", "2014Q1"], "has no period 2014Q1"),
        (["template", "G11-23", "--period", "2013Q9"], "--period '2013Q9'"),
        (["template", "G11-23", "--period", "2013Q1", "--organisation", "WFP"],
         "WFP is not an agency of G11-23"),
    ],
)  # fmt: skip
def test_template_refusals(loaded_project, tmp_path: Path, capsys, args, message):
    assert run(*args, "--out", str(tmp_path / "t.xlsx")) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "t.xlsx").exists()


def test_an_unknown_user_is_refused(template_file: Path, capsys):
    assert run("import-template", str(template_file), "--user", "nobody") == 2
    assert "--user 'nobody': no such active user" in capsys.readouterr().err


def test_a_file_that_is_not_a_workbook(tmp_path: Path, db, capsys):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"%PDF-1.7\n")
    assert run("import-template", str(fake), "--user", "anyone") == 2
    assert capsys.readouterr().err == (
        "logframe import-template: fake.xlsx: this is not an Excel workbook (.xlsx): "
        "it is a PDF document\n"
    )
