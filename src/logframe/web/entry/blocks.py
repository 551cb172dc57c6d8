"""The blocks of the data-entry page, as the templates see them.

One block per indicator, output narrative, agency's finance, beneficiary group, and the
quarter's texts: its stored row, a form when the person may edit it, the data-quality
findings about it, and the sentence shown after a save. ``Scope`` is where every view
starts: the project, the quarter and the person's rights in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import Http404

from logframe.accounts.access import EDITABLE_STATES, ProjectAccess
from logframe.domain.beneficiaries import BeneficiaryGroup, beneficiary_percent
from logframe.domain.findings import Finding
from logframe.domain.formatting import format_percent
from logframe.domain.measures import Measure
from logframe.domain.periods import Quarter
from logframe.domain.records import Disaggregation, ResultLevel
from logframe.portfolio import models as m
from logframe.web.entry import forms as f
from logframe.web.entry.wording import (
    amount_or_dash,
    count_or_dash,
    describe_value,
    indicator_target,
    pct_of,
)
from logframe.web.vocabulary import GROUPS


@dataclass(frozen=True)
class Scope:
    """The project, the quarter and the person's rights in it: what every view starts from."""

    project: m.Project
    period: m.ReportingPeriod
    access: ProjectAccess

    @property
    def open(self) -> bool:
        return self.period.state in EDITABLE_STATES

    def may_edit_result(self, result_id: int) -> bool:
        return self.open and self.access.can_edit_result(result_id)

    def may_edit_finance(self, organisation_id: int) -> bool:
        return self.open and self.access.can_edit_finance(organisation_id)

    @property
    def may_edit_texts(self) -> bool:
        return self.open and self.access.can_edit_period_texts


def period_in(project: m.Project, code: str) -> m.ReportingPeriod:
    """The project's quarter named by ``code`` ("2013Q1"), or 404."""
    try:
        quarter = Quarter.parse(code)
    except ValueError:
        raise Http404(f"{code!r} is not a quarter") from None
    period = (
        m.ReportingPeriod.objects.select_related("submitted_by", "approved_by")
        .filter(project=project, year=quarter.year, quarter=quarter.number)
        .first()
    )
    if period is None:
        raise Http404(f"project {project.number} has no period {quarter.code}")
    period.project = project  # the project as read, with its fund: no query again
    return period


@dataclass
class Notice:
    """A sentence shown in a block after a save: ``kind`` is saved, stale or error."""

    kind: str
    text: str


@dataclass
class ValueRow:
    indicator: m.Indicator
    value: m.IndicatorValue | None
    form: f.ValueForm | None
    evidence: list[m.Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notice: Notice | None = None
    evidence_form: f.EvidenceForm | None = None
    editable: bool = False  # the person may edit it: its inputs are written without ``form``
    # an HTMX answer of the row alone: its findings list is the one on the page, which htmx
    # keeps (hx-preserve) until the findings panel's answer to the save replaces it
    findings_kept: bool = False

    @property
    def anchor(self) -> str:
        return f"indicator-{self.indicator.pk}"

    @property
    def editing(self) -> bool:
        """Inputs are shown: a form given (one that failed) or the stored value's."""
        return self.form is not None or self.editable

    @property
    def may_attach(self) -> bool:
        """Evidence goes on a stored value, by someone who may edit it."""
        return self.editing and self.value is not None

    @property
    def upload_form(self) -> f.EvidenceForm:
        return self.evidence_form or f.EvidenceForm(prefix=f"e{self.indicator.pk}")

    @property
    def sex_split(self) -> bool:
        return self.indicator.disaggregation == Disaggregation.SEX

    @property
    def milestone(self) -> bool:
        return self.indicator.measure == Measure.MILESTONE

    @property
    def target(self) -> str:
        return indicator_target(self.indicator)

    @property
    def actual(self) -> str:
        return describe_value(self.value, empty="—")


@dataclass
class NarrativeBlock:
    result: m.Result
    progress: m.ResultProgress | None
    form: f.NarrativeForm | None
    notice: Notice | None = None

    @property
    def anchor(self) -> str:
        return f"narrative-{self.result.pk}"


@dataclass
class ResultBlock:
    """An output (or a JP output) as a header row, its indicators and its narrative."""

    result: m.Result
    holders: str
    rows: list[ValueRow]
    findings: list[Finding]
    narrative: NarrativeBlock | None
    read_only_note: str = ""

    @property
    def anchor(self) -> str:
        return f"result-{self.result.pk}"

    @property
    def is_group(self) -> bool:
        return self.result.level == ResultLevel.JP_OUTPUT


@dataclass
class FinanceRow:
    participation: m.Participation
    status: m.FinancialStatus | None
    form: f.FinanceForm | None
    findings: list[Finding] = field(default_factory=list)
    notice: Notice | None = None

    @property
    def anchor(self) -> str:
        return f"finance-{self.participation.organisation.code}"

    @property
    def committed(self) -> str:
        return amount_or_dash(self.status.committed if self.status else None)

    @property
    def disbursed(self) -> str:
        return amount_or_dash(self.status.disbursed if self.status else None)

    @property
    def committed_pct(self) -> str:
        return pct_of(self.status.committed if self.status else None, self.participation)

    @property
    def disbursed_pct(self) -> str:
        return pct_of(self.status.disbursed if self.status else None, self.participation)


@dataclass
class BeneficiaryRow:
    group: BeneficiaryGroup
    figure: m.BeneficiaryFigure | None
    form: f.BeneficiaryForm | None
    notice: Notice | None = None

    @property
    def anchor(self) -> str:
        return f"beneficiaries-{self.group.value}"

    @property
    def label(self) -> str:
        return str(GROUPS[self.group])

    @property
    def applicable(self) -> bool:
        return self.figure is None or self.figure.applicable

    @property
    def target(self) -> str:
        return count_or_dash(self.figure.target if self.figure else None)

    @property
    def actual(self) -> str:
        return count_or_dash(self.figure.actual if self.figure else None)

    @property
    def percent(self) -> str:
        if self.figure is None:
            return "—"
        pct = beneficiary_percent(target=self.figure.target, actual=self.figure.actual)
        return "—" if pct is None else format_percent(pct, 0)


@dataclass
class TextsBlock:
    period: m.ReportingPeriod
    form: f.TextsForm | None
    notice: Notice | None = None

    anchor = "texts"


@dataclass(frozen=True)
class Listed:
    """A finding in the panel, with the id of the block it is about ("" when none)."""

    finding: Finding
    anchor: str


def listed(findings: Iterable[Finding], anchors: dict[str, str]) -> list[Listed]:
    return [Listed(finding, anchors.get(finding.where, "")) for finding in findings]


@dataclass
class Sheet:
    scope: Scope
    periods: list[m.ReportingPeriod]
    results: list[ResultBlock]
    finance: list[FinanceRow]
    beneficiaries: list[BeneficiaryRow]
    texts: TextsBlock
    findings: tuple[Finding, ...]
    anchors: dict[str, str]
    beneficiary_findings: list[Finding] = field(default_factory=list)

    @property
    def listed(self) -> list[Listed]:
        return listed(self.findings, self.anchors)

    @property
    def latest(self) -> bool:
        return bool(self.periods) and self.periods[-1].pk == self.scope.period.pk
