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
class PublishedValue:
    """A target or actual exactly as an IATI file publishes it, kept as text.

    ``dimensions`` are (name, value) pairs such as ("sex", "female").
    """

    value: str = ""
    dimensions: tuple[tuple[str, str], ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class PublishedBaseline:
    """An indicator's baseline as an IATI file publishes it."""

    year: int
    iso_date: date | None = None
    value: str = ""
    dimensions: tuple[tuple[str, str], ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class PublishedPeriod:
    """An IATI result period: any span of dates, its targets and actuals as published."""

    start: date
    end: date
    targets: tuple[PublishedValue, ...] = ()
    actuals: tuple[PublishedValue, ...] = ()


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
    # what an IATI file published for this indicator beyond the fund's quarters
    published_baselines: tuple[PublishedBaseline, ...] = ()
    published_periods: tuple[PublishedPeriod, ...] = ()


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


class BudgetType(StrEnum):
    ORIGINAL = "original"
    REVISED = "revised"


class BudgetStatus(StrEnum):
    INDICATIVE = "indicative"
    COMMITTED = "committed"


@dataclass(frozen=True)
class BudgetRecord:
    """A budget for a span of at most a year, as an IATI file publishes it."""

    period_start: date
    period_end: date
    value: Decimal
    type: BudgetType = BudgetType.ORIGINAL
    status: BudgetStatus = BudgetStatus.INDICATIVE
    currency: str = ""  # blank: the fund's currency
    value_date: date | None = None


class TransactionType(StrEnum):
    """The IATI transaction types (codes 1 to 13), by name."""

    INCOMING_FUNDS = "incoming_funds"
    OUTGOING_COMMITMENT = "outgoing_commitment"
    DISBURSEMENT = "disbursement"
    EXPENDITURE = "expenditure"
    INTEREST_PAYMENT = "interest_payment"
    LOAN_REPAYMENT = "loan_repayment"
    REIMBURSEMENT = "reimbursement"
    PURCHASE_OF_EQUITY = "purchase_of_equity"
    SALE_OF_EQUITY = "sale_of_equity"
    CREDIT_GUARANTEE = "credit_guarantee"
    INCOMING_COMMITMENT = "incoming_commitment"
    OUTGOING_PLEDGE = "outgoing_pledge"
    INCOMING_PLEDGE = "incoming_pledge"


@dataclass(frozen=True)
class TransactionRecord:
    """One financial flow on a date, as an IATI file publishes it."""

    type: TransactionType
    transaction_date: date
    value: Decimal
    currency: str = ""  # blank: the fund's currency
    value_date: date | None = None
    description: str = ""
    provider_ref: str = ""
    provider_name: str = ""
    receiver_ref: str = ""
    receiver_name: str = ""


class TextSubject(StrEnum):
    """What a translated text belongs to; ``code`` and ``quarter`` of a translation name it.

    project: no code (title, description, development_goal, undaf_outcome,
    immediate_objective); result, indicator, activity: their code (text); period: its
    quarter (summary, constraints); narrative: the quarter and the result's code (narrative).
    """

    PROJECT = "project"
    RESULT = "result"
    INDICATOR = "indicator"
    ACTIVITY = "activity"
    PERIOD = "period"
    NARRATIVE = "narrative"


# the fields each subject has that may be translated; the rich-text ones hold sanitised HTML
TRANSLATABLE_FIELDS: dict[TextSubject, tuple[str, ...]] = {
    TextSubject.PROJECT: (
        "title",
        "description",
        "development_goal",
        "undaf_outcome",
        "immediate_objective",
    ),
    TextSubject.RESULT: ("text",),
    TextSubject.INDICATOR: ("text",),
    TextSubject.ACTIVITY: ("text",),
    TextSubject.PERIOD: ("summary", "constraints"),
    TextSubject.NARRATIVE: ("narrative",),
}
RICH_TEXT_FIELDS = frozenset(
    {"description", "development_goal", "undaf_outcome", "immediate_objective", "summary",
     "constraints", "narrative"}
)  # fmt: skip


@dataclass(frozen=True)
class TranslationRecord:
    """One text of the project in another language than the project's own."""

    subject: TextSubject
    field: str
    language: str  # a BCP 47 tag as IATI's xml:lang takes it: "ar", "ckb", "fr"
    text: str  # plain text, or sanitised HTML for the fields of RICH_TEXT_FIELDS
    code: str = ""  # the result's, indicator's or activity's code; "" for the project
    quarter: Quarter | None = None  # for a period's texts and narratives

    def key(self) -> tuple[str, str, str, str, str]:
        """The canonical order of a project's translations (and their identity)."""
        quarter = self.quarter.code if self.quarter else ""
        return (self.subject.value, quarter, self.code, self.field, self.language)


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
    iati_identifier: str = ""  # when blank, an export makes one from the reporting org
    recipient_country: str = ""  # ISO 3166-1 alpha-2, e.g. "IQ"
    budgets: tuple[BudgetRecord, ...] = ()
    transactions: tuple[TransactionRecord, ...] = ()
    language: str = "en"  # the language the texts above are written in
    translations: tuple[TranslationRecord, ...] = ()  # in TranslationRecord.key() order

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
