"""The report's figures as an Excel workbook: indicators, finance and beneficiaries sheets.

One row per indicator (output, code, text, target, value, male, female, status, computed
and reported %, findings), one per agency and the total, one per beneficiary group. Numbers
are numbers and percentages are fractions shown as "41.9%", so a reader can sort, filter and
compute; every header row is frozen and filtered. Text is always written as text: a title
such as "=HYPERLINK(...)" is shown, never run (formula injection). Arabic and Kurdish sheets
run right to left.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from logframe.domain.findings import Finding
from logframe.reporting.finding_text import finding_text
from logframe.reporting.html import title
from logframe.reporting.labels import Labels, Lang, labels
from logframe.reporting.model import Figure, ReportModel
from logframe.reporting.wording import (
    finance_label,
    result_label,
    target_text,
)

__all__ = ["render_xlsx"]

Value = str | Decimal | int | None
HEAD_FONT = Font(bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="0B4F8A")
TOTAL_FONT = Font(bold=True)
AMOUNT, COUNT = "#,##0.00", "#,##0.##"
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    number_format: str = ""  # "" for text


def render_xlsx(
    report: ReportModel, lang: Lang = "en", *, created: datetime | None = None
) -> bytes:
    """The workbook's bytes; ``created`` (default: now) in its properties."""
    t = labels(lang)
    book = Workbook()
    indicators = book.active
    assert indicators is not None  # a new workbook has one sheet
    _indicators(indicators, report, t)
    _finance(book.create_sheet(), report, t)
    _beneficiaries(book.create_sheet(), report, t)
    moment = (created or datetime.now(UTC)).replace(microsecond=0, tzinfo=None)
    props = book.properties
    props.title = title(report, t)
    props.subject = f"{t.report_title} {report.header.period_code}"
    props.creator = props.lastModifiedBy = report.header.fund_name
    props.keywords = f"{report.header.project_number}, {report.header.period_code}"
    props.language = t.lang
    props.created = props.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _indicators(ws: Worksheet, report: ReportModel, t: Labels) -> None:
    columns = [
        Column(t.output, 16),
        Column(t.code, 9),
        Column(t.indicator, 60),
        Column(t.target, 12, COUNT),
        Column(t.value, 10, COUNT),
        Column(_capital(t.male), 9, COUNT),
        Column(_capital(t.female), 9, COUNT),
        Column(t.status, 16),
        Column(t.computed_pct, 12),
        Column(t.reported_pct, 12),
        Column(t.finding, 60),
    ]
    found = _findings_by_place(report.findings, t)
    rows: list[list[Value | Figure]] = []
    for block in report.quantitative:
        output = result_label(block.result, t)
        for row in block.indicators:
            f = row.figures
            target: Value = f.target if f is not None and f.target is not None else None
            rows.append(
                [
                    output,
                    row.code,
                    row.text,
                    target if target is not None else target_text(row, t),
                    None if f is None else f.value,
                    None if f is None else f.male,
                    None if f is None else f.female,
                    "" if f is None else t.status_word(f.status),
                    row.percent,
                    _reported(row.percent),
                    found.get(row.code, ""),
                ]
            )
    _sheet(ws, t.sheet_indicators, columns, rows, t)
    if report.content_note:  # below the filtered range: the legend of the "[en]" marks
        note = ws.cell(row=len(rows) + 3, column=3)
        _text(note, report.content_note)
        note.font = Font(italic=True)
        note.alignment = Alignment(wrap_text=True, vertical="top")


def _finance(ws: Worksheet, report: ReportModel, t: Labels) -> None:
    currency = report.finance.currency
    columns = [
        Column(t.organisation, 16),
        Column(t.approved.format(currency=currency), 18, AMOUNT),
        Column(f"{t.committed} ({currency})", 18, AMOUNT),
        Column(f"{t.committed}: {t.pct_of_approved}", 14),
        Column(f"{t.committed}: {t.reported_pct}", 14),
        Column(f"{t.disbursed} ({currency})", 18, AMOUNT),
        Column(f"{t.disbursed}: {t.pct_of_approved}", 14),
        Column(f"{t.disbursed}: {t.reported_pct}", 14),
        Column(t.forecast_final_date, 20),
        Column(t.delay_months, 12, "0"),
    ]
    rows: list[list[Value | Figure]] = [
        [
            finance_label(row, t),
            row.approved_value,
            row.committed.computed,
            row.committed_pct,
            _reported(row.committed_pct),
            row.disbursed.computed,
            row.disbursed_pct,
            _reported(row.disbursed_pct),
            t.date(row.forecast_final_date),
            None if row.delay is None else row.delay.computed,
        ]
        for row in (*report.finance.agencies, report.finance.total)
    ]
    _sheet(ws, t.sheet_finance, columns, rows, t)
    for cell in ws[ws.max_row]:
        cell.font = TOTAL_FONT


def _beneficiaries(ws: Worksheet, report: ReportModel, t: Labels) -> None:
    columns = [
        Column(t.group, 36),
        Column(t.target, 12, COUNT),
        Column(t.actual, 12, COUNT),
        Column(t.pct_of_planned, 14),
        Column(t.reported_pct, 14),
        Column(t.note, 60),
    ]
    rows: list[list[Value | Figure]] = [
        [
            t.groups.get(row.group, row.label),
            row.target,
            row.value,
            row.percent,
            _reported(row.percent),
            row.note,
        ]
        for row in report.beneficiaries
    ]
    _sheet(ws, t.sheet_beneficiaries, columns, rows, t)


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _reported(figure: Figure) -> Figure | None:
    """The reported % as a figure of its own, for its column; None when nothing was claimed."""
    if figure.reported is None:
        return None
    return Figure(
        computed=figure.reported,
        reported=None,
        places=max(-int(figure.reported.as_tuple().exponent), 0),
        agrees=True,
        text=figure.reported_text,
    )


def _findings_by_place(found: tuple[Finding, ...], t: Labels) -> dict[str, str]:
    by_place: dict[str, list[str]] = {}
    for finding in found:
        by_place.setdefault(finding.where, []).append(finding_text(finding, t))
    return {place: "; ".join(messages) for place, messages in by_place.items()}


def _sheet(
    ws: Worksheet,
    name: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Value | Figure]],
    t: Labels,
) -> None:
    """Header row frozen and filtered, widths set, each value written with its format."""
    ws.title = name.translate(_FORBIDDEN_IN_SHEET_NAMES)[:31]
    ws.sheet_view.rightToLeft = t.rtl
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        _text(cell, column.title)
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for r, row in enumerate(rows, start=2):
        for c, (value, column) in enumerate(zip(row, columns, strict=True), start=1):
            _write(ws.cell(row=r, column=c), value, column)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 2)}"


def _write(cell: Cell | MergedCell, value: Value | Figure, column: Column) -> None:
    if isinstance(value, Figure):
        if value.computed is not None:
            cell.value = value.computed / 100
            cell.number_format = "0." + "0" * value.places + "%" if value.places else "0%"
        return
    if isinstance(value, str):
        _text(cell, value)
        if len(value) > 40:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    if value is not None:
        cell.value = value
        cell.number_format = column.number_format or "General"


def _text(cell: Cell | MergedCell, text: str) -> None:
    """Text as text: a leading = + - @ never makes it a formula (type "s", quote prefix)."""
    if not text:
        return
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
    if text[0] in "=+-@\t\r":
        cell.quotePrefix = True
