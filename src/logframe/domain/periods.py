"""Calendar quarters, the reporting periods of a progress report, and month arithmetic."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_QUARTER_TEXT = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*(\d+)\s*$")
EN_DASH = "\u2013"
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: number 1 is January to March, 4 is October to December."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"A quarter's number is 1 to 4, not {self.number}.")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"A quarter's year is 1 to 9999, not {self.year}.")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read "2013Q1"; also "2013-Q1", "2013 q1". Anything else raises ValueError."""
        match = _QUARTER_TEXT.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a quarter; write it like 2013Q1.")
        try:
            return cls(year=int(match[1]), number=int(match[2]))
        except ValueError as error:
            raise ValueError(f"{text!r} is not a quarter: {error}") from error

    @property
    def start(self) -> date:
        """The first day of the quarter."""
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The last day of the quarter."""
        month = 3 * self.number
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def code(self) -> str:
        """The quarter's code, such as "2013Q1"."""
        return f"{self.year}Q{self.number}"

    def next(self) -> Quarter:
        """The quarter after this one (2013Q4 → 2014Q1)."""
        if self.number == 4:
            return Quarter(year=self.year + 1, number=1)
        return Quarter(year=self.year, number=self.number + 1)

    def previous(self) -> Quarter:
        """The quarter before this one (2014Q1 → 2013Q4)."""
        if self.number == 1:
            return Quarter(year=self.year - 1, number=4)
        return Quarter(year=self.year, number=self.number - 1)

    def label(self) -> str:
        """The seed's wording: "01 January \u2013 31 March 2013 - 1st Quarter 2013".

        An en dash (U+2013) between the days, a hyphen before the ordinal; English month
        names whatever the locale.
        """
        first = f"{self.start.day:02d} {_MONTHS[self.start.month - 1]}"
        last = f"{self.end.day:02d} {_MONTHS[self.end.month - 1]}"
        ordinal = _ORDINALS[self.number]
        return f"{first} {EN_DASH} {last} {self.year} - {ordinal} Quarter {self.year}"

    def __str__(self) -> str:
        return self.code


def quarter_of(d: date) -> Quarter:
    """The quarter a day falls in."""
    return Quarter(year=d.year, number=(d.month - 1) // 3 + 1)


def add_months(*, day: date, months: int) -> date:
    """The same day ``months`` calendar months later (or earlier, when negative).

    A day the target month lacks becomes its last day: 31 January + 1 month → 28 February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
