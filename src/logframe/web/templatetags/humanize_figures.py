"""Template filters that show figures the way the reports do."""

from __future__ import annotations

from decimal import Decimal

from django import template

from logframe.domain.formatting import format_amount

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    return "—" if value is None else format_amount(value)
