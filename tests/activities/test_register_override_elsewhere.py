"""A value computed from the register is overridden only with a reason: typing another
figure on the data-entry page, through the API or in an Excel template is refused at the
field; the status and the comment stay open to the usual editors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from logframe.activities import models as a
from logframe.activities import services as s
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.portfolio import models as m
from logframe.workflow.entry import ValueInput, indicator_value_set
from logframe.workflow.errors import EntryError

pytestmark = pytest.mark.django_db


@pytest.fixture
def bound(seed, manager):  # type: ignore[no-untyped-def]
    indicator = m.Indicator.objects.get(result__project=seed, code="1.3.7")
    group = a.ActivityGroup.objects.get(code="capacity-building")
    s.rule_bind(indicator=indicator, kind=RuleKind.PARTICIPANTS, scope=RuleScope.PERIOD,
                group=group, actor=manager)  # fmt: skip
    return indicator


def _current(q1: m.ReportingPeriod, indicator: m.Indicator) -> m.IndicatorValue:
    return m.IndicatorValue.objects.get(period=q1, indicator=indicator)


def test_another_figure_is_refused_at_the_value_field(q1, bound, undp) -> None:
    before = _current(q1, bound)
    data = ValueInput(value=Decimal(452), male=None, female=None, status=None,
                      estimated_pct=None, comment="")  # fmt: skip
    with pytest.raises(EntryError) as refused:
        indicator_value_set(period=q1, indicator=bound, data=data,
                            expected_version=before.version, actor=undp)  # fmt: skip
    assert "override it with a reason" in refused.value.fields["value"]
    assert _current(q1, bound).value == before.value


def test_the_comment_of_a_computed_value_can_still_be_written(q1, bound, undp) -> None:
    before = _current(q1, bound)
    data = ValueInput(value=before.value, male=before.male, female=before.female,
                      status=None, estimated_pct=None, comment="from the lists")  # fmt: skip
    saved = indicator_value_set(period=q1, indicator=bound, data=data,
                                expected_version=before.version, actor=undp)  # fmt: skip
    assert (saved.value, saved.comment) == (before.value, "from the lists")


def test_the_api_refuses_another_figure_with_the_field_named(client, q1, bound, undp) -> None:
    before = _current(q1, bound)
    client.force_login(undp)
    answer = client.patch(
        "/api/projects/G11-23/periods/2013Q1/values/1.3.7/",
        {"value": "452", "version": before.version},
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert "value" in answer.json()["error"]["fields"]
    assert _current(q1, bound).value == before.value
