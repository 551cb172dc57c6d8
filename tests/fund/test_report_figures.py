"""The fund report's figures against hand-computed funds: the seed project (docs/figures.md
works its figures out by hand) alone, twice in two sectors, and behind schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from logframe.domain.percentages import round_half_up
from logframe.reporting.fund import FundReportError, assemble_fund_report

pytestmark = pytest.mark.django_db


def shown(value: Decimal | None, places: int = 1) -> Decimal | None:
    return None if value is None else round_half_up(value=value, places=places)


def test_the_seed_alone(loaded_project):
    model = assemble_fund_report(loaded_project.fund.code, "2013Q1")
    assert [p.number for p in model.projects] == ["G11-23"]
    total = model.total
    assert total.approved == Decimal("24861991")
    assert total.committed == Decimal("12824814.81")
    assert total.disbursed == Decimal("12311346.93")
    assert shown(total.committed_pct) == Decimal("51.6")
    assert shown(total.disbursed_pct) == Decimal("49.5")
    orgs = {line.key: line.money for line in model.by_organisation}
    assert shown(orgs["UNDP"].committed_pct) == Decimal("41.9")
    assert shown(orgs["UNDP"].disbursed_pct) == Decimal("40.1")
    assert shown(orgs["UNOPS"].committed_pct) == Decimal("63.9")
    assert shown(orgs["UNOPS"].disbursed_pct) == Decimal("61.5")
    assert [line.money for line in model.by_sector] == [total]
    project = model.projects[0]
    assert shown(project.elapsed_pct) == Decimal("81.8")  # 896 of 1,096 days
    # 49.5 % disbursed is more than 25 points below 81.8 % of the time elapsed
    assert "disbursement" in project.behind
    assert model.behind == (project,)


def test_two_projects_in_two_sectors(loaded_project, seed_copy):
    seed_copy("G11-24", sector="Health", thematic_group="Health and Nutrition")
    model = assemble_fund_report(loaded_project.fund.code, "2013Q1")
    assert [p.number for p in model.projects] == ["G11-23", "G11-24"]
    assert model.total.approved == 2 * Decimal("24861991")
    assert shown(model.total.committed_pct) == Decimal("51.6")  # the same ratio, twice over
    assert [(line.label, line.projects) for line in model.by_sector] == [
        ("Governance", 1),
        ("Health", 1),
    ]
    assert {line.key: line.projects for line in model.by_organisation} == {"UNDP": 2, "UNOPS": 2}
    undp = next(line for line in model.by_organisation if line.key == "UNDP")
    assert undp.money.approved == 2 * Decimal("13947279")
    assert undp.money.committed == 2 * Decimal("5848841.07")
    # indicator achievement: each sector holds one copy of the same indicators
    governance, health = model.achievement
    assert governance.scored == health.scored > 0
    assert governance.mean_pct == health.mean_pct == model.achievement_total.mean_pct
    assert model.achievement_total.scored == 2 * governance.scored
    # beneficiaries by sex: men 1,459 of 1,471 and women 253 of 368 in each
    assert model.beneficiaries_total.men_actual == 2 * 1459
    assert model.beneficiaries_total.women_target == 2 * 368
    assert shown(model.beneficiaries_total.men_pct, 0) == 99
    assert shown(model.beneficiaries_total.women_pct, 0) == 69


def test_a_forecast_past_the_planned_end_is_a_delay(loaded_project):
    from logframe.portfolio import models as m

    m.FinancialStatus.objects.filter(period__project=loaded_project).update(
        forecast_final_date=date(2014, 1, 18)
    )  # planned end 17 October 2013: 4 months (docs/figures.md)
    project = assemble_fund_report(loaded_project.fund.code, "2013Q1").projects[0]
    assert project.delay_months == 4
    assert project.behind[0] == "delay"


def test_findings_are_the_checks_of_each_quarter(loaded_project):
    from logframe.domain.checks import check_period
    from logframe.domain.findings import Severity
    from logframe.domain.periods import Quarter
    from logframe.portfolio.selectors import project_record

    findings = check_period(
        project=project_record(project=loaded_project), quarter=Quarter.parse("2013Q1")
    )
    project = assemble_fund_report(loaded_project.fund.code, "2013Q1").projects[0]
    assert project.errors == sum(f.severity is Severity.ERROR for f in findings)
    assert project.warnings == sum(f.severity is Severity.WARNING for f in findings)
    assert project.infos == sum(f.severity is Severity.INFO for f in findings)
    assert project.errors + project.warnings > 0  # the seed has slips


def test_against_every_project_read_back_as_records(load_fund):
    """The SQL aggregates equal the sums of the records, project by project."""
    from logframe.domain.progress import indicator_percent
    from logframe.portfolio import models as m
    from logframe.portfolio.selectors import project_record

    fund = load_fund(projects=5, quarters=3, seed=7)
    model = assemble_fund_report(fund.code, "2012Q3")
    conventions = fund.conventions()
    lines = {p.number: p for p in model.projects}
    for project in m.Project.objects.filter(fund=fund):
        record = project_record(project=project)
        period = next(p for p in record.periods if p.quarter.code == "2012Q3")
        line = lines[project.number]
        assert line.money.approved == sum(p.approved_budget for p in record.participations)
        assert line.money.committed == sum(
            f.committed for f in period.finance if f.committed is not None
        )
        values = {v.indicator: v.actual for v in period.values}
        percents = [
            indicator_percent(measure=i.measure, target=i.target, actual=values[i.code],
                              conventions=conventions)
            for i in _indicators(record.results)
            if i.code in values
        ]  # fmt: skip
        scored = [p for p in percents if p is not None]
        assert line.scored == len(scored)
        assert line.achieved == sum(p >= 100 for p in scored)
        if scored:
            assert abs(line.mean_pct - sum(scored) / len(scored)) < Decimal("1e-9")


def _indicators(results):  # type: ignore[no-untyped-def]
    for result in results:
        yield from result.indicators
        yield from _indicators(getattr(result, "children", ()))


def test_unknown_fund_and_bad_period(loaded_project):
    with pytest.raises(FundReportError, match="unknown fund 'NOPE'"):
        assemble_fund_report("NOPE", "2013Q1")
    with pytest.raises(FundReportError, match="is not a quarter"):
        assemble_fund_report(loaded_project.fund.code, "2013-03")
