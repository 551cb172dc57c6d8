"""Our enums and IATI's codes, both ways: one table per codelist, used by export and import."""

from __future__ import annotations

from logframe.domain.measures import Measure
from logframe.domain.records import (
    BudgetStatus,
    BudgetType,
    ProjectStatus,
    ResultLevel,
    TransactionType,
)

ACTIVITY_STATUS = {
    ProjectStatus.PIPELINE: "1",
    ProjectStatus.ONGOING: "2",
    ProjectStatus.COMPLETED: "3",
    ProjectStatus.CLOSED: "4",
}
# 5 cancelled, 6 suspended: the nearest of our statuses
STATUS_OF_CODE = {code: status for status, code in ACTIVITY_STATUS.items()} | {
    "5": ProjectStatus.CLOSED,
    "6": ProjectStatus.ONGOING,
}

MEASURE = {
    Measure.COUNT: "1",
    Measure.PERCENTAGE: "2",
    Measure.MILESTONE: "5",
    Measure.QUALITATIVE: "5",
}
MEASURE_OF_CODE = {
    "1": Measure.COUNT,
    "2": Measure.PERCENTAGE,
    "3": Measure.QUALITATIVE,  # nominal
    "4": Measure.QUALITATIVE,  # ordinal
    "5": Measure.MILESTONE,
}
QUALITATIVE_CODES = frozenset({"5"})

RESULT_TYPE = {ResultLevel.JP_OUTPUT: "2", ResultLevel.OUTPUT: "1"}  # outcome, output
LEVEL_OF_RESULT_TYPE = {"1": ResultLevel.OUTPUT, "2": ResultLevel.JP_OUTPUT}  # 3, 9 → JP output

BUDGET_TYPE = {BudgetType.ORIGINAL: "1", BudgetType.REVISED: "2"}
BUDGET_TYPE_OF_CODE = {code: kind for kind, code in BUDGET_TYPE.items()}
BUDGET_STATUS = {BudgetStatus.INDICATIVE: "1", BudgetStatus.COMMITTED: "2"}
BUDGET_STATUS_OF_CODE = {code: kind for kind, code in BUDGET_STATUS.items()}

TRANSACTION_TYPE = {kind: str(n) for n, kind in enumerate(TransactionType, start=1)}
TRANSACTION_TYPE_OF_CODE = {code: kind for kind, code in TRANSACTION_TYPE.items()}

# OrganisationRole
FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING = "1", "2", "3", "4"
# ActivityDateType
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
# DescriptionType
GENERAL, OBJECTIVES, OTHER = "1", "2", "4"
# SectorVocabulary: OECD DAC 5-digit, and the reporting organisation's own
DAC_5, REPORTING_ORG_VOCABULARY = "1", "99"
# OtherIdentifierType: the reporting organisation's internal activity identifier
INTERNAL_ID = "A1"
# DocumentCategory: review of project performance
PROGRESS_REPORT = "A07"
