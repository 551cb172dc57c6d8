"""Data-quality findings: what a report claimed, compared with what the rules compute.

A ``Finding`` names its rule (a stable id such as "pct-mismatch"), how serious it is,
where it stands in the report ("1.1.9", "UNDP", "1.2", "finance", "header", ...), one
plain sentence with the figures, and the cell it came from when that is known. The
rules themselves live in ``logframe.domain.checks``; this module holds the finding and
the comparisons several rules share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import agrees, decimals_of, round_half_up


class Severity(StrEnum):
    """ERROR: a claimed figure is wrong. WARNING: to look at, perhaps fine. INFO: to know."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One data-quality finding about one place of a report, in words a manager reads.

    ``computed`` and ``reported`` are the two figures compared, unrounded, when the rule
    compares figures; ``source`` is the location of the cell the finding is about
    ("report.txt:123"), or "" when unknown.
    """

    rule: str
    severity: Severity
    where: str
    message: str
    computed: Decimal | None = None
    reported: Decimal | None = None
    source: str = ""

    def to_json(self) -> dict[str, str | None]:
        """The finding as JSON: decimals as strings, a missing figure as null."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "where": self.where,
            "message": self.message,
            "computed": None if self.computed is None else str(self.computed),
            "reported": None if self.reported is None else str(self.reported),
            "source": self.source,
        }


def truncates(*, computed: Decimal, reported: Decimal) -> bool:
    """Whether ``reported`` is ``computed`` cut (not rounded) to the reported decimals.

    41.94 cut to 0 decimals is 41: the seed's UNDP "41 %" is a truncation of 41.9 %.
    """
    step = Decimal(1).scaleb(-decimals_of(reported))
    return computed.quantize(step, rounding=ROUND_DOWN) == reported


def check_reported_percent(
    *,
    rule: str,
    where: str,
    computed: Decimal | None,
    reported: Decimal | None,
    label: str = "",
    of: str = "",
    basis: str = "",
    why_none: str = "",
    source: str = "",
) -> Finding | None:
    """A reported % must agree with the computed one at the reported figure's precision.

    Disagreement is an ERROR, told as "Reported 5 % of planned, computed 9.9 % (25 of 252),
    which rounds to 10 %." — the computed % at one decimal more than the reported one, the
    figures it comes from (``basis``), then what it rounds to; or ": truncated, not rounded"
    when the reported figure is the computed one cut short (41.94 reported as 41).
    A % reported where none can be computed is a WARNING (``why_none`` says why).
    Nothing reported → no finding. ``label`` ("Committed") and ``of`` ("of approved")
    name the figure.
    """
    if reported is None or agrees(computed=computed, reported=reported):
        return None
    places = decimals_of(reported)
    said = f"{label}: reported" if label else "Reported"
    said = f"{said} {format_percent(reported, places)}{f' {of}' if of else ''}"
    if computed is None:
        because = f": {why_none}" if why_none else ""
        message = f"{said}, but no % can be computed{because}."
        severity = Severity.WARNING
    else:
        message = f"{said}, computed {_computed(computed, reported, basis)}."
        severity = Severity.ERROR
    return Finding(
        rule=rule,
        severity=severity,
        where=where,
        message=message,
        computed=computed,
        reported=reported,
        source=source,
    )


def _computed(computed: Decimal, reported: Decimal, basis: str) -> str:
    places = decimals_of(reported)
    rounded = format_percent(computed, places)
    finer = round_half_up(value=computed, places=places + 1)
    text = rounded if finer == finer.to_integral_value() else format_percent(computed, places + 1)
    text = f"{text} ({basis})" if basis else text
    if truncates(computed=computed, reported=reported):
        return f"{text}: truncated, not rounded"
    return text if text.startswith(rounded) else f"{text}, which rounds to {rounded}"


def check_reported_total(
    *,
    rule: str,
    where: str,
    label: str,
    parts: Sequence[Decimal],
    reported: Decimal | None,
    parts_name: str = "parts",
    source: str = "",
) -> Finding | None:
    """A reported total must equal the sum of its parts, exactly; if not, an ERROR.

    "Funds committed (total) reported as 12,824,814.80, but the 2 agencies add up to
    12,824,814.81." No finding when nothing is reported or there are no parts.
    """
    if reported is None or not parts:
        return None
    total = sum(parts, Decimal(0))
    if total == reported:
        return None
    message = (
        f"{label} reported as {format_amount(reported)}, but the {len(parts)} {parts_name}"
        f" add up to {format_amount(total)}."
    )
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        where=where,
        message=message,
        computed=total,
        reported=reported,
        source=source,
    )
