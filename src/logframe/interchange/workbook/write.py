"""Write a data-entry template: a project's lines for one quarter (and organisation).

Input cells are unlocked, filled yellow and validated by Excel (DataValidation);
every other cell is locked and the sheets are protected (no password: protection
guards against slips, the checksum against the rest). A "veryHidden" sheet says whose
template it is, each line's version and its inputs as written, and a digest of every
protected cell, so the reader can name an edited protected cell.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from logframe.domain.beneficiaries import GROUP_LABELS, BeneficiaryGroup
from logframe.domain.content import is_rtl, localise
from logframe.domain.measures import Measure, Status
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodRecord, ProjectRecord
from logframe.domain.register.kinds import ActivityType
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook import prefill, validation
from logframe.interchange.workbook.cells import digest
from logframe.interchange.workbook.model import LineVersions

INPUT_FILL = PatternFill("solid", fgColor="FFF8C4")
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
FORMATS = {
    L.Kind.MONEY: "#,##0.00",
    L.Kind.WHOLE: "#,##0",
    L.Kind.DECIMAL: "General",
    L.Kind.PERCENT: "0.##",
    L.Kind.DATE: "yyyy-mm-dd",
}
MAX_TEXT = 32_000  # Excel keeps 32,767 characters in a cell


@dataclass
class _Lines:
    """What the hidden sheet records while the visible sheets are written."""

    lines: list[tuple[str, str, int, int, str, str]] = field(default_factory=list)
    cells: list[tuple[str, str]] = field(default_factory=list)


def write_template(
    *,
    project: ProjectRecord,
    quarter: Quarter,
    organisation: str | None = None,
    versions: LineVersions | None = None,
    written: datetime | None = None,
    lang: str | None = None,
) -> bytes:
    """The template as .xlsx bytes. MissingPeriod or ValueError for a quarter or
    organisation the project does not have.

    ``lang``: the project's texts (indicators, outputs, the title) in that language where
    translated, else the original marked as in the reports (``domain.content``); the lines
    are still keyed by code in the hidden sheet, so the language never matters on import.
    """
    legend = ""
    if lang is not None:
        localised = localise(project, lang)
        project, legend = localised.project, localised.note(lang)
    period = project.require_period(quarter)
    if organisation is not None and organisation not in {
        p.organisation for p in project.participations
    }:
        agencies = ", ".join(p.organisation for p in project.participations) or "none"
        raise ValueError(
            f"{organisation} is not an agency of {project.number} (it has: {agencies})"
        )
    versions = versions or LineVersions()
    previous = project.period(quarter.previous())
    book = Workbook()
    record = _Lines()
    heading = f"{project.number} · {quarter.code} · {organisation or 'all agencies'}"
    first = book.active
    assert isinstance(first, Worksheet)
    if lang is not None:  # before the sheet's protected cells are fingerprinted
        _put(first, f"A{L.NOTE_ROW + 1}", " ".join(x for x in (project.title, legend) if x))
    _indicators(first, project, period, previous, organisation, versions, record, heading)
    if lang is not None:
        _content_language(first, project, lang)
    _finance(book.create_sheet(L.FINANCE), project, period, organisation, versions, record, heading)
    _beneficiaries(
        book.create_sheet(L.BENEFICIARIES),
        period,
        previous,
        organisation,
        versions,
        record,
        heading,
    )
    _activities(book.create_sheet(L.ACTIVITIES), record, heading)
    identity = (
        L.TEMPLATE_MARK,
        L.TEMPLATE_VERSION,
        project.fund.code,
        project.number,
        quarter.code,
        organisation or "",
        (written or datetime.now(UTC)).isoformat(),
    )
    _hidden(book.create_sheet(L.HIDDEN), identity, record)
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def checksum(
    identity: Sequence[str], lines: Sequence[Sequence[object]], cells: Sequence[Sequence[object]]
) -> str:
    """The hidden sheet's own checksum: its identity, lines and cell digests."""
    text = json.dumps([list(identity), [list(x) for x in lines], [list(x) for x in cells]])
    return hashlib.sha256(text.encode()).hexdigest()


# ---- the visible sheets --------------------------------------------------------------


