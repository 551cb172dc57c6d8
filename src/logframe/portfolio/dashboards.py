"""Reads for the dashboards: a fund's project rows and the records behind their findings.

Every selector here costs a fixed number of queries, whatever the number of projects:
the figures of the fund list are SQL sums (``fund_project_rows``), and the records the
findings and output progress need are loaded for a whole page of projects at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    FinanceRecord,
    FootnoteRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
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
from logframe.domain.records import (
    FootnoteMark as MarkRecord,
)
from logframe.portfolio import models as m
from logframe.portfolio.selectors import (
    _dec,
    _indicator,
    _marks,
    _organisations,
    _value,
    fund_project_rows,
)

NO_QUARTER = "none"  # the state filter's value for projects without any quarter


@dataclass(frozen=True)
class ProjectRow:
    """One project of a fund list: its SQL sums and its latest quarter, unformatted."""

    pk: int
    number: str
    title: str
    sector: str
    lead_code: str
    agency_count: int
    budget: Decimal | None
    committed: Decimal | None  # the agencies' sum at the latest quarter
    disbursed: Decimal | None
    start_date: date | None
    end_date: date | None  # the revised end date when there is one, else the planned one
    latest_period_id: int | None
    latest_quarter: Quarter | None
    latest_state: str  # "" when the project has no quarter yet
    latest_submitted_at: datetime | None


@dataclass(frozen=True)
class RowFilters:
    """The fund list's filters; an empty string leaves that filter out."""

    state: str = ""  # a PeriodState value, or NO_QUARTER
    lead: str = ""  # the lead agency's code
    sector: str = ""
    text: str = ""  # searched in the number and the title


def fund_dashboard_rows(
    *, projects: QuerySet[m.Project], filters: RowFilters = RowFilters()
) -> list[ProjectRow]:
    """The projects' rows, filtered, ordered by number: one query in all."""
    latest = m.ReportingPeriod.objects.filter(project=OuterRef("pk")).order_by("-year", "-quarter")
    rows = fund_project_rows(projects=projects).annotate(
        latest_id=Subquery(latest.values("pk")[:1]),
        latest_submitted_at=Subquery(latest.values("submitted_at")[:1]),
        # These replace fund_project_rows' own sums, which add up the first project's
        # latest quarter for every project: their subquery keeps FinancialStatus's default
        # ordering, whose join of portfolio_project hides the outer project from it.
        committed=Subquery(_latest_sum("committed")),
        disbursed=Subquery(_latest_sum("disbursed")),
    )
    return [_row(values) for values in _filtered(rows, filters).values(*_ROW_FIELDS)]


def _latest_sum(field: str) -> QuerySet[m.FinancialStatus, dict[str, Any]]:
    """Per outer project: the sum of ``field`` over the agencies in its latest quarter."""
    latest = m.ReportingPeriod.objects.filter(project=OuterRef(OuterRef("pk"))).order_by(
        "-year", "-quarter"
    )
    return (
        m.FinancialStatus.objects.filter(period=Subquery(latest.values("pk")[:1]))
        .order_by()  # no default ordering: its joins would shadow the outer project
        .values("period")
        .annotate(total=Sum(field))
        .values("total")
    )


_ROW_FIELDS = (
    "pk", "number", "title", "sector", "lead_code", "agency_count", "budget", "committed",
    "disbursed", "start_date", "planned_end_date", "revised_end_date", "latest_id",
    "latest_year", "latest_quarter", "latest_state", "latest_submitted_at",
)  # fmt: skip


def _filtered(rows: QuerySet[m.Project], filters: RowFilters) -> QuerySet[m.Project]:
    """The filters as SQL, on the columns and on the annotations of ``fund_project_rows``."""
    wanted = Q()
    if filters.state == NO_QUARTER:
        wanted &= Q(latest_state__isnull=True)
    elif filters.state:
        wanted &= Q(latest_state=filters.state)
    if filters.lead:
        wanted &= Q(lead_code=filters.lead)
    if filters.sector:
        wanted &= Q(sector=filters.sector)
    if text := filters.text.strip():
        wanted &= Q(number__icontains=text) | Q(title__icontains=text)
    return rows.filter(wanted)


