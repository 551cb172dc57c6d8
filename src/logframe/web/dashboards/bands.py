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

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from logframe.domain.measures import Status
from logframe.domain.percentages import HUNDRED


class Band(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    BEHIND = "behind"
    NOT_STARTED = "not-started"
    NO_PERCENT = "no-percent"


LABELS = {
    Band.ACHIEVED: gettext_lazy("Achieved"),
    Band.ON_TRACK: gettext_lazy("On track"),
    Band.BEHIND: gettext_lazy("Behind"),
    Band.NOT_STARTED: gettext_lazy("Not started"),
    # xgettext:no-python-format
    Band.NO_PERCENT: gettext_lazy("No % / tbd"),
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
    if elapsed_text:
        time = _("the time elapsed (%(elapsed)s)") % {"elapsed": elapsed_text}
        on_track = _("under 100 %%, at or above %(time)s") % {"time": time}
    else:
        time = _("the time elapsed")
        # xgettext:no-python-format
        on_track = _("above 0 % and under 100 % (no project dates to compare with)")
    rules = {
        # xgettext:no-python-format
        Band.ACHIEVED: _("100 % of planned or more"),
        Band.ON_TRACK: on_track,
        Band.BEHIND: _("above 0 %% but below %(time)s") % {"time": time},
        # xgettext:no-python-format
        Band.NOT_STARTED: _("0 %, or a milestone not yet initiated"),
        Band.NO_PERCENT: _(
            "target to be determined, a measure the fund does not score,"
            " or nothing reported this quarter"
        ),
    }
    return tuple(
        BandCount(band=band, label=str(LABELS[band]), rule=rules[band], count=counts[band])
        for band in Band
    )
