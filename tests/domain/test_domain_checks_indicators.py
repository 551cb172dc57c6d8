"""Indicator rules: % of planned, sex split, the 100 % cap, missing actuals, tbd targets.

Each table holds a seed example and a made-up one, both where the rule fires and where
it does not (message None).
"""

from decimal import Decimal as D

import pytest
from checks_records import count, milestone, percentage, tbd, value

from logframe.domain.checks.indicators import (
    Claim,
    cap_uneven,
    missing_actual,
    pct_mismatch,
    sex_split,
    target_tbd,
)
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Severity
from logframe.domain.measures import Actual, Status
from logframe.domain.records import IndicatorRecord, IndicatorValueRecord

DEFAULTS = Conventions()


@pytest.mark.parametrize(
    ("total", "male", "female", "message"),
    [
        pytest.param(498, 468, 28, "498 reported, but 468 male + 28 female = 496.",
                     id="seed-1.1.9"),
        pytest.param(253, 185, 67, "253 reported, but 185 male + 67 female = 252.",
                     id="seed-1.2.5"),
        pytest.param(107, 86, 23, "107 reported, but 86 male + 23 female = 109.", id="seed-2.1.4"),
        pytest.param(452, 372, 80, None, id="seed-1.3.7"),
        pytest.param(717, 596, 121, None, id="seed-2.1.7"),
        pytest.param(1200, 1000, 100, "1,200 reported, but 1,000 male + 100 female = 1,100.",
                     id="made-up"),
        pytest.param(10, 10, 0, None, id="made-up-all-male"),
        pytest.param(10, 6, None, None, id="made-up-no-female"),
    ],
)  # fmt: skip
def test_sex_split(total: int, male: int, female: int | None, message: str | None) -> None:
    actual = Actual(value=D(total), male=D(male), female=None if female is None else D(female))
    finding = sex_split(where="1.1.9", actual=actual, source="r.txt:76")
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.where, finding.source) == (
        "sex-split",
        Severity.WARNING,
        "1.1.9",
        "r.txt:76",
    )
    assert (finding.message, finding.computed, finding.reported) == (
        message,
        D(male) + D(female or 0),
        D(total),
    )


@pytest.mark.parametrize(
    ("indicator", "value_", "severity", "message"),
    [
        pytest.param(count("3.1.4", 252), value("3.1.4", n=25, reported=5), Severity.ERROR,
                     "Reported 5 % of planned, computed 9.9 % (25 of 252), which rounds to 10 %.",
                     id="seed-3.1.4"),
        pytest.param(count("3.1.10", 3), value("3.1.10", n=5, reported=101), Severity.ERROR,
                     "Reported 101 % of planned, computed 100 % (5 of 3, capped at 100).",
                     id="seed-3.1.10"),
        pytest.param(percentage("3.1.5", 80),
                     value("3.1.5", parts=(("Test 1", 95), ("Test 2", 98)), reported=97),
                     Severity.WARNING,
                     "Reported 97 % of planned, but no % can be computed: the fund does not"
                     " score indicators measured as a percentage.", id="seed-3.1.5"),
        pytest.param(count("2.1.3", 8), value("2.1.3", n=5, reported=63), None, None,
                     id="seed-2.1.3-half-up"),
        pytest.param(count("1.1.8", 19), value("1.1.8", n=13, reported=68), None, None,
                     id="seed-1.1.8"),
        pytest.param(milestone("1.1.1"), value("1.1.1", status=Status.INITIATED, estimate=8,
                     reported=8), None, None, id="seed-1.1.1-milestone"),
        pytest.param(tbd("9.9.1"), value("9.9.1", n=4, reported=50), Severity.WARNING,
                     "Reported 50 % of planned, but no % can be computed:"
                     " the target is still to be determined.", id="made-up-tbd"),
        pytest.param(count("9.9.2", 40), value("9.9.2", n=10, reported=20), Severity.ERROR,
                     "Reported 20 % of planned, computed 25 % (10 of 40).", id="made-up"),
        pytest.param(count("9.9.3", 40), value("9.9.3", n=10, reported="25.0"), None, None,
                     id="made-up-agrees"),
    ],
)  # fmt: skip
def test_pct_mismatch(
    indicator: IndicatorRecord,
    value_: IndicatorValueRecord,
    severity: Severity | None,
    message: str | None,
) -> None:
    finding = pct_mismatch(indicator=indicator, value=value_, conventions=DEFAULTS)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.where, finding.severity, finding.message) == (
        "pct-mismatch",
        indicator.code,
        severity,
        message,
    )


