"""The entry page checks a quarter on a record read without the parts no check reads; its
findings must be those of the whole project read back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from logframe.domain.checks import check_period
from logframe.domain.periods import Quarter
from logframe.portfolio.records import quarter_record_and_rows
from logframe.portfolio.selectors import project_record

pytestmark = pytest.mark.django_db

Q1 = Quarter.parse("2013Q1")


def test_the_record_is_the_whole_one_but_for_what_no_check_reads(fuller_project):
    period = fuller_project.periods.get()
    whole = project_record(project=fuller_project)
    assert whole.budgets
    assert whole.transactions
    assert whole.translations
    assert whole.procurement_plan
    lite, rows = quarter_record_and_rows(project=fuller_project, period=period)
    left_out = {"procurement_plan": (), "budgets": (), "transactions": (), "translations": ()}
    assert lite == replace(whole, **left_out)
    assert len(rows.values) == len(lite.require_period(Q1).values)


def test_its_findings_are_those_of_the_whole_record(fuller_project):
    period = fuller_project.periods.get()
    lite, _rows = quarter_record_and_rows(project=fuller_project, period=period)
    found = check_period(project=lite, quarter=Q1)
    assert found == check_period(project=project_record(project=fuller_project), quarter=Q1)
    assert found  # the seed has findings: the comparison is not of two empty lists
