"""Field shapes shared by the models, so money and values are declared once."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.db import models


def money_field(verbose_name: str, **extra: Any) -> models.DecimalField[Decimal | None, Decimal]:
    """Money: up to 16 digits before the point, cents after."""
    return models.DecimalField(
        verbose_name, null=True, blank=True, max_digits=18, decimal_places=2, **extra
    )


def value_field(verbose_name: str, **extra: Any) -> models.DecimalField[Decimal | None, Decimal]:
    """An indicator value, target or count: four decimals for rates and averages."""
    return models.DecimalField(
        verbose_name, null=True, blank=True, max_digits=18, decimal_places=4, **extra
    )


def percent_field(verbose_name: str, **extra: Any) -> models.DecimalField[Decimal | None, Decimal]:
    """A percentage, as reported or as a fund's setting."""
    return models.DecimalField(
        verbose_name, null=True, blank=True, max_digits=9, decimal_places=4, **extra
    )


def choices_of(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Django choices from a domain StrEnum: value and a readable label."""
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]
