"""Models of the portfolio: data and invariants only; workflows live in services."""

from logframe.portfolio.models.organisations import Fund, Organisation
from logframe.portfolio.models.periods import (
    BeneficiaryFigure,
    FinancialStatus,
    IndicatorValue,
    IndicatorValuePart,
    ReportingPeriod,
    ResultProgress,
    SourceCell,
)
from logframe.portfolio.models.projects import Footnote, Participation, ProcurementItem, Project
from logframe.portfolio.models.results import Activity, FootnoteMark, Indicator, Result

__all__ = [
    "Activity",
    "BeneficiaryFigure",
    "FinancialStatus",
    "Footnote",
    "FootnoteMark",
    "Fund",
    "Indicator",
    "IndicatorValue",
    "IndicatorValuePart",
    "Organisation",
    "Participation",
    "ProcurementItem",
    "Project",
    "ReportingPeriod",
    "Result",
    "ResultProgress",
    "SourceCell",
]
