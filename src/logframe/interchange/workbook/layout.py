"""Where everything stands in a data-entry template: sheets, columns, rows, words.

The writer and the reader both take their places from here, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from logframe.domain.measures import Status

TEMPLATE_VERSION = "2"  # 2: the Activities sheet
MAX_BYTES = 10 * 1024 * 1024  # a filled template is a few dozen kilobytes
MAX_UNCOMPRESSED = 20 * 1024 * 1024  # the sum of the members' sizes, from the zip directory
MAX_RATIO = 200  # uncompressed / compressed size of one member (a sheet is ~10)
MAX_MEMBERS = 200

INDICATORS, FINANCE, BENEFICIARIES = "Indicators", "Finance", "Beneficiaries"
ACTIVITIES = "Activities"  # new activities of the quarter's register (docs/activities.md)
HIDDEN = "logframe"
SHEETS = (INDICATORS, FINANCE, BENEFICIARIES, ACTIVITIES, HIDDEN)
ACTIVITY_LINES = 20  # blank lines for new activities

TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5


class Kind(StrEnum):
    """What an input cell holds, and so how it is validated and read."""

    DECIMAL = "decimal"  # a number ≥ 0
    WHOLE = "whole"  # a whole number ≥ 0 (people, counts)
    MONEY = "money"  # an amount ≥ 0, cents at most
    PERCENT = "percent"  # 0 to 100
    STATUS = "status"  # one of STATUS_WORDS
    DATE = "date"
    TEXT = "text"


@dataclass(frozen=True)
class Column:
    letter: str
    header: str
    width: int
    field: str = ""  # the input's name; blank for a protected column
    kind: Kind = Kind.TEXT

    @property
    def is_input(self) -> bool:
        return bool(self.field)


INDICATOR_COLUMNS = (
    Column("A", "Code", 9),
    Column("B", "Output", 8),
    Column("C", "Indicator", 60),
    Column("D", "Target", 16),
    Column("E", "Last quarter", 16),
    Column("F", "Value", 12, "value", Kind.DECIMAL),
    Column("G", "Male", 10, "male", Kind.WHOLE),
    Column("H", "Female", 10, "female", Kind.WHOLE),
    Column("I", "Status", 18, "status", Kind.STATUS),
    Column("J", "% complete", 11, "estimated_pct", Kind.PERCENT),
    Column("K", "Comment", 40, "comment", Kind.TEXT),
)
FINANCE_COLUMNS = (
    Column("A", "Agency", 10),
    Column("B", "Name", 40),
    Column("C", "Approved budget", 18),
    Column("D", "Committed (cumulative)", 22, "committed", Kind.MONEY),
    Column("E", "Disbursed (cumulative)", 22, "disbursed", Kind.MONEY),
    Column("F", "Forecast final date", 18, "forecast_final_date", Kind.DATE),
)
BENEFICIARY_COLUMNS = (
    Column("A", "Group", 22),
    Column("B", "Last quarter", 14),
    Column("C", "Target", 14, "target", Kind.WHOLE),
    Column("D", "Actual", 14, "actual", Kind.WHOLE),
)
ACTIVITY_COLUMNS = (
    Column("A", "Line", 8),
    Column("B", "Kind", 14, "type", Kind.TEXT),
    Column("C", "Title", 40, "title", Kind.TEXT),
    Column("D", "Start", 12, "start", Kind.DATE),
    Column("E", "End", 12, "end", Kind.DATE),
    Column("F", "Output", 9, "output", Kind.TEXT),
    Column("G", "Place", 16, "place", Kind.TEXT),
    Column("H", "Male", 9, "male", Kind.WHOLE),
    Column("I", "Female", 9, "female", Kind.WHOLE),
    Column("J", "Total", 9, "total", Kind.WHOLE),
    Column("K", "Notes", 30, "notes", Kind.TEXT),
)
COLUMNS = {
    INDICATORS: INDICATOR_COLUMNS,
    FINANCE: FINANCE_COLUMNS,
    BENEFICIARIES: BENEFICIARY_COLUMNS,
    ACTIVITIES: ACTIVITY_COLUMNS,
}

STATUS_WORDS: dict[Status, str] = {
    Status.NOT_YET_INITIATED: "Not yet initiated",
    Status.INITIATED: "Initiated",
    Status.PARTIALLY: "Partially",
    Status.COMPLETED: "Completed",
}

# The hidden sheet: identity in A/B rows 1-8, the lines from row LINES_ROW in A-F,
# the protected cells' digests, a row of a visible sheet each, from row LINES_ROW in H-I.
IDENTITY_KEYS = ("template", "version", "fund", "project", "period", "organisation", "written")
CHECKSUM_ROW = len(IDENTITY_KEYS) + 1
LINES_ROW = CHECKSUM_ROW + 3  # first line; its header one row above
LINE_HEADERS = ("line", "sheet", "row", "version", "as written", "kinds")
CELL_COLUMN = len(LINE_HEADERS) + 2  # the protected cells' table, after a blank column
CELL_HEADERS = ("row", "digests")  # one digest per protected cell of the row, in order
TEMPLATE_MARK = "logframe data-entry template"


def sheet_of_line(kind: str) -> str:
    return {
        "indicator": INDICATORS, "finance": FINANCE, "beneficiary": BENEFICIARIES,
        "activity": ACTIVITIES,
    }[kind]  # fmt: skip


def protected_letters(sheet: str, row: int) -> list[str]:
    """The protected columns of a row: all of them above the lines, the non-inputs in them."""
    columns = COLUMNS[sheet]
    return [c.letter for c in columns if row < FIRST_ROW or not c.is_input]
