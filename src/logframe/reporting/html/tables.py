"""The report's figure tables: financial status, beneficiaries, quantitative achievements."""

from __future__ import annotations

from logframe.domain.records import ResultLevel
from logframe.reporting.html.elements import (
    el,
    esc,
    figure_cell,
    join,
    legend_if,
    marks,
    section,
    table,
)
from logframe.reporting.model import (
    BeneficiaryRow,
    FinanceRow,
    FinanceSection,
    IndicatorRow,
    OutputBlock,
    ReportModel,
)

_NUM = "num"


def financial_status(finance: FinanceSection) -> str:
    """Committed and disbursed per agency, then the total; amounts in the fund's currency."""
    rows = join(map(_finance_row, [*finance.agencies, finance.total]))
    cols = "".join(f'<col style="width:{w}">' for w in _FINANCE_WIDTHS)
    table_ = el(
        "table",
        el("colgroup", cols) + _finance_head(finance.currency) + el("tbody", rows),
        class_="finance",
    )
    return section(
        id_="finance", title="Financial Status", body=table_ + legend_if(finance.figures())
    )


_FINANCE_WIDTHS = ("11%", "15%", "15%", "10%", "15%", "10%", "15%", "9%")


def _finance_head(currency: str) -> str:
    def th(label: str, cls: str = "", **span: str) -> str:
        return el("th", esc(label), scope="col", class_=cls, **span)

    first = [
        th("Organisation", rowspan="2"),
        th(f"Approved ({currency})", _NUM, rowspan="2"),
        th("Funds committed", "group", colspan="2"),
        th("Funds disbursed", "group", colspan="2"),
        th("Forecast final date", rowspan="2"),
        th("Delay (months)", _NUM, rowspan="2"),
    ]
    second = [th(f"Amount ({currency})", _NUM), th("% of approved", _NUM)] * 2
    return el("thead", el("tr", "".join(first)) + el("tr", "".join(second)))


def _finance_row(row: FinanceRow) -> str:
    cells = [
        el("th", esc(row.label), scope="row"),
        el("td", esc(row.approved), class_=_NUM),
        figure_cell(row.committed),
        figure_cell(row.committed_pct),
        figure_cell(row.disbursed),
        figure_cell(row.disbursed_pct),
        el("td", esc(row.forecast_final_date), class_="date"),
        figure_cell(row.delay) if row.delay is not None else el("td"),
    ]
    return el("tr", "".join(cells), class_="total" if row.is_total else "")


def beneficiaries(rows: tuple[BeneficiaryRow, ...]) -> str:
    head = [
        ("Beneficiaries", ""),
        ("Number of beneficiaries", _NUM),
        ("% of planned (current status)", _NUM),
    ]
    body = table(
        head=head,
        rows=map(_beneficiary_row, rows),
        class_="beneficiaries",
        widths=("36%", "44%", "20%"),
    )
    legend = legend_if(row.percent for row in rows)
    return section(id_="beneficiaries", title="Beneficiaries", body=body + legend)


def _beneficiary_row(row: BeneficiaryRow) -> str:
    number = (
        el("td", esc(row.note), class_="note")
        if row.note
        else el("td", esc(row.actual), class_=_NUM)
    )
    return el("tr", el("th", esc(row.label), scope="row") + number + figure_cell(row.percent))


def quantitative(report: ReportModel) -> str:
    head = [
        ("Quantitative achievements against objectives and results", ""),
        ("Target", _NUM),
        ("Actual", _NUM),
        ("% of planned", _NUM),
    ]
    rows = (_block_rows(block) for block in report.quantitative)
    body = table(head=head, rows=rows, class_="quantitative", widths=_WIDTHS)
    return section(
        id_="quantitative",
        title="Quantitative Achievements against Objectives and Results",
        body=body + legend_if(f for b in report.quantitative for f in b.figures()),
    )


_WIDTHS = ("52%", "11%", "23%", "14%")


def _block_rows(block: OutputBlock) -> str:
    r = block.result
    kind = "jp-output" if r.level is ResultLevel.JP_OUTPUT else "output"
    responsible = el("span", esc(r.responsible), class_="resp") if r.responsible else ""
    title = (
        el("span", esc(r.label), class_="code")
        + (" " + responsible if responsible else "")
        + "<br>"
        + el("span", esc(r.text), class_="text")
    )
    heading = el(
        "tr",
        el("th", title, scope="rowgroup", colspan="3") + figure_cell(block.percent),
        class_=kind,
    )
    return join([heading, *map(_indicator_row, block.indicators)])


def _indicator_row(row: IndicatorRow) -> str:
    comment = el("span", esc(row.comment), class_="comment") if row.comment else ""
    text = el("span", esc(row.code), class_="code") + " " + esc(row.text) + marks(row.marks.text)
    cells = [
        el("td", text + comment),
        el("td", esc(row.target) + marks(row.marks.target), class_="fig"),
        el("td", esc(row.actual) + marks(row.marks.actual), class_="fig"),
        figure_cell(row.percent),
    ]
    return el("tr", "".join(cells), class_="indicator")
