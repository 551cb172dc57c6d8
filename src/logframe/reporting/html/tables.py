"""The report's figure tables: financial status, beneficiaries, quantitative achievements."""

from __future__ import annotations

from logframe.domain.records import ResultLevel
from logframe.reporting.html.elements import (
    col,
    data,
    el,
    esc,
    figure_cell,
    join,
    legend_if,
    ltr,
    marks,
    section,
    table,
)
from logframe.reporting.labels import EN, Labels
from logframe.reporting.model import (
    BeneficiaryRow,
    FinanceRow,
    FinanceSection,
    IndicatorRow,
    OutputBlock,
    ReportModel,
)
from logframe.reporting.wording import (
    actual_text,
    beneficiary_label,
    count_text,
    finance_label,
    responsible_text,
    result_label,
    target_text,
)

_NUM = "num"


def financial_status(finance: FinanceSection, t: Labels = EN) -> str:
    """Committed and disbursed per agency, then the total; amounts in the fund's currency."""
    rows = join(_finance_row(row, t) for row in [*finance.agencies, finance.total])
    cols = "".join(col(w) for w in _FINANCE_WIDTHS)
    table_ = el(
        "table",
        el("colgroup", cols) + _finance_head(finance.currency, t) + el("tbody", rows),
        class_="finance",
    )
    return section(
        id_="finance", title=t.finance_section, body=table_ + legend_if(finance.figures(), t)
    )


_FINANCE_WIDTHS = ("15%", "14%", "14%", "10%", "14%", "10%", "14%", "9%")


def _finance_head(currency: str, t: Labels) -> str:
    def th(label: str, cls: str = "", **span: str) -> str:
        return el("th", esc(label), scope="col", class_=cls, **span)

    first = [
        th(t.organisation, rowspan="2"),
        th(t.approved.format(currency=currency), _NUM, rowspan="2"),
        th(t.committed, "group", colspan="2"),
        th(t.disbursed, "group", colspan="2"),
        th(t.forecast_final_date, rowspan="2"),
        th(t.delay_months, _NUM, rowspan="2"),
    ]
    second = [th(t.amount.format(currency=currency), _NUM), th(t.pct_of_approved, _NUM)] * 2
    return el("thead", el("tr", "".join(first)) + el("tr", "".join(second)))


def _finance_row(row: FinanceRow, t: Labels) -> str:
    cells = [
        el("th", esc(finance_label(row, t)), scope="row"),
        el("td", ltr(row.approved, t), class_=_NUM),
        figure_cell(row.committed, t),
        figure_cell(row.committed_pct, t),
        figure_cell(row.disbursed, t),
        figure_cell(row.disbursed_pct, t),
        el("td", esc(t.date(row.forecast_final_date)), class_="date"),
        figure_cell(row.delay, t) if row.delay is not None else el("td"),
    ]
    return el("tr", "".join(cells), class_="total" if row.is_total else "")


def beneficiaries(rows: tuple[BeneficiaryRow, ...], t: Labels = EN) -> str:
    head = [
        (t.beneficiaries_section, ""),
        (t.beneficiaries_number, _NUM),
        (t.pct_of_planned_status, _NUM),
    ]
    body = table(
        head=head,
        rows=(_beneficiary_row(row, t) for row in rows),
        class_="beneficiaries",
        widths=("36%", "44%", "20%"),
    )
    legend = legend_if((row.percent for row in rows), t)
    return section(id_="beneficiaries", title=t.beneficiaries_section, body=body + legend)


def _beneficiary_row(row: BeneficiaryRow, t: Labels) -> str:
    number = (
        el("td", data(row.note, t), class_="note")
        if row.note
        else el("td", ltr(count_text(row.actual, t), t), class_=_NUM)
    )
    label = el("th", esc(beneficiary_label(row, t)), scope="row")
    return el("tr", label + number + figure_cell(row.percent, t))


def quantitative(report: ReportModel, t: Labels = EN) -> str:
    head = [
        (t.quantitative_column, ""),
        (t.target, _NUM),
        (t.actual, _NUM),
        (t.pct_of_planned, _NUM),
    ]
    rows = (_block_rows(block, t) for block in report.quantitative)
    body = table(head=head, rows=rows, class_="quantitative", widths=_WIDTHS)
    return section(
        id_="quantitative",
        title=t.quantitative_section,
        body=body + legend_if((f for b in report.quantitative for f in b.figures()), t),
    )


_WIDTHS = ("52%", "11%", "23%", "14%")


def _block_rows(block: OutputBlock, t: Labels) -> str:
    r = block.result
    kind = "jp-output" if r.level is ResultLevel.JP_OUTPUT else "output"
    responsible = el("span", esc(responsible_text(r, t)), class_="resp") if r.responsible else ""
    title = (
        el("span", esc(result_label(r, t)), class_="code")
        + (" " + responsible if responsible else "")
        + "<br>"
        + el("span", data(r.text, t), class_="text")
    )
    heading = el(
        "tr",
        el("th", title, scope="rowgroup", colspan="3") + figure_cell(block.percent, t),
        class_=kind,
    )
    return join([heading, *(_indicator_row(row, t) for row in block.indicators)])


def _indicator_row(row: IndicatorRow, t: Labels) -> str:
    comment = el("span", data(row.comment, t), class_="comment") if row.comment else ""
    text = ltr(row.code, t, class_="code") + " " + data(row.text, t) + marks(row.marks.text)
    cells = [
        el("td", text + comment),
        el("td", data(target_text(row, t), t) + marks(row.marks.target), class_="fig"),
        el("td", data(actual_text(row, t), t) + marks(row.marks.actual), class_="fig"),
        figure_cell(row.percent, t),
    ]
    return el("tr", "".join(cells), class_="indicator")
