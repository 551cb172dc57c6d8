"""Making the report's figures: a computed value, the reported claim, and their text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from logframe.domain.formatting import NOT_AVAILABLE, format_amount, format_count, format_percent
from logframe.domain.percentages import agrees, decimals_of
from logframe.reporting.model import Figure

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def percent_figure(
    *,
    computed: Decimal | None,
    reported: Decimal | None,
    places: int,
    missing: str = NOT_AVAILABLE,
) -> Figure:
    """A % figure: shown at ``places`` decimals; ``missing`` when none can be computed.

    A reported % agrees when the computed one, rounded to the reported figure's own
    decimals, equals it (``domain.percentages.agrees``). A % reported where none can be
    computed disagrees, and the computed side then reads "n/a" whatever ``missing`` says.
    """
    if computed is not None:
        text = format_percent(computed, places)
    else:
        text = missing if reported is None else NOT_AVAILABLE
    return Figure(
        computed=computed,
        reported=reported,
        places=places,
        agrees=agrees(computed=computed, reported=reported),
        text=text,
        reported_text=_reported_percent(reported),
    )


def _reported_percent(reported: Decimal | None) -> str:
    return "" if reported is None else format_percent(reported, decimals_of(reported))


def amount_figure(*, computed: Decimal | None, reported: Decimal | None = None) -> Figure:
    """An amount of money; a reported amount agrees only when it is exactly the computed one."""
    return Figure(
        computed=computed,
        reported=reported,
        places=2,
        agrees=reported is None or computed == reported,
        text=NOT_AVAILABLE if computed is None else format_amount(computed),
        reported_text="" if reported is None else format_amount(reported),
    )


def count_figure(*, computed: int | None, reported: int | None = None) -> Figure:
    """A whole number such as months; a reported number agrees only when it is the same."""
    value = None if computed is None else Decimal(computed)
    claim = None if reported is None else Decimal(reported)
    return Figure(
        computed=value,
        reported=claim,
        places=0,
        agrees=claim is None or value == claim,
        text=format_count(value),
        reported_text="" if claim is None else format_count(claim),
    )


def format_date(day: date | None) -> str:
    """A date as the seed writes it: "29 September 2010"; None → ""."""
    if day is None:
        return ""
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"
