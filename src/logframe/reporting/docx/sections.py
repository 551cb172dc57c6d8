"""The report's sections as Word headings, paragraphs and tables, in the seed report's order."""

from __future__ import annotations

from logframe.domain.findings import Finding
from logframe.domain.formatting import file_size
from logframe.domain.records import ResultLevel
from logframe.reporting.charts import Chart
from logframe.reporting.docx.document import (
    BAND_FILL,
    BLUE,
    MUTED,
    STRONG_FILL,
    WARN_FILL,
    Cell,
    Writer,
    cell,
)
from logframe.reporting.docx.rich import Run
from logframe.reporting.finding_text import finding_text
from logframe.reporting.model import (
    Figure,
    FinanceSection,
    OutputBlock,
    ReportModel,
)
from logframe.reporting.wording import (
    actual_text,
    beneficiary_label,
    count_text,
    figure_text,
    finance_label,
    narrative_heading,
    period_text,
    responsible_text,
    result_label,
    target_text,
)


def figure_cell(w: Writer, figure: Figure, *, fill: str = "", bold: bool = False) -> Cell:
    """A figure, with the reported one beside it and the cell shaded when they differ."""
    return cell(
        figure_text(figure, w.t),
        number=True,
        fill=fill if figure.agrees else WARN_FILL,
        bold=bold,
    )


def legend_if(w: Writer, figures: list[Figure]) -> None:
    if any(f.mismatch for f in figures):
        w.paragraph([Run("≠ " + w.t.legend)], size=7.5, colour=MUTED)


def masthead(w: Writer, report: ReportModel) -> None:
    h = report.header
    w.paragraph([Run(h.fund_name, bold=True)], colour=BLUE, size=11)
    w.paragraph(w.t.report_title, style="Title")
    state = w.t.states.get(h.period_state, "")
    line = f"{period_text(h, w.t)} ({h.period_code})" + (f" · {state}" if state else "")
    w.paragraph(line, size=10.5, colour=MUTED)


def key_facts(w: Writer, report: ReportModel) -> None:
    h, t = report.header, w.t
    lead = f" ({t.lead_agency})"
    participants = (", " if not t.rtl else "، ").join(
        p.code + (lead if p.lead else "") for p in h.participants
    )
    cost = "\n".join(
        [f"{t.total_budget}: {h.currency} {figure_text(h.budget_total, t)}"]
        + [f"{p.code}: {h.currency} {p.budget}" for p in h.participants if p.budget]
    )
    dates = [
        (t.approval, h.approval_date),
        (t.start, h.start_date),
        (t.completion, h.completion_date),
        (t.revised_completion, h.revised_completion_date),
    ]
    duration = (
        f"{figure_text(h.duration, t)} {t.months_unit}" if h.duration.computed is not None else ""
    )
    rows = [
        (t.project_number, h.project_number, True),
        (t.period_updated, period_text(h, t), True),
        (t.participants, participants, True),
        (t.thematic_group, h.thematic_group, True),
        (t.sector, h.sector, True),
        (t.line_ministry, h.line_ministry, True),
        (t.title, h.title, True),
        (t.location, h.location, True),
        (t.project_cost, cost, h.budget_total.agrees),
        (t.duration, duration, h.duration.agrees),
        (t.key_dates, "\n".join(f"{k}: {t.date(d)}" for k, d in dates if d), True),
    ]
    w.table(
        head=[],
        rows=[
            [
                cell(label, fill=BAND_FILL, bold=True),
                Cell(runs=_lines(value), fill="" if agrees else WARN_FILL),
            ]
            for label, value, agrees in rows
        ],
        widths_cm=(4.6, 12.4),
    )
    legend_if(w, [h.budget_total, h.duration])
    w.heading(t.description, 3)
    w.rich(report.description_html, empty=t.nothing_reported)


def _lines(text: str) -> list[Run]:
    """Text over several lines in one cell (python-docx writes a line break for a newline)."""
    return [Run(text)]


def goal(w: Writer, report: ReportModel) -> None:
    t = w.t
    w.heading(t.goal_section, 1)
    for title, html in (
        (t.development_goal, report.development_goal_html),
        (t.undaf, report.undaf_outcome_html),
        (t.immediate_objective, report.immediate_objective_html),
    ):
        w.heading(title, 2)
        w.rich(html, empty=t.nothing_reported)


