"""Where a finding's figure came from: the source cells an imported period kept.

A cell is found by what it is about (``where``: "1.1.9", "UNDP", "header") and which figure
it holds (``field``). The fields the rules look up are listed in ``docs/checks.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from logframe.domain.records import PeriodRecord, SourceCell

# the fields the rules look up, besides the record field names they mirror
ACTUAL = "actual"
TARGET = "target"
PCT = "pct"
NARRATIVE = "narrative"


@dataclass(frozen=True)
class Sources:
    """A period's source cells by (where, field), and its indicator values' own sources."""

    cells: Mapping[tuple[str, str], SourceCell]
    values: Mapping[str, str]

    @classmethod
    def of_period(cls, period: PeriodRecord) -> Sources:
        """The first cell wins when a file held two for the same (where, field)."""
        cells: dict[tuple[str, str], SourceCell] = {}
        for cell in period.sources:
            cells.setdefault((cell.where, cell.field), cell)
        values = {value.indicator: value.source for value in period.values if value.source}
        return cls(cells=cells, values=values)

    def location(self, where: str, field: str) -> str:
        """The cell's location; for an indicator, else its value's source; else ""."""
        cell = self.cells.get((where, field))
        if cell is not None:
            return cell.location
        return self.values.get(where, "")

    def text(self, where: str, field: str) -> str | None:
        """The cell's text exactly as it stood, or None when no such cell was kept."""
        cell = self.cells.get((where, field))
        return None if cell is None else cell.text


NO_SOURCES = Sources(cells={}, values={})
