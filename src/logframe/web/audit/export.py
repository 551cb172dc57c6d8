"""The project log as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from django.utils.translation import gettext, pgettext_lazy

from logframe.portfolio.audit import LogEntry

# The header row, in the request's language ("when", "user", … in English).
CSV_COLUMNS = (
    pgettext_lazy("log column", "when"),
    pgettext_lazy("log column", "user"),
    pgettext_lazy("log column", "object"),
    pgettext_lazy("log column", "field"),
    pgettext_lazy("log column", "old"),
    pgettext_lazy("log column", "new"),
    pgettext_lazy("log column", "reason"),
    pgettext_lazy("log column", "kind"),
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe.

    Cells starting with = + - @ (or a tab or carriage return) are formulas to Excel,
    LibreOffice and Google Sheets (OWASP "CSV injection"); a plain number such as -2.5
    is left as it is.
    """
    if text.startswith(FORMULA_STARTS) and not _NUMBER.match(text):
        return "'" + text
    return text


def log_csv(entries: Iterable[LogEntry]) -> str:
    """One row per entry, under the header ``CSV_COLUMNS``; ``kind`` is created, changed or
    deleted; ``when`` is ISO 8601 with its UTC offset. Words in the active language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(column) for column in CSV_COLUMNS])
    for e in entries:
        cells = (e.when.isoformat(timespec="seconds"), e.who, e.what, e.field, e.old, e.new,
                 e.reason, gettext(e.kind))  # fmt: skip
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()
