"""The fund report as a Word document (python-docx): the same tables as the HTML, the
trend chart as a picture, landscape A4 so that the money columns fit."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from logframe.reporting.docx.document import core_property
from logframe.reporting.fund.chart import trend_png
from logframe.reporting.fund.model import FundReportModel
from logframe.reporting.fund.tables import Cell, Table, fund_tables, summary_lines
from logframe.reporting.fund.words import translator


def render_docx(model: FundReportModel, *, lang: str = "en") -> bytes:
    _ = translator(lang)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    title = _("{fund}: consolidated report, {quarter}").format(
        fund=model.fund_name, quarter=model.quarter
    )
    document.core_properties.title = core_property(title)
    document.add_heading(title, level=0)
    document.add_paragraph(
        _("Fund {code} · quarter ending {end} · amounts in {currency}").format(
            code=model.fund_code, end=model.quarter_end.isoformat(), currency=model.currency
        )
    )
    summary = document.add_table(rows=0, cols=2)
    summary.style = "Light List"
    for label, text in summary_lines(model, _):
        row = summary.add_row().cells
        row[0].text, row[1].text = label, text
    png = trend_png(model, _)
    for table in fund_tables(model, _):
        _write(document, table)
        if table.key == "trend" and png:
            document.add_picture(io.BytesIO(png), width=Cm(16))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write(document: object, table: Table) -> None:
    document.add_heading(table.title, level=1)  # type: ignore[attr-defined]
    document.add_paragraph(table.note)  # type: ignore[attr-defined]
    rows = [*table.rows, *([table.total] if table.total else [])]
    grid = document.add_table(rows=1, cols=len(table.headers))  # type: ignore[attr-defined]
    grid.style = "Light Grid Accent 1"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = header
    if not table.rows:
        grid.add_row().cells[0].text = "—"
    for row in rows:
        cells = grid.add_row().cells
        for target, cell in zip(cells, row, strict=True):
            _cell(target, cell)


def _cell(target: object, cell: Cell) -> None:
    target.text = cell.text  # type: ignore[attr-defined]
    if cell.kind != "text":
        for paragraph in target.paragraphs:  # type: ignore[attr-defined]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
