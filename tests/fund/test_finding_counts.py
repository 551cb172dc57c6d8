"""The findings' counts stay exact: every write, whatever its path, makes the quarter's
count stale (triggers), and a stale count is worked out again from the records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logframe.domain.checks import check_period
from logframe.domain.findings import Severity
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import FindingCount, finding_counts
from logframe.portfolio.selectors import project_record

pytestmark = pytest.mark.django_db
Q1 = Quarter.parse("2013Q1")


def _expected(project: m.Project) -> tuple[int, int, int]:
    findings = check_period(project=project_record(project=project), quarter=Q1)
    return tuple(sum(f.severity is s for f in findings) for s in Severity)  # type: ignore[return-value]


def _counts(project: m.Project) -> tuple[int, int, int]:
    periods = m.ReportingPeriod.objects.filter(project=project, year=2013, quarter=1)
    return finding_counts(periods=periods)[periods.get().pk]


def _severity_order() -> list[Severity]:
    return list(Severity)


def test_counts_are_the_checks(loaded_project):
    expected = _expected(loaded_project)
    order = _severity_order()
    counts = _counts(loaded_project)
    assert dict(zip(("errors", "warnings", "infos"), counts, strict=True)) == {
        "errors": expected[order.index(Severity.ERROR)],
        "warnings": expected[order.index(Severity.WARNING)],
        "infos": expected[order.index(Severity.INFO)],
    }
    row = FindingCount.objects.get(period__project=loaded_project, period__year=2013)
    assert row.counted_revision == row.revision


@pytest.mark.parametrize("how", ["save", "queryset-update", "delete", "project", "fund"])
def test_every_write_makes_the_count_stale(loaded_project, how):
    _counts(loaded_project)
    row = FindingCount.objects.get(period__project=loaded_project, period__year=2013)
    value = m.IndicatorValue.objects.filter(period_id=row.period_id).exclude(value=None).first()
    if how == "save":
        value.value = value.value + 1
        value.save()
    elif how == "queryset-update":
        m.FinancialStatus.objects.filter(period_id=row.period_id).update(committed=Decimal(1))
    elif how == "delete":
        value.delete()
    elif how == "project":
        m.Indicator.objects.filter(pk=value.indicator_id).update(target_value=Decimal(1))
    else:
        m.Fund.objects.filter(pk=loaded_project.fund_id).update(cap_at_100=False)
    row.refresh_from_db()
    assert row.revision > row.counted_revision


def test_a_changed_quarter_is_counted_again(loaded_project):
    before = _counts(loaded_project)
    # a sex split that does not add up: one finding more
    value = (
        m.IndicatorValue.objects.filter(period__project=loaded_project, period__year=2013)
        .exclude(male=None)
        .exclude(female=None)
        .exclude(value=None)
        .first()
    )
    value.male = value.male + 1000
    value.save()
    after = _counts(loaded_project)
    assert after != before
    order = _severity_order()
    expected = _expected(loaded_project)
    assert after == (
        expected[order.index(Severity.ERROR)],
        expected[order.index(Severity.WARNING)],
        expected[order.index(Severity.INFO)],
    )


def test_a_count_is_not_stored_when_its_data_moved_meanwhile(loaded_project):
    from logframe.portfolio import fund_counts

    periods = m.ReportingPeriod.objects.filter(project=loaded_project, year=2013, quarter=1)
    FindingCount.objects.create(period=periods.get())
    row = FindingCount.objects.get(period=periods.get())
    stale_revision = row.revision
    m.FinancialStatus.objects.filter(period=periods.get()).update(committed=Decimal(2))
    fund_counts._count([row.period_id], {row.period_id: stale_revision})
    row.refresh_from_db()
    assert row.counted_revision != row.revision  # counted from data older than the write
