"""How figures are written in messages and reports (English, thousands separated by commas)."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.percentages import round_half_up

NOT_AVAILABLE = "n/a"


def format_amount(value: Decimal) -> str:
    """An amount of money with two decimals, rounded half-up: "12,824,814.81"."""
    return f"{_unsigned_zero(round_half_up(value=value, places=2)):,.2f}"


def format_percent(value: Decimal | None, places: int) -> str:
    """A percentage rounded half-up to ``places`` decimals: "51.6 %"; None → "n/a"."""
    if value is None:
        return NOT_AVAILABLE
    return f"{_unsigned_zero(round_half_up(value=value, places=places)):,.{places}f} %"


def format_count(value: Decimal | None) -> str:
    """A count as written: "1,459"; "1,459" also for 1459.0; "96.5" keeps its decimals.

    Trailing zeros after the point are dropped; None → "n/a".
    """
    if value is None:
        return NOT_AVAILABLE
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _unsigned_zero(value: Decimal) -> Decimal:
    """-0 (from rounding, say, -0.4) reads as 0."""
    return abs(value) if value == 0 else value


def file_size(size: int) -> str:
    """1,234 B; 12.3 KB; 4.5 MB."""
    if size < 1024:
        return f"{size:,} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
