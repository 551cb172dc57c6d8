"""Bad workbooks: one clear problem per sheet and cell (or the file named), every problem
listed, and nothing saved."""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from workbook_support import fill, row_of, stored, tamper

from logframe.domain.periods import Quarter
from logframe.interchange.workbook import Limits, WorkbookError, read_template
from logframe.portfolio import models as m
from logframe.workflow.workbooks import template_import, template_write

Q1 = Quarter(2013, 1)


@pytest.fixture
def template(loaded_project) -> bytes:
    return template_write(project=loaded_project, quarter=Q1)


def _problems(period, data: bytes | Path, actor, **kwargs) -> list[str]:
    """Read and import; the problems of the refusal, after checking nothing was saved."""
    before = stored()
    with pytest.raises(WorkbookError) as refused:
        _read_and_import(period, data, actor, **kwargs)
    assert stored() == before
    assert str(refused.value).startswith("filled.xlsx: ")
    return refused.value.problems


def _read_and_import(period, data: bytes | Path, actor, **kwargs) -> None:
    book = read_template(data, name="filled.xlsx", **kwargs)
    template_import(period=period, workbook=book, actor=actor)


def test_a_workbook_of_another_project(loaded_project, period, manager, example_record):
    from logframe.portfolio.services import project_import

    other = project_import(record=replace(example_record, number="G11-99"), actor=None).project
    data = fill(template_write(project=other, quarter=Q1), {("Finance", "D5"): 1})
    assert _problems(period, data, manager) == [
        "logframe!B4: this workbook is for project G11-99 of fund UNDG-ITF, not G11-23 of UNDG-ITF"
    ]


def test_a_workbook_of_another_period(loaded_project, period, manager):
    m.ReportingPeriod.objects.create(project=loaded_project, year=2013, quarter=2)
    data = fill(template_write(project=loaded_project, quarter=Quarter(2013, 2)),
                {("Finance", "D5"): 1})  # fmt: skip
    assert _problems(period, data, manager) == [
        "logframe!B5: this workbook is for 2013Q2, not 2013Q1"
    ]


def test_an_edited_protected_cell(period, manager, template):
    row = row_of(template, "Indicators", "1.2.1")

    def edit(book):
        book["Indicators"][f"D{row}"] = 2  # the target, 5
        book["Finance"]["C5"] = 1  # the approved budget

    assert _problems(period, tamper(template, edit), manager) == [
        f"Indicators!D{row}: a protected cell was changed (it now reads '2'); "
        "only the yellow cells may be filled",
        "Finance!C5: a protected cell was changed (it now reads '1'); "
        "only the yellow cells may be filled",
    ]


def test_a_formula_where_a_number_belongs(period, manager, template):
    row = row_of(template, "Indicators", "1.2.1")
    data = fill(template, {("Indicators", f"F{row}"): "=2+3", ("Finance", "E6"): "=D6*0.9"})
    assert _problems(period, data, manager) == [
        f"Indicators!F{row}: a formula (=2+3) is not accepted in a template; "
        "enter the figure itself",
        "Finance!E6: a formula (=D6*0.9) is not accepted in a template; enter the figure itself",
    ]


def test_text_negative_and_malformed_inputs_are_all_listed(period, manager, template):
    r = row_of(template, "Indicators", "2.1.2")
    data = fill(template, {
        ("Indicators", f"F{r}"): "twelve", ("Indicators", f"G{r}"): -3,
        ("Indicators", f"H{r}"): 2.5, ("Indicators", f"I{r}"): "almost",
        ("Indicators", f"J{r}"): 120, ("Finance", "D5"): 1.234,
        ("Finance", "F5"): "next spring", ("Beneficiaries", "C5"): "many",
    })  # fmt: skip
    assert _problems(period, data, manager) == [
        f"Indicators!F{r}: 'twelve' is text where a number belongs",
        f"Indicators!G{r}: -3 is negative; a number here is 0 or more",
        f"Indicators!H{r}: 2.5 is not a whole number",
        f"Indicators!I{r}: 'almost' is not a status: choose one of Not yet initiated, "
        "Initiated, Partially, Completed",
        f"Indicators!J{r}: 120 is more than 100 (a % complete lies between 0 and 100)",
        "Finance!D5: 1.234 has more than 2 decimals",
        "Finance!F5: 'next spring' is not a date; enter one like 2013-10-17",
        "Beneficiaries!C5: 'many' is text where a number belongs",
    ]


def test_a_number_typed_as_text_is_read_as_the_number(period, manager, template):
    summary = template_import(
        period=period,
        workbook=read_template(fill(template, {("Beneficiaries", "D6"): " 254 "})),
        actor=manager,
    )
    assert [(c.where, c.new) for c in summary.changes] == [("Beneficiaries!D6", "254")]


