"""IATI dates: ``2014-03-31``, possibly with a time after it, read once per distinct text."""

from __future__ import annotations

from datetime import date
from functools import lru_cache


@lru_cache(maxsize=8192)
def iso_date(text: str) -> date | None:
    """The date at the start of ``text`` (a time after it is ignored); None if none."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
