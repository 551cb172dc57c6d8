"""Footnote rules and unparsed cells: what points nowhere, and what was kept but not read."""

import pytest

from logframe.domain.checks.cells import unparsed_cell
from logframe.domain.checks.footnotes import check_footnote
from logframe.domain.findings import Finding, Severity
from logframe.domain.records import SourceCell

# the seed's notes: 7 is marked after 2.2.1 but has no text; 5 and 6 do not exist
TEXTS = {
    1: "Capacity building activity/ refers to training, study visit, workshop, seminar.",
    4: "Some components of graphic design and database training are included in Output 2.2",
    7: "",
}


@pytest.mark.parametrize(
    ("number", "marked_at", "expected"),
    [
        pytest.param(7, ["indicator 2.2.1", "activity 2.2.1"], ("footnote-empty", Severity.WARNING,
                     "Footnote 7 is marked after indicator 2.2.1 and activity 2.2.1,"
                     " but its text is empty."), id="seed-7-empty"),
        pytest.param(4, ["indicator 3.1.5"], None, id="seed-4"),
        pytest.param(9, ["activity 1.1.1"], ("footnote-missing", Severity.ERROR,
                     "Footnote 9 is marked after activity 1.1.1, but the project has no such"
                     " note."), id="made-up-9-missing"),
        pytest.param(1, ["activity 1.1.8"], None, id="made-up-1"),
    ],
)  # fmt: skip
def test_check_footnote(
    number: int, marked_at: list[str], expected: tuple[str, Severity, str] | None
) -> None:
    finding = check_footnote(number=number, marked_at=marked_at, texts=TEXTS)
    if expected is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.message) == expected
    assert finding.where == "footnotes"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        pytest.param(SourceCell(where="3.1.5", field="actual", text="95(Test 1) /98 Test 2)",
                                location="report.txt:128", understood=False),
                     'The actual "95(Test 1) /98 Test 2)" was kept but not read.',
                     id="seed-3.1.5-like"),
        pytest.param(SourceCell(where="3.1.5", field="actual", text="95(Test 1) /98 Test 2)",
                                location="report.txt:128"), None, id="seed-understood"),
        pytest.param(SourceCell(where="UNDP", field="committed_pct", text="forty-one",
                                location="report.docx: table 5, row 3, column 4",
                                understood=False),
                     'The committed pct "forty-one" was kept but not read.', id="made-up"),
        pytest.param(SourceCell(where="header", field="budget", text="USD 24, 861, 991",
                                location="report.txt:15"), None, id="made-up-understood"),
    ],
)  # fmt: skip
def test_unparsed_cell(cell: SourceCell, message: str | None) -> None:
    finding = unparsed_cell(cell)
    if message is None:
        assert finding is None
        return
    assert finding == Finding(
        rule="unparsed-cell",
        severity=Severity.WARNING,
        where=cell.where,
        message=message,
        source=cell.location,
    )


def test_a_long_unparsed_cell_is_quoted_short() -> None:
    cell = SourceCell(where="1.1", field="narrative", text="word " * 40, location="r.txt:9",
                      understood=False)  # fmt: skip
    finding = unparsed_cell(cell)
    assert finding is not None
    assert len(finding.message) < 120
    assert "\N{HORIZONTAL ELLIPSIS}" in finding.message
