"""What the data-entry page shows, read in bulk: a fixed number of queries per page.

``entry_sheet`` builds every block of a quarter's page; the ``*_alone`` functions build one
block afresh after a save (HTMX), with the same functions, so a row looks the same either
way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.http import Http404
from django.utils.translation import gettext as _

from logframe.activities.selectors import register_of
from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.checks import check_period
from logframe.domain.findings import Finding
from logframe.portfolio import models as m
from logframe.portfolio.records import quarter_record_and_rows
from logframe.web.entry import forms as f
from logframe.web.entry.blocks import (
    BeneficiaryRow,
    FinanceRow,
    NarrativeBlock,
    Notice,
    ResultBlock,
    Scope,
    Sheet,
    TextsBlock,
    ValueRow,
)
from logframe.web.vocabulary import GROUPS

# ---- the whole page, in bulk ------------------------------------------------------------


Block = ValueRow | NarrativeBlock | FinanceRow | BeneficiaryRow | TextsBlock


def entry_sheet(scope: Scope, *, replace: Block | None = None) -> Sheet:
    """Every block of the page; ``replace`` (a block built elsewhere, e.g. with a form that
    failed) takes the place of the block with the same anchor.

    The rows are those the quarter's record was read from: the findings and the blocks
    cost one reading of the project."""
    project, period = scope.project, scope.period
    record, rows = quarter_record_and_rows(project=project, period=period)
    register = register_of(project=project)
    findings = check_period(project=record, quarter=period.as_quarter(), register=register)
    by_place = _by_place(findings)
    results = rows.results
    values = {v.indicator_id: v for v in rows.values}
    evidence = _evidence_of(period.pk)
    progress = {p.result_id: p for p in rows.progress}
    blocks = [
        _result_block(
            scope,
            result,
            partners=rows.partners.get(result.pk, []),
            rows=[
                value_row(
                    scope,
                    indicator,
                    values.get(indicator.pk),
                    evidence=evidence.get(indicator.pk, []),
                    findings=by_place.get(indicator.code, []),
                )
                for indicator in rows.indicators.get(result.pk, [])
            ],
            findings=by_place.get(result.code, []),
            progress=progress.get(result.pk),
            leaf=not any(r.parent_id == result.pk for r in results),
        )
        for result in _tree_order(results)
    ]
    statuses = {s.participation_id: s for s in rows.finance}
    finance = [
        finance_row(scope, p, statuses.get(p.pk), findings=by_place.get(p.organisation.code, []))
        for p in rows.participations
    ]
    figures = {b.group: b for b in rows.beneficiaries}
    sheet = Sheet(
        scope=scope,
        periods=list(project.periods.order_by("year", "quarter")),
        results=blocks,
        finance=finance,
        beneficiaries=[
            beneficiary_row(scope, group, figures.get(group.value)) for group in BeneficiaryGroup
        ],
        texts=texts_block(scope),
        findings=findings,
        anchors=_anchors(blocks, finance),
        beneficiary_findings=by_place.get("beneficiaries", []),
    )
    if replace is not None:
        _replace(sheet, replace)
    return sheet


def _tree_order(results: list[m.Result]) -> list[m.Result]:
    children: dict[int | None, list[m.Result]] = defaultdict(list)
    for result in results:
        children[result.parent_id].append(result)
    ordered: list[m.Result] = []

    def visit(result: m.Result) -> None:
        ordered.append(result)
        for child in children[result.pk]:
            visit(child)

    for top in children[None]:
        visit(top)
    return ordered


def _result_block(
    scope: Scope,
    result: m.Result,
    *,
    partners: list[m.Organisation],
    rows: list[ValueRow],
    findings: list[Finding],
    progress: m.ResultProgress | None,
    leaf: bool,
) -> ResultBlock:
    holders = [o.code for o in ([result.lead] if result.lead else [])]
    holders += sorted(o.code for o in partners)
    note = ""
    editor = scope.open and scope.access.can_edit_anything
    if editor and not scope.may_edit_result(result.pk) and (rows or leaf):
        if len(holders) > 1:
            note = _("Read-only for you: %(agencies)s enter this output.") % {
                "agencies": _(" and ").join(holders)
            }
        elif holders:
            note = _("Read-only for you: %(agency)s enters this output.") % {"agency": holders[0]}
        else:
            note = _("Read-only for you: the project manager enters this output.")
    return ResultBlock(
        result=result,
        holders=", ".join(holders),
        rows=rows,
        findings=findings,
        narrative=narrative_block(scope, result, progress) if leaf else None,
        read_only_note=note,
    )


def _evidence_of(period_id: int, indicator_id: int | None = None) -> dict[int, list[m.Evidence]]:
    rows = m.Evidence.objects.filter(indicator_value__period_id=period_id)
    if indicator_id is not None:
        rows = rows.filter(indicator_value__indicator_id=indicator_id)
    found: dict[int, list[m.Evidence]] = defaultdict(list)
    for ev in rows.select_related("indicator_value", "uploaded_by").order_by("uploaded_at", "pk"):
        found[ev.indicator_value.indicator_id].append(ev)
    return found


def _anchors(blocks: Iterable[ResultBlock], finance: Iterable[FinanceRow]) -> dict[str, str]:
    anchors = {"beneficiaries": "beneficiaries", "finance": "finance", "narrative": "texts"}
    anchors.update({row.participation.organisation.code: row.anchor for row in finance})
    for block in blocks:
        anchors[block.result.code] = block.anchor
        for row in block.rows:
            anchors[row.indicator.code] = row.anchor
    return anchors


def _replace(sheet: Sheet, block: Block) -> None:
    """Put ``block`` where the block with its anchor stands."""
    if isinstance(block, TextsBlock):
        sheet.texts = block
    elif isinstance(block, FinanceRow):
        sheet.finance = [block if r.anchor == block.anchor else r for r in sheet.finance]
    elif isinstance(block, BeneficiaryRow):
        sheet.beneficiaries = [
            block if r.anchor == block.anchor else r for r in sheet.beneficiaries
        ]
    for result in sheet.results:
        if isinstance(block, NarrativeBlock) and result.narrative is not None:
            if result.narrative.anchor == block.anchor:
                result.narrative = block
        elif isinstance(block, ValueRow):
            result.rows = [block if r.anchor == block.anchor else r for r in result.rows]


# ---- findings -------------------------------------------------------------------------


def period_findings(scope: Scope) -> tuple[Finding, ...]:
    """The quarter's data-quality findings, from the stored quarter (15 queries)."""
    record, _rows = quarter_record_and_rows(project=scope.project, period=scope.period)
    register = register_of(project=scope.project)
    return check_period(project=record, quarter=scope.period.as_quarter(), register=register)


