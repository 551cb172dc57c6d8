"""The ``.docx`` front-end: a Word report → paragraphs and table rows, in document order.

The body is walked in order (paragraphs and tables interleaved, content controls opened).
A table's rows become rows: one cell per ``w:tc`` — a cell merged across columns appears once,
followed by empty cells for the columns it spans, so columns keep their positions; the lower
parts of a vertically merged cell are empty. A cell's paragraphs are joined with spaces.
Superscript digits (and Word footnote references) become superscript characters, so footnote
marks read the same as in a text extract; Word footnotes (``word/footnotes.xml``) become
footnote paragraphs at the end. In body paragraphs, bold and italic runs become ``**…**`` and
``*…*`` unless the whole paragraph is bold or italic (a heading); list paragraphs get ``- ``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from lxml import etree

from logframe.interchange.legacy.blocks import Block, Cell, Paragraph, Row
from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.marks import superscript
from logframe.interchange.legacy.word_safety import open_word_zip, read_member
from logframe.interchange.legacy.wording import collapse
from logframe.textclean import strip_bidi_controls

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {f"{W}del", f"{W}pPr", f"{W}rPr", f"{W}footnoteRef", f"{W}instrText", _FALLBACK}
_OFF = {"0", "false", "off", "none"}
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_FOOTNOTES_PART = "word/footnotes.xml"


@dataclass(frozen=True)
class _Run:
    text: str
    bold: bool = False
    italic: bool = False


def word_blocks(data: bytes, *, name: str) -> list[Block]:
    """The blocks of a Word report; ``name`` is the file name used in locations."""
    archive = open_word_zip(data, name=name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx on a damaged package: an input error, not a bug
        raise LegacyReportError(name, f"not a readable Word document ({error})") from error
    walker = _Walker(name)
    walker.walk(document.element.body)
    return walker.blocks + _footnote_paragraphs(archive, name=name)


class _Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, container: etree._Element) -> None:
        for child in container:
            if child.tag == f"{W}p":
                self.paragraphs += 1
                text = paragraph_text(child, emphasis=True)
                if text:
                    location = f"{self.name}: paragraph {self.paragraphs}"
                    self.blocks.append(Paragraph(text, location))
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self.blocks.extend(self._rows(child))
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                self.walk(child)

    def _rows(self, table: etree._Element) -> Iterator[Row]:
        rows = (row for row in table.iter(f"{W}tr") if not _inner_table(row, table))
        for number, row in enumerate(rows, start=1):
            location = f"{self.name}: table {self.tables}, row {number}"
            yield Row(tuple(self._cells(row, location)), location)

    def _cells(self, row: etree._Element, location: str) -> Iterator[Cell]:
        column = 0
        for cell in row.iter(f"{W}tc"):
            if _inner_table(cell, row):
                continue
            column += 1
            span = _int_attr(cell.find(f"{W}tcPr/{W}gridSpan"), default=1)
            merged = cell.find(f"{W}tcPr/{W}vMerge")
            continued = merged is not None and merged.get(f"{W}val", "continue") == "continue"
            parts = () if continued else _cell_paragraphs(cell)
            yield Cell(" ".join(parts), f"{location}, column {column}", parts)
            for _ in range(min(span, 64) - 1):
                column += 1
                yield Cell("", f"{location}, column {column}")


def _inner_table(element: etree._Element, outer: etree._Element) -> bool:
    """Whether ``element`` lies in a table nested inside ``outer`` (read as cell text)."""
    parent = element.getparent()
    while parent is not None and parent is not outer:
        if parent.tag == f"{W}tbl":
            return True
        parent = parent.getparent()
    return False


def _int_attr(element: etree._Element | None, *, default: int) -> int:
    if element is None:
        return default
    value = element.get(f"{W}val", "")
    return int(value) if value.isdigit() and len(value) < 4 else default


def _cell_paragraphs(cell: etree._Element) -> tuple[str, ...]:
    texts = (paragraph_text(p, emphasis=False) for p in cell.iter(f"{W}p"))
    return tuple(text for text in texts if text)


def paragraph_text(paragraph: etree._Element, *, emphasis: bool) -> str:
    """A paragraph's text: superscript digits as marks, emphasis as ``**``/``*`` if asked."""
    runs = list(_runs(paragraph, bold=False, italic=False, sup=False))
    text = collapse(_with_emphasis(runs) if emphasis else "".join(run.text for run in runs))
    text = strip_bidi_controls(text)  # no override may reorder a figure (docs/i18n.md)
    if text and _is_list_item(paragraph) and not text.startswith(("-", "\u2022")):
        text = f"- {text}"
    return text


