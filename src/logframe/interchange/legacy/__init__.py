"""The legacy report importer: a quarterly progress report (.txt or .docx) → records.

``read_legacy_report(path)`` reads one report in the fund secretariat's template into a
``ProjectRecord`` with exactly one ``PeriodRecord``; every cell it read is kept in the
period's ``sources`` with its location, understood or not. Anything that is not such a report
raises ``LegacyReportError`` (a ``ValueError``) whose message is one line naming the file.
What is read, the tolerance rules and the vocabulary: ``docs/legacy-import.md``.
"""

from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.reading import MAX_REPORT_BYTES, read_legacy_report

__all__ = ["MAX_REPORT_BYTES", "LegacyReportError", "read_legacy_report"]
