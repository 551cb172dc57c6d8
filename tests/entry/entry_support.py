"""Helpers of the data-entry tests: URLs by name, and the POST data of a row's form."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

FUND, NUMBER, QUARTER = "UNDG-ITF", "G11-23", "2013Q1"


def url(name: str, period: str = QUARTER, **kwargs: Any) -> str:
    if name in {"project-entry-latest", "period-open-next"}:
        return reverse(name, kwargs={"fund": FUND, "number": NUMBER})
    return reverse(name, kwargs={"fund": FUND, "number": NUMBER, "period": period, **kwargs})


def period_of(quarter: str = QUARTER) -> Any:
    from logframe.portfolio.models import ReportingPeriod

    year, number = quarter.split("Q")
    return ReportingPeriod.objects.get(project__number=NUMBER, year=int(year), quarter=int(number))


def value_of(code: str, quarter: str = QUARTER) -> Any:
    from logframe.portfolio.models import IndicatorValue

    return (
        IndicatorValue.objects.filter(period=period_of(quarter), indicator__code=code)
        .select_related("indicator")
        .first()
    )


def value_data(code: str, version: int | None = None, **fields: str) -> dict[str, str]:
    """The POST of indicator ``code``'s row: ``fields`` by name, the stored version."""
    from logframe.portfolio.models import Indicator

    indicator = Indicator.objects.get(result__project__number=NUMBER, code=code)
    stored = value_of(code)
    if version is None:
        version = stored.version if stored else 0
    prefix = f"v{indicator.pk}"
    return {f"{prefix}-version": str(version), **{f"{prefix}-{k}": v for k, v in fields.items()}}


def finance_data(organisation: str, **fields: str) -> dict[str, str]:
    from logframe.portfolio.models import FinancialStatus, Participation

    participation = Participation.objects.get(
        project__number=NUMBER, organisation__code=organisation
    )
    stored = FinancialStatus.objects.filter(period=period_of(), participation=participation).first()
    prefix = f"f{participation.pk}"
    version = stored.version if stored else 0
    return {f"{prefix}-version": str(version), **{f"{prefix}-{k}": v for k, v in fields.items()}}


def beneficiary_data(group: str, **fields: str) -> dict[str, str]:
    from logframe.portfolio.models import BeneficiaryFigure

    stored = BeneficiaryFigure.objects.filter(period=period_of(), group=group).first()
    prefix = f"b-{group}"
    version = stored.version if stored else 0
    return {f"{prefix}-version": str(version), **{f"{prefix}-{k}": v for k, v in fields.items()}}


def narrative_data(code: str, narrative: str) -> dict[str, str]:
    from logframe.portfolio.models import Result, ResultProgress

    result = Result.objects.get(project__number=NUMBER, code=code)
    stored = ResultProgress.objects.filter(period=period_of(), result=result).first()
    prefix = f"n{result.pk}"
    version = stored.version if stored else 0
    return {f"{prefix}-version": str(version), f"{prefix}-narrative": narrative}


def texts_data(**fields: str) -> dict[str, str]:
    version = period_of().version
    return {"texts-version": str(version), **{f"texts-{k}": v for k, v in fields.items()}}


HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/"}
