"""The front of the report: masthead, key facts, goal and objectives, outputs and activities."""

from __future__ import annotations

from logframe.domain.records import ResultLevel
from logframe.reporting.html.elements import el, esc, figure_html, join, marks, rich, section
from logframe.reporting.model import Header, OutputsSection, ReportModel

_STATES = {"open": "Draft", "submitted": "Submitted", "returned": "Returned"}


def masthead(header: Header) -> str:
    state = _STATES.get(header.period_state, "")
    badge = el("span", esc(state), class_="state") if state else ""
    return el(
        "header",
        join(
            [
                el("p", esc(header.fund_name), class_="fund"),
                el("h1", esc("Quarterly Progress Report") + (" " + badge if badge else "")),
                el("p", esc(f"{header.period_label} ({header.period_code})"), class_="period"),
            ]
        ),
        class_="masthead",
    )


def key_facts(report: ReportModel) -> str:
    """The seed's header as a two-column table: what the project is, who, how much, when."""
    h = report.header
    rows = [
        ("Project number", esc(h.project_number)),
        ("Date and quarter updated", esc(h.period_label)),
        ("Participating UN organisations", _participants(h)),
        ("Thematic group (PWG)", esc(h.thematic_group)),
        ("Sector", esc(h.sector)),
        ("Responsible line ministry", esc(h.line_ministry)),
        ("Title", el("strong", esc(h.title))),
        ("Geographic location", esc(h.location)),
        ("Project cost", _cost(h)),
        ("Duration", _duration(h)),
        ("Key dates", _dates(h)),
        ("Project description", rich(report.description_html)),
    ]
    body = join(
        el("tr", el("th", esc(label), scope="row") + _fact_cell(value)) for label, value in rows
    )
    return el("table", el("tbody", body), class_="facts")


def _fact_cell(value: str) -> str:
    return el("td", value, class_="mismatch" if 'class="flag"' in value else "")


def _participants(header: Header) -> str:
    names = [
        el("span", esc(p.code) + el("span", " (lead agency)", class_="lead-note"), class_="lead")
        if p.lead
        else esc(p.code)
        for p in header.participants
    ]
    return ", ".join(names)


def _cost(header: Header) -> str:
    currency = esc(header.currency)
    total = el("li", f"<span>Total budget:</span> {currency} {figure_html(header.budget_total)}")
    agencies = (
        el("li", f"<span>{esc(p.code)}:</span> {currency} {esc(p.budget)}")
        for p in header.participants
        if p.budget
    )
    return el("ul", join([total, *agencies]), class_="cost")


def _duration(header: Header) -> str:
    if header.duration.computed is None:
        return ""
    return f"{figure_html(header.duration)} months"


def _dates(header: Header) -> str:
    dates = [
        ("Approval (SC)", header.approval_date),
        ("Start", header.start_date),
        ("Completion", header.completion_date),
        ("Revised completion", header.revised_completion_date),
    ]
    items = (el("li", f"<span>{esc(label)}:</span> {esc(day)}") for label, day in dates if day)
    return el("ul", join(items), class_="dates")


def goal_and_objectives(report: ReportModel) -> str:
    body = join(
        [
            el("h3", "Development goal"),
            rich(report.development_goal_html),
            el("h3", "Links with the UNDAF"),
            rich(report.undaf_outcome_html),
            el("h3", "Immediate objective"),
            rich(report.immediate_objective_html),
        ]
    )
    return section(id_="goal", title="Development Goal and Immediate Objectives", body=body)


def outputs_and_activities(outputs: OutputsSection) -> str:
    rows = [
        ("Outputs", _results(outputs)),
        ("Activities", _activities(outputs)),
        ("Procurement", _procurement(outputs)),
    ]
    body = join(el("tr", el("th", esc(label), scope="row") + el("td", v)) for label, v in rows)
    table = el("table", el("tbody", body), class_="facts")
    return section(id_="outputs", title="Outputs, Key Activities and Procurement", body=table)


def _results(outputs: OutputsSection) -> str:
    items = (
        el(
            "li",
            el("span", esc(f"{r.label}:"), class_="code") + " " + esc(r.text),
            class_="jp" if r.level is ResultLevel.JP_OUTPUT else "sub",
        )
        for r in outputs.results
    )
    return el("ul", join(items), class_="outputs-list") if outputs.results else _none()


def _activities(outputs: OutputsSection) -> str:
    items = (
        el("li", el("span", esc(a.code), class_="code") + " " + esc(a.text) + marks(a.marks))
        for a in outputs.activities
    )
    return el("ul", join(items), class_="outputs-list") if outputs.activities else _none()


def _procurement(outputs: OutputsSection) -> str:
    plan = (
        el("p", "Procurement planned under the project:")
        + el("ul", join(el("li", esc(item)) for item in outputs.procurement_plan))
        if outputs.procurement_plan
        else ""
    )
    progress = (
        el("h3", "Progress this quarter") + rich(outputs.procurement_html)
        if outputs.procurement_html.strip()
        else ""
    )
    return join([plan, progress]) or _none()


def _none() -> str:
    return el("p", "None recorded.", class_="empty")
