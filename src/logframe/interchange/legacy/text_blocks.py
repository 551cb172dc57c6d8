"""The ``.txt`` front-end: lines of a text extract → paragraphs and table rows.

A line with a TAB is a table row, its cells split on the tabs; any other non-blank line is a
paragraph. A table row wrapped over a page break comes out of the extractor as a second tab
line further down — after blank lines, footnote lines, or the continuation lines of those
footnotes — that continues the row cell by cell. Such a line is joined to the row before it
(each non-empty cell appended to the cell above it with one space) when

1. only blank lines, footnote lines and their continuations stand between the two rows;
2. it has as many cells as the row (an extractor writes every cell of a row); and
3. its first cell does not open a row: it is empty, or starts with a lower-case letter or
   with neither a letter nor a digit; or, starting otherwise, it has no code (``1.1.9``,
   ``1.2``, ``Output 2.1``) while the row above has one (rows of the results table all start
   with a code), or the row above ends with a word that cannot end a phrase ("of", "and",
   "by", …).

The joined row keeps the line of its first part. The work is one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from logframe.interchange.legacy.blocks import Block, Cell, Paragraph, Row
from logframe.interchange.legacy.marks import footnote_line
from logframe.interchange.legacy.wording import collapse, ends_open, label_key
from logframe.textclean import strip_bidi_controls

_CODED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?(?:\s|$)|(?:JP\s*)?Outputs?\s*\d)", re.I)
_HEADING_KEYS = frozenset({"total", "totals"})


@dataclass
class _RowBuilder:
    cells: list[str]  # the cells of the row's first line
    line: int
    parts: list[list[str]] = field(default_factory=list)  # each cell's parts, joined at the end

    def __post_init__(self) -> None:
        self.parts = [[text] if text else [] for text in self.cells]

    def extend(self, cells: list[str]) -> None:
        for index, text in enumerate(cells):
            if text:
                self.parts[index].append(text)

    @property
    def coded(self) -> bool:
        return bool(self.parts[0]) and _coded(self.parts[0][0])

    @property
    def ends_open(self) -> bool:
        """Whether the first cell, as far as it goes, ends with a word such as "of"."""
        return bool(self.parts[0]) and ends_open(self.parts[0][-1])

    def build(self, name: str) -> Row:
        location = f"{name}:{self.line}"
        return Row(tuple(Cell(collapse(" ".join(p)), location) for p in self.parts), location)


def _coded(text: str) -> bool:
    return bool(_CODED.match(text))


def _opens_a_row(first: str, above: _RowBuilder) -> bool:
    if not first:
        return False
    initial = first[0]
    if initial.islower() or not initial.isalnum():
        return False
    if _coded(first) or label_key(first) in _HEADING_KEYS:
        return True
    return not (above.ends_open or above.coded)


def _continues(cells: list[str], row: _RowBuilder) -> bool:
    return len(cells) == len(row.cells) and not _opens_a_row(cells[0], row)


def text_blocks(text: str, *, name: str) -> list[Block]:
    """The blocks of a text extract, ``name`` being the file name used in locations."""
    text = strip_bidi_controls(text)  # no override may reorder a figure (docs/i18n.md)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block | _RowBuilder] = []
    open_row: _RowBuilder | None = None  # the last row, while only a gap follows it
    after_footnote = False
    for number, line in enumerate(lines, start=1):
        if "\t" in line and any(cell.strip() for cell in line.split("\t")):
            cells = [cell.strip() for cell in line.split("\t")]
            if open_row is not None and _continues(cells, open_row):
                open_row.extend(cells)
            else:
                open_row = _RowBuilder(cells, number)
                blocks.append(open_row)
            after_footnote = False
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if footnote_line(stripped) is not None:
            after_footnote = True
        elif not after_footnote:
            open_row = None
        blocks.append(Paragraph(collapse(stripped), f"{name}:{number}"))
    return [b.build(name) if isinstance(b, _RowBuilder) else b for b in blocks]
