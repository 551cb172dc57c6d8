"""The body cut into the template's sections, or the error that says why it cannot be.

Each section starts at the first block that opens it (see :mod:`.headings`) and runs to the
next section's start; what comes before the first is the header. A file with neither a
``Project #:`` line nor a results table is not a progress report. A report without the last
section (implementation constraints), or with nothing under its heading, was cut short: the
error names the section the file ends in and its last line (or Word table row / paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass

from logframe.interchange.legacy.blocks import Block, place_in_file
from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.headings import (
    HEADER,
    SECTIONS,
    Section,
    is_any_heading,
    is_heading,
    is_project_number,
)


@dataclass(frozen=True)
class Sections:
    """The blocks of each section (the heading block included), by section key."""

    parts: dict[str, list[Block]]
    indices: dict[str, int]  # where each section starts in the body

    def blocks(self, key: str) -> list[Block]:
        return self.parts.get(key, [])


def _starts(blocks: list[Block]) -> list[tuple[int, Section]]:
    """Where each section starts: the first block that opens it (one pass over the blocks)."""
    first: dict[str, tuple[int, Section]] = {}
    for index, block in enumerate(blocks):
        if len(first) == len(SECTIONS):
            break
        if not is_any_heading(block):
            continue
        for section in SECTIONS:
            if section.key not in first and is_heading(block, section):
                first[section.key] = (index, section)
    return sorted(first.values(), key=lambda start: start[0])


def split_sections(blocks: list[Block], *, name: str, last: str = "") -> Sections:
    """The sections of a report's body; LegacyReportError for an unrelated or cut file.

    ``last`` is the location of the file's last block (footnotes included), for messages.
    """
    starts = _starts(blocks)
    found = {section.key for _, section in starts}
    if "quantitative" not in found and not any(is_project_number(b) for b in blocks):
        raise LegacyReportError(
            name, 'not a quarterly progress report (no "Project #:" line, no results table)'
        )
    bounds = [(0, HEADER), *starts]
    parts: dict[str, list[Block]] = {}
    indices: dict[str, int] = {}
    for position, (start, section) in enumerate(bounds):
        end = bounds[position + 1][0] if position + 1 < len(bounds) else len(blocks)
        parts[section.key] = blocks[start:end]
        indices[section.key] = start
    _check_complete(bounds, parts, blocks, name=name, last=last)
    return Sections(parts, indices)


def _check_complete(
    bounds: list[tuple[int, Section]],
    parts: dict[str, list[Block]],
    blocks: list[Block],
    *,
    name: str,
    last: str,
) -> None:
    if not blocks:
        raise LegacyReportError(name, "the file has no text")
    last = place_in_file(last or blocks[-1].location)
    final = bounds[-1][1]
    if "constraints" not in parts:
        raise LegacyReportError(
            name, f"truncated — the report ends inside the {final.title} ({last})"
        )
    if len(parts["constraints"]) < 2 and final.key == "constraints":
        raise LegacyReportError(
            name, f"truncated — the report ends at the heading of the {final.title} ({last})"
        )
