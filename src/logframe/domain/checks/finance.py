"""Rules about the financial status: % of approved, totals, disbursed against committed."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from logframe.domain.checks import rules
from logframe.domain.checks.provenance import Sources
from logframe.domain.finance import FinanceFigures, FinanceLine, finance_figures
from logframe.domain.findings import (
    Finding,
    Severity,
    Words,
    _,
    check_reported_percent,
    check_reported_total,
)
from logframe.domain.formatting import format_amount
from logframe.domain.records import FinanceRecord, PeriodRecord, ProjectRecord

FINANCE = "finance"  # where: the period's totals
HEADER = "header"  # where: the project's stated budget


def finance_lines(*, project: ProjectRecord, period: PeriodRecord) -> list[FinanceLine]:
    """One line per agency with an approved budget or a financial status, budgets first.

    An agency without a budget has an approved amount of 0 (so no % of approved).
    """
    budgets = {
        p.organisation: p.approved_budget
        for p in project.participations
        if p.approved_budget is not None
    }
    records = {record.organisation: record for record in period.finance}
    return [
        FinanceLine(
            agency=agency,
            approved=budgets.get(agency, Decimal(0)),
            committed=records[agency].committed if agency in records else None,
            disbursed=records[agency].disbursed if agency in records else None,
        )
        for agency in dict.fromkeys([*budgets, *records])
    ]


def finance_pct_mismatch(
    *,
    where: str,
    figures: FinanceFigures,
    reported_committed: Decimal | None,
    reported_disbursed: Decimal | None,
    sources: Sources,
) -> tuple[Finding, ...]:
    """Committed (and disbursed) % of approved as reported must agree with the computed one.

    ERROR when not, and the message says when the reported figure is the computed one cut
    short: "Committed: reported 41 % of approved, computed 41.9 % (5,848,841.07 of
    13,947,279.00): truncated, not rounded." WARNING when a % is reported but there is no
    approved budget or no amount to compute it from.
    """
    found = (
        _pct(
            where=where,
            label=_("Committed"),
            amount=figures.committed,
            approved=figures.approved,
            computed=figures.committed_pct,
            reported=reported_committed,
            source=sources.location(where, "committed_pct"),
        ),
        _pct(
            where=where,
            label=_("Disbursed"),
            amount=figures.disbursed,
            approved=figures.approved,
            computed=figures.disbursed_pct,
            reported=reported_disbursed,
            source=sources.location(where, "disbursed_pct"),
        ),
    )
    return tuple(f for f in found if f is not None)


def _pct(
    *,
    where: str,
    label: Words,
    amount: Decimal | None,
    approved: Decimal,
    computed: Decimal | None,
    reported: Decimal | None,
    source: str,
) -> Finding | None:
    basis = (
        ""
        if amount is None
        else _(
            "%(amount)s of %(approved)s",
            amount=format_amount(amount),
            approved=format_amount(approved),
        )
    )
    if approved <= 0:
        why = _("there is no approved budget")
    elif label.template == "Committed":
        why = _("no amount committed")
    else:
        why = _("no amount disbursed")
    return check_reported_percent(
        rule=rules.FINANCE_PCT_MISMATCH,
        where=where,
        computed=computed,
        reported=reported,
        label=label,
        of=_("of approved"),
        basis=basis,
        why_none=why,
        source=source,
    )


def disbursed_above_committed(
    *, where: str, committed: Decimal | None, disbursed: Decimal | None, source: str = ""
) -> Finding | None:
    """Funds cannot be disbursed before they are committed: disbursed > committed is an ERROR.

    No finding when either amount is missing.
    """
    if committed is None or disbursed is None or disbursed <= committed:
        return None
    words = _(
        "Disbursed %(disbursed)s is more than committed %(committed)s:"
        " funds are committed before they are disbursed.",
        disbursed=format_amount(disbursed),
        committed=format_amount(committed),
    )
    return Finding.said(
        words,
        rule=rules.DISBURSED_ABOVE_COMMITTED,
        severity=Severity.ERROR,
        where=where,
        computed=committed,
        reported=disbursed,
        source=source,
    )


def check_finance(
    *, project: ProjectRecord, period: PeriodRecord, sources: Sources
) -> tuple[Finding, ...]:
    """Every finance rule: per agency in the report's order, then the totals ("finance")."""
    per_agency, total = finance_figures(lines=finance_lines(project=project, period=period))
    records: Mapping[str, FinanceRecord] = {r.organisation: r for r in period.finance}
    found: list[Finding | None] = []
    for figures in per_agency:
        record = records.get(figures.agency, FinanceRecord(organisation=figures.agency))
        found.extend(
            finance_pct_mismatch(
                where=figures.agency,
                figures=figures,
                reported_committed=record.reported_committed_pct,
                reported_disbursed=record.reported_disbursed_pct,
                sources=sources,
            )
        )
        found.append(
            disbursed_above_committed(
                where=figures.agency,
                committed=record.committed,
                disbursed=record.disbursed,
                source=sources.location(figures.agency, "disbursed"),
            )
        )
    found.extend(_totals(project=project, period=period, per_agency=per_agency, sources=sources))
    found.extend(
        finance_pct_mismatch(
            where=FINANCE,
            figures=total,
            reported_committed=period.reported_committed_pct,
            reported_disbursed=period.reported_disbursed_pct,
            sources=sources,
        )
    )
    return tuple(f for f in found if f is not None)


def _totals(
    *,
    project: ProjectRecord,
    period: PeriodRecord,
    per_agency: tuple[FinanceFigures, ...],
    sources: Sources,
) -> tuple[Finding | None, ...]:
    committed = [f.committed for f in per_agency if f.committed is not None]
    disbursed = [f.disbursed for f in per_agency if f.disbursed is not None]
    budgets = [p.approved_budget for p in project.participations if p.approved_budget is not None]
    return (
        check_reported_total(
            rule=rules.TOTAL_MISMATCH,
            where=HEADER,
            label=_("Total budget"),
            parts=budgets,
            reported=project.reported_total_budget,
            parts_name=_("agencies' budgets"),
            source=sources.location(HEADER, "budget"),
        ),
        check_reported_total(
            rule=rules.TOTAL_MISMATCH,
            where=FINANCE,
            label=_("Funds committed (total)"),
            parts=committed,
            reported=period.reported_committed_total,
            parts_name=_("agencies"),
            source=sources.location(FINANCE, "committed"),
        ),
        check_reported_total(
            rule=rules.TOTAL_MISMATCH,
            where=FINANCE,
            label=_("Funds disbursed (total)"),
            parts=disbursed,
            reported=period.reported_disbursed_total,
            parts_name=_("agencies"),
            source=sources.location(FINANCE, "disbursed"),
        ),
        disbursed_above_committed(
            where=FINANCE,
            committed=period.reported_committed_total,
            disbursed=period.reported_disbursed_total,
            source=sources.location(FINANCE, "disbursed"),
        ),
    )
