"""Figures and rows in words, as the entry page and its messages say them."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.formatting import format_amount, format_count, format_percent
from logframe.domain.measures import Measure, Status
from logframe.domain.percentages import ratio_percent
from logframe.portfolio import models as m


def indicator_target(indicator: m.Indicator) -> str:
    if indicator.target_text:
        return indicator.target_text
    if indicator.target_kind == "number" and indicator.target_value is not None:
        unit = " %" if indicator.measure == Measure.PERCENTAGE else ""
        return format_count(indicator.target_value) + unit
    if indicator.target_kind == "milestone":
        return indicator.target_milestone
    if indicator.target_kind == "tbd":
        return f"tbd {indicator.target_note}".strip()
    return "—"


def describe_value(row: m.IndicatorValue | None, *, empty: str = "no value") -> str:
    """An actual in words: "12 (5 male, 7 female)", "Initiated, 8 % complete"."""
    if row is None:
        return empty
    parts: list[str] = []
    if row.status:
        parts.append(Status(row.status).value.replace("_", " ").capitalize())
    if row.estimated_pct is not None:
        parts.append(f"{format_count(row.estimated_pct)} % complete")
    text = ", ".join(parts)
    if row.value is not None:
        split = [
            f"{format_count(n)} {label}"
            for n, label in ((row.male, "male"), (row.female, "female"))
            if n is not None
        ]
        number = format_count(row.value) + (f" ({', '.join(split)})" if split else "")
        text = f"{number}, {text}" if text else number
    elif row.male is not None or row.female is not None:
        text = f"{format_count(row.male)} male, {format_count(row.female)} female"
    return text or (row.actual_text or empty)


def describe_finance(row: m.FinancialStatus | None) -> str:
    if row is None:
        return "nothing"
    money = {"committed": row.committed, "disbursed": row.disbursed}
    said = [f"{k} {format_amount(v)}" for k, v in money.items() if v is not None]
    if row.forecast_final_date:
        said.append(f"forecast final date {row.forecast_final_date:%Y-%m-%d}")
    return ", ".join(said) or "an empty line"


def describe_beneficiary(row: m.BeneficiaryFigure | None) -> str:
    if row is None:
        return "nothing"
    return f"target {count_or_dash(row.target)}, actual {count_or_dash(row.actual)}"


def count_or_dash(value: Decimal | None) -> str:
    return "—" if value is None else format_count(value)


def amount_or_dash(value: Decimal | None) -> str:
    return "—" if value is None else format_amount(value)


def pct_of(amount: Decimal | None, participation: m.Participation) -> str:
    if amount is None or participation.approved_budget is None:
        return "—"
    pct = ratio_percent(part=amount, whole=participation.approved_budget)
    return "—" if pct is None else format_percent(pct, 1)
