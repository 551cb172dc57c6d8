"""Rule about direct beneficiaries: each group's reported % of planned."""

from __future__ import annotations

from logframe.domain.beneficiaries import GROUP_LABELS, BeneficiaryGroup, beneficiary_percent
from logframe.domain.checks import rules
from logframe.domain.checks.provenance import Sources
from logframe.domain.findings import Finding, Words, _, check_reported_percent
from logframe.domain.formatting import format_count
from logframe.domain.records import BeneficiaryRecord, PeriodRecord

BENEFICIARIES = "beneficiaries"  # where: the beneficiaries table


def beneficiary_pct_mismatch(*, record: BeneficiaryRecord, source: str = "") -> Finding | None:
    """A group's reported % of planned must agree with actual / target (not capped).

    ERROR when not ("Women: reported 60 % of planned, computed 68.8 % (253 of 368), which
    rounds to 69 %."); WARNING when a % is reported for a group that has none (not
    applicable, or no target or actual).
    """
    computed = (
        beneficiary_percent(target=record.target, actual=record.actual)
        if record.applicable
        else None
    )
    known = record.actual is not None and record.target is not None
    basis = (
        _(
            "%(actual)s of %(target)s",
            actual=format_count(record.actual),
            target=format_count(record.target),
        )
        if known
        else ""
    )
    if not record.applicable:
        why = _("the group is marked not applicable")
    else:
        why = _("no target or actual")
    return check_reported_percent(
        rule=rules.BENEFICIARY_PCT_MISMATCH,
        where=BENEFICIARIES,
        computed=computed,
        reported=record.reported_pct,
        label=Words(GROUP_LABELS[record.group]),  # the interface's catalogs hold the groups
        of=_("of planned"),
        basis=basis,
        why_none=why,
        source=source,
    )


def check_beneficiaries(*, period: PeriodRecord, sources: Sources) -> tuple[Finding, ...]:
    """The groups in the report's order (men, women, children, ...)."""
    records = {record.group: record for record in period.beneficiaries}
    found = (
        beneficiary_pct_mismatch(
            record=records[group], source=sources.location(BENEFICIARIES, f"{group.value}_pct")
        )
        for group in BeneficiaryGroup
        if group in records
    )
    return tuple(f for f in found if f is not None)
