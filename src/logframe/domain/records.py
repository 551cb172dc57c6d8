"""A whole project as plain, typed records: the one shape every path agrees on.

The project file (JSON) is a serialisation of these records; the import service
writes them to the database; selectors read the database back into them; the
report is built from them. Codes (``"1.1"``, ``"1.1.8"``, ``"UNDP"``) are the
natural keys that tie the parts together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.measures import Actual, Measure, Target
from logframe.domain.periods import Quarter


class MissingPeriod(ValueError):
    """A quarter the project has no period for."""


class OrganisationKind(StrEnum):
    UN_AGENCY = "un_agency"
    GOVERNMENT = "government"
    NGO = "ngo"
    DONOR = "donor"
    FUND = "fund"
    OTHER = "other"


class Role(StrEnum):
    LEAD = "lead"
    PARTICIPATING = "participating"
    IMPLEMENTING_PARTNER = "implementing_partner"


class ProjectStatus(StrEnum):
    PIPELINE = "pipeline"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CLOSED = "closed"


class ResultLevel(StrEnum):
    JP_OUTPUT = "jp_output"
    OUTPUT = "output"


class Disaggregation(StrEnum):
    NONE = "none"
    SEX = "sex"


class PeriodState(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class MarkPlace(StrEnum):
    """Where a footnote mark stands: after the text, the target or the actual."""

    TEXT = "text"
    TARGET = "target"
    ACTUAL = "actual"


@dataclass(frozen=True)
class FootnoteMark:
    number: int
    place: MarkPlace = MarkPlace.TEXT


@dataclass(frozen=True)
class OrganisationRecord:
    code: str
    name: str
    kind: OrganisationKind = OrganisationKind.UN_AGENCY
    iati_ref: str = ""


@dataclass(frozen=True)
class FundRecord:
    code: str
    name: str
    currency: str = "USD"
    administrative_agent: str = ""  # an organisation code, or blank
    conventions: Conventions = field(default_factory=Conventions)


@dataclass(frozen=True)
class ParticipationRecord:
    organisation: str  # organisation code
    role: Role
    approved_budget: Decimal | None = None


@dataclass(frozen=True)
class ActivityRecord:
    code: str
    text: str
    footnotes: tuple[FootnoteMark, ...] = ()


@dataclass(frozen=True)
class IndicatorRecord:
    code: str
    text: str
    measure: Measure
    target: Target
    target_text: str = ""  # the target as the report printed it, e.g. "tbd by IHEC"
    unit: str = ""
    disaggregation: Disaggregation = Disaggregation.NONE
    baseline: Decimal | None = None
    baseline_text: str = ""
    cumulative: bool = True
    footnotes: tuple[FootnoteMark, ...] = ()


@dataclass(frozen=True)
class ResultRecord:
    code: str
    text: str
    level: ResultLevel
    lead: str = ""  # organisation code of the responsible (lead) agency
    partners: tuple[str, ...] = ()  # other responsible organisations ("w UNOPS")
    activities: tuple[ActivityRecord, ...] = ()
    indicators: tuple[IndicatorRecord, ...] = ()
    children: tuple[ResultRecord, ...] = ()


@dataclass(frozen=True)
class FootnoteRecord:
    number: int
    text: str


@dataclass(frozen=True)
class IndicatorValueRecord:
    indicator: str  # indicator code
    actual: Actual
    actual_text: str = ""  # the actual as the report printed it
    comment: str = ""
    reported_pct: Decimal | None = None
    reported_pct_text: str = ""  # "101%", "n/a": the claim exactly as printed
    source: str = ""  # provenance: file and line, or sheet and cell


@dataclass(frozen=True)
class FinanceRecord:
    organisation: str
    committed: Decimal | None = None
    disbursed: Decimal | None = None
    forecast_final_date: date | None = None
    reported_committed_pct: Decimal | None = None
    reported_disbursed_pct: Decimal | None = None
    reported_delay_months: int | None = None


@dataclass(frozen=True)
class BeneficiaryRecord:
    group: BeneficiaryGroup
    target: Decimal | None = None
    actual: Decimal | None = None
    applicable: bool = True
    note: str = ""
    reported_pct: Decimal | None = None


@dataclass(frozen=True)
class ResultProgressRecord:
    result: str  # result code
    narrative: str = ""  # sanitised HTML
    reported_pct: Decimal | None = None


@dataclass(frozen=True)
class SourceCell:
    """A piece of text exactly as it stood in an imported file, and where it stood.

    Every cell an importer reads is kept, understood or not: ``understood`` is False for
    text the importer could not turn into a figure — kept and reported, never guessed.
    """

    where: str  # what it is about: "1.1.9", "UNDP", "1.2", "header", "beneficiaries"
    field: str  # which figure: "actual", "target", "pct", "committed", "budget", ...
    text: str  # the text as it stood
    location: str  # "report.txt:76" or "report.docx: table 5, row 3, column 2"
    understood: bool = True


@dataclass(frozen=True)
class PeriodRecord:
    quarter: Quarter
    state: PeriodState = PeriodState.OPEN
    summary: str = ""  # sanitised HTML: the general part of the qualitative achievements
    constraints: str = ""  # sanitised HTML
    procurement: str = ""  # sanitised HTML: procurement progress in the quarter
    values: tuple[IndicatorValueRecord, ...] = ()
    finance: tuple[FinanceRecord, ...] = ()
    beneficiaries: tuple[BeneficiaryRecord, ...] = ()
    progress: tuple[ResultProgressRecord, ...] = ()
    reported_committed_total: Decimal | None = None
    reported_disbursed_total: Decimal | None = None
    reported_committed_pct: Decimal | None = None
    reported_disbursed_pct: Decimal | None = None
    sources: tuple[SourceCell, ...] = ()  # the cells of the file this period came from


@dataclass(frozen=True)
class ProjectRecord:
    fund: FundRecord
    number: str
    title: str
    organisations: tuple[OrganisationRecord, ...] = ()
    participations: tuple[ParticipationRecord, ...] = ()
    description: str = ""  # sanitised HTML
    sector: str = ""
    sector_code: str = ""  # OECD DAC 5-digit purpose code, when known
    thematic_group: str = ""
    line_ministry: str = ""  # organisation code
    location: str = ""
    approval_date: date | None = None
    start_date: date | None = None
    planned_end_date: date | None = None
    revised_end_date: date | None = None
    status: ProjectStatus = ProjectStatus.ONGOING
    development_goal: str = ""  # sanitised HTML
    undaf_outcome: str = ""  # sanitised HTML
    immediate_objective: str = ""  # sanitised HTML
    procurement_plan: tuple[str, ...] = ()
    results: tuple[ResultRecord, ...] = ()
    footnotes: tuple[FootnoteRecord, ...] = ()
    reported_total_budget: Decimal | None = None
    reported_duration_months: int | None = None
    periods: tuple[PeriodRecord, ...] = ()

    def walk_results(self) -> tuple[ResultRecord, ...]:
        """Every result, parents before their children, in document order."""
        found: list[ResultRecord] = []

        def visit(result: ResultRecord) -> None:
            found.append(result)
            for child in result.children:
                visit(child)

        for result in self.results:
            visit(result)
        return tuple(found)

    def period(self, quarter: Quarter) -> PeriodRecord | None:
        return next((p for p in self.periods if p.quarter == quarter), None)

    def require_period(self, quarter: Quarter) -> PeriodRecord:
        """The period of ``quarter``, or MissingPeriod naming the quarters there are."""
        found = self.period(quarter)
        if found is None:
            held = ", ".join(p.quarter.code for p in self.periods) or "none"
            raise MissingPeriod(
                f"project {self.number} has no period {quarter.code} (it has: {held})"
            )
        return found
