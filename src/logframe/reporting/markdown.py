"""The report as GitHub-flavoured Markdown: the HTML report's sections, as text and pipe tables.

Plain text is escaped (a ``|`` never breaks a table); rich text is converted from its HTML
subset by ``richtext.html_to_markdown``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from logframe.domain.findings import Finding
from logframe.domain.formatting import file_size
from logframe.domain.records import ResultLevel
from logframe.reporting.model import (
    BeneficiaryRow,
    Figure,
    FinanceRow,
    FinanceSection,
    Header,
    OutputBlock,
    OutputsSection,
    ReportModel,
)
from logframe.reporting.richtext import escape_markdown, html_to_markdown

FLAG = "≠"
LEGEND = (
    f"*{FLAG} marks a figure computed from the recorded values that differs from the figure"
    " the report stated, shown as “reported”.*"
)
LEFT, RIGHT = ":---", "---:"


def render_markdown(report: ReportModel) -> str:
    """The whole report, in the seed report's section order, findings last."""
    sections = [
        _front(report.header),
        _key_facts(report),
        _goal(report),
        _outputs(report.outputs),
        _finance(report.finance),
        _beneficiaries(report.beneficiaries),
        _quantitative(report.quantitative),
        _qualitative(report),
        _section("Main Implementation Constraints and Challenges", _rich(report.constraints_html)),
        _footnotes(report),
        _evidence(report),
        _findings(report.findings),
    ]
    return "\n\n".join(part for part in sections if part) + "\n"


# Pieces -----------------------------------------------------------------------------------


def _t(text: str) -> str:
    """Plain text, escaped and on one line (it may stand in a table cell)."""
    return escape_markdown(" ".join(text.split()))


def _rich(fragment: str) -> str:
    return html_to_markdown(fragment) or "*Nothing reported.*"


def _figure(figure: Figure) -> str:
    if figure.agrees:
        return _t(figure.text)
    return f"**{FLAG} {_t(figure.text)}** (reported {_t(figure.reported_text)})"


def _marks(numbers: Iterable[int]) -> str:
    return "".join(f"<sup>{n}</sup>" for n in numbers)


