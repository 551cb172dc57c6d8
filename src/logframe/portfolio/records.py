"""The database read back as records, for any number of projects in a fixed number of queries.

``project_records`` is the one reader: ``selectors.project_record`` asks it for one project
and all its quarters, the dashboards for a page of projects and one quarter each. Either
way it costs the same sixteen queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TypeVar

from django.db.models import F, QuerySet

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    BudgetRecord,
    BudgetStatus,
    BudgetType,
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
    TransactionRecord,
    TransactionType,
)
from logframe.portfolio import models as m
from logframe.portfolio.published import published_records
from logframe.translations.stored import DEFAULT_LANGUAGE, Stored, stored_translations


def project_records(
    *, projects: Sequence[m.Project], periods: Sequence[m.ReportingPeriod]
) -> dict[int, ProjectRecord]:
    """Per project id: the project as records, holding those of ``periods`` that are its."""
    if not projects:
        return {}
    parts = _ProjectParts.load(projects)
    period_records = _period_records(periods)
    held: dict[int, list[PeriodRecord]] = defaultdict(list)
    for p in sorted(periods, key=lambda p: (p.year, p.quarter)):
        held[p.project_id].append(period_records[p.pk])
    return {project.pk: parts.record(project, tuple(held[project.pk])) for project in projects}


def latest_period_records(*, period_ids: Collection[int]) -> dict[int, ProjectRecord]:
    """Per period id: its project as records holding that one period only.

    Enough for ``check_period`` and the output roll-ups of that quarter, and no more: like
    ``quarter_record_and_rows`` it leaves out what no check reads (the procurement plan,
    IATI budgets and transactions, translations: empty). A fixed number of queries
    (eleven, none when ``period_ids`` is empty), whatever the number of periods; each
    record otherwise equals ``selectors.project_record`` but for the other periods.
    """
    if not period_ids:
        return {}
    periods = list(m.ReportingPeriod.objects.filter(pk__in=period_ids))
    projects = list(
        m.Project.objects.filter(pk__in={p.project_id for p in periods}).select_related(
            "fund__administrative_agent", "line_ministry"
        )
    )
    parts = _ProjectParts.load(projects, whole=False)
    period_records = _period_records(periods)
    by_pk = {project.pk: project for project in projects}
    return {
        p.pk: parts.record(by_pk[p.project_id], (period_records[p.pk],))
        for p in periods  # one project per period
    }


@dataclass
class _KeptRows:
    """The model rows of some quarters as ``_period_records`` reads them."""

    values: list[m.IndicatorValue] = field(default_factory=list)
    finance: list[m.FinancialStatus] = field(default_factory=list)  # with participation
    beneficiaries: list[m.BeneficiaryFigure] = field(default_factory=list)
    progress: list[m.ResultProgress] = field(default_factory=list)


@dataclass(frozen=True)
class QuarterRows:
    """One quarter's rows as model instances, read once with its record: a screen that
    shows the rows and the record's findings (the data-entry page) reads nothing twice."""

    results: list[m.Result]  # in position order, with their lead
    partners: dict[int, list[m.Organisation]]  # by result id
    indicators: dict[int, list[m.Indicator]]  # by result id, in position order
    participations: list[m.Participation]  # in position order, with their organisation
    values: list[m.IndicatorValue]
    finance: list[m.FinancialStatus]
    beneficiaries: list[m.BeneficiaryFigure]
    progress: list[m.ResultProgress]


def quarter_record_and_rows(
    *, project: m.Project, period: m.ReportingPeriod
) -> tuple[ProjectRecord, QuarterRows]:
    """The project as records holding ``period`` only, for ``check_period``, and the model
    rows it was made of, in thirteen queries.

    The record leaves out what no check reads: its procurement plan, IATI budgets and
    transactions and translations are empty.
    ``tests/entry/test_entry_record.py`` holds its findings to those of the whole record."""
    parts = _ProjectParts.load([project], whole=False)
    kept = _KeptRows()
    record = parts.record(project, (_period_records([period], kept)[period.pk],))
    rows = QuarterRows(
        results=parts.results[project.pk],
        partners=parts.partners,
        indicators=parts.indicator_rows,
        participations=parts.participations[project.pk],
        values=kept.values,
        finance=kept.finance,
        beneficiaries=kept.beneficiaries,
        progress=kept.progress,
    )
    return record, rows


