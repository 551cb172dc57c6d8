"""The back of the report: narratives, constraints, footnotes and data-quality findings."""

from __future__ import annotations

from logframe.domain.findings import Finding, Severity
from logframe.domain.formatting import file_size
from logframe.reporting.finding_text import finding_text
from logframe.reporting.html.elements import data, el, esc, join, ltr, rich, section, table
from logframe.reporting.labels import EN, Labels
from logframe.reporting.model import EvidenceItem, Footnote, Qualitative
from logframe.reporting.wording import narrative_heading


def qualitative(q: Qualitative, t: Labels = EN) -> str:
    narratives = (
        el(
            "div",
            el("h3", data(narrative_heading(n, t), t))
            + rich(n.html, empty=t.nothing_reported, t=t),
            class_="narrative",
        )
        for n in q.narratives
    )
    body = join([rich(q.summary_html, empty=t.nothing_reported, t=t), *narratives])
    return section(id_="qualitative", title=t.qualitative_section, body=body)


def constraints(html: str, t: Labels = EN) -> str:
    return section(
        id_="constraints",
        title=t.constraints_section,
        body=rich(html, empty=t.no_constraints, t=t),
    )


def content_note(note: str) -> str:
    """The legend of the marks on texts shown untranslated, or "" when there are none."""
    return el("p", esc(note), class_="content-note", role="note") if note else ""


def footnotes(notes: tuple[Footnote, ...], t: Labels = EN) -> str:
    if not notes:
        return ""
    missing = el("span", esc(t.no_text), class_="empty")
    items = join(
        el("li", data(n.text, t) or missing, id=f"fn-{n.number}", value=str(n.number))
        for n in notes
    )
    return section(id_="footnotes", title=t.notes_section, body=el("ol", items, class_="footnotes"))


def evidence(items: tuple[EvidenceItem, ...], t: Labels = EN) -> str:
    """The annex: the means of verification attached to the quarter's values."""
    if not items:
        return ""
    head = [
        (t.indicator, ""),
        (t.document, ""),
        (t.evidence_description, ""),
        (t.kind, ""),
        (t.size, ""),
    ]
    rows = (
        el(
            "tr",
            el("td", ltr(e.indicator, t))
            + el("td", data(e.name, t))
            + el("td", data(e.description, t))
            + el("td", esc(e.kind))
            + el("td", esc(file_size(e.size)), class_="num"),
        )
        for e in items
    )
    body = table(head=head, rows=rows, class_="evidence", widths=("12%", "34%", "34%", "8%", "12%"))
    return section(id_="evidence", title=t.evidence_section, body=body)


def _provenance(source: str, t: Labels) -> str:
    """Where the figure came from (file and line, or table and cell), as a quiet second line."""
    return el("span", esc(t.source) + ": " + ltr(source, t), class_="provenance") if source else ""


def findings(found: tuple[Finding, ...], t: Labels = EN) -> str:
    title = t.findings_section
    if not found:
        body = el("p", esc(t.no_findings))
        return section(id_="findings", title=title, body=body)
    head = [(t.severity, ""), (t.where, ""), (t.finding, "")]
    rows = (
        el(
            "tr",
            el(
                "td",
                el(
                    "span",
                    esc(t.severities[f.severity.value]),
                    class_=f"severity {f.severity.value}",
                ),
            )
            + el("td", ltr(f.where, t))
            + el("td", data(finding_text(f, t), t) + _provenance(f.source, t)),
        )
        for f in found
    )
    body = (_summary(found) if t is EN else _summary_in(found, t)) + table(
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


def _summary_in(found: tuple[Finding, ...], t: Labels) -> str:
    errors, warnings, notes = (
        sum(1 for f in found if f.severity is severity)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    text = t.findings_summary.format(
        total=len(found), errors=errors, warnings=warnings, notes=notes
    )
    return el("p", esc(text), class_="findings-summary")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
