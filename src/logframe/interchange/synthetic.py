"""A deterministic synthetic fund whose projects look like the seed, for demos and benchmarks.

``synthetic_projects(fund=..., projects=N, quarters=Q, seed=S)`` yields N project records,
each with Q consecutive quarters, the same for the same arguments on every machine
(``random.Random(seed)``, no clock, no hash order). Each project has 1 to 3 agencies (the
first leads), 2 to 4 JP outputs holding 3 to 8 outputs in all, 5 to 15 indicators per output of
every kind (counts split by sex, percentages, Yes/All milestones, "tbd" targets),
cumulative values that grow quarter by quarter, finance per agency and quarter,
beneficiaries, a narrative per output — and, in about one indicator in twenty-five,
the slips the data-quality rules look for (a sex split that does not add up, a reported
% that is not the computed one, a missing actual).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Actual, Measure, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    BeneficiaryRecord,
    Disaggregation,
    FinanceRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    PeriodRecord,
    ProjectRecord,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    Role,
)

AGENCIES = (
    ("UNDP", "United Nations Development Programme"),
    ("UNOPS", "United Nations Office for Project Services"),
    ("UNICEF", "United Nations Children's Fund"),
    ("WHO", "World Health Organization"),
    ("WFP", "World Food Programme"),
    ("FAO", "Food and Agriculture Organization"),
    ("UNESCO", "UN Educational, Scientific and Cultural Organization"),
    ("UNFPA", "United Nations Population Fund"),
    ("UN-HABITAT", "UN Human Settlements Programme"),
    ("UNHCR", "UN High Commissioner for Refugees"),
    ("ILO", "International Labour Organization"),
    ("UNIDO", "UN Industrial Development Organization"),
    ("UNIFEM", "UN Development Fund for Women"),
    ("UNEP", "United Nations Environment Programme"),
    ("IOM", "International Organization for Migration"),
    ("OCHA", "UN Office for the Coordination of Humanitarian Affairs"),
)
# (sector, DAC purpose code, line ministry)
SECTORS = (
    ("Governance and Human Rights", "15151", "Ministry of Planning"),
    ("Education", "11220", "Ministry of Education"),
    ("Health and Nutrition", "12220", "Ministry of Health"),
    ("Agriculture, Food Security and Environment", "31120", "Ministry of Agriculture"),
    ("Infrastructure Rehabilitation", "21020", "Ministry of Construction and Housing"),
    ("Water and Sanitation", "14030", "Ministry of Municipalities and Public Works"),
    ("Protection", "15160", "Ministry of Displacement and Migration"),
    ("Housing and Shelter", "16030", "Ministry of Construction and Housing"),
)
SUBJECTS = (
    "staff trained in results-based management",
    "capacity building activities organised",
    "policies reviewed with the line ministry",
    "community centres rehabilitated",
    "teachers trained in the new curriculum",
    "health workers certified",
    "households reached by the campaign",
    "district plans adopted",
    "schools equipped",
    "water schemes handed over",
    "surveys completed and published",
    "officials engaged in study visits",
)
MILESTONES = (
    "Strategic plan adopted",
    "Monitoring system operational",
    "Procedures manual endorsed",
    "Needs assessment completed",
    "Coordination mechanism established",
)
SLIP_RATE = 0.04  # about one indicator in twenty-five carries a slip


@dataclass(frozen=True)
class _Project:
    """The parts a project's quarters are drawn from."""

    record: ProjectRecord
    agencies: tuple[str, ...]
    budgets: dict[str, Decimal]


def synthetic_projects(
    *, fund: str, projects: int, quarters: int, seed: int, first_quarter: str = "2012Q1"
) -> Iterator[ProjectRecord]:
    """``projects`` project records of fund ``fund``, each with ``quarters`` quarters."""
    if projects < 0 or quarters < 0:
        raise ValueError("the number of projects and of quarters cannot be negative")
    rng = random.Random(f"{fund}:{seed}")
    fund_record = FundRecord(
        code=fund, name=f"Synthetic trust fund {fund}", administrative_agent="MPTF"
    )
    start_quarter = Quarter.parse(first_quarter)
    for index in range(1, projects + 1):
        shape = _project(rng, fund_record, index, start_quarter)
        periods = _periods(rng, shape, start_quarter, quarters)
        yield _with_periods(shape.record, periods)


