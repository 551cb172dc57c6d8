"""Every read of the portfolio: each selector owns its queries, a fixed number per call."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    Disaggregation,
    FinanceRecord,
    FootnoteMark,
    FootnoteRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    PeriodRecord,
    PeriodState,
    ProjectRecord,
    ProjectStatus,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    Role,
    SourceCell,
)
from logframe.portfolio import models as m


class NotFound(LookupError):
    """A project, fund or period that the caller named does not exist."""


def project_by_number(*, number: str, fund: str | None = None) -> m.Project:
    """The project with this number (in this fund, when given), or a clear NotFound."""
    projects = m.Project.objects.select_related("fund").filter(number__iexact=number.strip())
    if fund:
        projects = projects.filter(fund__code__iexact=fund)
    found = list(projects[:2])
    if not found:
        known = ", ".join(
            m.Project.objects.order_by("number").values_list("number", flat=True)[:20]
        )
        raise NotFound(f"unknown project {number!r} (known: {known or 'none — load one first'})")
    if len(found) > 1:
        raise NotFound(f"project number {number!r} is used in several funds: name the fund")
    return found[0]


def period_of(*, project: m.Project, quarter: Quarter) -> m.ReportingPeriod:
    period = project.periods.filter(year=quarter.year, quarter=quarter.number).first()
    if period is None:
        known = ", ".join(p.code for p in project.periods.all()) or "none"
        raise NotFound(f"project {project.number} has no period {quarter.code} (it has: {known})")
    return period


def fund_list(*, funds: QuerySet[m.Fund]) -> QuerySet[m.Fund]:
    """The funds with their number of projects."""
    return funds.annotate(project_count=Count("projects")).order_by("code")


def fund_project_rows(*, projects: QuerySet[m.Project]) -> QuerySet[m.Project]:
    """Projects with budget, lead agency and latest quarter: one query in all.

    Each row carries ``budget`` (sum of approved budgets), ``lead_code``,
    ``agency_count``, ``latest_year``/``latest_quarter``/``latest_state``, and the
    ``committed`` and ``disbursed`` totals of the latest quarter.
    """
    participations = m.Participation.objects.filter(project=OuterRef("pk"))
    latest = m.ReportingPeriod.objects.filter(project=OuterRef("pk")).order_by("-year", "-quarter")
    lead = participations.filter(role="lead").values("organisation__code")[:1]
    return projects.annotate(
        budget=Subquery(
            participations.values("project")
            .annotate(total=Sum("approved_budget"))
            .values("total")[:1]
        ),
        agency_count=Subquery(
            participations.values("project").annotate(n=Count("pk")).values("n")[:1]
        ),
        lead_code=Subquery(lead),
        latest_year=Subquery(latest.values("year")[:1]),
        latest_quarter=Subquery(latest.values("quarter")[:1]),
        latest_state=Subquery(latest.values("state")[:1]),
        committed=Subquery(_latest_finance_sum("committed")),
        disbursed=Subquery(_latest_finance_sum("disbursed")),
    ).order_by("number")


def _latest_finance_sum(field: str) -> QuerySet[m.FinancialStatus, dict[str, Any]]:
    """Per outer project: the sum of ``field`` over the agencies in its latest quarter."""
    latest = m.ReportingPeriod.objects.filter(project=OuterRef(OuterRef("pk"))).order_by(
        "-year", "-quarter"
    )
    return (
        m.FinancialStatus.objects.filter(period=Subquery(latest.values("pk")[:1]))
        .values("period")
        .annotate(total=Sum(field))
        .values("total")[:1]
    )


def project_record(*, project: m.Project) -> ProjectRecord:
    """The whole project read back as records, in a fixed number of queries."""
    fund = project.fund
    participations = list(project.participations.select_related("organisation"))
    orgs = {p.organisation for p in participations}
    results = list(project.results.select_related("lead").prefetch_related("partners"))
    for r in results:
        orgs.update(r.partners.all())
        if r.lead:
            orgs.add(r.lead)
    if project.line_ministry:
        orgs.add(project.line_ministry)
    if fund.administrative_agent:
        orgs.add(fund.administrative_agent)
    return ProjectRecord(
        fund=FundRecord(
            code=fund.code,
            name=fund.name,
            currency=fund.currency,
            administrative_agent=fund.administrative_agent.code
            if fund.administrative_agent
            else "",
            conventions=fund.conventions(),
        ),
        number=project.number,
        title=project.title,
        organisations=_organisations(participations, orgs),
        participations=tuple(
            ParticipationRecord(
                organisation=p.organisation.code,
                role=Role(p.role),
                approved_budget=_dec(p.approved_budget),
            )
            for p in participations
        ),
        description=project.description,
        sector=project.sector,
        sector_code=project.sector_code,
        thematic_group=project.thematic_group,
        line_ministry=project.line_ministry.code if project.line_ministry else "",
        location=project.location,
        approval_date=project.approval_date,
        start_date=project.start_date,
        planned_end_date=project.planned_end_date,
        revised_end_date=project.revised_end_date,
        status=ProjectStatus(project.status),
        development_goal=project.development_goal,
        undaf_outcome=project.undaf_outcome,
        immediate_objective=project.immediate_objective,
        procurement_plan=tuple(project.procurement_plan.values_list("text", flat=True)),
        results=_result_tree(project, results),
        footnotes=tuple(
            FootnoteRecord(number=f.number, text=f.text) for f in project.footnotes.all()
        ),
        reported_total_budget=_dec(project.reported_total_budget),
        reported_duration_months=project.reported_duration_months,
        periods=_periods(project),
    )


def _dec(value: Decimal | None) -> Decimal | None:
    """A stored decimal without the column's padding zeros: 56.0000 → 56."""
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def _organisations(
    participations: list[m.Participation], orgs: set[m.Organisation]
) -> tuple[OrganisationRecord, ...]:
    """The participants in their order, then every other organisation named, by code."""
    first = [p.organisation for p in participations]
    rest = sorted(orgs - set(first), key=lambda o: o.code)
    return tuple(_organisation(o) for o in first + rest)


