"""Data-quality findings: what a report claimed, compared with what the rules compute.

A ``Finding`` names its rule (a stable id such as "pct-mismatch"), how serious it is,
where it stands in the report ("1.1.9", "UNDP", "1.2", "finance", "header", ...), one
plain sentence with the figures, and the cell it came from when that is known. The
rules themselves live in ``logframe.domain.checks``; this module holds the finding and
the comparisons several rules share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from typing import TypeAlias

from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import agrees, decimals_of, round_half_up


class Severity(StrEnum):
    """ERROR: a claimed figure is wrong. WARNING: to look at, perhaps fine. INFO: to know."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Words:
    """A sentence or phrase with named parameters, so that another layer can say it in
    another language: ``template % params`` (``plural`` and ``count`` when it has a plural).

    A parameter is text kept as it is (a code, a figure already formatted), a date (written
    by whoever renders the words), or ``Words`` themselves (a phrase such as "of approved").
    The domain stays standard-library only: it marks its templates with ``_`` and
    ``ngettext`` below, the names ``makemessages`` looks for, and renders them in English;
    the web translates them with Django's gettext (``web/vocabulary.finding_message``).
    """

    template: str
    params: tuple[tuple[str, Param], ...] = ()
    plural: str = ""
    count: int | None = None

    def render(
        self,
        *,
        gettext: Callable[[str], str],
        ngettext: Callable[[str, str, int], str],
        write_date: Callable[[date], str],
    ) -> str:
        """The words with every template looked up and every parameter written."""
        values = {
            name: _written(value, gettext=gettext, ngettext=ngettext, write_date=write_date)
            for name, value in self.params
        }
        if self.count is not None:
            return ngettext(self.template, self.plural, self.count) % values
        return gettext(self.template) % values

    def english(self) -> str:
        return self.render(gettext=_same, ngettext=_english_plural, write_date=_written_day)

    def __str__(self) -> str:
        return self.english()


Param: TypeAlias = "str | int | Decimal | date | Words"


def _written(
    value: object,
    *,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
    write_date: Callable[[date], str],
) -> str:
    if isinstance(value, Words):
        return value.render(gettext=gettext, ngettext=ngettext, write_date=write_date)
    if isinstance(value, date):
        return write_date(value)
    return str(value)


def _same(text: str) -> str:
    return text


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def _written_day(day: date) -> str:
    """ "17 October 2013", as the reports write a date."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _(template: str, /, **params: Param) -> Words:
    """Mark ``template`` for translation, with its parameters: ``_("Footnote %(n)s …", n=3)``.

    Write ``%%`` for a percent sign: the template is always formatted.
    """
    return Words(template, tuple(params.items()))


def ngettext(singular: str, plural: str, count: int, /, **params: Param) -> Words:
    """``_`` with a plural: ``ngettext("%(n)s month", "%(n)s months", n, n=n)``."""
    return Words(singular, tuple(params.items()), plural, count)


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
    words: Words | None = field(default=None, compare=False)  # ``message``, translatable

    @classmethod
    def said(
        cls,
        words: Words,
        *,
        rule: str,
        severity: Severity,
        where: str,
        computed: Decimal | None = None,
        reported: Decimal | None = None,
        source: str = "",
    ) -> Finding:
        """A finding whose message is ``words`` in English, the words kept for translation."""
        return cls(
            rule=rule,
            severity=severity,
            where=where,
            message=words.english(),
            computed=computed,
            reported=reported,
            source=source,
            words=words,
        )

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
    label: Words | None = None,
    of: Words | None = None,
    basis: Words | str = "",
    why_none: Words | None = None,
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
    said = _said(label, format_percent(reported, decimals_of(reported)), of)
    if computed is None:
        if why_none:
            words = _("%(said)s, but no %% can be computed: %(why)s.", said=said, why=why_none)
        else:
            words = _("%(said)s, but no %% can be computed.", said=said)
        severity = Severity.WARNING
    else:
        words = _(
            "%(said)s, computed %(computed)s.",
            said=said,
            computed=_computed(computed, reported, basis),
        )
        severity = Severity.ERROR
    return Finding.said(
        words,
        rule=rule,
        severity=severity,
        where=where,
        computed=computed,
        reported=reported,
        source=source,
    )


def _said(label: Words | None, pct: str, of: Words | None) -> Words:
    if label and of:
        return _("%(label)s: reported %(pct)s %(of)s", label=label, pct=pct, of=of)
    if label:
        return _("%(label)s: reported %(pct)s", label=label, pct=pct)
    if of:
        return _("Reported %(pct)s %(of)s", pct=pct, of=of)
    return _("Reported %(pct)s", pct=pct)


def _computed(computed: Decimal, reported: Decimal, basis: Words | str) -> Words | str:
    places = decimals_of(reported)
    rounded = format_percent(computed, places)
    finer = round_half_up(value=computed, places=places + 1)
    pct = rounded if finer == finer.to_integral_value() else format_percent(computed, places + 1)
    text: Words | str = _("%(pct)s (%(basis)s)", pct=pct, basis=basis) if basis else pct
    if truncates(computed=computed, reported=reported):
        return _("%(computed)s: truncated, not rounded", computed=text)
    if pct.startswith(rounded):
        return text
    return _("%(computed)s, which rounds to %(rounded)s", computed=text, rounded=rounded)


def check_reported_total(
    *,
    rule: str,
    where: str,
    label: Words,
    parts: Sequence[Decimal],
    reported: Decimal | None,
    parts_name: Words,
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
    words = _(
        "%(label)s reported as %(reported)s, but the %(count)s %(parts)s add up to %(total)s.",
        label=label,
        reported=format_amount(reported),
        count=len(parts),
        parts=parts_name,
        total=format_amount(total),
    )
    return Finding.said(
        words,
        rule=rule,
        severity=Severity.ERROR,
        where=where,
        computed=total,
        reported=reported,
        source=source,
    )


def listed(items: Sequence[Param]) -> Param:
    """Items as a list in words, translatable: "a", "a and b", "a, b and c"."""
    if len(items) == 1:
        return items[0]
    if not items:
        return ""
    return _("%(items)s and %(last)s", items=_commas(items[:-1]), last=items[-1])


def _commas(items: Sequence[Param]) -> Param:
    if len(items) == 1:
        return items[0]
    return _("%(first)s, %(rest)s", first=items[0], rest=_commas(items[1:]))
