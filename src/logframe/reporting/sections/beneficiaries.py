"""Direct and indirect beneficiaries: one row per group, in the seed report's order."""

from __future__ import annotations

from logframe.domain.beneficiaries import BeneficiaryGroup, beneficiary_percent
from logframe.domain.findings import Finding, check_reported_percent
from logframe.domain.formatting import NOT_AVAILABLE, format_count
from logframe.domain.records import BeneficiaryRecord, PeriodRecord
from logframe.reporting.checks import collect
from logframe.reporting.figures import percent_figure
from logframe.reporting.model import BeneficiaryRow

GROUP_LABELS: dict[BeneficiaryGroup, str] = {
    BeneficiaryGroup.MEN: "Men",
    BeneficiaryGroup.WOMEN: "Women",
    BeneficiaryGroup.CHILDREN: "Children",
    BeneficiaryGroup.IDPS: "IDPs",
    BeneficiaryGroup.OTHERS: "Others",
    BeneficiaryGroup.INDIRECT: "Indirect beneficiaries",
    BeneficiaryGroup.EMPLOYMENT: "Employment generation (men/women)",
}


def build_beneficiaries(
    *, period: PeriodRecord, places: int
) -> tuple[tuple[BeneficiaryRow, ...], tuple[Finding, ...]]:
    """Every group, recorded or not ("n/a"); the % of planned is not capped at 100."""
    records = {record.group: record for record in period.beneficiaries}
    rows: list[BeneficiaryRow] = []
    findings: list[Finding | None] = []
    for group in BeneficiaryGroup:
        record = records.get(group, BeneficiaryRecord(group=group, applicable=False))
        row = _row(record=record, places=places)
        rows.append(row)
        findings.append(
            check_reported_percent(
                subject=f"Beneficiaries: {GROUP_LABELS[group]}, % of planned",
                computed=row.percent.computed,
                reported=record.reported_pct,
                basis=f"{row.actual} of {format_count(record.target)}",
            )
        )
    return tuple(rows), collect(*findings)


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
    )