SEED_OVER = [
    Claim(code="1.1.9", uncapped=D(49800) / 340, reported=D(100)),
    Claim(code="1.3.6", uncapped=D(2900) / 27, reported=D(100)),
    Claim(code="3.1.10", uncapped=D(500) / 3, reported=D(101)),
    Claim(code="2.1.3", uncapped=D("62.5"), reported=D(63)),
]


@pytest.mark.parametrize(
    ("claims", "cap", "expected"),
    [
        pytest.param(SEED_OVER, True, {"3.1.10": (
            "Reported 101 % of planned while the over-achieving 1.1.9 and 1.3.6 are reported"
            " at 100 %: the 100 % cap is applied unevenly.")}, id="seed"),
        pytest.param(SEED_OVER[:2] + SEED_OVER[3:], True, {}, id="seed-capped-evenly"),
        pytest.param([Claim(code="a", uncapped=D(150), reported=D(150)),
                      Claim(code="b", uncapped=D(120), reported=D(100))], False, {"b": (
            "Reported at 100 % though 120 % is achieved, while the over-achieving a is reported"
            " above 100 %: the fund does not cap, and the cap is applied unevenly.")},
            id="made-up-no-cap"),
        pytest.param([Claim(code="a", uncapped=D(150), reported=D(150)),
                      Claim(code="b", uncapped=D(100), reported=D(100))], False, {},
                     id="made-up-100-is-not-over"),
    ],
)  # fmt: skip
def test_cap_uneven(claims: list[Claim], cap: bool, expected: dict[str, str]) -> None:
    found = cap_uneven(claims=claims, cap_at_100=cap)
    assert {f.where: f.message for f in found} == expected
    assert all((f.rule, f.severity) == ("cap-uneven", Severity.INFO) for f in found)


@pytest.mark.parametrize(
    ("indicator", "value_", "message"),
    [
        pytest.param(milestone("1.2.2"), None,
                     'Target "Yes", but no actual and no status this period.', id="seed-1.2.2"),
        pytest.param(count("3.1.8", 8), None,
                     "Target 8, but no actual and no status this period.", id="seed-3.1.8"),
        pytest.param(count("3.1.8", 8), value("3.1.8"),
                     "Target 8, but no actual and no status this period.", id="made-up-blank"),
        pytest.param(milestone("1.1.6"), value("1.1.6", status=Status.NOT_YET_INITIATED), None,
                     id="seed-1.1.6-status-only"),
        pytest.param(tbd("2.1.6"), None, None, id="seed-tbd-is-not-missing"),
        pytest.param(count("9.9.1", 5), value("9.9.1", n=0), None, id="made-up-zero-counts"),
        pytest.param(count("9.9.2", 5), value("9.9.2", text="about ten"), None,
                     id="made-up-unread-text"),
    ],
)  # fmt: skip
def test_missing_actual(
    indicator: IndicatorRecord, value_: IndicatorValueRecord | None, message: str | None
) -> None:
    finding = missing_actual(indicator=indicator, value=value_)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.where, finding.message) == (
        "missing-actual",
        Severity.WARNING,
        indicator.code,
        message,
    )


@pytest.mark.parametrize(
    ("indicator", "message"),
    [
        pytest.param(tbd("2.1.6"),
                     'Target still to be determined ("tbd by IHEC"), so no % of planned.',
                     id="seed-2.1.6"),
        pytest.param(count("2.1.3", 8), None, id="seed-2.1.3"),
        pytest.param(tbd("9.9.1", "tbd after the census"),
                     'Target still to be determined ("tbd after the census"), so no % of planned.',
                     id="made-up"),
        pytest.param(milestone("9.9.2"), None, id="made-up-milestone"),
    ],
)  # fmt: skip
def test_target_tbd(indicator: IndicatorRecord, message: str | None) -> None:
    finding = target_tbd(indicator=indicator)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.message) == (
        "target-tbd",
        Severity.INFO,
        message,
    )