def _indicators(
    ws: Worksheet,
    project: ProjectRecord,
    period: PeriodRecord,
    previous: PeriodRecord | None,
    organisation: str | None,
    versions: LineVersions,
    record: _Lines,
    heading: str,
) -> None:
    ws.title = L.INDICATORS
    _head(
        ws,
        L.INDICATOR_COLUMNS,
        f"{heading}: indicators",
        "Enter this quarter's figures in the yellow cells only; values are cumulative.",
    )
    values = {v.indicator: v for v in period.values}
    before = {v.indicator: v for v in previous.values} if previous else {}
    rows = []
    for result in project.walk_results():
        if organisation and organisation != result.lead and organisation not in result.partners:
            continue
        for indicator in result.indicators:
            actual = values.get(indicator.code)
            shown = (
                indicator.code,
                result.code,
                indicator.text,
                prefill.target_text(indicator),
                prefill.actual_text(before.get(indicator.code)),
            )
            inputs = prefill.value_inputs(actual)
            rows.append((f"indicator:{indicator.code}", shown, inputs, indicator))
    whole = L.Kind.WHOLE
    for offset, (key, shown, inputs, indicator) in enumerate(rows):
        row = L.FIRST_ROW + offset
        value_kind = whole if indicator.measure is Measure.COUNT else L.Kind.DECIMAL
        kinds = {"value": value_kind}
        _line(ws, L.INDICATOR_COLUMNS, row, shown, inputs, kinds)
        version = versions.indicators.get(indicator.code, 0)
        written = prefill.as_written(inputs)
        record.lines.append(
            (key, L.INDICATORS, row, version, written, prefill.kinds(L.INDICATOR_COLUMNS, kinds))
        )
    validation.validate_inputs(
        ws,
        L.INDICATOR_COLUMNS,
        len(rows),
        {"value": [(r, i.measure is Measure.COUNT) for r, (_, _, _, i) in enumerate(rows)]},
    )
    _protect(ws, L.INDICATOR_COLUMNS, len(rows), record)


def _content_language(ws: Worksheet, project: ProjectRecord, lang: str) -> None:
    """Each output's title as a note on its code (notes are not cells: no fingerprint), and
    the sheet right to left for a right-to-left language."""
    titles = {r.code: r.text for r in project.walk_results()}
    for row in range(L.FIRST_ROW, ws.max_row + 1):
        title = titles.get(str(ws[f"B{row}"].value or ""))
        if title:
            ws[f"B{row}"].comment = Comment(_clean(title), "Logframe", width=300, height=120)
    if is_rtl(lang):
        ws.sheet_view.rightToLeft = True


def _finance(
    ws: Worksheet,
    project: ProjectRecord,
    period: PeriodRecord,
    organisation: str | None,
    versions: LineVersions,
    record: _Lines,
    heading: str,
) -> None:
    _head(
        ws,
        L.FINANCE_COLUMNS,
        f"{heading}: finance",
        "Cumulative amounts since the start, in the fund's currency; dates as YYYY-MM-DD.",
    )
    names = {o.code: o.name for o in project.organisations}
    finance = {f.organisation: f for f in period.finance}
    lines = [p for p in project.participations if organisation in (None, p.organisation)]
    for offset, participation in enumerate(lines):
        row = L.FIRST_ROW + offset
        code = participation.organisation
        shown = (code, names.get(code, code), participation.approved_budget)
        inputs = prefill.finance_inputs(finance.get(code))
        _line(ws, L.FINANCE_COLUMNS, row, shown, inputs, {})
        ws[f"C{row}"].number_format = FORMATS[L.Kind.MONEY]
        version = versions.finance.get(code, 0)
        record.lines.append(
            (
                f"finance:{code}",
                L.FINANCE,
                row,
                version,
                prefill.as_written(inputs),
                prefill.kinds(L.FINANCE_COLUMNS, {}),
            )
        )
    validation.validate_inputs(ws, L.FINANCE_COLUMNS, len(lines), {})
    _protect(ws, L.FINANCE_COLUMNS, len(lines), record)


def _beneficiaries(
    ws: Worksheet,
    period: PeriodRecord,
    previous: PeriodRecord | None,
    organisation: str | None,
    versions: LineVersions,
    record: _Lines,
    heading: str,
) -> None:
    note = (
        "Direct beneficiaries: whole numbers of people."
        if organisation is None
        else "Beneficiaries are entered by the project manager, in the whole project's template."
    )
    _head(ws, L.BENEFICIARY_COLUMNS, f"{heading}: beneficiaries", note)
    groups = list(BeneficiaryGroup) if organisation is None else []
    current = {b.group: b for b in period.beneficiaries}
    before = {b.group: b for b in previous.beneficiaries} if previous else {}
    for offset, group in enumerate(groups):
        row = L.FIRST_ROW + offset
        last = before.get(group)
        shown = (GROUP_LABELS[group], last.actual if last else None)
        inputs = prefill.beneficiary_inputs(current.get(group))
        _line(ws, L.BENEFICIARY_COLUMNS, row, shown, inputs, {})
        ws[f"B{row}"].number_format = FORMATS[L.Kind.WHOLE]
        version = versions.beneficiaries.get(group, 0)
        record.lines.append(
            (
                f"beneficiary:{group.value}",
                L.BENEFICIARIES,
                row,
                version,
                prefill.as_written(inputs),
                prefill.kinds(L.BENEFICIARY_COLUMNS, {}),
            )
        )
    validation.validate_inputs(ws, L.BENEFICIARY_COLUMNS, len(groups), {})
    _protect(ws, L.BENEFICIARY_COLUMNS, len(groups), record)


