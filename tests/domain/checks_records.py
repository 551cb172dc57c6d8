"""Records for the data-quality rule tests: small builders, and the seed's transcription.

Imported by name (``from checks_records import ...``), like ``reporting_project``.
The seed is ITF G11-23's 1st quarter 2013 report, read from ``examples/itf-g11-23``;
``corrected_seed`` is the same report with every slip put right, by hand, below.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    FinanceRecord,
    FootnoteRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    PeriodRecord,
    ProjectRecord,
    ResultProgressRecord,
)
from logframe.interchange.projectfile.read import read_project_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23" / "project.json"
Q1_2013 = Quarter(year=2013, number=1)


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


def count(code: str, target: int | str) -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=f"Indicator {code}",
        measure=Measure.COUNT,
        target=Target(kind=TargetKind.NUMBER, value=D(target)),
        target_text=str(target),
    )


def percentage(code: str, target: int) -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=f"Indicator {code}",
        measure=Measure.PERCENTAGE,
        target=Target(kind=TargetKind.NUMBER, value=D(target)),
        target_text=f"{target}%",
    )


def milestone(code: str, word: str = "Yes") -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=f"Indicator {code}",
        measure=Measure.MILESTONE,
        target=Target(kind=TargetKind.MILESTONE, milestone=word),
        target_text=word,
    )


def tbd(code: str, printed: str = "tbd by IHEC") -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=f"Indicator {code}",
        measure=Measure.COUNT,
        target=Target(kind=TargetKind.TBD, note=printed.removeprefix("tbd ")),
        target_text=printed,
    )


def value(
    code: str,
    *,
    n: int | str | None = None,
    male: int | None = None,
    female: int | None = None,
    status: Status | None = None,
    estimate: int | None = None,
    parts: tuple[tuple[str, int], ...] = (),
    reported: int | str | None = None,
    text: str = "",
) -> IndicatorValueRecord:
    actual = Actual(
        value=None if n is None else D(n),
        male=None if male is None else D(male),
        female=None if female is None else D(female),
        status=status,
        estimated_pct=None if estimate is None else D(estimate),
        parts=tuple(Part(label=label, value=D(v)) for label, v in parts),
    )
    return IndicatorValueRecord(
        indicator=code,
        actual=actual,
        actual_text=text,
        reported_pct=None if reported is None else D(reported),
    )


# The seed ------------------------------------------------------------------------------


@cache
def seed() -> ProjectRecord:
    """The seed report's transcription, as the project-file reader gives it."""
    return read_project_file(EXAMPLE)


def seed_period() -> PeriodRecord:
    period = seed().period(Q1_2013)
    assert period is not None
    return period


def with_period(project: ProjectRecord, period: PeriodRecord) -> ProjectRecord:
    return replace(project, periods=(period,))


def _values(period: PeriodRecord, *fixed: IndicatorValueRecord) -> tuple[IndicatorValueRecord, ...]:
    """The period's values, some replaced (same indicator) or added."""
    by_code = {v.indicator: v for v in period.values}
    by_code.update({v.indicator: v for v in fixed})
    return tuple(by_code.values())


def _progress(period: PeriodRecord, code: str, **changes: object) -> ResultProgressRecord:
    found = next(p for p in period.progress if p.result == code)
    return replace(found, **changes)  # type: ignore[arg-type]


MAPUTO_REPEAT = "<p>8 IHEC officials attended an EC-UNDP international conference"


def corrected_seed() -> ProjectRecord:
    """The seed with every slip put right: it must raise no ERROR and no WARNING.

    Sex splits that add up (1.1.9: 30 female; 1.2.5: 68 female; 2.1.4: 84 male); the
    indicators' % as computed (3.1.4 10 %, 3.1.10 100 %, none for the percentage
    indicator 3.1.5); actuals for 1.2.2 (not yet initiated) and 3.1.8 (0 of 8); outputs
    1.2 and 3.1 as rolled up (49 %; 52 % with 3.1.8's 0 %); UNDP committed 42 %; a text
    for footnote 7; the Maputo paragraph no longer repeated under output 1.3.
    """
    project, period = seed(), seed_period()
    old = {v.indicator: v for v in period.values}

    def fix(code: str, **changes: object) -> IndicatorValueRecord:
        return replace(old[code], **changes)  # type: ignore[arg-type]

    values = _values(
        period,
        fix("1.1.9", actual=replace(old["1.1.9"].actual, female=D(30))),
        fix("1.2.5", actual=replace(old["1.2.5"].actual, female=D(68))),
        fix("2.1.4", actual=replace(old["2.1.4"].actual, male=D(84))),
        fix("3.1.4", reported_pct=D(10)),
        fix("3.1.10", reported_pct=D(100)),
        fix("3.1.5", reported_pct=None, reported_pct_text=""),
        value("1.2.2", status=Status.NOT_YET_INITIATED, text="Not yet initiated"),
        value("3.1.8", n=0, reported=0, text="0"),
    )
    narrative_13 = _progress(period, "1.3").narrative
    start = narrative_13.index(MAPUTO_REPEAT)
    without_repeat = narrative_13[:start] + narrative_13[narrative_13.index("</p>", start) + 4 :]
    progress = tuple(
        {
            "1.2": _progress(period, "1.2", reported_pct=D(49)),
            "1.3": _progress(period, "1.3", narrative=without_repeat),
            "3.1": _progress(period, "3.1", reported_pct=D(52)),
        }.get(p.result, p)
        for p in period.progress
    )
    undp = next(f for f in period.finance if f.organisation == "UNDP")
    finance: tuple[FinanceRecord, ...] = tuple(
        replace(undp, reported_committed_pct=D(42)) if f is undp else f for f in period.finance
    )
    footnotes = tuple(
        FootnoteRecord(number=7, text="Technical skills training: see Output 2.2.")
        if f.number == 7
        else f
        for f in project.footnotes
    )
    fixed = replace(period, values=values, progress=progress, finance=finance)
    return replace(with_period(project, fixed), footnotes=footnotes)