def _organisation(o: m.Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        code=o.code, name=o.name, kind=OrganisationKind(o.kind), iati_ref=o.iati_ref
    )


def _marks(rows: list[m.FootnoteMark]) -> tuple[FootnoteMark, ...]:
    return tuple(FootnoteMark(number=r.footnote.number, place=MarkPlace(r.place)) for r in rows)


def _result_tree(project: m.Project, results: list[m.Result]) -> tuple[ResultRecord, ...]:
    marks: dict[tuple[str, int], list[m.FootnoteMark]] = defaultdict(list)
    mark_rows = m.FootnoteMark.objects.filter(footnote__project=project).select_related("footnote")
    for mark in mark_rows.order_by("position"):
        owner = (
            ("indicator", mark.indicator_id)
            if mark.indicator_id
            else ("activity", mark.activity_id)
        )
        marks[owner].append(mark)  # type: ignore[index]
    activities: dict[int, list[ActivityRecord]] = defaultdict(list)
    for a in m.Activity.objects.filter(result__project=project):
        activities[a.result_id].append(
            ActivityRecord(code=a.code, text=a.text, footnotes=_marks(marks[("activity", a.pk)]))
        )
    indicators: dict[int, list[IndicatorRecord]] = defaultdict(list)
    for i in m.Indicator.objects.filter(result__project=project):
        indicators[i.result_id].append(_indicator(i, _marks(marks[("indicator", i.pk)])))
    children: dict[int | None, list[m.Result]] = defaultdict(list)
    for r in results:
        children[r.parent_id].append(r)

    def build(r: m.Result) -> ResultRecord:
        return ResultRecord(
            code=r.code,
            text=r.text,
            level=ResultLevel(r.level),
            lead=r.lead.code if r.lead else "",
            partners=tuple(sorted(o.code for o in r.partners.all())),
            activities=tuple(activities[r.pk]),
            indicators=tuple(indicators[r.pk]),
            children=tuple(build(c) for c in children[r.pk]),
        )

    return tuple(build(r) for r in children[None])


