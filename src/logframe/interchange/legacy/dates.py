"""Dates and the reporting quarter as reports print them.

Dates: ``29 September 2010``, ``29th Sept. 2010``, ``September 29, 2010``, ``2010-09-29``,
``29/09/2010`` (day first, and only when the day is over 12 — ``05/06/2010`` is ambiguous and
not read). The quarter: ``"… - 1st Quarter 2013"``, ``"Q1 2013"``, ``"2013 Q1"``,
``"first quarter of 2013"``, else the quarter of the last date of the period
(``"01 January - 31 March 2013"``, with an en dash or a hyphen). A year before 1900 or after
2199 is a slip and not read.
"""

from __future__ import annotations

import re
from datetime import date

from logframe.domain.periods import Quarter

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"([A-Za-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}[\s-]+(?:of\s+)?{_MONTH}[\s,-]+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_FIRST_YEAR, _LAST_YEAR = 1900, 2199  # a year outside is a slip, not a date
_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
             "4th": 4, "fourth": 4}  # fmt: skip
_ORDINAL_QUARTER = re.compile(
    r"\b(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter\s*(?:of\s+)?(\d{4})\b", re.I
)
_Q_YEAR = re.compile(r"\bQ\s*([1-4])\s*[-/,]?\s*(\d{4})\b", re.I)
_YEAR_Q = re.compile(r"\b(\d{4})\s*[-/]?\s*Q\s*([1-4])\b", re.I)
_QUARTER_N = re.compile(r"\bquarter\s+([1-4])\s*(?:of\s+)?[-/,]?\s*(\d{4})\b", re.I)


def _make(year: int, month: int, day: int) -> date | None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates_with_positions(text: str) -> list[tuple[int, date | None]]:
    found: list[tuple[int, date | None]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(match[2].lower())
        if month:
            found.append((match.start(), _make(int(match[3]), month, int(match[1]))))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.get(match[1].lower())
        if month:
            found.append((match.start(), _make(int(match[3]), month, int(match[2]))))
    for match in _ISO.finditer(text):
        found.append((match.start(), _make(int(match[1]), int(match[2]), int(match[3]))))
    for match in _NUMERIC.finditer(text):
        day, month = int(match[1]), int(match[2])
        clear = day > 12 or day == month
        found.append((match.start(), _make(int(match[3]), month, day) if clear else None))
    return sorted(found, key=lambda item: item[0])


def parse_date(text: str) -> date | None:
    """The one date a cell holds, or None when it holds none, several, or an impossible one."""
    found = _dates_with_positions(text)
    if len(found) != 1:
        return None
    return found[0][1]


def find_dates(text: str) -> list[date]:
    """Every readable date in ``text``, in order."""
    return [found for _, found in _dates_with_positions(text) if found is not None]


def named_quarter(text: str) -> Quarter | None:
    """The quarter a text names outright: ``1st Quarter 2013``, ``Q1 2013``, ``2013Q1``."""
    for pattern, number_group, year_group in (
        (_ORDINAL_QUARTER, 1, 2),
        (_Q_YEAR, 1, 2),
        (_YEAR_Q, 2, 1),
        (_QUARTER_N, 1, 2),
    ):
        match = pattern.search(text)
        if match:
            number = _ORDINALS.get(match[number_group].lower()) or int(match[number_group])
            year = int(match[year_group])
            return Quarter(year, number) if _FIRST_YEAR <= year <= _LAST_YEAR else None
    return None


def quarter_of(day: date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)
