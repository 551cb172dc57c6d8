"""What the audit trail reads: each history table, how its rows belong to a project, their labels.

Every audited model keeps its history (django-simple-history). A history row names its
object by ids only; a row of a deleted object must still be found and labelled, so rows
are tied to a project through the *history* tables of their parents (a deleted output's
indicators are still the project's), never through the live tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q

from logframe.portfolio import models as m

# Fields never listed as a change: the edit counter and the primary key.
HIDDEN_FIELDS = frozenset({"id", "version"})
# Fields not listed when an object is created or deleted: its place in a list.
QUIET_ON_CREATE = frozenset({"position"})


def history(model: type[models.Model]) -> Any:
    """The historical model of ``model`` (simple-history builds it at run time)."""
    return model.history.model  # type: ignore[attr-defined]


def _of_project(project_id: int) -> Q:
    return Q(project_id=project_id)


def _results(project_id: int) -> Any:
    return history(m.Result).objects.filter(project_id=project_id).values("id")


def _periods(project_id: int) -> Any:
    return history(m.ReportingPeriod).objects.filter(project_id=project_id).values("id")


def _values_of(periods: Q) -> Any:
    return history(m.IndicatorValue).objects.filter(periods).values("id")


@dataclass(frozen=True)
class Audited:
    """One audited model: the filter key, how its rows belong to a project, and to a quarter."""

    kind: str  # the log's filter key, e.g. "value"
    title: str  # e.g. "Indicator values"
    model: type[models.Model]
    in_project: Callable[[int], Q]  # project id → filter on the history table
    in_period: Callable[[int], Q] | None  # period id → filter; None: not tied to a quarter
    identity: tuple[str, ...] = ()  # fields that name the object (shown in its label instead)

    @property
    def history_model(self) -> Any:
        return history(self.model)

    def fields(self) -> list[models.Field[Any, Any]]:
        """The model's own fields the log shows, in the model's order."""
        tracked = {f.name for f in self.history_model.tracked_fields}
        return [
            f
            for f in self.model._meta.concrete_fields
            if f.name in tracked and f.name not in HIDDEN_FIELDS and f.name not in self.identity
        ]


def _period_id(period_id: int) -> Q:
    return Q(period_id=period_id)


TABLES: tuple[Audited, ...] = (
    Audited("project", "Project", m.Project, lambda p: Q(id=p), None, ("fund",)),
    Audited(
        "participation", "Participating organisations", m.Participation, _of_project, None,
        ("project", "organisation"),
    ),
    Audited("result", "Outputs", m.Result, _of_project, None, ("project",)),
    Audited(
        "indicator", "Indicators", m.Indicator, lambda p: Q(result_id__in=_results(p)), None
    ),
    Audited(
        "activity", "Activities", m.Activity, lambda p: Q(result_id__in=_results(p)), None
    ),
    Audited("footnote", "Footnotes", m.Footnote, _of_project, None, ("project",)),
    Audited(
        "quarter", "Quarters", m.ReportingPeriod, _of_project, lambda q: Q(id=q),
        ("project", "year", "quarter"),
    ),
    Audited(
        "value", "Indicator values", m.IndicatorValue,
        lambda p: Q(period_id__in=_periods(p)), _period_id, ("period", "indicator"),
    ),
    Audited(
        "finance", "Finance", m.FinancialStatus,
        lambda p: Q(period_id__in=_periods(p)), _period_id, ("period", "participation"),
    ),
    Audited(
        "beneficiaries", "Beneficiaries", m.BeneficiaryFigure,
        lambda p: Q(period_id__in=_periods(p)), _period_id, ("period", "group"),
    ),
    Audited(
        "progress", "Output progress", m.ResultProgress,
        lambda p: Q(period_id__in=_periods(p)), _period_id, ("period", "result"),
    ),
    Audited(
        "evidence", "Evidence", m.Evidence,
        lambda p: Q(indicator_value_id__in=_values_of(Q(period_id__in=_periods(p)))),
        lambda q: Q(indicator_value_id__in=_values_of(Q(period_id=q))),
        ("indicator_value",),
    ),
)  # fmt: skip
BY_KIND = {table.kind: table for table in TABLES}
BY_MODEL: dict[type[models.Model], Audited] = {table.model: table for table in TABLES}
LOG_KINDS: tuple[tuple[str, str], ...] = tuple((t.kind, t.title) for t in TABLES)
