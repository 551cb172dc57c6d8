"""Synthetic legacy reports: a deterministic generator (``random.Random(seed)``) and its specs.

A spec fixes what a fixture is about (fund, project, agencies and budgets, quarter, JP
outputs and outputs, which indicator kinds, which slips); the generator draws the rest
(numbers, how they are written, status words, narratives, footnotes, page breaks) from the
spec's seed. Every reported figure is first computed by the rules of ``logframe.domain``
(rounded half-up to the printed precision), then the spec's slips are made, each on purpose
and listed in the fixture's ``expected_findings``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from html import escape

from logframe.domain.beneficiaries import BeneficiaryGroup, beneficiary_percent
from logframe.domain.conventions import Conventions
from logframe.domain.finance import FinanceLine, delay_months, duration_months, finance_figures
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.percentages import round_half_up
from logframe.domain.periods import Quarter, add_months
from logframe.domain.progress import indicator_percent, output_percent
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    Disaggregation,
    FinanceRecord,
    FootnoteMark,
    FootnoteRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
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

from . import themes
from .catalogue import (
    DISBURSED_ABOVE_COMMITTED,
    FINANCE_PCT_MISMATCH,
    OUTPUT_PCT_MISMATCH,
    PCT_MISMATCH,
    SEX_SPLIT,
    STATUS_PCT,
    TOTAL_MISMATCH,
    Finding,
    Fixture,
)
from .themes import Theme
from .writer import MONTHS, Layout, PageBreak, html_blocks

ITF = "United Nations Development Group Iraq Trust Fund"
CONVENTIONS = Conventions()

# Indicator kinds
COUNT = "count"  # "Number of …", a number target and actual
COUNT_SEX = "count-sex"  # "(male/female)" in the text; the actual usually split by sex
COUNT_SEX_SPLIT = "count-sex-split"  # the same, always split
PERCENTAGE = "percentage"  # "Percentage of …", target "80%": no % of planned
MILESTONE = "milestone"  # target "Yes"/"All", a status word and an estimate
TBD = "tbd"  # target "tbd by <ministry>": no % ("n/a" or blank)
PARTS_PERCENTAGE = "parts-percentage"  # "95 (Test 1) / 98 (Test 2)" on a percentage measure
PARTS_COUNT = "parts-count"  # "120 (Round 1) / 95 (Round 2)" on a count: the parts add up
NO_TARGET = "no-target"  # a count with a blank or "n/a" target
BLANK = "blank"  # a target but no actual: the row's Actual and % are blank
KINDS = (COUNT, COUNT_SEX, PERCENTAGE, MILESTONE, TBD, PARTS_PERCENTAGE, PARTS_COUNT,
         NO_TARGET, BLANK)  # fmt: skip

STATUS_WORDS = {
    Status.NOT_YET_INITIATED: ("Not yet initiated", "Not Yet Initiated", "not yet initiated"),
    Status.INITIATED: ("Initiated", "initiated", "Initiated"),
    Status.PARTIALLY: ("Partially", "Part", "Partial", "partially"),
    Status.COMPLETED: ("Completed", "Yes", "completed", "Complete"),
}
SEX_FORMATS = (
    "{total} ({male} male/{female} female)",
    "{total} ({male} male /{female} female)",
    "{total} ({male} male / {female} female)",
    "{total} ({male} male/{female}female)",
)
PARTS_FORMATS = (
    "{a}(Test 1) /{b} Test 2)",  # the seed's own, with its lost parenthesis
    "{a} (Test 1) / {b} (Test 2)",
    "{a}% (Test 1) / {b}% (Test 2)",
)
SATISFIED = "Percentage of participants satisfied with the relevance and usefulness of the activity"


@dataclass(frozen=True)
class OutputSpec:
    text: str
    lead: str
    partners: tuple[str, ...] = ()
    indicators: int = 6
    forced: tuple[tuple[int, str], ...] = ()  # (position from 1, kind): what a slip needs


@dataclass(frozen=True)
class JPSpec:
    text: str
    outputs: tuple[OutputSpec, ...]


@dataclass(frozen=True)
class Spec:
    name: str
    seed: int
    varies: str
    theme: Theme
    number: str
    title: str
    sector: str
    thematic_group: str
    agencies: tuple[tuple[str, str, int], ...]  # (code, name, approved budget in USD)
    location: str
    quarter: Quarter
    start: date
    months: int
    description: tuple[str, ...]
    goal: str
    undaf: tuple[str, ...]
    objective: str
    jps: tuple[JPSpec, ...]
    kinds: tuple[str, ...] = KINDS
    slips: tuple[Finding, ...] = ()
    fund: str = ITF
    objectives_list: tuple[str, ...] = ()  # an <ol> closing the description
    undaf_note: str = ""  # the seed's "(Links with UNDAF but only after project was initiated.)"
    clean: bool = False
    first_output_quirk: bool = False
    single_output_as_jp: bool = True
    table_texts: dict[str, str] = field(default_factory=dict)
    footnotes: int = 2
    footnote_line_break: bool = False
    delay: int = 0  # months by which the forecast final date passes the planned end
    children: bool = False
    idps: bool = False
    indirect: int | None = None  # a number of indirect beneficiaries instead of the note
    employment: int | None = None


@dataclass
class _Value:
    """An indicator's value while the report is being made (slips change it)."""

    actual: Actual
    actual_text: str
    na_text: str = ""  # the % column when no % can be computed: "" or "n/a"
    show_pct: bool = True  # whether the % column is filled when a % can be computed
    spaced: bool = False  # "80 %" rather than "80%"
    sex_format: int = 0
    reported_pct: Decimal | None = None
    reported_pct_text: str = ""


@dataclass
class _Indicator:
    record: IndicatorRecord
    activity: str
    kind: str
    value: _Value | None


def _pct_text(value: Decimal, *, spaced: bool) -> str:
    return f"{value:f}" + (" %" if spaced else "%")


def _n(number: int | Decimal) -> str:
    return f"{int(number):,}"


