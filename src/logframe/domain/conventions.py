"""A fund's reporting conventions: the settings the arithmetic follows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from logframe.domain.measures import Status


class RollupRule(StrEnum):
    """How indicator percentages roll up to an output percentage."""

    MEAN = "mean"


def default_status_pct() -> Mapping[Status, Decimal | None]:
    """The seed's status scale: only COMPLETED has a default % (100); the rest need an estimate."""
    return MappingProxyType(
        {
            Status.NOT_YET_INITIATED: None,
            Status.INITIATED: None,
            Status.PARTIALLY: None,
            Status.COMPLETED: Decimal(100),
        }
    )


@dataclass(frozen=True)
class Conventions:
    """A fund's settings. The defaults reproduce the seed report's consistent figures.

    ``status_pct`` is stored read-only and always holds every status; a status left out of
    the mapping given has no default % (None). The mapping is left out of the hash, so
    conventions stay usable as dictionary keys; equality still compares it.
    """

    indicator_decimals: int = 0
    finance_decimals: int = 1
    beneficiary_decimals: int = 0
    cap_at_100: bool = True
    rollup: RollupRule = RollupRule.MEAN
    score_percentage_indicators: bool = False
    status_pct: Mapping[Status, Decimal | None] = field(
        default_factory=default_status_pct, hash=False
    )

    def __post_init__(self) -> None:
        for name in ("indicator_decimals", "finance_decimals", "beneficiary_decimals"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, got {getattr(self, name)}")
        complete = {status: self.status_pct.get(status) for status in Status}
        object.__setattr__(self, "status_pct", MappingProxyType(complete))
