"""The block stream both front-ends produce: paragraphs and table rows, in document order.

A ``.txt`` extract and a ``.docx`` file become the same stream, so the template parser never
knows which it reads. Every block and cell carries its location: ``"report.txt:76"`` (the
1-based line; a row wrapped over several lines keeps the line of its first part), or
``"report.docx: table 5, row 3, column 2"`` and ``"report.docx: paragraph 12"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """One table cell: its text (its paragraphs joined with spaces) and where it stood."""

    text: str
    location: str
    paragraphs: tuple[str, ...] = ()  # the cell's paragraphs, when the file has them

    @property
    def parts(self) -> tuple[str, ...]:
        """The cell's paragraphs, or its text as the one paragraph."""
        return self.paragraphs or ((self.text,) if self.text else ())


@dataclass(frozen=True)
class Row:
    """One table row."""

    cells: tuple[Cell, ...]
    location: str

    def cell(self, index: int) -> Cell:
        """The cell at ``index``, or an empty cell at the row's location past the end."""
        if 0 <= index < len(self.cells):
            return self.cells[index]
        return Cell("", self.location)

    def text(self, index: int) -> str:
        return self.cell(index).text

    @property
    def label(self) -> str:
        return self.text(0)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of body text (or of a footnote)."""

    text: str
    location: str

    @property
    def label(self) -> str:
        return self.text


Block = Paragraph | Row


def place_in_file(location: str) -> str:
    """A location without the file name: ``"r.txt:96"`` → ``"line 96"``; for Word,
    ``"r.docx: table 2, row 3"`` → ``"table 2, row 3"``."""
    line = re.search(r":(\d+)$", location)
    if line and ": " not in location:
        return f"line {line[1]}"
    return location.partition(": ")[2] or location
