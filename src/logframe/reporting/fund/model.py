"""The fund's consolidated report for one quarter: what the renderers draw, nothing more.

Every percentage here is computed by the domain's rules from summed ``Decimal`` amounts and
counts, unrounded; the renderers round once, to the fund's decimals, when they write it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    """Approved, committed and disbursed over some agencies, and the two % of approved."""

    approved: Decimal | None
    committed: Decimal | None
    disbursed: Decimal | None
    committed_pct: Decimal | None
    disbursed_pct: Decimal | None


@dataclass(frozen=True)
class FinanceLine:
    """A group of projects (a sector, a thematic group, an organisation) and its money.

    ``key`` names the group for a drill-down: ``sector`` + value, ``group`` + value,
    ``organisation`` + code.
    """

    kind: str  # "sector", "group", "organisation"
    key: str
    label: str
    projects: int
    money: Money


@dataclass(frozen=True)
class ProjectLine:
    """One project reporting in the quarter."""

    number: str
    title: str
    sector: str
    thematic_group: str
    lead: str
    state: str
    money: Money
    elapsed_pct: Decimal | None  # % of the project's time elapsed at the quarter's end
    delay_months: int | None  # computed: the latest forecast final date against the planned end
    reported_delay: int | None  # the longest delay an agency reported
    indicators: int
    scored: int
    mean_pct: Decimal | None  # the mean of its indicators' % of planned
    achieved: int
    far_behind: int
    errors: int | None  # data-quality findings in the quarter; None when not counted
    warnings: int | None
    infos: int | None
    behind: tuple[str, ...]  # why it is behind schedule: "delay", "disbursement", "indicators"


@dataclass(frozen=True)
class Achievement:
    """Indicator achievement over a group of projects (a sector, or the fund)."""

    key: str
    label: str
    projects: int
    indicators: int
    scored: int
    mean_pct: Decimal | None  # the mean of the scored indicators' % of planned
    achieved: int
    far_behind: int


@dataclass(frozen=True)
class Beneficiaries:
    """Direct beneficiaries by sex over a group of projects (a sector, or the fund)."""

    key: str
    label: str
    men_target: Decimal | None
    men_actual: Decimal | None
    men_pct: Decimal | None
    women_target: Decimal | None
    women_actual: Decimal | None
    women_pct: Decimal | None


@dataclass(frozen=True)
class TrendPoint:
    quarter: str  # "2013Q1"
    projects: int
    money: Money


@dataclass(frozen=True)
class FindingTotals:
    projects_with_errors: int
    errors: int
    warnings: int
    infos: int
    counted: bool  # False when the counts were left out (``findings=False``)


@dataclass(frozen=True)
class Rules:
    """The thresholds of "behind schedule", as the report states them."""

    disbursement_gap: Decimal  # % disbursed below % of time elapsed by more than this
    far_behind_share: Decimal  # this share of a project's scored indicators far behind


@dataclass(frozen=True)
class FundReportModel:
    fund_code: str
    fund_name: str
    currency: str
    quarter: str  # "2013Q1"
    quarter_end: date
    finance_decimals: int
    indicator_decimals: int
    beneficiary_decimals: int
    projects_in_fund: int
    quarters: tuple[str, ...]  # every quarter the fund's projects report in
    total: Money
    by_sector: tuple[FinanceLine, ...]
    by_group: tuple[FinanceLine, ...]
    by_organisation: tuple[FinanceLine, ...]
    projects: tuple[ProjectLine, ...]
    achievement: tuple[Achievement, ...]  # per sector
    achievement_total: Achievement
    beneficiaries: tuple[Beneficiaries, ...]  # per sector
    beneficiaries_total: Beneficiaries
    findings: FindingTotals
    trend: tuple[TrendPoint, ...]
    rules: Rules

    @property
    def behind(self) -> tuple[ProjectLine, ...]:
        return tuple(p for p in self.projects if p.behind)
