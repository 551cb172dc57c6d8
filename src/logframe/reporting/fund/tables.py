"""The fund report's sections as tables of cells, in the order every document shows them.

One place decides what each document holds: the HTML, Word and Excel renderers only lay
these tables out. A cell keeps its text as shown (rounded once, to the fund's decimals) and
its unrounded value, for the spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from logframe.reporting.fund.model import (
    Achievement,
    Beneficiaries,
    FinanceLine,
    FundReportModel,
    Money,
    ProjectLine,
)
from logframe.reporting.fund.words import BEHIND_REASONS, STATES, amount, count, percent


@dataclass(frozen=True)
class Cell:
    text: str
    value: Decimal | int | str | None = None
    kind: str = "text"  # text, amount, percent, count
    link: str = ""  # a drill-down: "sector:Health", "organisation:UNDP", "project:G11-23"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    note: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None


Translate = Callable[[str], str]


def fund_tables(model: FundReportModel, _: Translate) -> tuple[Table, ...]:
    return (
        _finance(model, _, "sectors", _("Funds by sector"), model.by_sector),
        _finance(model, _, "groups", _("Funds by thematic group"), model.by_group),
        _finance(model, _, "organisations", _("Funds by participating organisation"),
                 model.by_organisation),
        _behind(model, _),
        _achievement(model, _),
        _beneficiaries(model, _),
        _findings(model, _),
        _trend(model, _),
        _projects(model, _),
    )  # fmt: skip


def summary_lines(model: FundReportModel, _: Translate) -> tuple[tuple[str, str], ...]:
    """The figures at the head of the report, as (label, figure as shown)."""
    f = model.finance_decimals
    return (
        (_("Projects reporting"), _("{n} of {total}").format(
            n=f"{len(model.projects):,}", total=f"{model.projects_in_fund:,}")),
        (_("Approved budget") + f" ({model.currency})", amount(model.total.approved)),
        (_("Committed") + f" ({model.currency})", amount(model.total.committed)),
        # xgettext:no-python-format
        (_("Committed, % of approved"), percent(model.total.committed_pct, f)),
        (_("Disbursed") + f" ({model.currency})", amount(model.total.disbursed)),
        # xgettext:no-python-format
        (_("Disbursed, % of approved"), percent(model.total.disbursed_pct, f)),
        (_("Projects behind schedule"), f"{len(model.behind):,}"),
        # xgettext:no-python-format
        (_("Indicators' mean % of planned"),
         percent(model.achievement_total.mean_pct, model.indicator_decimals)),
    )  # fmt: skip


def _money_cells(money: Money, places: int) -> tuple[Cell, ...]:
    return (
        Cell(amount(money.approved), money.approved, "amount"),
        Cell(amount(money.committed), money.committed, "amount"),
        Cell(percent(money.committed_pct, places), money.committed_pct, "percent"),
        Cell(amount(money.disbursed), money.disbursed, "amount"),
        Cell(percent(money.disbursed_pct, places), money.disbursed_pct, "percent"),
    )


def _money_headers(_: Translate, currency: str) -> tuple[str, ...]:
    return (
        _("Approved") + f" ({currency})",
        _("Committed"),
        # xgettext:no-python-format
        _("% of approved"),
        _("Disbursed"),
        # xgettext:no-python-format
        _("% of approved"),
    )  # fmt: skip


def _finance(
    model: FundReportModel, _: Translate, key: str, title: str, lines: tuple[FinanceLine, ...]
) -> Table:
    f = model.finance_decimals
    rows = tuple(
        (
            Cell(line.label, line.key, link=f"{line.kind}:{line.key}"),
            Cell(f"{line.projects:,}", line.projects, "count", link=f"{line.kind}:{line.key}"),
            *_money_cells(line.money, f),
        )
        for line in lines
    )
    return Table(
        key=key,
        title=title,
        # xgettext:no-python-format
        note=_("Cumulative committed and disbursed at the quarter's end, against the approved"
               " budgets; a total's % is the % of the summed amounts."),
        headers=("", _("Projects"), *_money_headers(_, model.currency)),
        rows=rows,
        total=(Cell(_("All projects"), link="all:"), Cell(f"{len(model.projects):,}",
               len(model.projects), "count", link="all:"), *_money_cells(model.total, f)),
    )  # fmt: skip


def _project_cell(p: ProjectLine) -> Cell:
    return Cell(p.number, p.number, link=f"project:{p.number}")


def _behind(model: FundReportModel, _: Translate) -> Table:
    f = model.finance_decimals
    rows = tuple(
        (
            _project_cell(p),
            Cell(p.title),
            Cell(count(p.delay_months), p.delay_months, "count"),
            Cell(count(p.reported_delay), p.reported_delay, "count"),
            Cell(percent(p.money.disbursed_pct, f), p.money.disbursed_pct, "percent"),
            Cell(percent(p.elapsed_pct, 1), p.elapsed_pct, "percent"),
            Cell(_("{far} of {scored}").format(far=p.far_behind, scored=p.scored), p.far_behind,
                 "count"),
            Cell("; ".join(_(BEHIND_REASONS[r]) for r in p.behind)),
        )
        for p in model.behind
    )  # fmt: skip
    gap = f"{model.rules.disbursement_gap:,f}"
    return Table(
        key="behind",
        title=_("Projects behind schedule"),
        # xgettext:no-python-format
        note=_("A project is behind schedule when an agency reports a delay or forecasts its"
               " final date after the planned end; when its % disbursed is more than {gap}"
               " points below the % of its time elapsed; or when a third or more of its scored"
               " indicators are far behind (their % of planned below half the time elapsed)."
               ).format(gap=gap),
        headers=(_("Project"), _("Title"), _("Delay (months)"), _("Reported delay"),
                 # xgettext:no-python-format
                 _("Disbursed, % of approved"), _("Time elapsed"), _("Indicators far behind"),
                 _("Why")),
        rows=rows,
    )  # fmt: skip


def _achievement_cells(a: Achievement, places: int, kind: str) -> tuple[Cell, ...]:
    return (
        Cell(a.label, a.key, link=f"{kind}:{a.key}"),
        Cell(f"{a.projects:,}", a.projects, "count", link=f"{kind}:{a.key}"),
        Cell(f"{a.indicators:,}", a.indicators, "count"),
        Cell(f"{a.scored:,}", a.scored, "count"),
        Cell(percent(a.mean_pct, places), a.mean_pct, "percent"),
        Cell(f"{a.achieved:,}", a.achieved, "count"),
        Cell(f"{a.far_behind:,}", a.far_behind, "count"),
    )


def _achievement(model: FundReportModel, _: Translate) -> Table:
    places = model.indicator_decimals
    total = _achievement_cells(model.achievement_total, places, "all")
    return Table(
        key="achievement",
        title=_("Indicator achievement by sector"),
        note=_("Each indicator's % of planned by the fund's rules (capped at 100 % when the"
               " fund caps it); the mean is over the indicators that have one. Achieved: 100 %"
               " or more. Far behind: below half the project's time elapsed."),
        headers=(_("Sector"), _("Projects"), _("Indicators"), _("With a %"),
                 # xgettext:no-python-format
                 _("Mean % of planned"), _("Achieved"), _("Far behind")),
        rows=tuple(_achievement_cells(a, places, "sector") for a in model.achievement),
        total=(Cell(_("All sectors"), link="all:"), *total[1:]),
    )  # fmt: skip


def _beneficiary_cells(b: Beneficiaries, places: int) -> tuple[Cell, ...]:
    return (
        Cell(b.label, b.key, link=f"sector:{b.key}"),
        Cell(count(b.men_target), b.men_target, "count"),
        Cell(count(b.men_actual), b.men_actual, "count"),
        Cell(percent(b.men_pct, places), b.men_pct, "percent"),
        Cell(count(b.women_target), b.women_target, "count"),
        Cell(count(b.women_actual), b.women_actual, "count"),
        Cell(percent(b.women_pct, places), b.women_pct, "percent"),
    )


def _beneficiaries(model: FundReportModel, _: Translate) -> Table:
    places = model.beneficiary_decimals
    total = _beneficiary_cells(model.beneficiaries_total, places)
    return Table(
        key="beneficiaries",
        title=_("Direct beneficiaries by sex"),
        note=_("Men and women reached against the targets, added up over the projects that"
               " report them; not capped."),
        headers=(_("Sector"), _("Men: target"), _("Men: reached"),
                 # xgettext:no-python-format
                 _("% of planned"),
                 _("Women: target"), _("Women: reached"),
                 # xgettext:no-python-format
                 _("% of planned")),
        rows=tuple(_beneficiary_cells(b, places) for b in model.beneficiaries),
        total=(Cell(_("All sectors"), link="all:"), *total[1:]),
    )  # fmt: skip


def _findings(model: FundReportModel, _: Translate) -> Table:
    found = sorted(
        (p for p in model.projects if (p.errors or 0) + (p.warnings or 0) + (p.infos or 0)),
        key=lambda p: (-(p.errors or 0), -(p.warnings or 0), p.number),
    )
    fs = model.findings
    return Table(
        key="findings",
        title=_("Data-quality findings per project"),
        note=_("The checks of every project's quarter (errors, warnings, notes), counted"
               " exactly; each project's report lists them.") if fs.counted else
             _("The findings were not counted for this report."),
        headers=(_("Project"), _("Title"), _("Errors"), _("Warnings"), _("Notes")),
        rows=tuple(
            (_project_cell(p), Cell(p.title), Cell(count(p.errors), p.errors, "count"),
             Cell(count(p.warnings), p.warnings, "count"), Cell(count(p.infos), p.infos, "count"))
            for p in found
        ),
        total=(Cell(_("All projects"), link="findings:"), Cell(
            _("{n} with errors").format(n=f"{fs.projects_with_errors:,}")),
            Cell(f"{fs.errors:,}", fs.errors, "count"), Cell(f"{fs.warnings:,}", fs.warnings,
            "count"), Cell(f"{fs.infos:,}", fs.infos, "count")) if fs.counted else None,
    )  # fmt: skip


def _trend(model: FundReportModel, _: Translate) -> Table:
    f = model.finance_decimals
    return Table(
        key="trend",
        title=_("The fund over its quarters"),
        note=_("Each quarter: the agencies reporting in it, their approved budgets and their"
               " cumulative committed and disbursed."),
        headers=(_("Quarter"), _("Projects"), *_money_headers(_, model.currency)),
        rows=tuple(
            (Cell(p.quarter, p.quarter), Cell(f"{p.projects:,}", p.projects, "count"),
             *_money_cells(p.money, f))
            for p in model.trend
        ),
    )  # fmt: skip


def _projects(model: FundReportModel, _: Translate) -> Table:
    f = model.finance_decimals
    return Table(
        key="projects",
        title=_("Funds and progress by project"),
        note=_("Every project reporting in the quarter."),
        headers=(_("Project"), _("Sector"), _("Lead"), _("State"),
                 *_money_headers(_, model.currency), _("Time elapsed"),
                 # xgettext:no-python-format
                 _("Mean % of planned"), _("Errors")),
        rows=tuple(
            (_project_cell(p), Cell(p.sector), Cell(p.lead), Cell(_(STATES.get(p.state, p.state))),
             *_money_cells(p.money, f), Cell(percent(p.elapsed_pct, 1), p.elapsed_pct, "percent"),
             Cell(percent(p.mean_pct, model.indicator_decimals), p.mean_pct, "percent"),
             Cell(count(p.errors), p.errors, "count"))
            for p in model.projects
        ),
    )  # fmt: skip
