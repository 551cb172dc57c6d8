"""The fund report from the fund's aggregated rows: pure, no database.

The rows come from ``portfolio.fund_figures`` (sums and counts by SQL); they are read here
through the protocols below, so that this module depends on their shape only. Sectors and
thematic groups are added up from the project rows (exact ``Decimal`` sums, one pass);
every percentage is then the domain's rule over the sums: the total's % is the sum's %,
never a mean of percentages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from logframe.domain.finance import delay_months, elapsed_percent, sum_present
from logframe.domain.percentages import ratio_percent
from logframe.domain.periods import Quarter
from logframe.reporting.fund.model import (
    Achievement,
    Beneficiaries,
    FinanceLine,
    FindingTotals,
    FundReportModel,
    Money,
    ProjectLine,
    Rules,
    TrendPoint,
)

DISBURSEMENT_GAP = Decimal(25)  # points of % disbursed below % of time elapsed
FAR_BEHIND_SHARE = Decimal(1) / Decimal(3)  # of a project's scored indicators
NO_SECTOR = "—"


class ConventionsLike(Protocol):
    @property
    def finance_decimals(self) -> int: ...
    @property
    def indicator_decimals(self) -> int: ...
    @property
    def beneficiary_decimals(self) -> int: ...


class ProjectRowLike(Protocol):
    @property
    def period_id(self) -> int: ...
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def sector(self) -> str: ...
    @property
    def thematic_group(self) -> str: ...
    @property
    def lead_code(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def start_date(self) -> date | None: ...
    @property
    def planned_end_date(self) -> date | None: ...
    @property
    def revised_end_date(self) -> date | None: ...
    @property
    def approved(self) -> Decimal | None: ...
    @property
    def committed(self) -> Decimal | None: ...
    @property
    def disbursed(self) -> Decimal | None: ...
    @property
    def forecast_end(self) -> date | None: ...
    @property
    def reported_delay(self) -> int | None: ...
    @property
    def indicators(self) -> int: ...
    @property
    def scored(self) -> int: ...
    @property
    def percent_sum(self) -> Decimal | None: ...
    @property
    def achieved(self) -> int: ...
    @property
    def far_behind(self) -> int: ...


class OrganisationRowLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def projects(self) -> int: ...
    @property
    def approved(self) -> Decimal | None: ...
    @property
    def committed(self) -> Decimal | None: ...
    @property
    def disbursed(self) -> Decimal | None: ...


class BeneficiaryRowLike(Protocol):
    @property
    def sector(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def target(self) -> Decimal | None: ...
    @property
    def actual(self) -> Decimal | None: ...


class TrendRowLike(Protocol):
    @property
    def quarter(self) -> Quarter: ...
    @property
    def projects(self) -> int: ...
    @property
    def approved(self) -> Decimal | None: ...
    @property
    def committed(self) -> Decimal | None: ...
    @property
    def disbursed(self) -> Decimal | None: ...


class FiguresLike(Protocol):
    @property
    def fund_code(self) -> str: ...
    @property
    def fund_name(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def conventions(self) -> ConventionsLike: ...
    @property
    def quarter(self) -> Quarter: ...
    @property
    def projects_in_fund(self) -> int: ...
    @property
    def quarters(self) -> Sequence[tuple[Quarter, int]]: ...
    @property
    def projects(self) -> Sequence[ProjectRowLike]: ...
    @property
    def organisations(self) -> Sequence[OrganisationRowLike]: ...
    @property
    def beneficiaries(self) -> Sequence[BeneficiaryRowLike]: ...
    @property
    def trend(self) -> Sequence[TrendRowLike]: ...


FindingCounts = tuple[int, int, int]  # errors, warnings, infos


def build_fund_report(
    figures: FiguresLike, *, findings: Mapping[int, FindingCounts] | None
) -> FundReportModel:
    """The report; ``findings`` gives each period's counts (None: not counted)."""
    c = figures.conventions
    on = figures.quarter.end  # once: a property that works it out (calendar) at each call
    rows = figures.projects
    projects = tuple([_project(row, on=on, findings=findings) for row in rows])
    sectors = _grouped(rows, _sector)  # for the finance lines and the achievement
    return FundReportModel(
        fund_code=figures.fund_code,
        fund_name=figures.fund_name,
        currency=figures.currency,
        quarter=figures.quarter.code,
        quarter_end=figures.quarter.end,
        finance_decimals=c.finance_decimals,
        indicator_decimals=c.indicator_decimals,
        beneficiary_decimals=c.beneficiary_decimals,
        projects_in_fund=figures.projects_in_fund,
        quarters=tuple(q.code for q, _ in figures.quarters),
        total=_total_money(rows),
        by_sector=_finance_lines(sectors, kind="sector"),
        by_group=_finance_lines(_grouped(rows, _thematic_group), kind="group"),
        by_organisation=tuple(
            FinanceLine(
                kind="organisation",
                key=o.code,
                label=f"{o.code} — {o.name}" if o.name and o.name != o.code else o.code,
                projects=o.projects,
                money=_money(o.approved, o.committed, o.disbursed),
            )
            for o in figures.organisations
        ),
        projects=projects,
        achievement=tuple(_achievement(key, members) for key, members in sectors),
        achievement_total=_achievement("", rows),
        beneficiaries=_beneficiaries(figures.beneficiaries),
        beneficiaries_total=_beneficiary_line("", figures.beneficiaries),
        findings=_finding_totals(projects, counted=findings is not None),
        trend=tuple(
            TrendPoint(
                quarter=t.quarter.code,
                projects=t.projects,
                money=_money(t.approved, t.committed, t.disbursed),
            )
            for t in figures.trend
        ),
        rules=Rules(disbursement_gap=DISBURSEMENT_GAP, far_behind_share=FAR_BEHIND_SHARE),
    )


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    return None if part is None or whole is None else ratio_percent(part=part, whole=whole)