@dataclass(frozen=True)
class _ProjectParts:
    """The projects' rows other than their periods, grouped by project id."""

    participations: dict[int, list[m.Participation]]
    results: dict[int, list[m.Result]]
    partners: dict[int, list[m.Organisation]]  # by result id
    activities: dict[int, list[ActivityRecord]]  # by result id
    indicators: dict[int, list[IndicatorRecord]]  # by result id
    indicator_rows: dict[int, list[m.Indicator]]  # the same, as model rows
    procurement: dict[int, list[str]]
    footnotes: dict[int, list[FootnoteRecord]]
    budgets: dict[int, list[BudgetRecord]]
    transactions: dict[int, list[TransactionRecord]]
    translations: dict[int, Stored]  # the language and the translations, by project id

    @classmethod
    def load(cls, projects: Sequence[m.Project], *, whole: bool = True) -> _ProjectParts:
        """Eleven queries; seven without the parts no check reads (``whole=False``)."""
        ids = [p.pk for p in projects]
        checked = cls._for_checks(ids)
        if not whole:
            return checked
        procurement: dict[int, list[str]] = defaultdict(list)
        for project_id, text in m.ProcurementItem.objects.filter(project__in=ids).values_list(
            "project_id", "text"
        ):
            procurement[project_id].append(text)
        budgets: dict[int, list[BudgetRecord]] = defaultdict(list)
        for b in m.Budget.objects.filter(project__in=ids):
            budgets[b.project_id].append(_budget(b))
        transactions: dict[int, list[TransactionRecord]] = defaultdict(list)
        for t in m.Transaction.objects.filter(project__in=ids):
            transactions[t.project_id].append(_transaction(t))
        return replace(
            checked,
            procurement=procurement,
            budgets=budgets,
            transactions=transactions,
            translations=stored_translations(project_ids=ids),
        )

    @classmethod
    def _for_checks(cls, ids: list[int]) -> _ProjectParts:
        """What ``check_period`` reads (seven queries); the other parts empty."""
        participations = _grouped(
            m.Participation.objects.filter(project__in=ids).select_related("organisation"),
            "project_id",
        )
        results = m.Result.objects.filter(project__in=ids).select_related("lead")
        # one plain query rather than prefetch_related: a prefetched manager clones a
        # queryset on every .all(), which cost a third of reading a project
        partners: dict[int, list[m.Organisation]] = defaultdict(list)
        links = m.Result.partners.through.objects.filter(result__project__in=ids)
        for link in links.select_related("organisation"):
            partners[link.result_id].append(link.organisation)
        marks = _marks_by_owner(ids)
        activities: dict[int, list[ActivityRecord]] = defaultdict(list)
        activity_rows = m.Activity.objects.filter(result__project__in=ids).values_list(
            "pk", "result_id", "code", "text"
        )  # plain rows: a project holds many activities and needs none of their methods
        for pk, result_id, code, text in activity_rows:
            activities[result_id].append(  # their footnote marks are checked
                ActivityRecord(code=code, text=text, footnotes=marks[("activity", pk)])
            )
        indicators: dict[int, list[IndicatorRecord]] = defaultdict(list)
        indicator_rows: dict[int, list[m.Indicator]] = defaultdict(list)
        for i in m.Indicator.objects.filter(result__project__in=ids):
            indicators[i.result_id].append(indicator_record(i, marks[("indicator", i.pk)]))
            indicator_rows[i.result_id].append(i)
        footnotes: dict[int, list[FootnoteRecord]] = defaultdict(list)
        for f in m.Footnote.objects.filter(project__in=ids):
            footnotes[f.project_id].append(FootnoteRecord(number=f.number, text=f.text))
        return cls(
            participations=participations,
            results=_grouped(results, "project_id"),
            partners=partners,
            activities=activities,
            indicators=indicators,
            indicator_rows=indicator_rows,
            procurement=defaultdict(list),
            footnotes=footnotes,
            budgets=defaultdict(list),
            transactions=defaultdict(list),
            translations=defaultdict(lambda: (DEFAULT_LANGUAGE, ())),
        )

    def record(self, project: m.Project, periods: tuple[PeriodRecord, ...]) -> ProjectRecord:
        fund = project.fund
        participations = self.participations[project.pk]
        results = self.results[project.pk]
        orgs = {p.organisation for p in participations}
        for r in results:
            orgs.update(self.partners[r.pk])
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
            periods=periods,
            iati_identifier=project.iati_identifier,
            recipient_country=project.recipient_country,
            budgets=tuple(self.budgets[project.pk]),
            transactions=tuple(self.transactions[project.pk]),
            language=self.translations[project.pk][0],
            translations=self.translations[project.pk][1],
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
                partners=tuple(sorted(o.code for o in self.partners[r.pk])),
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


