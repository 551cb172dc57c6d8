"""Indicators by status: the five bands of the project overview, and their counts.

Pure: an indicator's computed % of planned (``domain.progress.indicator_percent``, unrounded),
its milestone status, and the % of the project's time elapsed at the quarter's end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from logframe.domain.measures import Status
from logframe.domain.percentages import HUNDRED


class Band(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    BEHIND = "behind"
    NOT_STARTED = "not-started"
    NO_PERCENT = "no-percent"


LABELS = {
    Band.ACHIEVED: "Achieved",
    Band.ON_TRACK: "On track",
    Band.BEHIND: "Behind",
    Band.NOT_STARTED: "Not started",
    Band.NO_PERCENT: "No % / tbd",
}


def indicator_band(
    *, percent: Decimal | None, status: Status | None, elapsed: Decimal | None
) -> Band:
    """The band of one indicator in a quarter; the first rule that applies:

    - ACHIEVED: its % of planned is 100 or more;
    - NOT_STARTED: its % is 0, or it has no % and its status is "Not yet initiated";
    - ON_TRACK: its % is at least the % of the project's time elapsed at the quarter's end
      (any % above 0 when the time elapsed is unknown);
    - BEHIND: its % is below the time elapsed;
    - NO_PERCENT: no % otherwise: a target to be determined, a measure the fund does not
      score (percentage, qualitative), or nothing reported this quarter.
    """
    if percent is None:
        return Band.NOT_STARTED if status is Status.NOT_YET_INITIATED else Band.NO_PERCENT
    if percent >= HUNDRED:
        return Band.ACHIEVED
    if percent <= 0:
        return Band.NOT_STARTED
    if elapsed is None or percent >= elapsed:
        return Band.ON_TRACK
    return Band.BEHIND


@dataclass(frozen=True)
class BandCount:
    band: Band
    label: str
    rule: str  # the band's definition, for the legend
    count: int


def band_counts(*, bands: Iterable[Band], elapsed_text: str) -> tuple[BandCount, ...]:
    """Every band in a fixed order with its count (0 included) and its rule in words.

    ``elapsed_text`` is the time elapsed as shown ("81.8 %"), or "" when it is unknown.
    """
    counts = Counter(bands)
    time = f"the time elapsed ({elapsed_text})" if elapsed_text else "the time elapsed"
    rules = {
        Band.ACHIEVED: "100 % of planned or more",
        Band.ON_TRACK: f"under 100 %, at or above {time}"
        if elapsed_text
        else "above 0 % and under 100 % (no project dates to compare with)",
        Band.BEHIND: f"above 0 % but below {time}",
        Band.NOT_STARTED: "0 %, or a milestone not yet initiated",
        Band.NO_PERCENT: "target to be determined, a measure the fund does not score,"
        " or nothing reported this quarter",
    }
    return tuple(
        BandCount(band=band, label=LABELS[band], rule=rules[band], count=counts[band])
        for band in Band
    )
