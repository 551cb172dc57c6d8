"""The demo's synthetic fund reports the quarters that end with today's, so its deadlines read
as a fund's at work."""

from __future__ import annotations

from datetime import date

import pytest

from logframe.cli.demo import _last_quarters


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 11, 28), "2026Q1", "2026Q4"),
        (date(2026, 1, 1), "2025Q2", "2026Q1"),
        (date(2026, 3, 31), "2025Q2", "2026Q1"),
        (date(2026, 4, 1), "2025Q3", "2026Q2"),
    ],
)
def test_the_four_quarters_end_with_today_s(today: date, first: str, last: str) -> None:
    start, end = _last_quarters(today, 4)
    assert (start.code, end.code) == (first, last)
