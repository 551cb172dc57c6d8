"""The result tree's rules run together: each output, then each of its indicators."""

from __future__ import annotations

from logframe.domain.checks.indicators import Claim, cap_uneven, check_indicator, claim
from logframe.domain.checks.milestones import milestone_estimate, status_pct, status_word
from logframe.domain.checks.outputs import output_pct_mismatch
from logframe.domain.checks.provenance import ACTUAL, PCT, Sources
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Finding
from logframe.domain.measures import Measure, TargetKind
from logframe.domain.records import (
    IndicatorRecord,
    IndicatorValueRecord,
    PeriodRecord,
    ProjectRecord,
)


def check_results(
    *, project: ProjectRecord, period: PeriodRecord, sources: Sources
) -> tuple[Finding, ...]:
    """Outputs' roll-ups, every indicator's rules, then the 100 % cap across the report."""
    conventions = project.fund.conventions
    values = {value.indicator: value for value in period.values}
    claims = {progress.result: progress.reported_pct for progress in period.progress}
    found: list[Finding] = []
    uncapped: list[Claim] = []
    for result in project.walk_results():
        roll_up = output_pct_mismatch(
            result=result,
            values=values,
            reported=claims.get(result.code),
            conventions=conventions,
            source=sources.location(result.code, PCT),
        )
        found.extend([roll_up] if roll_up is not None else [])
        for indicator in result.indicators:
            value = values.get(indicator.code)
            found.extend(
                check_indicator(
                    indicator=indicator, value=value, conventions=conventions, sources=sources
                )
            )
            if value is None:
                continue
            found.extend(
                _milestone(
                    indicator=indicator, value=value, conventions=conventions, sources=sources
                )
            )
            claimed = claim(
                indicator=indicator,
                value=value,
                conventions=conventions,
                source=sources.location(indicator.code, PCT),
            )
            uncapped.extend([claimed] if claimed is not None else [])
    found.extend(cap_uneven(claims=uncapped, cap_at_100=conventions.cap_at_100))
    return tuple(found)


def _milestone(
    *,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord,
    conventions: Conventions,
    sources: Sources,
) -> tuple[Finding, ...]:
    """The status rules, for a milestone indicator or any actual that gives a status."""
    actual = value.actual
    milestone = (
        indicator.measure is Measure.MILESTONE or indicator.target.kind is TargetKind.MILESTONE
    )
    if not milestone and actual.status is None:
        return ()
    code = indicator.code
    source = sources.location(code, ACTUAL)
    text = sources.text(code, ACTUAL)
    found = (
        status_pct(
            where=code,
            status=actual.status,
            estimated_pct=actual.estimated_pct,
            reported_pct=value.reported_pct,
            source=source,
        ),
        status_word(
            where=code,
            status=actual.status,
            text=value.actual_text if text is None else text,
            source=source,
        ),
        milestone_estimate(
            where=code,
            status=actual.status,
            estimated_pct=actual.estimated_pct,
            conventions=conventions,
            source=source,
        ),
    )
    return tuple(f for f in found if f is not None)