def _runs(element: etree._Element, *, bold: bool, italic: bool, sup: bool) -> Iterator[_Run]:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == f"{W}r":
            yield from _runs(child, **_formatting(child))
        elif tag == f"{W}t":
            text = child.text or ""
            if sup and text.strip().isdigit():
                text = superscript(int(text.strip()))
            yield _Run(text, bold, italic)
        elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
            yield _Run(" ", bold, italic)
        elif tag == f"{W}noBreakHyphen":
            yield _Run("-", bold, italic)
        elif tag == f"{W}footnoteReference":
            number = _int_attr_named(child, "id")
            if number and number > 0:
                yield _Run(superscript(number))
        elif tag in (f"{W}p", f"{W}tbl"):
            continue  # a text box's own paragraphs: not part of this one
        else:
            yield from _runs(child, bold=bold, italic=italic, sup=sup)


def _int_attr_named(element: etree._Element, attribute: str) -> int | None:
    value = element.get(f"{W}{attribute}", "")
    return int(value) if value.isdigit() and len(value) < 6 else None


def _formatting(run: etree._Element) -> dict[str, bool]:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return {"bold": False, "italic": False, "sup": False}
    vertical = properties.find(f"{W}vertAlign")
    return {
        "bold": _switch(properties.find(f"{W}b")),
        "italic": _switch(properties.find(f"{W}i")),
        "sup": vertical is not None and vertical.get(f"{W}val") == "superscript",
    }


def _switch(element: etree._Element | None) -> bool:
    return element is not None and element.get(f"{W}val", "true").lower() not in _OFF


def _is_list_item(paragraph: etree._Element) -> bool:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return False
    style = properties.find(f"{W}pStyle")
    named = style is not None and "list" in style.get(f"{W}val", "").lower()
    return named or properties.find(f"{W}numPr") is not None


def _with_emphasis(runs: list[_Run]) -> str:
    visible = [run for run in runs if run.text.strip()]
    all_bold = bool(visible) and all(run.bold for run in visible)
    all_italic = bool(visible) and all(run.italic for run in visible)
    pieces: list[str] = []
    for bold, italic, text in _merged(runs):
        marker = ("**" if bold and not all_bold else "") + (
            "*" if italic and not all_italic else ""
        )
        core = text.strip()
        if marker and core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            pieces.append(f"{lead}{marker}{core}{marker[::-1]}{trail}")
        else:
            pieces.append(text)
    return "".join(pieces)


def _merged(runs: list[_Run]) -> list[tuple[bool, bool, str]]:
    merged: list[tuple[bool, bool, str]] = []
    for run in runs:
        if merged and merged[-1][:2] == (run.bold, run.italic):
            merged[-1] = (run.bold, run.italic, merged[-1][2] + run.text)
        else:
            merged.append((run.bold, run.italic, run.text))
    return merged


def _footnote_paragraphs(archive: zipfile.ZipFile, *, name: str) -> list[Block]:
    if _FOOTNOTES_PART not in archive.namelist():
        return []
    content = read_member(archive, archive.getinfo(_FOOTNOTES_PART), name=name)
    try:
        root = etree.fromstring(content, parser=_SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise LegacyReportError(name, f"not a readable Word document ({error})") from error
    found: list[Block] = []
    for note in root.iter(f"{W}footnote"):
        number = _int_attr_named(note, "id")
        if not number or note.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        texts = (paragraph_text(p, emphasis=False) for p in note.iter(f"{W}p"))
        text = " ".join(t for t in texts if t)
        location = f"{name}: footnote {number}"
        found.append(Paragraph(f"{superscript(number)} {text}".strip(), location))
    return found