def _table(head: Sequence[tuple[str, str]], rows: Iterable[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(_t(label) for label, _ in head) + " |",
        "| " + " | ".join(align for _, align in head) + " |",
        *("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def _section(title: str, body: str) -> str:
    return f"## {_t(title)}\n\n{body}"


def _legend_if(figures: Iterable[Figure]) -> str:
    return f"\n\n{LEGEND}" if any(f.mismatch for f in figures) else ""


# Sections ---------------------------------------------------------------------------------


def _front(h: Header) -> str:
    state = {"open": " · Draft", "submitted": " · Submitted", "returned": " · Returned"}
    return (
        f"# Quarterly Progress Report\n\n**{_t(h.fund_name)}**  \n"
        f"{_t(h.period_label)} ({_t(h.period_code)}){state.get(h.period_state, '')}"
    )


def _key_facts(report: ReportModel) -> str:
    h = report.header
    lead = ", ".join(
        f"{_t(p.code)} (lead agency)" if p.lead else _t(p.code) for p in h.participants
    )
    cost = [f"Total budget: {_t(h.currency)} {_figure(h.budget_total)}"] + [
        f"{_t(p.code)}: {_t(h.currency)} {_t(p.budget)}" for p in h.participants if p.budget
    ]
    dates = [
        f"{label}: {_t(day)}"
        for label, day in (
            ("Approval (SC)", h.approval_date),
            ("Start", h.start_date),
            ("Completion", h.completion_date),
            ("Revised completion", h.revised_completion_date),
        )
        if day
    ]
    duration = f"{_figure(h.duration)} months" if h.duration.computed is not None else ""
    rows = [
        ("Project number", _t(h.project_number)),
        ("Date and quarter updated", _t(h.period_label)),
        ("Participating UN organisations", lead),
        ("Thematic group (PWG)", _t(h.thematic_group)),
        ("Sector", _t(h.sector)),
        ("Responsible line ministry", _t(h.line_ministry)),
        ("Title", f"**{_t(h.title)}**" if h.title.strip() else ""),
        ("Geographic location", _t(h.location)),
        ("Project cost", "<br>".join(cost)),
        ("Duration", duration),
        ("Key dates", "<br>".join(dates)),
    ]
    table = _table([("Project", LEFT), ("", LEFT)], ([f"**{k}**", v] for k, v in rows))
    return f"{table}{_legend_if([h.budget_total, h.duration])}\n\n" + (
        f"**Project description**\n\n{_rich(report.description_html)}"
    )


def _goal(report: ReportModel) -> str:
    body = "\n\n".join(
        [
            f"### Development goal\n\n{_rich(report.development_goal_html)}",
            f"### Links with the UNDAF\n\n{_rich(report.undaf_outcome_html)}",
            f"### Immediate objective\n\n{_rich(report.immediate_objective_html)}",
        ]
    )
    return _section("Development Goal and Immediate Objectives", body)


def _outputs(outputs: OutputsSection) -> str:
    results = "\n".join(
        f"{'' if r.level is ResultLevel.JP_OUTPUT else '  '}- **{_t(r.label)}:** {_t(r.text)}"
        for r in outputs.results
    )
    activities = "\n".join(
        f"- **{_t(a.code)}** {_t(a.text)}{_marks(a.marks)}" for a in outputs.activities
    )
    plan = "\n".join(f"- {_t(item)}" for item in outputs.procurement_plan)
    procurement = "\n\n".join(
        part
        for part in (
            f"Procurement planned under the project:\n\n{plan}" if plan else "",
            html_to_markdown(outputs.procurement_html),
        )
        if part
    )
    none = "*None recorded.*"
    body = (
        f"### Outputs\n\n{results or none}\n\n### Activities\n\n{activities or none}\n\n"
        f"### Procurement\n\n{procurement or none}"
    )
    return _section("Outputs, Key Activities and Procurement", body)


def _finance(finance: FinanceSection) -> str:
    c = finance.currency
    head = [
        ("Organisation", LEFT),
        (f"Approved ({c})", RIGHT),
        (f"Committed ({c})", RIGHT),
        ("% of approved", RIGHT),
        (f"Disbursed ({c})", RIGHT),
        ("% of approved", RIGHT),
        ("Forecast final date", LEFT),
        ("Delay (months)", RIGHT),
    ]
    rows = map(_finance_row, [*finance.agencies, finance.total])
    return _section("Financial Status", _table(head, rows) + _legend_if(finance.figures()))


def _finance_row(row: FinanceRow) -> list[str]:
    cells = [
        _t(row.label),
        _t(row.approved),
        _figure(row.committed),
        _figure(row.committed_pct),
        _figure(row.disbursed),
        _figure(row.disbursed_pct),
        _t(row.forecast_final_date),
        "" if row.delay is None else _figure(row.delay),
    ]
    return [f"**{cell}**" if row.is_total and cell else cell for cell in cells]


def _beneficiaries(rows: tuple[BeneficiaryRow, ...]) -> str:
    head = [
        ("Beneficiaries", LEFT),
        ("Number of beneficiaries", RIGHT),
        ("% of planned (current status)", RIGHT),
    ]
    body = _table(head, (_beneficiary_row(row) for row in rows))
    return _section("Beneficiaries", body + _legend_if(row.percent for row in rows))


def _beneficiary_row(row: BeneficiaryRow) -> list[str]:
    return [_t(row.label), _t(row.note or row.actual), _figure(row.percent)]


def _quantitative(blocks: tuple[OutputBlock, ...]) -> str:
    head = [
        ("Quantitative achievements against objectives and results", LEFT),
        ("Target", RIGHT),
        ("Actual", RIGHT),
        ("% of planned", RIGHT),
    ]
    rows = [row for block in blocks for row in _block_rows(block)]
    legend = _legend_if(f for block in blocks for f in block.figures())
    return _section(
        "Quantitative Achievements against Objectives and Results", _table(head, rows) + legend
    )


def _block_rows(block: OutputBlock) -> list[list[str]]:
    r = block.result
    responsible = f" ({_t(r.responsible)})" if r.responsible else ""
    heading = [f"**{_t(r.label)}**{responsible}: {_t(r.text)}", "", "", _figure(block.percent)]
    indicators = [
        [
            f"{_t(i.code)} {_t(i.text)}{_marks(i.marks.text)}"
            + (f"<br>*{_t(i.comment)}*" if i.comment else ""),
            _t(i.target) + _marks(i.marks.target),
            _t(i.actual) + _marks(i.marks.actual),
            _figure(i.percent),
        ]
        for i in block.indicators
    ]
    return [heading, *indicators]


def _qualitative(report: ReportModel) -> str:
    q = report.qualitative
    parts = [_rich(q.summary_html)] + [
        f"### {_t(n.heading)}\n\n{_rich(n.html)}" for n in q.narratives
    ]
    return _section("Qualitative Achievements against Objectives and Results", "\n\n".join(parts))


def _footnotes(report: ReportModel) -> str:
    if not report.footnotes:
        return ""
    notes = "\n".join(
        f"- **{n.number}.** {_t(n.text) or '*(no text recorded)*'}" for n in report.footnotes
    )
    return _section("Notes", notes)


def _evidence(report: ReportModel) -> str:
    if not report.evidence:
        return ""
    head = [("Indicator", LEFT), ("Document", LEFT), ("Description", LEFT), ("Type", LEFT),
            ("Size", RIGHT)]  # fmt: skip
    rows = (
        [_t(e.indicator), _t(e.name), _t(e.description), _t(e.kind), file_size(e.size)]
        for e in report.evidence
    )
    return _section("Annex: Means of Verification", _table(head, rows))


def _findings(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return _section(
            "Data-Quality Findings",
            "No findings: every reported figure agrees with the recorded values.",
        )
    head = [("Severity", LEFT), ("Where", LEFT), ("Finding", LEFT)]
    rows = (
        [
            f.severity.value.upper(),
            _t(f.where),
            _t(f.message + (f" (source: {f.source})" if f.source else "")),
        ]
        for f in findings
    )
    return _section("Data-Quality Findings", _table(head, rows))
