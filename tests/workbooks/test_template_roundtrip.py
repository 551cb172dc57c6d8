"""The round trip: template written → filled as a person would → imported → stored → in the
report → the history names the uploader. And what an import leaves alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from workbook_support import fill, row_of, stored

from logframe.domain.periods import Quarter
from logframe.interchange.workbook import read_template
from logframe.portfolio import models as m
from logframe.reporting.assemble import render_project
from logframe.workflow.workbooks import template_import, template_write

Q1 = Quarter(2013, 1)


def _template(project, organisation=None) -> bytes:
    return template_write(project=project, quarter=Q1, organisation=organisation)


def _import(period, data: bytes, actor, **kwargs):
    return template_import(period=period, workbook=read_template(data), actor=actor, **kwargs)


def test_filled_template_is_saved_shown_in_the_report_and_audited(loaded_project, period, manager):
    data = _template(loaded_project)
    r212 = row_of(data, "Indicators", "2.1.2")
    r111 = row_of(data, "Indicators", "1.1.1")
    filled = fill(data, {
        ("Indicators", f"F{r212}"): 41, ("Indicators", f"G{r212}"): 26,
        ("Indicators", f"H{r212}"): 15, ("Indicators", f"K{r212}"): "trained in March",
        ("Indicators", f"I{r111}"): "Partially", ("Indicators", f"J{r111}"): 55,
        ("Finance", "D5"): 6_123_456.5, ("Finance", "E5"): 5_987_654,
        ("Finance", "F5"): date(2013, 12, 31),
        ("Beneficiaries", "D5"): 1_502,
    })  # fmt: skip

    summary = _import(period, filled, manager)

    book = read_template(filled)
    lines = len(book.indicators) + len(book.finance) + len(book.beneficiaries)
    assert (summary.saved, summary.unchanged, summary.dry_run) == (4, lines - 4, False)
    value = m.IndicatorValue.objects.get(period=period, indicator__code="2.1.2")
    assert (value.value, value.male, value.female) == (41, 26, 15)
    assert value.comment == "trained in March"
    milestone = m.IndicatorValue.objects.get(period=period, indicator__code="1.1.1")
    assert (milestone.status, milestone.estimated_pct) == ("partially", 55)
    undp = m.FinancialStatus.objects.get(period=period, participation__organisation__code="UNDP")
    assert (undp.committed, undp.disbursed) == (Decimal("6123456.50"), Decimal("5987654"))
    assert undp.forecast_final_date == date(2013, 12, 31)
    men = m.BeneficiaryFigure.objects.get(period=period, group="men")
    assert men.actual == 1502

    html = render_project(project=loaded_project, quarter=Q1, fmt="html")
    for shown in ("trained in March", "6,123,456", "5,987,654", "1,502"):
        assert shown in html

    for row in (value, milestone, undp, men):
        last = row.history.first()
        assert last.history_user == manager
        assert last.history_change_reason == "imported from an Excel template"
    assert {(c.where, c.field, c.old, c.new) for c in summary.changes} >= {
        (f"Indicators!F{r212}", "value", "80", "41"),
        (f"Indicators!I{r111}", "status", "initiated", "partially"),
        ("Finance!F5", "forecast_final_date", "2013-10-17", "2013-12-31"),
        ("Beneficiaries!D5", "actual", "1459", "1502"),
    }


def test_an_untouched_template_saves_nothing_and_writes_no_history(loaded_project, period, manager):
    before = stored()
    summary = _import(period, _template(loaded_project), manager)
    assert (summary.saved, summary.changes) == (0, ())
    assert stored() == before


def test_retyping_the_stored_value_is_no_change(loaded_project, period, manager):
    data = _template(loaded_project)
    before = stored()
    summary = _import(period, fill(data, {("Finance", "D5"): 5848841.07}), manager)
    assert summary.saved == 0
    assert stored() == before


def test_dry_run_checks_everything_and_saves_nothing(loaded_project, period, manager):
    data = fill(_template(loaded_project), {("Beneficiaries", "D6"): 300})
    before = stored()
    summary = _import(period, data, manager, dry_run=True)
    assert summary.dry_run
    assert [(c.where, c.new) for c in summary.changes] == [("Beneficiaries!D6", "300")]
    assert stored() == before


def test_an_organisation_template_holds_its_lines_only(loaded_project):
    book = read_template(_template(loaded_project, "UNOPS"))
    codes = {line.code for line in book.indicators}
    # UNOPS leads 2.2 and 3.1 and is a partner in 1.3 and 2.1; UNDP alone holds 1.1 and 1.2
    assert {"1.3.1", "2.1.1", "2.2.1", "3.1.1"} <= codes
    assert not {c for c in codes if c.startswith(("1.1.", "1.2."))}
    assert [line.organisation for line in book.finance] == ["UNOPS"]
    assert book.beneficiaries == ()
    assert book.identity.organisation == "UNOPS"


def test_a_focal_point_saves_the_lines_of_their_organisation(loaded_project, period, unops):
    data = _template(loaded_project, "UNOPS")
    row = row_of(data, "Indicators", "2.2.1")
    _import(period, fill(data, {("Indicators", f"F{row}"): 9, ("Finance", "D5"): 7_000_000}), unops)
    assert m.IndicatorValue.objects.get(period=period, indicator__code="2.2.1").value == 9
    unops_finance = m.FinancialStatus.objects.get(
        period=period, participation__organisation__code="UNOPS"
    )
    assert unops_finance.committed == 7_000_000
    assert unops_finance.history.first().history_user == unops


@pytest.mark.parametrize("blank", [None, ""])
def test_clearing_a_cell_clears_the_value(loaded_project, period, manager, blank):
    data = _template(loaded_project)
    _import(period, fill(data, {("Beneficiaries", "C5"): blank}), manager)
    assert m.BeneficiaryFigure.objects.get(period=period, group="men").target is None


@pytest.mark.parametrize("lines", [1, 10])
def test_an_import_costs_a_fixed_number_of_queries_per_changed_line(
    loaded_project, period, manager, django_assert_max_num_queries, lines
):
    data = _template(loaded_project)
    codes = [line.code for line in read_template(data).indicators][:lines]
    filled = fill(data, {("Indicators", f"F{row_of(data, 'Indicators', c)}"): 999 for c in codes})
    workbook = read_template(filled)
    # access and the stored rows, then a service call each (its check that the line is
    # not computed from the activity register included)
    with django_assert_max_num_queries(9 + 8 * lines):
        summary = template_import(period=period, workbook=workbook, actor=manager)
    assert summary.saved == lines
