"""Rule about the imported file itself: cells that were kept but could not be read."""

from __future__ import annotations

from logframe.domain.checks import rules
from logframe.domain.findings import Finding, Severity, Words, _
from logframe.domain.records import PeriodRecord, SourceCell

_QUOTED = 80  # characters of a cell's text quoted in the message


def unparsed_cell(cell: SourceCell) -> Finding | None:
    """A cell the importer did not understand is a WARNING: kept as text, never guessed.

    'The actual "95(Test 1) /98 Test 2)" was kept but not read.' Understood cells → none.
    """
    if cell.understood:
        return None
    text = " ".join(cell.text.split())
    quoted = text if len(text) <= _QUOTED else f"{text[: _QUOTED - 1]}\N{HORIZONTAL ELLIPSIS}"
    return Finding.said(
        _('The %(field)s "%(text)s" was kept but not read.', field=_field(cell.field), text=quoted),
        rule=rules.UNPARSED_CELL,
        severity=Severity.WARNING,
        where=cell.where,
        source=cell.location,
    )


def _field(name: str) -> Words:
    """The cell's field in words ("actual", "pct of planned"): a msgid when the catalogs have it."""
    return Words(name.replace("_", " "))


def check_cells(period: PeriodRecord) -> tuple[Finding, ...]:
    """Every cell not understood, in the order the file held them."""
    found = (unparsed_cell(cell) for cell in period.sources)
    return tuple(f for f in found if f is not None)