def _activities(ws: Worksheet, record: _Lines, heading: str) -> None:
    """Blank lines for the quarter's new activities (the register, docs/activities.md)."""
    kinds = ", ".join(k.value.replace("_", " ") for k in ActivityType)
    note = (
        f"New activities, one a line. Kind: {kinds}. Dates as YYYY-MM-DD. Output: its code "
        "(1.3). Place: a governorate or area (Baghdad, Erbil) or a place abroad."
    )
    _head(ws, L.ACTIVITY_COLUMNS, f"{heading}: activities", note)
    for offset in range(L.ACTIVITY_LINES):
        row = L.FIRST_ROW + offset
        inputs = (None,) * sum(1 for c in L.ACTIVITY_COLUMNS if c.is_input)
        _line(ws, L.ACTIVITY_COLUMNS, row, (f"new {offset + 1}",), inputs, {})
        record.lines.append(
            (
                f"activity:new-{offset + 1}",
                L.ACTIVITIES,
                row,
                0,
                prefill.as_written(inputs),
                prefill.kinds(L.ACTIVITY_COLUMNS, {}),
            )
        )
    validation.validate_inputs(ws, L.ACTIVITY_COLUMNS, L.ACTIVITY_LINES, {})
    _protect(ws, L.ACTIVITY_COLUMNS, L.ACTIVITY_LINES, record)


def _head(ws: Worksheet, columns: tuple[L.Column, ...], title: str, note: str) -> None:
    _put(ws, f"A{L.TITLE_ROW}", title).font = Font(bold=True, size=13)
    _put(ws, f"A{L.NOTE_ROW}", note).font = Font(italic=True)
    for column in columns:
        cell = _put(ws, f"{column.letter}{L.HEADER_ROW}", column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[column.letter].width = column.width
    ws.freeze_panes = f"A{L.FIRST_ROW}"


def _line(
    ws: Worksheet,
    columns: tuple[L.Column, ...],
    row: int,
    shown: Sequence[object],
    inputs: Sequence[object],
    kinds: dict[str, L.Kind],
) -> None:
    fixed = [c for c in columns if not c.is_input]
    for column, value in zip(fixed, shown, strict=True):
        cell = _put(ws, f"{column.letter}{row}", value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, value in zip([c for c in columns if c.is_input], inputs, strict=True):
        written = L.STATUS_WORDS[value] if isinstance(value, Status) else value
        cell = _put(ws, f"{column.letter}{row}", written)
        cell.protection = Protection(locked=False)
        cell.fill = INPUT_FILL
        kind = kinds.get(column.field, column.kind)
        cell.number_format = FORMATS.get(kind, "@" if kind is L.Kind.TEXT else "General")
        cell.alignment = Alignment(wrap_text=kind is L.Kind.TEXT, vertical="top")


def _protect(ws: Worksheet, columns: tuple[L.Column, ...], count: int, record: _Lines) -> None:
    """Record a digest of every protected cell of the sheet's area, then protect it."""
    for row in range(1, max(L.FIRST_ROW + count - 1, L.HEADER_ROW) + 1):
        fingerprints = [
            digest(f"{ws.title}!{letter}{row}", ws[f"{letter}{row}"].value)
            for letter in L.protected_letters(ws.title, row)
        ]
        record.cells.append((f"{ws.title}!{row}", " ".join(fingerprints)))
    ws.protection.sheet = True


def _hidden(ws: Worksheet, identity: Sequence[str], record: _Lines) -> None:
    ws.sheet_state = "veryHidden"
    for row, (key, value) in enumerate(zip(L.IDENTITY_KEYS, identity, strict=True), start=1):
        ws.cell(row=row, column=1, value=key)
        _put(ws, f"B{row}", value)
    ws.cell(row=L.CHECKSUM_ROW, column=1, value="checksum")
    ws.cell(row=L.CHECKSUM_ROW, column=2, value=checksum(identity, record.lines, record.cells))
    for col, header in enumerate(L.LINE_HEADERS, start=1):
        ws.cell(row=L.LINES_ROW - 1, column=col, value=header)
    for col, header in enumerate(L.CELL_HEADERS, start=L.CELL_COLUMN):
        ws.cell(row=L.LINES_ROW - 1, column=col, value=header)
    for row, line in enumerate(record.lines, start=L.LINES_ROW):
        for col, item in enumerate(line, start=1):
            _put(ws, ws.cell(row=row, column=col).coordinate, item)
    for row, (where, fingerprint) in enumerate(record.cells, start=L.LINES_ROW):
        ws.cell(row=row, column=L.CELL_COLUMN, value=where)
        ws.cell(row=row, column=L.CELL_COLUMN + 1, value=fingerprint)
    ws.protection.sheet = True


def _put(ws: Worksheet, ref: str, value: object) -> Cell:
    """Write a value; text is cleaned of characters Excel refuses and never becomes a formula."""
    cell = ws[ref]
    assert isinstance(cell, Cell)
    if isinstance(value, str):
        text = _clean(value)
        cell.value = text
        if text.startswith("="):
            cell.data_type = "s"
    else:
        cell.value = value  # type: ignore[assignment]  # numbers, dates and None
    return cell


def _clean(text: str) -> str:
    """Text as a cell or note takes it: no characters Excel refuses, within its length."""
    return ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r\n", "\n"))[:MAX_TEXT]