def test_a_deleted_and_an_extra_sheet(period, manager, template):
    def edit(book):
        del book["Finance"]
        book.create_sheet("My notes")["A1"] = "to do"

    assert _problems(period, tamper(template, edit), manager) == [
        "Finance: the sheet is missing (deleted?); download a new template",
        "My notes: this sheet is not part of the template; delete it",
    ]


def test_a_deleted_hidden_sheet(period, manager, template):
    def edit(book):
        del book["logframe"]

    [problem] = _problems(period, tamper(template, edit), manager)
    assert problem.startswith("logframe: the hidden sheet that identifies the template is missing")


def test_an_edited_hidden_sheet(period, manager, template):
    def edit(book):
        book["logframe"]["D12"] = 99  # a line's version

    assert _problems(period, tamper(template, edit), manager) == [
        "logframe!B8: the template's hidden sheet was changed; download a new template"
    ]


def test_a_row_added_below_the_lines(period, manager, template):
    def edit(book):
        book["Finance"]["A9"] = "WFP"
        book["Finance"]["D9"] = 100

    assert _problems(period, tamper(template, edit), manager) == [
        "Finance!A9: outside the template's lines; nothing may be added there",
        "Finance!D9: outside the template's lines; nothing may be added there",
    ]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "it is a PDF document"),
        (b"code,value\n1.1.1,12\n", "it is a text file"),
        (b"", "the file is empty"),
        (b"PK\x03\x04 not really a zip", "a damaged zip file"),
    ],
)
def test_a_file_that_is_not_an_excel_workbook(tmp_path, period, manager, content, why):
    path = tmp_path / "filled.xlsx"
    path.write_bytes(content)
    [problem] = _problems(period, path, manager)
    assert problem.startswith(f"this is not an Excel workbook (.xlsx): {why}")


def test_a_word_document_renamed_xlsx(tmp_path, period, manager):
    path = tmp_path / "filled.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert _problems(period, path, manager) == [
        "this is not an Excel workbook (.xlsx): it is a Word document"
    ]


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path, period, manager):
    path = tmp_path / "filled.xlsx"
    with path.open("wb") as sparse:  # 100 MB on paper, no disk used
        sparse.truncate(100 * 1024 * 1024)
    assert _problems(period, path, manager) == [
        "the file is 100.0 MB, more than the 10.0 MB a template may weigh; nothing was read"
    ]


def test_the_size_limit_applies_to_a_real_template(period, manager, template):
    [problem] = _problems(period, template, manager, limits=Limits(max_bytes=len(template) - 1))
    assert problem.startswith("the file is ")
    assert problem.endswith("a template may weigh; nothing was read")


def test_a_zip_bomb_that_inflates_to_hundreds_of_megabytes(tmp_path, period, manager):
    path = tmp_path / "filled.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = bytes(1024 * 1024)
            for _ in range(300):
                member.write(zeros)
    assert path.stat().st_size < 2 * 1024 * 1024
    [problem] = _problems(period, path, manager)
    assert problem.startswith("refused as a zip bomb: its parts would unpack to 300.0 MB")


def test_a_zip_bomb_whose_directory_claims_gigabytes(tmp_path, period, manager, template):
    path = tmp_path / "filled.xlsx"
    path.write_bytes(_claiming(template, "xl/worksheets/sheet1.xml", 4_000_000_000))
    [problem] = _problems(period, path, manager)
    assert problem.startswith("refused as a zip bomb: its parts would unpack to 3814.8 MB")


def test_one_member_inflating_too_many_times(period, manager):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", bytes(8 * 1024 * 1024))
    [problem] = _problems(period, buffer.getvalue(), manager)
    assert problem.startswith("refused as a zip bomb: xl/sharedStrings.xml would inflate")


def _claiming(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s uncompressed size in the central directory set to ``size``."""
    name = member.encode()
    position = data.find(b"PK\x01\x02")
    while position != -1:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name:
            patched = bytearray(data)
            struct.pack_into("<I", patched, position + 24, size)
            return bytes(patched)
        position = data.find(b"PK\x01\x02", position + 4)
    raise AssertionError(f"{member} is not in the zip")


def test_a_cell_far_away_is_named_without_walking_the_grid(period, manager, template):
    def edit(book):
        book["Beneficiaries"]["XFD1048576"] = 1  # the last cell of a sheet

    assert _problems(period, tamper(template, edit), manager) == [
        "Beneficiaries: the sheet reaches cell XFD1048576, far beyond the template's lines"
    ]


def test_a_hidden_sheet_stretched_far_away(period, manager, template):
    def edit(book):
        book["logframe"]["A1048576"] = "x"

    assert _problems(period, tamper(template, edit), manager) == [
        "logframe: the hidden sheet was changed; download a new template"
    ]
