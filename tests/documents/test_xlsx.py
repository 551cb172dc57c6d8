"""The report's figures as Excel: opened with openpyxl, sheets, formats and values read back."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from logframe.reporting.labels import AR, EN
from logframe.reporting.model import ReportModel
from logframe.reporting.xlsx import render_xlsx


@pytest.fixture(scope="module")
def book(seed: ReportModel, created: datetime) -> Workbook:
    return load_workbook(io.BytesIO(render_xlsx(seed, "en", created=created)))


def _rows(book: Workbook, sheet: str) -> dict[str, tuple[object, ...]]:
    ws = book[sheet]
    key = 1 if sheet == EN.sheet_indicators else 0
    return {str(row[key]): row for row in ws.iter_rows(min_row=2, values_only=True)}


def test_three_sheets_with_frozen_filtered_headers(book: Workbook, created: datetime):
    assert book.sheetnames == ["Indicators", "Finance", "Beneficiaries"]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert ws["A1"].font.bold
    assert [c.value for c in book["Indicators"][1]] == [
        "Output", "Code", "Indicator", "Target", "Value", "Male", "Female", "Status",
        "Computed %", "Reported %", "Finding",
    ]  # fmt: skip
    assert book.properties.title.startswith("G11-23 2013Q1 progress report")
    assert book.properties.created == created.replace(tzinfo=None)


def test_one_row_per_indicator_with_numbers(book: Workbook, codes: list[str]):
    rows = _rows(book, "Indicators")
    assert list(rows) == codes
    assert rows["1.1.9"][:8] == ("Output 1.1", "1.1.9", rows["1.1.9"][2], 340, 498, 468, 28, None)
    assert rows["1.1.1"][3:8] == ("Yes", None, None, None, "Initiated")
    computed, reported = rows["3.1.4"][8:10]
    assert round(Decimal(str(computed)), 4) == Decimal("0.0992")
    assert reported == 0.05
    assert str(rows["3.1.4"][10]).startswith("Reported 5 % of planned, computed 9.9 %")
    assert rows["1.1.3"][10] is None
    ws = book["Indicators"]
    row = list(rows).index("3.1.4") + 2
    assert ws.cell(row, 9).number_format == "0%"
    assert ws.cell(row, 5).number_format == "#,##0.##"


def test_finance_and_beneficiaries(book: Workbook):
    finance = _rows(book, "Finance")
    undp = finance["UNDP"]
    assert undp[1:3] == (13947279, 5848841.07)
    assert round(undp[3], 4) == 0.4194
    assert undp[4] == 0.41
    assert finance["Total"][2] == 12824814.81
    ws = book["Finance"]
    assert ws["B2"].number_format == "#,##0.00"
    assert ws["D2"].number_format == "0.0%"
    assert ws["A4"].font.bold  # the total
    people = _rows(book, "Beneficiaries")
    assert people["Men"][1:5] == (1471, 1459, people["Men"][3], 0.99)
    assert round(people["Men"][3], 4) == 0.9918


def test_text_is_never_a_formula(seed: ReportModel, created: datetime):
    block = seed.quantitative[1]
    row = replace(block.indicators[0], text='=HYPERLINK("http://evil.example","click")')
    evil = replace(
        seed,
        quantitative=(replace(block, indicators=(row, *block.indicators[1:])),),
        finance=replace(
            seed.finance, agencies=(replace(seed.finance.agencies[0], label="@SUM(A1)"),)
        ),
    )
    data = render_xlsx(evil, "en", created=created)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(name) for name in sheets)
    book = load_workbook(io.BytesIO(data))
    cell = book["Indicators"]["C2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil.example","click")', "s")
    assert book["Finance"]["A2"].value == "@SUM(A1)"


def test_arabic_sheets_run_right_to_left(seed: ReportModel, created: datetime):
    book = load_workbook(io.BytesIO(render_xlsx(seed, "ar", created=created)))
    assert book.sheetnames == [AR.sheet_indicators, AR.sheet_finance, AR.sheet_beneficiaries]
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    ws = book[AR.sheet_indicators]
    assert [ws["A1"].value, ws["D1"].value, ws["H1"].value] == [AR.output, AR.target, AR.status]
    assert ws["A2"].value == "المخرج 1.1"
    assert ws["H2"].value == "بدأ"
