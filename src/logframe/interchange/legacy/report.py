"""One report's block stream → one ProjectRecord with exactly one PeriodRecord.

The steps: take the footnotes out of the body, cut the body into the template's sections,
read each section, then put the records together — organisations in the order the report
first names them (participating agencies, the line ministry, then agencies named only in the
project cost, the output rows or the finance rows), participations (the participating
agencies and any agency the project cost gives a budget), the result tree, the footnotes
(every footnote printed, and an empty one for a mark whose footnote the report lost), and the
period with every cell kept in ``sources``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from logframe.domain.records import (
    BeneficiaryRecord,
    FootnoteRecord,
    OrganisationRecord,
    ParticipationRecord,
    PeriodRecord,
    ProjectRecord,
    ResultRecord,
    Role,
    SourceCell,
)
from logframe.interchange.legacy.beneficiaries import read_beneficiaries
from logframe.interchange.legacy.blocks import Block
from logframe.interchange.legacy.errors import LegacyReportError
from logframe.interchange.legacy.finance import Finance, read_finance
from logframe.interchange.legacy.footnotes import Body, separate_footnotes
from logframe.interchange.legacy.framework import Framework, read_framework
from logframe.interchange.legacy.header import ProjectFacts, read_header
from logframe.interchange.legacy.narrative import Qualitative, read_constraints, read_qualitative
from logframe.interchange.legacy.objectives import Objectives, read_objectives
from logframe.interchange.legacy.organisations import fund_record
from logframe.interchange.legacy.quantitative import Quantitative, read_quantitative
from logframe.interchange.legacy.results import Progress, build_progress, build_results
from logframe.interchange.legacy.sections import Sections, split_sections
from logframe.interchange.legacy.sources import SourceLog


@dataclass(frozen=True)
class _Sections:
    """What each section of a report gave."""

    facts: ProjectFacts
    objectives: Objectives
    framework: Framework
    finance: Finance
    beneficiaries: list[BeneficiaryRecord]
    quantitative: Quantitative
    qualitative: Qualitative
    constraints: str


def parse_report(blocks: list[Block], *, name: str) -> ProjectRecord:
    """The project and its one period that ``blocks`` (a report named ``name``) describe."""
    body = separate_footnotes(blocks)
    last = blocks[-1].location if blocks else ""
    sections = split_sections(body.blocks, name=name, last=last)
    log = SourceLog()
    read = _read_sections(sections, body, log, name=name)
    results = build_results(read.framework, read.quantitative)
    progress = build_progress(results, read.quantitative, read.qualitative, log)
    footnotes = _footnotes(body, results, log)
    return _project(read, results, footnotes, _period(read, progress, log))


def _read_sections(sections: Sections, body: Body, log: SourceLog, *, name: str) -> _Sections:
    facts = ProjectFacts(name=name)
    read_header(sections.blocks("header") + sections.blocks("project"), facts, log)
    _require(facts, name=name)
    agencies = [named.organisation for named in facts.participants] + facts.budget_agencies
    broke = body.after_footnote
    return _Sections(
        facts=facts,
        objectives=read_objectives(sections.blocks("objectives"), log),
        framework=read_framework(sections.blocks("framework"), log),
        finance=read_finance(sections.blocks("finance"), log, agencies),
        beneficiaries=read_beneficiaries(sections.blocks("beneficiaries"), log),
        quantitative=read_quantitative(sections.blocks("quantitative"), log, agencies),
        qualitative=read_qualitative(
            sections.blocks("qualitative"), start=_start(sections, "qualitative"), broke=broke,
            log=log,
        ),
        constraints=read_constraints(
            sections.blocks("constraints"), start=_start(sections, "constraints"), broke=broke,
            log=log,
        ),
    )  # fmt: skip


def _period(read: _Sections, progress: Progress, log: SourceLog) -> PeriodRecord:
    assert read.facts.quarter is not None  # _require saw to it
    totals = read.finance.totals
    return PeriodRecord(
        quarter=read.facts.quarter,
        summary=progress.summary,
        constraints=read.constraints,
        values=tuple(row.value for row in read.quantitative.indicators if row.value is not None),
        finance=tuple(read.finance.records.values()),
        beneficiaries=tuple(read.beneficiaries),
        progress=progress.records,
        reported_committed_total=totals.get("committed_total"),
        reported_disbursed_total=totals.get("disbursed_total"),
        reported_committed_pct=totals.get("committed_pct"),
        reported_disbursed_pct=totals.get("disbursed_pct"),
        sources=tuple(log.cells),
    )


def _project(
    read: _Sections,
    results: tuple[ResultRecord, ...],
    footnotes: tuple[FootnoteRecord, ...],
    period: PeriodRecord,
) -> ProjectRecord:
    facts = read.facts
    return ProjectRecord(
        fund=fund_record(facts.fund_name, currency=facts.currency),
        number=facts.number,
        title=facts.title,
        organisations=_organisations(facts, read.finance, read.quantitative),
        participations=_participations(facts),
        description=facts.description,
        sector=facts.sector,
        thematic_group=facts.thematic_group,
        line_ministry=facts.ministry.code if facts.ministry else "",
        location=facts.location,
        approval_date=facts.approval_date,
        start_date=facts.start_date,
        planned_end_date=facts.planned_end_date,
        revised_end_date=facts.revised_end_date,
        development_goal=read.objectives.html("development_goal"),
        undaf_outcome=read.objectives.html("undaf_outcome"),
        immediate_objective=read.objectives.html("immediate_objective"),
        procurement_plan=tuple(read.framework.procurement),
        results=results,
        footnotes=footnotes,
        reported_total_budget=facts.total_budget,
        reported_duration_months=facts.duration_months,
        periods=(period,),
    )


def _start(sections: Sections, key: str) -> int:
    return sections.indices.get(key, 0)


def _require(facts: ProjectFacts, *, name: str) -> None:
    if not facts.number:
        raise LegacyReportError(name, 'no project number (no readable "Project #:" line)')
    if facts.quarter is None:
        said = f' (it reads "{facts.quarter_text.strip()}")' if facts.quarter_text.strip() else ""
        raise LegacyReportError(
            name, f'no reporting quarter: no readable "Date and Quarter Updated:" line{said}'
        )
    if not re.search(r"[^\W_]", facts.fund_name):
        said = f" (it reads {facts.fund_name!r})" if facts.fund_name else ""
        raise LegacyReportError(name, f"no fund named on the report's first line{said}")
    if not facts.title:
        raise LegacyReportError(name, 'no project title (no "Title" row)')


def _organisations(
    facts: ProjectFacts, finance: Finance, quantitative: Quantitative
) -> tuple[OrganisationRecord, ...]:
    named = [n.organisation for n in facts.participants]
    named += [facts.ministry] if facts.ministry else []
    named += facts.budget_agencies + quantitative.organisations + finance.organisations
    unique: dict[str, OrganisationRecord] = {}
    for organisation in named:
        unique.setdefault(organisation.code, organisation)
    return tuple(unique.values())


def _participations(facts: ProjectFacts) -> tuple[ParticipationRecord, ...]:
    roles = {
        n.organisation.code: Role.LEAD if n.lead else Role.PARTICIPATING for n in facts.participants
    }
    for agency in facts.budget_agencies:
        roles.setdefault(agency.code, Role.PARTICIPATING)
    return tuple(
        ParticipationRecord(code, role, facts.budgets.get(code)) for code, role in roles.items()
    )


def _marks(results: tuple[ResultRecord, ...]) -> set[int]:
    found: set[int] = set()
    for result in results:
        for activity in result.activities:
            found.update(mark.number for mark in activity.footnotes)
        for indicator in result.indicators:
            found.update(mark.number for mark in indicator.footnotes)
        found |= _marks(result.children)
    return found


def _footnotes(
    body: Body, results: tuple[ResultRecord, ...], log: SourceLog
) -> tuple[FootnoteRecord, ...]:
    texts: dict[int, str] = {}
    for note in body.footnotes:
        understood = note.number not in texts
        texts.setdefault(note.number, note.text)
        log.cells.append(
            SourceCell("footnotes", str(note.number), note.text, note.location, understood)
        )
    for number in _marks(results):
        texts.setdefault(number, "")
    return tuple(FootnoteRecord(number, texts[number]) for number in sorted(texts))
