"""The SQL rule for an indicator's % of planned equals ``domain.progress.indicator_percent``
on generated indicators of every kind, under several conventions, on the real database."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

import pytest

from logframe.domain.conventions import Conventions
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.progress import indicator_percent
from logframe.portfolio import models as m
from logframe.portfolio.fund_indicators import indicator_percents

pytestmark = pytest.mark.django_db
QUARTER = Quarter.parse("2013Q1")
CASES = 250


def _numbers(rng: random.Random) -> Decimal | None:
    return rng.choice([None, Decimal(0), Decimal(rng.randint(1, 500)),
                       Decimal(rng.randint(1, 99999)) / 100])  # fmt: skip


def _case(rng: random.Random) -> tuple[Measure, Target, Actual]:
    measure = rng.choice(list(Measure))
    kind = rng.choice(list(TargetKind))
    number = _numbers(rng) or Decimal(rng.choice([0, 8, 340]))  # a number target has a value
    target = Target(kind=kind, value=number if kind is TargetKind.NUMBER else None,
                    milestone="Yes" if kind is TargetKind.MILESTONE else "")  # fmt: skip
    parts = ()
    if rng.random() < 0.2:
        parts = tuple(Part(label=f"Test {n}", value=Decimal(rng.randint(0, 200)))
                      for n in range(1, rng.randint(2, 3) + 1))  # fmt: skip
    actual = Actual(
        value=_numbers(rng) if rng.random() < 0.5 else None,
        male=_numbers(rng),
        female=_numbers(rng),
        status=rng.choice([None, *Status]),
        estimated_pct=rng.choice([None, Decimal(rng.randint(0, 150))]),
        parts=parts,
    )
    return measure, target, actual


@pytest.mark.parametrize(
    "conventions",
    [
        Conventions(),
        replace(Conventions(), cap_at_100=False, score_percentage_indicators=True),
        replace(Conventions(), status_pct={s: Decimal(10) * n for n, s in enumerate(Status)}),
    ],
    ids=["default", "uncapped-scoring-percentages", "every-status-scored"],
)
def test_sql_rule_equals_the_domain_rule(loaded_project, conventions):
    rng = random.Random(20130331)
    period = m.ReportingPeriod.objects.get(project=loaded_project, year=2013, quarter=1)
    result = loaded_project.results.first()
    cases = {}
    for n in range(CASES):
        measure, target, actual = _case(rng)
        indicator = m.Indicator.objects.create(
            result=result, code=f"x.{n}", text="generated", measure=measure.value,
            target_kind=target.kind.value, target_value=target.value,
            target_milestone=target.milestone, position=1000 + n,
        )  # fmt: skip
        value = m.IndicatorValue.objects.create(
            period=period, indicator=indicator, value=actual.value, male=actual.male,
            female=actual.female, status=actual.status.value if actual.status else "",
            estimated_pct=actual.estimated_pct,
        )  # fmt: skip
        for position, part in enumerate(actual.parts):
            m.IndicatorValuePart.objects.create(
                indicator_value=value, label=part.label, value=part.value, position=position
            )
        cases[value.pk] = indicator_percent(
            measure=measure, target=target, actual=actual, conventions=conventions
        )
    found = indicator_percents(
        periods=m.ReportingPeriod.objects.filter(pk=period.pk),
        conventions=conventions,
        on=QUARTER.end,
    )
    wrong = [
        (pk, expected, found[pk])
        for pk, expected in cases.items()
        if (expected is None) != (found[pk] is None)
        or (expected is not None and abs(expected - found[pk]) > Decimal("1e-9"))
    ]
    assert not wrong, wrong[:5]
    assert sum(v is not None for v in cases.values()) > CASES / 10  # the rule was exercised