def _indicator(i: m.Indicator, marks: tuple[FootnoteMark, ...]) -> IndicatorRecord:
    return IndicatorRecord(
        code=i.code,
        text=i.text,
        measure=Measure(i.measure),
        target=Target(
            kind=TargetKind(i.target_kind),
            value=_dec(i.target_value),
            milestone=i.target_milestone,
            note=i.target_note,
        ),
        target_text=i.target_text,
        unit=i.unit,
        disaggregation=Disaggregation(i.disaggregation),
        baseline=_dec(i.baseline),
        baseline_text=i.baseline_text,
        cumulative=i.cumulative,
        footnotes=marks,
    )


def _periods(project: m.Project) -> tuple[PeriodRecord, ...]:
    periods = list(project.periods.all())
    values: dict[int, list[IndicatorValueRecord]] = defaultdict(list)
    value_rows = (
        m.IndicatorValue.objects.filter(period__project=project)
        .select_related("indicator")
        .prefetch_related("parts")
        .order_by("period", "indicator__result__position", "indicator__position")
    )
    for v in value_rows:
        values[v.period_id].append(_value(v))
    finance: dict[int, list[FinanceRecord]] = defaultdict(list)
    finance_rows = m.FinancialStatus.objects.filter(period__project=project).select_related(
        "participation__organisation"
    )
    for f in finance_rows:
        finance[f.period_id].append(
            FinanceRecord(
                organisation=f.participation.organisation.code,
                committed=_dec(f.committed),
                disbursed=_dec(f.disbursed),
                forecast_final_date=f.forecast_final_date,
                reported_committed_pct=_dec(f.reported_committed_pct),
                reported_disbursed_pct=_dec(f.reported_disbursed_pct),
                reported_delay_months=f.reported_delay_months,
            )
        )
    beneficiaries: dict[int, list[BeneficiaryRecord]] = defaultdict(list)
    for b in m.BeneficiaryFigure.objects.filter(period__project=project):
        beneficiaries[b.period_id].append(
            BeneficiaryRecord(
                group=BeneficiaryGroup(b.group),
                target=_dec(b.target),
                actual=_dec(b.actual),
                applicable=b.applicable,
                note=b.note,
                reported_pct=_dec(b.reported_pct),
            )
        )
    progress: dict[int, list[ResultProgressRecord]] = defaultdict(list)
    for p in m.ResultProgress.objects.filter(period__project=project).select_related("result"):
        progress[p.period_id].append(
            ResultProgressRecord(
                result=p.result.code, narrative=p.narrative, reported_pct=_dec(p.reported_pct)
            )
        )
    sources: dict[int, list[SourceCell]] = defaultdict(list)
    for c in m.SourceCell.objects.filter(period__project=project):
        sources[c.period_id].append(
            SourceCell(
                where=c.where,
                field=c.field,
                text=c.text,
                location=c.location,
                understood=c.understood,
            )
        )
    return tuple(
        PeriodRecord(
            quarter=p.as_quarter(),
            state=PeriodState(p.state),
            summary=p.summary,
            constraints=p.constraints,
            procurement=p.procurement,
            values=tuple(values[p.pk]),
            finance=tuple(finance[p.pk]),
            beneficiaries=tuple(beneficiaries[p.pk]),
            progress=tuple(progress[p.pk]),
            reported_committed_total=_dec(p.reported_committed_total),
            reported_disbursed_total=_dec(p.reported_disbursed_total),
            reported_committed_pct=_dec(p.reported_committed_pct),
            reported_disbursed_pct=_dec(p.reported_disbursed_pct),
            sources=tuple(sources[p.pk]),
        )
        for p in periods
    )


def _value(v: m.IndicatorValue) -> IndicatorValueRecord:
    return IndicatorValueRecord(
        indicator=v.indicator.code,
        actual=Actual(
            value=_dec(v.value),
            male=_dec(v.male),
            female=_dec(v.female),
            status=Status(v.status) if v.status else None,
            estimated_pct=_dec(v.estimated_pct),
            parts=tuple(
                Part(label=p.label, value=_dec(p.value) or Decimal(0)) for p in v.parts.all()
            ),
        ),
        actual_text=v.actual_text,
        comment=v.comment,
        reported_pct=_dec(v.reported_pct),
        reported_pct_text=v.reported_pct_text,
        source=v.source,
    )
