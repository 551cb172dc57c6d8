"""Direct and indirect beneficiaries: one row per group, in the seed report's order."""

from __future__ import annotations

from logframe.domain.beneficiaries import GROUP_LABELS, BeneficiaryGroup, beneficiary_percent
from logframe.domain.formatting import NOT_AVAILABLE, format_count
from logframe.domain.records import BeneficiaryRecord, PeriodRecord
from logframe.reporting.figures import percent_figure
from logframe.reporting.model import BeneficiaryRow


def build_beneficiaries(*, period: PeriodRecord, places: int) -> tuple[BeneficiaryRow, ...]:
    """Every group, recorded or not ("n/a"); the % of planned is not capped at 100."""
    records = {record.group: record for record in period.beneficiaries}
    return tuple(
        _row(
            record=records.get(group, BeneficiaryRecord(group=group, applicable=False)),
            places=places,
        )
        for group in BeneficiaryGroup
    )


def _row(*, record: BeneficiaryRecord, places: int) -> BeneficiaryRow:
    label = GROUP_LABELS[record.group]
    if record.target is not None:
        label = f"{label} (Target: {format_count(record.target)})"
    counted = record.applicable and record.actual is not None
    computed = (
        beneficiary_percent(target=record.target, actual=record.actual)
        if record.applicable
        else None
    )
    return BeneficiaryRow(
        label=label,
        actual=format_count(record.actual) if counted else NOT_AVAILABLE,
        note=record.note,
        percent=percent_figure(computed=computed, reported=record.reported_pct, places=places),
        group=record.group.value,
        target=record.target,
        value=record.actual if counted else None,
    )
