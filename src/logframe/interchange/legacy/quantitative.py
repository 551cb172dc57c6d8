"""The quantitative achievements table: output rows and indicator rows.

The header row names the columns (Target, Actual, % of planned; Baseline and Comment when a
report has them). Rows:

- An indicator row starts with a three-part code (``1.1.8`` or ``1.1.8.``).
- An output row starts with ``Output N.M /`` (or ``Output N /``), then the responsible
  agencies (see :mod:`.agencies`), then maybe the output's text; its % column is the output's
  reported %. Which output it is: when the next row is a bare output row (``1.1 IHEC has…``)
  of the same JP output and the output row has no text of its own or only a JP output's code,
  the two are one output — the code and text of the bare row, the agencies and % of the
  output row. Otherwise an ``Output N`` row with a one-part code is the output of the indicator
  rows under it (``Output 3 / UNOPS`` above 3.1.1 is output 3.1); else its code as printed.
- A bare output row (``1.1 text``) on its own is an output without agencies.

Any other row is kept unread, and so is anything in an output row's other columns. An
indicator or output code seen twice: the first row counts, the second is kept unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from logframe.domain.measures import Measure
from logframe.domain.records import (
    Disaggregation,
    FootnoteMark,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    OrganisationRecord,
)
from logframe.interchange.legacy.agencies import responsible
from logframe.interchange.legacy.blocks import Block, Paragraph, Row
from logframe.interchange.legacy.indicator_cells import (
    has_sex_words,
    measure_of,
    read_actual,
    read_target,
)
from logframe.interchange.legacy.marks import split_marks
from logframe.interchange.legacy.numbers import is_not_applicable, parse_percent
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, label_key

INDICATOR_CODE = re.compile(r"^(\d{1,3}\.\d{1,3}\.\d{1,3})\.?(?=\s|$)\s*(.*)$", re.S)
_OUTPUT_ROW = re.compile(
    r"^(?:JP\s*)?Outputs?\s*(\d{1,3}(?:\.\d{1,3})?)\.?(?=[\s/:\-\u2013\u2014]|$)"
    r"\s*(?:[/:\-\u2013\u2014]\s*)?(.*)$",
    re.I | re.S,
)
_BARE_OUTPUT = re.compile(r"^(\d{1,3}\.\d{1,3})\.?(?=\s|$)\s*(.*)$", re.S)


@dataclass(frozen=True)
class Columns:
    target: int = 1
    actual: int = 2
    pct: int = 3
    baseline: int | None = None
    comment: int | None = None


@dataclass(frozen=True)
class OutputRow:
    code: str
    text: str
    lead: str
    partners: tuple[str, ...]
    pct: Decimal | None
    location: str


@dataclass(frozen=True)
class IndicatorRow:
    record: IndicatorRecord
    value: IndicatorValueRecord | None


@dataclass
class Quantitative:
    outputs: list[OutputRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    organisations: list[OrganisationRecord] = field(default_factory=list)


def _columns(header: Row) -> Columns:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header.cells[1:], start=1):
        key = label_key(cell.text)
        role = (
            "pct" if "%" in key or "percent" in key
            else "baseline" if "baseline" in key
            else "target" if "target" in key or "planned" in key
            else "actual" if "actual" in key or "achiev" in key or "result" in key
            else "comment" if "comment" in key or "remark" in key
            else ""
        )  # fmt: skip
        if role:
            roles.setdefault(role, index)
    return Columns(
        target=roles.get("target", 1),
        actual=roles.get("actual", 2),
        pct=roles.get("pct", 3),
        baseline=roles.get("baseline"),
        comment=roles.get("comment"),
    )


def _header(blocks: list[Block]) -> tuple[Columns, list[Block]]:
    """The columns, from the heading row or a header row right under a heading paragraph."""
    first = blocks[0] if blocks else None
    if isinstance(first, Row):
        return _columns(first), blocks[1:]
    second = blocks[1] if len(blocks) > 1 else None
    if isinstance(second, Row):
        keys = " ".join(label_key(cell.text) for cell in second.cells[1:])
        if "target" in keys and ("actual" in keys or "%" in keys):
            return _columns(second), blocks[2:]
    return Columns(), blocks[1:]


def _marks(*groups: tuple[tuple[int, ...], MarkPlace]) -> tuple[FootnoteMark, ...]:
    found: list[FootnoteMark] = []
    for numbers, place in groups:
        for number in numbers:
            mark = FootnoteMark(number, place)
            if mark not in found:
                found.append(mark)
    return tuple(found)


class _Reader:
    def __init__(self, log: SourceLog, participants: list[OrganisationRecord]) -> None:
        self.log = log
        self.participants = participants
        self.found = Quantitative()
        self.codes: set[str] = set()
        self.output_codes: set[str] = set()
        self.columns = Columns()

    def pct(self, row: Row, where: str) -> Decimal | None:
        cell = row.cell(self.columns.pct)
        text, _ = split_marks(cell.text)
        pct = parse_percent(text, sign_required=False)
        readable = pct is not None or not text or is_not_applicable(text)
        self.log.keep(cell, where=where, field="pct", understood=readable)
        return pct

    def indicator(self, row: Row, match: re.Match[str]) -> None:
        code = match[1]
        if code in self.codes:
            for index, cell in enumerate(row.cells):
                self.log.unread(cell, where=code, field="duplicate_row" if index else "text")
            return
        self.codes.add(code)
        self.found.indicators.append(self._indicator_row(row, code, match[2]))

    def _cell(
        self, row: Row, index: int | None, code: str, name: str
    ) -> tuple[str, tuple[int, ...]]:
        if index is None:
            return "", ()
        cell = row.cell(index)
        self.log.keep(cell, where=code, field=name)
        return split_marks(cell.text)

    def _indicator_row(self, row: Row, code: str, label: str) -> IndicatorRow:
        self.log.keep(row.cell(0), where=code, field="text")
        text, text_marks = split_marks(label)
        columns = self.columns
        target_text, target_marks = self._cell(row, columns.target, code, "target")
        actual_text, actual_marks = split_marks(row.text(columns.actual))
        pct_text, pct_marks = split_marks(row.text(columns.pct))
        baseline_text, baseline_marks = self._cell(row, columns.baseline, code, "baseline")
        comment, _ = self._cell(row, columns.comment, code, "comment")
        reading = read_target(target_text)
        if not reading.understood:
            self._mark_unread(code, "target")
        actual, actual_ok = read_actual(actual_text)
        self.log.keep(row.cell(columns.actual), where=code, field="actual", understood=actual_ok)
        pct = self.pct(row, code)
        measure = measure_of(reading=reading, text=text, actual=actual, actual_text=actual_text)
        if measure is Measure.MILESTONE and pct is not None:
            actual = replace(actual, estimated_pct=pct)
        sex = has_sex_words(text) or actual.male is not None or actual.female is not None
        baseline = parse_percent(baseline_text, sign_required=False)
        record = IndicatorRecord(
            code=code,
            text=text,
            measure=measure,
            target=reading.target,
            target_text=target_text,
            unit=reading.unit,
            disaggregation=Disaggregation.SEX if sex else Disaggregation.NONE,
            baseline=baseline,
            baseline_text=baseline_text,
            footnotes=_marks(
                (text_marks, MarkPlace.TEXT),
                (baseline_marks, MarkPlace.TEXT),
                (target_marks, MarkPlace.TARGET),
                (actual_marks, MarkPlace.ACTUAL),
                (pct_marks, MarkPlace.ACTUAL),
            ),
        )
        value = None
        if actual_text or pct_text or comment:
            value = IndicatorValueRecord(
                indicator=code,
                actual=actual,
                actual_text=actual_text,
                comment=comment,
                reported_pct=pct,
                reported_pct_text=pct_text,
                source=row.location,
            )
        return IndicatorRow(record, value)

    def _mark_unread(self, code: str, name: str) -> None:
        """Turn the last kept cell (``where=code``, ``field=name``) into an unread one."""
        for index in range(len(self.log.cells) - 1, -1, -1):
            cell = self.log.cells[index]
            if cell.where == code and cell.field == name:
                self.log.cells[index] = replace(cell, understood=False)
                return

    def output(self, rows: list[Row], index: int, match: re.Match[str]) -> int:
        """Read the output row at ``index``; return how many rows it took."""
        row = rows[index]
        agencies = responsible(match[2], participants=self.participants)
        code, text, taken = match[1], agencies.rest, 1
        following = rows[index + 1] if index + 1 < len(rows) else None
        bare = _BARE_OUTPUT.match(following.label) if following is not None else None
        if following is not None and bare and self._joins(code, text, bare[1], following):
            code, text, taken = bare[1], collapse(bare[2]), 2
        elif "." not in code and following is not None:
            under = INDICATOR_CODE.match(following.label)
            if under and under[1].startswith(code + "."):
                code = ".".join(under[1].split(".")[:2])
        parts = [row] if taken == 1 or following is None else [row, following]
        first, pct = self._output_cells(code, parts)
        if not first:
            return taken
        for organisation in agencies.organisations:
            known = self.participants + self.found.organisations
            if all(o.code != organisation.code for o in known):
                self.found.organisations.append(organisation)
        self.found.outputs.append(
            OutputRow(code, text, agencies.lead, agencies.partners, pct, row.location)
        )
        return taken

    def _output_cells(self, code: str, rows: list[Row]) -> tuple[bool, Decimal | None]:
        """Keep an output's cells: whether the code is met for the first time, and its % (a
        code met before has its cells kept unread)."""
        if code in self.output_codes:
            for row in rows:
                for cell in row.cells:
                    self.log.unread(cell, where=code, field="duplicate_row")
            return False, None
        self.output_codes.add(code)
        pcts: list[Decimal | None] = []
        for row in rows:
            self.log.keep(row.cell(0), where=code, field="output")
            pcts.append(self.pct(row, code))
            for index in range(1, len(row.cells)):
                if index != self.columns.pct:
                    self.log.unread(row.cells[index], where=code, field="row")
        return True, next((pct for pct in pcts if pct is not None), None)

    def _joins(self, code: str, text: str, bare_code: str, following: Row) -> bool:
        """Whether the bare output row ``following`` is the output of the output row above."""
        same = bare_code == code or bare_code.startswith(code + ".")
        figures = (following.text(self.columns.target), following.text(self.columns.actual))
        return same and not any(f.strip() for f in figures) and (not text or "." not in code)

    def bare_output(self, row: Row, match: re.Match[str]) -> None:
        code = match[1]
        first, pct = self._output_cells(code, [row])
        if first:
            self.found.outputs.append(
                OutputRow(code, collapse(match[2]), "", (), pct, row.location)
            )


def read_quantitative(
    blocks: list[Block], log: SourceLog, participants: list[OrganisationRecord]
) -> Quantitative:
    """The output and indicator rows of the quantitative achievements table."""
    reader = _Reader(log, participants)
    reader.columns, rest = _header(blocks)
    rows: list[Row] = []
    for block in rest:
        if isinstance(block, Paragraph):
            log.unread_block(block, where="quantitative")
        else:
            rows.append(block)
    index = 0
    while index < len(rows):
        index += _read_row(reader, rows, index)
    return reader.found


def _read_row(reader: _Reader, rows: list[Row], index: int) -> int:
    row = rows[index]
    label = row.label.strip()
    indicator = INDICATOR_CODE.match(label)
    if indicator:
        reader.indicator(row, indicator)
        return 1
    output = _OUTPUT_ROW.match(label)
    if output:
        return reader.output(rows, index, output)
    bare = _BARE_OUTPUT.match(label)
    if bare:
        reader.bare_output(row, bare)
        return 1
    reader.log.unread_block(row, where="quantitative")
    return 1
