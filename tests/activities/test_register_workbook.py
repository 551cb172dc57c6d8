"""The data-entry template's Activities sheet: new activities typed in, imported all or
nothing through the register's service, every problem named by sheet and cell."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from logframe.activities import models as a
from logframe.interchange.workbook import WorkbookError, read_template
from logframe.workflow.workbooks import TEMPLATE_REASON, template_import, template_write

pytestmark = pytest.mark.django_db


def _filled(data: bytes, rows: dict[int, list[object]]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    ws = book["Activities"]
    for row, values in rows.items():
        for letter, value in zip("BCDEFGHIJK", values, strict=False):
            cell = ws[f"{letter}{row}"]
            assert cell.protection.locked is False
            cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = ["Study visit", "Study visit on voter registration", date(2013, 3, 10),
        date(2013, 3, 14), "1.1", "Amman, Jordan", 6, 2, 8, "hosted by the IEC"]  # fmt: skip


def test_the_sheet_has_blank_lines_for_new_activities(seed, q1) -> None:
    book = load_workbook(io.BytesIO(template_write(project=seed, quarter=q1.as_quarter())))
    ws = book["Activities"]
    assert [ws[f"{c}4"].value for c in "ABCDEFGHIJK"] == [
        "Line", "Kind", "Title", "Start", "End", "Output", "Place", "Male", "Female", "Total",
        "Notes",
    ]  # fmt: skip
    assert ws["A5"].value == "new 1"
    assert ws["A5"].protection.locked is not False
    assert ws["B24"].protection.locked is False  # 20 lines


def test_new_activities_are_registered(seed, q1, undp) -> None:
    data = _filled(template_write(project=seed, quarter=q1.as_quarter()), {5: GOOD,
                   6: ["workshop", "Results workshop", date(2013, 3, 20), date(2013, 3, 21),
                       "1.3", "Erbil", None, None, 30, ""]})  # fmt: skip
    summary = template_import(period=q1, workbook=read_template(data, name="t.xlsx"), actor=undp)
    assert summary.saved == 2
    visit = a.Activity.objects.get(title="Study visit on voter registration")
    assert (visit.type, visit.place_text, visit.total, visit.output.code) == (
        "study_visit", "Amman, Jordan", 8, "1.1"
    )  # fmt: skip
    assert visit.history.first().history_change_reason == TEMPLATE_REASON
    assert a.Activity.objects.get(title="Results workshop").place.code == "IQG11"


def test_bad_lines_are_named_by_cell_and_nothing_is_saved(seed, q1, undp, unops) -> None:
    before = a.Activity.objects.count()
    data = _filled(
        template_write(project=seed, quarter=q1.as_quarter()),
        {
            5: GOOD,
            6: ["party", "x", date(2013, 3, 1), date(2013, 3, 2), "", "", None, None, None, ""],
            7: ["training", "y", date(2013, 3, 9), date(2013, 3, 2), "1.1", "Atlantis"],
            8: ["training", "z", date(2013, 3, 1), date(2013, 3, 2), "9.9"],
            9: ["training", "w", date(2013, 3, 1), date(2013, 3, 2), "1.1", "", -4],
        },
    )
    with pytest.raises(WorkbookError) as refused:
        template_import(period=q1, workbook=read_template(data, name="t.xlsx"), actor=undp)
    problems = "\n".join(refused.value.problems)
    assert "Activities!H9:" in problems  # a negative count, read by the template's reader
    assert a.Activity.objects.count() == before
    data = _filled(
        template_write(project=seed, quarter=q1.as_quarter()),
        {
            5: GOOD,
            6: ["party", "x", date(2013, 3, 1), date(2013, 3, 2), "", "", None, None, None, ""],
            7: ["training", "y", date(2013, 3, 9), date(2013, 3, 2), "1.1", "Atlantis"],
            8: ["training", "z", date(2013, 3, 1), date(2013, 3, 2), "9.9"],
            10: ["training", "v", date(2013, 3, 9), date(2013, 3, 12), "1.1", "", 5, 5, 4],
        },
    )
    with pytest.raises(WorkbookError) as refused:
        template_import(period=q1, workbook=read_template(data, name="t.xlsx"), actor=undp)
    problems = "\n".join(refused.value.problems)
    assert "Activities!B6: unknown kind 'party'" in problems
    assert "Activities!G7: unknown place 'Atlantis'" in problems
    assert "Activities!F8: no output 9.9 in the project" in problems
    assert "Activities!H10: male + female = 10 is more than the total 4" in problems
    assert a.Activity.objects.count() == before
    # a focal point of another agency: the row is refused by the register's rights
    ok = _filled(template_write(project=seed, quarter=q1.as_quarter()), {5: GOOD})
    with pytest.raises(WorkbookError) as foreign:
        template_import(period=q1, workbook=read_template(ok, name="t.xlsx"), actor=unops)
    assert "Activities!A5: you may not register activities of output 1.1" in "\n".join(
        foreign.value.problems
    )
    assert a.Activity.objects.count() == before
