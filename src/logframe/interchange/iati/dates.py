"""IATI dates: ``2014-03-31``, possibly with a time after it, read once per distinct text."""

from __future__ import annotations

from datetime import date

MAX_KNOWN = 8192  # distinct texts remembered; a file has a few hundred (period boundaries)
_known: dict[str, date | None] = {}


def iso_date(text: str) -> date | None:
    """The date at the start of ``text`` (a time after it is ignored); None if none.

    Remembered in a plain dict, not ``functools.lru_cache``: a hit is one lookup, where the
    LRU's bookkeeping cost as much as the lxml call that read the text."""
    try:
        return _known[text]
    except KeyError:
        pass
    try:
        found: date | None = date.fromisoformat(text.strip()[:10])
    except ValueError:
        found = None
    if len(_known) >= MAX_KNOWN:
        _known.clear()
    _known[text] = found
    return found