def _marks_by_owner(project_ids: list[int]) -> dict[tuple[str, int], tuple[FootnoteMark, ...]]:
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
    return defaultdict(tuple, {owner: footnote_marks(found) for owner, found in rows.items()})


def _period_records(
    periods: Sequence[m.ReportingPeriod], keep: _KeptRows | None = None
) -> dict[int, PeriodRecord]:
    """Per period id, its record: values (with parts), finance, beneficiaries, progress and
    source cells in six queries. ``keep`` collects the model rows read, for a caller that
    shows them too."""
    kept = keep if keep is not None else _KeptRows()
    ids = [p.pk for p in periods]
    values: dict[int, list[IndicatorValueRecord]] = defaultdict(list)
    value_rows = (
        m.IndicatorValue.objects.filter(period__in=ids)
        .annotate(indicator_code=F("indicator__code"))  # the code, not a whole Indicator each
        .order_by("period_id", "indicator__result__position", "indicator__position")
    )
    parts: dict[int, list[Part]] = defaultdict(list)
    part_rows = m.IndicatorValuePart.objects.filter(indicator_value__period__in=ids)
    for value_id, label, amount in part_rows.values_list("indicator_value_id", "label", "value"):
        parts[value_id].append(Part(label=label, value=_dec(amount) or Decimal(0)))
    for v in value_rows:
        values[v.period_id].append(value_record(v, tuple(parts[v.pk]), indicator=v.indicator_code))
        kept.values.append(v)
    finance: dict[int, list[FinanceRecord]] = defaultdict(list)
    finance_rows = m.FinancialStatus.objects.filter(period__in=ids).select_related(
        "participation__organisation"
    )
    for f in finance_rows:
        finance[f.period_id].append(_finance(f))
        kept.finance.append(f)
    beneficiaries: dict[int, list[BeneficiaryRecord]] = defaultdict(list)
    for b in m.BeneficiaryFigure.objects.filter(period__in=ids):
        beneficiaries[b.period_id].append(_beneficiary(b))
        kept.beneficiaries.append(b)
    progress: dict[int, list[ResultProgressRecord]] = defaultdict(list)
    for r in m.ResultProgress.objects.filter(period__in=ids).select_related("result"):
        kept.progress.append(r)
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


def footnote_marks(rows: list[m.FootnoteMark]) -> tuple[FootnoteMark, ...]:
    """Stored footnote marks (with their footnote) as records, in the order given."""
    return tuple(FootnoteMark(number=r.footnote.number, place=MarkPlace(r.place)) for r in rows)


def _budget(b: m.Budget) -> BudgetRecord:
    return BudgetRecord(
        period_start=b.period_start,
        period_end=b.period_end,
        value=_dec(b.value) or Decimal(0),
        type=BudgetType(b.type),
        status=BudgetStatus(b.status),
        currency=b.currency,
        value_date=b.value_date,
    )


def _transaction(t: m.Transaction) -> TransactionRecord:
    return TransactionRecord(
        type=TransactionType(t.type),
        transaction_date=t.transaction_date,
        value=_dec(t.value) or Decimal(0),
        currency=t.currency,
        value_date=t.value_date,
        description=t.description,
        provider_ref=t.provider_ref,
        provider_name=t.provider_name,
        receiver_ref=t.receiver_ref,
        receiver_name=t.receiver_name,
    )


def indicator_record(i: m.Indicator, marks: tuple[FootnoteMark, ...]) -> IndicatorRecord:
    """A stored indicator as a record: the one conversion every reader shares (the API's
    single line included)."""
    baselines, published_periods = published_records(i.published)
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
        published_baselines=baselines,
        published_periods=published_periods,
    )


def value_record(
    v: m.IndicatorValue, parts: tuple[Part, ...], *, indicator: str
) -> IndicatorValueRecord:
    """A stored value of the indicator coded ``indicator``, with its parts, as a record."""
    return IndicatorValueRecord(
        indicator=indicator,
        actual=Actual(
            value=_dec(v.value),
            male=_dec(v.male),
            female=_dec(v.female),
            status=Status(v.status) if v.status else None,
            estimated_pct=_dec(v.estimated_pct),
            parts=parts,
        ),
        actual_text=v.actual_text,
        comment=v.comment,
        reported_pct=_dec(v.reported_pct),
        reported_pct_text=v.reported_pct_text,
        source=v.source,
    )
