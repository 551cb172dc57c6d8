"""Budgets and transactions of an activity.

The quarterly report gives each agency's CUMULATIVE commitments and disbursements at
each quarter's end; IATI wants flows. So each quarter's commitment (type 2) and
disbursement (type 3) is the difference from the agency's previous reported quarter (the
first quarter's figure is its own flow), dated at the quarter's end (or today, for the
quarter under way). Each agency's approved budget is an incoming commitment (type 11)
from the fund, dated at approval. Budgets and transactions the records already hold (an
imported file's) are written as they are.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from lxml import etree

from logframe.domain.periods import Quarter
from logframe.domain.records import (
    OrganisationRecord,
    ProjectRecord,
    TransactionRecord,
    TransactionType,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.text import number


def add_budgets(activity: etree._Element, record: ProjectRecord) -> None:
    for b in record.budgets:
        budget = etree.SubElement(
            activity,
            "budget",
            {"type": codes.BUDGET_TYPE[b.type], "status": codes.BUDGET_STATUS[b.status]},
        )
        etree.SubElement(budget, "period-start", {"iso-date": b.period_start.isoformat()})
        etree.SubElement(budget, "period-end", {"iso-date": b.period_end.isoformat()})
        _value(budget, b.value, b.currency, b.value_date or b.period_start)


def add_transactions(activity: etree._Element, record: ProjectRecord, *, today: date) -> None:
    for t in (*record.transactions, *derived_transactions(record, today=today)):
        transaction = etree.SubElement(activity, "transaction")
        etree.SubElement(transaction, "transaction-type", code=codes.TRANSACTION_TYPE[t.type])
        etree.SubElement(
            transaction, "transaction-date", {"iso-date": t.transaction_date.isoformat()}
        )
        _value(transaction, t.value, t.currency, t.value_date or t.transaction_date)
        if t.description:
            etree.SubElement(
                etree.SubElement(transaction, "description"), "narrative"
            ).text = t.description
        for tag, ref, name in (
            ("provider-org", t.provider_ref, t.provider_name),
            ("receiver-org", t.receiver_ref, t.receiver_name),
        ):
            if ref or name:
                org = etree.SubElement(transaction, tag, {"ref": ref} if ref else {})
                if name:
                    etree.SubElement(org, "narrative").text = name


def _value(parent: etree._Element, value: Decimal, currency: str, when: date) -> None:
    attributes = {"value-date": when.isoformat()}
    if currency:
        attributes["currency"] = currency
    etree.SubElement(parent, "value", attributes).text = number(value)


def derived_transactions(record: ProjectRecord, *, today: date) -> list[TransactionRecord]:
    """The approved budgets and the per-quarter flows of the reported cumulative figures."""
    orgs = {o.code: o for o in record.organisations}
    fund = orgs.get(record.fund.administrative_agent)
    found: list[TransactionRecord] = []
    approved_on = record.approval_date or record.start_date
    for p in record.participations:
        if p.approved_budget is not None and approved_on is not None:
            found.append(
                TransactionRecord(
                    type=TransactionType.INCOMING_COMMITMENT,
                    transaction_date=min(approved_on, today),
                    value=p.approved_budget,
                    description=f"Approved budget of {p.organisation}",
                    provider_ref=fund.iati_ref if fund else "",
                    provider_name=fund.name if fund else record.fund.name,
                    receiver_ref=orgs[p.organisation].iati_ref,
                    receiver_name=orgs[p.organisation].name,
                )
            )
    return found + _flows(record, orgs, today=today)


def _flows(
    record: ProjectRecord, orgs: dict[str, OrganisationRecord], *, today: date
) -> list[TransactionRecord]:
    cumulative: dict[tuple[str, TransactionType], list[tuple[Quarter, Decimal]]] = defaultdict(list)
    for period in sorted(record.periods, key=lambda p: p.quarter):
        for f in period.finance:
            for kind, figure in (
                (TransactionType.OUTGOING_COMMITMENT, f.committed),
                (TransactionType.DISBURSEMENT, f.disbursed),
            ):
                if figure is not None:
                    cumulative[(f.organisation, kind)].append((period.quarter, figure))
    flows: list[TransactionRecord] = []
    for (org, kind), figures in cumulative.items():
        before = Decimal(0)
        for quarter, total in figures:
            if total != before:
                flows.append(_flow(orgs[org], kind, quarter, total - before, total, today))
            before = total
    flows.sort(key=lambda t: (t.transaction_date, t.type.value))
    return flows


def _flow(
    org: OrganisationRecord,
    kind: TransactionType,
    quarter: Quarter,
    flow: Decimal,
    total: Decimal,
    today: date,
) -> TransactionRecord:
    words = "commitments" if kind is TransactionType.OUTGOING_COMMITMENT else "disbursements"
    return TransactionRecord(
        type=kind,
        transaction_date=min(quarter.end, today),
        value=flow,
        description=f"{org.code} {words} in {quarter.code} (cumulative {number(total)})",
        provider_ref=org.iati_ref,
        provider_name=org.name,
    )
