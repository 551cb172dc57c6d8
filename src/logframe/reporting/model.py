"""The report model: one quarterly progress report, computed and ready to render.

``build_report`` fills it from a ``ProjectRecord``; the HTML and Markdown renderers (and any
later DOCX, PDF or XLSX renderer) only read it. Every figure is already computed with the
domain rules and written out as text, so a renderer formats nothing and decides nothing.
Fields named ``*_html`` hold sanitised rich-text fragments, to be inserted as they are;
every other string is plain text, to be escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from logframe.domain.findings import Finding
from logframe.domain.records import ResultLevel


@dataclass(frozen=True)
class Figure:
    """A computed figure and, when the legacy report claimed one, the reported figure.

    ``text`` is the computed figure as shown ("41.9 %", "n/a", or "" when the row has no
    figure); ``reported_text`` the reported one at its own precision ("41 %"), or "".
    ``agrees`` is False when the reported figure disagrees with the computed one: the
    renderers then show both and mark the cell.
    """

    computed: Decimal | None
    reported: Decimal | None
    places: int
    agrees: bool
    text: str
    reported_text: str = ""

    @property
    def mismatch(self) -> bool:
        return not self.agrees

    @property
    def display(self) -> str:
        """The figure as one line of plain text: "10 %", or "10 % (reported 5 %)"."""
        if self.agrees:
            return self.text
        return f"{self.text} (reported {self.reported_text})"


@dataclass(frozen=True)
class Participant:
    """A participating organisation, with its share of the approved budget."""

    code: str
    name: str
    lead: bool
    budget: str  # "13,947,279.00", or "" when no budget is recorded


@dataclass(frozen=True)
class Header:
    fund_name: str
    project_number: str
    period_label: str  # Quarter.label(): "01 January - 31 March 2013 - 1st Quarter 2013"
    period_code: str  # "2013Q1"
    period_state: str  # "open", "submitted", "returned", "approved"
    participants: tuple[Participant, ...]
    thematic_group: str
    sector: str
    line_ministry: str  # "Independent High Electoral Commission (IHEC)"
    title: str
    location: str
    currency: str
    budget_total: Figure  # the sum of the agencies' budgets; reported: the stated total
    duration: Figure  # months, from the start and completion dates
    approval_date: str  # "29 September 2010", or ""
    start_date: str
    completion_date: str  # the planned end date
    revised_completion_date: str  # "" unless the end date was revised
    elapsed_pct: Decimal | None = None  # % of the duration passed by the quarter's end


@dataclass(frozen=True)
class ResultLine:
    """A result as the outputs section lists it."""

    code: str
    label: str  # "JP Output 1", "Output 1.1"
    level: ResultLevel
    text: str
    responsible: str  # "UNDP (lead), UNOPS"


@dataclass(frozen=True)
class ActivityLine:
    code: str
    text: str
    marks: tuple[int, ...]  # footnote numbers after the text


@dataclass(frozen=True)
class OutputsSection:
    """Outputs, key activities and procurement."""

    results: tuple[ResultLine, ...]
    activities: tuple[ActivityLine, ...]
    procurement_plan: tuple[str, ...]
    procurement_html: str  # procurement progress in the quarter


@dataclass(frozen=True)
class FinanceRow:
    """One agency's financial status, or the total (``is_total``)."""

    label: str  # "UNDP" or "Total"
    is_total: bool
    approved: str
    committed: Figure  # an amount; for the total, reported is the stated total
    committed_pct: Figure
    disbursed: Figure
    disbursed_pct: Figure
    forecast_final_date: str  # "" for the total
    delay: Figure | None  # months; None for the total
    approved_value: Decimal | None = None  # the approved budget as a number


@dataclass(frozen=True)
class FinanceSection:
    currency: str
    agencies: tuple[FinanceRow, ...]
    total: FinanceRow

    def figures(self) -> tuple[Figure, ...]:
        """The section's figures: amounts and percentages row by row, then the delays."""
        rows = (*self.agencies, self.total)
        money = (
            f for r in rows for f in (r.committed, r.committed_pct, r.disbursed, r.disbursed_pct)
        )
        return (*money, *(r.delay for r in rows if r.delay is not None))


@dataclass(frozen=True)
class BeneficiaryRow:
    label: str  # "Men (Target: 1,471)", "Children", "Indirect beneficiaries"
    actual: str  # "1,459", or "n/a"
    note: str  # explanatory text (indirect beneficiaries, employment generation)
    percent: Figure
    group: str = ""  # the BeneficiaryGroup value, "men", so a renderer can name it
    target: Decimal | None = None
    value: Decimal | None = None  # the actual, when counted


@dataclass(frozen=True)
class Marks:
    """Footnote numbers after an indicator's text, its target and its actual."""

    text: tuple[int, ...] = ()
    target: tuple[int, ...] = ()
    actual: tuple[int, ...] = ()


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    text: str
    target: str  # "19", "80 %", "Yes", "tbd by IHEC"
    actual: str  # "498 (468 male / 28 female)", "Initiated", "95 % (Test 1) / 98 % (Test 2)"
    percent: Figure
    marks: Marks
    comment: str
    figures: IndicatorFigures | None = None  # the actual's parts, for tables and sheets


@dataclass(frozen=True)
class IndicatorFigures:
    """An indicator's target and actual as numbers and words, beside the texts above.

    ``main`` is the actual without its sex split ("498", "Initiated"); ``status`` the
    status word ("Initiated") or "".
    """

    target: Decimal | None
    value: Decimal | None  # the one number that stands for the actual
    male: Decimal | None
    female: Decimal | None
    status: str
    main: str


@dataclass(frozen=True)
class OutputBlock:
    """An output's row in the quantitative table and the rows of its indicators."""

    result: ResultLine
    percent: Figure  # the roll-up of its indicators; "" when it has none
    indicators: tuple[IndicatorRow, ...]

    def figures(self) -> tuple[Figure, ...]:
        return (self.percent, *(row.percent for row in self.indicators))


@dataclass(frozen=True)
class Narrative:
    code: str
    heading: str  # "Output 1.1: IHEC has improved institutional transparency ..."
    html: str


@dataclass(frozen=True)
class Qualitative:
    summary_html: str
    narratives: tuple[Narrative, ...]


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


@dataclass(frozen=True)
class EvidenceItem:
    """A means of verification attached to a value: listed in the report's annex."""

    indicator: str  # the indicator code
    name: str  # the file name as uploaded
    description: str
    kind: str  # "PDF", "PNG", …
    size: int  # bytes


@dataclass(frozen=True)
class ReportModel:
    """One project's progress report for one quarter, in the seed report's section order."""

    header: Header
    description_html: str
    development_goal_html: str
    undaf_outcome_html: str
    immediate_objective_html: str
    outputs: OutputsSection
    finance: FinanceSection
    beneficiaries: tuple[BeneficiaryRow, ...]
    quantitative: tuple[OutputBlock, ...]
    qualitative: Qualitative
    constraints_html: str
    footnotes: tuple[Footnote, ...]
    findings: tuple[Finding, ...]
    evidence: tuple[EvidenceItem, ...] = ()
    # the legend of the "[en]" marks on texts shown untranslated, in the report's language;
    # "" when the report is in the project's own language or every text is translated
    content_note: str = ""
