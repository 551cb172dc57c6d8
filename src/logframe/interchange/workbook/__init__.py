"""Excel data-entry templates: written from records, read back cell by cell (docs/workbooks.md)."""

from logframe.interchange.workbook.model import (
    ActivityLine,
    BeneficiaryLine,
    FilledTemplate,
    FinanceLine,
    IndicatorLine,
    LineVersions,
    TemplateIdentity,
    WorkbookError,
)
from logframe.interchange.workbook.read import read_template
from logframe.interchange.workbook.safety import Limits
from logframe.interchange.workbook.write import write_template

__all__ = [
    "ActivityLine",
    "BeneficiaryLine",
    "FilledTemplate",
    "FinanceLine",
    "IndicatorLine",
    "Limits",
    "LineVersions",
    "TemplateIdentity",
    "WorkbookError",
    "read_template",
    "write_template",
]
