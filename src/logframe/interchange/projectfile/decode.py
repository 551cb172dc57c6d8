"""Build the records from a project document the schema and the consistency checks accepted.

Omitted fields take the records' defaults; rich text is sanitised here, on the way in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions, RollupRule
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    BudgetRecord,
    BudgetStatus,
    BudgetType,
    Disaggregation,
    FinanceRecord,
    FootnoteMark,
    FootnoteRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    PeriodRecord,
    PeriodState,
    ProjectRecord,
    ProjectStatus,
    PublishedBaseline,
    PublishedPeriod,
    PublishedValue,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    Role,
    SourceCell,
    TransactionRecord,
    TransactionType,
)
from logframe.interchange.projectfile.translations import translation_records
from logframe.richtext import sanitise_html

Node = Mapping[str, Any]


def project_record(node: Node) -> ProjectRecord:
    """The ProjectRecord a valid ``project`` object describes."""
    return ProjectRecord(
        fund=_fund(node["fund"]),
        number=node["number"],
        title=node["title"],
        organisations=tuple(_organisation(n) for n in node.get("organisations", ())),
        participations=tuple(_participation(n) for n in node.get("participations", ())),
        description=sanitise_html(node.get("description", "")),
        sector=node.get("sector", ""),
        sector_code=node.get("sector_code", ""),
        thematic_group=node.get("thematic_group", ""),
        line_ministry=node.get("line_ministry", ""),
        location=node.get("location", ""),
        approval_date=_date(node.get("approval_date")),
        start_date=_date(node.get("start_date")),
        planned_end_date=_date(node.get("planned_end_date")),
        revised_end_date=_date(node.get("revised_end_date")),
        status=ProjectStatus(node.get("status", ProjectStatus.ONGOING)),
        development_goal=sanitise_html(node.get("development_goal", "")),
        undaf_outcome=sanitise_html(node.get("undaf_outcome", "")),
        immediate_objective=sanitise_html(node.get("immediate_objective", "")),
        procurement_plan=tuple(node.get("procurement_plan", ())),
        results=tuple(_result(n) for n in node.get("results", ())),
        footnotes=tuple(
            FootnoteRecord(number=n["number"], text=n["text"]) for n in node.get("footnotes", ())
        ),
        reported_total_budget=_decimal(node.get("reported_total_budget")),
        reported_duration_months=node.get("reported_duration_months"),
        periods=tuple(_period(n) for n in node.get("periods", ())),
        iati_identifier=node.get("iati_identifier", ""),
        recipient_country=node.get("recipient_country", ""),
        budgets=tuple(_budget(n) for n in node.get("budgets", ())),
        transactions=tuple(_transaction(n) for n in node.get("transactions", ())),
        language=node.get("language", "en"),
        translations=translation_records(node.get("translations", ())),
    )


def _budget(node: Node) -> BudgetRecord:
    return BudgetRecord(
        period_start=date.fromisoformat(node["period_start"]),
        period_end=date.fromisoformat(node["period_end"]),
        value=Decimal(node["value"]),
        type=BudgetType(node.get("type", BudgetType.ORIGINAL)),
        status=BudgetStatus(node.get("status", BudgetStatus.INDICATIVE)),
        currency=node.get("currency", ""),
        value_date=_date(node.get("value_date")),
    )


def _transaction(node: Node) -> TransactionRecord:
    return TransactionRecord(
        type=TransactionType(node["type"]),
        transaction_date=date.fromisoformat(node["transaction_date"]),
        value=Decimal(node["value"]),
        currency=node.get("currency", ""),
        value_date=_date(node.get("value_date")),
        description=node.get("description", ""),
        provider_ref=node.get("provider_ref", ""),
        provider_name=node.get("provider_name", ""),
        receiver_ref=node.get("receiver_ref", ""),
        receiver_name=node.get("receiver_name", ""),
    )


def _fund(node: Node) -> FundRecord:
    return FundRecord(
        code=node["code"],
        name=node["name"],
        currency=node.get("currency", "USD"),
        administrative_agent=node.get("administrative_agent", ""),
        conventions=_conventions(node.get("conventions", {})),
    )


def _conventions(node: Node) -> Conventions:
    defaults = Conventions()
    status_pct = defaults.status_pct
    if "status_pct" in node:
        given = node["status_pct"]
        status_pct = {status: _decimal(given.get(status.value)) for status in Status}
    return Conventions(
        indicator_decimals=node.get("indicator_decimals", defaults.indicator_decimals),
        finance_decimals=node.get("finance_decimals", defaults.finance_decimals),
        beneficiary_decimals=node.get("beneficiary_decimals", defaults.beneficiary_decimals),
        cap_at_100=node.get("cap_at_100", defaults.cap_at_100),
        rollup=RollupRule(node.get("rollup", defaults.rollup)),
        score_percentage_indicators=node.get(
            "score_percentage_indicators", defaults.score_percentage_indicators
        ),
        status_pct=status_pct,
    )


def _organisation(node: Node) -> OrganisationRecord:
    return OrganisationRecord(
        code=node["code"],
        name=node["name"],
        kind=OrganisationKind(node.get("kind", OrganisationKind.UN_AGENCY)),
        iati_ref=node.get("iati_ref", ""),
    )


def _participation(node: Node) -> ParticipationRecord:
    return ParticipationRecord(
        organisation=node["organisation"],
        role=Role(node["role"]),
        approved_budget=_decimal(node.get("approved_budget")),
    )


def _result(node: Node) -> ResultRecord:
    return ResultRecord(
        code=node["code"],
        text=node["text"],
        level=ResultLevel(node["level"]),
        lead=node.get("lead", ""),
        partners=tuple(node.get("partners", ())),
        activities=tuple(_activity(n) for n in node.get("activities", ())),
        indicators=tuple(_indicator(n) for n in node.get("indicators", ())),
        children=tuple(_result(n) for n in node.get("children", ())),
    )


def _activity(node: Node) -> ActivityRecord:
    return ActivityRecord(code=node["code"], text=node["text"], footnotes=_marks(node))


def _indicator(node: Node) -> IndicatorRecord:
    target = node["target"]
    return IndicatorRecord(
        code=node["code"],
        text=node["text"],
        measure=Measure(node["measure"]),
        target=Target(
            kind=TargetKind(target["kind"]),
            value=_decimal(target.get("value")),
            milestone=target.get("milestone", ""),
            note=target.get("note", ""),
        ),
        target_text=node.get("target_text", ""),
        unit=node.get("unit", ""),
        disaggregation=Disaggregation(node.get("disaggregation", Disaggregation.NONE)),
        baseline=_decimal(node.get("baseline")),
        baseline_text=node.get("baseline_text", ""),
        cumulative=node.get("cumulative", True),
        footnotes=_marks(node),
        published_baselines=tuple(
            PublishedBaseline(
                year=n["year"],
                iso_date=_date(n.get("iso_date")),
                value=n.get("value", ""),
                dimensions=_dimensions(n),
                comment=n.get("comment", ""),
            )
            for n in node.get("published_baselines", ())
        ),
        published_periods=tuple(
            PublishedPeriod(
                start=date.fromisoformat(n["start"]),
                end=date.fromisoformat(n["end"]),
                targets=tuple(_published(v) for v in n.get("targets", ())),
                actuals=tuple(_published(v) for v in n.get("actuals", ())),
            )
            for n in node.get("published_periods", ())
        ),
    )


def _published(node: Node) -> PublishedValue:
    return PublishedValue(
        value=node.get("value", ""), dimensions=_dimensions(node), comment=node.get("comment", "")
    )


def _dimensions(node: Node) -> tuple[tuple[str, str], ...]:
    return tuple((name, value) for name, value in node.get("dimensions", ()))


def _marks(node: Node) -> tuple[FootnoteMark, ...]:
    return tuple(
        FootnoteMark(number=mark["number"], place=MarkPlace(mark.get("place", MarkPlace.TEXT)))
        for mark in node.get("footnotes", ())
    )


def _period(node: Node) -> PeriodRecord:
    return PeriodRecord(
        quarter=Quarter.parse(node["quarter"]),
        state=PeriodState(node.get("state", PeriodState.OPEN)),
        summary=sanitise_html(node.get("summary", "")),
        constraints=sanitise_html(node.get("constraints", "")),
        procurement=sanitise_html(node.get("procurement", "")),
        values=tuple(_value(n) for n in node.get("values", ())),
        finance=tuple(_finance(n) for n in node.get("finance", ())),
        beneficiaries=tuple(_beneficiary(n) for n in node.get("beneficiaries", ())),
        progress=tuple(_progress(n) for n in node.get("progress", ())),
        reported_committed_total=_decimal(node.get("reported_committed_total")),
        reported_disbursed_total=_decimal(node.get("reported_disbursed_total")),
        reported_committed_pct=_decimal(node.get("reported_committed_pct")),
        reported_disbursed_pct=_decimal(node.get("reported_disbursed_pct")),
        sources=tuple(_source(n) for n in node.get("sources", ())),
    )


def _source(node: Node) -> SourceCell:
    return SourceCell(
        where=node["where"],
        field=node["field"],
        text=node["text"],
        location=node["location"],
        understood=node.get("understood", True),
    )


def _value(node: Node) -> IndicatorValueRecord:
    return IndicatorValueRecord(
        indicator=node["indicator"],
        actual=_actual(node["actual"]),
        actual_text=node.get("actual_text", ""),
        comment=node.get("comment", ""),
        reported_pct=_decimal(node.get("reported_pct")),
        reported_pct_text=node.get("reported_pct_text", ""),
        source=node.get("source", ""),
    )


def _actual(node: Node) -> Actual:
    status = node.get("status")
    return Actual(
        value=_decimal(node.get("value")),
        male=_decimal(node.get("male")),
        female=_decimal(node.get("female")),
        status=None if status is None else Status(status),
        estimated_pct=_decimal(node.get("estimated_pct")),
        parts=tuple(
            Part(label=n["label"], value=Decimal(n["value"])) for n in node.get("parts", ())
        ),
    )


def _finance(node: Node) -> FinanceRecord:
    return FinanceRecord(
        organisation=node["organisation"],
        committed=_decimal(node.get("committed")),
        disbursed=_decimal(node.get("disbursed")),
        forecast_final_date=_date(node.get("forecast_final_date")),
        reported_committed_pct=_decimal(node.get("reported_committed_pct")),
        reported_disbursed_pct=_decimal(node.get("reported_disbursed_pct")),
        reported_delay_months=node.get("reported_delay_months"),
    )


def _beneficiary(node: Node) -> BeneficiaryRecord:
    return BeneficiaryRecord(
        group=BeneficiaryGroup(node["group"]),
        target=_decimal(node.get("target")),
        actual=_decimal(node.get("actual")),
        applicable=node.get("applicable", True),
        note=node.get("note", ""),
        reported_pct=_decimal(node.get("reported_pct")),
    )


def _progress(node: Node) -> ResultProgressRecord:
    return ResultProgressRecord(
        result=node["result"],
        narrative=sanitise_html(node.get("narrative", "")),
        reported_pct=_decimal(node.get("reported_pct")),
    )


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
