"""Read a filled template: every cell checked, every problem listed as "sheet!cell: message".

The messages are in the language active when the template is read: the person's on the web,
English on the command line (sheet names and cells are the file's own, not translated).

The order of the checks: the file (size, zip directory — see ``safety``), the sheets
(none deleted, none added), the hidden sheet (whose template, its own checksum), every
protected cell against its digest, nothing written outside the lines, then each input
cell (no formula, a number where a number belongs, ≥ 0, a status word, a date).
Nothing is saved here: the result is plain data for ``workflow.workbooks``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from openpyxl.utils.cell import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.periods import Quarter
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook.cells import (
    CellProblem,
    canonical,
    digest,
    is_formula,
    read_cell,
)
from logframe.interchange.workbook.model import (
    ActivityLine,
    BeneficiaryLine,
    FilledTemplate,
    FinanceLine,
    IndicatorLine,
    TemplateIdentity,
    WorkbookError,
)
from logframe.interchange.workbook.safety import Limits, load_checked
from logframe.interchange.workbook.write import checksum
from logframe.textclean import strip_bidi_controls

MAX_SHEET_ROWS = 5_000  # a template has a line per indicator: a few hundred rows at most
MAX_SHEET_COLUMNS = 50
LINE_KINDS = ("indicator", "finance", "beneficiary", "activity")
ACTIVITY_TEXTS = frozenset({"type", "title", "output", "place", "notes"})


@dataclass(frozen=True)
class _Line:
    key: str
    sheet: str
    row: int
    version: int
    as_written: list[str]
    kinds: list[L.Kind]


def read_template(
    source: Path | bytes, *, name: str | None = None, limits: Limits | None = None
) -> FilledTemplate:
    """The filled template, or WorkbookError listing every problem found."""
    shown = name or (source.name if isinstance(source, Path) else "workbook.xlsx")
    book = load_checked(source, name=shown, limits=limits or Limits())
    problems: list[str] = []
    hidden = _hidden_sheet(book, shown)
    if not _small(hidden):
        raise WorkbookError(
            shown, [f"{L.HIDDEN}: " + _("the hidden sheet was changed; download a new template")]
        )
    identity = _identity(hidden, shown)
    lines, cells = _tables(hidden, shown)
    _check_sheets(book, problems)
    if checksum(_identity_texts(hidden), [_line_row(x) for x in lines], cells) != _text(
        hidden.cell(row=L.CHECKSUM_ROW, column=2).value
    ):
        problems.append(
            f"{L.HIDDEN}!B{L.CHECKSUM_ROW}: "
            + _("the template's hidden sheet was changed; download a new template")
        )
    _check_protected(book, cells, problems)
    _check_outside(book, lines, problems)
    parsed = [_read_line(book, line, problems) for line in lines if line.sheet in book.sheetnames]
    if problems:
        raise WorkbookError(shown, problems)
    return FilledTemplate(
        name=shown,
        identity=identity,
        indicators=tuple(x for x in parsed if isinstance(x, IndicatorLine)),
        finance=tuple(x for x in parsed if isinstance(x, FinanceLine)),
        beneficiaries=tuple(x for x in parsed if isinstance(x, BeneficiaryLine)),
        activities=tuple(x for x in parsed if isinstance(x, ActivityLine)),
    )


# ---- the hidden sheet ----------------------------------------------------------------


def _hidden_sheet(book: Workbook, name: str) -> Worksheet:
    if L.HIDDEN not in book.sheetnames:
        raise WorkbookError(
            name,
            [
                f"{L.HIDDEN}: "
                + _(
                    "the hidden sheet that identifies the template is missing — this is not a"
                    " Logframe data-entry template (or a program dropped it); download a new"
                    " template"
                )
            ],
        )
    sheet = book[L.HIDDEN]
    if not isinstance(sheet, Worksheet):
        raise WorkbookError(name, [f"{L.HIDDEN}: " + _("not a worksheet; download a new template")])
    return sheet


def _identity_texts(ws: Worksheet) -> list[str]:
    return [_text(ws.cell(row=row, column=2).value) for row in range(1, len(L.IDENTITY_KEYS) + 1)]


def _identity(ws: Worksheet, name: str) -> TemplateIdentity:
    values = dict(zip(L.IDENTITY_KEYS, _identity_texts(ws), strict=True))
    if values["template"] != L.TEMPLATE_MARK:
        raise WorkbookError(name, [f"{L.HIDDEN}!B1: " + _("not a Logframe data-entry template")])
    if values["version"] != L.TEMPLATE_VERSION:
        raise WorkbookError(
            name,
            [
                f"{L.HIDDEN}!B2: "
                + _(
                    "template version %(version)s; this Logframe reads version %(reads)s:"
                    " download a new template"
                )
                % {"version": repr(values["version"]), "reads": L.TEMPLATE_VERSION}
            ],
        )
    try:
        quarter = Quarter.parse(values["period"])
    except ValueError as exc:
        raise WorkbookError(name, [f"{L.HIDDEN}!B5: {exc}"]) from exc
    return TemplateIdentity(
        fund=values["fund"],
        project=values["project"],
        quarter=quarter,
        organisation=values["organisation"] or None,
        version=values["version"],
        written=values["written"],
    )


def _tables(ws: Worksheet, name: str) -> tuple[list[_Line], list[tuple[str, str]]]:
    lines: list[_Line] = []
    cells: list[tuple[str, str]] = []
    try:
        for values in ws.iter_rows(min_row=L.LINES_ROW, values_only=True):
            if values[0] is not None:
                lines.append(_line_of(values))
            where = values[L.CELL_COLUMN - 1] if len(values) >= L.CELL_COLUMN else None
            if where is not None:
                cells.append((str(where), _text(values[L.CELL_COLUMN])))
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise WorkbookError(
            name, [f"{L.HIDDEN}: " + _("the table of lines is damaged; download a new template")]
        ) from exc
    return lines, cells


def _line_of(values: tuple[Any, ...]) -> _Line:
    key, sheet, row, version, as_written, kinds = values[:6]
    kind, _colon, code = str(key).partition(":")
    if kind not in LINE_KINDS or not code or sheet != L.sheet_of_line(kind):
        raise ValueError("malformed line")
    if kind == "beneficiary":
        BeneficiaryGroup(code)
    if not isinstance(row, int) or not isinstance(version, int) or row < L.FIRST_ROW:
        raise ValueError("malformed line")
    return _Line(
        key=str(key),
        sheet=str(sheet),
        row=row,
        version=version,
        as_written=[str(v) for v in json.loads(str(as_written))],
        kinds=[L.Kind(k) for k in json.loads(str(kinds))],
    )


def _line_row(line: _Line) -> tuple[object, ...]:
    return (
        line.key,
        line.sheet,
        line.row,
        line.version,
        json.dumps(line.as_written),
        json.dumps([k.value for k in line.kinds]),
    )


# ---- the visible sheets --------------------------------------------------------------


def _check_sheets(book: Workbook, problems: list[str]) -> None:
    for sheet in L.SHEETS:
        if sheet not in book.sheetnames:
            problems.append(
                f"{sheet}: " + _("the sheet is missing (deleted?); download a new template")
            )
    for sheet in book.sheetnames:
        if sheet not in L.SHEETS:
            problems.append(f"{sheet}: " + _("this sheet is not part of the template; delete it"))
    for sheet in L.COLUMNS:
        ws = book[sheet] if sheet in book.sheetnames else None
        if ws is not None and (ws.max_row > MAX_SHEET_ROWS or ws.max_column > MAX_SHEET_COLUMNS):
            problems.append(
                f"{sheet}: "
                + _("the sheet reaches cell %(cell)s, far beyond the template's lines")
                % {"cell": f"{get_column_letter(ws.max_column)}{ws.max_row}"}
            )


def _check_protected(book: Workbook, cells: list[tuple[str, str]], problems: list[str]) -> None:
    for where, fingerprints in cells:
        sheet, _bang, number = where.partition("!")
        if sheet not in book.sheetnames or not _small(book[sheet]) or not number.isdigit():
            continue
        row = int(number)
        letters = L.protected_letters(sheet, row) if sheet in L.COLUMNS else []
        for letter, fingerprint in zip(letters, fingerprints.split(), strict=False):
            value = book[sheet][f"{letter}{row}"].value
            if digest(f"{sheet}!{letter}{row}", value) != fingerprint:
                now = canonical(value)[:40]
                problems.append(
                    f"{sheet}!{letter}{row}: "
                    + _(
                        "a protected cell was changed (it now reads %(now)s); only the yellow"
                        " cells may be filled"
                    )
                    % {"now": repr(now) if now else repr(_("empty"))}
                )


def _check_outside(book: Workbook, lines: list[_Line], problems: list[str]) -> None:
    """Nothing written below the last line or right of the last column."""
    for sheet, columns in L.COLUMNS.items():
        if sheet not in book.sheetnames or not _small(book[sheet]):
            continue
        ws = book[sheet]
        last_row = max([x.row for x in lines if x.sheet == sheet] + [L.HEADER_ROW])
        last_column = len(columns)
        stray = sorted(
            (row, column)
            for (row, column), cell in ws._cells.items()  # the cells that exist, not the grid
            if (row > last_row or column > last_column) and cell.value not in (None, "")
        )
        outside = _("outside the template's lines; nothing may be added there")
        problems.extend(
            f"{sheet}!{get_column_letter(column)}{row}: {outside}" for row, column in stray[:20]
        )


def _small(ws: Any) -> bool:
    return (
        isinstance(ws, Worksheet)
        and ws.max_row <= MAX_SHEET_ROWS
        and (ws.max_column <= MAX_SHEET_COLUMNS)
    )


def _read_line(
    book: Workbook, line: _Line, problems: list[str]
) -> IndicatorLine | FinanceLine | BeneficiaryLine | ActivityLine | None:
    ws = book[line.sheet]
    if not _small(ws):
        return None
    inputs = [c for c in L.COLUMNS[line.sheet] if c.is_input]
    values: dict[str, Any] = {}
    bad = False
    for column, kind in zip(inputs, line.kinds, strict=True):
        where = f"{line.sheet}!{column.letter}{line.row}"
        cell = ws[f"{column.letter}{line.row}"]
        try:
            if is_formula(cell.value, cell.data_type):
                raise CellProblem(_formula_problem(cell.value, kind))
            values[column.field] = read_cell(cell.value, kind)
        except CellProblem as problem:
            problems.append(f"{where}: {problem}")
            bad = True
    if bad:
        return None
    edited = [canonical(values[c.field]) for c in inputs] != line.as_written
    return _typed(line, values, edited)


def _formula_problem(value: object, kind: L.Kind) -> str:
    shown = str(value)[:40]
    if kind is L.Kind.TEXT:
        return _("a formula (%(formula)s) is not accepted in a template; enter text") % {
            "formula": shown
        }
    return _("a formula (%(formula)s) is not accepted in a template; enter the figure itself") % {
        "formula": shown
    }


def _typed(
    line: _Line, values: dict[str, Any], edited: bool
) -> IndicatorLine | FinanceLine | BeneficiaryLine | ActivityLine:
    kind, _colon, key = line.key.partition(":")
    common: dict[str, Any] = {"row": line.row, "version": line.version, "edited": edited}
    if kind == "indicator":
        return IndicatorLine(code=key, **common, **values)
    if kind == "finance":
        return FinanceLine(organisation=key, **common, **values)
    if kind == "activity":
        texts: dict[str, Any] = {
            k: (v or "") if k in ACTIVITY_TEXTS else v for k, v in values.items()
        }
        return ActivityLine(**common, **texts)
    return BeneficiaryLine(group=BeneficiaryGroup(key), **common, **values)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float | Decimal):
        return canonical(value)
    return strip_bidi_controls(str(value))  # no override may reorder a figure (docs/i18n.md)
