"""``check_period``: every data-quality rule over one reporting period, in report order."""

from __future__ import annotations

from collections.abc import Callable

from logframe.domain.checks import rules
from logframe.domain.checks.beneficiaries import BENEFICIARIES, check_beneficiaries
from logframe.domain.checks.cells import check_cells
from logframe.domain.checks.dates import DATES, HEADER, check_dates
from logframe.domain.checks.finance import FINANCE, check_finance
from logframe.domain.checks.footnotes import FOOTNOTES, check_footnotes
from logframe.domain.checks.narrative import NARRATIVE, check_narrative
from logframe.domain.checks.provenance import Sources
from logframe.domain.checks.register import Register, check_register
from logframe.domain.checks.results import check_results
from logframe.domain.findings import Finding
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodRecord, ProjectRecord

_NARRATIVE_RULES = frozenset(
    (rules.NARRATIVE_PARTICIPANTS, rules.NARRATIVE_DATES, rules.NARRATIVE_REPEATED)
)
# The report's sections, in its order.
_HEAD, _FINANCE, _BENEFICIARIES, _RESULTS, _NARRATIVE, _FOOTNOTES, _ELSEWHERE = range(7)


def check_period(
    *, project: ProjectRecord, quarter: Quarter, register: Register | None = None
) -> tuple[Finding, ...]:
    """Every finding about ``project``'s period ``quarter``, whatever the period's source.

    Pure and deterministic: the findings come in the report's section order — header and
    dates, finance (agencies, then the totals), beneficiaries, outputs and indicators (in
    result-tree order), narrative, footnotes — and, within one place, by rule id.
    Raises MissingPeriod (a ValueError) when the project has no period for ``quarter``.
    ``register``: the project's activity register, checked too when given.
    """
    period = project.require_period(quarter)
    sources = Sources.of_period(period)
    found = (
        *check_dates(project=project, period=period, sources=sources),
        *check_finance(project=project, period=period, sources=sources),
        *check_beneficiaries(period=period, sources=sources),
        *check_results(project=project, period=period, sources=sources),
        *check_narrative(project=project, period=period, sources=sources),
        *check_footnotes(project),
        *check_cells(period),
        *check_register(period=period, register=register or Register()),
    )
    return tuple(sorted(found, key=report_order(project=project, period=period)))


def report_order(
    *, project: ProjectRecord, period: PeriodRecord
) -> Callable[[Finding], tuple[int, int, str, str, str]]:
    """The sort key of a finding: section, place within the section, rule, where, message."""
    places: dict[str, tuple[int, int]] = {HEADER: (_HEAD, 0), DATES: (_HEAD, 1)}
    agencies = [p.organisation for p in project.participations]
    agencies += [record.organisation for record in period.finance]
    for agency in dict.fromkeys(agencies):
        places.setdefault(agency, (_FINANCE, len(places)))
    places[FINANCE] = (_FINANCE, len(places))
    places[BENEFICIARIES] = (_BENEFICIARIES, 0)
    for result in project.walk_results():
        places.setdefault(result.code, (_RESULTS, len(places)))
        for indicator in result.indicators:
            places.setdefault(indicator.code, (_RESULTS, len(places)))
    places[NARRATIVE] = (_NARRATIVE, -1)
    places[FOOTNOTES] = (_FOOTNOTES, 0)

    def key(finding: Finding) -> tuple[int, int, str, str, str]:
        section, place = places.get(finding.where, (_ELSEWHERE, 0))
        if finding.rule in _NARRATIVE_RULES:
            section = _NARRATIVE
        return (section, place, finding.rule, finding.where, finding.message)

    return key