def outputs(w: Writer, report: ReportModel) -> None:
    t, o = w.t, report.outputs
    w.heading(t.outputs_section, 1)
    w.heading(t.outputs, 2)
    for r in o.results:
        runs = [Run(result_label(r, t) + ": ", bold=True), Run(r.text)]
        w.bullets([runs], level=0 if r.level is ResultLevel.JP_OUTPUT else 1)
    if not o.results:
        w.paragraph([Run(t.none_recorded, italic=True)], colour=MUTED)
    w.heading(t.activities, 2)
    for a in o.activities:
        paragraph = w.paragraph([Run(a.code + " ", bold=True), Run(a.text)], style="List Bullet")
        w.marks(paragraph, a.marks)
    if not o.activities:
        w.paragraph([Run(t.none_recorded, italic=True)], colour=MUTED)
    w.heading(t.procurement, 2)
    if o.procurement_plan:
        w.paragraph(t.procurement_plan)
        w.bullets([[Run(item)] for item in o.procurement_plan])
    if o.procurement_html.strip():
        w.heading(t.procurement_progress, 3)
        w.rich(o.procurement_html, empty=t.nothing_reported)
    if not o.procurement_plan and not o.procurement_html.strip():
        w.paragraph([Run(t.none_recorded, italic=True)], colour=MUTED)


def charts(w: Writer, drawn: tuple[Chart, ...]) -> None:
    if not drawn:
        return
    w.heading(w.t.charts_section, 1)
    for chart in drawn:
        w.picture(chart.png, width_in=chart.width_in, caption=chart.title)


def finance(w: Writer, f: FinanceSection) -> None:
    t = w.t
    w.heading(t.finance_section, 1)
    amount = t.amount.format(currency=f.currency)
    head = [
        [
            cell(t.organisation),
            cell(t.approved.format(currency=f.currency)),
            cell(t.committed),
            cell(""),
            cell(t.disbursed),
            cell(""),
            cell(t.forecast_final_date),
            cell(t.delay_months),
        ],
        [
            cell(""),
            cell(""),
            cell(amount),
            cell(t.pct_of_approved),
            cell(amount),
            cell(t.pct_of_approved),
            cell(""),
            cell(""),
        ],
    ]
    rows = []
    for row in (*f.agencies, f.total):
        fill = BAND_FILL if row.is_total else ""
        rows.append(
            [
                cell(finance_label(row, t), bold=True, fill=fill),
                cell(row.approved, number=True, fill=fill, bold=row.is_total),
                *(
                    figure_cell(w, fig, fill=fill, bold=row.is_total)
                    for fig in (row.committed, row.committed_pct, row.disbursed, row.disbursed_pct)
                ),
                cell(t.date(row.forecast_final_date), fill=fill),
                figure_cell(w, row.delay, fill=fill) if row.delay else cell("", fill=fill),
            ]
        )
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 0, 5), (0, 6, 1, 6), (0, 7, 1, 7)]
    w.table(head=head, rows=rows, widths_cm=(2.0, 2.5, 2.5, 1.6, 2.5, 1.6, 2.5, 1.8), merges=merges)
    legend_if(w, list(f.figures()))


def beneficiaries(w: Writer, report: ReportModel) -> None:
    t = w.t
    w.heading(t.beneficiaries_section, 1)
    head = [
        [cell(t.beneficiaries_section), cell(t.beneficiaries_number), cell(t.pct_of_planned_status)]
    ]
    rows = [
        [
            cell(beneficiary_label(row, t)),
            cell(row.note) if row.note else cell(count_text(row.actual, t), number=True),
            figure_cell(w, row.percent),
        ]
        for row in report.beneficiaries
    ]
    w.table(head=head, rows=rows, widths_cm=(6.0, 7.5, 3.5))
    legend_if(w, [row.percent for row in report.beneficiaries])


def quantitative(w: Writer, report: ReportModel) -> None:
    t = w.t
    w.heading(t.quantitative_section, 1)
    head = [[cell(t.quantitative_column), cell(t.target), cell(t.actual), cell(t.pct_of_planned)]]
    rows: list[list[Cell]] = []
    merges: list[tuple[int, int, int, int]] = []
    for block in report.quantitative:
        rows.append(_block_heading(w, block))
        merges.append((len(rows), 0, len(rows), 2))  # the head row comes first
        for row in block.indicators:
            comment = [Run("\n" + row.comment, italic=True)] if row.comment else []
            rows.append(
                [
                    Cell(
                        runs=[
                            Run(row.code + " ", bold=True),
                            Run(row.text),
                            *_marks(row.marks.text),
                            *comment,
                        ]
                    ),
                    Cell(runs=[Run(target_text(row, t)), *_marks(row.marks.target)], number=True),
                    Cell(runs=[Run(actual_text(row, t)), *_marks(row.marks.actual)], number=True),
                    figure_cell(w, row.percent),
                ]
            )
    w.table(head=head, rows=rows, widths_cm=(8.6, 2.2, 3.9, 2.3), merges=merges)
    legend_if(w, [f for b in report.quantitative for f in b.figures()])