def _by_place(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    places: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        places[finding.where].append(finding)
    return places


def findings_at(scope: Scope, where: str) -> list[Finding]:
    return [finding for finding in period_findings(scope) if finding.where == where]


# ---- one block at a time ----------------------------------------------------------------


def value_row(
    scope: Scope,
    indicator: m.Indicator,
    value: m.IndicatorValue | None,
    *,
    evidence: list[m.Evidence],
    findings: list[Finding],
    form: f.ValueForm | None = None,
    notice: Notice | None = None,
) -> ValueRow:
    """``form``: one that failed, to show again; without it an editable row's inputs hold
    the stored value (``rows.py`` writes them from one form per page, not one per row)."""
    editable = form is not None or scope.may_edit_result(indicator.result_id)
    return ValueRow(indicator, value, form, evidence, findings, notice, editable=editable)


def value_row_alone(
    scope: Scope,
    indicator: m.Indicator,
    *,
    form: f.ValueForm | None = None,
    notice: Notice | None = None,
    findings_kept: bool = False,
) -> ValueRow:
    """One indicator's row read afresh (after a save, or to reload it). ``findings_kept``:
    for HTMX, which keeps the row's findings list on the page until the findings panel's
    answer replaces it, so the quarter's checks are not run for the row too."""
    value = scope.period.values.filter(indicator=indicator).first()
    evidence = _evidence_of(scope.period.pk, indicator.pk).get(indicator.pk, [])
    findings = [] if findings_kept else findings_at(scope, indicator.code)
    row = value_row(
        scope, indicator, value, evidence=evidence, findings=findings, form=form, notice=notice
    )
    row.findings_kept = findings_kept
    return row


def indicator_of(scope: Scope, code: str) -> m.Indicator:
    indicator = (
        m.Indicator.objects.select_related("result")
        .filter(result__project=scope.project, code=code)
        .first()
    )
    if indicator is None:
        raise Http404(f"no indicator {code} in project {scope.project.number}")
    return indicator


def narrative_block(
    scope: Scope,
    result: m.Result,
    progress: m.ResultProgress | None,
    *,
    form: f.NarrativeForm | None = None,
    notice: Notice | None = None,
) -> NarrativeBlock:
    if form is None and scope.may_edit_result(result.pk):
        form = f.NarrativeForm(
            initial={
                "version": progress.version if progress else 0,
                "narrative": progress.narrative if progress else "",
            },
            label=_("%(code)s narrative") % {"code": result.code},
            prefix=f"n{result.pk}",
        )
    return NarrativeBlock(result, progress, form, notice)


def narrative_alone(
    scope: Scope,
    result: m.Result,
    *,
    form: f.NarrativeForm | None = None,
    notice: Notice | None = None,
) -> NarrativeBlock:
    progress = scope.period.progress.filter(result=result).first()
    return narrative_block(scope, result, progress, form=form, notice=notice)


def result_of(scope: Scope, code: str) -> m.Result:
    result = scope.project.results.filter(code=code).first()
    if result is None:
        raise Http404(f"no output {code} in project {scope.project.number}")
    return result


def finance_rows(
    scope: Scope, *, by_place: dict[str, list[Finding]], organisation: str | None = None
) -> list[FinanceRow]:
    participations = scope.project.participations.select_related("organisation")
    statuses = scope.period.finance.all()
    if organisation is not None:
        participations = participations.filter(organisation__code=organisation)
        statuses = statuses.filter(participation__organisation__code=organisation)
    by_participation = {s.participation_id: s for s in statuses}
    return [
        finance_row(
            scope,
            p,
            by_participation.get(p.pk),
            findings=by_place.get(p.organisation.code, []),
        )
        for p in participations.order_by("position")
    ]


def finance_row(
    scope: Scope,
    participation: m.Participation,
    status: m.FinancialStatus | None,
    *,
    findings: list[Finding],
    form: f.FinanceForm | None = None,
    notice: Notice | None = None,
) -> FinanceRow:
    if form is None and scope.may_edit_finance(participation.organisation_id):
        form = f.FinanceForm(
            initial=f.finance_initial(status),
            label=participation.organisation.code,
            prefix=f"f{participation.pk}",
        )
    return FinanceRow(participation, status, form, findings, notice)


def finance_alone(
    scope: Scope, code: str, *, form: f.FinanceForm | None = None, notice: Notice | None = None
) -> FinanceRow:
    rows = finance_rows(scope, by_place=_by_place(findings_at(scope, code)), organisation=code)
    if not rows:
        raise Http404(f"{code} takes no part in project {scope.project.number}")
    row = rows[0]
    if form is not None or notice is not None:
        row = finance_row(
            scope,
            row.participation,
            row.status,
            findings=row.findings,
            form=form,
            notice=notice,
        )
    return row


def beneficiary_row(
    scope: Scope,
    group: BeneficiaryGroup,
    figure: m.BeneficiaryFigure | None,
    *,
    form: f.BeneficiaryForm | None = None,
    notice: Notice | None = None,
) -> BeneficiaryRow:
    applicable = figure is None or figure.applicable
    if form is None and applicable and scope.may_edit_texts:
        form = f.BeneficiaryForm(
            initial=f.beneficiary_initial(figure),
            label=str(GROUPS[group]),
            prefix=f"b-{group.value}",
        )
    return BeneficiaryRow(group, figure, form, notice)


def beneficiary_alone(
    scope: Scope,
    group: BeneficiaryGroup,
    *,
    form: f.BeneficiaryForm | None = None,
    notice: Notice | None = None,
) -> BeneficiaryRow:
    figure = scope.period.beneficiaries.filter(group=group.value).first()
    return beneficiary_row(scope, group, figure, form=form, notice=notice)


def group_of(text: str) -> BeneficiaryGroup:
    try:
        return BeneficiaryGroup(text)
    except ValueError:
        raise Http404(f"no beneficiary group {text!r}") from None


def texts_block(
    scope: Scope, *, form: f.TextsForm | None = None, notice: Notice | None = None
) -> TextsBlock:
    period = scope.period
    if form is None and scope.may_edit_texts:
        form = f.TextsForm(
            initial={
                "version": period.version,
                "summary": period.summary,
                "constraints": period.constraints,
                "procurement": period.procurement,
            },
            label=_("quarter"),
            prefix="texts",
        )
    return TextsBlock(period, form, notice)
