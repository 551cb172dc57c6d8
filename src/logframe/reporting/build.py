"""Build the report model of one project's quarterly progress report.

Pure: a ``ProjectRecord`` in, a ``ReportModel`` out; no Django, no database. Every figure
is computed with the domain rules under the fund's conventions; a figure the legacy report
claimed is carried beside the computed one. The findings are the domain's
(``logframe.domain.checks.check_period``): the report lists them, it checks nothing itself.
"""

from __future__ import annotations

from logframe.domain.checks import check_period
from logframe.domain.checks.register import Register
from logframe.domain.content import localise
from logframe.domain.periods import Quarter
from logframe.domain.records import MissingPeriod, PeriodRecord, ProjectRecord
from logframe.reporting.model import EvidenceItem, Footnote, ReportModel
from logframe.reporting.sections.beneficiaries import build_beneficiaries
from logframe.reporting.sections.finance import build_finance
from logframe.reporting.sections.header import build_header
from logframe.reporting.sections.results import (
    build_outputs,
    build_qualitative,
    build_quantitative,
)


class ReportError(Exception):
    """The report cannot be built, for a reason the user can act on."""


def report_period(*, project: ProjectRecord, quarter: Quarter) -> PeriodRecord:
    """The period a report of ``quarter`` is about; ReportError when there is none."""
    try:
        return project.require_period(quarter)
    except MissingPeriod as missing:
        raise ReportError(str(missing)) from missing


def build_report(
    *,
    project: ProjectRecord,
    quarter: Quarter,
    evidence: tuple[EvidenceItem, ...] = (),
    lang: str | None = None,
    register: Register | None = None,
) -> ReportModel:
    """The progress report of ``project`` for ``quarter``, with ``evidence`` as its annex.

    With ``lang``, the project's texts are in that language where translated, and marked
    as the original elsewhere (``domain.content``). With ``register`` (the project's
    activity register), its checks are among the findings. Raises ReportError when the project
    has no reporting period for that quarter.
    """
    note = ""
    if lang is not None:
        localised = localise(project, lang)
        project, note = localised.project, localised.note(lang)
    period = report_period(project=project, quarter=quarter)
    return ReportModel(
        header=build_header(project=project, quarter=quarter, period=period),
        description_html=project.description,
        development_goal_html=project.development_goal,
        undaf_outcome_html=project.undaf_outcome,
        immediate_objective_html=project.immediate_objective,
        outputs=build_outputs(project=project, period=period),
        finance=build_finance(project=project, period=period),
        beneficiaries=build_beneficiaries(
            period=period, places=project.fund.conventions.beneficiary_decimals
        ),
        quantitative=build_quantitative(project=project, period=period),
        qualitative=build_qualitative(project=project, period=period),
        constraints_html=period.constraints,
        footnotes=tuple(
            Footnote(number=f.number, text=f.text)
            for f in sorted(project.footnotes, key=lambda f: f.number)
        ),
        findings=check_period(project=project, quarter=quarter, register=register),
        evidence=evidence,
        content_note=note,
    )
