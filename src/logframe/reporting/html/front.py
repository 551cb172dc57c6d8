"""The front of the report: masthead, key facts, goal and objectives, outputs and activities."""

from __future__ import annotations

from logframe.domain.records import ResultLevel
from logframe.reporting.html.elements import (
    data,
    el,
    esc,
    figure_html,
    join,
    ltr,
    marks,
    rich,
    section,
)
from logframe.reporting.labels import EN, Labels
from logframe.reporting.model import Header, OutputsSection, ReportModel
from logframe.reporting.wording import period_text, result_label


def masthead(header: Header, t: Labels = EN) -> str:
    state = t.states.get(header.period_state, "")
    badge = el("span", esc(state), class_="state") if state else ""
    return el(
        "header",
        join(
            [
                el("p", esc(header.fund_name), class_="fund"),
                el("h1", esc(t.report_title) + (" " + badge if badge else "")),
                el(
                    "p",
                    esc(period_text(header, t)) + " (" + ltr(header.period_code, t) + ")",
                    class_="period",
                ),
            ]
        ),
        class_="masthead",
    )


def key_facts(report: ReportModel, t: Labels = EN) -> str:
    """The seed's header as a two-column table: what the project is, who, how much, when."""
    h = report.header
    rows = [
        (t.project_number, ltr(h.project_number, t)),
        (t.period_updated, esc(period_text(h, t))),
        (t.participants, _participants(h, t)),
        (t.thematic_group, data(h.thematic_group, t)),
        (t.sector, data(h.sector, t)),
        (t.line_ministry, data(h.line_ministry, t)),
        (t.title, el("strong", data(h.title, t))),
        (t.location, data(h.location, t)),
        (t.project_cost, _cost(h, t)),
        (t.duration, _duration(h, t)),
        (t.key_dates, _dates(h, t)),
        (t.description, rich(report.description_html, empty=t.nothing_reported, t=t)),
    ]
    body = join(
        el("tr", el("th", esc(label), scope="row") + _fact_cell(value)) for label, value in rows
    )
    return el("table", el("tbody", body), class_="facts")


def _fact_cell(value: str) -> str:
    return el("td", value, class_="mismatch" if 'class="flag"' in value else "")


def _participants(header: Header, t: Labels) -> str:
    note = el("span", f" ({esc(t.lead_agency)})", class_="lead-note")
    names = [
        el("span", esc(p.code) + note, class_="lead") if p.lead else esc(p.code)
        for p in header.participants
    ]
    return "، ".join(names) if t.rtl else ", ".join(names)


def _cost(header: Header, t: Labels) -> str:
    currency = esc(header.currency)
    total = el(
        "li",
        f"<span>{esc(t.total_budget)}:</span> {currency} {figure_html(header.budget_total, t)}",
    )
    agencies = (
        el("li", f"<span>{esc(p.code)}:</span> {currency} {ltr(p.budget, t)}")
        for p in header.participants
        if p.budget
    )
    return el("ul", join([total, *agencies]), class_="cost")


def _duration(header: Header, t: Labels) -> str:
    if header.duration.computed is None:
        return ""
    return f"{figure_html(header.duration, t)} {esc(t.months_unit)}"


def _dates(header: Header, t: Labels) -> str:
    dates = [
        (t.approval, header.approval_date),
        (t.start, header.start_date),
        (t.completion, header.completion_date),
        (t.revised_completion, header.revised_completion_date),
    ]
    items = (
        el("li", f"<span>{esc(label)}:</span> {esc(t.date(day))}") for label, day in dates if day
    )
    return el("ul", join(items), class_="dates")


def goal_and_objectives(report: ReportModel, t: Labels = EN) -> str:
    empty = t.nothing_reported
    body = join(
        [
            el("h3", esc(t.development_goal)),
            rich(report.development_goal_html, empty=empty, t=t),
            el("h3", esc(t.undaf)),
            rich(report.undaf_outcome_html, empty=empty, t=t),
            el("h3", esc(t.immediate_objective)),
            rich(report.immediate_objective_html, empty=empty, t=t),
        ]
    )
    return section(id_="goal", title=t.goal_section, body=body)


def outputs_and_activities(outputs: OutputsSection, t: Labels = EN) -> str:
    rows = [
        (t.outputs, _results(outputs, t)),
        (t.activities, _activities(outputs, t)),
        (t.procurement, _procurement(outputs, t)),
    ]
    body = join(el("tr", el("th", esc(label), scope="row") + el("td", v)) for label, v in rows)
    table = el("table", el("tbody", body), class_="facts")
    return section(id_="outputs", title=t.outputs_section, body=table)


def _results(outputs: OutputsSection, t: Labels) -> str:
    items = (
        el(
            "li",
            el("span", esc(result_label(r, t) + ":"), class_="code") + " " + data(r.text, t),
            class_="jp" if r.level is ResultLevel.JP_OUTPUT else "sub",
        )
        for r in outputs.results
    )
    return el("ul", join(items), class_="outputs-list") if outputs.results else _none(t)


def _activities(outputs: OutputsSection, t: Labels) -> str:
    items = (
        el("li", ltr(a.code, t, class_="code") + " " + data(a.text, t) + marks(a.marks))
        for a in outputs.activities
    )
    return el("ul", join(items), class_="outputs-list") if outputs.activities else _none(t)


def _procurement(outputs: OutputsSection, t: Labels) -> str:
    plan = (
        el("p", esc(t.procurement_plan))
        + el("ul", join(el("li", data(item, t)) for item in outputs.procurement_plan))
        if outputs.procurement_plan
        else ""
    )
    progress = (
        el("h3", esc(t.procurement_progress)) + rich(outputs.procurement_html, t=t)
        if outputs.procurement_html.strip()
        else ""
    )
    return join([plan, progress]) or _none(t)


def _none(t: Labels) -> str:
    return el("p", esc(t.none_recorded), class_="empty")
