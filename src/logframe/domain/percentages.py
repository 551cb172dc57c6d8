"""Percentages, rounding, and comparing a reported figure with a computed one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


def round_half_up(*, value: Decimal, places: int) -> Decimal:
    """Round to ``places`` decimals, a half going away from zero (62.5 → 63, -0.5 → -1).

    This is the only rounding the figures get, and it happens once, when a figure is shown
    or compared; every intermediate figure stays unrounded.
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ratio_percent(*, part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, unrounded; None when ``whole`` is 0 or negative."""
    if whole <= 0:
        return None
    return part * HUNDRED / whole


def decimals_of(value: Decimal) -> int:
    """How many decimals a reported figure was written with, trailing zeros dropped.

    51.6 → 1, 41 → 0, 41.000 → 0, 100 → 0 (never negative).
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an integer exponent
    return max(0, -exponent)


def agrees(*, computed: Decimal | None, reported: Decimal | None) -> bool:
    """Whether a reported (claimed) figure agrees with the computed one.

    They agree when the computed figure, rounded half-up to as many decimals as the reported
    figure was written with, equals it: 41.94 agrees with 41.9 but not with 41 (it rounds
    to 42). Nothing reported always agrees; a figure reported where none can be computed
    does not.
    """
    if reported is None:
        return True
    if computed is None:
        return False
    return round_half_up(value=computed, places=decimals_of(reported)) == reported
