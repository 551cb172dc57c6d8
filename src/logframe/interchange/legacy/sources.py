"""The cells a report was read from, kept with their location (``PeriodRecord.sources``).

Every non-empty cell the importer reads is kept, as it stood: ``understood=True`` when it
became a figure or a text of the record, ``False`` when it could not be read — kept for the
data-quality checks, never dropped and never guessed. ``where`` says what the cell is about
(an indicator, organisation or output code, or a section) and ``field`` which figure it holds;
the vocabulary is in ``docs/legacy-import.md``.
"""

from __future__ import annotations

from logframe.domain.records import SourceCell
from logframe.interchange.legacy.blocks import Block, Cell, Paragraph


class SourceLog:
    """The kept cells, in the order they were read."""

    def __init__(self) -> None:
        self.cells: list[SourceCell] = []

    def keep(
        self, cell: Cell | Paragraph, *, where: str, field: str, understood: bool = True
    ) -> None:
        """Keep ``cell`` (nothing happens for an empty one)."""
        if cell.text.strip():
            self.cells.append(SourceCell(where, field, cell.text, cell.location, understood))

    def unread(self, cell: Cell | Paragraph, *, where: str, field: str) -> None:
        """Keep a cell that could not be understood."""
        self.keep(cell, where=where, field=field, understood=False)

    def unread_block(self, block: Block, *, where: str) -> None:
        """Keep every cell of a block no rule of its section could read."""
        if isinstance(block, Paragraph):
            self.unread(block, where=where, field="paragraph")
            return
        for cell in block.cells:
            self.unread(cell, where=where, field="row")