def _money(approved: Decimal | None, committed: Decimal | None, disbursed: Decimal | None) -> Money:
    return Money(
        approved=approved,
        committed=committed,
        disbursed=disbursed,
        committed_pct=_share(committed, approved),
        disbursed_pct=_share(disbursed, approved),
    )


def _sector(row: ProjectRowLike) -> str:
    return row.sector


def _thematic_group(row: ProjectRowLike) -> str:
    return row.thematic_group


def _total_money(rows: Sequence[ProjectRowLike]) -> Money:
    return _money(
        sum_present(r.approved for r in rows),
        sum_present(r.committed for r in rows),
        sum_present(r.disbursed for r in rows),
    )


def _grouped(
    rows: Sequence[ProjectRowLike], key: Callable[[ProjectRowLike], str]
) -> list[tuple[str, list[ProjectRowLike]]]:
    """The rows by ``key``, the groups in alphabetical order, the unnamed one last."""
    groups: dict[str, list[ProjectRowLike]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))


def _finance_lines(
    groups: list[tuple[str, list[ProjectRowLike]]], *, kind: str
) -> tuple[FinanceLine, ...]:
    return tuple(
        FinanceLine(
            kind=kind,
            key=name,
            label=name or NO_SECTOR,
            projects=len(members),
            money=_total_money(members),
        )
        for name, members in groups
    )


def _project(
    row: ProjectRowLike, *, on: date, findings: Mapping[int, FindingCounts] | None
) -> ProjectLine:
    money = _money(row.approved, row.committed, row.disbursed)
    end = row.revised_end_date or row.planned_end_date
    elapsed = None
    if row.start_date is not None and end is not None and end >= row.start_date:
        elapsed = elapsed_percent(start=row.start_date, end=end, on=on)
    delay = None
    if row.planned_end_date is not None:
        delay = delay_months(planned_end=row.planned_end_date, forecast_end=row.forecast_end)
    counts = findings.get(row.period_id, (0, 0, 0)) if findings is not None else None
    behind = []
    if (delay or 0) > 0 or (row.reported_delay or 0) > 0:
        behind.append("delay")
    if (
        money.disbursed_pct is not None
        and elapsed is not None
        and money.disbursed_pct < elapsed - DISBURSEMENT_GAP
    ):
        behind.append("disbursement")
    if row.scored and Decimal(row.far_behind) >= FAR_BEHIND_SHARE * row.scored:
        behind.append("indicators")
    return ProjectLine(
        number=row.number,
        title=row.title,
        sector=row.sector,
        thematic_group=row.thematic_group,
        lead=row.lead_code,
        state=row.state,
        money=money,
        elapsed_pct=elapsed,
        delay_months=delay,
        reported_delay=row.reported_delay,
        indicators=row.indicators,
        scored=row.scored,
        mean_pct=_mean(row.percent_sum, row.scored),
        achieved=row.achieved,
        far_behind=row.far_behind,
        errors=counts[0] if counts else None,
        warnings=counts[1] if counts else None,
        infos=counts[2] if counts else None,
        behind=tuple(behind),
    )


def _mean(total: Decimal | None, count: int) -> Decimal | None:
    return None if total is None or count == 0 else total / count


def _achievement(key: str, rows: Sequence[ProjectRowLike]) -> Achievement:
    scored = sum(r.scored for r in rows)
    return Achievement(
        key=key,
        label=key or NO_SECTOR,
        projects=len(rows),
        indicators=sum(r.indicators for r in rows),
        scored=scored,
        mean_pct=_mean(sum_present(r.percent_sum for r in rows), scored),
        achieved=sum(r.achieved for r in rows),
        far_behind=sum(r.far_behind for r in rows),
    )


def _beneficiaries(rows: Sequence[BeneficiaryRowLike]) -> tuple[Beneficiaries, ...]:
    sectors: dict[str, list[BeneficiaryRowLike]] = defaultdict(list)
    for row in rows:
        sectors[row.sector].append(row)
    return tuple(
        _beneficiary_line(sector, sectors[sector])
        for sector in sorted(sectors, key=lambda s: (s == "", s.casefold()))
    )


def _beneficiary_line(key: str, rows: Sequence[BeneficiaryRowLike]) -> Beneficiaries:
    def total(group: str, field: str) -> Decimal | None:
        return sum_present(getattr(r, field) for r in rows if r.group == group)

    men_t, men_a = total("men", "target"), total("men", "actual")
    women_t, women_a = total("women", "target"), total("women", "actual")
    return Beneficiaries(
        key=key,
        label=key or NO_SECTOR,
        men_target=men_t,
        men_actual=men_a,
        men_pct=_share(men_a, men_t),
        women_target=women_t,
        women_actual=women_a,
        women_pct=_share(women_a, women_t),
    )


def _finding_totals(projects: Sequence[ProjectLine], *, counted: bool) -> FindingTotals:
    return FindingTotals(
        projects_with_errors=sum(1 for p in projects if p.errors),
        errors=sum(p.errors or 0 for p in projects),
        warnings=sum(p.warnings or 0 for p in projects),
        infos=sum(p.infos or 0 for p in projects),
        counted=counted,
    )
