"""The fund report's trend, beneficiaries and organisations, now read from each quarter's
stored sums (migration 0012), always equal the aggregates the report made before over the
rows themselves (kept here as the oracle): after random writes through the services (a
finance line, a beneficiary line, an agency's budget, submit, approve, reopen, the next
quarter opened), behind their back (raw updates and deletes), by a re-import and by a bulk
load — for every quarter, and for a subset of the projects."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import pytest
from django.db.models import Count, Q, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.periods import Quarter
from logframe.interchange.synthetic import synthetic_projects
from logframe.portfolio import models as m
from logframe.portfolio.fund_figures import (
    SEXES,
    BeneficiaryRow,
    OrganisationRow,
    TrendRow,
    fund_quarter_figures,
)
from logframe.portfolio.services import project_import
from logframe.portfolio.services.bulk import projects_bulk_create
from logframe.workflow.entry import beneficiary_set, finance_set
from logframe.workflow.transitions import (
    period_approve,
    period_open_next,
    period_reopen,
    period_submit,
)

pytestmark = pytest.mark.django_db(transaction=False)
EDITS = (
    *("finance", "finance raw", "finance deleted", "budget"),
    *("beneficiary", "beneficiary raw", "beneficiary deleted", "not applicable"),
    *("submit", "approve", "reopen", "next quarter", "import", "bulk"),
)


# -- the oracle: the report's aggregates before 0012, over the rows themselves ---------------


def _trend(projects, quarter: Quarter) -> tuple[TrendRow, ...]:  # type: ignore[no-untyped-def]
    upto = Q(period__year__lt=quarter.year) | Q(
        period__year=quarter.year, period__quarter__lte=quarter.number
    )
    rows = (
        m.FinancialStatus.objects.filter(upto, period__project__in=projects)
        .order_by()
        .values("period__year", "period__quarter")
        .annotate(
            approved=Sum("participation__approved_budget"),
            committed=Sum("committed"),
            disbursed=Sum("disbursed"),
            projects=Count("period__project", distinct=True),
        )
        .order_by("period__year", "period__quarter")
    )
    return tuple(
        TrendRow(
            quarter=Quarter(year=v["period__year"], number=v["period__quarter"]),
            projects=v["projects"],
            approved=v["approved"],
            committed=v["committed"],
            disbursed=v["disbursed"],
        )
        for v in rows
    )


def _beneficiaries(periods) -> tuple[BeneficiaryRow, ...]:  # type: ignore[no-untyped-def]
    rows = (
        m.BeneficiaryFigure.objects.filter(period__in=periods, group__in=SEXES, applicable=True)
        .order_by()
        .values("period__project__sector", "group")
        .annotate(
            target=Sum("target"),
            actual=Sum("actual"),
            projects=Count("period__project", distinct=True),
        )
    )
    found = [
        BeneficiaryRow(
            sector=v["period__project__sector"],
            group=v["group"],
            target=v["target"],
            actual=v["actual"],
            projects=v["projects"],
        )
        for v in rows
    ]
    return tuple(sorted(found, key=lambda r: (r.sector, SEXES.index(r.group))))


def _organisations(periods) -> tuple[OrganisationRow, ...]:  # type: ignore[no-untyped-def]
    approved = (
        m.Participation.objects.filter(project__periods__in=periods)
        .order_by()
        .values("organisation__code", "organisation__name")
        .annotate(approved=Sum("approved_budget"), projects=Count("project", distinct=True))
    )
    spent = {
        v["participation__organisation__code"]: v
        for v in m.FinancialStatus.objects.filter(period__in=periods)
        .order_by()
        .values("participation__organisation__code")
        .annotate(committed=Sum("committed"), disbursed=Sum("disbursed"))
    }
    rows = [
        OrganisationRow(
            code=v["organisation__code"],
            name=v["organisation__name"],
            projects=v["projects"],
            approved=v["approved"],
            committed=spent.get(v["organisation__code"], {}).get("committed"),
            disbursed=spent.get(v["organisation__code"], {}).get("disbursed"),
        )
        for v in approved
    ]
    return tuple(sorted(rows, key=lambda r: r.code))


def _check(fund: m.Fund, *, projects=None) -> None:  # type: ignore[no-untyped-def]
    scope = projects if projects is not None else m.Project.objects.filter(fund=fund)
    quarters = {(p.year, p.quarter) for p in m.ReportingPeriod.objects.filter(project__in=scope)}
    for year, number in sorted(quarters):
        quarter = Quarter(year=year, number=number)
        figures = fund_quarter_figures(fund=fund, quarter=quarter, projects=scope)
        periods = m.ReportingPeriod.objects.filter(project__in=scope, year=year, quarter=number)
        assert figures.trend == _trend(scope, quarter), quarter
        assert figures.beneficiaries == _beneficiaries(periods), quarter
        assert figures.organisations == _organisations(periods), quarter


# -- the writes ---------------------------------------------------------------------------


def _edit(rng: random.Random, fund: m.Fund, actor: m.Model) -> str:
    periods = m.ReportingPeriod.objects.filter(project__fund=fund).select_related("project")
    period = periods.order_by("pk")[rng.randrange(periods.count())]
    how = rng.choice(EDITS)
    lines = m.FinancialStatus.objects.filter(period=period).order_by("pk")
    people = m.BeneficiaryFigure.objects.filter(period=period).order_by("pk")
    amount = Decimal(rng.randrange(0, 10**6)) / 100
    if how == "finance" and period.state == "open":
        agency = m.Participation.objects.filter(project=period.project).order_by("?").first()
        line = lines.filter(participation=agency).first()
        finance_set(
            period=period,
            participation=agency,
            committed=amount,
            disbursed=rng.choice([None, amount / 2]),
            forecast_final_date=None,
            expected_version=line.version if line else 0,
            actor=actor,
        )
    elif how == "finance raw":
        lines.filter(pk__in=lines.values("pk")[:1]).update(committed=amount)
    elif how == "finance deleted":
        lines.filter(pk__in=lines.values("pk")[:1]).delete()
    elif how == "budget":
        agency = m.Participation.objects.filter(project=period.project).order_by("?").first()
        agency.approved_budget = rng.choice([None, amount * 100])
        agency.save()
    elif how == "beneficiary" and period.state == "open":
        group = rng.choice([BeneficiaryGroup.MEN, BeneficiaryGroup.WOMEN])
        line = people.filter(group=group.value).first()
        beneficiary_set(
            period=period,
            group=group,
            target=Decimal(rng.randrange(0, 900)),
            actual=rng.choice([None, Decimal(rng.randrange(0, 900))]),
            expected_version=line.version if line else 0,
            actor=actor,
        )
    elif how == "beneficiary raw":
        people.filter(pk__in=people.values("pk")[:1]).update(actual=Decimal(rng.randrange(99)))
    elif how == "beneficiary deleted":
        people.filter(pk__in=people.values("pk")[:1]).delete()
    elif how == "not applicable":
        people.filter(pk__in=people.values("pk")[:1]).update(applicable=False)
    elif how == "submit" and period.state == "open":
        period_submit(period=period, actor=actor)
    elif how == "approve" and period.state == "submitted":
        period_approve(period=period, actor=actor)
    elif how == "reopen" and period.state in ("submitted", "approved"):
        period_reopen(period=period, actor=actor, reason="test")
    elif how == "next quarter":
        latest = period.project.periods.order_by("-year", "-quarter").first()
        if latest is not None and latest.state == "open":
            period_submit(period=latest, actor=actor)
        period_open_next(project=period.project, actor=actor)
    elif how == "import":
        seed = rng.randrange(100, 200)
        record = next(synthetic_projects(fund=fund.code, projects=1, quarters=3, seed=seed))
        record = dataclasses.replace(record, number=period.project.number)
        project_import(record=record, actor=None, reason="test")
    elif how == "bulk":
        records = synthetic_projects(fund=fund.code, projects=2, quarters=3, seed=rng.randrange(9))
        renamed = [
            dataclasses.replace(r, number=f"B{rng.randrange(10**6)}-{n}")
            for n, r in enumerate(records)
        ]
        projects_bulk_create(records=renamed, reason="test")
    return how


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_trend_beneficiaries_and_organisations_equal_the_aggregates(
    load_fund, admin_user, seed
):
    fund = load_fund("SYN", projects=3, quarters=3, seed=seed)
    _check(fund)
    rng = random.Random(seed)
    done = []
    for _ in range(10):
        done.append(_edit(rng, fund, admin_user))
        _check(fund)
    numbers = list(m.Project.objects.filter(fund=fund).values_list("number", flat=True)[:2])
    _check(fund, projects=m.Project.objects.filter(fund=fund, number__in=numbers))
    assert len(set(done)) > 3, done  # the writes were of several kinds
