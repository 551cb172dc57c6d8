"""An import never changes a submitted or approved quarter.

People's changes pass ``accounts.access.require_editable``; imports (a project file, a
legacy report, the demo) write whole projects through ``project_import``, which holds the
project's locked quarters as records before it writes and compares them after: a quarter
whose figures, texts, state or translations the import would change makes the whole import
refused, nothing saved. Re-importing what the database already holds changes nothing and
passes. Rows deleted along with others (an indicator pruned, its values with it) are caught
the same way, since the comparison is of the quarter as read back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState, ProjectRecord, TranslationRecord
from logframe.portfolio import models as m
from logframe.portfolio.selectors import project_record

EDITABLE = (PeriodState.OPEN.value, PeriodState.RETURNED.value)


class QuarterLocked(PermissionDenied):
    """An import would change a submitted or approved quarter: refused, nothing saved."""


@contextmanager
def locked_quarters_kept(*, fund: str, number: str) -> Iterator[None]:
    """Around an import's writes (inside its transaction): raise QuarterLocked when a
    locked quarter of project ``number`` of ``fund`` came out changed."""
    project = m.Project.objects.filter(fund__code=fund, number=number).first()
    locked = _locked_periods(project)
    if project is None or not locked:
        yield
        return
    before = _contents(project_record(project=project), locked)
    yield
    after = _contents(project_record(project=project), locked)
    for quarter, state in sorted(locked.items()):
        if before[quarter] != after[quarter]:
            raise QuarterLocked(
                f"{number} {quarter.code} is {state}: an import cannot change it unless a "
                "fund administrator reopens it; nothing was saved"
            )


def _locked_periods(project: m.Project | None) -> dict[Quarter, str]:
    if project is None:
        return {}
    rows = (
        m.ReportingPeriod.objects.select_for_update()
        .filter(project=project)
        .exclude(state__in=EDITABLE)
        .values_list("year", "quarter", "state")
    )
    return {Quarter(year, quarter): state for year, quarter, state in rows}


def _contents(record: ProjectRecord, locked: dict[Quarter, str]) -> dict[Quarter, Any]:
    periods = {p.quarter: p for p in record.periods}
    return {
        q: (periods.get(q), sorted((t for t in record.translations if t.quarter == q), key=_key))
        for q in locked
    }


def _key(translation: TranslationRecord) -> tuple[str, str, str, str, str]:
    return translation.key()
