"""The fund report as an Excel workbook (openpyxl): a sheet per table, the figures as
numbers (amounts with two decimals, percentages unrounded and formatted to the fund's
decimals), so that they can be added up again; the trend chart as a picture."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from logframe.reporting.fund.chart import trend_png
from logframe.reporting.fund.model import FundReportModel
from logframe.reporting.fund.tables import Cell, Table, fund_tables, summary_lines
from logframe.reporting.fund.words import translator

BOLD = Font(bold=True)


def render_xlsx(model: FundReportModel, *, lang: str = "en") -> bytes:
    _ = translator(lang)
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = _("Summary")[:31]
    summary.append([_("{fund}: consolidated report, {quarter}").format(
        fund=model.fund_name, quarter=model.quarter)])  # fmt: skip
    summary["A1"].font = Font(bold=True, size=14)
    for label, text in summary_lines(model, _):
        summary.append([label, text])
    _texts_as_text(summary)
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 24
    png = trend_png(model, _)
    for table in fund_tables(model, _):
        sheet = book.create_sheet(_sheet_name(table.title))
        _write(sheet, table, model)
        if table.key == "trend" and png:
            sheet.add_image(Image(io.BytesIO(png)), f"A{sheet.max_row + 3}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    return title[:31]


def _write(sheet: Worksheet, table: Table, model: FundReportModel) -> None:
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([table.note])
    sheet.append(list(table.headers))
    for cell in sheet[3]:
        cell.font = BOLD
    for row in table.rows:
        _row(sheet, row, model)
    if table.total:
        _row(sheet, table.total, model)
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    for n, header in enumerate(table.headers, start=1):
        width = max([len(header), *(len(r[n - 1].text) for r in table.rows[:200])], default=8)
        sheet.column_dimensions[get_column_letter(n)].width = min(max(width + 2, 8), 50)
    sheet.freeze_panes = "B4"
    _texts_as_text(sheet)


def _texts_as_text(sheet: Worksheet) -> None:
    """Text stays text: openpyxl stores a string starting with "=" as a formula, so a
    project or fund named "=HYPERLINK(...)" would run (formula injection). Type "s", and a
    quote prefix on a leading = + - @ so that editing the cell does not make one either."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    cell.quotePrefix = True


def _row(sheet: Worksheet, row: tuple[Cell, ...], model: FundReportModel) -> None:
    sheet.append([_value(cell) for cell in row])
    for cell, target in zip(row, sheet[sheet.max_row], strict=True):
        if cell.kind == "amount":
            target.number_format = "#,##0.00"
        elif cell.kind == "percent":
            places = model.finance_decimals
            target.number_format = "0" + ("." + "0" * places if places else "") + '" %"'


def _value(cell: Cell) -> object:
    if cell.kind == "text" or cell.value is None:
        return cell.text
    if isinstance(cell.value, Decimal):
        return float(cell.value)
    return cell.value
