"""The back of the report: narratives, constraints, footnotes and data-quality findings."""

from __future__ import annotations

from logframe.domain.findings import Finding, Severity
from logframe.domain.formatting import file_size
from logframe.reporting.html.elements import el, esc, join, rich, section, table
from logframe.reporting.model import EvidenceItem, Footnote, Qualitative


def qualitative(q: Qualitative) -> str:
    narratives = (
        el("div", el("h3", esc(n.heading)) + rich(n.html), class_="narrative") for n in q.narratives
    )
    body = join([rich(q.summary_html), *narratives])
    return section(
        id_="qualitative",
        title="Qualitative Achievements against Objectives and Results",
        body=body,
    )


def constraints(html: str) -> str:
    return section(
        id_="constraints",
        title="Main Implementation Constraints and Challenges",
        body=rich(html, empty="No constraints reported."),
    )


_MISSING_TEXT = el("span", "(no text recorded)", class_="empty")


def footnotes(notes: tuple[Footnote, ...]) -> str:
    if not notes:
        return ""
    items = join(
        el("li", esc(n.text) or _MISSING_TEXT, id=f"fn-{n.number}", value=str(n.number))
        for n in notes
    )
    return section(id_="footnotes", title="Notes", body=el("ol", items, class_="footnotes"))


def evidence(items: tuple[EvidenceItem, ...]) -> str:
    """The annex: the means of verification attached to the quarter's values."""
    if not items:
        return ""
    head = [("Indicator", ""), ("Document", ""), ("Description", ""), ("Type", ""), ("Size", "")]
    rows = (
        el(
            "tr",
            el("td", esc(e.indicator))
            + el("td", esc(e.name))
            + el("td", esc(e.description))
            + el("td", esc(e.kind))
            + el("td", esc(file_size(e.size)), class_="num"),
        )
        for e in items
    )
    body = table(head=head, rows=rows, class_="evidence", widths=("12%", "34%", "34%", "8%", "12%"))
    return section(id_="evidence", title="Annex: Means of Verification", body=body)


def _provenance(source: str) -> str:
    """Where the figure came from (file and line, or table and cell), as a quiet second line."""
    return el("span", "Source: " + esc(source), class_="provenance") if source else ""


def findings(found: tuple[Finding, ...]) -> str:
    title = "Data-Quality Findings"
    if not found:
        body = el("p", "No findings: every reported figure agrees with the recorded values.")
        return section(id_="findings", title=title, body=body)
    head = [("Severity", ""), ("Where", ""), ("Finding", "")]
    rows = (
        el(
            "tr",
            el("td", el("span", esc(f.severity.value), class_=f"severity {f.severity.value}"))
            + el("td", esc(f.where))
            + el("td", esc(f.message) + _provenance(f.source)),
        )
        for f in found
    )
    body = _summary(found) + table(
        head=head, rows=rows, class_="findings", widths=("12%", "30%", "58%")
    )
    return section(id_="findings", title=title, body=body)


def _summary(found: tuple[Finding, ...]) -> str:
    errors, warnings, notes = (
        sum(1 for f in found if f.severity is severity)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    text = (
        f"{_count(len(found), 'finding')}: {_count(errors, 'error')}"
        f" (a reported figure is wrong), {_count(warnings, 'warning')} (to look at)"
        f" and {_count(notes, 'note')} (for information)."
    )
    return el("p", esc(text), class_="findings-summary")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
