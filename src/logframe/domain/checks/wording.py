"""How findings word dates: "17 October 2013" (lists: ``findings.listed``, translatable)."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def written(day: date) -> str:
    """A date as a report writes it: "17 October 2013"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
