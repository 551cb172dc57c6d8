"""Computed indicators and the register's checks (pure)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from logframe.domain.checks import rules
from logframe.domain.checks.register import Register, check_register
from logframe.domain.measures import Actual
from logframe.domain.periods import Quarter
from logframe.domain.records import IndicatorValueRecord, PeriodRecord
from logframe.domain.register.figures import Rule, RuleKind, RuleScope, compute
from logframe.domain.register.kinds import (
    CAPACITY_BUILDING,
    ActivityStatus,
    ActivityType,
    RegisteredActivity,
)

Q1, Q2 = Quarter(2013, 1), Quarter(2013, 2)


def act(key: str, kind: ActivityType, start: date, **kw: object) -> RegisteredActivity:
    fields: dict[str, object] = {"output": "1.3", "period": "2013Q1", "end": start}
    fields.update(kw)
    return RegisteredActivity(key=key, type=kind, title=key, start=start, **fields)  # type: ignore[arg-type]


REGISTER = (
    act("#1", ActivityType.WORKSHOP, date(2012, 11, 5), period="2012Q4", male=10, female=2,
        total=12),
    act("#2", ActivityType.TRAINING, date(2013, 2, 3), male=32, female=2, total=34,
        respondents=30, satisfied=27),
    act("#3", ActivityType.MEETING, date(2013, 2, 10), male=29, female=8, total=37),
    act("#4", ActivityType.WORKSHOP, date(2013, 2, 17), male=22, female=5, total=27,
        respondents=20, satisfied=15),
    act("#5", ActivityType.WORKSHOP, date(2013, 3, 1), status=ActivityStatus.PROPOSED, total=9),
    act("#6", ActivityType.SEMINAR, date(2013, 3, 2), status=ActivityStatus.REJECTED, total=5),
    act("#7", ActivityType.SEMINAR, date(2013, 3, 9), output="2.1", total=11),
    act("#8", ActivityType.STUDY_VISIT, date(2013, 4, 9), period="2013Q2", total=4),
)  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "scope", "types", "quarter", "value", "male", "female", "keys"),
    [
        (RuleKind.ACTIVITIES, RuleScope.PERIOD, CAPACITY_BUILDING, Q1, 2, None, None, "#2 #4"),
        (RuleKind.ACTIVITIES, RuleScope.CUMULATIVE, CAPACITY_BUILDING, Q1, 3, None, None,
         "#1 #2 #4"),
        (RuleKind.ACTIVITIES, RuleScope.CUMULATIVE, CAPACITY_BUILDING, Q2, 4, None, None,
         "#1 #2 #4 #8"),
        (RuleKind.ACTIVITIES, RuleScope.PERIOD, frozenset(), Q1, 3, None, None, "#2 #3 #4"),
        (RuleKind.PARTICIPANTS, RuleScope.PERIOD, CAPACITY_BUILDING, Q1, 61, 54, 7, "#2 #4"),
        (RuleKind.PARTICIPANTS, RuleScope.CUMULATIVE, CAPACITY_BUILDING, Q1, 73, 64, 9,
         "#1 #2 #4"),
        (RuleKind.MALE, RuleScope.PERIOD, CAPACITY_BUILDING, Q1, 54, None, None, "#2 #4"),
        (RuleKind.FEMALE, RuleScope.PERIOD, CAPACITY_BUILDING, Q1, 7, None, None, "#2 #4"),
        # 27 + 15 satisfied of 30 + 20 respondents
        (RuleKind.SATISFIED_PCT, RuleScope.PERIOD, CAPACITY_BUILDING, Q1, Decimal("84.0"), None,
         None, "#2 #4"),
        (RuleKind.SATISFIED_PCT, RuleScope.PERIOD, frozenset({ActivityType.MEETING}), Q1, None,
         None, None, "#3"),
    ],
)  # fmt: skip
def test_computed_figures(
    kind: RuleKind, scope: RuleScope, types: frozenset[ActivityType], quarter: Quarter,
    value: Decimal | int | None, male: int | None, female: int | None, keys: str,
) -> None:  # fmt: skip
    figure = compute(Rule(kind=kind, output="1.3", types=types, scope=scope), REGISTER,
                     quarter=quarter)  # fmt: skip
    assert figure.value == (None if value is None else Decimal(value))
    assert (figure.male, figure.female) == (
        None if male is None else Decimal(male),
        None if female is None else Decimal(female),
    )
    assert " ".join(a.key for a in figure.activities) == keys


def _period(values: dict[str, int]) -> PeriodRecord:
    return PeriodRecord(
        quarter=Q1,
        values=tuple(
            IndicatorValueRecord(indicator=code, actual=Actual(value=Decimal(n)))
            for code, n in values.items()
        ),
    )


def test_the_register_checks() -> None:
    register = Register(
        activities=(
            *REGISTER,
            act("#9", ActivityType.TRAINING, date(2013, 2, 3), male=32, female=2, total=34),
            act(
                "#10",
                ActivityType.MEETING,
                date(2013, 3, 28),
                end=date(2013, 4, 2),
                male=3,
                female=3,
                total=7,
                respondents=9,
                satisfied=10,
            ),
        ),
        rules={
            "1.3.6": Rule(kind=RuleKind.ACTIVITIES, output="1.3", types=CAPACITY_BUILDING),
            "1.3.7": Rule(kind=RuleKind.PARTICIPANTS, output="1.3", types=CAPACITY_BUILDING),
        },
    )
    found = check_register(period=_period({"1.3.6": 29, "1.3.7": 107}), register=register)
    by_rule = {(f.rule, f.where): f for f in found}
    assert sorted(by_rule) == [
        (rules.ACTIVITY_DATES, "1.3"),
        (rules.ACTIVITY_DUPLICATE, "1.3"),
        (rules.ACTIVITY_PARTICIPANTS, "1.3"),
        (rules.ACTIVITY_VALUE_MISMATCH, "1.3.6"),
    ]
    assert "#2 and #9" in by_rule[(rules.ACTIVITY_DUPLICATE, "1.3")].message
    mismatch = by_rule[(rules.ACTIVITY_VALUE_MISMATCH, "1.3.6")]
    assert (mismatch.computed, mismatch.reported) == (Decimal(4), Decimal(29))
    texts = [f.message for f in found if f.rule == rules.ACTIVITY_PARTICIPANTS]
    assert any("3 male + 3 female = 6, not 7" in t for t in texts)
    assert any("10 satisfied of 9 respondents" in t for t in texts)
    assert any("9 respondents of 7 participants" in t for t in texts)


def test_an_agreeing_register_finds_nothing() -> None:
    register = Register(
        activities=REGISTER[1:4],
        rules={"1.3.6": Rule(kind=RuleKind.ACTIVITIES, output="1.3", types=CAPACITY_BUILDING)},
    )
    assert check_register(period=_period({"1.3.6": 2}), register=register) == ()