def _row(v: dict[str, Any]) -> ProjectRow:
    year, number = v["latest_year"], v["latest_quarter"]
    return ProjectRow(
        pk=v["pk"],
        number=v["number"],
        title=v["title"],
        sector=v["sector"],
        lead_code=v["lead_code"] or "",
        agency_count=v["agency_count"] or 0,
        budget=v["budget"],
        committed=v["committed"],
        disbursed=v["disbursed"],
        start_date=v["start_date"],
        end_date=v["revised_end_date"] or v["planned_end_date"],
        latest_period_id=v["latest_id"],
        latest_quarter=Quarter(year=year, number=number) if year and number else None,
        latest_state=v["latest_state"] or "",
        latest_submitted_at=v["latest_submitted_at"],
    )


@dataclass(frozen=True)
class FilterChoices:
    """What the fund list's filters offer: the visible projects' lead agencies and sectors."""

    leads: tuple[tuple[str, str], ...]  # (code, name)
    sectors: tuple[str, ...]


def fund_filter_choices(*, projects: QuerySet[m.Project]) -> FilterChoices:
    """Two queries."""
    leads = (
        m.Participation.objects.filter(project__in=projects, role=Role.LEAD.value)
        .values_list("organisation__code", "organisation__name")
        .distinct()
        .order_by("organisation__code")
    )
    sectors = projects.exclude(sector="").order_by("sector").values_list("sector", flat=True)
    return FilterChoices(leads=tuple(leads), sectors=tuple(sectors.distinct()))


def latest_period_records(*, period_ids: Collection[int]) -> dict[int, ProjectRecord]:
    """Per period id: its project as records holding that one period only.

    Enough for ``check_period`` and the output roll-ups of that quarter. A fixed number
    of queries (fifteen, none when ``period_ids`` is empty), whatever the number of
    periods; each record equals ``selectors.project_record`` but for the other periods.
    """
    if not period_ids:
        return {}
    periods = list(m.ReportingPeriod.objects.filter(pk__in=period_ids))
    projects = list(
        m.Project.objects.filter(pk__in={p.project_id for p in periods}).select_related(
            "fund__administrative_agent", "line_ministry"
        )
    )
    parts = _ProjectParts.load(projects)
    period_records = _period_records(periods)
    by_pk = {project.pk: project for project in projects}
    return {
        p.pk: parts.record(by_pk[p.project_id], period_records[p.pk])
        for p in periods  # one project per period
    }


@dataclass(frozen=True)
class _ProjectParts:
    """The projects' rows other than their periods, grouped by project id."""

    participations: dict[int, list[m.Participation]]
    results: dict[int, list[m.Result]]
    activities: dict[int, list[ActivityRecord]]  # by result id
    indicators: dict[int, list[IndicatorRecord]]  # by result id
    procurement: dict[int, list[str]]
    footnotes: dict[int, list[FootnoteRecord]]

    @classmethod
    def load(cls, projects: Sequence[m.Project]) -> _ProjectParts:
        """Eight queries."""
        ids = [p.pk for p in projects]
        participations = _grouped(
            m.Participation.objects.filter(project__in=ids).select_related("organisation"),
            "project_id",
        )
        results = m.Result.objects.filter(project__in=ids).select_related("lead")
        marks = _marks_by_owner(ids)
        activities: dict[int, list[ActivityRecord]] = defaultdict(list)
        for a in m.Activity.objects.filter(result__project__in=ids):
            activities[a.result_id].append(
                ActivityRecord(code=a.code, text=a.text, footnotes=marks[("activity", a.pk)])
            )
        indicators: dict[int, list[IndicatorRecord]] = defaultdict(list)
        for i in m.Indicator.objects.filter(result__project__in=ids):
            indicators[i.result_id].append(_indicator(i, marks[("indicator", i.pk)]))
        procurement: dict[int, list[str]] = defaultdict(list)
        for project_id, text in m.ProcurementItem.objects.filter(project__in=ids).values_list(
            "project_id", "text"
        ):
            procurement[project_id].append(text)
        footnotes: dict[int, list[FootnoteRecord]] = defaultdict(list)
        for f in m.Footnote.objects.filter(project__in=ids):
            footnotes[f.project_id].append(FootnoteRecord(number=f.number, text=f.text))
        return cls(
            participations=participations,
            results=_grouped(results.prefetch_related("partners"), "project_id"),
            activities=activities,
            indicators=indicators,
            procurement=procurement,
            footnotes=footnotes,
        )

    def record(self, project: m.Project, period: PeriodRecord) -> ProjectRecord:
        fund = project.fund
        participations = self.participations[project.pk]
        results = self.results[project.pk]
        orgs = {p.organisation for p in participations}
        for r in results:
            orgs.update(r.partners.all())
            if r.lead:
                orgs.add(r.lead)
        for extra in (project.line_ministry, fund.administrative_agent):
            if extra:
                orgs.add(extra)
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
            procurement_plan=tuple(self.procurement[project.pk]),
            results=self._tree(results),
            footnotes=tuple(self.footnotes[project.pk]),
            reported_total_budget=_dec(project.reported_total_budget),
            reported_duration_months=project.reported_duration_months,
            periods=(period,),
        )

    def _tree(self, results: list[m.Result]) -> tuple[ResultRecord, ...]:
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
                activities=tuple(self.activities[r.pk]),
                indicators=tuple(self.indicators[r.pk]),
                children=tuple(build(c) for c in children[r.pk]),
            )

        return tuple(build(r) for r in children[None])


