"""The template as a person opens it: what is protected, what is validated, what is hidden.
Pure: written from the example's records, no database."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from logframe.domain.periods import Quarter
from logframe.interchange.workbook import read_template, write_template

Q1 = Quarter(2013, 1)


@pytest.fixture
def book(example_record):
    data = write_template(project=example_record, quarter=Q1)
    return load_workbook(io.BytesIO(data))


def test_sheets_and_the_very_hidden_identity(book):
    assert book.sheetnames == ["Indicators", "Finance", "Beneficiaries", "Activities", "logframe"]
    hidden = book["logframe"]
    assert hidden.sheet_state == "veryHidden"
    assert [hidden[f"B{row}"].value for row in range(2, 6)] == ["2", "UNDG-ITF", "G11-23", "2013Q1"]
    assert hidden["B6"].value in (None, "")  # the whole project: no organisation
    assert len(hidden["B8"].value) == 64  # the checksum
    assert book.security.lockStructure


def test_every_sheet_is_protected_and_only_input_cells_are_unlocked(book):
    for name in ("Indicators", "Finance", "Beneficiaries", "logframe"):
        assert book[name].protection.sheet, name
    ws = book["Indicators"]
    assert [ws.cell(row=4, column=c).value for c in range(1, 12)] == [
        "Code", "Output", "Indicator", "Target", "Last quarter", "Value", "Male", "Female",
        "Status", "% complete", "Comment",
    ]  # fmt: skip
    unlocked = {cell.column_letter for row in ws.iter_rows(min_row=5) for cell in row
                if not cell.protection.locked}  # fmt: skip
    assert unlocked == set("FGHIJK")
    assert all(ws[f"{c}4"].protection.locked for c in "FGHIJK")  # headers stay protected
    finance = book["Finance"]
    assert [finance[f"{c}5"].protection.locked for c in "ABCDEF"] == [True] * 3 + [False] * 3


def test_the_seed_figures_are_prefilled(book):
    ws = book["Indicators"]
    row = next(r for r in range(5, ws.max_row + 1) if ws[f"A{r}"].value == "2.1.2")
    assert [ws[f"{c}{row}"].value for c in "ABDFGH"] == ["2.1.2", "2.1", "50", 80, 56, 24]
    first = book["Indicators"]["A5"].value
    assert (first, book["Indicators"]["I5"].value) == ("1.1.1", "Initiated")
    assert book["Finance"]["D5"].value == pytest.approx(5_848_841.07)
    assert book["Beneficiaries"]["A5"].value == "Men"


def test_input_cells_are_validated(book):
    rules: dict[tuple, list[str]] = {}
    for v in book["Indicators"].data_validations.dataValidation:
        rules.setdefault((v.type, v.operator, v.formula1, v.formula2), []).append(str(v.sqref))
    status = '"Not yet initiated,Initiated,Partially,Completed"'
    assert ("list", None, status, None) in rules
    assert ("decimal", "between", "0", "100") in rules  # % complete
    whole = " ".join(rules[("whole", "greaterThanOrEqual", "0", None)])
    ws = book["Indicators"]
    counted = next(r for r in range(5, ws.max_row + 1) if ws[f"A{r}"].value == "1.2.1")
    assert f"F{counted}" in whole.split()  # 1.2.1 counts events: a whole number
    assert {"G5:G55", "H5:H55"} <= set(whole.split())  # male, female
    assert "F5" in " ".join(rules[("decimal", "greaterThanOrEqual", "0", None)])  # a milestone
    finance = {(v.type, v.operator) for v in book["Finance"].data_validations.dataValidation}
    assert finance == {("decimal", "greaterThanOrEqual"), ("date", "between")}
    for rule in book["Indicators"].data_validations.dataValidation:
        assert rule.showErrorMessage
        assert rule.allow_blank


def test_a_template_reads_back_as_written(example_record):
    book = read_template(write_template(project=example_record, quarter=Q1))
    period = example_record.periods[0]
    codes = [i.code for r in example_record.walk_results() for i in r.indicators]
    assert [line.code for line in book.indicators] == codes
    assert not any(line.edited for line in book.indicators + book.finance + book.beneficiaries)
    by_code = {line.code: line for line in book.indicators}
    for value in period.values:
        line = by_code[value.indicator]
        assert (line.value, line.male, line.female, line.status, line.estimated_pct) == (
            value.actual.value, value.actual.male, value.actual.female, value.actual.status,
            value.actual.estimated_pct,
        )  # fmt: skip


def test_an_unknown_organisation_or_quarter_is_refused(example_record):
    with pytest.raises(ValueError, match="WFP is not an agency of G11-23"):
        write_template(project=example_record, quarter=Q1, organisation="WFP")
    with pytest.raises(ValueError, match="has no period 2014Q1"):
        write_template(project=example_record, quarter=Quarter(2014, 1))


def test_text_that_looks_like_a_formula_is_written_as_text(example_record):
    from dataclasses import replace

    result = example_record.results[0].children[0]
    indicator = replace(result.indicators[0], text='=HYPERLINK("http://x")')
    tree = replace(example_record.results[0],
                   children=(replace(result, indicators=(indicator,)),))  # fmt: skip
    record = replace(example_record, results=(tree,))
    data = write_template(project=record, quarter=Q1)
    cell = load_workbook(io.BytesIO(data))["Indicators"]["C5"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    assert read_template(data).indicators[0].code == indicator.code


def test_every_column_and_hidden_cell_is_documented():
    from pathlib import Path

    from logframe.interchange.workbook import layout

    doc = (Path(__file__).resolve().parents[2] / "docs" / "workbooks.md").read_text().lower()
    for sheet, columns in layout.COLUMNS.items():
        assert f"**{sheet.lower()}**" in doc
        for column in columns:
            assert column.header.lower() in doc, column.header
    for row in range(1, layout.CHECKSUM_ROW + 1):
        assert f"| b{row} |" in doc
    assert f"from row {layout.LINES_ROW}" in doc
