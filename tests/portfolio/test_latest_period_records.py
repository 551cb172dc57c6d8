"""``latest_period_records`` (the findings' counts after a write, the fund page's output
progress) reads a quarter without the parts no check reads; its findings and output
progress must be those of the whole project read back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from logframe.domain.checks import check_period
from logframe.domain.periods import Quarter
from logframe.portfolio.records import latest_period_records
from logframe.portfolio.selectors import project_record
from logframe.reporting.sections.results import build_quantitative

pytestmark = pytest.mark.django_db

Q1 = Quarter.parse("2013Q1")
LEFT_OUT = {"procurement_plan": (), "budgets": (), "transactions": (), "translations": ()}


def test_the_record_is_the_whole_one_but_for_what_no_check_reads(fuller_project):
    period = fuller_project.periods.get()
    whole = project_record(project=fuller_project)
    for part in LEFT_OUT:  # each part left out is there in the whole record
        assert getattr(whole, part), part
    lite = latest_period_records(period_ids=[period.pk])[period.pk]
    assert lite == replace(whole, **LEFT_OUT)


def test_its_findings_and_output_progress_are_those_of_the_whole_record(fuller_project):
    period = fuller_project.periods.get()
    lite = latest_period_records(period_ids=[period.pk])[period.pk]
    whole = project_record(project=fuller_project)
    found = check_period(project=lite, quarter=Q1)
    assert found == check_period(project=whole, quarter=Q1)
    assert found  # the seed has findings: the comparison is not of two empty lists
    (lite_period,), whole_period = lite.periods, whole.require_period(Q1)
    assert build_quantitative(project=lite, period=lite_period) == build_quantitative(
        project=whole, period=whole_period
    )
