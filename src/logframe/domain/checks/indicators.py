"""Rules about indicators: % of planned, sex split, the 100 % cap, missing and tbd targets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from logframe.domain.checks import rules
from logframe.domain.checks.provenance import ACTUAL, PCT, TARGET, Sources
from logframe.domain.conventions import Conventions
from logframe.domain.findings import (
    Finding,
    Severity,
    Words,
    _,
    check_reported_percent,
    listed,
    ngettext,
)
from logframe.domain.formatting import format_count, format_percent
from logframe.domain.measures import Actual, Measure, TargetKind, effective_actual
from logframe.domain.percentages import HUNDRED
from logframe.domain.progress import indicator_percent
from logframe.domain.records import IndicatorRecord, IndicatorValueRecord

NO_ACTUAL = Actual()


@dataclass(frozen=True)
class Claim:
    """An indicator's reported % beside the % it achieved before any cap."""

    code: str
    uncapped: Decimal
    reported: Decimal
    source: str = ""


def pct_mismatch(
    *,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord,
    conventions: Conventions,
    source: str = "",
) -> Finding | None:
    """An indicator's reported % of planned must agree with ``indicator_percent``.

    ERROR when it does not, at the reported figure's precision ("Reported 5 % of planned,
    computed 9.9 % (25 of 252), which rounds to 10 %."); WARNING when a % is reported but
    none can be computed, with the reason (a percentage indicator, a target to be
    determined, ...).
    """
    computed = indicator_percent(
        measure=indicator.measure,
        target=indicator.target,
        actual=value.actual,
        conventions=conventions,
    )
    return check_reported_percent(
        rule=rules.PCT_MISMATCH,
        where=indicator.code,
        computed=computed,
        reported=value.reported_pct,
        of=_("of planned"),
        basis=_basis(indicator=indicator, actual=value.actual, conventions=conventions),
        why_none=why_no_percent(indicator=indicator, actual=value.actual, conventions=conventions),
        source=source,
    )


def _basis(*, indicator: IndicatorRecord, actual: Actual, conventions: Conventions) -> Words | str:
    """How a ratio's % came about: "25 of 252", "5 of 3, capped at 100"; "" otherwise."""
    target = indicator.target
    achieved = effective_actual(actual=actual, measure=indicator.measure)
    if target.kind is not TargetKind.NUMBER or achieved is None or not target.value:
        return ""
    if indicator.measure not in (Measure.COUNT, Measure.PERCENTAGE):
        return ""
    ratio = _(
        "%(actual)s of %(target)s", actual=format_count(achieved), target=format_count(target.value)
    )
    over = achieved > target.value and conventions.cap_at_100
    return _("%(ratio)s, capped at 100", ratio=ratio) if over else ratio


def why_no_percent(
    *, indicator: IndicatorRecord, actual: Actual, conventions: Conventions
) -> Words:
    """Why an indicator has no % of planned, in a few words (see ``indicator_percent``)."""
    target = indicator.target
    if target.kind is TargetKind.TBD:
        return _("the target is still to be determined")
    if target.kind is TargetKind.NONE:
        return _("the indicator has no target")
    if indicator.measure is Measure.QUALITATIVE:
        return _("a qualitative indicator has no %%")
    if indicator.measure is Measure.MILESTONE or target.kind is TargetKind.MILESTONE:
        if actual.status is None:
            return _("no status and no estimate are given")
        return _("the status has no default %% and no estimate is given")
    if indicator.measure is Measure.PERCENTAGE and not conventions.score_percentage_indicators:
        return _("the fund does not score indicators measured as a percentage")
    if effective_actual(actual=actual, measure=indicator.measure) is None:
        return _("no actual is given")
    return _("the target is 0")


def sex_split(*, where: str, actual: Actual, source: str = "") -> Finding | None:
    """Male + female must equal the reported total; if not, a WARNING.

    "498 reported, but 468 male + 28 female = 496." No finding when a figure is missing.
    """
    total, male, female = actual.value, actual.male, actual.female
    if total is None or male is None or female is None or male + female == total:
        return None
    both = male + female
    words = _(
        "%(total)s reported, but %(male)s male + %(female)s female = %(both)s.",
        total=format_count(total),
        male=format_count(male),
        female=format_count(female),
        both=format_count(both),
    )
    return Finding.said(
        words,
        rule=rules.SEX_SPLIT,
        severity=Severity.WARNING,
        where=where,
        computed=both,
        reported=total,
        source=source,
    )


def cap_uneven(*, claims: Sequence[Claim], cap_at_100: bool) -> tuple[Finding, ...]:
    """Over-achieving indicators of one report must all be reported alike: capped or not.

    An indicator over-achieves when its % before any cap is above 100. When some are
    reported at exactly 100 % and others above 100 %, the cap was applied unevenly: INFO on
    each one reported above 100 % when the fund caps, or on each one reported at 100 % when
    it does not (those are the odd ones out; ``pct-mismatch`` already says they are wrong).
    """
    over = [c for c in claims if c.uncapped > HUNDRED]
    at_cap = [c for c in over if c.reported == HUNDRED]
    above = [c for c in over if c.reported > HUNDRED]
    if not at_cap or not above:
        return ()
    odd, usual = (above, at_cap) if cap_at_100 else (at_cap, above)
    return tuple(_uneven(claim=c, usual=usual, cap_at_100=cap_at_100) for c in odd)


