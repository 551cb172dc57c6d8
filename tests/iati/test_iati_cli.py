"""``logframe export-iati`` and ``logframe import-iati``: output, exit codes, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from logframe.cli.main import main
from logframe.interchange.iati.schema import schema_violations
from logframe.portfolio import models as m
from tests.iati.conftest import WORLD_BANK, WRI

pytestmark = pytest.mark.django_db


def run(*args: str) -> int:
    return main(list(args))


def test_export_writes_a_valid_file_and_says_so(loaded_project, tmp_path: Path, capsys):
    out = tmp_path / "g11-23.xml"
    assert run("export-iati", "G11-23", "--out", str(out), "--reporting-org", "XM-DAC-41114",
               "--country", "iq") == 0  # fmt: skip
    said = capsys.readouterr().out
    assert f"wrote {out}: 1 activities, valid against the IATI 2.03 XSD" in said
    document = etree.parse(str(out))
    assert schema_violations(document) == []
    assert document.findtext("iati-activity/iati-identifier") == "XM-DAC-41114-G11-23"
    assert document.find("iati-activity/recipient-country").get("code") == "IQ"


def test_export_of_a_fund_and_the_reporting_org_from_the_environment(
    loaded_project, tmp_path: Path, capsys, monkeypatch
):
    monkeypatch.setenv("LOGFRAME_IATI_REPORTING_ORG", "XM-DAC-41114")
    monkeypatch.setenv("LOGFRAME_IATI_REPORTING_ORG_NAME", "UNDP")
    out = tmp_path / "fund.xml"
    assert run("export-iati", "--fund", "UNDG-ITF", "--out", str(out)) == 0
    document = etree.parse(str(out))
    assert document.findtext("iati-activity/reporting-org/narrative") == "UNDP"


def test_export_prints_rule_violations(tmp_path: Path, capsys):
    assert run("import-iati", str(WORLD_BANK)) == 0
    capsys.readouterr()
    out = tmp_path / "wb.xml"
    assert run("export-iati", "--fund", "44000", "--out", str(out), "--reporting-org", "44000") == 0
    said = capsys.readouterr().out
    assert "IATI rule and codelist findings" in said
    assert "[warning 8.10.2]" in said  # the World Bank's unit indicators with text actuals


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["export-iati", "--out", "x.xml", "--reporting-org", "X"], "name a PROJECT or a --fund"),
        (["export-iati", "G11-23", "--out", "x.xml"], "no reporting organisation"),
        (["export-iati", "G99", "--out", "x.xml", "--reporting-org", "X"], "unknown project 'G99'"),
    ],
)
def test_export_refusals(loaded_project, monkeypatch, capsys, args, needle):
    monkeypatch.delenv("LOGFRAME_IATI_REPORTING_ORG", raising=False)
    assert run(*args) == 2
    assert needle in capsys.readouterr().err


def test_a_blank_reporting_org_is_refused(loaded_project, tmp_path: Path, capsys):
    out = tmp_path / "bad.xml"
    assert run("export-iati", "G11-23", "--out", str(out), "--reporting-org", " ") == 2
    assert "no reporting organisation" in capsys.readouterr().err
    assert not out.exists()


def test_the_schema_check_of_an_export_names_each_violation(seed_record, export_settings):
    """What ``export-iati`` does with its bytes before writing them: here a broken copy."""
    from logframe.interchange.iati.publish import check_export, export_bytes

    content = export_bytes([seed_record], export_settings)
    assert check_export(content, today=export_settings.today).schema_violations == ()
    broken = content.replace(b"<iati-identifier>XM-DAC-41114-G11-23</iati-identifier>", b"")
    found = check_export(broken, today=export_settings.today).schema_violations
    assert found
    assert "reporting-org" in found[0].message
    assert found[0].line == 5


def test_import_prints_what_it_created_then_updated(capsys):
    assert run("import-iati", str(WRI)) == 0
    said = capsys.readouterr().out
    assert "created project US-EIN-521257057-US-EIN-521257057" in said
    assert "16 results, 24 indicators, 6 budgets, 2 transactions" in said
    assert "saved in one transaction" in said
    assert run("import-iati", str(WRI)) == 0
    assert "updated project" in capsys.readouterr().out


def test_import_dry_run_saves_nothing(capsys):
    assert run("import-iati", str(WORLD_BANK), "--dry-run") == 0
    said = capsys.readouterr().out
    assert "would create project 44000-P145054" in said
    assert "nothing saved (dry run)" in said
    assert not m.Project.objects.exists()


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("this is not XML\n", ":1: not well-formed XML"),
        (WRI.read_text(encoding="utf-8")[:3000], ":36: not well-formed XML: Premature end"),
    ],
)
def test_import_of_bad_input_names_file_and_line(tmp_path: Path, capsys, content, needle):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    assert run("import-iati", str(path)) == 2
    err = capsys.readouterr().err
    assert f"{path}{needle}" in err
    assert "(nothing saved)" in err
    assert not m.Project.objects.exists()


def test_import_of_a_missing_file(tmp_path: Path, capsys):
    assert run("import-iati", str(tmp_path / "none.xml")) == 2
    assert "no such file" in capsys.readouterr().err
