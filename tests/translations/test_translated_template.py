"""The Excel data-entry template in a content language: the project's texts translated where
they are, the original marked "[en]" elsewhere (as in the reports), and a filled Arabic
template imported by code, never by text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from logframe.cli.main import main
from logframe.domain.content import FSI, LRI, PDI
from logframe.domain.periods import Quarter
from logframe.interchange.workbook import read_template
from logframe.portfolio import models as m
from logframe.translations.models import ContentTranslation
from logframe.workflow.workbooks import template_import, template_write

pytestmark = pytest.mark.django_db

Q1 = Quarter.parse("2013Q1")
TITLE_AR = "دعم المفوضية العليا المستقلة للانتخابات"
INDICATOR_AR = "عدد موظفي المفوضية المدرَّبين"
OUTPUT_AR = "تعزيز قدرات المفوضية"


def isolated(text: str) -> str:
    """A translated plain text as localise gives it: a first-strong isolate."""
    return f"{FSI}{text}{PDI}"


@pytest.fixture
def arabic(loaded_project):
    for subject, code, text in (
        ("project", "", TITLE_AR),
        ("indicator", "1.1.8", INDICATOR_AR),
        ("result", "1.1", OUTPUT_AR),
    ):
        ContentTranslation.objects.create(
            project=loaded_project, subject=subject, code=code,
            field="title" if subject == "project" else "text", language="ar", text=text,
        )  # fmt: skip
    return loaded_project


def _rows(data: bytes) -> dict[str, int]:
    ws = load_workbook(io.BytesIO(data))["Indicators"]
    return {ws[f"A{row}"].value: row for row in range(5, ws.max_row + 1) if ws[f"A{row}"].value}


def test_the_arabic_template_shows_translations_and_marks_the_rest(arabic):
    data = template_write(project=arabic, quarter=Q1, lang="ar")
    book = load_workbook(io.BytesIO(data))
    ws = book["Indicators"]
    rows = _rows(data)
    assert ws[f"C{rows['1.1.8']}"].value == isolated(INDICATOR_AR)
    untranslated = m.Indicator.objects.get(result__project=arabic, code="1.1.9").text
    assert ws[f"C{rows['1.1.9']}"].value == f"{LRI}[en] {untranslated}{PDI}"
    assert ws[f"B{rows['1.1.8']}"].value == "1.1"  # the code stays; the title is its note
    assert ws[f"B{rows['1.1.8']}"].comment.text == isolated(OUTPUT_AR)
    assert ws["A3"].value.startswith(isolated(TITLE_AR))
    assert "[en]" in ws["A3"].value  # the legend
    assert "العربية" in ws["A3"].value
    assert ws.sheet_view.rightToLeft is True


def test_without_a_language_the_template_is_as_before(arabic):
    ws = load_workbook(io.BytesIO(template_write(project=arabic, quarter=Q1)))["Indicators"]
    rows = {ws[f"A{r}"].value: r for r in range(5, ws.max_row + 1)}
    assert ws[f"C{rows['1.1.8']}"].value != isolated(INDICATOR_AR)
    assert ws["A3"].value is None
    assert not ws.sheet_view.rightToLeft


def test_a_language_the_project_is_not_kept_in_falls_back_everywhere(arabic):
    """Kurdish was never a language of the project: every text in the original, marked;
    no text missing, no error."""
    data = template_write(project=arabic, quarter=Q1, lang="ckb")
    ws = load_workbook(io.BytesIO(data))["Indicators"]
    texts = [ws[f"C{row}"].value for row in _rows(data).values()]
    assert texts
    assert all(t.startswith(f"{LRI}[en] ") for t in texts)
    assert ws["A3"].value.startswith(f"{LRI}[en] ")


def test_a_filled_arabic_template_is_imported_by_code(arabic, make_member):
    manager = make_member("manager", "project_manager", arabic, "UNDP")
    data = template_write(project=arabic, quarter=Q1, lang="ar")
    row = _rows(data)["1.1.8"]
    book = load_workbook(io.BytesIO(data))
    book["Indicators"][f"K{row}"] = "تعليق"
    out = io.BytesIO()
    book.save(out)
    period = m.ReportingPeriod.objects.get(project=arabic, year=2013, quarter=1)
    summary = template_import(period=period, workbook=read_template(out.getvalue()), actor=manager)
    assert [(c.line, c.field, c.new) for c in summary.changes] == [
        ("indicator 1.1.8", "comment", "تعليق")
    ]
    value = m.IndicatorValue.objects.get(period=period, indicator__code="1.1.8")
    assert value.comment == "تعليق"


def test_the_web_download_takes_the_language(client, arabic, make_member):
    manager = make_member("manager", "project_manager", arabic, "UNDP")
    client.force_login(manager)
    url = "/funds/UNDG-ITF/projects/G11-23/2013Q1/template.xlsx"
    response = client.get(url + "?lang=ar")
    assert response.status_code == 200
    assert "-ar-template.xlsx" in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content))["Indicators"]
    assert isolated(INDICATOR_AR) in [ws[f"C{r}"].value for r in range(5, ws.max_row + 1)]
    assert client.get(url + "?lang=xx!").status_code == 400
    assert client.get(url + "?lang=fr").status_code == 200  # not kept in French: all marked


def test_the_command_line_writes_the_arabic_template(arabic, tmp_path: Path, capsys):
    out = tmp_path / "t.xlsx"
    args = ["template", "G11-23", "--period", "2013Q1", "--out", str(out)]
    assert main([*args, "--lang", "ar"]) == 0
    assert capsys.readouterr().out.endswith(", texts in ar\n")
    ws = load_workbook(out)["Indicators"]
    assert isolated(INDICATOR_AR) in [ws[f"C{r}"].value for r in range(5, ws.max_row + 1)]
    assert main([*args, "--lang", "<ar>"]) == 2
    assert "--lang '<ar>': not a language tag" in capsys.readouterr().err
