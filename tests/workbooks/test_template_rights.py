"""Whose figures a template may change, in which state of the quarter, and against whose edit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from workbook_support import fill, row_of, stored

from logframe.domain.periods import Quarter
from logframe.interchange.workbook import WorkbookError, read_template
from logframe.portfolio import models as m
from logframe.workflow.entry import ValueInput, indicator_value_set
from logframe.workflow.workbooks import template_import, template_write

Q1 = Quarter(2013, 1)


def _import(period, data: bytes, actor):
    return template_import(period=period, workbook=read_template(data), actor=actor)


def _refused(period, data: bytes, actor) -> list[str]:
    before = stored()
    with pytest.raises(WorkbookError) as refused:
        _import(period, data, actor)
    assert stored() == before
    return refused.value.problems


def test_a_focal_point_cannot_write_another_agencys_lines(loaded_project, period, undp):
    data = template_write(project=loaded_project, quarter=Q1)  # the whole project's template
    r221 = row_of(data, "Indicators", "2.2.1")  # output 2.2 is UNOPS's alone
    r111 = row_of(data, "Indicators", "1.1.1")  # UNDP's
    filled = fill(data, {("Indicators", f"F{r221}"): 3, ("Indicators", f"J{r111}"): 20,
                         ("Finance", "D6"): 1, ("Beneficiaries", "D5"): 2})  # fmt: skip
    problems = _refused(period, filled, undp)
    assert problems == [
        f"Indicators!A{r221}: you may not enter values for output 2.2",
        "Finance!A6: you may not enter UNOPS's finance",
        "Beneficiaries!A5: only the project manager enters beneficiaries",
    ]


def test_a_workbook_of_another_agency_is_refused(loaded_project, period, unops):
    data = template_write(project=loaded_project, quarter=Q1, organisation="UNDP")
    problems = _refused(period, fill(data, {("Finance", "D5"): 1}), unops)
    assert problems == [
        "logframe!B6: this workbook holds UNDP's lines; you enter figures for UNOPS — "
        "download your own template"
    ]


def test_a_viewer_is_refused(loaded_project, period, viewer):
    data = fill(template_write(project=loaded_project, quarter=Q1), {("Finance", "D5"): 1})
    before = stored()
    with pytest.raises(PermissionDenied, match="you may not enter figures in project G11-23"):
        _import(period, data, viewer)
    assert stored() == before


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_a_submitted_or_approved_quarter_refuses_the_upload(loaded_project, period, manager, state):
    data = fill(template_write(project=loaded_project, quarter=Q1), {("Finance", "D5"): 1})
    m.ReportingPeriod.objects.filter(pk=period.pk).update(state=state)
    before = stored()
    with pytest.raises(PermissionDenied, match=f"2013Q1 is {state}: it cannot be changed"):
        _import(period, data, manager)
    assert stored() == before


def test_a_line_changed_on_the_web_since_is_refused_naming_the_other_value(
    loaded_project, period, manager, undp
):
    data = template_write(project=loaded_project, quarter=Q1)
    row = row_of(data, "Indicators", "1.2.1")
    indicator = m.Indicator.objects.get(result__project=loaded_project, code="1.2.1")
    stored_row = m.IndicatorValue.objects.get(period=period, indicator=indicator)
    indicator_value_set(period=period, indicator=indicator, data=ValueInput(value=Decimal(4)),
                        expected_version=stored_row.version, actor=undp)  # fmt: skip
    problems = _refused(period, fill(data, {("Indicators", f"F{row}"): 5}), manager)
    assert len(problems) == 1
    assert problems[0].startswith(f"Indicators!A{row}: undp saved value 4")
    assert problems[0].endswith("while you were editing; nothing was overwritten")


def test_a_line_changed_on_the_web_but_left_alone_in_the_workbook_is_kept(
    loaded_project, period, manager, undp
):
    data = template_write(project=loaded_project, quarter=Q1)
    indicator = m.Indicator.objects.get(result__project=loaded_project, code="1.2.1")
    stored_row = m.IndicatorValue.objects.get(period=period, indicator=indicator)
    indicator_value_set(period=period, indicator=indicator, data=ValueInput(value=Decimal(4)),
                        expected_version=stored_row.version, actor=undp)  # fmt: skip
    summary = _import(period, fill(data, {("Finance", "D5"): 1}), manager)
    assert summary.saved == 1
    assert m.IndicatorValue.objects.get(pk=stored_row.pk).value == 4


def test_the_services_own_checks_are_reported_by_cell(loaded_project, period, manager):
    data = template_write(project=loaded_project, quarter=Q1)
    row = row_of(data, "Indicators", "2.1.2")
    filled = fill(data, {("Indicators", f"F{row}"): 10, ("Indicators", f"G{row}"): 8,
                         ("Indicators", f"H{row}"): 8})  # fmt: skip
    assert _refused(period, filled, manager) == [
        f"Indicators!G{row}: male + female = 16 is more than the total 10: "
        "correct the total or the split"
    ]
