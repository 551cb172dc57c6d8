"""The financial status: committed and disbursed funds per agency, and the totals.

Rows are label/value pairs: ``Funds Committed (UNDP) | 5,848,841.07 | % of approved | 41 %``,
``Funds Disbursed (UNDP) | … | % of approved | …``, ``Forecast final date | 17 October 2013 |
Delay (months) | 0``. The agency is in the brackets; ``(total)`` gives the period's reported
totals. A forecast row belongs to the agency of the rows just above it. The section opens with
its first such row, or with a heading such as "Financial status".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from logframe.domain.records import FinanceRecord, OrganisationKind, OrganisationRecord
from logframe.interchange.legacy.blocks import Block, Cell, Paragraph, Row
from logframe.interchange.legacy.dates import parse_date
from logframe.interchange.legacy.numbers import (
    is_not_applicable,
    parse_number,
    parse_percent,
    parse_whole,
)
from logframe.interchange.legacy.organisations import organisation_named
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import label_key

_FUNDS = re.compile(r"^funds? (committed|disbursed)\s*(?:\((.*)\)|[-:]\s*(.*))?$")
TOTAL = "total"


@dataclass
class Finance:
    records: dict[str, FinanceRecord] = field(default_factory=dict)
    organisations: list[OrganisationRecord] = field(default_factory=list)
    totals: dict[str, Decimal | None] = field(default_factory=dict)


class _Reader:
    def __init__(self, log: SourceLog, participants: list[OrganisationRecord]) -> None:
        self.log = log
        self.known = {o.code.upper(): o for o in participants}
        self.found = Finance()
        self.current: str | None = None

    def organisation(self, text: str) -> str | None:
        if text.strip().lower() in ("total", "totals", "all", "overall"):
            return TOTAL
        known = self.known.get(text.strip().upper())
        named = known or organisation_named(text, kind=OrganisationKind.UN_AGENCY)
        if named is None:
            return None
        if named.code not in self.found.records:
            self.found.records[named.code] = FinanceRecord(organisation=named.code)
            if known is None:
                self.found.organisations.append(named)
        return named.code

    def set(self, where: str, name: str, value: object) -> bool:
        """Record a figure; False (and nothing recorded) when another one is already there."""
        if value is None:
            return True
        if where == TOTAL:
            before: object = self.found.totals.get(name)
        else:
            before = getattr(self.found.records[where], name)
        if before is not None:
            return before == value
        if where == TOTAL:
            self.found.totals[name] = value if isinstance(value, Decimal) else None
        else:
            changes: dict[str, Any] = {name: value}
            self.found.records[where] = replace(self.found.records[where], **changes)
        return True

    def read(self, row: Row) -> None:
        pairs = [(row.cell(i), row.cell(i + 1)) for i in range(0, max(len(row.cells), 2), 2)]
        funds = _FUNDS.match(label_key(row.label))
        if funds:
            self.current = self.organisation(funds[2] or funds[3] or "")
            if self.current is None:
                self.log.unread_block(row, where="finance")
                return
            self.money(funds[1], pairs)
        elif label_key(row.label).startswith("forecast") and self.current not in (None, TOTAL):
            self.forecast(pairs)
        else:
            self.log.unread_block(row, where="finance")

    def money(self, kind: str, pairs: list[tuple[Cell, Cell]]) -> None:
        assert self.current is not None
        amount_cell = pairs[0][1]
        amount = parse_number(amount_cell.text)
        name = kind if self.current != TOTAL else f"{kind}_total"
        readable = amount is not None or is_not_applicable(amount_cell.text)
        self.keep(amount_cell, kind, readable and self.set(self.current, name, amount))
        for label, value in pairs[1:]:
            if "%" in label.text or "percent" in label.text.lower():
                pct = parse_percent(value.text, sign_required=False)
                name = f"reported_{kind}_pct" if self.current != TOTAL else f"{kind}_pct"
                readable = pct is not None or is_not_applicable(value.text)
                self.keep(value, f"{kind}_pct", readable and self.set(self.current, name, pct))
            else:
                self.unread_pair(label, value)

    def forecast(self, pairs: list[tuple[Cell, Cell]]) -> None:
        assert self.current is not None
        for label, value in pairs:
            key = label_key(label.text)
            if key.startswith("forecast"):
                day = parse_date(value.text)
                accepted = self.set(self.current, "forecast_final_date", day)
                self.keep(value, "forecast", day is not None and accepted)
            elif key.startswith("delay"):
                delay = parse_whole(value.text)
                accepted = self.set(self.current, "reported_delay_months", delay)
                readable = delay is not None or is_not_applicable(value.text)
                self.keep(value, "delay", readable and accepted)
            else:
                self.unread_pair(label, value)

    def keep(self, cell: Cell, name: str, understood: bool) -> None:
        assert self.current is not None
        self.log.keep(cell, where=self.current, field=name, understood=understood)

    def unread_pair(self, label: Cell, value: Cell) -> None:
        self.log.unread(label, where="finance", field="label")
        self.log.unread(value, where="finance", field="row")


def read_finance(
    blocks: list[Block], log: SourceLog, participants: list[OrganisationRecord]
) -> Finance:
    """The finance records by organisation code, the reported totals, the new organisations."""
    reader = _Reader(log, participants)
    if blocks and isinstance(blocks[0], Paragraph):
        blocks = blocks[1:]  # a heading ("Financial status"); else the first row opened it
    for block in blocks:
        if isinstance(block, Row):
            reader.read(block)
        else:
            log.unread_block(block, where="finance")
    return reader.found
