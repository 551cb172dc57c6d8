"""``logframe fund-report``: the fund's consolidated report for one quarter;
``logframe fund-figures``: the figures it reads, stored per quarter, made current or rebuilt."""

from __future__ import annotations

import argparse
import sys
from typing import Any

FORMATS = ("html", "docx", "xlsx", "json")
BINARY = ("docx", "xlsx")


def add_parser(sub: Any) -> None:
    """The subcommand and its options (called by ``logframe.cli.main.build_parser``)."""
    parser = sub.add_parser(
        "fund-report",
        help="write a fund's consolidated report for a quarter (all its projects, by SQL sums)",
    )
    parser.add_argument("fund", help="the fund's code, e.g. ITF")
    parser.add_argument("--period", required=True, help="the quarter, e.g. 2013Q1")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="default: the one --out's extension names (fund.xlsx: xlsx), else html",
    )
    parser.add_argument(
        "--lang", choices=["en", "ar", "ckb"], default="en", help="language of the labels"
    )
    parser.add_argument(
        "--no-findings",
        action="store_true",
        help="leave out the data-quality counts (they are worked out for quarters never counted)",
    )
    parser.add_argument("--out", required=True, help="the file to write ('-' for stdout)")
    figures = sub.add_parser(
        "fund-figures",
        help="work out the fund report's stored figures of the quarters behind (--all: every one)",
    )
    figures.add_argument("funds", nargs="*", metavar="FUND", help="the funds' codes (default: all)")
    figures.add_argument(
        "--all", action="store_true", help="work out every quarter again, current or not"
    )


def fund_report(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database, output_format, write_output
    from logframe.cli.main import CommandError
    from logframe.reporting.fund import FundReportError, assemble_fund_report, render_fund_report

    args.format = output_format(args.format, args.out, FORMATS)
    if args.format in BINARY and args.out == "-" and sys.stdout.isatty():
        raise CommandError(f"--out -: a {args.format} file is binary; write it to a file")
    with database():
        try:
            model = assemble_fund_report(args.fund, args.period, findings=not args.no_findings)
        except FundReportError as exc:
            raise CommandError(str(exc)) from exc
    if not model.projects:
        known = ", ".join(model.quarters[-8:]) or "none"
        raise CommandError(
            f"fund {model.fund_code} has no project reporting in {model.quarter}"
            f" (its quarters: {known})"
        )
    data = render_fund_report(model, args.format, lang=args.lang)
    write_output(args.out, data)
    if args.out != "-":
        print(
            f"wrote {args.out}: fund {model.fund_code} {model.quarter},"
            f" {len(model.projects):,} projects ({args.format}, {args.lang})"
        )
    return 0


def fund_figures(args: argparse.Namespace) -> int:
    from logframe.cli.commands import database
    from logframe.cli.main import CommandError
    from logframe.portfolio import models as m
    from logframe.portfolio.fund_indicators import stored_figures_refresh

    with database():
        funds = m.Fund.objects.order_by("code")
        if args.funds:
            unknown = sorted(set(args.funds) - set(funds.values_list("code", flat=True)))
            if unknown:
                raise CommandError(f"unknown fund {unknown[0]!r}")
            funds = funds.filter(code__in=args.funds)
        for fund in funds:
            periods = m.ReportingPeriod.objects.filter(project__fund=fund)
            done = stored_figures_refresh(periods=periods, everything=args.all)
            print(
                f"fund {fund.code}: {periods.count():,} quarters; indicators' figures worked out"
                f" for {done['figured']:,}, findings counted for {done['counted']:,}"
            )
    return 0


COMMANDS = {"fund-report": fund_report, "fund-figures": fund_figures}