class _Generator:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.theme = spec.theme
        self.rng = random.Random(spec.seed)
        self.used_texts: set[str] = set()
        self.pools: dict[str, list[str]] = {}
        self.paragraphs: set[str] = set()
        self.ministry = self.theme.ministry[0]
        self.end = add_months(day=spec.start, months=spec.months) - timedelta(days=1)

    # -- small draws

    def draw(self, pool: str, options: tuple[str, ...]) -> str:
        """The next of ``options`` in a shuffled order, then again with a place added."""
        queue = self.pools.setdefault(pool, [])
        if not queue:
            queue.extend(self.rng.sample(options, len(options)))
        return queue.pop()

    def unique(self, text: str) -> str:
        """``text``, or, when another indicator has it, ``text`` "in <a governorate>"."""
        if text in self.used_texts:
            places = self.rng.sample(self.theme.places, len(self.theme.places))
            text = next(f"{text} in {p}" for p in places if f"{text} in {p}" not in self.used_texts)
        self.used_texts.add(text)
        return text

    def spaced(self) -> bool:
        return self.rng.random() < 0.25

    def day_in_quarter(self) -> tuple[int, int, str]:
        """A day span (first, last) of a month of the quarter, and the month's name."""
        month = self.spec.quarter.start.month + self.rng.randrange(3)
        first = self.rng.randint(1, 20)
        return first, first + self.rng.randint(1, 4), MONTHS[month - 1]

    # -- indicators

    def indicator(self, code: str, kind: str) -> _Indicator:
        rng, theme = self.rng, self.theme
        measure, disaggregation = Measure.COUNT, Disaggregation.NONE
        value: _Value | None
        if kind in (COUNT, NO_TARGET) or (kind == BLANK and rng.random() < 0.5):
            text = self.unique(f"Number of {self.draw('things', theme.things)}")
            target_value = rng.choice((rng.randint(2, 30), rng.randint(40, 600)))
            target = Target(TargetKind.NUMBER, value=Decimal(target_value))
            target_text = _n(target_value)
            achieved = int(target_value * rng.choice((0, 0.3, 0.5, 0.62, 0.8, 0.95, 1, 1.2)))
            value = _Value(Actual(value=Decimal(achieved)), _n(achieved))
            if kind == NO_TARGET:
                target_text = rng.choice(("", "n/a"))
                target = Target(TargetKind.NONE)
                value.na_text = rng.choice(("", "n/a"))
            if kind == BLANK:
                value = None
        elif kind in (COUNT_SEX, COUNT_SEX_SPLIT):
            template = rng.choice(
                (
                    "Number of {people} (male/female) trained in {topic}",
                    "Number of {people} (male/female) engaged in capacity building activities"
                    " on {topic}",
                    "Number of {people} (male/female) taking part in study visits on {topic}",
                )
            )
            text = self.unique(
                template.format(
                    people=self.draw("people", theme.people),
                    topic=self.draw("topics", theme.topics),
                )
            )
            disaggregation = Disaggregation.SEX
            target_value = rng.choice((rng.randint(20, 120), rng.randint(150, 1500)))
            target = Target(TargetKind.NUMBER, value=Decimal(target_value))
            target_text = _n(target_value)
            achieved = int(target_value * rng.choice((0.4, 0.55, 0.7, 0.85, 1, 1.1, 1.4)))
            if kind == COUNT_SEX and rng.random() < 0.2:
                value = _Value(Actual(value=Decimal(achieved)), _n(achieved))
            else:
                male = round(achieved * rng.uniform(0.55, 0.9))
                value = _Value(
                    Actual(
                        value=Decimal(achieved), male=Decimal(male), female=Decimal(achieved - male)
                    ),
                    "",
                    sex_format=rng.randrange(len(SEX_FORMATS)),
                )
                self.write_sex_split(value)
        elif kind in (PERCENTAGE, PARTS_PERCENTAGE):
            measure = Measure.PERCENTAGE
            if kind == PARTS_PERCENTAGE:
                people = self.draw("people", theme.people)
                text = self.unique(f"Percentage of {people} passing the end of training test")
            elif SATISFIED not in self.used_texts and rng.random() < 0.5:
                text = self.unique(SATISFIED)
            else:
                text = self.unique(self.draw("rates", theme.rates))
            target_value = rng.choice((70, 75, 80, 80, 85, 90))
            target = Target(TargetKind.NUMBER, value=Decimal(target_value))
            target_text = _pct_text(Decimal(target_value), spaced=self.spaced())
            if kind == PARTS_PERCENTAGE:
                first, second = rng.randint(80, 99), rng.randint(80, 99)
                # the seed's broken form is for reports that may hold oddities
                form = rng.choice(PARTS_FORMATS[1:] if self.spec.clean else PARTS_FORMATS)
                value = _Value(
                    Actual(parts=(Part("Test 1", Decimal(first)), Part("Test 2", Decimal(second)))),
                    form.format(a=first, b=second),
                )
            else:
                achieved = rng.randint(55, 100)
                value = _Value(
                    Actual(value=Decimal(achieved)),
                    _pct_text(Decimal(achieved), spaced=self.spaced()),
                )
            value.na_text = rng.choice(("", "", "n/a"))
        elif kind in (MILESTONE, BLANK):
            measure = Measure.MILESTONE
            text = self.unique(self.draw("milestones", theme.milestones))
            word = rng.choice(("Yes", "Yes", "Yes", "All")) if kind == MILESTONE else "Yes"
            target, target_text = Target(TargetKind.MILESTONE, milestone=word), word
            value = None if kind == BLANK else self.milestone_value(word)
        elif kind == TBD:
            topic = self.draw("topics", theme.topics)
            text = self.unique(
                f"Number of capacity building activities on {topic} organised by the"
                f" {self.ministry}"
            )
            target = Target(TargetKind.TBD, note=f"by {self.ministry}")
            target_text = f"tbd by {self.ministry}"
            achieved = rng.randint(3, 90)
            value = _Value(Actual(value=Decimal(achieved)), _n(achieved))
            value.na_text = rng.choice(("n/a", "n/a", ""))
        elif kind == PARTS_COUNT:
            text = self.unique(f"Number of {self.draw('rounds', theme.rounds)}")
            target_value = rng.randint(20, 60) * 100
            target = Target(TargetKind.NUMBER, value=Decimal(target_value))
            target_text = _n(target_value)
            first = int(target_value * rng.uniform(0.3, 0.6))
            second = int(target_value * rng.uniform(0.2, 0.5))
            value = _Value(
                Actual(parts=(Part("Round 1", Decimal(first)), Part("Round 2", Decimal(second)))),
                f"{_n(first)} (Round 1) / {_n(second)} (Round 2)",
            )
        else:
            raise ValueError(f"unknown indicator kind {kind!r}")
        if value is not None:
            value.spaced = self.spaced()
        record = IndicatorRecord(
            code=code,
            text=text,
            measure=measure,
            target=target,
            target_text=target_text,
            disaggregation=disaggregation,
        )
        activity = text
        for short, long in theme.abbreviations.items():
            if short in activity and rng.random() < 0.5:
                activity = activity.replace(short, long, 1)
        activity = activity[0].upper() + activity[1:]
        return _Indicator(record=record, activity=activity, kind=kind, value=value)

    def milestone_value(self, word: str) -> _Value:
        rng = self.rng
        status = rng.choices(
            (Status.NOT_YET_INITIATED, Status.INITIATED, Status.PARTIALLY, Status.COMPLETED),
            weights=(15, 25, 25, 35),
        )[0]
        text = rng.choice(STATUS_WORDS[status])
        if word == "All" and status is Status.COMPLETED:
            text = "Yes"
        estimate: int | None = None
        if status is Status.INITIATED:
            estimate = rng.choice((5, 5, 8, 10, 15, 20, 30, 40))
        elif status is Status.PARTIALLY:
            estimate = rng.choice((30, 40, 50, 60, 75, 90))
        elif status is Status.COMPLETED and rng.random() < 0.8:
            estimate = 100
        value = _Value(
            Actual(status=status, estimated_pct=None if estimate is None else Decimal(estimate)),
            text,
        )
        value.show_pct = estimate is not None
        return value

    def write_sex_split(self, value: _Value) -> None:
        actual = value.actual
        assert actual.value is not None
        assert actual.male is not None
        assert actual.female is not None
        value.actual_text = SEX_FORMATS[value.sex_format].format(
            total=_n(actual.value), male=_n(actual.male), female=_n(actual.female)
        )

    # -- the whole project

    def build(self) -> Fixture:
        spec = self.spec
        self.outputs: list[tuple[str, OutputSpec, list[_Indicator]]] = []
        for jp_number, jp in enumerate(spec.jps, start=1):
            for out_number, output in enumerate(jp.outputs, start=1):
                code = f"{jp_number}.{out_number}"
                forced = dict(output.forced)
                indicators = []
                for position in range(1, output.indicators + 1):
                    kind = forced.get(position) or self.rng.choice(spec.kinds)
                    indicators.append(self.indicator(f"{code}.{position}", kind))
                self.outputs.append((code, output, indicators))
        self.indicators = {i.record.code: i for _, _, group in self.outputs for i in group}
        self.make_finance()
        self.truth_slips()
        self.report_indicators()
        self.report_outputs()
        self.report_finance()
        self.claim_slips()
        marks = self.plan_footnotes()
        record = self.record(marks)
        return Fixture(
            name=spec.name,
            record=record,
            layout=self.layout(record),
            expected_findings=tuple(sorted(spec.slips)),
            varies=spec.varies,
            clean=spec.clean,
        )

    def make_finance(self) -> None:
        self.finance: dict[str, list[Decimal]] = {}
        for code, _, budget in self.spec.agencies:
            committed = (Decimal(budget) * Decimal(self.rng.uniform(0.25, 0.92))).quantize(
                Decimal("0.01")
            )
            disbursed = (committed * Decimal(self.rng.uniform(0.8, 0.99))).quantize(Decimal("0.01"))
            self.finance[code] = [committed, disbursed]

    def truth_slips(self) -> None:
        """Slips in what happened: the rules see them whatever is reported."""
        budgets = {code: Decimal(budget) for code, _, budget in self.spec.agencies}
        for rule, where in self.spec.slips:
            if rule == STATUS_PCT:
                value = self.indicators[where].value
                assert value is not None
                assert self.indicators[where].kind == MILESTONE
                value.actual = Actual(status=Status.COMPLETED, estimated_pct=Decimal(60))
                value.actual_text, value.show_pct = "Completed", True
            elif rule == DISBURSED_ABOVE_COMMITTED:
                committed = self.finance[where][0]
                self.finance[where][1] = (committed * Decimal("1.043")).quantize(Decimal("0.01"))
            elif rule == FINANCE_PCT_MISMATCH and where != "finance":
                # a committed % whose decimals are .55 to .95, so truncating it is a slip
                whole = int(self.finance[where][0] * 100 / budgets[where])
                share = Decimal(whole) + Decimal(self.rng.randint(55, 95)) / 100
                cents = Decimal(self.rng.randint(0, 9999)) / 100
                self.finance[where][0] = (budgets[where] * share / 100).quantize(Decimal(1)) + cents
                self.finance[where][1] = min(self.finance[where][1], self.finance[where][0])

    def report_indicators(self) -> None:
        for indicator in self.indicators.values():
            value = indicator.value
            if value is None:
                continue
            pct = self.percent(indicator)
            if pct is not None and value.show_pct:
                value.reported_pct = round_half_up(value=pct, places=0)
                value.reported_pct_text = _pct_text(value.reported_pct, spaced=value.spaced)
            else:
                value.reported_pct = None
                value.reported_pct_text = value.na_text if pct is None else ""

    def percent(self, indicator: _Indicator) -> Decimal | None:
        record = indicator.record
        actual = indicator.value.actual if indicator.value else Actual()
        return indicator_percent(
            measure=record.measure, target=record.target, actual=actual, conventions=CONVENTIONS
        )

    def report_outputs(self) -> None:
        self.output_pcts: dict[str, Decimal | None] = {}
        for code, _, indicators in self.outputs:
            pct = output_percent(
                indicator_percents=[self.percent(i) for i in indicators], conventions=CONVENTIONS
            )
            self.output_pcts[code] = None if pct is None else round_half_up(value=pct, places=0)

    def report_finance(self) -> None:
        lines = [
            FinanceLine(agency=code, approved=Decimal(budget), committed=c, disbursed=d)
            for (code, _, budget), (c, d) in zip(
                self.spec.agencies, self.finance.values(), strict=True
            )
        ]
        agencies, total = finance_figures(lines=lines)
        self.finance_pcts = {
            figures.agency: [
                round_half_up(value=figures.committed_pct, places=0),
                round_half_up(value=figures.disbursed_pct, places=0),
            ]
            for figures in agencies
            if figures.committed_pct is not None and figures.disbursed_pct is not None
        }
        assert total.committed is not None
        assert total.disbursed is not None
        assert total.committed_pct is not None
        assert total.disbursed_pct is not None
        self.totals = [total.committed, total.disbursed]
        self.total_pcts = [
            round_half_up(value=total.committed_pct, places=1),
            round_half_up(value=total.disbursed_pct, places=1),
        ]
        self.unrounded = {figures.agency: figures for figures in agencies}

    def claim_slips(self) -> None:
        """Slips in what the report claims: a figure printed wrong."""
        rng = self.rng
        for rule, where in self.spec.slips:
            if rule == SEX_SPLIT:
                value = self.indicators[where].value
                assert value is not None
                assert value.actual.male is not None
                male = value.actual.male + rng.choice((-4, -2, 2, 3))
                value.actual = Actual(
                    value=value.actual.value, male=male, female=value.actual.female
                )
                self.write_sex_split(value)
            elif rule == PCT_MISMATCH:
                value = self.indicators[where].value
                assert value is not None
                if value.reported_pct is None:  # a % where none can be computed
                    claimed = Decimal(rng.randint(85, 99))
                else:
                    step = Decimal(rng.randint(5, 15))
                    claimed = (
                        value.reported_pct - step
                        if value.reported_pct >= 50
                        else (value.reported_pct + step)
                    )
                value.reported_pct = claimed
                value.reported_pct_text = _pct_text(claimed, spaced=value.spaced)
            elif rule == OUTPUT_PCT_MISMATCH:
                right = self.output_pcts[where]
                assert right is not None, f"output {where} has no % to get wrong"
                step = Decimal(rng.randint(6, 12))
                self.output_pcts[where] = right - step if right >= 50 else right + step
            elif rule == FINANCE_PCT_MISMATCH and where == "finance":
                self.total_pcts[0] += Decimal("0.4")
            elif rule == FINANCE_PCT_MISMATCH:
                exact = self.unrounded[where].committed_pct
                assert exact is not None
                self.finance_pcts[where][0] = exact.quantize(Decimal(1), rounding=ROUND_DOWN)
            elif rule == TOTAL_MISMATCH:
                digits = list(f"{self.totals[0]:.2f}")
                units = digits.index(".") - 1
                if digits[units] == digits[units - 1]:
                    self.totals[0] += 90
                else:
                    digits[units], digits[units - 1] = digits[units - 1], digits[units]
                    self.totals[0] = Decimal("".join(digits))

    # -- footnotes

    def plan_footnotes(self) -> dict[tuple[str, str], tuple[FootnoteMark, ...]]:
        """Footnote marks by ("activity" or "indicator", code), numbered in document order."""
        rng = self.rng
        indicators = list(self.indicators.values())
        candidates: list[tuple[str, str, MarkPlace]] = []
        for indicator in indicators:
            code = indicator.record.code
            if indicator.kind == TBD:
                candidates += [("indicator", code, MarkPlace.TARGET)] * 3
            candidates.append(("indicator", code, MarkPlace.TEXT))
            candidates.append(("both", code, MarkPlace.TEXT))
            candidates.append(("activity", code, MarkPlace.TEXT))
            if indicator.value is not None and indicator.kind in (COUNT, PARTS_COUNT):
                candidates.append(("indicator", code, MarkPlace.ACTUAL))
        chosen: list[tuple[str, str, MarkPlace]] = []
        taken: set[str] = set()
        tbd = [i.record.code for i in indicators if i.kind == TBD]
        if tbd and self.spec.footnotes:  # as the seed's "tbd by IHEC ³"
            chosen.append(("indicator", tbd[0], MarkPlace.TARGET))
            taken.add(tbd[0])
        while len(chosen) < self.spec.footnotes:
            where, code, place = rng.choice(candidates)
            if code not in taken:
                taken.add(code)
                chosen.append((where, code, place))
        order = list(self.indicators)

        # document order: the Activities cell comes before the quantitative table
        def position(choice: tuple[str, str, MarkPlace]) -> tuple[int, int, int]:
            where, code, place = choice
            places = (MarkPlace.TEXT, MarkPlace.TARGET, MarkPlace.ACTUAL)
            return (0 if where != "indicator" else 1, order.index(code), places.index(place))

        self.footnote_texts: list[str] = []
        marks: dict[tuple[str, str], tuple[FootnoteMark, ...]] = {}
        for number, (where, code, place) in enumerate(sorted(chosen, key=position), start=1):
            about_target = tuple(t for t in self.theme.footnotes if "target" in t)
            others = tuple(t for t in self.theme.footnotes if t not in about_target)
            if place is MarkPlace.TARGET and about_target:
                self.footnote_texts.append(self.draw("target-footnotes", about_target))
            else:
                self.footnote_texts.append(self.draw("footnotes", others))
            mark = FootnoteMark(number=number, place=place)
            if where in ("activity", "both"):
                marks[("activity", code)] = (mark,)
            if where in ("indicator", "both"):
                marks[("indicator", code)] = (mark,)
        return marks

    # -- narratives

    def paragraph(self, lead: str) -> str:
        rng, theme = self.rng, self.theme
        year = self.spec.quarter.year
        while True:
            first, last, month = self.day_in_quarter()
            people = self.draw("people", theme.people)
            topic = self.draw("topics", theme.topics)
            place = rng.choice(theme.places)
            total = rng.randint(12, 60)
            male = rng.randint(total // 3, total - 2)
            options = (
                f"During the reporting period, {lead} continued to support the {self.ministry}"
                f" in {topic}, in line with the work plan agreed for {year}.",
                f"A {last - first + 1}-day workshop on {topic} was held in {place} from {first}"
                f" to {last} {month} {year}. It was attended by {total} {people} ({male} male"
                f" and {total - male} female) from {place} and the neighbouring governorates.",
                f"On {first} {month} {year}, {lead} handed over {rng.randint(3, 40)}"
                f" {rng.choice(theme.items)} to the {self.ministry} in {place}; the remaining"
                " deliveries are expected in the next quarter.",
                f"{lead} and the {self.ministry} reviewed progress on {topic} on {first}"
                f" {month} {year} and agreed on the priorities for the coming months, including"
                f" follow-up visits to {place}.",
                f"A study visit on {topic} took place from {first} to {last} {month} {year} for"
                f" {total} {people} ({male} male and {total - male} female), who presented"
                " their action plans to the senior management on their return.",
            )
            text = escape(rng.choice(options), quote=False)
            if text not in self.paragraphs:
                self.paragraphs.add(text)
                return text

    def narrative(self, code: str, lead: str) -> str:
        rng = self.rng
        blocks = [f"<p>{self.paragraph(lead)}</p>" for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.35:
            items = rng.sample(self.theme.bullets, rng.randint(2, len(self.theme.bullets)))
            lis = "".join(
                f"<li><strong>{escape(item, quote=False)}</strong> {self.paragraph(lead)}</li>"
                for item in items
            )
            blocks.insert(1, f"<p>The main achievements under Output {code} were:</p>")
            blocks.insert(2, f"<ul>{lis}</ul>")
        return "\n".join(blocks)

    # -- the record

    def record(self, marks: dict[tuple[str, str], tuple[FootnoteMark, ...]]) -> ProjectRecord:
        spec, theme, rng = self.spec, self.theme, self.rng
        ministry_code, ministry_name = theme.ministry
        results = []
        for jp_number, jp in enumerate(spec.jps, start=1):
            children = []
            for code, output, indicators in self.outputs:
                if not code.startswith(f"{jp_number}."):
                    continue
                children.append(
                    ResultRecord(
                        code=code,
                        text=output.text,
                        level=ResultLevel.OUTPUT,
                        lead=output.lead,
                        partners=output.partners,
                        activities=tuple(
                            ActivityRecord(
                                code=i.record.code,
                                text=i.activity,
                                footnotes=marks.get(("activity", i.record.code), ()),
                            )
                            for i in indicators
                        ),
                        indicators=tuple(
                            IndicatorRecord(
                                **{
                                    **i.record.__dict__,
                                    "footnotes": marks.get(("indicator", i.record.code), ()),
                                }
                            )
                            for i in indicators
                        ),
                    )
                )
            results.append(
                ResultRecord(
                    code=str(jp_number),
                    text=jp.text,
                    level=ResultLevel.JP_OUTPUT,
                    children=tuple(children),
                )
            )
        values = tuple(
            IndicatorValueRecord(
                indicator=code,
                actual=i.value.actual,
                actual_text=i.value.actual_text,
                reported_pct=i.value.reported_pct,
                reported_pct_text=i.value.reported_pct_text,
            )
            for code, i in self.indicators.items()
            if i.value is not None
        )
        forecast = add_months(day=self.end, months=spec.delay)
        delay = delay_months(planned_end=self.end, forecast_end=forecast)
        finance = tuple(
            FinanceRecord(
                organisation=code,
                committed=self.finance[code][0],
                disbursed=self.finance[code][1],
                forecast_final_date=forecast,
                reported_committed_pct=self.finance_pcts[code][0],
                reported_disbursed_pct=self.finance_pcts[code][1],
                reported_delay_months=delay,
            )
            for code, _, _ in spec.agencies
        )
        progress = tuple(
            ResultProgressRecord(
                result=code,
                narrative=self.narrative(code, output.lead),
                reported_pct=self.output_pcts[code],
            )
            for code, output, _ in self.outputs
        )
        summary = "\n".join(
            f"<p>{self.paragraph(spec.agencies[0][0])}</p>" for _ in range(rng.randint(1, 2))
        )
        constraints = "\n".join(
            f"<p>{escape(text, quote=False)}</p>"
            for text in rng.sample(theme.constraints, rng.randint(1, 2))
        )
        period = PeriodRecord(
            quarter=spec.quarter,
            summary=summary,
            constraints=constraints,
            values=values,
            finance=finance,
            beneficiaries=self.beneficiaries(),
            progress=progress,
            reported_committed_total=self.totals[0],
            reported_disbursed_total=self.totals[1],
            reported_committed_pct=self.total_pcts[0],
            reported_disbursed_pct=self.total_pcts[1],
        )
        description = "\n".join(f"<p>{text}</p>" for text in spec.description)
        if spec.objectives_list:
            description += "\n<ol>" + "".join(f"<li>{t}</li>" for t in spec.objectives_list)
            description += "</ol>"
        undaf = "\n".join(f"<p>{text}</p>" for text in (
            (spec.undaf_note, *spec.undaf) if spec.undaf_note else spec.undaf
        ))  # fmt: skip
        return ProjectRecord(
            fund=FundRecord(code="UNDG-ITF" if spec.fund == ITF else "OTHER", name=spec.fund),
            number=spec.number,
            title=spec.title,
            organisations=(
                *(OrganisationRecord(code=code, name=name) for code, name, _ in spec.agencies),
                OrganisationRecord(
                    code=ministry_code, name=ministry_name, kind=OrganisationKind.GOVERNMENT
                ),
            ),
            participations=tuple(
                ParticipationRecord(
                    organisation=code,
                    role=Role.LEAD if number == 0 else Role.PARTICIPATING,
                    approved_budget=Decimal(budget),
                )
                for number, (code, _, budget) in enumerate(spec.agencies)
            ),
            description=description,
            sector=spec.sector,
            thematic_group=spec.thematic_group,
            line_ministry=ministry_code,
            location=spec.location,
            approval_date=spec.start - timedelta(days=rng.randint(15, 60)),
            start_date=spec.start,
            planned_end_date=self.end,
            development_goal=f"<p>{spec.goal}</p>",
            undaf_outcome=undaf,
            immediate_objective=f"<p>{spec.objective}</p>",
            procurement_plan=theme.procurement,
            results=tuple(results),
            footnotes=tuple(
                FootnoteRecord(number=number, text=text)
                for number, text in enumerate(self.footnote_texts, start=1)
            ),
            reported_total_budget=sum(
                (Decimal(budget) for _, _, budget in spec.agencies), Decimal(0)
            ),
            reported_duration_months=duration_months(start=spec.start, end=self.end),
            periods=(period,),
        )

    def beneficiaries(self) -> tuple[BeneficiaryRecord, ...]:
        spec, rng, theme = self.spec, self.rng, self.theme

        def counted(group: BeneficiaryGroup, low: int, high: int) -> BeneficiaryRecord:
            target = Decimal(rng.randint(low, high))
            actual = Decimal(int(target * Decimal(rng.uniform(0.4, 1.15))))
            pct = beneficiary_percent(target=target, actual=actual)
            assert pct is not None
            return BeneficiaryRecord(
                group=group,
                target=target,
                actual=actual,
                reported_pct=round_half_up(value=pct, places=0),
            )

        figures = [
            counted(BeneficiaryGroup.MEN, 200, 3000),
            counted(BeneficiaryGroup.WOMEN, 100, 2500),
            counted(BeneficiaryGroup.CHILDREN, 1000, 20000)
            if spec.children
            else BeneficiaryRecord(group=BeneficiaryGroup.CHILDREN, applicable=False),
            counted(BeneficiaryGroup.IDPS, 100, 3000)
            if spec.idps
            else BeneficiaryRecord(group=BeneficiaryGroup.IDPS, applicable=False),
            BeneficiaryRecord(group=BeneficiaryGroup.OTHERS, applicable=False),
        ]
        if spec.indirect is None:
            figures.append(
                BeneficiaryRecord(
                    group=BeneficiaryGroup.INDIRECT, applicable=False, note=theme.indirect
                )
            )
        else:
            figures.append(counted(BeneficiaryGroup.INDIRECT, spec.indirect, spec.indirect))
        if spec.employment is None:
            figures.append(
                BeneficiaryRecord(
                    group=BeneficiaryGroup.EMPLOYMENT, applicable=False, note=theme.employment
                )
            )
        else:
            figures.append(counted(BeneficiaryGroup.EMPLOYMENT, spec.employment, spec.employment))
        return tuple(figures)

    # -- the layout

    def layout(self, record: ProjectRecord) -> Layout:
        spec, rng = self.spec, self.rng
        keys = [f"output:{code}" for code, _, _ in self.outputs]
        for code, _, _ in spec.agencies:
            keys += [f"finance:{code}:committed", f"finance:{code}:disbursed"]
        keys += ["finance:total:committed", "finance:total:disbursed"]
        keys += [f"beneficiary:{group.value}" for group in BeneficiaryGroup]
        spaced = frozenset(key for key in keys if rng.random() < 0.3)
        codes = list(self.indicators)
        dotted = frozenset({rng.choice(codes)}) if rng.random() < 0.6 else frozenset()
        mark_after = {}
        for where, code in self.marked_texts(record):
            if rng.random() < 0.5:
                text = self.text_of(record, where, code)
                words = [w for w in text.split()[2:] if w.isalpha() and len(w) > 3]
                words = [w for w in words if text.split().count(w) == 1]
                if words:
                    mark_after[f"{where}:{code}"] = rng.choice(words[:-1] or words)
        breaks = self.page_breaks(record)
        line_breaks = {}
        if spec.footnote_line_break and record.footnotes:
            longest = max(record.footnotes, key=lambda f: len(f.text.split()))
            words = longest.text.split()
            cut = len(words) // 2
            line_breaks[longest.number] = f"{words[cut]} {words[cut + 1]}"
        return Layout(
            first_output_quirk=spec.first_output_quirk,
            single_output_as_jp=spec.single_output_as_jp,
            spaced_pcts=spaced,
            dotted_codes=dotted,
            mark_after=mark_after,
            table_texts=dict(spec.table_texts),
            activities_run_in=rng.choice((0, 1, 1)),
            page_breaks=breaks,
            footnote_line_breaks=line_breaks,
        )

    def marked_texts(self, record: ProjectRecord) -> list[tuple[str, str]]:
        found = []
        for result in record.walk_results():
            for activity in result.activities:
                if activity.footnotes:
                    found.append(("activity", activity.code))
            for indicator in result.indicators:
                if any(mark.place is MarkPlace.TEXT for mark in indicator.footnotes):
                    found.append(("indicator", indicator.code))
        return found

    def text_of(self, record: ProjectRecord, where: str, code: str) -> str:
        for result in record.walk_results():
            for item in result.activities if where == "activity" else result.indicators:
                if item.code == code:
                    return item.text
        raise KeyError(code)

    def page_breaks(self, record: ProjectRecord) -> tuple[PageBreak, ...]:
        rng = self.rng
        breaks: list[PageBreak] = []
        codes = list(self.indicators)
        if rng.random() < 0.7:
            breaks.append(PageBreak("activities", rng.choice(codes[:-1])))
        text_marked = {code for where, code in self.marked_texts(record) if where == "indicator"}
        rows: list[tuple[str, str]] = []  # (key, text when the row may be cut), in table order
        for code, _, indicators in self.outputs:
            rows.append((f"output:{code}", ""))
            for indicator in indicators:
                key = indicator.record.code
                marked = key in text_marked  # a cut must not put a mark at a line's start
                rows.append((key, "" if marked else indicator.record.text))
        taken: list[int] = []
        for number in rng.sample(range(len(rows)), len(rows)):
            if len(taken) < rng.randint(1, 3) and all(abs(number - t) >= 6 for t in taken):
                taken.append(number)
        for key, text in (rows[number] for number in sorted(taken)):
            count = len(text.split()) + 1  # with the code
            if text and count >= 9 and rng.random() < 0.7:
                breaks.append(PageBreak("table", key, words=rng.randint(4, count - 3)))
            else:
                breaks.append(PageBreak("table", key))
        narratives = [("summary", record.periods[0].summary)]
        narratives += [(f"progress:{p.result}", p.narrative) for p in record.periods[0].progress]
        for where, html in rng.sample(narratives, min(len(narratives), rng.randint(1, 3))):
            blocks = html_blocks(html)
            number = rng.randrange(len(blocks))
            text = blocks[number][1]
            words = text.split(" ")
            cuts = [n for n in range(6, len(words) - 6) if " ".join(words[:n]).count("*") % 2 == 0]
            if cuts and rng.random() < 0.6:
                breaks.append(PageBreak(where, str(number + 1), words=rng.choice(cuts)))
            else:
                breaks.append(PageBreak(where, str(number + 1)))
        return tuple(breaks)


def synthetic_fixtures() -> list[Fixture]:
    """The synthetic fixtures, in the order of SPECS."""
    return [_Generator(spec).build() for spec in SPECS]


SPECS: tuple[Spec, ...] = (
    Spec(
        name="itf-d2-19-2012q3",
        seed=219,
        varies="health, WHO + UNICEF, 2012 Q3: entirely consistent AND clean (no tbd, no blank"
        " actual); plain output rows; a JP output with a single output",
        theme=themes.HEALTH,
        number="D2-19",
        title="Strengthening Primary Health Care Services in the Southern Governorates",
        sector="Health",
        thematic_group="Essential Social Services",
        agencies=(
            ("WHO", "World Health Organization", 6_420_500),
            ("UNICEF", "United Nations Children's Fund", 3_180_000),
        ),
        location="Basrah, Missan, Thi-Qar, Muthanna and Qadissiya Governorates",
        quarter=Quarter(2012, 3),
        start=date(2010, 7, 1),
        months=36,
        description=(
            "The programme supports the Ministry of Health in improving the quality and reach of"
            " primary health care in the five southern governorates, where maternal and child"
            " mortality remain well above the national average.",
            "It combines the rehabilitation of health facilities with the training of health"
            " workers and the introduction of a district health information system.",
        ),
        goal="To contribute to the Health Sector Outcome 2: <em>Improved access to quality"
        " primary health care</em> and the Iraq National development goal: <em>Improving the"
        " health of the population</em>.",
        undaf=(
            "Outcome 3: <em>Increased access to quality essential services</em>",
            "3.2 <em>Primary health care services reach the most vulnerable.</em>",
        ),
        objective="To improve the quality and coverage of primary health care services in the"
        " five southern governorates, with a focus on maternal and child health.",
        jps=(
            JPSpec(
                "The MoH has strengthened capacity to plan, manage and monitor primary health"
                " care services",
                (
                    OutputSpec(
                        "District health offices plan and monitor PHC services with reliable data",
                        "WHO",
                        indicators=5,
                    ),
                    OutputSpec(
                        "PHC centres provide quality maternal and child health services",
                        "UNICEF",
                        ("WHO",),
                        indicators=7,
                    ),
                ),
            ),
            JPSpec(
                "Communities in the target districts have better access to emergency obstetric"
                " care",
                (
                    OutputSpec(
                        "Emergency obstetric care units are upgraded and staffed",
                        "WHO",
                        ("UNICEF",),
                        indicators=4,
                    ),
                ),
            ),
        ),
        kinds=(
            COUNT,
            COUNT,
            COUNT_SEX,
            PERCENTAGE,
            MILESTONE,
            MILESTONE,
            PARTS_PERCENTAGE,
            PARTS_COUNT,
        ),
        clean=True,
        footnotes=2,
        children=True,
    ),
    Spec(
        name="itf-e3-08-2011q4",
        seed=308,
        varies="water and sanitation, UNICEF alone, 2011 Q4: consistent arithmetic with tbd"
        " targets, blank and n/a targets, blank actuals, two-part actuals; one JP output with"
        " three outputs; a project delayed by 3 months",
        theme=themes.WATER,
        number="E3-08",
        title="Improved Water and Sanitation Services in Kirkuk, Diyala, Salah al-Din and Ninewa",
        sector="Water and Sanitation",
        thematic_group="Essential Social Services",
        agencies=(("UNICEF", "United Nations Children's Fund", 8_750_000),),
        location="Kirkuk, Diyala, Salah al-Din and Ninewa Governorates",
        quarter=Quarter(2011, 4),
        start=date(2009, 11, 15),
        months=30,
        description=(
            "Access to safe drinking water in the four governorates is among the lowest in"
            " Iraq; outbreaks of water-borne disease recur every summer.",
            "The project installs compact water treatment units, rehabilitates networks and"
            " school latrines, and trains the water directorates in operation, maintenance and"
            " water quality monitoring.",
        ),
        objectives_list=(
            "Safe water supply for 300,000 people;",
            "Sanitation and hygiene in 120 schools;",
            "Water directorates able to operate and maintain the new systems.",
        ),
        goal="To contribute to the Water and Sanitation Sector Outcome 1: <em>Increased access"
        " to safe water and sanitation</em>.",
        undaf_note="Links with UNDAF established after the project was approved.",
        undaf=("Outcome 3: <em>Increased access to quality essential services</em>",),
        objective="To increase access to safe drinking water and basic sanitation for"
        " vulnerable communities and schools in four governorates.",
        jps=(
            JPSpec(
                "Vulnerable communities and schools in four governorates have sustainable access"
                " to safe water and sanitation",
                (
                    OutputSpec(
                        "Compact water treatment units supply safe water to target communities",
                        "UNICEF",
                        indicators=6,
                    ),
                    OutputSpec(
                        "Schools have functioning latrines and hygiene programmes",
                        "UNICEF",
                        indicators=3,
                    ),
                    OutputSpec(
                        "Water directorates operate, maintain and monitor the new systems",
                        "UNICEF",
                        indicators=8,
                    ),
                ),
            ),
        ),
        kinds=KINDS,
        footnotes=3,
        delay=3,
        children=True,
        indirect=300_000,
    ),
    Spec(
        name="itf-a5-21-2013q2",
        seed=521,
        varies="agriculture, FAO + WFP + UNDP, 2013 Q2: the first-output quirk; a JP output whose"
        " single output is still listed; 10 indicators in one output; slips in a sex split,"
        " an indicator % and an output %",
        theme=themes.AGRICULTURE,
        number="A5-21",
        title="Revitalisation of Agricultural Production and Food Security in Central Iraq",
        sector="Agriculture",
        thematic_group="Agriculture, Food Security, Environment and Natural Resource Management",
        agencies=(
            ("FAO", "Food and Agriculture Organization of the United Nations", 7_500_000),
            ("WFP", "World Food Programme", 4_250_000),
            ("UNDP", "United Nations Development Programme", 2_100_000),
        ),
        location="Anbar, Babylon, Wassit, Kerbala and Najaf Governorates",
        quarter=Quarter(2013, 2),
        start=date(2011, 4, 1),
        months=30,
        description=(
            "Years of conflict and drought have cut agricultural production in central Iraq;"
            " irrigation schemes are silted up and farmers lack certified seed.",
            "The joint programme rehabilitates irrigation, restores seed multiplication,"
            " supports livestock services and pilots school feeding with locally produced"
            " dates.",
        ),
        goal="To contribute to the Agriculture Sector Outcome 1: <em>Increased agricultural"
        " productivity and food security</em>.",
        undaf=(
            "Outcome 2: <em>Inclusive economic growth and decent work</em>",
            "2.3 <em>Rural households have better livelihoods.</em>",
        ),
        objective="To raise agricultural production and household food security in five"
        " governorates of central Iraq.",
        jps=(
            JPSpec(
                "Farmers in five governorates have better irrigation and inputs",
                (
                    OutputSpec(
                        "Irrigation schemes are rehabilitated and managed by water users",
                        "FAO",
                        ("UNDP",),
                        indicators=10,
                        forced=((9, COUNT_SEX_SPLIT),),
                    ),
                    OutputSpec(
                        "Certified seed is multiplied and distributed",
                        "FAO",
                        indicators=4,
                        forced=((1, COUNT),),
                    ),
                ),
            ),
            JPSpec(
                "Livestock services are restored",
                (
                    OutputSpec(
                        "Veterinary clinics provide animal health services",
                        "FAO",
                        indicators=5,
                        forced=((3, COUNT),),
                    ),
                ),
            ),
            JPSpec(
                "School children in food-insecure districts have better nutrition",
                (
                    OutputSpec(
                        "School feeding with fortified date bars reaches target schools",
                        "WFP",
                        indicators=3,
                    ),
                    OutputSpec(
                        "Women farmers produce and market vegetables",
                        "UNDP",
                        ("FAO", "WFP"),
                        indicators=6,
                    ),
                ),
            ),
        ),
        slips=((SEX_SPLIT, "1.1.9"), (PCT_MISMATCH, "2.1.3"), (OUTPUT_PCT_MISMATCH, "1.2")),
        first_output_quirk=True,
        single_output_as_jp=False,
        footnotes=3,
    ),
    Spec(
        name="itf-g12-04-2012q4",
        seed=1204,
        varies="employment, UNDP + UNOPS + ILO, 2012 Q4: four JP outputs of one output each;"
        " finance slips (UNDP % truncated, UNOPS disbursed above committed, total committed"
        " mistyped); delayed 2 months",
        theme=themes.EMPLOYMENT,
        number="G12-04",
        title="Employment Generation and Vocational Training for Young People",
        sector="Economic Reform and Diversification",
        thematic_group="Economic Reform and Diversification",
        agencies=(
            ("UNDP", "United Nations Development Programme", 9_800_000),
            ("UNOPS", "United Nations Office for Project Services", 5_300_000),
            ("ILO", "International Labour Organization", 2_450_000),
        ),
        location="Baghdad, Erbil, Basrah and Ninewa",
        quarter=Quarter(2012, 4),
        start=date(2011, 1, 10),
        months=36,
        description=(
            "Youth unemployment in Iraq exceeds 30 per cent; vocational training centres are"
            " run down and employment services barely exist.",
            "The programme modernises vocational training, sets up employment service centres"
            " with a labour market information system, gives start-up grants and runs public"
            " works that create short-term jobs.",
        ),
        goal="To contribute to the Economic Reform Sector Outcome 3: <em>More decent jobs for"
        " young women and men</em>.",
        undaf=("Outcome 2: <em>Inclusive economic growth and decent work</em>",),
        objective="To increase employment and employability of young women and men in four"
        " governorates.",
        jps=(
            JPSpec(
                "Vocational training centres deliver market-relevant skills",
                (
                    OutputSpec(
                        "VTC instructors apply revised curricula", "ILO", ("UNDP",), indicators=4
                    ),
                ),
            ),
            JPSpec(
                "Job-seekers use employment services",
                (
                    OutputSpec(
                        "Employment service centres match job-seekers and employers",
                        "UNDP",
                        indicators=5,
                    ),
                ),
            ),
            JPSpec(
                "Young entrepreneurs start businesses",
                (
                    OutputSpec(
                        "Start-up grants and business training reach young people",
                        "UNDP",
                        ("ILO",),
                        indicators=3,
                    ),
                ),
            ),
            JPSpec(
                "Public works create short-term jobs",
                (OutputSpec("Public works are contracted and completed", "UNOPS", indicators=6),),
            ),
        ),
        slips=(
            (FINANCE_PCT_MISMATCH, "UNDP"),
            (DISBURSED_ABOVE_COMMITTED, "UNOPS"),
            (TOTAL_MISMATCH, "finance"),
        ),
        footnotes=2,
        delay=2,
        employment=1_500,
    ),
    Spec(
        name="itf-h3-11-2010q2",
        seed=311,
        varies="housing, UN-HABITAT + UNOPS, 2010 Q2: four outputs under one JP output, 2 to 12"
        " indicators per output; slips in a milestone status (Completed at 60 %), an indicator"
        " % and a sex split",
        theme=themes.HOUSING,
        number="H3-11",
        title="Low-Cost Housing and Land Management for Returnees and Vulnerable Families",
        sector="Housing and Shelter",
        thematic_group="Infrastructure",
        agencies=(
            ("UN-HABITAT", "United Nations Human Settlements Programme", 11_200_000),
            ("UNOPS", "United Nations Office for Project Services", 6_000_000),
        ),
        location="Baghdad, Najaf, Kerbala and Diyala",
        quarter=Quarter(2010, 2),
        start=date(2008, 9, 1),
        months=42,
        description=(
            "The housing deficit in Iraq is estimated at two million units; returnee families"
            " often find their houses destroyed or occupied.",
            "The project builds and rehabilitates low-cost housing, simplifies land"
            " registration and helps the Ministry of Construction and Housing with a national"
            " housing policy.",
        ),
        goal="To contribute to the Infrastructure Sector Outcome 4: <em>Adequate housing for"
        " low-income families</em>.",
        undaf=(
            "Outcome 3: <em>Increased access to quality essential services</em>",
            "3.5 <em>Vulnerable families have adequate shelter.</em>",
        ),
        objective="To provide adequate housing to returnee and vulnerable families and to"
        " strengthen housing policy and land management.",
        jps=(
            JPSpec(
                "Returnee and vulnerable families live in adequate housing",
                (
                    OutputSpec(
                        "Low-cost housing units are built", "UN-HABITAT", ("UNOPS",), indicators=12
                    ),
                    OutputSpec("Damaged houses are rehabilitated", "UNOPS", indicators=2),
                    OutputSpec(
                        "Returnee families receive rental support",
                        "UN-HABITAT",
                        indicators=3,
                        forced=((2, COUNT),),
                    ),
                    OutputSpec(
                        "Community infrastructure serves the new neighbourhoods",
                        "UNOPS",
                        indicators=4,
                    ),
                ),
            ),
            JPSpec(
                "Land is registered transparently",
                (
                    OutputSpec(
                        "Land plots are surveyed and registered",
                        "UN-HABITAT",
                        indicators=5,
                        forced=((4, COUNT_SEX_SPLIT),),
                    ),
                ),
            ),
            JPSpec(
                "The MoCH has a housing policy and the means to apply it",
                (
                    OutputSpec(
                        "Housing policy and building code are adopted",
                        "UN-HABITAT",
                        indicators=6,
                        forced=((2, MILESTONE),),
                    ),
                    OutputSpec(
                        "Housing officials plan and supervise construction",
                        "UN-HABITAT",
                        ("UNOPS",),
                        indicators=3,
                    ),
                ),
            ),
        ),
        slips=((STATUS_PCT, "3.1.2"), (PCT_MISMATCH, "1.3.2"), (SEX_SPLIT, "2.1.4")),
        single_output_as_jp=True,
        footnotes=1,
        idps=True,
    ),
    Spec(
        name="itf-b1-30-2012q1",
        seed=130,
        varies="education, UNESCO + UNICEF, 2012 Q1: the first-output quirk; an output worded"
        " differently in the table; four footnotes, one printed on two lines; slips: a % on a"
        " percentage indicator, a sex split, an output %",
        theme=themes.EDUCATION,
        number="B1-30",
        title="Quality Basic Education and Education Management Information System",
        sector="Education",
        thematic_group="Essential Social Services",
        agencies=(
            (
                "UNESCO",
                "United Nations Educational, Scientific and Cultural Organization",
                5_600_000,
            ),
            ("UNICEF", "United Nations Children's Fund", 4_400_000),
        ),
        location="Erbil, Sulaymaniyah, Dohuk and Kirkuk",
        quarter=Quarter(2012, 1),
        start=date(2010, 10, 1),
        months=30,
        description=(
            "One child in five of primary school age is out of school in the target"
            " governorates, and teachers have had little training in modern methods.",
            "The programme trains teachers and school managers, rehabilitates schools, opens"
            " accelerated learning classes and builds an education management information"
            " system.",
        ),
        objectives_list=(
            "Better teaching in basic education;",
            "More out-of-school children back in school;",
            "Planning based on reliable education data.",
        ),
        goal="To contribute to the Education Sector Outcome 1: <em>Improved quality of and"
        " access to basic education</em>.",
        undaf_note="Links with UNDAF but only after project was initiated.",
        undaf=(
            "Outcome 3: <em>Increased access to quality essential services</em>",
            "3.1 <em>Children complete basic education of good quality.</em>",
        ),
        objective="To improve the quality of basic education and the management of the"
        " education system in four governorates.",
        jps=(
            JPSpec(
                "Teachers and schools provide better basic education",
                (
                    OutputSpec(
                        "Teachers apply child-centred methods",
                        "UNESCO",
                        indicators=6,
                        forced=((3, PERCENTAGE),),
                    ),
                    OutputSpec(
                        "Schools are rehabilitated and child friendly",
                        "UNICEF",
                        ("UNESCO",),
                        indicators=5,
                        forced=((2, COUNT_SEX_SPLIT),),
                    ),
                ),
            ),
            JPSpec(
                "The MoE plans and manages education with reliable data",
                (
                    OutputSpec(
                        "The EMIS is operational in the four governorates", "UNESCO", indicators=4
                    ),
                    OutputSpec(
                        "Out-of-school children are identified and enrolled",
                        "UNICEF",
                        indicators=5,
                        forced=((1, COUNT),),
                    ),
                ),
            ),
        ),
        slips=((PCT_MISMATCH, "1.1.3"), (SEX_SPLIT, "1.2.2"), (OUTPUT_PCT_MISMATCH, "2.2")),
        first_output_quirk=True,
        table_texts={"1.2": "Schools are rehabilitated, furnished and child friendly"},
        footnotes=4,
        footnote_line_break=True,
        children=True,
    ),
    Spec(
        name="undaf-p2-07-2013q3",
        seed=207,
        varies="protection, UNHCR + IOM, another fund (Iraq UNDAF Fund), 2013 Q3: indirect and"
        " employment beneficiaries counted; a slip in the total committed % only",
        theme=themes.PROTECTION,
        fund="Iraq UNDAF Fund",
        number="P2-07",
        title="Protection and Durable Solutions for Internally Displaced Persons",
        sector="Protection",
        thematic_group="Protection",
        agencies=(
            ("UNHCR", "Office of the United Nations High Commissioner for Refugees", 4_900_000),
            ("IOM", "International Organization for Migration", 3_350_000),
        ),
        location="Baghdad, Diyala, Anbar and Ninewa",
        quarter=Quarter(2013, 3),
        start=date(2012, 2, 1),
        months=24,
        description=(
            "More than a million Iraqis remain displaced; many lack civil documents and cannot"
            " claim their rights.",
            "The project supports the Ministry of Migration and Displacement in registration,"
            " legal aid and return assistance.",
        ),
        goal="To contribute to the Protection Outcome: <em>Displaced persons enjoy their rights"
        " and find durable solutions</em>.",
        undaf=("Outcome 4: <em>Protection of the most vulnerable</em>",),
        objective="To protect internally displaced persons and help them find durable solutions.",
        jps=(
            JPSpec(
                "Displaced families are registered and assisted",
                (
                    OutputSpec(
                        "IDP families are registered and documented",
                        "UNHCR",
                        ("IOM",),
                        indicators=5,
                    ),
                    OutputSpec(
                        "Vulnerable families receive shelter and legal aid", "IOM", indicators=4
                    ),
                ),
            ),
            JPSpec(
                "The MoMD manages returns",
                (OutputSpec("Return grants are paid and monitored", "UNHCR", indicators=3),),
            ),
        ),
        slips=((FINANCE_PCT_MISMATCH, "finance"),),
        footnotes=2,
        idps=True,
        indirect=45_000,
        employment=120,
    ),
)