def _marks(numbers: tuple[int, ...]) -> list[Run]:
    return [Run(str(n), superscript=True) for n in numbers]


def _block_heading(w: Writer, block: OutputBlock) -> list[Cell]:
    r = block.result
    fill = STRONG_FILL if r.level is ResultLevel.JP_OUTPUT else BAND_FILL
    responsible = f" ({responsible_text(r, w.t)})" if r.responsible else ""
    title = Cell(
        runs=[Run(result_label(r, w.t) + responsible + ": ", bold=True), Run(r.text)], fill=fill
    )
    return [
        title,
        cell("", fill=fill),
        cell("", fill=fill),
        figure_cell(w, block.percent, fill=fill, bold=True),
    ]


def qualitative(w: Writer, report: ReportModel) -> None:
    t, q = w.t, report.qualitative
    w.heading(t.qualitative_section, 1)
    if q.summary_html.strip():
        w.rich(q.summary_html, empty=t.nothing_reported)
    for n in q.narratives:
        w.heading(narrative_heading(n, t), 2)
        w.rich(n.html, empty=t.nothing_reported)


def constraints(w: Writer, report: ReportModel) -> None:
    w.heading(w.t.constraints_section, 1)
    w.rich(report.constraints_html, empty=w.t.no_constraints)


def content_note(w: Writer, report: ReportModel) -> None:
    """The legend of the marks on texts shown untranslated."""
    if report.content_note:
        w.paragraph([Run(report.content_note, italic=True)], size=8.5)


def footnotes(w: Writer, report: ReportModel) -> None:
    if not report.footnotes:
        return
    w.heading(w.t.notes_section, 1)
    for note in report.footnotes:
        text = [Run(note.text)] if note.text else [Run(w.t.no_text, italic=True)]
        w.paragraph([Run(f"{note.number}. ", bold=True), *text], size=8.5)


def evidence(w: Writer, report: ReportModel) -> None:
    if not report.evidence:
        return
    t = w.t
    w.heading(t.evidence_section, 1)
    head = [
        [
            cell(t.indicator),
            cell(t.document),
            cell(t.evidence_description),
            cell(t.kind),
            cell(t.size),
        ]
    ]
    rows = [
        [
            cell(e.indicator),
            cell(e.name),
            cell(e.description),
            cell(e.kind),
            cell(file_size(e.size), number=True),
        ]
        for e in report.evidence
    ]
    w.table(head=head, rows=rows, widths_cm=(2.0, 5.0, 6.0, 1.8, 2.2))


def findings(w: Writer, found: tuple[Finding, ...]) -> None:
    t = w.t
    w.heading(t.findings_section, 1)
    if not found:
        w.paragraph(t.no_findings)
        return
    counts = {s: sum(1 for f in found if f.severity.value == s) for s in t.severities}
    w.paragraph(
        t.findings_summary.format(
            total=len(found),
            errors=counts["error"],
            warnings=counts["warning"],
            notes=counts["info"],
        )
    )
    head = [[cell(t.severity), cell(t.where), cell(t.finding)]]
    rows = [
        [
            Cell(
                runs=[Run(t.severities[f.severity.value], bold=True)],
                fill=WARN_FILL if f.severity.value != "info" else "",
            ),
            cell(f.where),
            Cell(
                runs=[
                    Run(finding_text(f, t)),
                    *([Run(f"\n{t.source}: {f.source}", italic=True)] if f.source else []),
                ]
            ),
        ]
        for f in found
    ]
    w.table(head=head, rows=rows, widths_cm=(2.2, 3.0, 11.8))


def colophon(w: Writer, report: ReportModel) -> None:
    h = report.header
    text = w.t.colophon.format(number=h.project_number, period=h.period_code)
    w.paragraph(text, size=7.5, colour=MUTED)
