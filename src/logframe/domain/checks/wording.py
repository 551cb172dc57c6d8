"""How findings word dates and lists: "17 October 2013", "1.1.9, 1.3.6 and 2.1.2"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def written(day: date) -> str:
    """A date as a report writes it: "17 October 2013"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def joined(items: Sequence[str]) -> str:
    """Items as a list in words: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
