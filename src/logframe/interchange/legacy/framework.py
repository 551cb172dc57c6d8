"""The results framework table: "Outputs, Key activities and Procurement".

Its rows are labelled ``Outputs``, ``Activities`` and ``Procurement``; a row whose label cell
is empty continues the row above (a Word cell merged downwards, a text row wrapped). The
cells may hold HTML as a web form saved it.

- Outputs: ``JP Output N: text`` and ``Output N.M: text`` (the code followed by ``:``, ``-``
  or ``.``), each up to the next one. A code without a dot is a JP output.
- Activities: ``1.1.1 text; 1.1.2 text; …`` — a three-part code (``1.1.8.`` with a trailing
  dot too) opens an activity where it starts the cell, a list item or a paragraph, or follows
  a ``;`` or a full stop — or wherever it is the code that comes next in sequence (1.1.2 after
  1.1.1, 1.2.1 after 1.1.x). A code anywhere else is part of the text.
- Procurement: the items of its lists (or, with no list, its paragraphs that do not end
  with a colon).

Item texts lose their trailing ``;``, ``,`` and ``.``; footnote marks in activities are kept
as marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from logframe.interchange.legacy.blocks import Block, Cell, Paragraph
from logframe.interchange.legacy.marks import split_marks
from logframe.interchange.legacy.markup import cell_blocks
from logframe.interchange.legacy.sources import SourceLog
from logframe.interchange.legacy.wording import collapse, label_key

_OUTPUT = re.compile(
    r"(?:(?<=\s)|^)(JP\s*)?Outputs?\s+(\d{1,3}(?:\.\d{1,3})?)\.?\s*(?:[:\-\u2013\u2014]|\.(?=\s))\s*",
    re.IGNORECASE,
)
_ACTIVITY = re.compile(r"(?:(?<=[\s;.>])|^)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.?(?=\s)")


@dataclass(frozen=True)
class OutputItem:
    code: str
    text: str


@dataclass(frozen=True)
class ActivityItem:
    code: str
    text: str
    marks: tuple[int, ...]


@dataclass
class Framework:
    outputs: list[OutputItem] = field(default_factory=list)
    activities: list[ActivityItem] = field(default_factory=list)
    procurement: list[str] = field(default_factory=list)


def item_text(text: str) -> str:
    return collapse(text).rstrip(" ;,.").strip()


def split_outputs(text: str) -> list[OutputItem]:
    """``JP Output 1: … Output 1.1: …`` → the outputs in order."""
    matches = list(_OUTPUT.finditer(text))
    items: list[OutputItem] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        items.append(OutputItem(match[2], item_text(text[match.end() : end])))
    return items


def _follows(code: tuple[int, int, int], previous: tuple[int, int, int] | None) -> bool:
    if previous is None:
        return code[2] == 1
    same_output = code[:2] == previous[:2] and code[2] == previous[2] + 1
    next_output = code[2] == 1 and (
        (code[0] == previous[0] and code[1] == previous[1] + 1)
        or (code[0] == previous[0] + 1 and code[1] == 1)
    )
    return same_output or next_output


def _at_boundary(text: str, start: int) -> bool:
    """Whether ``start`` begins the text, a line, or follows a ``;`` or a full stop."""
    window = text[max(0, start - 20) : start]
    before = window.rstrip(" \t")
    if not before:
        return start == len(window)  # only white space since the start of the text
    return before.endswith((";", ".", "\n"))


def split_activities(text: str) -> list[ActivityItem]:
    """``1.1.1 a; 1.1.2 b`` → the activities, their marks taken out of their texts."""
    cuts: list[tuple[re.Match[str], tuple[int, int, int]]] = []
    previous: tuple[int, int, int] | None = None
    for match in _ACTIVITY.finditer(text):
        code = (int(match[1]), int(match[2]), int(match[3]))
        if _at_boundary(text, match.start()) or _follows(code, previous):
            cuts.append((match, code))
            previous = code
    items: list[ActivityItem] = []
    for index, (match, code) in enumerate(cuts):
        end = cuts[index + 1][0].start() if index + 1 < len(cuts) else len(text)
        body, marks = split_marks(text[match.end() : end])
        items.append(ActivityItem(".".join(map(str, code)), item_text(body), marks))
    return items


def _cell_text(cells: list[Cell]) -> str:
    """The cells' text with a line break between paragraphs and list items."""
    lines: list[str] = []
    for cell in cells:
        for block in cell_blocks(cell.parts):
            lines.extend(block.items)
    return "\n".join(lines)


def _procurement_items(cells: list[Cell]) -> list[str]:
    blocks = [block for cell in cells for block in cell_blocks(cell.parts)]
    listed = [item for block in blocks if block.kind != "p" for item in block.items]
    if listed:
        return [item_text(item) for item in listed if item_text(item)]
    texts = [block.text for block in blocks if not block.text.rstrip().endswith(":")]
    return [item_text(text) for text in texts if item_text(text)]


def _kind(label: str) -> str | None:
    key = label_key(label)
    for kind in ("output", "activit", "procurement"):
        if key.startswith(kind) or key.startswith("key " + kind):
            return kind
    return None


def read_framework(blocks: list[Block], log: SourceLog) -> Framework:
    """The outputs, activities and procurement plan of the framework table."""
    cells: dict[str, list[Cell]] = {"output": [], "activit": [], "procurement": []}
    current: str | None = None
    for block in blocks[1:]:
        if isinstance(block, Paragraph):
            log.unread(block, where="framework", field="paragraph")
            continue
        kind = _kind(block.label)
        if kind is None and block.label.strip():
            log.unread_block(block, where="framework")
            current = None
            continue
        current = kind or current
        for cell in block.cells[1:]:
            if current is None:
                log.unread(cell, where="framework", field="row")
            elif cell.text.strip():
                cells[current].append(cell)
    framework = Framework(
        outputs=split_outputs(" ".join(_cell_text(cells["output"]).split("\n"))),
        activities=split_activities(_cell_text(cells["activit"])),
        procurement=_procurement_items(cells["procurement"]),
    )
    for kind, field_name in (
        ("output", "outputs"),
        ("activit", "activities"),
        ("procurement", "procurement"),
    ):
        for cell in cells[kind]:
            log.keep(cell, where="framework", field=field_name)
    return framework
