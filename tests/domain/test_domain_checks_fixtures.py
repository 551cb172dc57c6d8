"""The data-quality rules against the synthetic reports, whose slips are known by construction.

Each fixture's record (tests/legacy_fixtures) was written with deliberate slips, listed
by rule and where; a clean one has none. The rules must find exactly those slips among
the rules the fixtures speak of, and raise no error or warning on the clean report.
"""

from __future__ import annotations

import pytest

from logframe.domain.checks import check_period
from logframe.domain.findings import Severity
from tests.legacy_fixtures.catalogue import RULES, Fixture, fixtures

FIXTURES = fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_the_rules_find_exactly_the_slips_put_in(fixture: Fixture):
    period = fixture.record.periods[0]
    found = {
        (f.rule, f.where)
        for f in check_period(project=fixture.record, quarter=period.quarter)
        if f.rule in RULES
    }
    assert found == set(fixture.expected_findings)


@pytest.mark.parametrize(
    "fixture", [f for f in FIXTURES if f.clean], ids=[f.name for f in FIXTURES if f.clean]
)
def test_a_consistent_report_raises_no_error_or_warning(fixture: Fixture):
    period = fixture.record.periods[0]
    findings = check_period(project=fixture.record, quarter=period.quarter)
    assert [f for f in findings if f.severity is not Severity.INFO] == []
