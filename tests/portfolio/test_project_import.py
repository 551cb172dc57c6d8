"""The import service and the record selector, on a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logframe.portfolio import models as m
from logframe.portfolio.selectors import NotFound, period_of, project_by_number, project_record
from logframe.portfolio.services import project_import

pytestmark = pytest.mark.django_db


def test_the_example_comes_back_from_the_database_unchanged(example_record):
    project = project_import(record=example_record, actor=None, reason="test").project
    assert project_record(project=project) == example_record


def test_the_seed_figures_are_stored_as_decimals(loaded_project):
    value = m.IndicatorValue.objects.get(indicator__code="1.1.9")
    assert (value.value, value.male, value.female) == (498, 468, 28)
    assert isinstance(value.value, Decimal)
    undp = m.FinancialStatus.objects.get(participation__organisation__code="UNDP")
    assert undp.committed == Decimal("5848841.07")
    parts = m.IndicatorValue.objects.get(indicator__code="3.1.5").parts.all()
    assert [(p.label, p.value) for p in parts] == [("Test 1", 95), ("Test 2", 98)]


def test_importing_the_same_record_again_changes_nothing(example_record):
    project_import(record=example_record, actor=None, reason="first")
    history_rows = m.IndicatorValue.history.count()
    again = project_import(record=example_record, actor=None, reason="second").changes
    assert again.total_changed == 0
    assert m.IndicatorValue.history.count() == history_rows


def test_a_changed_value_updates_one_row_and_is_audited(example_record):
    from dataclasses import replace

    project_import(record=example_record, actor=None, reason="first")
    period = example_record.periods[0]
    values = tuple(
        replace(v, actual=replace(v.actual, value=Decimal(14))) if v.indicator == "1.1.8" else v
        for v in period.values
    )
    changed = replace(example_record, periods=(replace(period, values=values),))
    changes = project_import(record=changed, actor=None, reason="correction").changes
    assert changes.total_changed == 1
    latest = m.IndicatorValue.history.filter(indicator__code="1.1.8").first()
    assert latest is not None
    assert latest.value == 14
    assert latest.history_change_reason == "correction"


def test_a_failed_import_saves_nothing(example_record):
    from dataclasses import replace

    broken = replace(example_record, title="x" * 600)  # longer than the column allows
    with pytest.raises(Exception):  # noqa: B017, PT011 - any validation error will do
        project_import(record=broken, actor=None, reason="broken")
    assert not m.Project.objects.exists()
    assert not m.Organisation.objects.exists()


def test_reading_a_project_back_costs_a_fixed_number_of_queries(loaded_project):
    with CaptureQueriesContext(connection) as queries:
        project_record(project=loaded_project)
    assert len(queries) <= 18  # the translations and the language: one more


def test_unknown_project_and_period_are_named(loaded_project):
    from logframe.domain.periods import Quarter

    with pytest.raises(NotFound, match="unknown project 'G99-1'"):
        project_by_number(number="G99-1")
    with pytest.raises(NotFound, match="has no period 2013Q2"):
        period_of(project=loaded_project, quarter=Quarter.parse("2013Q2"))
    assert project_by_number(number="g11-23") == loaded_project


def test_an_unknown_number_suggests_the_near_ones_of_the_fund_asked_for(loaded_project):
    with pytest.raises(
        NotFound, match=r"unknown project 'G11-32' in fund UNDG-ITF \(did you mean: G11-23\)"
    ):
        project_by_number(number="G11-32", fund="UNDG-ITF")
    with pytest.raises(NotFound, match=r"unknown project 'ZZZ' \(known: G11-23\)"):
        project_by_number(number="ZZZ")
    with pytest.raises(NotFound, match=r"unknown fund 'NOPE' \(known: UNDG-ITF\)"):
        project_by_number(number="G11-23", fund="NOPE")


def test_a_whole_project_is_written_in_a_few_dozen_queries(example_record):
    with CaptureQueriesContext(connection) as first:
        project_import(record=example_record, actor=None, reason="first")
    with CaptureQueriesContext(connection) as again:
        project_import(record=example_record, actor=None, reason="again")
    assert len(first) <= 90  # ~200 rows and their history, in bulk
    assert len(again) <= 40  # reads only


def test_without_pruning_an_import_keeps_what_the_records_leave_out(example_record):
    from dataclasses import replace

    project_import(record=example_record, actor=None, reason="full")
    _first, *rest = example_record.results
    slim = replace(example_record, results=tuple(rest), periods=())
    project_import(record=slim, actor=None, reason="one quarter", prune=False)
    assert m.Indicator.objects.filter(code="1.1.8").exists()
    project_import(record=slim, actor=None, reason="project file", prune=True)
    assert not m.Indicator.objects.filter(code="1.1.8").exists()
    assert m.ReportingPeriod.objects.count() == 1  # periods are never deleted by an import


def test_source_cells_are_kept_in_order(example_record):
    from dataclasses import replace

    from logframe.domain.records import SourceCell

    cells = (
        SourceCell(where="1.1.9", field="actual", text="498 (468 male/28 female)", location="r:76"),
        SourceCell(
            where="UNDP", field="committed_pct", text="4l %", location="r:9", understood=False
        ),
    )
    period = replace(example_record.periods[0], sources=cells)
    record = replace(example_record, periods=(period,))
    project = project_import(record=record, actor=None, reason="t").project
    assert project_record(project=project).periods[0].sources == cells


def test_the_nearest_numbers_come_best_first_then_in_order():
    from logframe.portfolio.selectors import _nearest

    numbers = [f"S{n:05d}" for n in range(1, 200)]
    assert _nearest("S0001", numbers)[0] == "S00001"
    assert _nearest("s00042", numbers)[0] == "S00042"
    assert _nearest("G11-23", numbers) == []