def _project(rng: random.Random, fund: FundRecord, index: int, first: Quarter) -> _Project:
    sector, dac, ministry = SECTORS[rng.randrange(len(SECTORS))]
    agencies = tuple(code for code, _ in rng.sample(AGENCIES, rng.randint(1, 3)))
    budgets = {a: Decimal(rng.randrange(400, 15_000)) * 1000 for a in agencies}
    start = first.start - timedelta(days=rng.randrange(30, 400))
    # long enough to cover the quarters generated (up to three years of them)
    months = max(rng.choice((18, 24, 30, 36)), 12 + (first.start - start).days // 30 + 24)
    end = start + timedelta(days=int(months * 30.44))
    organisations = [
        OrganisationRecord(code=code, name=name) for code, name in AGENCIES if code in agencies
    ]
    organisations.append(
        OrganisationRecord(code="MPTF", name="MPTF Office", kind=OrganisationKind.FUND)
    )
    ministry_code = "MIN-" + "".join(w[0] for w in ministry.split() if w[0].isupper())
    organisations.append(
        OrganisationRecord(code=ministry_code, name=ministry, kind=OrganisationKind.GOVERNMENT)
    )
    results = _results(rng, agencies)
    record = ProjectRecord(
        fund=fund,
        number=f"S{index:05d}",
        title=f"{sector}: support programme {index}",
        organisations=tuple(organisations),
        participations=tuple(
            ParticipationRecord(
                organisation=a,
                role=Role.LEAD if i == 0 else Role.PARTICIPATING,
                approved_budget=budgets[a],
            )
            for i, a in enumerate(agencies)
        ),
        description=f"<p>A synthetic {sector.lower()} programme, generated for testing.</p>",
        sector=sector,
        sector_code=dac,
        thematic_group=sector,
        line_ministry=ministry_code,
        location="Iraq",
        approval_date=start - timedelta(days=rng.randrange(20, 90)),
        start_date=start,
        planned_end_date=end,
        results=results,
        reported_total_budget=sum(budgets.values(), Decimal(0)),
        reported_duration_months=months,
        recipient_country="IQ",
    )
    return _Project(record=record, agencies=agencies, budgets=budgets)


def _results(rng: random.Random, agencies: tuple[str, ...]) -> tuple[ResultRecord, ...]:
    groups = rng.randint(2, 4)
    outputs = rng.randint(max(3, groups), 8)
    per_group = [1] * groups
    for _ in range(outputs - groups):
        per_group[rng.randrange(groups)] += 1
    tree = []
    for g, count in enumerate(per_group, start=1):
        children = []
        for o in range(1, count + 1):
            code = f"{g}.{o}"
            lead = rng.choice(agencies)
            partners = tuple(a for a in agencies if a != lead and rng.random() < 0.3)
            indicators = tuple(
                _indicator(rng, f"{code}.{i}") for i in range(1, rng.randint(5, 15) + 1)
            )
            children.append(
                ResultRecord(
                    code=code,
                    text=f"Output {code}: {rng.choice(SUBJECTS)} at scale",
                    level=ResultLevel.OUTPUT,
                    lead=lead,
                    partners=partners,
                    indicators=indicators,
                )
            )
        tree.append(
            ResultRecord(
                code=str(g),
                text=f"JP output {g}: institutions deliver better services",
                level=ResultLevel.JP_OUTPUT,
                lead=agencies[0],
                children=tuple(children),
            )
        )
    return tuple(tree)


def _indicator(rng: random.Random, code: str) -> IndicatorRecord:
    kind = rng.random()
    if kind < 0.15:
        word = rng.choice(("Yes", "All"))
        return IndicatorRecord(
            code=code,
            text=rng.choice(MILESTONES),
            measure=Measure.MILESTONE,
            target=Target(kind=TargetKind.MILESTONE, milestone=word),
            target_text=word,
        )
    if kind < 0.27:
        target = Decimal(rng.choice((60, 70, 75, 80, 90)))
        return IndicatorRecord(
            code=code,
            text=f"Percentage of participants satisfied ({code})",
            measure=Measure.PERCENTAGE,
            target=Target(kind=TargetKind.NUMBER, value=target),
            target_text=f"{target}%",
            unit="%",
        )
    if kind < 0.31:
        return IndicatorRecord(
            code=code,
            text=f"Number of {rng.choice(SUBJECTS)}",
            measure=Measure.COUNT,
            target=Target(kind=TargetKind.TBD, note="tbd with the ministry"),
            target_text="tbd with the ministry",
        )
    target = Decimal(rng.choice((3, 5, 8, 12, 20, 40, 60, 150, 340, 1200)))
    split = rng.random() < 0.4
    subject = rng.choice(SUBJECTS)
    return IndicatorRecord(
        code=code,
        text=f"Number of {subject}{' (male/female)' if split else ''}",
        measure=Measure.COUNT,
        target=Target(kind=TargetKind.NUMBER, value=target),
        target_text=f"{target:,}",
        disaggregation=Disaggregation.SEX if split else Disaggregation.NONE,
    )


def _periods(
    rng: random.Random, shape: _Project, first: Quarter, quarters: int
) -> tuple[PeriodRecord, ...]:
    indicators = [i for r in shape.record.walk_results() for i in r.indicators]
    outputs = [r for r in shape.record.walk_results() if r.level == ResultLevel.OUTPUT]
    # where each indicator ends up at the project's end, as a share of its target
    reach = {i.code: rng.uniform(0.3, 1.2) for i in indicators}
    spend = {a: rng.uniform(0.5, 1.0) for a in shape.agencies}
    periods = []
    quarter = first
    for q in range(1, quarters + 1):
        share = q / max(quarters, 1)
        values = tuple(
            v for i in indicators if (v := _value(rng, i, reach[i.code] * share)) is not None
        )
        finance = tuple(
            FinanceRecord(
                organisation=a,
                committed=_money(shape.budgets[a] * Decimal(min(1.0, spend[a] * share * 1.1))),
                disbursed=_money(shape.budgets[a] * Decimal(spend[a] * share * 0.9)),
                forecast_final_date=shape.record.planned_end_date,
            )
            for a in shape.agencies
        )
        periods.append(
            PeriodRecord(
                quarter=quarter,
                summary=f"<p>Work continued on all outputs in {quarter.code}.</p>",
                values=values,
                finance=finance,
                beneficiaries=_beneficiaries(rng, share),
                progress=tuple(
                    ResultProgressRecord(
                        result=o.code,
                        narrative=f"<p>In {quarter.code}, output {o.code} advanced as planned.</p>",
                    )
                    for o in outputs
                ),
            )
        )
        quarter = quarter.next()
    return tuple(periods)


def _value(
    rng: random.Random, indicator: IndicatorRecord, share: float
) -> IndicatorValueRecord | None:
    slip = rng.random() < SLIP_RATE
    if indicator.measure == Measure.MILESTONE:
        status = (
            Status.COMPLETED
            if share >= 1
            else Status.PARTIALLY
            if share > 0.4
            else Status.INITIATED
        )
        pct = Decimal(min(100, round(share * 100)))
        return IndicatorValueRecord(
            indicator=indicator.code, actual=Actual(status=status, estimated_pct=pct)
        )
    if slip and rng.random() < 0.3:
        return None  # a missing actual
    target = indicator.target.value
    if target is None:  # tbd: a count is still reported
        value = Decimal(round(40 * share))
    elif indicator.measure == Measure.PERCENTAGE:
        value = Decimal(min(100, round(float(target) * min(share, 1.1))))
    else:
        value = Decimal(round(float(target) * share))
    male = female = None
    if indicator.disaggregation == Disaggregation.SEX:
        female = Decimal(round(float(value) * rng.uniform(0.1, 0.5)))
        male = value - female
        if slip:
            male += rng.choice((1, 2)) if male < 2 else rng.choice((-2, -1, 1, 2))  # off by a few
    reported = None
    if slip and target:
        reported = min(Decimal(100), value / target * 100).quantize(Decimal(1)) + 3
    return IndicatorValueRecord(
        indicator=indicator.code,
        actual=Actual(value=value, male=male, female=female),
        reported_pct=reported,
    )


def _beneficiaries(rng: random.Random, share: float) -> tuple[BeneficiaryRecord, ...]:
    rows = []
    for group in (BeneficiaryGroup.MEN, BeneficiaryGroup.WOMEN, BeneficiaryGroup.CHILDREN):
        target = Decimal(rng.randrange(50, 5000))
        rows.append(
            BeneficiaryRecord(
                group=group, target=target, actual=Decimal(round(float(target) * share * 0.9))
            )
        )
    return tuple(rows)


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"))


def _with_periods(record: ProjectRecord, periods: tuple[PeriodRecord, ...]) -> ProjectRecord:
    return replace(record, periods=periods)
