"""Financial status: funds committed and disbursed against approved budgets, and delay."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from logframe.domain.percentages import HUNDRED, ratio_percent
from logframe.domain.periods import add_months

TOTAL = "total"


@dataclass(frozen=True)
class FinanceLine:
    """One agency's approved budget and cumulative commitments and disbursements."""

    agency: str
    approved: Decimal
    committed: Decimal | None
    disbursed: Decimal | None


@dataclass(frozen=True)
class FinanceFigures:
    """An agency's (or the total's) sums and their percentages of approved, unrounded."""

    agency: str
    approved: Decimal
    committed: Decimal | None
    disbursed: Decimal | None
    committed_pct: Decimal | None
    disbursed_pct: Decimal | None


def finance_figures(
    *, lines: Sequence[FinanceLine]
) -> tuple[tuple[FinanceFigures, ...], FinanceFigures]:
    """Figures per agency, in the order agencies first appear, and the total ("total").

    Lines of the same agency are added up. A sum leaves out missing (None) amounts and is
    None only when every amount is missing. Committed % = committed / approved * 100, and
    likewise disbursed %; the total's % is the total committed / the total approved * 100,
    not a mean of the agencies' percentages. None where the approved sum is 0.
    """
    agencies = tuple(dict.fromkeys(line.agency for line in lines))
    per_agency = tuple(
        _figures(agency=agency, lines=[line for line in lines if line.agency == agency])
        for agency in agencies
    )
    return per_agency, _figures(agency=TOTAL, lines=lines)


def _figures(*, agency: str, lines: Sequence[FinanceLine]) -> FinanceFigures:
    approved = sum((line.approved for line in lines), Decimal(0))
    committed = sum_present([line.committed for line in lines])
    disbursed = sum_present([line.disbursed for line in lines])
    return FinanceFigures(
        agency=agency,
        approved=approved,
        committed=committed,
        disbursed=disbursed,
        committed_pct=_percent(part=committed, whole=approved),
        disbursed_pct=_percent(part=disbursed, whole=approved),
    )


def sum_present(amounts: Iterable[Decimal | None]) -> Decimal | None:
    """A sum as SQL's SUM makes it: a missing amount adds nothing; None only when every
    amount is missing."""
    present = [amount for amount in amounts if amount is not None]
    return sum(present, Decimal(0)) if present else None


def _percent(*, part: Decimal | None, whole: Decimal) -> Decimal | None:
    return None if part is None else ratio_percent(part=part, whole=whole)


def delay_months(*, planned_end: date, forecast_end: date | None) -> int | None:
    """Whole calendar months by which the forecast end passes the planned end.

    A started month counts as a whole one: planned 17 Oct 2013, forecast 18 Oct 2013 → 1,
    17 Jan 2014 → 3, 18 Jan 2014 → 4. A forecast on or before the planned end → 0; no
    forecast → None.
    """
    if forecast_end is None:
        return None
    return _months_to_reach(start=planned_end, stop=forecast_end)


def duration_months(*, start: date, end: date) -> int:
    """A project's duration in months, both dates included, a part month counting as whole.

    The whole months from ``start`` to the day after ``end``, rounded up:
    18 Oct 2010 → 17 Oct 2013 is 36; 18 Oct 2010 → 18 Oct 2013 is 37.
    """
    if end < start:
        raise ValueError(f"The end {end} is before the start {start}.")
    return _months_to_reach(start=start, stop=end + timedelta(days=1))


def _months_to_reach(*, start: date, stop: date) -> int:
    """The fewest whole months after ``start`` that reach ``stop`` (0 when stop ≤ start)."""
    if stop <= start:
        return 0
    months = (stop.year - start.year) * 12 + stop.month - start.month - 1
    while add_months(day=start, months=months) < stop:
        months += 1
    return months


def elapsed_percent(*, start: date, end: date, on: date) -> Decimal:
    """The % of a project's duration that has passed by the end of day ``on``, by days.

    Days from ``start`` through ``on`` / days from ``start`` through ``end`` * 100, both ends
    included, kept within 0..100: 0 before the start, 100 from the end on. Unrounded.
    """
    if end < start:
        raise ValueError(f"The end {end} is before the start {start}.")
    total = (end - start).days + 1
    elapsed = min(max((on - start).days + 1, 0), total)
    return Decimal(elapsed) * HUNDRED / Decimal(total)
