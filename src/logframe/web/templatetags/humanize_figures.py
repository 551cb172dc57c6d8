"""Template filters that show figures the way the reports do."""

from __future__ import annotations

from decimal import Decimal

from django import template

from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import ratio_percent

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    return "—" if value is None else format_amount(value)


@register.filter
def percent_of(part: Decimal | None, whole: Decimal | None) -> str:
    """``committed|percent_of:budget`` → "51.6 %" (one decimal, half-up), "—" when unknown."""
    if part is None or whole is None:
        return "—"
    pct = ratio_percent(part=part, whole=whole)
    return "—" if pct is None else format_percent(pct, 1)
