"""Dates of events as narratives write them, the year taken from the period when missing.

Read: "2 to 5 February", "February 17 to 28", "from 03 to 05 of February 2013", "on 10-12
February 2013", "28 February to 2 March 2013", "February 28 to March 2, 2013", "14th of
February 2013", "February 14, 2013", "on 14 February". A day the month lacks ("31 February")
is no date and is not read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from logframe.domain.checks.wording import MONTHS
from logframe.domain.periods import Quarter

_ABBREVIATIONS = {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
_M = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
     r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # fmt: skip
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"\d{4}"
_TO = r"\s*(?:to|until|till|through|and|-|\u2013|\u2014)\s*"
_OF = r"\s+(?:of\s+)?"

# Longest forms first; text one form has read is not read again by a later one.
_FORMS = (
    # 28 February to 2 March 2013
    rf"(?P<d1>{_D}){_OF}(?P<m1>{_M})(?:,?\s+(?P<y1>{_Y}))?{_TO}(?P<d2>{_D}){_OF}(?P<m2>{_M})"
    rf"(?:,?\s+(?P<y2>{_Y}))?",
    # February 28 to March 2, 2013
    rf"(?P<m1>{_M})\s+(?P<d1>{_D})(?:,?\s+(?P<y1>{_Y}))?{_TO}(?P<m2>{_M})\s+(?P<d2>{_D})"
    rf"(?:,?\s+(?P<y2>{_Y}))?",
    # 2 to 5 February 2013, from 03 to 05 of February, 10-12 February
    rf"(?P<d1>{_D}){_TO}(?P<d2>{_D}){_OF}(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?",
    # February 17 to 28, 2013
    rf"(?P<m2>{_M})\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})(?:,?\s+(?P<y2>{_Y}))?",
    # 14 February 2013, 14th of February
    rf"(?P<d2>{_D}){_OF}(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?",
    # February 14, 2013
    rf"(?P<m2>{_M})\s+(?P<d2>{_D})(?:,?\s+(?P<y2>{_Y}))?",
)
_PATTERNS = tuple(re.compile(rf"(?<![\w-]){form}(?![\w-])", re.IGNORECASE) for form in _FORMS)


@dataclass(frozen=True)
class EventDates:
    text: str
    start: date
    end: date
    position: int  # where the text stands in the sentence


def event_dates(text: str, *, quarter: Quarter) -> list[EventDates]:
    """Every day or range of days ``text`` names, in order; a missing year is the one that
    puts the date nearest ``quarter`` (so "2 January" in a report on 2012 Q4 is 2013)."""
    taken: list[tuple[int, int]] = []
    found: list[EventDates] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            dates = _dates(match, quarter)
            if dates is not None:
                found.append(EventDates(match.group(0).strip(), *dates, position=span[0]))
    return sorted(found, key=lambda found_date: found_date.position)


def _dates(match: re.Match[str], quarter: Quarter) -> tuple[date, date] | None:
    parts = match.groupdict()
    m2 = _month(parts["m2"])
    m1 = _month(parts["m1"]) if parts.get("m1") else m2
    d2 = _day(parts["d2"])
    d1 = _day(parts["d1"]) if parts.get("d1") else d2
    y2 = int(parts["y2"]) if parts.get("y2") else None
    y1 = int(parts["y1"]) if parts.get("y1") else None
    try:
        if y2 is None:
            y2 = _nearest_year(m2, d2, quarter)
        if y1 is None:
            y1 = y2 - 1 if m1 > m2 else y2  # "28 December to 3 January 2013"
        start, end = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _month(text: str) -> int:
    return _ABBREVIATIONS[text[:3].lower()]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _nearest_year(month: int, day: int, quarter: Quarter) -> int:
    def distance(year: int) -> int:
        when = date(year, month, day)
        if quarter.start <= when <= quarter.end:
            return 0
        return min(abs((when - quarter.start).days), abs((when - quarter.end).days))

    year = quarter.start.year
    return min((year, year - 1, year + 1), key=distance)
