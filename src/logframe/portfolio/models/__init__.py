"""Models of the portfolio: data and invariants only; workflows live in services."""

from logframe.portfolio.models.organisations import Fund, Organisation
from logframe.portfolio.models.periods import (
    BeneficiaryFigure,
    Evidence,
    FinancialStatus,
    IndicatorValue,
    IndicatorValuePart,
    PeriodSnapshot,
    Reminder,
    ReportingPeriod,
    ResultProgress,
    SourceCell,
)
from logframe.portfolio.models.projects import (
    Budget,
    Footnote,
    Participation,
    ProcurementItem,
    Project,
    Transaction,
)
from logframe.portfolio.models.results import Activity, FootnoteMark, Indicator, Result

__all__ = [
    "Activity",
    "BeneficiaryFigure",
    "Budget",
    "Evidence",
    "FinancialStatus",
    "Footnote",
    "FootnoteMark",
    "Fund",
    "Indicator",
    "IndicatorValue",
    "IndicatorValuePart",
    "Organisation",
    "Participation",
    "PeriodSnapshot",
    "ProcurementItem",
    "Project",
    "Reminder",
    "ReportingPeriod",
    "Result",
    "ResultProgress",
    "SourceCell",
    "Transaction",
]

# the materialised findings counts of the fund report, kept beside their triggers
from logframe.portfolio.fund_counts import FindingCount  # noqa: F401
