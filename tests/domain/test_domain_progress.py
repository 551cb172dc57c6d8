"""Indicator and output "% of planned", pinned by every figure in the seed report.

The seed is ../shared/seed/itf-g11-23-2013q1-progress-report.txt (ITF G11-23, 2013 Q1).
Each seed row below is (code, measure, target, actual, % the seed reported or None when
blank or "n/a", % we compute rounded half-up to whole %, whether the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logframe.domain.conventions import Conventions
from logframe.domain.measures import Actual, Measure, Part, Target, TargetKind, parse_status
from logframe.domain.percentages import agrees, round_half_up
from logframe.domain.progress import indicator_percent, output_percent

DEFAULTS = Conventions()


@dataclass(frozen=True)
class Row:
    code: str
    measure: Measure
    target: Target
    actual: Actual
    reported: D | None
    expected: D | None
    agrees: bool = True

    def percent(self, conventions: Conventions = DEFAULTS) -> D | None:
        return indicator_percent(
            measure=self.measure, target=self.target, actual=self.actual, conventions=conventions
        )


def dec(value: int | None) -> D | None:
    return None if value is None else D(value)


def count(
    code: str,
    target: int,
    actual: int | None,
    reported: int | None,
    expected: int | None,
    *,
    split: tuple[int, int] | None = None,
    agrees: bool = True,
) -> Row:
    male, female = (D(split[0]), D(split[1])) if split else (None, None)
    return Row(code, Measure.COUNT, Target(TargetKind.NUMBER, D(target)),
               Actual(value=dec(actual), male=male, female=female),
               dec(reported), dec(expected), agrees)  # fmt: skip


def milestone(
    code: str,
    status: str,
    estimate: int | None,
    reported: int | None,
    expected: int | None,
    *,
    target: str = "Yes",
) -> Row:
    actual = Actual(status=parse_status(status), estimated_pct=dec(estimate))
    return Row(code, Measure.MILESTONE, Target(TargetKind.MILESTONE, milestone=target), actual,
               dec(reported), dec(expected))  # fmt: skip


def percentage(
    code: str,
    actual: int | None,
    *,
    parts: tuple[int, ...] = (),
    reported: int | None = None,
    agrees: bool = True,
) -> Row:
    labelled = tuple(Part(f"Test {n}", D(value)) for n, value in enumerate(parts, start=1))
    return Row(code, Measure.PERCENTAGE, Target(TargetKind.NUMBER, D(80)),
               Actual(value=dec(actual), parts=labelled), dec(reported), None, agrees)  # fmt: skip


def tbd(code: str, actual: int, *, split: tuple[int, int] | None = None) -> Row:
    male, female = (D(split[0]), D(split[1])) if split else (None, None)
    return Row(code, Measure.COUNT, Target(TargetKind.TBD, note="tbd by IHEC"),
               Actual(value=D(actual), male=male, female=female), None, None)  # fmt: skip


SEED: dict[str, tuple[D, D, tuple[Row, ...]]] = {
    # output: (the seed's reported output %, our computed output %, rows)
    "1.1": (D(56), D(56), (
        milestone("1.1.1", "Initiated", 8, 8, 8),
        milestone("1.1.2", "Yes", None, 100, 100, target="All"),
        milestone("1.1.3", "Initiated", 7, 7, 7),
        milestone("1.1.4", "Partially", 30, 30, 30),
        milestone("1.1.5", "Yes", None, 100, 100),
        milestone("1.1.6", "Not yet initiated", None, None, None),
        count("1.1.7", 3, 1, 33, 33),
        count("1.1.8", 19, 13, 68, 68),
        count("1.1.9", 340, 498, 100, 100, split=(468, 28)),
        percentage("1.1.10", 93),
        count("1.1.11", 5, 3, 60, 60),
    )),
    "1.2": (D(61), D(49), (
        count("1.2.1", 5, 0, 0, 0),
        milestone("1.2.2", "", None, None, None),
        count("1.2.3", 3, 0, 0, 0),
        count("1.2.4", 19, 19, 100, 100),
        count("1.2.5", 400, 253, 63, 63, split=(185, 67)),
        percentage("1.2.6", 96),
        count("1.2.7", 5, 4, 80, 80),
    )),
    "1.3": (D(70), D(70), (
        milestone("1.3.1", "Initiated", 15, 15, 15),
        milestone("1.3.2", "Initiated", 5, 5, 5),
        milestone("1.3.3", "Not yet initiated", None, None, None),
        milestone("1.3.4", "Not yet initiated", None, None, None),
        milestone("1.3.5", "Completed", None, 100, 100),
        count("1.3.6", 27, 29, 100, 100),
        count("1.3.7", 450, 452, 100, 100, split=(372, 80)),
        percentage("1.3.8", 96),
        count("1.3.9", 4, 4, 100, 100),
    )),
    "2.1": (D(77), D(77), (
        milestone("2.1.1", "Part", 75, 75, 75),
        count("2.1.2", 50, 80, 100, 100, split=(56, 24)),
        count("2.1.3", 8, 5, 63, 63),
        count("2.1.4", 67, 107, 100, 100, split=(86, 23)),
        percentage("2.1.5", 100),
        tbd("2.1.6", 82),
        tbd("2.1.7", 717, split=(596, 121)),
        count("2.1.8", 4, 11, 100, 100, split=(10, 1)),
        count("2.1.9", 8, 2, 25, 25),
    )),
    "2.2": (D(76), D(76), (
        count("2.2.1", 15, 18, 100, 100),
        count("2.2.2", 298, 254, 85, 85, split=(211, 43)),
        percentage("2.2.3", 96),
        count("2.2.4", 10, 8, 80, 80),
        count("2.2.5", 5, 2, 40, 40),
    )),
    "3.1": (D(63), D(59), (
        count("3.1.1", 2, 1, 50, 50),
        milestone("3.1.2", "Completed", None, 100, 100),
        milestone("3.1.3", "Completed", None, 100, 100),
        count("3.1.4", 252, 25, 5, 10, split=(22, 3), agrees=False),
        percentage("3.1.5", None, parts=(95, 98), reported=97, agrees=False),
        milestone("3.1.6", "Initiated", 5, 5, 5),
        milestone("3.1.7", "Completed", None, 100, 100),
        count("3.1.8", 8, None, None, None),
        milestone("3.1.9", "Initiated", 5, 5, 5),
        count("3.1.10", 3, 5, 101, 100, agrees=False),
    )),
}  # fmt: skip

ROWS = [pytest.param(row, id=row.code) for _, _, rows in SEED.values() for row in rows]


def shown(value: D | None) -> D | None:
    """As the report shows a %: rounded once, half-up, to whole %."""
    return None if value is None else round_half_up(value=value, places=0)


@pytest.mark.parametrize("row", ROWS)
def test_indicator_percent_reproduces_the_seed(row: Row) -> None:
    assert shown(row.percent()) == row.expected


@pytest.mark.parametrize("row", ROWS)
def test_the_seeds_indicator_percent_agrees_unless_it_slipped(row: Row) -> None:
    assert agrees(computed=row.percent(), reported=row.reported) is row.agrees


@pytest.mark.parametrize(
    ("output", "reported", "expected", "rows"),
    [pytest.param(code, *figures, id=code) for code, figures in SEED.items()],
)
def test_output_percent_reproduces_the_seed(
    output: str, reported: D, expected: D, rows: tuple[Row, ...]
) -> None:
    percents = [row.percent() for row in rows]
    computed = output_percent(indicator_percents=percents, conventions=DEFAULTS)
    assert shown(computed) == expected
    assert agrees(computed=computed, reported=reported) is (output not in {"1.2", "3.1"})


def test_output_roll_up_is_the_mean_of_unrounded_percents() -> None:
    # 1/3 and 2/3 round to 33 and 67 (mean 50), but unrounded the mean is exactly 50 too;
    # 62.5 and 62.5 (shown 63 and 63) have mean 62.5, rounded once to 63, not twice.
    percents = [D(100) / 3, D(200) / 3, D("62.5"), D("62.5")]
    mean = output_percent(indicator_percents=percents, conventions=DEFAULTS)
    assert mean == (D(100) / 3 + D(200) / 3 + D(125)) / 4


def test_output_without_any_percent_has_none() -> None:
    assert output_percent(indicator_percents=[None, None], conventions=DEFAULTS) is None
    assert output_percent(indicator_percents=[], conventions=DEFAULTS) is None


NUMBER_80 = Target(TargetKind.NUMBER, D(80))


@pytest.mark.parametrize(
    ("measure", "target", "actual", "conventions", "expected"),
    [
        pytest.param(Measure.PERCENTAGE, NUMBER_80, Actual(value=D(93)), DEFAULTS, None,
                     id="percentage-not-scored-by-default"),
        pytest.param(Measure.PERCENTAGE, NUMBER_80, Actual(value=D(93)),
                     Conventions(score_percentage_indicators=True), D(100),
                     id="percentage-scored-and-capped"),
        pytest.param(Measure.PERCENTAGE, NUMBER_80, Actual(value=D(60)),
                     Conventions(score_percentage_indicators=True), D(75),
                     id="percentage-scored"),
        pytest.param(Measure.PERCENTAGE, NUMBER_80,
                     Actual(parts=(Part("Test 1", D(95)), Part("Test 2", D(98)))),
                     Conventions(score_percentage_indicators=True, cap_at_100=False),
                     D("96.5") * 100 / 80, id="multi-part-uncapped"),
        pytest.param(Measure.COUNT, Target(TargetKind.NUMBER, D(340)), Actual(value=D(498)),
                     Conventions(cap_at_100=False), D(49800) / 340, id="count-uncapped"),
        pytest.param(Measure.COUNT, Target(TargetKind.NUMBER, D(340)),
                     Actual(male=D(468), female=D(28)), Conventions(cap_at_100=False),
                     D(49600) / 340, id="count-from-sex-split"),
        pytest.param(Measure.COUNT, Target(TargetKind.NUMBER, D(0)), Actual(value=D(3)),
                     DEFAULTS, None, id="zero-target"),
        pytest.param(Measure.COUNT, Target(TargetKind.NUMBER), Actual(value=D(3)),
                     DEFAULTS, None, id="target-without-value"),
        pytest.param(Measure.COUNT, Target(TargetKind.NONE), Actual(value=D(3)),
                     DEFAULTS, None, id="no-target"),
        pytest.param(Measure.COUNT, Target(TargetKind.TBD, note="tbd by IHEC"),
                     Actual(value=D(82)), DEFAULTS, None, id="tbd-target"),
        pytest.param(Measure.QUALITATIVE, NUMBER_80, Actual(value=D(3)), DEFAULTS, None,
                     id="qualitative"),
        pytest.param(Measure.MILESTONE, Target(TargetKind.MILESTONE, milestone="Yes"),
                     Actual(status=parse_status("Partially"), estimated_pct=D(30)),
                     DEFAULTS, D(30), id="partially-30"),
        pytest.param(Measure.MILESTONE, Target(TargetKind.MILESTONE, milestone="Yes"),
                     Actual(status=parse_status("Partially")), DEFAULTS, None,
                     id="partially-without-estimate"),
        pytest.param(Measure.MILESTONE, Target(TargetKind.MILESTONE, milestone="Yes"),
                     Actual(status=parse_status("Partially")),
                     Conventions(status_pct={parse_status("Partially"): D(50)}),  # type: ignore[dict-item]
                     D(50), id="fund-with-a-status-scale"),
        pytest.param(Measure.COUNT, Target(TargetKind.MILESTONE, milestone="All"),
                     Actual(status=parse_status("Yes")), DEFAULTS, D(100),
                     id="milestone-target-on-count"),
        pytest.param(Measure.MILESTONE, Target(TargetKind.MILESTONE, milestone="Yes"),
                     Actual(estimated_pct=D(120)), DEFAULTS, D(100), id="estimate-capped"),
    ],
)  # fmt: skip
def test_indicator_percent_rules(
    measure: Measure, target: Target, actual: Actual, conventions: Conventions, expected: D | None
) -> None:
    computed = indicator_percent(
        measure=measure, target=target, actual=actual, conventions=conventions
    )
    assert computed == expected


amounts = st.decimals(min_value=0, max_value=10**6, allow_nan=False, places=2)
percents = st.decimals(min_value=0, max_value=1000, allow_nan=False, places=2)


@settings(database=None)
@given(target=amounts, actual=amounts)
def test_a_capped_percent_never_exceeds_100(target: D, actual: D) -> None:
    computed = indicator_percent(
        measure=Measure.COUNT,
        target=Target(TargetKind.NUMBER, target),
        actual=Actual(value=actual),
        conventions=DEFAULTS,
    )
    assert computed is None or D(0) <= computed <= D(100)


@settings(database=None)
@given(values=st.lists(st.one_of(st.none(), percents), max_size=20))
def test_output_percent_lies_between_its_indicators(values: list[D | None]) -> None:
    computed = output_percent(indicator_percents=values, conventions=DEFAULTS)
    present = [value for value in values if value is not None]
    if not present:
        assert computed is None
    else:
        assert computed is not None
        assert min(present) <= computed <= max(present)