_Row = TypeVar("_Row", m.Participation, m.Result)


def _grouped(rows: QuerySet[_Row], key: str) -> dict[int, list[_Row]]:
    grouped: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _marks_by_owner(project_ids: list[int]) -> dict[tuple[str, int], tuple[MarkRecord, ...]]:
    """The footnote marks after each indicator and activity: one query."""
    rows: dict[tuple[str, int], list[m.FootnoteMark]] = defaultdict(list)
    marks = m.FootnoteMark.objects.filter(footnote__project__in=project_ids).select_related(
        "footnote"
    )
    for mark in marks.order_by("position"):
        owner = (
            ("indicator", mark.indicator_id)
            if mark.indicator_id
            else ("activity", mark.activity_id)
        )
        rows[owner].append(mark)  # type: ignore[index]
    return defaultdict(tuple, {owner: _marks(found) for owner, found in rows.items()})


def _period_records(periods: Sequence[m.ReportingPeriod]) -> dict[int, PeriodRecord]:
    """Per period id, its record: values (with parts), finance, beneficiaries, progress and
    source cells in six queries."""
    ids = [p.pk for p in periods]
    values: dict[int, list[IndicatorValueRecord]] = defaultdict(list)
    value_rows = (
        m.IndicatorValue.objects.filter(period__in=ids)
        .select_related("indicator")
        .prefetch_related("parts")
        .order_by("period", "indicator__result__position", "indicator__position")
    )
    for v in value_rows:
        values[v.period_id].append(_value(v))
    finance: dict[int, list[FinanceRecord]] = defaultdict(list)
    finance_rows = m.FinancialStatus.objects.filter(period__in=ids).select_related(
        "participation__organisation"
    )
    for f in finance_rows:
        finance[f.period_id].append(_finance(f))
    beneficiaries: dict[int, list[BeneficiaryRecord]] = defaultdict(list)
    for b in m.BeneficiaryFigure.objects.filter(period__in=ids):
        beneficiaries[b.period_id].append(_beneficiary(b))
    progress: dict[int, list[ResultProgressRecord]] = defaultdict(list)
    for r in m.ResultProgress.objects.filter(period__in=ids).select_related("result"):
        progress[r.period_id].append(
            ResultProgressRecord(
                result=r.result.code, narrative=r.narrative, reported_pct=_dec(r.reported_pct)
            )
        )
    sources: dict[int, list[SourceCell]] = defaultdict(list)
    for c in m.SourceCell.objects.filter(period__in=ids):
        sources[c.period_id].append(
            SourceCell(
                where=c.where,
                field=c.field,
                text=c.text,
                location=c.location,
                understood=c.understood,
            )
        )
    return {
        p.pk: PeriodRecord(
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
    }


def _finance(f: m.FinancialStatus) -> FinanceRecord:
    return FinanceRecord(
        organisation=f.participation.organisation.code,
        committed=_dec(f.committed),
        disbursed=_dec(f.disbursed),
        forecast_final_date=f.forecast_final_date,
        reported_committed_pct=_dec(f.reported_committed_pct),
        reported_disbursed_pct=_dec(f.reported_disbursed_pct),
        reported_delay_months=f.reported_delay_months,
    )


def _beneficiary(b: m.BeneficiaryFigure) -> BeneficiaryRecord:
    return BeneficiaryRecord(
        group=BeneficiaryGroup(b.group),
        target=_dec(b.target),
        actual=_dec(b.actual),
        applicable=b.applicable,
        note=b.note,
        reported_pct=_dec(b.reported_pct),
    )


def overview_periods(*, project: m.Project) -> list[m.ReportingPeriod]:
    """The project's quarters in order, with who submitted and approved them: one query."""
    return list(project.periods.select_related("submitted_by", "approved_by"))
