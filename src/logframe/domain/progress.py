"""Progress of indicators and outputs: the "% of planned" column of a progress report."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from logframe.domain.conventions import Conventions, RollupRule
from logframe.domain.measures import (
    Actual,
    Measure,
    Target,
    TargetKind,
    effective_actual,
)
from logframe.domain.percentages import HUNDRED, ratio_percent


def indicator_percent(
    *, measure: Measure, target: Target, actual: Actual, conventions: Conventions
) -> Decimal | None:
    """An indicator's % of planned, unrounded, or None when it has none.

    Rules, first that applies:
    - a target to be determined, or no target → None ("n/a");
    - a QUALITATIVE measure → None;
    - a MILESTONE measure or a MILESTONE target → the actual's estimated % if given, else
      the fund's default % for the actual's status (conventions.status_pct), else None;
    - a COUNT → effective actual / target value * 100;
    - a PERCENTAGE → None, unless the fund scores percentage indicators
      (conventions.score_percentage_indicators), then effective actual / target value * 100;
    - no actual, no target value, or a target value of 0 → None.
    When conventions.cap_at_100, the result is capped at 100.
    """
    percent = _uncapped_percent(
        measure=measure, target=target, actual=actual, conventions=conventions
    )
    if percent is None or not conventions.cap_at_100:
        return percent
    return min(percent, HUNDRED)


def _uncapped_percent(
    *, measure: Measure, target: Target, actual: Actual, conventions: Conventions
) -> Decimal | None:
    if target.kind in (TargetKind.TBD, TargetKind.NONE) or measure is Measure.QUALITATIVE:
        return None
    if measure is Measure.MILESTONE or target.kind is TargetKind.MILESTONE:
        return milestone_percent(actual=actual, conventions=conventions)
    if measure is Measure.PERCENTAGE and not conventions.score_percentage_indicators:
        return None
    return _percent_of_target(measure=measure, target=target, actual=actual)


def milestone_percent(*, actual: Actual, conventions: Conventions) -> Decimal | None:
    """A milestone's % complete: the estimate if given, else the status's default %, else None.

    With the default conventions only COMPLETED (also written "Yes", "Done") has a default,
    100; "Initiated" and "Partially" need an estimate, and "Not yet initiated" has no %.
    """
    if actual.estimated_pct is not None:
        return actual.estimated_pct
    if actual.status is None:
        return None
    return conventions.status_pct[actual.status]


def _percent_of_target(*, measure: Measure, target: Target, actual: Actual) -> Decimal | None:
    achieved = effective_actual(actual=actual, measure=measure)
    if achieved is None or target.value is None:
        return None
    return ratio_percent(part=achieved, whole=target.value)


def output_percent(
    *, indicator_percents: Sequence[Decimal | None], conventions: Conventions
) -> Decimal | None:
    """An output's % of planned, unrounded: the roll-up of its indicators' percentages.

    Rule MEAN (the only one so far): the plain mean of the indicators that have a %,
    each taken unrounded (and already capped); indicators without one (None) are left
    out, not counted as 0. None when no indicator has a %.
    """
    if conventions.rollup != RollupRule.MEAN:
        raise ValueError(f"unknown roll-up rule: {conventions.rollup}")
    present = [percent for percent in indicator_percents if percent is not None]
    if not present:
        return None
    return sum(present, Decimal(0)) / len(present)
