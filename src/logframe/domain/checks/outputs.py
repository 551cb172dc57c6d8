"""Rule about outputs: an output's reported % against the roll-up of its indicators."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from logframe.domain.checks import rules
from logframe.domain.checks.indicators import NO_ACTUAL
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Finding, _, check_reported_percent, ngettext
from logframe.domain.progress import indicator_percent, output_percent
from logframe.domain.records import IndicatorValueRecord, ResultRecord


def rolled_up_percent(
    *,
    result: ResultRecord,
    values: Mapping[str, IndicatorValueRecord],
    conventions: Conventions,
) -> tuple[Decimal | None, int]:
    """The output's % of planned (``output_percent``) and how many indicators have a %."""
    percents = [
        indicator_percent(
            measure=indicator.measure,
            target=indicator.target,
            actual=values[indicator.code].actual if indicator.code in values else NO_ACTUAL,
            conventions=conventions,
        )
        for indicator in result.indicators
    ]
    counted = sum(1 for percent in percents if percent is not None)
    return output_percent(indicator_percents=percents, conventions=conventions), counted


def output_pct_mismatch(
    *,
    result: ResultRecord,
    values: Mapping[str, IndicatorValueRecord],
    reported: Decimal | None,
    conventions: Conventions,
    source: str = "",
) -> Finding | None:
    """An output's reported % of planned must agree with the roll-up of its indicators.

    ERROR when it does not ("Reported 61 % of planned, computed 48.7 % (the mean of 5
    indicators' %), which rounds to 49 %."); WARNING when a % is reported but none of its
    indicators has one. Nothing reported → no finding.
    """
    if reported is None:
        return None
    computed, counted = rolled_up_percent(result=result, values=values, conventions=conventions)
    basis = ngettext(
        "the %% of its one indicator",
        "the mean of %(count)s indicators' %%",
        counted,
        count=counted,
    )
    if not result.indicators:
        why = _("it has no indicators")
    else:
        why = _("none of its indicators has a %%")
    return check_reported_percent(
        rule=rules.OUTPUT_PCT_MISMATCH,
        where=result.code,
        computed=computed,
        reported=reported,
        of=_("of planned"),
        basis=basis,
        why_none=why,
        source=source,
    )
