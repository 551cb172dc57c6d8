"""The audit trail, read-only: the project log, one value's history, snapshots and their diff.

Every audited model keeps its history (django-simple-history); these selectors read it
back in a fixed number of queries. Nothing here writes. See docs/audit.md.
"""

from logframe.portfolio.audit.log import (
    CHANGE_WORDS,
    DEFAULT_LIMIT,
    LogEntry,
    log_actors,
    project_log,
    value_history,
)
from logframe.portfolio.audit.names import COMMAND_LINE
from logframe.portfolio.audit.snapshot_diff import Change, snapshot_diff
from logframe.portfolio.audit.snapshots import (
    indicator_by_code,
    period_snapshots,
    snapshots_by_number,
)
from logframe.portfolio.audit.tables import LOG_KINDS

__all__ = [
    "CHANGE_WORDS",
    "COMMAND_LINE",
    "DEFAULT_LIMIT",
    "LOG_KINDS",
    "Change",
    "LogEntry",
    "indicator_by_code",
    "log_actors",
    "period_snapshots",
    "project_log",
    "snapshot_diff",
    "snapshots_by_number",
    "value_history",
]
