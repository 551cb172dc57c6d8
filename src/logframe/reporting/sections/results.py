"""The result tree in the report: outputs and activities, the quantitative table, narratives."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.conventions import Conventions
from logframe.domain.formatting import NOT_AVAILABLE
from logframe.domain.progress import output_percent
from logframe.domain.records import PeriodRecord, ProjectRecord, ResultLevel, ResultRecord
from logframe.reporting.figures import percent_figure
from logframe.reporting.model import (
    ActivityLine,
    IndicatorRow,
    Narrative,
    OutputBlock,
    OutputsSection,
    Qualitative,
    ResultLine,
)
from logframe.reporting.sections.indicators import build_indicator_row

_LEVEL_WORDS = {ResultLevel.JP_OUTPUT: "JP Output", ResultLevel.OUTPUT: "Output"}


def result_line(result: ResultRecord) -> ResultLine:
    """A result's code, label ("Output 1.1"), text and responsible agencies."""
    lead = [f"{result.lead} (lead)"] if result.lead and result.partners else [result.lead]
    return ResultLine(
        code=result.code,
        label=f"{_LEVEL_WORDS[result.level]} {result.code}",
        level=result.level,
        text=result.text,
        responsible=", ".join(name for name in (*lead, *result.partners) if name),
    )


def build_outputs(*, project: ProjectRecord, period: PeriodRecord) -> OutputsSection:
    results = project.walk_results()
    return OutputsSection(
        results=tuple(result_line(result) for result in results),
        activities=tuple(
            ActivityLine(
                code=activity.code,
                text=activity.text,
                marks=tuple(mark.number for mark in activity.footnotes),
            )
            for result in results
            for activity in result.activities
        ),
        procurement_plan=project.procurement_plan,
        procurement_html=period.procurement,
    )


def build_quantitative(*, project: ProjectRecord, period: PeriodRecord) -> tuple[OutputBlock, ...]:
    """A block per result, parents first; an output's % rolls up its own indicators."""
    values = {value.indicator: value for value in period.values}
    claims = {progress.result: progress.reported_pct for progress in period.progress}
    conventions = project.fund.conventions
    return tuple(
        _block(
            result=result,
            rows=tuple(
                build_indicator_row(
                    indicator=indicator, value=values.get(indicator.code), conventions=conventions
                )
                for indicator in result.indicators
            ),
            reported=claims.get(result.code),
            conventions=conventions,
        )
        for result in project.walk_results()
    )


def _block(
    *,
    result: ResultRecord,
    rows: tuple[IndicatorRow, ...],
    reported: Decimal | None,
    conventions: Conventions,
) -> OutputBlock:
    computed = output_percent(
        indicator_percents=[row.percent.computed for row in rows], conventions=conventions
    )
    percent = percent_figure(
        computed=computed,
        reported=reported,
        places=conventions.indicator_decimals,
        missing=NOT_AVAILABLE if rows else "",
    )
    return OutputBlock(result=result_line(result), percent=percent, indicators=rows)


def build_qualitative(*, project: ProjectRecord, period: PeriodRecord) -> Qualitative:
    """The general summary, then each result's narrative in result-tree order."""
    narratives = {progress.result: progress.narrative for progress in period.progress}
    return Qualitative(
        summary_html=period.summary,
        narratives=tuple(
            Narrative(code=line.code, heading=f"{line.label}: {line.text}", html=html)
            for line in map(result_line, project.walk_results())
            if (html := narratives.get(line.code, "")).strip()
        ),
    )
