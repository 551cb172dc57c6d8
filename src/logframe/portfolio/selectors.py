"""Every read of the portfolio: each selector owns its queries, a fixed number per call."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.portfolio import models as m
from logframe.portfolio.records import project_records


class NotFound(LookupError):
    """A project, fund or period that the caller named does not exist."""


def project_by_number(*, number: str, fund: str | None = None) -> m.Project:
    """The project with this number (in this fund, when given), or a clear NotFound."""
    projects = m.Project.objects.select_related("fund").filter(number__iexact=number.strip())
    if fund:
        projects = projects.filter(fund__code__iexact=fund)
    found = list(projects[:2])
    if not found:
        raise NotFound(_unknown_project(number, fund))
    if len(found) > 1:
        raise NotFound(f"project number {number!r} is used in several funds: name the fund")
    return found[0]


def _unknown_project(number: str, fund: str | None) -> str:
    """Why ``number`` was not found: the numbers it may have meant, in the fund asked for."""
    scope = m.Project.objects.all()
    where = ""
    if fund:
        if not m.Fund.objects.filter(code__iexact=fund).exists():
            codes = m.Fund.objects.order_by("code").values_list("code", flat=True)[:20]
            return f"unknown fund {fund!r} (known: {', '.join(codes) or 'none'})"
        scope = scope.filter(fund__code__iexact=fund)
        where = f" in fund {fund}"
    numbers = list(scope.order_by("number").values_list("number", flat=True))
    if not numbers:
        return f"unknown project {number!r}{where} (none loaded — load one first)"
    near = _nearest(number, numbers)
    shown = near or numbers[:10]
    more = "" if near or len(numbers) <= 10 else f", … {len(numbers)} in all"
    label = "did you mean" if near else "known"
    return f"unknown project {number!r}{where} ({label}: {', '.join(shown)}{more})"


def _nearest(number: str, numbers: list[str], *, most: int = 5) -> list[str]:
    """The numbers most like ``number`` (a similarity of 0.6 or more), best first and, among
    equals, in the numbers' order ("S0001" → S00001 before S00061)."""
    wanted = SequenceMatcher(b=number.strip().upper())
    scored = []
    for position, candidate in enumerate(numbers):
        wanted.set_seq1(candidate.upper())
        if wanted.real_quick_ratio() >= 0.6 and wanted.quick_ratio() >= 0.6:
            score = wanted.ratio()
            if score >= 0.6:
                scored.append((-score, position, candidate))
    return [candidate for _, _, candidate in sorted(scored)[:most]]


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
        .order_by()  # no default ordering: its joins would shadow the outer project
        .values("period")
        .annotate(total=Sum(field))
        .values("total")[:1]
    )


def project_record(*, project: m.Project) -> ProjectRecord:
    """The whole project read back as records, with all its quarters, in sixteen queries
    (fewer when the caller fetched it with its fund and line ministry)."""
    return project_records(projects=[project], periods=list(project.periods.all()))[project.pk]


def period_evidence(*, project: m.Project, quarter: Quarter) -> list[m.Evidence]:
    """The quarter's means of verification, in the order of the result tree: one query."""
    return list(
        m.Evidence.objects.filter(
            indicator_value__period__project=project,
            indicator_value__period__year=quarter.year,
            indicator_value__period__quarter=quarter.number,
        )
        .select_related("indicator_value__indicator")
        .order_by(
            "indicator_value__indicator__result__position",
            "indicator_value__indicator__position",
            "uploaded_at",
        )
    )
