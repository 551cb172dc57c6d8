"""The Word front-end: a report built here with python-docx — the seed's text, its tables as
real Word tables — reads as the text extract does; merged cells, superscript runs, emphasis,
list paragraphs and Word footnotes come through as the text form has them."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.table import Table

from logframe.domain.records import ProjectRecord
from logframe.interchange.legacy import read_legacy_report
from logframe.interchange.legacy.blocks import Paragraph, Row
from logframe.interchange.legacy.marks import SUPERSCRIPT_DIGITS
from logframe.interchange.legacy.text_blocks import text_blocks
from logframe.interchange.legacy.word_blocks import word_blocks

_INLINE = re.compile(rf"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|[{SUPERSCRIPT_DIGITS}]+)")
_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def _runs(paragraph: docx.text.paragraph.Paragraph, text: str) -> None:
    """``text`` as runs: ``**bold**``, ``*italic*`` and superscript marks as Word formats."""
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*"):
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece[0] in SUPERSCRIPT_DIGITS:
            paragraph.add_run(piece.translate(_DIGITS)).font.superscript = True
        else:
            paragraph.add_run(piece)


def _table(document: docx.document.Document, rows: list[Row]) -> None:
    width = max(len(row.cells) for row in rows)
    table: Table = document.add_table(rows=0, cols=width)
    for row in rows:
        cells = table.add_row().cells
        for cell, source in zip(cells, row.cells, strict=False):
            _runs(cell.paragraphs[0], source.text)
        texts = [c.text for c in row.cells] + [""] * (width - len(row.cells))
        if width == 4 and texts[0].startswith("Output") and not any(texts[1:3]):
            cells[0].merge(cells[2])  # a label across three columns: w:gridSpan
    if rows[0].label == "Outputs, Key activities and Procurement":
        index = next(i for i, r in enumerate(rows) if r.label == "Activities")
        _split_activities(table, index, rows[index].text(1))


def _split_activities(table: Table, index: int, text: str) -> None:
    """The Activities row as two rows, its label cell merged down over both (``w:vMerge``):
    the activities up to 1.3.2 in the first, the rest in the second (where the seed's page
    broke)."""
    cut = text.index("<p>1.3.3")
    table.rows[index]._tr.addnext(table.rows[index]._tr.__copy__())
    for row, part in ((index, text[:cut]), (index + 1, text[cut:])):
        cell = table.cell(row, 1)
        cell.paragraphs[0].text = ""
        _runs(cell.paragraphs[0], part.strip())
    table.cell(index + 1, 0).paragraphs[0].text = ""
    table.cell(index, 0).merge(table.cell(index + 1, 0))


def word_report(text_report: Path, target: Path) -> Path:
    """The text extract rebuilt as a Word document with real tables."""
    document = docx.Document()
    pending: list[Row] = []
    for block in text_blocks(text_report.read_text(encoding="utf-8"), name=text_report.name):
        if isinstance(block, Row):
            pending.append(block)
            continue
        if pending:
            _table(document, pending)
            pending = []
        assert isinstance(block, Paragraph)
        if block.text.startswith("- "):
            _runs(document.add_paragraph(style="List Bullet"), block.text[2:])
        else:
            _runs(document.add_paragraph(), block.text)
    if pending:
        _table(document, pending)
    document.save(str(target))
    return target


def _located_nowhere(record: ProjectRecord) -> ProjectRecord:
    period = record.periods[0]
    values = tuple(dataclasses.replace(v, source="") for v in period.values)
    return dataclasses.replace(
        record, periods=(dataclasses.replace(period, sources=(), values=values),)
    )


def test_the_seed_as_a_word_document_reads_as_its_text(seed: Path, tmp_path: Path) -> None:
    word = word_report(seed, tmp_path / "seed.docx")
    assert _located_nowhere(read_legacy_report(word)) == _located_nowhere(read_legacy_report(seed))


def test_word_locations_name_the_table_row_and_column(seed: Path, tmp_path: Path) -> None:
    record = read_legacy_report(word_report(seed, tmp_path / "seed.docx"))
    period = record.periods[0]
    value = next(v for v in period.values if v.indicator == "1.1.9")
    assert re.fullmatch(r"seed\.docx: table \d+, row \d+", value.source)
    actual = next(c for c in period.sources if (c.where, c.field) == ("1.1.9", "actual"))
    assert actual.location == f"{value.source}, column 3"
    assert actual.text == "498 (468 male/28 female)"
    fund = next(c for c in period.sources if c.field == "fund")
    assert re.fullmatch(r"seed\.docx: paragraph \d+", fund.location)


def _with_footnote(tmp_path: Path) -> Path:
    """A small Word file with a real footnote (footnotes.xml) referenced from a paragraph."""
    document = docx.Document()
    document.add_paragraph("Figures by the ministry")
    document.add_paragraph("**Whole bold heading**").runs[0].bold = True
    bullet = document.add_paragraph(style="List Bullet")
    bullet.add_run("Partly ")
    bullet.add_run("bold").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    target = tmp_path / "notes.docx"
    reference = (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="2"/></w:r>'
    )
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
        '<w:t xml:space="preserve"> From the ministry\'s</w:t></w:r></w:p><w:p><w:r>'
        "<w:t>register.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = text.replace(
                    "Figures by the ministry</w:t></w:r>",
                    "Figures by the ministry</w:t></w:r>" + reference,
                    1,
                )
                data = text.encode("utf-8")
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", footnotes)
    return target


def test_footnotes_superscripts_emphasis_and_lists(tmp_path: Path) -> None:
    path = _with_footnote(tmp_path)
    blocks = word_blocks(path.read_bytes(), name=path.name)
    texts = [(b.text, b.location) for b in blocks if isinstance(b, Paragraph)]
    assert texts == [
        ("Figures by the ministry\u00b2", "notes.docx: paragraph 1"),
        ("**Whole bold heading**", "notes.docx: paragraph 2"),
        ("- Partly **bold**", "notes.docx: paragraph 3"),
        ("\u00b2 From the ministry's register.", "notes.docx: footnote 2"),
    ]


@pytest.mark.parametrize("span", [2, 3])
def test_a_merged_cell_keeps_the_columns_after_it_in_place(tmp_path: Path, span: int) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    cells = table.rows[0].cells
    cells[0].text, cells[3].text = "Output 1.2 / UNDP Text", "61 %"
    cells[0].merge(cells[span - 1])
    path = tmp_path / "merged.docx"
    document.save(str(path))
    (row,) = word_blocks(path.read_bytes(), name=path.name)
    assert isinstance(row, Row)
    assert [cell.text for cell in row.cells] == ["Output 1.2 / UNDP Text", "", "", "61 %"]
    assert row.cells[3].location == "merged.docx: table 1, row 1, column 4"