def _uneven(*, claim: Claim, usual: Sequence[Claim], cap_at_100: bool) -> Finding:
    codes = listed([c.code for c in usual])
    if cap_at_100:
        words = ngettext(
            "Reported %(pct)s of planned while the over-achieving %(codes)s is reported at"
            " 100 %%: the 100 %% cap is applied unevenly.",
            "Reported %(pct)s of planned while the over-achieving %(codes)s are reported at"
            " 100 %%: the 100 %% cap is applied unevenly.",
            len(usual),
            pct=format_percent(claim.reported, 0),
            codes=codes,
        )
    else:
        words = ngettext(
            "Reported at 100 %% though %(pct)s is achieved, while the over-achieving %(codes)s"
            " is reported above 100 %%: the fund does not cap, and the cap is applied unevenly.",
            "Reported at 100 %% though %(pct)s is achieved, while the over-achieving %(codes)s"
            " are reported above 100 %%: the fund does not cap, and the cap is applied unevenly.",
            len(usual),
            pct=format_percent(claim.uncapped, 0),
            codes=codes,
        )
    return Finding.said(
        words,
        rule=rules.CAP_UNEVEN,
        severity=Severity.INFO,
        where=claim.code,
        computed=claim.uncapped,
        reported=claim.reported,
        source=claim.source,
    )


def missing_actual(
    *, indicator: IndicatorRecord, value: IndicatorValueRecord | None, source: str = ""
) -> Finding | None:
    """An indicator with a target (a number or a milestone) needs an actual or a status.

    WARNING when the period gives neither a figure nor a status nor any printed text for
    it. Not for targets to be determined, nor for indicators without a target.
    """
    if indicator.target.kind not in (TargetKind.NUMBER, TargetKind.MILESTONE):
        return None
    if value is not None and (value.actual != NO_ACTUAL or value.actual_text.strip()):
        return None
    return Finding.said(
        _("Target %(target)s, but no actual and no status this period.", target=_target(indicator)),
        rule=rules.MISSING_ACTUAL,
        severity=Severity.WARNING,
        where=indicator.code,
        source=source,
    )


def _target(indicator: IndicatorRecord) -> Words | str:
    target = indicator.target
    if target.kind is TargetKind.MILESTONE:
        return f'"{target.milestone or indicator.target_text or "Yes"}"'
    if indicator.target_text:
        return indicator.target_text
    if target.kind is TargetKind.NUMBER and target.value is not None:
        return format_count(target.value)
    return _("set")


def target_tbd(*, indicator: IndicatorRecord, source: str = "") -> Finding | None:
    """A target still to be determined is worth knowing (INFO): it has no % of planned."""
    if indicator.target.kind is not TargetKind.TBD:
        return None
    printed = indicator.target_text or " ".join(("tbd", indicator.target.note)).strip()
    return Finding.said(
        _('Target still to be determined ("%(printed)s"), so no %% of planned.', printed=printed),
        rule=rules.TARGET_TBD,
        severity=Severity.INFO,
        where=indicator.code,
        source=source,
    )


def check_indicator(
    *,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord | None,
    conventions: Conventions,
    sources: Sources,
) -> tuple[Finding, ...]:
    """The indicator rules above for one indicator, in rule order (cap-uneven apart)."""
    code = indicator.code
    found = (
        missing_actual(indicator=indicator, value=value, source=sources.location(code, ACTUAL)),
        target_tbd(indicator=indicator, source=sources.location(code, TARGET)),
    )
    if value is None:
        return tuple(f for f in found if f is not None)
    more = (
        pct_mismatch(
            indicator=indicator,
            value=value,
            conventions=conventions,
            source=sources.location(code, PCT),
        ),
        sex_split(where=code, actual=value.actual, source=sources.location(code, ACTUAL)),
    )
    return tuple(f for f in (*found, *more) if f is not None)


@lru_cache(maxsize=64)
def _uncapped(conventions: Conventions) -> Conventions:
    """The fund's conventions with no cap at 100 %: made once per fund's conventions, not
    once per indicator (a new Conventions checks and copies its status mapping)."""
    return replace(conventions, cap_at_100=False) if conventions.cap_at_100 else conventions


def claim(
    *,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord,
    conventions: Conventions,
    source: str = "",
) -> Claim | None:
    """What ``cap_uneven`` needs of an indicator: its uncapped % and its reported %.

    None when either is missing: then the cap has nothing to say about the indicator.
    """
    uncapped = indicator_percent(
        measure=indicator.measure,
        target=indicator.target,
        actual=value.actual,
        conventions=_uncapped(conventions),
    )
    if uncapped is None or value.reported_pct is None:
        return None
    return Claim(code=indicator.code, uncapped=uncapped, reported=value.reported_pct, source=source)
